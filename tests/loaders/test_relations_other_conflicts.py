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


@pytest.mark.parametrize("text, pair", [
    ("Last week the defence secretary ordered the USS Ardent to the Gulf of Finland, after threats to shipping there.",
     ("USS Ardent", "Gulf of Finland")),
    # "the region": the place named last, with an adverb and a date
    ("The navy has reinforced its presence in the Gulf of Finland. On 4 May the defence secretary also ordered "
     "the USS Ardent to the region.", ("USS Ardent", "Gulf of Finland")),
])
def test_relations_unit_ordered_to_a_place_is_sent_there(text, pair):
    assert pair in _deployed(text)


def test_relations_unit_ordered_to_withdraw_is_not_sent():
    rels = _deployed("Chadian troops were sent to Darfur in March. The army ordered the troops to withdraw from "
                     "the region in May, officials said.")
    assert rels == {("Chadian troops", "Darfur")}


def test_relations_ordered_deployment_is_no_unit_of_its_own():
    # the movement noun's rule finds the jets; the order's object is not a unit, nor a stand-in for one
    rels = _deployed("Peruvian troops attacked the port in April. Last week the defence minister ordered the "
                     "deployment of additional fighter jets to reinforce the fleet in the Gulf of Finland.")
    assert ("Peruvian troops", "Gulf of Finland") not in rels
