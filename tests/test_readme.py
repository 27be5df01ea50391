"""The README stays true: its commands, settings, endpoints and Cypher examples all work."""

from __future__ import annotations

import re

from api.app import create_app
from api.runtime import load_files
from api.settings import Settings, env_name
from tests.api.client import BASE_URL
from tests.conftest import ROOT, SEEDS

README = (ROOT / "README.md").read_text()


def test_readme_two_commands_are_the_scripts_and_ci_runs_the_test_one():
    assert "./scripts/up.sh" in README and "./scripts/test.sh" in README
    assert "exec bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()
    assert (ROOT / "scripts" / "up.sh").read_text().rstrip().endswith('.venv/bin/kg up "$@"')


def test_readme_documents_every_setting():
    missing = [env_name(f) for f in Settings.model_fields if f"`{env_name(f)}`" not in README]
    assert missing == []


def test_readme_documents_every_endpoint():
    spec = create_app(Settings(), db=None).openapi()
    endpoints = [f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops]
    assert len(endpoints) >= 14
    missing = [e for e in endpoints if f"`{e}`" not in README and f"`{e}?" not in README]
    assert missing == []


def test_readme_cypher_examples_return_rows_on_the_seed_graph(db):
    load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    blocks = re.findall(r"```cypher\n(.*?)```", README, re.S)
    assert len(blocks) >= 5
    for cypher in blocks:
        assert db.read(cypher), cypher


def test_readme_curl_examples_answer_on_the_seed_graph(db):
    from fastapi.testclient import TestClient

    load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    urls = re.findall(r"curl -s '(http://127\.0\.0\.1:8000[^']*)'", README)
    assert urls
    with TestClient(base_url=BASE_URL, app=create_app(Settings(), db)) as client:
        for url in urls:
            response = client.get(url.removeprefix("http://127.0.0.1:8000"))
            assert response.status_code == 200, url
            body = response.json()
            if "data" in body:
                assert body["count"] > 0, url


def test_readme_cypher_post_example_answers_on_the_seed_graph(db):
    import json

    from fastapi.testclient import TestClient

    load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    match = re.search(r"-X POST 'http://127\.0\.0\.1:8000/cypher'.*?-d '(\{.*?\})'", README, re.S)
    assert match
    with TestClient(base_url=BASE_URL, app=create_app(Settings(), db)) as client:
        body = client.post("/cypher", json=json.loads(match.group(1))).json()
    assert body["count"] > 0 and body["columns"] == ["who", "n"]
