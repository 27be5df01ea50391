"""Apply the schema's constraints and indexes to a database."""

from __future__ import annotations

from graph.connection import GraphDB
from graph.queries import constraint_statements


def apply_schema(db: GraphDB) -> int:
    """Create every constraint and index that is missing (idempotent). Returns how many statements ran."""
    ddl = constraint_statements()

    def work(tx) -> None:
        for statement in ddl:
            tx.run(statement).consume()

    # Schema changes cannot share a transaction with data writes, but may share one another's.
    db.write(work)
    return len(ddl)
