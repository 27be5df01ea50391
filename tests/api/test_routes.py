"""The API against a real Neo4j: responses, provenance, and the one error shape."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.connection import connect_graph
from tests.api.client import BASE_URL
from tests.conftest import free_port


def _assert_error(response, status: int, code: str):
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]


def test_read_health_counts_graph(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 2 and body["counts"]["statements"] == 4
    assert body["counts"]["entities"] == 4


def test_read_health_503_when_neo4j_unreachable():
    dead = connect_graph(f"bolt://127.0.0.1:{free_port()}")
    with TestClient(base_url=BASE_URL, app=create_app(Settings(), dead), raise_server_exceptions=False) as c:
        response = c.get("/health")
    dead.close()
    _assert_error(response, 503, "graph_unavailable")
    assert "Traceback" not in response.text


def test_read_actors_search_ignores_case_accents_hyphens(client):
    for q in ("anna berg", "ANNA-BERG", "Ánna"):
        ids = [a["id"] for a in client.get("/actors", params={"q": q}).json()["data"]]
        assert ids == ["person:anna-berg"], q


def test_read_actors_filters_by_type_and_counts_statements(client):
    body = client.get("/actors", params={"type": "Agency"}).json()
    assert body["count"] == 1
    assert body["data"][0]["id"] == "agency:ministry-of-defence"
    assert body["data"][0]["statements"] == 2  # one per article


def test_read_actors_rejects_bad_parameters(client):
    _assert_error(client.get("/actors", params={"limit": 0}), 422, "invalid_request")
    _assert_error(client.get("/actors", params={"type": "Planet"}), 422, "invalid_request")


def test_read_actor_profile_and_404(client):
    body = client.get("/actors/person:anna-berg").json()
    assert body["type"] == "Person" and {m["article_id"] for m in body["mentions"]} == {"art-a", "art-b"}
    _assert_error(client.get("/actors/person:nobody"), 404, "not_found")
    _assert_error(client.get("/actors/person:nobody/statements"), 404, "not_found")
    _assert_error(client.get("/no-such-route"), 404, "not_found")


def test_read_actor_statements_carry_sentence_offsets_and_article(client):
    body = client.get("/actors/person:anna-berg/statements").json()
    assert body["actor"]["name"] == "Anna Berg" and body["count"] == 2
    for st in body["data"]:
        assert st["kind"] == "denied" and st["quote"] == "We deny it,"
        assert st["article"]["id"] in {"art-a", "art-b"} and st["article"]["title"] == "A test"
        assert st["published"] == "2024-10-19"
        assert st["sentence"].startswith('"We deny it,"') and st["end"] > st["start"]


def test_read_explorer_is_self_contained(client):
    response = client.get("/explorer")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "vis.Network" in page and "new vis.DataSet" in page
    external = re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", page)
    assert external == []
    for node_id in ("person:anna-berg", "unit:soldiers", "place:port-town"):
        assert node_id in page
