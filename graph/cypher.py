"""Researchers' own Cypher: checked before it runs, run in a read transaction under a hard
deadline, with caps on concurrent queries, rows and response bytes.

The guard (graph/cypher_guard.py) refuses anything but a read of the graph, first on the text,
then on Neo4j's EXPLAIN plan, which runs in the same transaction just before the query.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import READ_ACCESS, Query
from neo4j.exceptions import DatabaseError, DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship

from graph.connection import UNAVAILABLE_ERRORS, GraphDB
from graph.cypher_guard import MAX_EXPRESSION_DEPTH, check_parameters, check_plan, check_query
from schema.errors import KGError, QueryRejected, QueryTimedOut, TooManyQueries

log = logging.getLogger("kg.graph.cypher")

# How long after the transaction timeout the caller gets its answer at the latest. Neo4j
# checks transaction timeouts every 2 s and some expressions (a `reduce` over a huge range)
# never look at the flag at all, so the Python side keeps its own deadline.
DEADLINE_SLACK_S = 1.0

# The service's own statement that ends one tagged researcher's transaction (Community 5.26
# accepts SHOW ... TERMINATE in one statement). Kept beside the deadline that needs it.
TERMINATE_TAGGED = (
    "SHOW TRANSACTIONS YIELD transactionId AS id, metaData "
    "WHERE metaData.kg_cypher = $tag "
    "TERMINATE TRANSACTIONS id YIELD transactionId RETURN transactionId"
)

# Keys and brackets of the response around the rows: {"columns":..,"rows":[..],"count":..}.
_ENVELOPE_BYTES = 100
_MAX_MESSAGE_CHARS = 300


@dataclass(frozen=True)
class CypherLimits:
    """Bounds on one researcher's query and on all of them together."""

    timeout_s: float = 10.0
    max_rows: int = 1000
    max_response_bytes: int = 2_000_000
    max_concurrent: int = 4
    max_query_chars: int = 10_000
    max_nesting: int = 20
    max_parameter_bytes: int = 1_000_000
    max_expression_depth: int = MAX_EXPRESSION_DEPTH  # not a setting: Neo4j's stack sets it


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    truncated_reason: str | None = None  # "max_rows" or "max_bytes"


class CypherRunner:
    """Runs researchers' Cypher on one database, at most `limits.max_concurrent` at a time.

    A slot is held until Neo4j has really finished with the query (not merely until the
    caller got its timeout), so queries Neo4j cannot interrupt still count against the cap.
    """

    def __init__(self, db: GraphDB, limits: CypherLimits):
        self.db = db
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.max_concurrent)

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> CypherResult:
        """Check `query` and `parameters`, run them, return at most the capped rows.

        Raises QueryRejected (refused by the guard or by Neo4j), QueryTimedOut (past the
        deadline, answered within timeout + DEADLINE_SLACK_S), TooManyQueries (every slot
        busy) or GraphUnavailable (Neo4j is really gone, checked with a ping).
        """
        limits, parameters = self.limits, parameters or {}
        check_query(query, limits.max_query_chars, limits.max_nesting, limits.max_expression_depth)
        check_parameters(parameters, limits.max_parameter_bytes)
        if not self._slots.acquire(blocking=False):
            raise TooManyQueries(
                f"{limits.max_concurrent} Cypher queries are already running; try again shortly",
                retry_after_s=max(1, math.ceil(limits.timeout_s)))
        job = _Job(self.db, query, parameters, limits)
        try:
            threading.Thread(target=job.run, args=(self._slots.release,), name="kg-cypher",
                             daemon=True).start()
        except BaseException:
            self._slots.release()
            raise
        if not job.done.wait(limits.timeout_s + DEADLINE_SLACK_S):
            job.cancelled = True
            threading.Thread(target=_terminate_quietly, args=(self.db, job.tag),
                             name="kg-cypher-terminate", daemon=True).start()
            raise QueryTimedOut(_timed_out_message(limits.timeout_s))
        return job.outcome()


class _Job:
    """One query on its own thread, so the caller can stop waiting at the deadline."""

    def __init__(self, db: GraphDB, query: str, parameters: dict, limits: CypherLimits):
        self.db, self.query, self.parameters, self.limits = db, query, parameters, limits
        self.tag = uuid.uuid4().hex
        self.done = threading.Event()
        self.cancelled = False
        self._result: CypherResult | None = None
        self._error: Exception | None = None

    def run(self, release: Callable[[], None]) -> None:
        try:
            self._result = run_tagged_read(self.db, self.query, self.parameters, self.limits,
                                           self.tag, lambda: self.cancelled)
        except Exception as exc:  # handed to the waiting request, raised there
            self._error = exc
        finally:
            release()
            self.done.set()

    def outcome(self) -> CypherResult:
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


