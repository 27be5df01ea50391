"""Apply the schema's constraints and indexes to a database."""

from __future__ import annotations

from graph.connection import GraphDB
from graph.queries import (
    AWAIT_INDEXES,
    MISSING_DEGREES,
    MISSING_SORT_KEYS,
    SET_MISSING_DEGREES,
    SET_MISSING_SORT_KEYS,
    constraint_statements,
)
from schema.vocabulary import COMPOSITE_INDEXED


def composite_index_statements() -> list[str]:
    """DDL for the composite range indexes of schema.vocabulary.COMPOSITE_INDEXED (idempotent)."""
    return [
        f"CREATE INDEX {label.value.lower()}_{'_'.join(props)} IF NOT EXISTS "
        f"FOR (n:{label.value}) ON ({', '.join(f'n.{p}' for p in props)})"
        for label, groups in COMPOSITE_INDEXED.items()
        for props in groups
    ]


def apply_schema(db: GraphDB, await_s: int = 600) -> int:
    """Create every constraint and index that is missing (idempotent) and wait up to `await_s`
    for them to be online (a full-text index created on a large graph fills in the
    background, and queries on it fail until it is). Statements and claims written before
    they had a `sort_key` get one, entities without a `degree` theirs. Returns how many
    schema statements ran."""
    ddl = constraint_statements() + composite_index_statements()

    def work(tx) -> None:
        for statement in ddl:
            tx.run(statement).consume()

    # Schema changes cannot share a transaction with data writes, but may share one another's.
    db.write(work)
    db.write(lambda tx: tx.run(AWAIT_INDEXES, timeout_s=await_s).consume())
    backfill_sort_keys(db)
    backfill_degrees(db)
    return len(ddl)


def backfill_sort_keys(db: GraphDB) -> int:
    """Give a `sort_key` to the statements and claims of a graph written before the key existed
    (the paged reads walk only keyed rows). Returns how many were missing."""
    return _backfill(db, MISSING_SORT_KEYS, SET_MISSING_SORT_KEYS)


def backfill_degrees(db: GraphDB) -> int:
    """Give a `degree` to the entities of a graph written before it existed or bulk-imported
    (TOP_ENTITIES ranks only entities that have one). Returns how many were missing."""
    return _backfill(db, MISSING_DEGREES, SET_MISSING_DEGREES)


def _backfill(db: GraphDB, count_missing: str, set_missing: tuple[str, ...]) -> int:
    # A count from the count store against one from the index: cheap when nothing is
    # missing, which is every start but the first.
    missing = db.read(count_missing)[0]["missing"]
    if missing:
        # CALL ... IN TRANSACTIONS needs an implicit (auto-commit) transaction.
        with db.session() as session:
            for statement in set_missing:
                session.run(statement).consume()
    return missing
