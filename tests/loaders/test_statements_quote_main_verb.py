"""A first-person quote's first verb gives the act its kind even when the parser hangs that verb on
a later one inside the quote ('"We refute the claims according to which ... were sent"')."""

import pytest

from tests.loaders.statement_helpers import rows

CASES = [
    ('"We officially refute the unfounded allegations according to which...troops of a foreign company '
     'have been deployed in Niger," the authorities note in the communique.', "Niger", "denied"),
    ('"We strongly reject the false reports according to which mercenaries of a private firm were flown '
     'into Chad," the government of Chad said in a statement on Monday.', "Chad", "denied"),
    ('"We firmly refute the unfounded allegations that foreign soldiers have been deployed in our country," '
     'Niger noted in the communique.', "Niger", "denied"),
]


@pytest.mark.parametrize("text,speaker,kind", CASES)
def test_first_verb_of_quote_sets_kind(text, speaker, kind):
    assert (speaker, kind) in [(n, k.value) for n, k in rows(text)]


def test_later_first_person_verb_does_not():
    got = rows('"Many say we refute everything, but the talks will go on," Niger noted on Monday.')
    assert got and all(k.value == "said" for _, k in got)
