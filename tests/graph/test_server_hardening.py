"""The local Neo4j itself refuses what a hostile local process or web page would try, whatever
the API checks: no anonymous HTTP or Bolt, no CORS wildcard, LOAD CSV reads neither files nor
URLs, and the procedure settings are what Launcher.java sets.

These run against the session's test server, which is the project's hardened local server.
"""

from __future__ import annotations

import base64
import http.server
import json
import threading
import urllib.error
import urllib.request

import neo4j
import pytest
from neo4j.exceptions import AuthError, ClientError

from tests.conftest import Neo4jTarget

FOREIGN_ORIGIN = "http://evil.example"


@pytest.fixture(scope="module")
def local(neo4j_target: Neo4jTarget) -> Neo4jTarget:
    if neo4j_target.local is None:
        pytest.skip(f"these check the project's local server; the tests use {neo4j_target.origin}")
    return neo4j_target


@pytest.fixture(scope="module")
def driver(local: Neo4jTarget):
    drv = neo4j.GraphDatabase.driver(local.uri, auth=(local.user, local.password))
    yield drv
    drv.close()


def _http(local: Neo4jTarget, path: str, body: dict | None = None,
          headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{local.local.http_port}{path}",
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def _probes(driver) -> int:
    records, _, _ = driver.execute_query("MATCH (n:HardeningProbe) RETURN count(n) AS n")
    return records[0]["n"]


def test_http_commit_needs_the_password(local, driver):
    write = {"statements": [{"statement": "CREATE (:HardeningProbe)"}]}
    status, _, body = _http(local, "/db/neo4j/tx/commit", write)
    assert status == 401, body
    status, _, body = _http(local, "/db/neo4j/tx/commit", write, _basic("neo4j", "neo4j"))
    assert status == 401, body
    assert _probes(driver) == 0
    # The endpoint is there for whoever has the password (so the 401 above is auth, not a 404).
    read = {"statements": [{"statement": "RETURN 1 AS one"}]}
    status, _, body = _http(local, "/db/neo4j/tx/commit", read, _basic(local.user, local.password))
    assert status == 200 and json.loads(body)["errors"] == [], body


def test_http_answers_no_cors_wildcard_to_a_foreign_origin(local):
    own = f"http://127.0.0.1:{local.local.http_port}"
    for path, body in (("/", None), ("/db/neo4j/tx/commit", {"statements": []})):
        status, headers, _ = _http(local, path, body, {"Origin": FOREIGN_ORIGIN})
        allowed = headers.get("Access-Control-Allow-Origin")
        assert allowed not in ("*", FOREIGN_ORIGIN), (path, status, headers)
        assert allowed == own


def test_http_serves_only_browser_and_transactional_modules(local):
    status, _, _ = _http(local, "/db/neo4j/query/v2", {"statement": "RETURN 1"},
                         _basic(local.user, local.password))
    assert status == 404  # the Query API module is off
    status, _, _ = _http(local, "/browser/")
    assert status == 200


def test_bolt_without_the_password_is_refused(local):
    for auth in (None, ("neo4j", "neo4j"), ("neo4j", "")):
        drv = neo4j.GraphDatabase.driver(local.uri, auth=auth)
        try:
            with pytest.raises(AuthError):
                drv.verify_connectivity()
        finally:
            drv.close()


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (the stdlib's name)
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"a,b\n1,2\n")

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _read(driver, query: str) -> list[dict]:
    """As the API's /cypher runs it: the service's own user, a read transaction."""
    with driver.session(database="neo4j", default_access_mode=neo4j.READ_ACCESS) as session:
        return session.execute_read(lambda tx: tx.run(query).data())


def test_load_csv_reads_no_file_even_inside_the_import_folder(local, driver):
    import_dir = local.local.home / "server" / "import"
    assert import_dir.is_dir() and not any(import_dir.iterdir())  # dedicated and empty
    (import_dir / "inside.csv").write_text("a,b\n1,2\n")
    try:
        for url in ("file:///etc/passwd", "file:///../../../../etc/passwd",
                    f"file://{import_dir}/../../password", "file:///inside.csv",
                    "file:inside.csv"):
            with pytest.raises(ClientError) as refused:
                _read(driver, f"LOAD CSV FROM '{url}' AS row RETURN row LIMIT 1")
            assert refused.value.code == "Neo.ClientError.Statement.ExternalResourceFailed", url
            assert "root:" not in str(refused.value) and "a,b" not in str(refused.value)
    finally:
        (import_dir / "inside.csv").unlink()


def test_load_csv_makes_no_request_to_any_address(local, driver, recorder):
    port = recorder.server_address[1]
    for url in (f"http://127.0.0.1:{port}/x.csv", f"http://localhost:{port}/x.csv",
                f"http://[::1]:{port}/x.csv", f"https://127.0.0.1:{port}/x.csv",
                f"ftp://127.0.0.1:{port}/x.csv", "http://10.0.0.1/x.csv"):
        with pytest.raises(ClientError) as refused:
            _read(driver, f"LOAD CSV FROM '{url}' AS row RETURN row LIMIT 1")
        assert "blocked" in str(refused.value), url
    assert _Recorder.hits == []  # not one request left the server


def _settings(driver) -> dict[str, str]:
    records, _, _ = driver.execute_query("SHOW SETTINGS YIELD name, value RETURN name, value")
    return {r["name"]: r["value"] for r in records}


def test_server_settings_are_the_hardened_ones(local, driver):
    settings = _settings(driver)
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert settings["server.directories.import"] == str(local.local.home / "server" / "import")
    assert settings["dbms.security.http_access_control_allow_origin"] == (
        f"http://127.0.0.1:{local.local.http_port}")
    assert settings["dbms.usage_report.enabled"] == "false"
    assert settings["client.allow_telemetry"] == "false"
    assert settings["server.http_enabled_modules"] == "TRANSACTIONAL_ENDPOINTS,BROWSER"
    assert settings["server.bolt.listen_address"].startswith("127.0.0.1:")
    assert settings["server.http.listen_address"].startswith("127.0.0.1:")
    assert settings["server.https.enabled"] == "false"
    assert settings["dbms.security.procedures.unrestricted"] == ""
    assert settings["dbms.security.procedures.allowlist"] == (
        "db.labels,db.relationshipTypes,db.propertyKeys,db.schema.*,db.index.fulltext.query*")


def test_builtin_procedures_ignore_the_allowlist(local, driver):
    """What Community cannot restrict, checked so the README stays true: the allowlist only
    governs plugin procedures, so built-in dbms.* procedures still run for the one (admin) user
    and the API's /cypher guard must refuse them. When this fails, Neo4j restricts them: say so."""
    assert _read(driver, "CALL dbms.listConfig() YIELD name RETURN count(*) AS n")[0]["n"] > 0
    assert _read(driver, "CALL db.labels() YIELD label RETURN count(*) AS n")[0]["n"] >= 0
    # Nothing secret is in what they reveal: the password is in a file, not the JVM arguments.
    jmx = _read(driver, "CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes "
                        "RETURN attributes.InputArguments.value AS args")
    assert local.password not in json.dumps(jmx)
    assert local.password not in json.dumps(
        _read(driver, "CALL dbms.listConfig() YIELD name, value RETURN name, value"))


def test_docker_compose_neo4j_has_the_same_hardening(local, driver):
    """docker-compose.yml sets the launcher's settings as NEO4J_* variables (the image's
    convention: `_` is `.`, `__` is `_`); each must name a real setting with the value the local
    server runs with, and there is no default password."""
    import yaml

    from tests.conftest import ROOT

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    env = compose["services"]["neo4j"]["environment"]
    assert ":?" in env["NEO4J_AUTH"]  # compose refuses to start without NEO4J_PASSWORD
    live = _settings(driver)
    shared = {name: value for name, value in env.items()
              if name not in ("NEO4J_AUTH",) and "memory" not in name}
    assert len(shared) >= 7
    for name, value in shared.items():
        setting = name.removeprefix("NEO4J_").replace("__", "\0").replace("_", ".").replace("\0", "_")
        if setting.startswith("internal."):  # not listed by SHOW SETTINGS: as the launcher sets it
            launcher = (ROOT / "graph" / "neo4j_server" / "Launcher.java").read_text()
            assert f'"{setting}", "{value}"' in launcher, setting
            continue
        expected = live[setting]
        if setting == "dbms.security.http_access_control_allow_origin":
            expected = "http://127.0.0.1:7474"  # the port compose publishes
        assert value == expected, setting
