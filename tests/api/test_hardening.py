"""What a hostile client sends: bounded parameters, strict JSON, keys only in headers, Host
checked, every error status documented with the real error shape."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.client import BASE_URL
from tests.conftest import free_port

KEY = "hardening-key"


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("path, params", [
    ("/articles", {"offset": 2147483646}),
    ("/articles", {"offset": 2**63}),
    ("/statements", {"limit": 2**40}),
    ("/actors", {"offset": -1}),
    ("/statements", {"since": "0"}),
    ("/statements", {"since": "20241104"}),
    ("/statements", {"since": "2024-02-30"}),
    ("/statements", {"until": "0001-01-01"}),
    ("/claims", {"since": "9999-12-31"}),
    ("/articles", {"since": "1730678400"}),
    ("/statements", {"direct": "yes"}),
    ("/statements", {"direct": "1"}),
    ("/actors", {"q": "x" * 201}),
    ("/statements", {"about": "x" * 201}),
    ("/statements", {"kind": ["said"] * 11}),
    ("/graph", {"type": ["Person"] * 11}),
    ("/articles", {"source": "s" * 201}),
    ("/explorer/articles/art-a", {"start": 10**12}),
    ("/actors/" + "p" * 201, {}),
])
def test_out_of_bounds_parameters_are_422(client, path, params):
    error = _error(client.get(path, params=params), 422, "invalid_request")
    assert error["details"] and all({"where", "problem"} <= set(d) for d in error["details"])


def test_dates_and_booleans_in_range_still_work(client):
    assert client.get("/statements", params={"since": "2024-10-19", "until": "2024-10-19"}).json()["total"] == 4
    assert client.get("/statements", params={"direct": "true"}).json()["total"] == 2
    assert client.get("/articles", params={"offset": 1_000_000}).json()["count"] == 0


@pytest.fixture
def writer(db):
    with TestClient(create_app(Settings(api_key=KEY), db), base_url=BASE_URL,
                    raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("raw", [
    b'{"text": "x", "title": NaN}',
    b'{"text": "x", "title": Infinity}',
    b'{"text": "x", "title": -Infinity}',
    b'{"text": "x", "title": 1e400}',
    b'{"text": "x", "title": 123456789012345678901234567890}',
    b'{"text": "\xff\xfe"}',
])
def test_non_strict_json_bodies_are_422(writer, raw):
    response = writer.post("/articles", content=raw,
                           headers={"Content-Type": "application/json", "X-API-Key": KEY})
    error = _error(response, 422, "invalid_request")
    assert error["details"][0]["where"] == "body"


def test_cypher_parameters_nan_and_huge_integers_are_422(writer):
    for raw in (b'{"query": "RETURN $x", "parameters": {"x": NaN}}',
                b'{"query": "RETURN $x", "parameters": {"x": 99999999999999999999}}'):
        _error(writer.post("/cypher", content=raw, headers={"Content-Type": "application/json"}),
               422, "invalid_request")
    ok = writer.post("/cypher", json={"query": "RETURN $x AS x", "parameters": {"x": 2**63 - 1}})
    assert ok.status_code == 200 and ok.json()["rows"] == [[2**63 - 1]]


def test_article_body_refuses_unknown_fields_and_bad_dates(writer):
    headers = {"X-API-Key": KEY}
    _error(writer.post("/articles", json={"text": "x", "publised": "2024-11-04"}, headers=headers),
           422, "invalid_request")
    for day in ("0", "2024-11-31", "1066-10-14", 0):
        _error(writer.post("/articles", json={"text": "x", "published": day}, headers=headers),
               422, "invalid_request")


@pytest.mark.parametrize("name", ["api_key", "key", "x-api-key", "X_API_KEY", "apiKey", "token"])
def test_api_key_in_query_string_is_400(writer, name):
    error = _error(writer.get("/articles", params={name: KEY}), 400, "key_in_query")
    assert "X-API-Key" in error["message"] and KEY not in error["message"]
    _error(writer.delete("/articles/art-x", params={name: KEY}), 400, "key_in_query")


def test_api_key_check_is_constant_time_and_survives_odd_keys(writer):
    import inspect

    from api.routes import articles

    assert "hmac.compare_digest" in inspect.getsource(articles.require_api_key)
    _error(writer.delete("/articles/art-x", headers={"X-API-Key": "é".encode("utf-8") * 10}), 403, "forbidden")
    _error(writer.delete("/articles/art-x", headers={"X-API-Key": KEY[:-1]}), 403, "forbidden")
    _error(writer.delete("/articles/art-x", headers={"X-API-Key": KEY}), 404, "not_found")


def test_access_log_never_records_a_query_string_key(db, caplog):
    """A real uvicorn server: its access log prints the URL, with the key blanked."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(api_key=KEY), db), host="127.0.0.1",
                                           port=port, log_config=None, access_log=True))
    thread = threading.Thread(target=server.run, daemon=True)
    secret = "s3cret-in-the-url"
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        thread.start()
        try:
            deadline = time.monotonic() + 20
            while not server.started and time.monotonic() < deadline:
                time.sleep(0.05)
            response = httpx.get(f"http://127.0.0.1:{port}/articles?limit=5&api_key={secret}")
            ok = httpx.get(f"http://127.0.0.1:{port}/articles?limit=5")
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    _error(response, 400, "key_in_query")
    assert ok.status_code == 200
    logged = [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]
    assert any("/articles?limit=5&api_key=REDACTED" in line for line in logged), logged
    assert not any(secret in line for line in logged)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.", "[::2]:8000", ""])
