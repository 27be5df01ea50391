"""Statement rules of round 3 on invented text: people introduced by a description or a rank,
family-name-first surnames, pairs ('both countries', 'the two'), question subheadings, transcript
turns as whole passages and pleasantry turns. No services needed."""

from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import extract as _extract
from tests.loaders.statement_helpers import rows as _rows

SAID, DENIED = StatementKind.SAID, StatementKind.DENIED






def test_statements_person_with_appositive_description_speaks():
    rows = _rows("Tomas Verbiest, a Ghent-based shipping analyst, said the port would reopen in May.")
    assert rows == [("Tomas Verbiest", SAID)]


def test_statements_hyphenated_given_name_with_description_speaks():
    rows = _rows("Min-seo Park, a trade specialist based in Busan, says the tariffs will bite.")
    assert rows == [("Min-seo Park", SAID)]


def test_statements_name_after_rank_speaks():
    rows = _rows("Capt. Ilmar Saarsalu, who commands the patrol boat, said the crew was safe.")
    assert rows == [("Ilmar Saarsalu", SAID)]


def test_statements_family_name_first_surname_refers_back():
    rows = _rows("Finance Minister Han Dae-sung met the delegation on Monday. "
                 "Han told reporters that the budget would pass.")
    assert rows == [("Han Dae-sung", SAID)]


def test_statements_both_countries_is_the_pair_named_before():
    rows = _rows("Norway and Iceland were accused of overfishing the stock. Both countries rejected the claims.")
    assert rows == [("Norway", DENIED), ("Iceland", DENIED)]


def test_statements_question_subheading_is_not_a_statement():
    assert _rows("What does Finland say about the new border fence?") == []


def test_statements_transcript_turn_is_whole_turn_and_pleasantries_are_not():
    text = ("Weekly Press Briefing\n\n"
            "Thomas Berger, Department Spokesperson\n\n"
            "MR. BERGER: Sure. We have seen the reports and are assessing them.\n\n"
            "QUESTION: Thank you.\n\n"
            "MR. BERGER: Thanks, everyone.\n")
    rows = _extract(text)
    assert [(n, k) for n, k, _ in rows] == [("Thomas Berger", SAID)]
    assert rows[0][2].sentence == "MR. BERGER: Sure. We have seen the reports and are assessing them."
