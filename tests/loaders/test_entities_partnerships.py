"""A partnership with a party is a relationship, not a treaty; a partnership of a kind and an
agreement named by its parties stay treaties. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


@pytest.mark.parametrize("text", [
    "Peru will build an exclusive partnership with Chile to run the port, the minister said.",
    "The envoy praised the close partnership between Accra and Lome on Thursday.",
    "Officials said a deeper partnership with Japan was likely, citing the summit.",
])
def test_entities_partnership_with_a_party_is_not_a_treaty(text):
    graph = extract_text(text)
    assert not any(e.type is EntityType.TREATY for e in graph.entities)


@pytest.mark.parametrize("text", [
    "Peru and Chile signed a strategic partnership on Monday, officials said.",
    "Both sides initialled a maritime agreement with the port authority on Friday.",
    "The two states signed the latest deal between both governments, the envoy said.",
])
def test_entities_partnership_of_a_kind_and_agreement_with_parties_stay(text):
    graph = extract_text(text)
    assert any(e.type is EntityType.TREATY for e in graph.entities)
