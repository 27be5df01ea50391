"""DEPLOYED_TO in the wordings of other conflicts: units that work somewhere, warships named once
and described after. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import RelationType


def _deployed(text: str) -> set[tuple[str, str]]:
    g = extract_text(text)
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type is RelationType.DEPLOYED_TO}


@pytest.mark.parametrize("text", [
    "Officials in Lima said on Monday that Peruvian instructors work in Chad. They train local police.",
    "Peruvian soldiers have worked in Chad since 2021, the ministry said.",
])
def test_relations_unit_working_in_a_place_is_there(text):
    assert ("Peruvian troops", "Chad") in _deployed(text)


def test_relations_unit_that_could_work_in_a_place_is_not_there():
    assert _deployed("Peruvian troops could work in Chad next year, the ministry said.") == set()
