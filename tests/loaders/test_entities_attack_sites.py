"""Names given only as a list of attack targets are places (loaders/attack_sites.py). Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _types(text: str) -> dict[str, EntityType]:
    return {form: e.type for e in extract_text(text).entities for form in (e.name, *e.aliases)}


@pytest.mark.parametrize("text, names", [
    # NER calls one of them a person, the others places
    ("The inspections stopped after the June strikes on Varzan, Dastgerd, and Kelmor, and the agency said it "
     "had no access since then.", ("Varzan", "Dastgerd", "Kelmor")),
    # NER calls all three people; a relative clause after the list
    ("Inspectors have not returned since the June attacks on Khorvan, Zendeh, and Pardis, which damaged the halls.",
     ("Khorvan", "Zendeh", "Pardis")),
])
def test_entities_list_of_attack_targets_is_places(text, names):
    types = _types(text)
    assert [types.get(n) for n in names] == [EntityType.PLACE] * 3


@pytest.mark.parametrize("text, name", [
    # two names only: groups are attacked too
    ("The army said its strikes on Dunmore Front and Selvan Front would go on. Officials said on Monday that talks "
     "had stopped.", "Selvan Front"),
    # a name the article names otherwise keeps its type
    ("The army said its strikes on Varkesh, Korvan and Tavrin would go on. Korvan said on Monday that it would not "
     "stop.", "Korvan"),
])
def test_entities_attacked_groups_keep_their_type(text, name):
    assert _types(text).get(name) is not EntityType.PLACE
