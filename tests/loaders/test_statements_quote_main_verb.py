"""A first-person quote's first verb gives the act its kind even when the parser hangs that verb on
a later one inside the quote ('"We refute these reports, no soldiers are here"')."""

import pytest

from tests.loaders.statement_helpers import rows

CASES = [
    ('"We refute these reports, no foreign soldiers are in Chad," the authorities wrote in the letter.',
     "Chad", "denied"),
    ('"We firmly deny it, these troops have never set foot in Niger," officials of Niger said on Monday.',
     "officials", "denied"),
    ('"Today we categorically refute the baseless accusations by which...men of a foreign contractor were '
     'sent to Niger," the authorities say in the letter.', "Niger", "denied"),
]


@pytest.mark.parametrize("text,speaker,kind", CASES)
def test_first_verb_of_quote_sets_kind(text, speaker, kind):
    assert (speaker, kind) in [(n, k.value) for n, k in rows(text)]


def test_later_first_person_verb_does_not():
    got = rows('"Many say we refute everything, but the talks will go on," Niger noted on Monday.')
    assert got and all(k.value == "said" for _, k in got)
