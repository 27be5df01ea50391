"""A region NER found no name in ("the Tigre province", "the Ituri province") is a Place named like
the regions NER finds ('<Name> region'); directions and states are not made regions. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _places(text: str) -> set[str]:
    return {form for e in extract_text(text).entities if e.type is EntityType.PLACE for form in (e.name, *e.aliases)}


@pytest.mark.parametrize("text, place", [
    ("On Sunday militias were said to be recruiting in the Tigre province, where the army has fought them "
     "since May.", "Tigre province"),
    ("Militias had been recruiting in the Tigre province for months, the bishop said.", "Tigre province"),
    ("Fighting flared in the Ituri province on Monday, the army said.", "Ituri province"),
    ("Last year, rebels had seized two towns in the Kasai province, a UN report said.", "Kasai province"),
])
def test_entities_unlabelled_region_is_a_place(text, place):
    assert place in _places(text)


@pytest.mark.parametrize("text", [
    "Troops moved into the Western region on Monday, the army said.",
    "The Central district was quiet on Monday, the police said.",
])
def test_entities_direction_before_a_region_word_is_not_a_name(text):
    assert not any(p.split()[0] in {"Western", "Central"} for p in _places(text))
