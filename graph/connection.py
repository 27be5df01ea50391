"""One handle on a Neo4j database: its driver, database name and read timeout.

Driver errors that mean "Neo4j is not there" become GraphUnavailable here, once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from schema.errors import GraphUnavailable

T = TypeVar("T")
UNAVAILABLE_ERRORS = (ServiceUnavailable, SessionExpired, AuthError, OSError)


# After Neo4j failed to answer, further calls fail at once for this long instead of each
# waiting on the network: a service under load should not queue requests for a dead database.
_BREAKER_S = 2.0


@dataclass
class GraphDB:
    """A driver bound to one database. Reads run with `read_timeout_s`."""

    driver: neo4j.Driver
    database: str = "neo4j"
    read_timeout_s: float = 10.0
    _down_until: float = 0.0

    def _check_breaker(self) -> None:
        if time.monotonic() < self._down_until:
            raise GraphUnavailable("Neo4j is unreachable (it did not answer a moment ago)")

    def _trip(self, exc: Exception) -> GraphUnavailable:
        self._down_until = time.monotonic() + _BREAKER_S
        return GraphUnavailable(f"Neo4j is unreachable: {exc}")

    def read(self, cypher: str, **params: Any) -> list[dict]:
        """Run a read query in a read transaction with the timeout; return rows as dicts."""
        self._check_breaker()
        try:
            records, _, _ = self.driver.execute_query(
                Query(cypher, timeout=self.read_timeout_s),
                params,
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        except UNAVAILABLE_ERRORS as exc:
            raise self._trip(exc) from exc
        return [record.data() for record in records]

    def write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run `work` in one managed write transaction (retried on transient errors, so idempotent)."""
        self._check_breaker()
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work)
        except UNAVAILABLE_ERRORS as exc:
            raise self._trip(exc) from exc

    def session(self, **kwargs) -> neo4j.Session:
        """A driver session on this database, for callers that manage their own transaction."""
        self._check_breaker()
        return self.driver.session(database=self.database, **kwargs)

    def mark_unavailable(self, exc: Exception) -> GraphUnavailable:
        """Record that Neo4j did not answer; returns the error to raise."""
        return self._trip(exc)

    def confirm_unavailable(self, exc: Exception) -> GraphUnavailable | None:
        """After a query lost its connection, ping Neo4j on a fresh one.

        Returns the GraphUnavailable to raise (and trips the breaker) only if the ping fails
        too; None when Neo4j answers, so one query that broke its own connection (a parser
        stack overflow, a result the driver cannot decode) does not fail every endpoint.
        """
        try:
            self.driver.execute_query(Query("RETURN 1", timeout=2.0), database_=self.database,
                                      routing_=RoutingControl.READ)
        except UNAVAILABLE_ERRORS:
            return self._trip(exc)
        except Neo4jError:
            pass  # Neo4j answered, if only with an error: it is reachable
        return None

    def close(self) -> None:
        self.driver.close()


def connect_graph(
    uri: str,
    user: str | None = None,
    password: str | None = None,
    database: str = "neo4j",
    read_timeout_s: float = 10.0,
) -> GraphDB:
    """Open a driver (no I/O yet). Auth is sent only when a user is given."""
    auth = (user, password or "") if user else None
    # Fail fast when Neo4j is down: the API answers 503 in about a second instead of retrying for
    # 30 s; transient errors (deadlocks, leader switches) are still retried for 2 s.
    # "Unknown label/property" warnings are what every query says on a graph still empty of
    # that label: not worth a wall of text on a user's terminal.
    driver = GraphDatabase.driver(uri, auth=auth, connection_acquisition_timeout=10.0,
                                  connection_timeout=5.0, max_transaction_retry_time=2.0,
                                  notifications_disabled_categories=["UNRECOGNIZED"])
    return GraphDB(driver=driver, database=database, read_timeout_s=read_timeout_s)


def wait_for_graph(db: GraphDB, timeout_s: float = 60.0) -> None:
    """Block until the database answers a query, retrying; raise GraphUnavailable after timeout."""
    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            db.driver.verify_connectivity()
            db._down_until = 0.0
            db.read("RETURN 1 AS ok")
            return
        except (GraphUnavailable, *UNAVAILABLE_ERRORS) as exc:
            last = exc
            time.sleep(1.0)
    raise GraphUnavailable(f"Neo4j did not answer within {timeout_s:.0f} s: {last}")
