"""A bare name NER took for an organisation or a person is the region the article also names
('the Ogaden region' ... 'the Ogaden'), before or after it. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


@pytest.mark.parametrize("text, region, bare", [
    ("The dispute centres on the Ogaden region, a dry area. Officials asked whether the Ogaden should stay "
     "under federal rule.", "Ogaden region", "Ogaden"),
    ("Officials asked whether the Ogaden should stay under federal rule. The dispute centres on the Ogaden "
     "region, a dry area.", "Ogaden region", "Ogaden"),
    ("Talks on the Sool region resumed on Friday. Aides said the Sool would get a new governor.",
     "Sool region", "Sool"),
])
def test_resolve_bare_name_joins_the_region(text, region, bare):
    entities = [e for e in extract_text(text).entities if bare in (e.name, *e.aliases) or e.name == region]
    assert [(e.type, e.name) for e in entities] == [(EntityType.PLACE, region)]


def test_resolve_agency_of_another_name_is_not_a_region():
    graph = extract_text("Troops entered the Ogaden region on Monday, and the Ogaden National Liberation Front "
                         "said it would resist.")
    assert any(e.type is EntityType.AGENCY and "Liberation Front" in e.name for e in graph.entities)
