"""Entities' stored `degree` (what the default graph view ranks by) equals a count of their edges
after loads, reloads, deletes, batches and a backfill, and ranking by it gives the order that
counting every entity's edges gave."""

from __future__ import annotations

import dataclasses

from api.bench.generator import synthetic_article
from graph import queries, reader
from graph.constraints import apply_schema, backfill_degrees
from graph.writer import delete_article, upsert_article, upsert_articles
from schema.records import EntityRecord, StatementRecord
from schema.vocabulary import STATEMENT_REL, EntityType, RelationType, StatementKind
from tests.graph.factories import TEXT, dump_graph, sample_graph

# The edges a degree counts, by type; walked one by one here, not read from the degree store.
_COUNTED = [rel.value for rel in STATEMENT_REL.values()] + [rel.value for rel in RelationType]
_WALKED = """
MATCH (e:Entity)
RETURN e.id AS id, e.degree AS stored,
       size([(e)-[r]-() WHERE type(r) IN $counted | r]) + size([(e)<-[:ABOUT]-() | 1]) AS walked
"""
# TOP_ENTITIES as it was before `degree` was stored: every entity's edges counted, then sorted.
_OLD_TOP_ENTITIES = f"""
MATCH (e:Entity)
WHERE $types IS NULL OR e.type IN $types
WITH e, COUNT {{ (e)-[:{'|'.join(_COUNTED)}]-() }} + COUNT {{ (e)<-[:ABOUT]-() }} AS degree
ORDER BY degree DESC, e.id
LIMIT $limit
RETURN e.id AS id
"""

MINISTRY, BERG, SOLDIERS, PORT = ("agency:ministry-of-defence", "person:anna-berg", "unit:soldiers",
                                  "place:port-town")


def _stored(db) -> dict[str, int | None]:
    """Every entity's stored degree, after checking it against its edges walked one by one."""
    rows = db.read(_WALKED, counted=_COUNTED)
    assert [r for r in rows if r["stored"] != r["walked"]] == []
    return {r["id"]: r["stored"] for r in rows}


def test_degree_after_load_counts_statements_relations_and_statements_about(db):
    upsert_article(db, sample_graph("art-a"))
    # The ministry said one thing, Anna Berg denied one; soldiers and Port Town are what the
    # ministry's statement is about and the two ends of one DEPLOYED_TO (claims do not count).
    assert _stored(db) == {MINISTRY: 1, BERG: 1, SOLDIERS: 2, PORT: 2}


def test_degree_after_reload_with_less(db):
    full = sample_graph("art-a")
    upsert_article(db, full)
    upsert_article(db, dataclasses.replace(full, statements=full.statements[:1], relations=()))
    assert _stored(db) == {MINISTRY: 1, BERG: 0, SOLDIERS: 1, PORT: 1}
    upsert_article(db, full)
    assert _stored(db) == {MINISTRY: 1, BERG: 1, SOLDIERS: 2, PORT: 2}


def test_degree_after_a_reload_that_no_longer_names_an_entity_another_article_does(db):
    upsert_article(db, sample_graph("art-a"))
    b = sample_graph("art-b")
    upsert_article(db, b)
    assert _stored(db)[BERG] == 2
    upsert_article(db, dataclasses.replace(b, entities=tuple(e for e in b.entities if e.id != BERG),
                                           statements=b.statements[:1]))
    assert _stored(db) == {MINISTRY: 2, BERG: 1, SOLDIERS: 4, PORT: 4}


def test_degree_after_deleting_one_of_two_articles_sharing_entities(db):
    upsert_article(db, sample_graph("art-a"))
    only_b = EntityRecord("person:ivo-stern", "Ivo Stern", EntityType.PERSON, ("Ivo Stern",), 1)
    b = sample_graph("art-b")
    b = dataclasses.replace(b, entities=(*b.entities, only_b), statements=(*b.statements, StatementRecord(
        "st-art-b-3", only_b.id, StatementKind.SAID, "said", None, TEXT, 0, len(TEXT), (BERG, PORT))))
    upsert_article(db, b)
    assert _stored(db) == {MINISTRY: 2, BERG: 3, SOLDIERS: 4, PORT: 5, only_b.id: 1}
    assert delete_article(db, "art-b")
    assert _stored(db) == {MINISTRY: 1, BERG: 1, SOLDIERS: 2, PORT: 2}


def test_degree_of_batched_writes_equals_one_write_per_article(db):
    graphs = [synthetic_article(i) for i in range(12)]
    full = sample_graph("art-a")
    rounds = [[*graphs[:6], full], [*graphs[6:], dataclasses.replace(full, relations=()), graphs[0]]]
    for batch in rounds:
        assert not [r for r in upsert_articles(db, batch) if isinstance(r, Exception)]
    batched = _stored(db)
    assert batched[SOLDIERS] == 1 and batched["state:russia"] == 2 * 12  # two denials an article
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    for batch in rounds:
        for graph in batch:
            upsert_article(db, graph)
    assert _stored(db) == batched


def test_degree_replay_changes_nothing(db):
    graphs = [synthetic_article(i) for i in range(5)]
    upsert_articles(db, graphs)
    before = dump_graph(db)
    upsert_articles(db, graphs)
    upsert_article(db, graphs[2])
    assert dump_graph(db) == before


def test_top_entities_order_is_the_order_of_counted_edges(db):
    for start in range(0, 80, 20):
        upsert_articles(db, [synthetic_article(i) for i in range(start, start + 20)])
    _stored(db)
    for types in (None, ["Person"], ["State", "Place"]):
        for limit in (1, 30, 300, 10_000):
            old = [r["id"] for r in db.read(_OLD_TOP_ENTITIES, types=types, limit=limit)]
            new = [r["id"] for r in db.read(queries.TOP_ENTITIES, types=types, limit=limit)]
            assert new == old, (types, limit)
    assert reader.top_entity(db) == "agency:the-pentagon"  # three confirmations an article


def _operators(plan: dict) -> list[str]:
    return [plan["operatorType"].split("@")[0], *(op for c in plan.get("children", []) for op in _operators(c))]


def test_top_entities_walks_the_degree_index_and_no_edge(db):
    upsert_articles(db, [synthetic_article(i) for i in range(5)])
    with db.session() as session:
        top = session.run("EXPLAIN " + queries.TOP_ENTITIES, types=None, limit=30).consume().plan
        refresh = session.run("EXPLAIN " + queries.REFRESH_DEGREES, ids=["state:russia"]).consume().plan
    assert "NodeIndexScan" in _operators(top) and "PartialTop" in _operators(top)
    assert "e:Entity(degree)" in str(top)
    assert not {"NodeByLabelScan", "Expand(All)", "Top", "Sort"} & set(_operators(top))
    # The degree itself comes from the node's relationship counts, not from its edges.
    assert "Expand(All)" not in _operators(refresh) and "getDegree" in str(refresh)


def test_a_graph_written_before_degree_existed_gets_it_when_the_schema_is_applied(db):
    upsert_articles(db, [synthetic_article(i) for i in range(10)])
    expected = [r["id"] for r in db.read(queries.TOP_ENTITIES, types=None, limit=50)]
    db.write(lambda tx: tx.run("MATCH (e:Entity) WHERE e.id IN $ids REMOVE e.degree",
                               ids=expected[::3]).consume())
    assert [r["id"] for r in db.read(queries.TOP_ENTITIES, types=None, limit=50)] != expected
    apply_schema(db)
    assert None not in _stored(db).values()
    assert [r["id"] for r in db.read(queries.TOP_ENTITIES, types=None, limit=50)] == expected
    assert backfill_degrees(db) == 0

