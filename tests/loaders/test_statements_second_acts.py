"""Second reporting acts the parser hangs on the first act's content or beside it (issue 9):
a subjectless verb conjoined to the reported clause ('said that the deal is dead and warned ...'),
a participle nested under it ('said the raids worked, while stressing ...') or beside an act under
a non-reporting head ('This comes as X denied ..., insisting ...'). Invented text; no services."""

import pytest

from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import extract as _extract
from tests.loaders.statement_helpers import rows as _rows

SAID, DENIED = StatementKind.SAID, StatementKind.DENIED


@pytest.mark.parametrize(("text", "second"), [
    ("President Ana Ferreira said that the deal is dead and warned it would cost Lisbon dearly.", "warn"),
    ("Ortega declared that the planned visit of the Spanish frigate is a provocation and claimed it breaks an "
     "earlier pact between the two countries.", "claim"),
    ("On Monday, President Ana Ferreira stated the vote was fair and insisted that the result would stand.", "insist"),
])
def test_statements_verb_conjoined_to_the_reported_clause_is_a_second_act(text, second):
    rows = _extract(text)
    assert len(rows) == 2 and rows[0][0] == rows[1][0] and rows[1][2].verb == second


@pytest.mark.parametrize("text", [
    "Defence Minister Alan Marsh later said that the rebels are weakened because the raids on them have worked "
    "well, while stressing that those raids will go on for a long time.",
    "Defence Minister Alan Marsh said on Friday the rebels were tired since the blockade had worked, while "
    "stressing that it would stay.",
])
def test_statements_participle_nested_in_the_content_is_the_reporters(text):
    assert _rows(text) == [("Alan Marsh", SAID), ("Alan Marsh", SAID)]


@pytest.mark.parametrize("text", [
    "This comes as Chile denied Mr Morales's claim that his army has retaken the whole valley, insisting that "
    "clashes are still going on.",
    "The vote came as Chile rejected the reports, stressing that its troops had not crossed the border.",
])
def test_statements_participle_beside_an_act_under_another_head_is_that_speakers(text):
    rows = _rows(text)
    assert rows[0] == ("Chile", DENIED) and rows[-1] == ("Chile", SAID)


@pytest.mark.parametrize("text", [
    # the conjoined verb has a subject that could speak: not the reporter's act
    "President Ana Ferreira said the rebels attacked the town and claimed it was theirs.",
    # an infinitive in the content is no act
    'President Ana Ferreira, speaking in her weekly address, said the region had to respond "with unity" to the '
    "blockade.",
    '"Our ties are strong," Defence Minister Ana Ferreira said, when asked to comment on reports that troops had arrived.',
])
def test_statements_verbs_in_the_content_that_are_not_the_reporters_acts(text):
    assert len(_rows(text)) == 1


# --- a headline that lists its speakers is no dateline ---------------------------------------------

@pytest.mark.parametrize("headline", [
    "NATO, allies welcome Finland's move to join the pact",
    "NATO, partners welcome the ceasefire in Gaza",
])
def test_statements_capitalised_speaker_and_comma_in_a_headline_is_a_speaker(headline):
    assert ("NATO", SAID) in _rows(f"{headline}\n\nFighting stopped on Friday.")


@pytest.mark.parametrize("lead", [
    "WASHINGTON, Oct 31 (Reuters) - Peru said on Friday that the talks had failed.",
    "UNITED NATIONS, Nov 4 (Reuters) - Peru said on Friday that the talks had failed.",
])
def test_statements_capitalised_dateline_and_comma_still_never_speaks(lead):
    assert _rows(lead) == [("Peru", SAID)]


# --- a message named again after a long quote ------------------------------------------------------

_LONG_QUOTE = ('"The president is deeply worried about the clashes. She calls on both sides to stop. She will '
               'travel to the region. She asks for calm." Talks are due next week. ')


@pytest.mark.parametrize("later", [
    "The statement did not confirm the accounts of Bolivian troops near Puno, nor did it name the units.",
    'According to the statement, the president backs "every effort toward peace."',
    "The statement also said the army would stay in its barracks.",
])
def test_statements_message_named_after_a_long_quote_is_its_issuer(later):
    text = ('Peru is "deeply worried" about the border clashes, Lucia Paredes, a spokeswoman for the president, '
            f"said in a statement on Monday. {_LONG_QUOTE}{later}")
    rows = _rows(text)
    assert [name for name, _ in rows] == ["Lucia Paredes"] * 2 and rows[1][1] is SAID


def test_statements_message_named_far_after_its_issue_is_nobody():
    filler = " ".join(f"Shelling went on in sector {n}." for n in range(10))
    rows = _rows(f"Lucia Paredes said in a statement that the border was calm. {filler} "
                 "The statement also said the army would stay in its barracks.")
    assert rows == [("Lucia Paredes", SAID)]


# --- a quote that calls the claims false -----------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ('"These reports are simply false," Defence Minister Ana Ferreira said on Monday.', DENIED),
    ('"Statements by the rebel command about the rout of our units are pure propaganda," '
     "Defence Minister Ana Ferreira said.", DENIED),
    ('"The accusations are a fabrication from start to finish," Defence Minister Ana Ferreira told reporters.', DENIED),
    ('"The claims are not false," Defence Minister Ana Ferreira said.', SAID),
    ('"The weather is false spring," Defence Minister Ana Ferreira said.', SAID),  # not a claim
])
def test_statements_quote_calling_the_claims_false_is_a_denial(text, kind):
    assert [k for _, k in _rows(text)] == [kind]


def test_statements_calling_reports_false_is_a_denial():
    # "false" read as a YAML boolean once kept it out of the falsity words
    assert _rows("Defence Minister Ana Ferreira called the reports false.") == [("Ana Ferreira", DENIED)]


# --- an unnamed description that names the person --------------------------------------------------

@pytest.mark.parametrize(("text", "person"), [
    ("A rebel fighter, identified only by his first name Ahmed, told reporters that the town had fallen.", "Ahmed"),
    ("A rebel fighter captured by the army, identified by his surname Ahmed Musa, said the town had fallen.",
     "Ahmed Musa"),
    ("A nurse named Maria Lopez said on Tuesday the clinic had been shelled.", "Maria Lopez"),
])
def test_statements_description_identified_by_name_is_that_person(text, person):
    assert _rows(text) == [(person, SAID)]


def test_statements_person_met_by_the_speaker_is_not_the_speaker():
    assert all(name != "Maria Lopez" for name, _ in _rows("A soldier who met Maria Lopez said the clinic was shelled."))
