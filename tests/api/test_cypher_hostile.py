"""POST /cypher as a hostile user would call it, without a key, through the real API and Neo4j.

Every query in HOSTILE is refused with its status, code and reason; the graph is unchanged
after the whole list; no file is read and no URL fetched; /health stays fast while every
Cypher slot is busy. Each outcome is recorded for RELIABILITY.md once asserted.
"""

from __future__ import annotations

import http.server
import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.writer import upsert_article
from tests.api.client import BASE_URL
from tests.conftest import free_port
from tests.graph.factories import sample_graph
from tests.reliability import record

REFUSED = (400, "query_rejected")
# Non-finite numbers and integers beyond 64 bits are not strict JSON: the request guard refuses
# the body before /cypher reads it.
STRICT_JSON = (422, "invalid_request")
TIMEOUT = (400, "query_timeout")
PARAMS = "RETURN $x AS x"
URL = "http://127.0.0.1:{port}/secret.csv"

# (query, parameters, (status, code), reason). {url} is a loopback server that counts hits.
HOSTILE: list[tuple[str, dict | str | None, tuple[int, str], str | None]] = [
    # Files and URLs
    ("LOAD CSV FROM 'file:///etc/passwd' AS r FIELDTERMINATOR ':' RETURN r", None, REFUSED, "load_csv"),
    ("LOAD CSV FROM 'file:///../../../../etc/passwd' AS r RETURN r", None, REFUSED, "load_csv"),
    ("LOAD CSV WITH HEADERS FROM 'file:/etc/hosts' AS r RETURN r", None, REFUSED, "load_csv"),
    ("load csv from '{url}' as r return r", None, REFUSED, "load_csv"),
    ("LoAd /* split */ CsV FROM '{url}' AS r RETURN r", None, REFUSED, "load_csv"),
    ("MATCH (n) WITH n LIMIT 1 LOAD CSV FROM $u AS r RETURN r", {"u": "{url}"}, REFUSED, "load_csv"),
    ("// comment ends at a carriage return\rLOAD CSV FROM '{url}' AS r RETURN r", None, REFUSED, "load_csv"),
    ("CALL { LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r } RETURN r", None, REFUSED, "load_csv"),
    ("WITH 1 AS as LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", None, REFUSED, "load_csv"),
    # Procedures
    ("CALL dbms.listConfig()", None, REFUSED, "procedure"),
    ("CALL dbms.listConnections()", None, REFUSED, "procedure"),
    ("CALL dbms.queryJmx('*:*')", None, REFUSED, "procedure"),
    ("CALL db.clearQueryCaches()", None, REFUSED, "procedure"),
    ("CALL `dbms`.`components`()", None, REFUSED, "procedure"),
    ("CALL db.stats.collect('QUERIES')", None, REFUSED, "procedure"),
    ("CALL apoc.load.json('file:///etc/passwd')", None, REFUSED, "procedure"),
    ("RETURN apoc.version() AS v", None, REFUSED, "function"),
    ("MATCH (n) CALL { CALL dbms.showCurrentUser() YIELD username RETURN username } RETURN username", None,
     REFUSED, "procedure"),
    # DBMS commands
    ("SHOW USERS", None, REFUSED, "show"),
    ("SHOW DATABASES", None, REFUSED, "show"),
    ("show transactions", None, REFUSED, "show"),
    ("SHOW SETTINGS YIELD name, value", None, REFUSED, "show"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", None, REFUSED, "terminate"),
    ("USE system SHOW USERS", None, REFUSED, "use"),
    ("USE neo4j MATCH (n) RETURN n", None, REFUSED, "use"),
    ("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1", None, REFUSED, "write"),
    ("UNWIND range(1, 3) AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS OF 1 ROW RETURN j", None,
     REFUSED, "in_transactions"),
    ("PROFILE MATCH (n) RETURN n", None, REFUSED, "prefix"),
    ("EXPLAIN MATCH (n) RETURN n", None, REFUSED, "prefix"),
    ("START DATABASE neo4j", None, REFUSED, "admin"),
    # Writes, schema, users
    ("CREATE (:Hack {x: 1}) RETURN 1", None, REFUSED, "write"),
    ("MERGE (h:Hack {x: 1}) RETURN h", None, REFUSED, "write"),
    ("MATCH (n) SET n.hacked = true RETURN count(n)", None, REFUSED, "write"),
    ("MATCH (n) DETACH DELETE n", None, REFUSED, "write"),
    ("MATCH (n) REMOVE n.id RETURN n", None, REFUSED, "write"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.x = x)", None, REFUSED, "write"),
    ("INSERT (:Hack)", None, REFUSED, "write"),
    ("CREATE INDEX hack FOR (n:Entity) ON (n.hack)", None, REFUSED, "write"),
    ("CREATE CONSTRAINT hack FOR (n:Hack) REQUIRE n.x IS UNIQUE", None, REFUSED, "write"),
    ("DROP CONSTRAINT entity_id", None, REFUSED, "admin"),
    ("CREATE USER hacker SET PASSWORD 'secret123'", None, REFUSED, "write"),
    ("ALTER USER neo4j SET PASSWORD 'owned12345'", None, REFUSED, "admin"),
    ("GRANT ROLE admin TO hacker", None, REFUSED, "admin"),
    ("MATCH (n) WITH n /* */ cReAtE (m:Hack) RETURN m", None, REFUSED, "write"),
    # Work without bound
    ("RETURN " + "(" * 300 + "1" + ")" * 300, None, REFUSED, "too_deep"),
    ("RETURN " + "NOT " * 400 + "true", None, REFUSED, "too_deep"),
    ("WITH {} AS a RETURN a" + ".b" * 250, None, REFUSED, "too_deep"),
    ("RETURN 1 AS x" + " " * 20_000, None, REFUSED, "too_long"),
    ("RETURN reduce(x = 0, i IN range(1, 20000) | x + reduce(y = 0, j IN range(1, 20000) | y + j)) AS s", None, TIMEOUT, "timeout"),
    ("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n", None, TIMEOUT,
     "timeout"),
    ("RETURN reduce(a = [], i IN range(1, 2000) | [a]) AS x", None, REFUSED, "too_deep"),
    # Parameters
    (PARAMS, '{"x": 123456789012345678901234567890}', STRICT_JSON, None),
    (PARAMS, '{"x": -9223372036854775809}', STRICT_JSON, None),
    (PARAMS, '{"x": NaN}', STRICT_JSON, None),
    (PARAMS, '{"x": [1, Infinity]}', STRICT_JSON, None),
    (PARAMS, '{"x": {"y": -Infinity}}', STRICT_JSON, None),
    (PARAMS, '{"x": ' + "[" * 20 + "1" + "]" * 20 + "}", REFUSED, "parameters"),
    (PARAMS, json.dumps({"x": "a" * 1_100_000}), REFUSED, "parameters"),
]


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 (the standard library's name)
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"secret,row\n")

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield URL.format(port=server.server_address[1])
    server.shutdown()


@pytest.fixture
def hostile_client(db):
    upsert_article(db, sample_graph("art-a"))
    upsert_article(db, sample_graph("art-b"))
    with TestClient(base_url=BASE_URL, app=create_app(Settings(cypher_timeout_s=1.0), db), raise_server_exceptions=False) as client:
        yield client


def _counts(db) -> tuple[int, int]:
    row = db.read("MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() "
                  "RETURN nodes, count(r) AS edges")[0]
    return row["nodes"], row["edges"]


def _post(client, query: str, parameters) -> object:
    if isinstance(parameters, str):
        body = '{"query": %s, "parameters": %s}' % (json.dumps(query), parameters)
        return client.post("/cypher", content=body, headers={"Content-Type": "application/json"})
    return client.post("/cypher", json={"query": query, "parameters": parameters or {}})


def _shown(query: str) -> str:
    query = query.replace("\r", "\\r")
    return query if len(query) <= 90 else f"{query[:70]}… ({len(query)} chars)"


def test_cypher_hostile_list_is_refused_and_changes_nothing(db, hostile_client, loopback_url):
    assert len(HOSTILE) >= 40
    before = _counts(db)
    assert before[0] > 0
    for query, parameters, (status, code), reason in HOSTILE:
        query = query.replace("{url}", loopback_url)
        if isinstance(parameters, dict):
            parameters = {k: v.replace("{url}", loopback_url) for k, v in parameters.items()}
        started = time.monotonic()
        response = _post(hostile_client, query, parameters)
        elapsed = time.monotonic() - started
        body = response.json()
        assert response.status_code == status, (query, body)
        error = body["error"]
        assert (error["code"], error.get("reason")) == (code, reason), (query, error)
        assert "root:" not in error["message"] and "secret,row" not in error["message"]
        assert "Traceback" not in error["message"] and "java." not in error["message"]
        assert elapsed < 1.0 + 1.0 + 1.0, (query, elapsed)  # timeout + slack + the API's own time
        record("cypher", query=_shown(query) + (f" with {_shown(str(parameters))}" if parameters else ""),
               expected=f"{status} {code}/{reason}", status=response.status_code,
               outcome=f"{error['code']}/{error.get('reason')} in {elapsed:.2f} s: {error['message'][:80]}")
    assert _Counter.hits == 0  # no URL was fetched
    assert _counts(db) == before
    assert hostile_client.get("/health").status_code == 200
    record("cypher", query=f"the {len(HOSTILE)} queries above", expected="graph unchanged, no URL fetched",
           status=200, outcome=f"nodes/edges {before} before and after; loopback URL hits: 0")


HARMLESS = [
    "RETURN 'LOAD CSV FROM file:///etc/passwd' AS s",
    "MATCH (n) // CREATE (m) LOAD CSV SHOW USERS\nRETURN count(n) AS n",
    "/* CALL dbms.listConfig() */ MATCH (n:Entity) RETURN n.name AS name ORDER BY name",
    "MATCH (s:Statement) RETURN s.start AS start, s.end AS end, s.sentence AS `DELETE` LIMIT 2",
    "MATCH (e:Entity) RETURN {set: e.id, load: e.name, show: 'TERMINATE'} AS m LIMIT 1",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "CALL db.relationshipTypes()",
    "CALL db.propertyKeys()",
    "CALL db.schema.visualization()",
    "CALL db.schema.nodeTypeProperties()",
    "CALL { MATCH (n:Entity) RETURN n } RETURN count(n) AS entities",
    "RETURN 0.0 / 0.0 AS nan, 1.0 / 0.0 AS inf",
]


@pytest.mark.parametrize("query", HARMLESS)
def test_cypher_harmless_reads_with_keywords_and_allowlisted_procedures_work(hostile_client, query):
    response = hostile_client.post("/cypher", json={"query": query})
    assert response.status_code == 200, response.json()
    assert response.json()["rows"]
    record("cypher", query=_shown(query), expected="200 with rows", status=200,
           outcome=f"{response.json()['count']} rows")


def test_cypher_fulltext_procedure_reaches_neo4j(hostile_client):
    """Allowlisted: the guard lets it through; Neo4j answers (no such index here) with its code."""
    error = hostile_client.post("/cypher", json={
        "query": "CALL db.index.fulltext.queryNodes('no_such_index', 'kim')"}).json()["error"]
    assert (error["status"], error["reason"]) == (400, "neo4j")
    assert error["message"].startswith("Neo.ClientError.Procedure.")


def test_cypher_health_stays_fast_while_every_slot_is_busy(db):
    upsert_article(db, sample_graph("art-a"))
    settings = Settings(cypher_timeout_s=1.0, cypher_max_concurrent=2)
    with TestClient(base_url=BASE_URL, app=create_app(settings, db), raise_server_exceptions=False) as client:
        _fill_slots_then_call(client)


def _fill_slots_then_call(hostile_client) -> None:
    slow = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n"
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(
        hostile_client.post("/cypher", json={"query": slow}).status_code), daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.4)
    started = time.monotonic()
    busy = hostile_client.post("/cypher", json={"query": "RETURN 1 AS x"})
    refused_in = time.monotonic() - started
    started = time.monotonic()
    health = hostile_client.get("/health")
    health_in = time.monotonic() - started
    for thread in threads:
        thread.join(10)
    assert busy.status_code == 429 and busy.json()["error"]["code"] == "too_many_queries"
    assert busy.headers["Retry-After"] == "1" and refused_in < 0.5
    assert health.status_code == 200 and health_in < 1.0, health_in
    assert answers == [400, 400]
    record("cypher", query="2 slow queries at once (KG_CYPHER_MAX_CONCURRENT=2), then a third, then /health",
           expected="429 with Retry-After; /health fast", status=busy.status_code,
           outcome=f"429 in {refused_in:.2f} s, /health 200 in {health_in:.2f} s; slow ones 400 query_timeout")


