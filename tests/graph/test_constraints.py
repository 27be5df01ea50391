"""The schema's constraints and indexes land in Neo4j, and applying them again is harmless."""

from __future__ import annotations

from graph.constraints import apply_schema
from schema.vocabulary import COMPOSITE_INDEXED, INDEXED_PROPERTIES, UNIQUE_KEYS


def test_apply_schema_creates_unique_constraints(db):
    rows = db.read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows if r["type"] == "UNIQUENESS"}
    assert unique == {(label.value, key) for label, key in UNIQUE_KEYS.items()}
    assert {("Appearance", "id"), ("BodyBand", "id")} <= unique


def test_apply_schema_twice_is_idempotent(db):
    before = db.read("SHOW INDEXES YIELD name RETURN name ORDER BY name")
    apply_schema(db)
    assert db.read("SHOW INDEXES YIELD name RETURN name ORDER BY name") == before


def test_apply_schema_creates_the_range_indexes(db):
    rows = db.read("SHOW INDEXES YIELD labelsOrTypes, properties, type, entityType, owningConstraint "
                   "WHERE type = 'RANGE' AND entityType = 'NODE' AND owningConstraint IS NULL RETURN *")
    ranged = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in rows}
    declared = {(label.value, (prop,)) for label, props in INDEXED_PROPERTIES.items() for prop in props}
    declared |= {(label.value, group) for label, groups in COMPOSITE_INDEXED.items() for group in groups}
    assert ("Entity", ("degree",)) in declared
    assert {("BodyBand", ("key",)), ("BodyBand", ("article_id",))} <= declared
    assert ranged == declared
