"""The researchers' API on the seed graph in a real Neo4j: every endpoint, its filters, its errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.runtime import load_files
from api.settings import Settings
from graph.connection import connect_graph
from tests.api.client import BASE_URL
from tests.conftest import SEEDS, free_port, seed_paths
from tests.graph.factories import dump_graph

KEY = "test-key-123"
NEW_ARTICLE = (
    "OSLO, March 3 (Example Wire) - Norway's Defence Ministry denied on Monday that Norwegian troops "
    "had been sent to the border region. \"There are no Norwegian soldiers there,\" spokeswoman "
    "Ingrid Olsen told reporters. Lloyd Austin said the United States was watching closely."
)


@pytest.fixture
def seeded(db):
    load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    return db


@pytest.fixture
def api(seeded):
    with TestClient(base_url=BASE_URL, app=create_app(Settings(api_key=KEY), seeded), raise_server_exceptions=False) as client:
        yield client


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["code"] == code
    return body["error"]


def test_actors_search_insensitive_paginated_with_counts(api):
    found = api.get("/actors", params={"q": "kim jong un"}).json()
    assert any(a["name"].startswith("Kim Jong") and a["type"] == "Person" for a in found["data"])
    everyone = api.get("/actors", params={"limit": 1000}).json()
    first = api.get("/actors", params={"limit": 5}).json()
    second = api.get("/actors", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == everyone["total"] == everyone["count"]
    assert [a["id"] for a in first["data"] + second["data"]] == [a["id"] for a in everyone["data"][:10]]
    counts = [a["statements"] for a in everyone["data"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    persons = api.get("/actors", params={"type": "Person"}).json()["data"]
    assert persons and {a["type"] for a in persons} == {"Person"}


def test_actor_profile_has_aliases_by_article_roles_kinds_and_connections(api):
    austin = api.get("/actors/person:lloyd-austin").json()
    assert austin["type"] == "Person" and "Secretary of Defense" in (austin["description"] or "")
    assert austin["statements"] == sum(austin["statements_by_kind"].values()) > 0
    assert {m["article_id"] for m in austin["mentions"]} >= {a["id"] for a in _articles(api) if
                                                              "Austin" in _text(api, a["id"])}
    assert all(m["aliases"] for m in austin["mentions"])
    assert austin["connected"] and all(c["weight"] > 0 for c in austin["connected"])
    _error(api.get("/actors/person:nobody"), 404, "not_found")


def test_actor_statements_filters_and_order(api):
    everything = api.get("/actors/person:lloyd-austin/statements").json()
    assert everything["total"] >= 5 and everything["actor"]["id"] == "person:lloyd-austin"
    dates = [s["date"] for s in everything["data"] if s["date"]]
    assert dates == sorted(dates)
    for st in everything["data"]:
        text = _text(api, st["article"]["id"])
        assert text[st["start"]:st["end"]] == st["sentence"]
        assert st["speaker"]["id"] == "person:lloyd-austin"
    direct = api.get("/actors/person:lloyd-austin/statements", params={"direct": "true"}).json()
    assert 0 < direct["total"] < everything["total"] and all(s["direct"] and s["quote"] for s in direct["data"])
    article = everything["data"][0]["article"]["id"]
    only = api.get("/actors/person:lloyd-austin/statements", params={"article": article}).json()
    assert only["total"] > 0 and {s["article"]["id"] for s in only["data"]} == {article}
    late = api.get("/actors/person:lloyd-austin/statements", params={"since": "2024-10-25"}).json()
    assert all(s["date"] >= "2024-10-25" for s in late["data"])
    _error(api.get("/actors/person:lloyd-austin/statements", params={"since": "last week"}), 422,
           "invalid_request")
    _error(api.get("/actors/person:lloyd-austin/statements", params={"about": "state:atlantis"}), 404,
           "not_found")


def test_statements_across_speakers_all_denials_about_an_actor(api):
    denials = api.get("/statements", params={"kind": "denied"}).json()
    assert denials["total"] >= 1 and {s["kind"] for s in denials["data"]} == {"denied"}
    about = denials["data"][0]["about"][0]["id"]
    narrowed = api.get("/statements", params={"kind": "denied", "about": about}).json()
    assert narrowed["total"] >= 1
    assert all(any(x["id"] == about for x in s["about"]) for s in narrowed["data"])
    both = api.get("/statements", params=[("kind", "confirmed"), ("kind", "denied")]).json()
    assert {s["kind"] for s in both["data"]} == {"confirmed", "denied"}
    words = api.get("/statements", params={"q": "kursk"}).json()
    assert words["total"] > 0 and all("kursk" in s["sentence"].lower() for s in words["data"])
    _error(api.get("/statements", params={"kind": "shouted"}), 422, "invalid_request")
    _error(api.get("/statements", params={"speaker": "person:nobody"}), 404, "not_found")


def test_claims_and_timeline_side_by_side(api):
    claims = api.get("/claims").json()
    assert claims["total"] > 0
    for claim in claims["data"]:
        assert claim["value"] > 0 and claim["what"] and claim["article"]["id"]
        assert _text(api, claim["article"]["id"])[claim["start"]:claim["end"]] == claim["sentence"]
    casualties = api.get("/claims", params={"measure": "casualties"}).json()
    assert casualties["total"] >= 1 and {c["measure"] for c in casualties["data"]} == {"casualties"}
    claimant = next(c["claimed_by"]["id"] for c in claims["data"] if c["claimed_by"])
    by = api.get("/claims", params={"claimed_by": claimant}).json()
    assert by["total"] >= 1 and {c["claimed_by"]["id"] for c in by["data"]} == {claimant}

    troops = api.get("/actors", params={"q": "north korean troops", "type": "Unit"}).json()["data"][0]["id"]
    timeline = api.get("/timeline", params={"about": troops}).json()
    assert timeline["about"]["id"] == troops and timeline["statements"] and timeline["claims"]
    dated = [s["date"] for s in timeline["statements"] if s["date"]]
    assert dated == sorted(dated)
    assert all(any(x["id"] == troops for x in s["about"]) for s in timeline["statements"])
    topic = api.get("/timeline", params={"q": "troops"}).json()
    assert topic["statements"] and topic["about"] is None


def test_articles_list_and_detail_with_offsets(api):
    listing = api.get("/articles").json()
    assert listing["total"] == len(seed_paths())
    detail = api.get(f"/articles/{listing['data'][0]['id']}").json()
    assert detail["text"] and detail["entities"] and detail["statements"]
    for item in detail["statements"] + detail["relations"] + detail["claims"]:
        assert detail["text"][item["start"]:item["end"]] == item["sentence"]
    _error(api.get("/articles/art-0000"), 404, "not_found")


def test_articles_write_needs_a_valid_key(seeded):
    body = {"text": NEW_ARTICLE}
    with TestClient(base_url=BASE_URL, app=create_app(Settings(api_key=None), seeded)) as closed:
        assert "KG_API_KEY" in _error(closed.post("/articles", json=body), 403, "forbidden")["message"]
    with TestClient(base_url=BASE_URL, app=create_app(Settings(api_key=KEY), seeded)) as client:
        _error(client.post("/articles", json=body), 401, "unauthorized")
        _error(client.post("/articles", json=body, headers={"X-API-Key": "wrong"}), 403, "forbidden")
        _error(client.delete("/articles/art-x", headers={"X-API-Key": "wrong"}), 403, "forbidden")


def test_articles_ingest_then_delete_restores_the_graph(api, seeded):
    before = dump_graph(seeded)
    headers = {"X-API-Key": KEY}
    body = {"text": NEW_ARTICLE, "title": "Norway denies troop report", "published": "2025-03-03",
            "source": "Example Wire", "url": "https://example.org/norway"}
    created = api.post("/articles", json=body, headers=headers)
    assert created.status_code == 201, created.text
    result = created.json()
    assert result["created"] is True
    kinds = {s["kind"] for s in result["extraction"]["statements"]}
    assert "denied" in kinds
    again = api.post("/articles", json=body, headers=headers)
    assert again.status_code == 200 and again.json()["created"] is False
    article = api.get(f"/articles/{result['article_id']}").json()
    assert article["title"] == "Norway denies troop report" and article["published"] == "2025-03-03"
    # Lloyd Austin was already in the graph: deleting the new article must keep him.
    assert api.delete(f"/articles/{result['article_id']}", headers=headers).status_code == 204
    assert dump_graph(seeded) == before
    _error(api.delete(f"/articles/{result['article_id']}", headers=headers), 404, "not_found")


def test_articles_ingest_refuses_bad_text_and_writes_nothing(api, seeded):
    before = dump_graph(seeded)
    headers = {"X-API-Key": KEY}
    spanish = {"text": "El gobierno de España ha confirmado hoy que los soldados llegaron a la frontera "
                       "y que el ministro dijo que no hay ninguna duda sobre la situación en el país."}
    assert _error(api.post("/articles", json=spanish, headers=headers), 422, "invalid_article")["reason"] == "not_english"
    _error(api.post("/articles", json={"text": ""}, headers=headers), 422, "invalid_request")
    _error(api.post("/articles", json={"text": "x" * 10, "published": "soon"}, headers=headers), 422,
           "invalid_request")
    assert dump_graph(seeded) == before


def test_cypher_read_only_with_parameters_timeout_and_row_cap(seeded):
    with TestClient(base_url=BASE_URL, app=create_app(Settings(cypher_max_rows=3), seeded)) as client:
        ok = client.post("/cypher", json={
            "query": "MATCH (p:Person) WHERE p.name STARTS WITH $prefix RETURN p.name AS name, p ORDER BY name",
            "parameters": {"prefix": "L"}}).json()
        assert ok["columns"] == ["name", "p"] and ok["rows"][0][0] == "Lloyd Austin"
        assert ok["rows"][0][1]["labels"] == ["Entity", "Person"]
        capped = client.post("/cypher", json={"query": "MATCH (n) RETURN n.id"}).json()
        assert capped["count"] == 3 and capped["truncated"] is True
        write = _error(client.post("/cypher", json={"query": "CREATE (:Hack {x: 1}) RETURN 1"}), 400,
                       "query_rejected")
        assert "write" in write["message"].lower()
        _error(client.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400, "query_rejected")
        _error(client.post("/cypher", json={"query": "RETURN $missing"}), 400, "query_rejected")
    assert seeded.read("MATCH (h:Hack) RETURN count(h) AS n") == [{"n": 0}]


def test_graph_neighbourhood_depth_and_filters(api):
    one = api.get("/graph", params={"center": "person:lloyd-austin", "depth": 1}).json()
    ids = {n["id"] for n in one["nodes"]}
    assert "person:lloyd-austin" in ids and one["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in one["edges"])
    assert all(e["sentence"] and e["article_id"] for e in one["edges"])
    two = api.get("/graph", params={"center": "person:lloyd-austin", "depth": 2}).json()
    assert ids <= {n["id"] for n in two["nodes"]} and len(two["nodes"]) > len(one["nodes"])
    said_only = api.get("/graph", params={"center": "person:lloyd-austin", "kind": "said"}).json()
    assert {e["label"] for e in said_only["edges"]} == {"said"}
    whole = api.get("/graph", params={"limit": 20}).json()
    assert len(whole["nodes"]) == 20
    _error(api.get("/graph", params={"center": "person:lloyd-austin", "depth": 4}), 422, "invalid_request")
    _error(api.get("/graph", params={"center": "person:nobody"}), 404, "not_found")


def test_every_endpoint_answers_503_while_neo4j_is_down():
    dead = connect_graph(f"bolt://127.0.0.1:{free_port()}")
    app = create_app(Settings(api_key=KEY), dead)
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        for path in ("/health", "/actors", "/actors/person:x", "/actors/person:x/statements", "/statements",
                     "/claims", "/timeline", "/articles", "/articles/art-x", "/graph", "/explorer"):
            error = _error(client.get(path), 503, "graph_unavailable")
            assert "Traceback" not in error["message"]
        _error(client.post("/cypher", json={"query": "RETURN 1"}), 503, "graph_unavailable")
        _error(client.post("/articles", json={"text": NEW_ARTICLE}, headers={"X-API-Key": KEY}), 503,
               "graph_unavailable")
    dead.close()


def test_ids_are_stable_across_reloads(seeded):
    def ids():
        return sorted(r["id"] for r in seeded.read("MATCH (n) RETURN n.id AS id"))

    first = ids()
    seeded.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    load_files(seeded, [str(p) for p in reversed(seed_paths())], max_bytes=2_000_000)
    assert ids() == first


def test_openapi_documents_examples(api):
    spec = api.get("/openapi.json").json()
    assert {"/actors", "/statements", "/claims", "/timeline", "/articles", "/cypher", "/graph"} <= set(spec["paths"])
    assert api.get("/docs").status_code == 200


def _articles(api) -> list[dict]:
    return api.get("/articles").json()["data"]


def _text(api, article_id: str) -> str:
    return api.get(f"/articles/{article_id}").json()["text"]
