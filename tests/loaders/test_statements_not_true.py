"""A quote that calls a claim untrue ('"this is not true"', '"these reports are not accurate"')
denies it (CONVENTIONS.md: "not true" is denied); other negated copulas stay said."""

import pytest

from tests.loaders.statement_helpers import rows

DENIALS = [
    ('Army spokesman Colonel Jan Berg said on Monday that the rebels claimed they had taken the town, '
     'underlining: "This is simply not true."', "Jan Berg"),
    ('Defence Minister Ana Ruiz told reporters that the rebels claim they hold the bridge, insisting: '
     '"That is not true at all."', "Ana Ruiz"),
    ('"These reports are not accurate," Interior Minister Omar Haddad told the station on Tuesday.', "Omar Haddad"),
    ('KALEMBA, March 4 - "It is not correct," police chief Lena Sorensen said of the reports on Friday.', "Lena Sorensen"),
]

NOT_DENIALS = [
    ('"This is not easy," Foreign Minister Ana Ruiz said on Friday.', "Ana Ruiz"),
    ('Colonel Jan Berg said the rebels "are not strong," adding that "this is a long war."', "Jan Berg"),
]


@pytest.mark.parametrize("text,speaker", DENIALS)
def test_quote_calling_a_claim_untrue_denies(text, speaker):
    got = rows(text)
    assert (speaker, "denied") in [(n, k.value) for n, k in got]


@pytest.mark.parametrize("text,speaker", NOT_DENIALS)
def test_other_negated_copulas_stay_said(text, speaker):
    got = rows(text)
    assert got and all(k.value == "said" for n, k in got if n == speaker)
