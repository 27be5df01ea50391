"""SIGNED by 'all parties' / 'both sides' / 'the two sides': the two states or agencies the
sentence names, and only when there are exactly two and no mediator. Invented sentences only."""

from __future__ import annotations

import pytest

from tests.loaders.relation_helpers import signers as _signed


@pytest.mark.parametrize("text", [
    "Colombia said on Monday that all parties had signed the Havana ceasefire agreement, adding that the FARC "
    "would hand over its weapons within a month.",
    "Both sides have now signed the Havana ceasefire agreement, Colombia said, as the FARC began to disarm.",
    "Colombia said late on Monday that the two sides signed the Havana ceasefire agreement after the FARC "
    "accepted the last clause.",
])
def test_relations_the_sides_are_the_two_parties_the_sentence_names(text):
    signed = _signed(text)
    assert {"Colombia", "FARC"} <= signed


@pytest.mark.parametrize("text", [
    # a mediator in the sentence: which two signed is unclear
    "Norway, which mediated the talks, said all parties had signed the Havana ceasefire agreement, adding that "
    "Colombia and the FARC would meet again.",
    # three parties named: which ones signed is unclear
    "Colombia said all parties had signed the Havana ceasefire agreement, and Venezuela and the FARC welcomed it.",
])
def test_relations_the_sides_stay_unresolved_when_unclear(text):
    assert not _signed(text) & {"Norway", "Venezuela"}


@pytest.mark.parametrize(("text", "signers"), [
    ("Colombia said on Monday that all parties have signed the opening phase of a truce and prisoner exchange "
     "deal, and the FARC would free its prisoners in May.", {"Colombia", "FARC"}),
    ("Kenya and Somalia on Friday signed the final text of a maritime and security cooperation agreement "
     "in Nairobi.", {"Kenya", "Somalia"}),
])
def test_relations_a_named_deal_coordinated_inside_an_of_phrase_is_signed(text, signers):
    assert signers <= _signed(text)
