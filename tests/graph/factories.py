"""Small hand-made ArticleGraphs for graph tests, independent of the loaders."""

from __future__ import annotations

from schema.records import (
    ArticleGraph,
    ArticleRecord,
    EntityRecord,
    QuantityRecord,
    RelationRecord,
    StatementRecord,
)
from schema.vocabulary import EntityType, RelationType, StatementKind

TEXT = (
    'The ministry said 500 soldiers were sent to Port Town. '
    '"We deny it," Anna Berg said on Monday.'
)


def sample_graph(article_id: str = "art-test0001", text: str = TEXT, **overrides) -> ArticleGraph:
    s1 = TEXT.index("The ministry")
    e1 = TEXT.index("Port Town.") + len("Port Town.")
    s2 = TEXT.index('"We deny')
    e2 = len(TEXT)
    entities = (
        EntityRecord("agency:ministry-of-defence", "Ministry of Defence", EntityType.AGENCY,
                     ("ministry",), 1),
        EntityRecord("person:anna-berg", "Anna Berg", EntityType.PERSON, ("Anna Berg",), 1),
        EntityRecord("unit:soldiers", "soldiers", EntityType.UNIT, ("500 soldiers",), 1, "500 soldiers"),
        EntityRecord("place:port-town", "Port Town", EntityType.PLACE, ("Port Town",), 1),
    )
    statements = (
        StatementRecord(f"st-{article_id}-1", "agency:ministry-of-defence", StatementKind.SAID, "said",
                        None, TEXT[s1:e1], s1, e1, ("unit:soldiers", "place:port-town")),
        StatementRecord(f"st-{article_id}-2", "person:anna-berg", StatementKind.DENIED, "deny",
                        "We deny it,", TEXT[s2:e2], s2, e2, (), True),
    )
    relations = (
        RelationRecord(f"rel-{article_id}-1", RelationType.DEPLOYED_TO, "unit:soldiers",
                       "place:port-town", TEXT[s1:e1], s1, e1,
                       claimed_by="agency:ministry-of-defence", hedged=True),
    )
    quantities = (
        QuantityRecord(f"qty-{article_id}-1", 500, "500", "sent", "soldiers", TEXT[s1:e1], s1, e1,
                       claimed_by="agency:ministry-of-defence", unit="unit:soldiers"),
    )
    article = ArticleRecord(article_id, "test.txt", "A test", "2024-10-19", "Test Wire", text)
    values = {"article": article, "entities": entities, "statements": statements, "relations": relations,
              "quantities": quantities}
    values.update(overrides)
    return ArticleGraph(**values)


def dump_graph(db) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (type, ends, properties), sorted."""
    nodes = db.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = db.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props"
    )
    norm_nodes = sorted((sorted(n["labels"]), sorted(n["props"].items(), key=str)) for n in nodes)
    norm_rels = sorted(
        ((r["a"], r["type"], r["b"]), sorted(r["props"].items(), key=str)) for r in rels
    )
    return norm_nodes, norm_rels


def without_loaded_at(dump: tuple[list, list]) -> tuple[list, list]:
    """A dump_graph without the time each syndicated copy was loaded."""
    nodes, rels = dump
    return [(labels, [kv for kv in props if kv[0] != "loaded_at"]) for labels, props in nodes], rels
