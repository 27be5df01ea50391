"""Entities' derived properties kept incrementally by upserts equal the full recompute from every
mention, after any sequence of loads, reloads and deletes."""

from __future__ import annotations

import dataclasses
import random
import string

import pytest

from api.runtime import ExtractLimits, extract_files
from graph.writer import delete_article, refresh_entities, upsert_article
from schema.records import ArticleGraph
from tests.conftest import seed_paths
from tests.graph.factories import dump_graph


@pytest.fixture(scope="module")
def seed_graphs() -> list[ArticleGraph]:
    graphs = [g for _, g in extract_files([str(p) for p in seed_paths()], ExtractLimits(2_000_000))]
    assert len(graphs) == 5 and all(graphs)
    return graphs


def _other_words(text: str, tag: str) -> str:
    """`text` with its letters permuted (offsets kept): another article's body, not a
    syndicated copy of this one."""
    letters = string.ascii_lowercase
    shuffled = "".join(random.Random(tag).sample(letters, len(letters)))
    return text.translate(str.maketrans(letters, shuffled))


def _variant(graph: ArticleGraph, tag: str, rng: random.Random) -> ArticleGraph:
    """Another article about the same entities: new ids for the article and its facts, and each
    entity seen under a different mix of names, aliases and sizes."""
    art_id = f"{graph.article.id}-{tag}"
    entities = []
    for e in graph.entities:
        forms = [e.name, *e.aliases]
        roll = rng.random()
        if roll < 0.3:  # a longer name than any other article used: the new canonical name
            name, aliases = f"{e.name} {tag}", tuple(forms)
        elif roll < 0.6:  # only a shorter form: must not displace the name
            name = min(forms, key=len)
            aliases = (name,)
        else:
            name, aliases = e.name, tuple(rng.sample(forms, max(1, len(forms) // 2)))
        size = rng.choice([e.size, None, f"{rng.randint(1, 9)},000 soldiers"])
        entities.append(dataclasses.replace(e, name=name, aliases=aliases, size=size))
    return dataclasses.replace(
        graph,
        article=dataclasses.replace(graph.article, id=art_id, path=f"{graph.article.path}#{tag}",
                                    text=_other_words(graph.article.text, art_id)),
        entities=tuple(entities),
        statements=tuple(dataclasses.replace(s, id=f"{s.id}-{tag}") for s in graph.statements),
        relations=tuple(dataclasses.replace(r, id=f"{r.id}-{tag}") for r in graph.relations),
        quantities=tuple(dataclasses.replace(q, id=f"{q.id}-{tag}") for q in graph.quantities),
    )


def _shrunk(graph: ArticleGraph) -> ArticleGraph:
    """The same article re-extracted with less: its entities lose aliases, sizes and their
    longest names, and one entity (with the facts that refer to it) is gone."""
    gone = next(e.id for e in graph.entities
                if not any(e.id in (s.speaker, *s.about) for s in graph.statements))
    entities = tuple(
        dataclasses.replace(e, name=min([e.name, *e.aliases], key=len), aliases=e.aliases[:1], size=None)
        for e in graph.entities if e.id != gone
    )
    return dataclasses.replace(
        graph, entities=entities,
        relations=tuple(r for r in graph.relations if gone not in (r.source, r.target)),
        quantities=tuple(q for q in graph.quantities if gone not in (q.claimed_by, q.unit)),
    )


def _assert_exact(db) -> None:
    kept = dump_graph(db)
    refresh_entities(db)
    assert dump_graph(db) == kept


@pytest.mark.parametrize("order_seed", [0, 1, 2])
def test_upsert_entity_values_equal_full_recompute(db, seed_graphs, order_seed):
    rng = random.Random(order_seed)
    graphs = [*seed_graphs, *(_variant(g, f"v{i}", rng) for i, g in enumerate(seed_graphs * 2))]
    rng.shuffle(graphs)
    for graph in graphs:
        upsert_article(db, graph)
    _assert_exact(db)
    # Reloads that extract less, then the full extraction again.
    for graph in rng.sample(graphs, 4):
        upsert_article(db, _shrunk(graph))
        _assert_exact(db)
        upsert_article(db, graph)
    _assert_exact(db)


def test_delete_after_load_equals_never_loaded(db, seed_graphs):
    rng = random.Random(7)
    for graph in seed_graphs[:3]:
        upsert_article(db, graph)
    never = dump_graph(db)
    extra = [*seed_graphs[3:], *(_variant(g, f"d{i}", rng) for i, g in enumerate(seed_graphs))]
    for graph in extra:
        upsert_article(db, graph)
    for graph in reversed(extra):
        assert delete_article(db, graph.article.id)
    assert dump_graph(db) == never
