"""A state's body keeps the owner's form as an alias and is never another state's body of the
same name; a state named only by adjectives is not listed. Invented sentences."""

import pytest

from loaders import extract_text
from loaders.entities import extract_mentions
from loaders.nlp import parse_text
from loaders.resolve import resolve_mentions
from schema.vocabulary import EntityType


def _agencies(text: str) -> dict[str, object]:
    return {e.name: e for e in extract_text(text).entities if e.type is EntityType.AGENCY}


@pytest.mark.parametrize("sentence, form", [
    ("The UK's Ministry of Defence said on Monday that a frigate had left port.", "UK's Ministry of Defence"),
    ("Kenya’s Ministry of Interior told reporters that the police were ready.", "Kenya’s Ministry of Interior"),
    ("A protest note went out on Thursday from Uruguay's Ministry of Tourism, which blamed the airline.",
     "Uruguay's Ministry of Tourism"),
])
def test_entities_state_body_keeps_the_owner_form(sentence, form):
    agencies = _agencies(sentence)
    assert any(form in (a.name, *a.aliases) for a in agencies.values())


@pytest.mark.parametrize("owner, adjective", [("Iran", "Iranian"), ("Israel", "Israeli"), ("Pakistan", "Pakistani")])
def test_entities_state_security_council_is_not_the_us_one(owner, adjective):
    agencies = _agencies(f"The deal would be annulled, {owner}’s National Security Council said in a "
                         "statement on Sunday after a meeting in the capital.")
    assert "National Security Council" not in agencies
    assert f"{adjective} National Security Council" in agencies


def _listed_states(text: str) -> set[str]:
    """States in the article's entity table when no statement or relation uses them."""
    doc = parse_text(text)
    table = resolve_mentions(doc, extract_mentions(doc, []))
    return {e.name for e in table.records() if e.type is EntityType.STATE}


def test_entities_state_named_only_by_adjectives_is_not_listed():
    assert "Kenya" not in _listed_states("Kenyan police officers arrived in Port-au-Prince on Tuesday, "
                                         "and Haitian officials welcomed them at the airport.")
    assert "Kenya" in _listed_states("Kenya sent police officers to Haiti on Tuesday, and Kenyan "
                                     "officials said more would follow.")
