"""Statement rules on invented news sentences: speakers, kinds, one act per reporting act,
dates and hedging. No services needed."""

from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import extract as _extract
from tests.loaders.statement_helpers import rows as _rows

SAID, CONFIRMED, DENIED = StatementKind.SAID, StatementKind.CONFIRMED, StatementKind.DENIED






def test_statements_neither_nor_is_one_said_act():
    rows = _rows("Interior Minister Lena Vogt neither confirmed nor denied the reports of a raid.")
    assert rows == [("Lena Vogt", SAID)]


def test_statements_rejected_claims_is_denial_and_saying_is_same_act():
    rows = _rows("Prime Minister Omar Haddad rejected claims that his government had paid the militia, "
                 "saying the money went to schools.")
    assert rows == [("Omar Haddad", DENIED)]


def test_statements_rejected_bid_is_no_denial():
    assert _rows("The board of Norsk Hydro rejected the takeover bid on Tuesday.") == []


def test_statements_described_as_fabrication_is_denial():
    rows = _rows('The allegations were described as "pure fiction" by Defence Minister Karl Brandt.')
    assert rows == [("Karl Brandt", DENIED)]


def test_statements_citing_source_is_one_act_with_source():
    rows = _extract("Reuters, citing two Egyptian officials, said the ceasefire talks had stalled. "
                    "Kyodo News, citing the Japanese Defense Ministry, reported that a second missile was fired.")
    assert [(n, k) for n, k, _ in rows] == [("Reuters", SAID), ("Kyodo News", SAID)]
    assert rows[1][2].source is not None


def test_statements_acknowledge_confirms_and_unmade_concession_is_none():
    # CONVENTIONS.md: acknowledging that something is so confirms it.
    rows = _rows("Police chief Maria Lund acknowledged that officers had arrived late. "
                 "The Danish army has never acknowledged that the drill took place.")
    assert rows == [("Maria Lund", CONFIRMED)]


def test_statements_pronoun_follows_new_subject_and_gender():
    text = ("Health Minister Clara Ortiz said on Monday that clinics would reopen. "
            "Her deputy, Tomas Reyes, who chaired the meeting, welcomed the decision. "
            '"This is overdue," he said. She added that funding was secured.')
    assert _rows(text) == [("Clara Ortiz", SAID), ("Tomas Reyes", SAID), ("Tomas Reyes", SAID), ("Clara Ortiz", SAID)]


def test_statements_definite_role_noun_finds_person_with_that_role():
    text = ("Trade Minister Ivo Marek met Senator Alice Grant in Prague. Grant said the tariffs were unfair. "
            "The minister said talks would continue.")
    assert _rows(text) == [("Alice Grant", SAID), ("Ivo Marek", SAID)]


def test_statements_gendered_spokesperson_then_she():
    text = ("A State Department spokeswoman said the embassy would stay open. "
            "She said staff numbers had been cut.")
    rows = _rows(text)
    assert len(rows) == 2 and rows[0][0] == rows[1][0] and "State Department" in rows[0][0]


def test_statements_it_continues_agency_speaker():
    text = ("The World Health Organization said the outbreak was slowing. "
            "It called on governments to keep testing.")
    rows = _rows(text)
    assert [k for _, k in rows] == [SAID, SAID] and rows[0][0] == rows[1][0]


def test_statements_belief_framed_by_said_is_one_act():
    text = "Canada now believes the ship sank in international waters, senior Canadian officials said Friday."
    # The officials speak (CONVENTIONS.md: a group named as the article names it, not Canada).
    assert _rows(text) == [("senior Canadian officials", SAID)]


def test_statements_dateline_is_not_a_speaker():
    rows = _rows("NAIROBI — The Kenyan foreign ministry said on Sunday that the envoy had been recalled.")
    assert len(rows) == 1 and rows[0][0] != "Nairobi" and "Kenya" not in {rows[0][0]}


def test_statements_background_relative_clause_is_not_an_act():
    text = "The Lagos Times, which first reported the scandal, confirmed on Friday that the minister had resigned."
    assert _rows(text) == [("Lagos Times", CONFIRMED)]


def test_statements_date_weekday_and_explicit():
    rows = _extract("The Kremlin said on Friday that talks were useful. "
                    "Peskov told reporters on Oct. 24 that no decision had been taken.", published="2024-10-30")
    assert [s.date for _, _, s in rows] == ["2024-10-25", "2024-10-24"]


def test_statements_hedged_reportedly():
    rows = _extract("General Ivan Petrov reportedly told aides that the offensive had failed. "
                    "General Ivan Petrov told aides that the offensive had failed.")
    assert [s.hedged for _, _, s in rows] == [True, False]
