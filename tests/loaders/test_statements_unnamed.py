"""Unnamed speakers are entities named as the article names them (CONVENTIONS.md): one person
singled out is a Person, a described group an Agency; neither is folded into its state."""

from __future__ import annotations

from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import extract, rows

SAID = StatementKind.SAID


def _speakers(text: str) -> list[str]:
    return [name for name, _ in rows(text)]


def test_unnamed_official_is_a_person_named_by_the_phrase():
    text = "A senior Norwegian official said the talks in Oslo would resume in May."
    found = extract(text)
    assert [(n, k) for n, k, _ in found] == [("senior Norwegian official", SAID)]


def test_unnamed_official_keeps_where_they_are_from():
    assert _speakers("An official from Chile's foreign ministry said on Monday that the border was calm.") == [
        "official from Chile's foreign ministry"]


def test_unnamed_official_is_the_later_definite_role_noun():
    text = ("An official from Chile's foreign ministry said on Monday that the border was calm. "
            "The official said patrols would continue.")
    assert _speakers(text) == ["official from Chile's foreign ministry"] * 2


def test_unnamed_spokeswoman_is_the_later_she():
    text = "A Peruvian army spokeswoman said the convoy had arrived. She added that no shots were fired."
    assert _speakers(text) == ["Peruvian army spokeswoman"] * 2


def test_unnamed_group_is_an_agency_not_the_state():
    from loaders import extract_text

    graph = extract_text("Chilean officials said the border crossing at Arica would reopen on Friday.")
    (statement,) = graph.statements
    speaker = next(e for e in graph.entities if e.id == statement.speaker)
    assert (speaker.name, speaker.type.value) == ("Chilean officials", "Agency")


def test_unnamed_sources_and_one_of_a_group():
    assert _speakers("Diplomatic sources said the envoy had left Lima.") == ["Diplomatic sources"]
    assert _speakers("One of the negotiators said the draft was nearly complete.") == ["One of the negotiators"]


def test_unnamed_bare_plural_is_not_a_speaker():
    assert _speakers("Officials said the road was closed.") == []


def test_nominal_claim_with_owner_and_content_is_a_statement():
    found = rows("Chile rejected Peru's claim that its navy had entered the disputed waters.")
    assert ("Peru", SAID) in found, found


def test_nominal_claim_without_content_is_none():
    assert ("Peru", SAID) not in rows("Chile studied Peru's claim for weeks.")


def test_according_to_the_statement_is_who_issued_it():
    text = ("The Chilean navy said in a statement on Monday that two frigates had left Valparaiso. "
            "According to the statement, the ships will patrol for ten days.")
    found = rows(text)
    assert len(found) == 2 and found[0][0] == found[1][0], found


def test_according_to_the_statement_without_one_issued_is_none():
    text = ("The Chilean navy said on Monday that two frigates had left Valparaiso. "
            "According to the statement, the ships will patrol for ten days.")
    assert len(rows(text)) == 1
