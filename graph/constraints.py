"""Apply the schema's constraints and indexes to a database."""

from __future__ import annotations

from graph.connection import GraphDB
from graph.queries import AWAIT_INDEXES, constraint_statements


def apply_schema(db: GraphDB, await_s: int = 600) -> int:
    """Create every constraint and index that is missing (idempotent) and wait up to `await_s`
    for them to be online (a full-text index created on a large graph fills in the
    background, and queries on it fail until it is). Returns how many statements ran."""
    ddl = constraint_statements()

    def work(tx) -> None:
        for statement in ddl:
            tx.run(statement).consume()

    # Schema changes cannot share a transaction with data writes, but may share one another's.
    db.write(work)
    db.write(lambda tx: tx.run(AWAIT_INDEXES, timeout_s=await_s).consume())
    return len(ddl)
