"""upsert_articles against a real Neo4j: a batch per transaction writes exactly what one upsert
per article writes, summaries included; a failing article sinks nothing else."""

from __future__ import annotations

import dataclasses
import random

from graph.writer import WriteSummary, upsert_article, upsert_articles
from schema.records import ArticleGraph, RelationRecord
from schema.vocabulary import RelationType
from tests.graph.factories import TEXT, dump_graph, sample_graph
from tests.graph.test_entity_refresh import _shrunk, _variant, seed_graphs  # noqa: F401 (fixture)


def _clear(db) -> None:
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


def _one_by_one(db, rounds: list[list[ArticleGraph]]) -> tuple[tuple, list]:
    """The graph and summaries of writing every round's articles one per transaction."""
    _clear(db)
    summaries = [upsert_article(db, g) for batch in rounds for g in batch]
    return dump_graph(db), summaries


def _batched(db, rounds: list[list[ArticleGraph]]) -> tuple[tuple, list]:
    _clear(db)
    summaries = [s for batch in rounds for s in upsert_articles(db, batch)]
    return dump_graph(db), summaries


def _rounds(seed_graphs, seed: int) -> list[list[ArticleGraph]]:
    """A first load of articles sharing entities under different forms, then a round of
    reloads: some extracting less, some with new metadata, some unchanged, and new ones."""
    rng = random.Random(seed)
    graphs = [*seed_graphs, *(_variant(g, f"v{i}", rng) for i, g in enumerate(seed_graphs * 2))]
    rng.shuffle(graphs)
    again = []
    for g in rng.sample(graphs, 6):
        roll = rng.random()
        if roll < 0.4:
            again.append(_shrunk(g))
        elif roll < 0.7:
            again.append(dataclasses.replace(
                g, article=dataclasses.replace(g.article, title="Retitled", published="2025-02-03")))
        else:
            again.append(g)
    again += [_variant(g, f"w{i}", rng) for i, g in enumerate(seed_graphs[:2])]
    rng.shuffle(again)
    return [graphs, again]


def test_upsert_articles_equals_one_upsert_per_article(db, seed_graphs):
    for seed in (0,):
        rounds = _rounds(seed_graphs, seed)
        expected_graph, expected_summaries = _one_by_one(db, rounds)
        got_graph, got_summaries = _batched(db, rounds)
        assert got_summaries == expected_summaries
        assert got_graph == expected_graph
        assert any(s.changed for s in got_summaries) and any(s.redated for s in got_summaries)
        assert any(not s.created and not s.changed for s in got_summaries)


def test_upsert_articles_replay_changes_nothing(db, seed_graphs):
    upsert_articles(db, list(seed_graphs))
    before = dump_graph(db)
    again = upsert_articles(db, list(seed_graphs))
    assert dump_graph(db) == before
    assert all(not s.created and not s.changed and not s.redated for s in again)


def test_upsert_articles_same_article_twice_in_a_batch_is_a_reload(db, seed_graphs):
    first, second = seed_graphs[0], _shrunk(seed_graphs[0])
    rounds = [[first, seed_graphs[1], second, first]]
    assert _batched(db, rounds) == _one_by_one(db, rounds)
    assert [s.created for s in upsert_articles(db, [first, first])] == [False, False]


def test_upsert_articles_article_dropping_an_entity_another_names(db):
    # Reloaded without Port Town, while a new article in the same batch names it: one by one,
    # Port Town is deleted as an orphan and created anew, without the description only art-a gave.
    plain = sample_graph("art-a")
    described = dataclasses.replace(plain.entities[3], description="a port", wikidata="Q1")
    full = sample_graph("art-a", entities=(*plain.entities[:3], described))
    without = sample_graph("art-a", entities=full.entities[:3], relations=(),
                           statements=full.statements[1:])
    rounds = [[full], [without, sample_graph("art-b")]]
    assert _batched(db, rounds) == _one_by_one(db, rounds)
    assert db.read("MATCH (p:Place) RETURN p.description AS d, p.wikidata AS w") == [{"d": None, "w": None}]


def test_upsert_articles_failing_article_sinks_nothing_else(db):
    class Unstorable:
        pass

    good_a, good_c = sample_graph("art-a"), sample_graph("art-c")
    unstorable = sample_graph("art-b", relations=(
        dataclasses.replace(sample_graph("art-b").relations[0], date=Unstorable()),))
    dangling = sample_graph("art-d", relations=(
        RelationRecord("rel-x", RelationType.SIGNED, "state:nowhere", "place:port-town", TEXT, 0, 5),))
    results = upsert_articles(db, [good_a, unstorable, good_c, dangling])
    assert isinstance(results[0], WriteSummary) and isinstance(results[2], WriteSummary)
    assert results[0].created and results[2].created
    assert not isinstance(results[1], WriteSummary)
    assert isinstance(results[3], ValueError) and "state:nowhere" in str(results[3])
    # Nothing of the failing articles, all of the others: as if only those had been written.
    got = dump_graph(db)
    _clear(db)
    upsert_articles(db, [good_a, good_c])
    assert got == dump_graph(db)
    assert {r["id"] for r in db.read("MATCH (a:Article) RETURN a.id AS id")} == {"art-a", "art-c"}
