"""An institution named after its building is a place in an article that names it only as where
something happens (loaders/seats.py). Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _types(text: str) -> dict[str, EntityType]:
    return {form: e.type for e in extract_text(text).entities for form in (e.name, *e.aliases)}


@pytest.mark.parametrize("text", [
    "The two leaders signed the accord at the White House on Friday, and they said it was a new start for the region.",
    "Protesters gathered outside the White House on Monday, and the police said that the crowd was calm.",
])
def test_entities_building_named_as_where_is_a_place(text):
    assert _types(text).get("White House") is EntityType.PLACE


@pytest.mark.parametrize("text", [
    # it speaks in the same article: one entity, one type
    "The two leaders met at the White House on Friday. The White House said later that the talks had gone well.",
    # addressed to, not located at
    "The president sent a letter to the White House on Friday, and aides said it would be answered soon.",
])
def test_entities_building_that_acts_stays_an_agency(text):
    assert _types(text).get("White House") is EntityType.AGENCY
