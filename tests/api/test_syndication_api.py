"""Syndicated copies through the API: a copy posted after its story is an appearance of it, read
with it, never listed as an article, and adds no statements to anyone's count."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.client import BASE_URL
from tests.graph.syndication_texts import BOILERPLATE_HEAD, BOILERPLATE_TAIL, COPY, STORY, text

KEY = "syndication-key"


@pytest.fixture
def writer(db):
    with TestClient(create_app(Settings(api_key=KEY), db), base_url=BASE_URL,
                    headers={"X-API-Key": KEY}, raise_server_exceptions=False) as c:
        yield c


def _post_story_and_copy(writer) -> tuple[dict, dict]:
    story = writer.post("/articles", json={"text": text(STORY), "source": "Wire", "published": "2031-02-03"})
    copy = writer.post("/articles", json={"text": text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL),
                                          "source": "Other Site", "title": "Grain convoy sails",
                                          "url": "https://other.example/grain"})
    assert story.status_code == copy.status_code == 201
    return story.json(), copy.json()


def test_post_copy_says_copy_of_and_is_read_as_an_appearance(writer):
    story, copy = _post_story_and_copy(writer)
    assert story["copy_of"] is None and copy["copy_of"] == story["article_id"]
    body = writer.get(f"/articles/{story['article_id']}").json()
    assert body["appearance_of"] is None
    assert [(a["id"], a["source"], a["url"]) for a in body["appearances"]] == [
        (copy["article_id"], "Other Site", "https://other.example/grain")]
    # The copy's id answers the report, saying so.
    via_copy = writer.get(f"/articles/{copy['article_id']}")
    assert via_copy.status_code == 200
    assert via_copy.json()["id"] == story["article_id"]
    assert via_copy.json()["appearance_of"] == story["article_id"]
    listed = writer.get("/articles").json()
    assert [a["id"] for a in listed["data"]] == [story["article_id"]] and listed["total"] == 1


def test_copy_adds_no_statements_to_the_speaker_count(writer):
    story = writer.post("/articles", json={"text": text(STORY)}).json()
    speakers = {s["speaker"] for s in story["extraction"]["statements"]}
    assert speakers
    counts = {sp: writer.get(f"/actors/{sp}/statements").json()["total"] for sp in speakers}
    assert all(counts.values())
    writer.post("/articles", json={"text": text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL)})
    assert {sp: writer.get(f"/actors/{sp}/statements").json()["total"] for sp in speakers} == counts


def test_delete_copy_then_report(writer):
    story, copy = _post_story_and_copy(writer)
    assert writer.delete(f"/articles/{copy['article_id']}").status_code == 204
    assert writer.get(f"/articles/{story['article_id']}").json()["appearances"] == []
    assert writer.get(f"/articles/{copy['article_id']}").status_code == 404
    writer.post("/articles", json={"text": text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL)})
    assert writer.delete(f"/articles/{story['article_id']}").status_code == 204
    assert writer.get(f"/articles/{copy['article_id']}").status_code == 404  # gone with its report