def run_tagged_read(db: GraphDB, query: str, parameters: dict, limits: CypherLimits, tag: str,
                    cancelled: Callable[[], bool] = lambda: False) -> CypherResult:
    """EXPLAIN `query`, check the plan, then run it, in one read transaction tagged with
    metadata {"kg_cypher": tag} and Neo4j's own timeout. Blocks; `CypherRunner.run` adds the
    deadline. Raises QueryRejected, QueryTimedOut or GraphUnavailable.
    """
    try:
        with db.session(default_access_mode=READ_ACCESS, notifications_min_severity="OFF") as session:
            tx = session.begin_transaction(timeout=limits.timeout_s, metadata={"kg_cypher": tag})
            try:
                summary = tx.run("EXPLAIN " + query, parameters).consume()
                check_plan(summary.query_type, summary.plan, db.database)
                return _collect(tx.run(query, parameters), limits, cancelled)
            finally:
                _close_quietly(tx)
    except KGError:
        raise
    except UNAVAILABLE_ERRORS as exc:
        unavailable = db.confirm_unavailable(exc)
        if unavailable is not None:
            raise unavailable from exc
        raise QueryRejected("Neo4j dropped the connection while running this query; it still "
                            "answers other queries", reason="connection_lost") from exc
    except Neo4jError as exc:
        raise _rejection(exc, limits.timeout_s) from exc
    except RecursionError as exc:
        raise QueryRejected("the query's plan or result is nested too deeply to decode",
                            reason="too_deep") from exc


def terminate_tagged(db: GraphDB, tag: str) -> list[str]:
    """End the server-side transaction tagged `tag`, from the service's own session.

    Returns the ids of the transactions ended (none once it has finished by itself).
    """
    with db.session() as session:
        records = session.run(Query(TERMINATE_TAGGED, timeout=2.0), tag=tag)
        return [record["transactionId"] for record in records]


def _terminate_quietly(db: GraphDB, tag: str) -> None:
    try:
        ended = terminate_tagged(db, tag)
        log.info("cypher query %s past its deadline: terminated %s", tag, ended or "nothing")
    except (KGError, Neo4jError, DriverError, OSError) as exc:
        log.warning("cypher query %s past its deadline could not be terminated: %s", tag, exc)


def _close_quietly(tx: neo4j.Transaction) -> None:
    # Rolling back a transaction whose connection already broke raises again; the first
    # error is the one that explains what happened.
    try:
        tx.close()
    except (Neo4jError, DriverError, OSError):
        pass


def _collect(result: neo4j.Result, limits: CypherLimits, cancelled: Callable[[], bool]) -> CypherResult:
    columns = list(result.keys())
    size = _ENVELOPE_BYTES + len(_json_bytes(columns))
    rows: list[list[Any]] = []
    reason = None
    for record in result:
        if cancelled():
            break
        if len(rows) == limits.max_rows:
            reason = "max_rows"
            break
        row = [to_json(value) for value in record.values()]
        row_bytes = len(_json_bytes(row)) + 1
        if size + row_bytes > limits.max_response_bytes:
            reason = "max_bytes"
            break
        rows.append(row)
        size += row_bytes
    return CypherResult(columns, rows, reason is not None, reason)


def _json_bytes(value: Any) -> bytes:
    # The same encoding as the API's JSON response, so the byte cap is what the caller gets.
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def _rejection(exc: Neo4jError, timeout_s: float) -> QueryRejected:
    """Neo4j's refusal as the caller's error: its code and a short first line, never a Java
    trace or server internals."""
    code = exc.code or "Neo.Unknown"
    if "TransactionTimedOut" in code:
        return QueryTimedOut(_timed_out_message(timeout_s))
    if code.endswith("Transaction.Terminated"):
        return QueryRejected(f"{code}: the transaction was terminated", reason="terminated")
    if isinstance(exc, DatabaseError):
        return QueryRejected(f"{code}: Neo4j failed while running this query", reason="neo4j")
    first_line = (exc.message or "").strip().splitlines()[0] if exc.message else ""
    if len(first_line) > _MAX_MESSAGE_CHARS:
        first_line = first_line[:_MAX_MESSAGE_CHARS] + "…"
    return QueryRejected(f"{code}: {first_line}", reason="neo4j")


def _timed_out_message(timeout_s: float) -> str:
    return (f"the query timed out after {timeout_s:g} s (KG_CYPHER_TIMEOUT_S) and was stopped; "
            "narrow it (LIMIT, a more selective MATCH) or add an index")


def to_json(value: Any) -> Any:
    """Nodes, relationships, paths and temporal values as JSON-friendly structures.

    Non-finite floats, which JSON cannot carry, come back as "NaN", "Infinity", "-Infinity".
    """
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
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, (dt.date, dt.datetime, dt.time)) or hasattr(value, "iso_format"):
        return value.iso_format() if hasattr(value, "iso_format") else value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return value.hex()
    return str(value)