def test_cypher_response_is_capped_in_bytes(db):
    with TestClient(base_url=BASE_URL, app=create_app(Settings(cypher_max_response_bytes=20_000), db)) as client:
        response = client.post("/cypher", json={
            "query": "UNWIND range(1, 900) AS i RETURN i, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' AS s"})
    body = response.json()
    assert response.status_code == 200 and body["truncated"] is True
    assert body["truncated_reason"] == "max_bytes" and 0 < body["count"] < 900
    assert len(response.content) <= 20_000
    record("cypher", query="UNWIND range(1, 900) … (KG_CYPHER_MAX_RESPONSE_BYTES=20000)",
           expected="200 truncated by bytes", status=200,
           outcome=f"{body['count']} rows, {len(response.content)} bytes, truncated_reason max_bytes")


@pytest.mark.parametrize(("body", "status"), [
    ('{"query": "RETURN $x AS x", "parameters": {"x": ' + "[" * 100_000 + "]" * 100_000 + "}}", 422),
    ('{"query": "RETURN $x AS x", "parameters": {"x": ' + "9" * 5000 + "}}", 422),
    ('{"query": "RETURN 1 AS x", "parameters": []}', 422),
    ('{"query": "// only a comment"}', 400),
])
def test_cypher_malformed_bodies_never_answer_500(hostile_client, body, status):
    response = hostile_client.post("/cypher", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status and set(response.json()["error"]) >= {"status", "code", "message"}
    record("cypher", query=f"body: {_shown(body)}", expected=str(status), status=response.status_code,
           outcome=response.json()["error"]["code"])
