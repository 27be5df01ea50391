"""Named sites are places whatever NER said ('X Air Base', 'the X Route for ...', 'the X power
plant'); a lone warship described by its noun is the one warship the article names.
Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType, RelationType


def _graph(text: str):
    g = extract_text(text)
    names = {e.id: e.name for e in g.entities}
    types = {form: e.type for e in g.entities for form in (e.name, *e.aliases)}
    rels = {(names[r.source], names[r.target]) for r in g.relations if r.type is RelationType.DEPLOYED_TO}
    return g, types, rels


@pytest.mark.parametrize("text, place", [
    ("Peruvian troops were sent to the Korvan Air Base on Monday, the ministry said.", "Korvan Air Base"),
    ("Peruvian troops were sent to the Korvan Air Base in March, and the base was struck by drones on "
     "Monday, the army said.", "Korvan Air Base"),
    ("The corridor, which is officially named the Marlow Route for Trade and Peace, will open in May, and "
     "it will be run by a consortium, the ministry said.", "Marlow Route for Trade and Peace"),
    ("Drones struck the Tessaly nuclear facility overnight, and the agency said that it was not clear who "
     "sent them. Peruvian troops arrived at the Dorvan power plant later in the day.", "Dorvan"),
])
def test_entities_named_site_is_a_place(text, place):
    _, types, _ = _graph(text)
    assert types.get(place) is EntityType.PLACE


def test_entities_named_site_is_a_deployment_target_not_a_speaker():
    g, _, rels = _graph("Peruvian troops were sent to the Korvan Air Base on Monday, the ministry said.")
    assert ("Peruvian troops", "Korvan Air Base") in rels
    names = {e.id: e.name for e in g.entities}
    assert "Korvan Air Base" not in {names[s.speaker] for s in g.statements}


@pytest.mark.parametrize("text", [
    "Britain sent a warship to the Baltic Sea last week, officials said. The frigate HMS Calder joined the patrol on Friday.",
    "Tensions rose on Monday after Britain dispatched a warship to the Baltic Sea. Norway said that the arrival "
    "of HMS Calder was a provocation.",
])
def test_entities_lone_warship_is_the_named_ship(text):
    _, types, rels = _graph(text)
    assert ("HMS Calder", "Baltic Sea") in rels
    assert "British troops" not in types


@pytest.mark.parametrize("text", [
    "Britain sent a warship to the Baltic Sea on Monday, officials said. HMS Calder and HMS Wexford are already there.",
    "Britain sent two warships to the Baltic Sea on Monday, officials said. HMS Calder is one of them.",
])
def test_entities_warship_with_two_candidates_is_not_the_named_ship(text):
    _, _, rels = _graph(text)
    sources = {source for source, target in rels if target == "Baltic Sea"}
    assert sources and "HMS Calder" not in sources