def test_other_hosts_are_400_with_the_error_shape(client, host):
    error = _error(client.get("/health", headers={"Host": host}), 400, "host_not_allowed")
    assert "KG_ALLOWED_HOSTS" in error["message"]
    _error(client.post("/cypher", json={"query": "RETURN 1"}, headers={"Host": host}), 400,
           "host_not_allowed")


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000", "::1"])
def test_default_hosts_are_answered(client, host):
    assert client.get("/health", headers={"Host": host}).status_code == 200


def test_allowed_hosts_setting(db, monkeypatch):
    monkeypatch.setenv("KG_ALLOWED_HOSTS", "kg.example.org, 10.0.0.5")
    settings = Settings()
    assert settings.trusted_hosts() == ["10.0.0.5", "kg.example.org"]
    with TestClient(create_app(settings, db), base_url="http://kg.example.org") as c:
        assert c.get("/health").status_code == 200
        _error(c.get("/health", headers={"Host": "127.0.0.1"}), 400, "host_not_allowed")
    monkeypatch.delenv("KG_ALLOWED_HOSTS")
    assert "0.0.0.0" in Settings(api_host="0.0.0.0").trusted_hosts()
    with TestClient(create_app(Settings(allowed_hosts=["*"]), db), base_url="http://any.where") as c:
        assert c.get("/health").status_code == 200


# Every status each operation can answer, besides its success.
EXPECTED_ERRORS = {
    ("get", "/health"): {400, 503},
    ("get", "/actors"): {400, 422, 503},
    ("get", "/actors/{actor_id}"): {400, 404, 422, 503},
    ("get", "/actors/{actor_id}/statements"): {400, 404, 422, 503},
    ("get", "/statements"): {400, 404, 422, 503},
    ("get", "/claims"): {400, 404, 422, 503},
    ("get", "/timeline"): {400, 404, 422, 503},
    ("get", "/articles"): {400, 422, 503},
    ("post", "/articles"): {400, 401, 403, 422, 503},
    ("get", "/articles/{article_id}"): {400, 404, 422, 503},
    ("delete", "/articles/{article_id}"): {400, 401, 403, 404, 422, 503},
    ("post", "/cypher"): {400, 422, 429, 503},
    ("get", "/graph"): {400, 404, 422, 503},
    ("get", "/explorer"): {400, 404, 422, 503},
    ("get", "/explorer/articles/{article_id}"): {400, 404, 422, 503},
}


def test_openapi_documents_every_error_status_with_the_error_shape():
    spec = create_app(Settings(), db=None).openapi()
    schemas = spec["components"]["schemas"]
    assert set(schemas["ErrorOut"]["required"]) == {"error"}
    assert {"status", "code", "message"} <= set(schemas["ErrorInfo"]["required"])
    operations = {(method, path): op for path, ops in spec["paths"].items() for method, op in ops.items()}
    assert set(operations) == set(EXPECTED_ERRORS)
    for key, op in operations.items():
        errors = {int(s) for s in op["responses"] if int(s) >= 400}
        assert errors == EXPECTED_ERRORS[key], key
        for status in errors:
            doc = op["responses"][str(status)]
            content = doc["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (key, status)
            example = content["example"]
            assert set(example) == {"error"} and example["error"]["status"] == status, (key, status)
            assert {"status", "code", "message"} <= set(example["error"])
            assert doc["description"], (key, status)
        assert not any(str(s).startswith("5") and s != "503" for s in op["responses"]), key
    assert "HTTPValidationError" not in schemas  # FastAPI's own 422 shape is never promised


ARTICLE = (
    "OSLO, March 3 (Example Wire) - Norway's Defence Ministry denied on Monday that Norwegian troops "
    "had been sent to the border region. \"There are no Norwegian soldiers there,\" spokeswoman "
    "Ingrid Olsen told reporters. Lloyd Austin said the United States was watching closely."
)


def test_reposting_reports_exactly_what_changed(writer, db):
    from tests.graph.factories import dump_graph

    headers = {"X-API-Key": KEY}
    body = {"text": ARTICLE, "title": "Norway denies", "published": "2025-03-03", "source": "Example Wire"}
    first = writer.post("/articles", json=body, headers=headers)
    assert first.status_code == 201 and first.json()["created"] is True
    article_id = first.json()["article_id"]
    dump = dump_graph(db)

    same = writer.post("/articles", json=body, headers=headers)
    assert same.status_code == 200
    assert {k: same.json()[k] for k in ("created", "updated", "changed", "redated")} == {
        "created": False, "updated": False, "changed": {}, "redated": 0}
    assert dump_graph(db) == dump

    dates = {s["id"]: s["date"] for s in writer.get(f"/articles/{article_id}").json()["statements"]}
    renamed = writer.post("/articles", json={**body, "source": "Reuters", "title": "Oslo denies"}, headers=headers)
    assert renamed.status_code == 200, renamed.text
    result = renamed.json()
    assert result["created"] is False and result["updated"] is True and result["redated"] == 0
    assert result["changed"] == {"source": ["Example Wire", "Reuters"], "title": ["Norway denies", "Oslo denies"]}
    stored = writer.get(f"/articles/{article_id}").json()
    assert stored["source"] == "Reuters" and stored["title"] == "Oslo denies"
    assert {s["id"]: s["date"] for s in stored["statements"]} == dates  # same date: not re-dated

    moved = writer.post("/articles", json={**body, "source": "Reuters", "title": "Oslo denies",
                                           "published": "2025-04-07"}, headers=headers).json()
    assert moved["updated"] is True and moved["changed"] == {"published": ["2025-03-03", "2025-04-07"]}
    new_dates = {s["id"]: s["date"] for s in writer.get(f"/articles/{article_id}").json()["statements"]}
    assert moved["redated"] == sum(1 for i in dates if i in new_dates and new_dates[i] != dates[i]) > 0
