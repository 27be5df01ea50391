"""'denied ..., saying ...' (CONVENTIONS.md: a second reporting verb with new content gives a
second entry): a quote that does not restate the denial is a second act; a restating quote, a
reported clause, and 'saying' after a plain 'said' stay one act."""

import pytest

from tests.loaders.statement_helpers import rows

TWO_ACTS = [
    'Defence Minister Omar Saleh denied the reports, saying: "The convoy will sail to Crete next week."',
    'Defence Minister Omar Saleh denied the reports on Monday, saying that "our navy will hold talks with Greece in May."',
    'ATHENS, June 2 - Omar Saleh, the defence minister, rejected the claims, saying "we are ready for talks."',
]

ONE_ACT = [
    'Defence Minister Omar Saleh denied the reports, saying: "The convoy never left port."',
    'Defence Minister Omar Saleh denied the reports, saying they were "pure fiction."',
    'Defence Minister Omar Saleh denied the reports, saying the convoy never left port.',
    'Defence Minister Omar Saleh said on Monday the convoy had left, saying: "It will reach Crete next week."',
]


@pytest.mark.parametrize("text", TWO_ACTS)
def test_new_quoted_content_after_a_denial_is_a_second_act(text):
    got = [(n, k.value) for n, k in rows(text)]
    assert got == [("Omar Saleh", "denied"), ("Omar Saleh", "said")]


@pytest.mark.parametrize("text", ONE_ACT)
def test_restating_or_plain_saying_stays_one_act(text):
    assert len(rows(text)) == 1
