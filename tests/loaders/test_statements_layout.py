"""Statement rules of round 2 on invented text: transcript turns, headline attributions, set-phrase
verbs ('issued a statement', 'declined to comment'), parenthetical verbs, owned messages and
institutions. No services needed."""

from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import extract as _extract
from tests.loaders.statement_helpers import rows as _rows

SAID = StatementKind.SAID






TRANSCRIPT = """Daily Press Briefing

Thomas Berger, Department Spokesperson

MR. BERGER: Good morning. We have two announcements today.

QUESTION: Can you confirm the reports of a border incident?

MR. BERGER: I cannot confirm that from here. We are still gathering facts.

QUESTION: Thank you.
"""


def test_statements_transcript_turns_are_statements_and_questions_are_not():
    rows = _extract(TRANSCRIPT)
    assert [(n, k) for n, k, _ in rows] == [("Thomas Berger", SAID), ("Thomas Berger", SAID)]
    assert rows[0][2].sentence.startswith("MR. BERGER: Good morning.")
    assert "cannot confirm" in rows[1][2].sentence


def test_statements_headline_label_and_closing_attributions():
    text = ("Pentagon: drills near the border 'routine and defensive'\n\n"
            "'We will rebuild every bridge' – Lindqvist\n\n"
            "Port closures cost the region billions, warns Lindqvist\n\n"
            "Prime Minister Erik Lindqvist spoke in Oslo on Monday.")
    assert _rows(text) == [("Pentagon", SAID), ("Erik Lindqvist", SAID), ("Erik Lindqvist", SAID)]


def test_statements_place_label_and_outlet_title_are_not_attributions():
    text = ("VIENNA: The talks resumed on Tuesday after a week-long pause.\n\n"
            "Flooding forces thousands from their homes in the south - Reuters\n\n"
            "The talks resumed in Vienna.")
    assert _rows(text) == []


def test_statements_declined_to_comment_is_an_act_and_whether_clause_is_not():
    rows = _rows("The Foreign Office declined to comment on whether Dutch intelligence had verified the photos.")
    assert rows == [("Foreign Office", SAID)]


def test_statements_set_phrases_issue_statement_and_refer_reporters():
    rows = _rows("Senator Maria Costa put out a statement on Sunday calling the deal a mistake. "
                 "Finance Minister Paul Dubois referred reporters to the central bank. "
                 "The company put the figure at 300 jobs.")
    assert rows == [("Maria Costa", SAID), ("Paul Dubois", SAID)]


def test_statements_parenthetical_verb_reports_its_host_clause():
    rows = _rows("Interior Minister Lena Vogt spoke after the meeting. The cabinet, she added, had no further plans.")
    assert rows == [("Lena Vogt", SAID)]


def test_statements_owned_message_and_persons_institution_speak_as_agencies():
    rows = _rows("The Norwegian defence ministry's morning briefing claimed that two drones were shot down. "
                 "Intelligence chief Olaf Berg's agency, the Military Intelligence and Security Service, "
                 "said the drones came from the east.")
    names = [n for n, _ in rows]
    assert "Olaf Berg" not in names
    assert len(rows) == 2


def test_statements_role_noun_is_not_a_person_with_another_role():
    rows = _rows("Government spokesman Karl Brandt said the talks were useful. "
                 "The Chancellor stressed that the border would stay open.")
    assert rows == [("Karl Brandt", SAID)]
