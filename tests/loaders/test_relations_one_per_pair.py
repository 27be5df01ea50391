"""An article states each relation once: the same (type, source, target) said again in another
sentence is one relation, whose provenance is the first sentence that vouches for it."""

from loaders import extract_text
from loaders.relations import one_per_pair
from schema.records import RelationRecord
from schema.vocabulary import RelationType

DEPLOYED = RelationType.DEPLOYED_TO


def _rel(rid: str, target: str, start: int, hedged: bool = False) -> RelationRecord:
    return RelationRecord(rid, DEPLOYED, "unit:a", target, f"sentence {rid}", start, start + 10, hedged=hedged)


def test_one_per_pair_keeps_the_first_of_a_repeated_pair_and_every_other_pair():
    kept = one_per_pair([_rel("r1", "place:x", 0), _rel("r2", "place:y", 20), _rel("r3", "place:x", 40)])
    assert [r.id for r in kept] == ["r1", "r2"]


def test_one_per_pair_prefers_a_sentence_that_does_not_hedge_it():
    kept = one_per_pair([_rel("r1", "place:x", 0, hedged=True), _rel("r2", "place:x", 30),
                         _rel("r3", "place:x", 60)])
    assert [r.id for r in kept] == ["r2"]


def test_one_per_pair_keeps_a_hedged_relation_stated_only_with_hedges():
    kept = one_per_pair([_rel("r1", "place:x", 0, hedged=True), _rel("r2", "place:x", 30, hedged=True)])
    assert [(r.id, r.hedged) for r in kept] == [("r1", True)]


def test_an_article_repeating_a_deployment_has_one_edge_with_the_first_sentence():
    text = ("Chilean marines were sent to Haiti in March, the navy said. Later that month the port of "
            "Jacmel saw more of them. By June, about 400 Chilean marines were in Haiti, officials said.")
    graph = extract_text(text, published="2024-06-30")
    names = {e.id: e.name for e in graph.entities}
    to_haiti = [r for r in graph.relations if names[r.target] == "Haiti"]
    assert len(to_haiti) == 1
    assert to_haiti[0].sentence.startswith("Chilean marines were sent to Haiti")
    assert text[to_haiti[0].start:to_haiti[0].end] == to_haiti[0].sentence
