"""The Cypher guard, the plan check and the hard deadline, against the real Neo4j."""

from __future__ import annotations

import threading
import time

import pytest
from neo4j import READ_ACCESS

from graph.connection import connect_graph
from graph.cypher import (
    DEADLINE_SLACK_S,
    CypherLimits,
    CypherRunner,
    run_tagged_read,
    terminate_tagged,
)
from graph.cypher_guard import check_parameters, check_plan, check_query, tokenize
from schema.errors import GraphUnavailable, QueryRejected, QueryTimedOut, TooManyQueries
from tests.conftest import free_port

# Cooperative (Neo4j stops it at the timeout) and non-cooperative (a `reduce` never looks at the
# termination flag) slow reads, sized to a few seconds so the tests stay short.
CROSS_PRODUCT = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n"
SLOW_REDUCE = "RETURN reduce(x = 0, i IN range(1, 20000) | x + reduce(y = 0, j IN range(1, 20000) | y + j)) AS s"


def _reason(query: str, **limits) -> str:
    with pytest.raises(QueryRejected) as caught:
        check_query(query, limits.get("max_chars", 10_000), limits.get("max_nesting", 20))
    return caught.value.reason


@pytest.mark.parametrize("query", [
    "RETURN 'LOAD CSV FROM file:///etc/passwd' AS s",
    'RETURN "SHOW USERS; TERMINATE TRANSACTIONS" AS s',
    "MATCH (n) // CREATE (m) LOAD CSV\nRETURN count(n) AS n",
    "/* CALL dbms.listConfig() */ MATCH (n) RETURN count(n) AS n",
    "RETURN 'it\\'s a \\\\ LOAD CSV' AS s",
    "MATCH (n) RETURN n.set AS x, n.delete AS `CREATE`, n.load AS `LOAD CSV`",
    "MATCH (s:Statement) RETURN s.start AS start, s.end AS end",
    "MATCH (n:Show) RETURN {delete: 1, load: 2, show: 3} AS m",
    "RETURN 1 AS as, 2 AS x",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.schema.nodeTypeProperties()",
    "CALL db.index.fulltext.queryNodes('names', 'kim')",
    "CALL { MATCH (n) RETURN n } RETURN count(n) AS c",
    "CALL () { MATCH (n) RETURN n } RETURN count(n) AS c",
    "RETURN CASE WHEN 1 = 1 THEN 'a' ELSE 'b' END AS x",
    "MATCH (e:Entity) WHERE e.name STARTS WITH 'Kim' AND NOT e.name ENDS WITH 'x' RETURN e.name",
    "RETURN date.truncate('day', date()) AS d, point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS p",
    "MATCH (n) RETURN n;",
    "RETURN " + "(" * 20 + "1" + ")" * 20 + " AS deep_enough",
    "RETURN " + " AND ".join(["true"] * 40) + " AS many",
])
def test_check_query_accepts_reads_whose_strings_comments_and_names_hold_keywords(query):
    check_query(query, 10_000, 20)


