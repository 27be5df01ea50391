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
    assert _graph_rows(text) == [("Elena Ruiz", CONFIRMED), ("Elena Ruiz", SAID)]


# --- a long headline right above its first paragraph ---------------------------------------------

def test_statements_long_headline_above_a_line_is_its_own_sentence():
    text = ("Coastal patrol boats deny any part in the sinking of a fishing trawler near Iquique\n"
            "The navy's chief spokesman says the patrol boats were in port all week.\n\n"
            "The navy's chief spokesman, Captain Rosa Ibarra, said on Friday that the logs proved it.")
    assert ("Rosa Ibarra", SAID) in _rows(text)
    assert [r for r in _rows(text) if r[0] == "Rosa Ibarra"] == [("Rosa Ibarra", SAID)] * 2


def test_statements_wrapped_prose_is_not_cut_at_its_line_breaks():
    from loaders.nlp import load_nlp, mark_line_breaks
    text = ("The minister met the delegation from the northern provinces on Monday and\n"
            "agreed that the talks on the new water-sharing accord would go on until the\n"
            "end of the month, when the two sides are due to meet the envoy of President\n"
            "Lara Moss in the capital to sign the first part of the accord on the rivers.\n")
    doc = mark_line_breaks(load_nlp().make_doc(text))
    assert [t.i for t in doc if t.is_sent_start] == [0]


def test_statements_subheading_between_paragraphs_is_its_own_sentence():
    text = ("Talks stall\n\nThe rebels rejected the offer on Monday.\n"
            "Brazil calls for the blockade of the Parana river port to end within days\n"
            "The foreign ministry said it was concerned by the blockade.\n")
    graph = extract_text(text)
    names = {e.id: e.name for e in graph.entities}
    assert [(names[s.speaker], s.sentence) for s in graph.statements if s.verb == "call"] == [
        ("Brazil", "Brazil calls for the blockade of the Parana river port to end within days")]


# --- role phrases ----------------------------------------------------------------------------------

def test_statements_name_in_apposition_at_the_end_of_a_long_role_phrase():
    text = ("The drill tests how fast the fleet can close the strait from three directions, the spokesman for "
            "the navy's Southern Fleet Command, Tomas Herrera, said.")
    assert _rows(text) == [("Tomas Herrera", SAID)]


def test_statements_role_owned_by_a_common_noun_without_holder_is_one_unnamed_person():
    assert _rows("The navy's chief spokesman says the bridge at Karsa is still held.") == [
        ("navy's chief spokesman", SAID)]


# --- groups and their messages -------------------------------------------------------------------

def test_statements_unnamed_group_with_named_partners_is_one_speaker():
    text = ("Several Nordic countries and Japan said on Monday that they condemn the blockade of the port. "
            "The joint letter of these countries argued that the blockade was illegal. "
            "The authors of the letter also said that they would raise it at the UN.")
    assert _rows(text) == [("Several Nordic countries and Japan", SAID)] * 3


def test_statements_named_speakers_joined_by_and_stay_two():
    assert _rows("Norway and Canada announced on Monday that they condemn the blockade.") == [
        ("Norway", SAID), ("Canada", SAID)]


# --- evidence asserted --------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("The ministry said it had evidence that the rebels used the bridge.", CONFIRMED),
    ("The ministry said there is evidence that the rebels used the bridge.", CONFIRMED),
    ('The ministry assured that they "have proof that the rebels used the bridge."', CONFIRMED),
    ("The ministry said it had no evidence that the rebels used the bridge.", SAID),
    ("The ministry said it did not have evidence that the rebels used the bridge.", SAID),
    ("The ministry said there may be evidence that the rebels used the bridge.", SAID),
    ("The ministry said the evidence was weak.", SAID),
])
def test_statements_said_there_is_evidence_confirms(text, kind):
    assert [k for _, k in _rows(text)] == [kind]


# --- broadcaster transcripts ---------------------------------------------------------------------

_TRANSCRIPT = ("Border tensions rise\n\nSTEVE MARLOW, HOST:\nTroops crossed the border near Arica this week.\n\n"
               "(SOUNDBITE OF ARCHIVED RECORDING)\n\n"
               "ANA CASTEL: (Through interpreter) We will defend every metre of the border.\n\n"
               "MARLOW: That was the defence minister speaking in Santiago.\n\n"
               "(SOUND BITE) PEDRO LIMA, MAYOR OF ARICA: The soldiers left before dawn.\n")


def test_statements_transcript_turns_of_guests_not_of_the_host():
    graph = extract_text(_TRANSCRIPT)
    names = {e.id: e.name for e in graph.entities}
    rows = [(names[s.speaker], s.verb) for s in graph.statements]
    assert rows == [("Ana Castel", "turn"), ("Pedro Lima", "turn")]


def test_statements_transcript_label_alone_on_its_line_is_no_turn():
    graph = extract_text("Border tensions rise\n\nNOTE:\nThe soldiers left before dawn, and the border is calm.\n"
                         "The two sides have been at odds over the border for years.\n")
    assert graph.statements == ()


def test_statements_a_capitalised_section_label_is_no_speaker():
    graph = extract_text("Published 2025-01-14\n\nIN BRIEF: Counting the losses at the border crossing\n\n"
                         "Estimates of the losses vary widely, depending on who is counting them at the border.\n")
    assert graph.statements == () and not any(e.type.value == "Person" for e in graph.entities)
