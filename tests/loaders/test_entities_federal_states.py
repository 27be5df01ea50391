"""Administrative states named like names ("Kano State", "Upper Nile state") are places, whatever
NER said; "the Islamic State", "State Duma" and "Secretary of State" are not. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _types(text: str) -> dict[str, EntityType]:
    return {form: e.type for e in extract_text(text).entities for form in (e.name, *e.aliases)}


@pytest.mark.parametrize("text, place", [
    ("The army said on Sunday that gunmen had attacked two villages in Kano State.", "Kano State"),
    ("Militia fighters took control of Jonglei State last week, and they are now in the capital, officials said.",
     "Jonglei State"),
    ("Fighting has spread to Upper Nile State after the end of the rainy season, aid workers reported.",
     "Upper Nile State"),
    ("Reuters - The governor said that floods had cut every road out of Yobe State on Monday.", "Yobe State"),
    ("The rebels, who claimed to hold West Kordofan State, said they would talk.", "West Kordofan State"),
])
def test_entities_federal_state_is_a_place(text, place):
    types = _types(text)
    assert types.get(place) is EntityType.PLACE


@pytest.mark.parametrize("text, name", [
    ("The Islamic State said on Friday that it was behind the attack.", "Islamic State"),
    ("Russia's State Duma voted on Tuesday to approve the budget.", "State Duma"),
])
def test_entities_state_bodies_are_not_places(text, name):
    types = _types(text)
    assert types.get(name) is not EntityType.PLACE


def test_entities_state_before_another_noun_is_not_retyped():
    types = _types("The Kano State Security Service said on Monday that it had arrested three men.")
    assert not any(t is EntityType.PLACE and "Security" in form for form, t in types.items())
