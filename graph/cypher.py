"""Researchers' own Cypher, read-only: a read transaction with a timeout and a row cap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import READ_ACCESS, unit_of_work
from neo4j.exceptions import ClientError, DatabaseError, TransientError
from neo4j.graph import Node, Path, Relationship

from graph.connection import UNAVAILABLE_ERRORS, GraphDB
from schema.errors import QueryRejected


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


def run_read_cypher(db: GraphDB, query: str, parameters: dict | None, max_rows: int,
                    timeout_s: float) -> CypherResult:
    """Run `query` with `parameters` in a read transaction; at most `max_rows` rows come back.

    A write, a syntax error, an unknown procedure or a timeout raises QueryRejected with
    Neo4j's own message.
    """

    @unit_of_work(timeout=timeout_s)
    def work(tx: neo4j.ManagedTransaction) -> CypherResult:
        result = tx.run(query, parameters or {})
        columns = list(result.keys())
        rows, truncated = [], False
        for record in result:
            if len(rows) == max_rows:
                truncated = True
                break
            rows.append([to_json(value) for value in record.values()])
        return CypherResult(columns, rows, truncated)

    try:
        with db.session(default_access_mode=READ_ACCESS) as session:
            return session.execute_read(work)
    except (ClientError, DatabaseError) as exc:
        raise QueryRejected(f"{exc.code}: {exc.message}") from exc
    except TransientError as exc:  # e.g. the transaction timed out
        raise QueryRejected(f"{exc.code}: {exc.message}") from exc
    except UNAVAILABLE_ERRORS as exc:
        raise db.mark_unavailable(exc) from exc


def to_json(value: Any) -> Any:
    """Nodes, relationships, paths and temporal values as JSON-friendly structures."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": {k: to_json(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "start": value.start_node.get("id"), "end": value.end_node.get("id"),
                "properties": {k: to_json(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [to_json(n) for n in value.nodes],
                "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime, dt.time)) or hasattr(value, "iso_format"):
        return value.iso_format() if hasattr(value, "iso_format") else value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