@pytest.mark.parametrize(("query", "reason"), [
    ("LOAD CSV FROM 'file:///etc/passwd' AS r FIELDTERMINATOR ':' RETURN r", "load_csv"),
    ("load/**/csv from 'file:///../../etc/passwd' as r return r", "load_csv"),
    ("// hidden\rLOAD CSV FROM 'http://127.0.0.1:7474/' AS r RETURN r", "load_csv"),
    ("WITH 1 AS as LOAD CSV FROM 'file:///etc/hosts' AS r RETURN r", "load_csv"),
    ("\uff2c\uff2f\uff21\uff24 CSV FROM 'file:///etc/passwd' AS r RETURN r", "load_csv"),
    ("CALL db.clearQueryCaches()", "procedure"),
    ("CALL `dbms`.`listConfig`()", "procedure"),
    ("CALL db . /* split */ stats.collect('QUERIES')", "procedure"),
    ("CALL DB.LABELS()", "procedure"),
    ("RETURN `apoc`.version() AS v", "function"),
    ("MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS RETURN 1", "write"),
    ("MATCH (n) CALL (n) { RETURN n.x AS x } IN TRANSACTIONS RETURN x", "in_transactions"),
    ("USE system MATCH (n) RETURN n", "use"),
    ("EXPLAIN MATCH (n) RETURN n", "prefix"),
    ("CYPHER runtime=slotted MATCH (n) RETURN n", "prefix"),
    ("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "syntax"),
    ("START DATABASE neo4j", "admin"),
    ("INSERT (n:Hack)", "write"),
    ("RETURN 'unterminated", "syntax"),
    ("MATCH (n /* unterminated", "syntax"),
    ("RETURN (1", "syntax"),
    ("RETURN " + "(" * 21 + "1" + ")" * 21, "too_deep"),
    ("RETURN " + "NOT " * 101 + "true", "too_deep"),
    ("WITH {} AS a RETURN a" + ".b" * 101, "too_deep"),
    ("WITH 1 AS match RETURN " + " + ".join(["match"] * 120), "too_deep"),
])
def test_check_query_refuses_before_sending(query, reason):
    assert _reason(query) == reason


def test_check_query_bounds_length():
    assert _reason("RETURN 1 AS x" + " " * 100, max_chars=50) == "too_long"


def test_tokenize_skips_strings_comments_and_backquoted_names():
    tokens = tokenize("MATCH (`a``b` {x: 'LOAD'}) // SHOW\n/* USE */ RETURN $p, $`q r`")
    words = [t.text for t in tokens if t.kind == "word"]
    assert words == ["MATCH", "x", "RETURN"]
    assert [t.text for t in tokens if t.kind == "name"] == ["a`b", "q r"]
    assert [t.text for t in tokens if t.kind == "string"] == ["LOAD"]


@pytest.mark.parametrize("parameters", [
    {"x": 2**63}, {"x": -(2**63) - 1}, {"x": [1, 2**100]}, {"x": float("nan")},
    {"x": {"y": float("inf")}}, {"x": float("-inf")}, {"x": "a" * 2000},
    {"x": [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]},
])
def test_check_parameters_refuses_what_neo4j_cannot_take(parameters):
    with pytest.raises(QueryRejected) as caught:
        check_parameters(parameters, max_bytes=1000)
    assert caught.value.reason == "parameters"


def test_check_parameters_accepts_64_bit_extremes_and_nesting():
    check_parameters({"lo": -(2**63), "hi": 2**63 - 1, "f": 1.5, "m": {"l": [None, True, "s"]}}, 1000)


def _explain(db, query: str):
    with db.session(default_access_mode=READ_ACCESS) as session:
        return session.run("EXPLAIN " + query).consume()


@pytest.mark.parametrize(("query", "reason"), [
    ("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "load_csv"),
    ("CALL db.clearQueryCaches()", "admin"),
    ("CALL db.stats.collect('QUERIES')", "procedure"),
    ("CALL dbms.components()", "admin"),
    ("SHOW TRANSACTIONS", "admin"),
    ("SHOW SETTINGS", "admin"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "admin"),
    ("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n) AS c", "admin"),
    ("CREATE (n:Hack) RETURN n", "write"),
    ("MATCH (n) DETACH DELETE n", "write"),
    ("CREATE INDEX hack FOR (n:Hack) ON (n.x)", "admin"),
])
def test_check_plan_refuses_what_the_tokenizer_might_miss(db, query, reason):
    """Neo4j's own plan is a second line: each of these is refused from the plan alone."""
    summary = _explain(db, query)
    with pytest.raises(QueryRejected) as caught:
        check_plan(summary.query_type, summary.plan, db.database)
    assert caught.value.reason == reason


def test_check_plan_accepts_reads_and_allowlisted_procedures(db):
    for query in ("MATCH (n)-[r]->(m) RETURN n, r, m", "CALL db.labels()",
                  "CALL db.schema.visualization()"):
        summary = _explain(db, query)
        check_plan(summary.query_type, summary.plan, db.database)


def test_runner_answers_a_noncooperative_query_by_the_deadline(db):
    runner = CypherRunner(db, CypherLimits(timeout_s=1.0))
    started = time.monotonic()
    with pytest.raises(QueryTimedOut) as caught:
        runner.run(SLOW_REDUCE)
    elapsed = time.monotonic() - started
    assert elapsed < 1.0 + DEADLINE_SLACK_S + 0.5, elapsed
    assert "timed out" in str(caught.value) and caught.value.code == "query_timeout"
    assert db.read("RETURN 1 AS ok") == [{"ok": 1}]


def _tagged(db, tag: str) -> list[dict]:
    with db.session() as session:
        return session.run("SHOW TRANSACTIONS YIELD transactionId, metaData "
                           "WHERE metaData.kg_cypher = $tag RETURN transactionId", tag=tag).data()


def _any_tagged(db, query: str = CROSS_PRODUCT) -> bool:
    """Whether a tagged researcher's transaction still runs `query` in Neo4j."""
    with db.session() as session:
        return bool(session.run("SHOW TRANSACTIONS YIELD metaData, currentQuery "
                                "WHERE metaData.kg_cypher IS NOT NULL AND currentQuery = $q "
                                "RETURN count(*) AS n", q=query).single()["n"])


def test_terminate_tagged_ends_the_server_side_transaction(db):
    outcome: dict = {}
    tag = "test-terminate"

    def work():
        try:
            run_tagged_read(db, CROSS_PRODUCT, {}, CypherLimits(timeout_s=30), tag)
        except QueryRejected as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not _tagged(db, tag) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(terminate_tagged(db, tag)) == 1
    thread.join(5)
    assert not thread.is_alive()
    assert outcome["error"].reason == "terminated"
    assert _tagged(db, tag) == []


def test_runner_caps_concurrent_queries_and_frees_slots(db):
    runner = CypherRunner(db, CypherLimits(timeout_s=1.5, max_concurrent=2))
    errors: list[Exception] = []

    def slow():
        try:
            runner.run(CROSS_PRODUCT)
        except QueryRejected as exc:
            errors.append(exc)

    threads = [threading.Thread(target=slow, daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    with pytest.raises(TooManyQueries) as caught:
        runner.run("RETURN 1 AS x")
    assert time.monotonic() - started < 0.2 and caught.value.retry_after_s == 2
    for thread in threads:
        thread.join(10)
    assert [type(e) for e in errors] == [QueryTimedOut, QueryTimedOut]
    deadline = time.monotonic() + 5  # and Neo4j's side of them was ended
    while _any_tagged(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _any_tagged(db)
    deadline = time.monotonic() + 10  # a slot is freed once Neo4j really finished
    while time.monotonic() < deadline:
        try:
            assert runner.run("RETURN 1 AS x").rows == [[1]]
            break
        except TooManyQueries:
            time.sleep(0.2)
    else:
        pytest.fail("the slots were never freed")


def test_runner_caps_response_bytes_and_rows(db):
    runner = CypherRunner(db, CypherLimits(max_response_bytes=5000, max_rows=1000))
    result = runner.run("UNWIND range(1, 2000) AS i RETURN i, 'xxxxxxxxxx' AS s")
    assert result.truncated and result.truncated_reason == "max_bytes"
    assert 0 < len(result.rows) < 300
    rows = CypherRunner(db, CypherLimits(max_rows=10)).run("UNWIND range(1, 20) AS i RETURN i")
    assert rows.truncated_reason == "max_rows" and len(rows.rows) == 10
    whole = CypherRunner(db, CypherLimits(max_rows=20)).run("UNWIND range(1, 20) AS i RETURN i")
    assert not whole.truncated and whole.truncated_reason is None


def test_a_query_that_overflows_neo4j_does_not_trip_the_breaker(db):
    """With the guard's depth bounds lifted, 1000 nested brackets overflow Neo4j's parser stack
    (it never answers); the caller still gets a timeout on time and other queries go on."""
    runner = CypherRunner(db, CypherLimits(timeout_s=1.0, max_nesting=5000,
                                           max_expression_depth=5000))
    started = time.monotonic()
    with pytest.raises(QueryTimedOut):
        runner.run("RETURN " + "(" * 1000 + "1" + ")" * 1000 + " AS x")
    assert time.monotonic() - started < 1.0 + DEADLINE_SLACK_S + 0.5
    assert db.read("RETURN 1 AS ok") == [{"ok": 1}]
    with pytest.raises(QueryRejected) as caught:  # the driver cannot decode a 2000-deep list
        runner.run("RETURN reduce(a = [], i IN range(1, 2000) | [a]) AS x")
    assert caught.value.reason == "too_deep"
    assert db.read("RETURN 1 AS ok") == [{"ok": 1}]


def test_confirm_unavailable_trips_only_when_the_ping_fails(db):
    assert db.confirm_unavailable(OSError("lost")) is None
    assert db.read("RETURN 1 AS ok") == [{"ok": 1}]
    dead = connect_graph(f"bolt://127.0.0.1:{free_port()}")
    try:
        assert isinstance(dead.confirm_unavailable(OSError("lost")), GraphUnavailable)
        with pytest.raises(GraphUnavailable):
            CypherRunner(dead, CypherLimits()).run("RETURN 1 AS x")
    finally:
        dead.close()
