"""Statement rules of round 5 (issue 9, real news) on invented text: a state's army speaking as an
institution, headlinese role speakers, offices from the actor dictionary, sentence-final reporting
clauses the parser misattaches, and a lead right after a skipped page header. No services needed."""

import pytest

from loaders.pipeline import extract_text
from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import rows as _rows

SAID, CONFIRMED, DENIED = StatementKind.SAID, StatementKind.CONFIRMED, StatementKind.DENIED


# --- a state's army as a speaker -----------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, kind", [
    ("The Polish army said on Monday it had finished the exercise near the border.", "Polish army", SAID),
    ("Chile's Armed Forces denied that rebels had crossed the Loa river.", "Chile's Armed Forces", DENIED),
    ("The Chinese military added on Sunday that the drills would continue.", "Chinese military", SAID),
    ("Ukraine's military said two drones had been shot down over Lviv.", "Ukraine's military", SAID),
])
def test_statements_a_states_army_speaks_as_an_agency(text, speaker, kind):
    assert _rows(text) == [(speaker, kind)]


def test_statements_a_bare_army_refers_back_to_the_army_that_spoke():
    rows = _rows("The Sudanese army said its positions near Omdurman were secure. "
                 "Later the army said that two convoys had reached the city.")
    assert rows == [("Sudanese army", SAID), ("Sudanese army", SAID)]


def test_statements_an_army_that_fights_stays_a_unit():
    graph = extract_text("Tensions rise on the border\n\nThe Polish army moved two brigades into Suwalki on Monday, "
                         "according to the defence ministry.")
    assert "Polish army" not in {e.name for e in graph.entities if e.type.value == "Agency"}


# --- headlines -----------------------------------------------------------------------------------

@pytest.mark.parametrize("headline", [
    "Farmers blocked three highways near the capital overnight, minister says",
    "Farmers blocked three highways near the capital overnight, Minister says",
])
def test_statements_headline_role_speaker_is_the_holder_named_below(headline):
    text = f"{headline}\n\nFarmers blocked three highways on Monday night, Interior Minister Adam Lorrel said on Tuesday."
    assert _rows(text) == [("Adam Lorrel", SAID), ("Adam Lorrel", SAID)]


# --- offices from the actor dictionary -----------------------------------------------------------

_OFFICE_TEXT = ("Corridor to reopen\n\nRustem Umerov met his Polish counterpart in Warsaw on Monday. "
                "Grain exports through the western corridor would resume next week, Ukraine's defence minister said.")


def _graph_rows(text: str, published: str | None = None) -> list[tuple]:
    graph = extract_text(text, published=published)
    names = {e.id: e.name for e in graph.entities}
    return [(names[s.speaker], s.kind) for s in graph.statements]


def test_statements_role_resolves_to_the_dictionary_holder_on_the_articles_date():
    assert _graph_rows(_OFFICE_TEXT, published="2024-11-05") == [("Rustem Umerov", SAID)]


def test_statements_role_is_not_given_to_a_former_holder():
    assert ("Rustem Umerov", SAID) not in _graph_rows(_OFFICE_TEXT, published="2026-01-10")


def test_statements_no_dictionary_office_without_a_date():
    assert ("Rustem Umerov", SAID) not in _graph_rows(_OFFICE_TEXT)


# --- sentence-final reporting clauses ------------------------------------------------------------

@pytest.mark.parametrize("tail", [
    "Ukraine's defence minister confirmed on Friday.",
    "Ukraine's defence minister confirmed.",
    "Ukraine's defence minister confirmed late on Friday.",
])
def test_statements_final_clause_after_a_long_content_clause(tail):
    text = ("Assault repelled\n\nRustem Umerov met his Polish counterpart in Warsaw on Monday.\n\n"
            "Ukraine's army repelled the assault for the first time since Moscow moved its reserves to aid the "
            f"offensive near Pokrovsk, {tail}")
    assert ("Rustem Umerov", CONFIRMED) in _graph_rows(text, published="2024-11-05")


def test_statements_final_noun_phrase_without_a_reporting_verb_is_no_act():
    assert _rows("The convoy reached Kherson after a long detour through the villages, the regional capital.") == []


# --- the lead right after a page header ----------------------------------------------------------

def test_statements_lead_right_after_a_skipped_header_is_read():
    text = ("source: https://example.org/news/envoys\npublished: 2025-02-11\n\n"
            "Elena Ruiz has confirmed she sent her envoys to support the talks in Geneva, in a rare admission "
            "months after the envoys were first seen there.\nShe said the talks would continue in March.\n")
    graph = extract_text(text)
    names = {e.id: e.name for e in graph.entities}
    assert [(names[s.speaker], s.kind) for s in graph.statements] == [("Elena Ruiz", CONFIRMED), ("Elena Ruiz", SAID)]
