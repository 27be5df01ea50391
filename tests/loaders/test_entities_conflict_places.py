"""A conflict named after its place ("the Jubaland war", "the Kivu conflict") names that place, or
its state; a capitalised event and a conflict named after an actor are not split. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _types(text: str) -> dict[str, EntityType]:
    return {form: e.type for e in extract_text(text).entities for form in (e.name, *e.aliases)}


@pytest.mark.parametrize("text, place", [
    ("Hundreds of schools have stayed shut since the Jubaland war ended, a teachers' union said.", "Jubaland"),
    ("The Jubaland war is in its third year, and the town has been cut off since March, aid groups say.", "Jubaland"),
    ("Rwandan troops fought in the Kivu conflict, the panel said on Monday.", "Kivu"),
    ("Aid has been blocked since the Darfur civil war began, the agency said.", "Darfur"),
    ("Thousands of people have fled the Darfur crisis, the UN said on Monday.", "Darfur"),
])
def test_entities_place_naming_a_conflict_is_a_place(text, place):
    assert _types(text).get(place) is EntityType.PLACE


def test_entities_state_naming_a_conflict_is_the_state():
    assert _types("Many people have died in the Sudan war, the report said on Friday.").get("Sudan") is EntityType.STATE


@pytest.mark.parametrize("text, name", [
    ("Hamas fighters joined the Hamas offensive in the north, the army said.", "Hamas"),
    ("NATO members discussed the NATO crisis at length on Friday, the envoy said.", "NATO"),
])
def test_entities_actor_naming_a_conflict_stays_an_actor(text, name):
    assert _types(text).get(name) is EntityType.AGENCY


def test_entities_capitalised_war_is_not_split():
    types = _types("Veterans of the Gulf War met in Kuwait on Monday, officials said.")
    assert types.get("Gulf") is None
