"""`kg extract --format jsonl` shards -> `kg bulk` -> the local server, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from graph.connection import connect_graph, wait_for_graph
from graph.local_server import LocalServerConfig, local_credentials, start_server, stop_server
from schema.records import ArticleGraph
from tests.conftest import ROOT, free_port, seed_paths

KG = [sys.executable, "-m", "api.cli"]


def _kg(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    full = {**os.environ, **(env or {})}
    if env is not None:
        full.pop("NEO4J_URI", None)  # these runs use their own local server
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=ROOT, env=full,
                          timeout=timeout)


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> list[str]:
    """The seeds in two shards, as two machines would extract them."""
    tmp_path = tmp_path_factory.mktemp("shards")
    paths = [str(p.relative_to(ROOT)) for p in seed_paths()]
    shards = []
    for i, part in enumerate((paths[:2], paths[2:])):
        result = _kg("extract", *part, "--format", "jsonl", "--workers", "1")
        assert result.returncode == 0, result.stderr
        shard = tmp_path / f"shard{i}.jsonl"
        shard.write_text(result.stdout, encoding="utf-8")
        shards.append(str(shard))
    return shards


def test_extract_jsonl_records_carry_the_text_their_offsets_index(shards):
    for line in open(shards[0], encoding="utf-8"):
        graph = ArticleGraph.from_record(json.loads(line))
        assert graph.statements
        for s in graph.statements:
            assert graph.article.text[s.start:s.end] == s.sentence


def test_bulk_writes_files_and_prints_the_import_command(shards, tmp_path):
    result = _kg("bulk", *shards, "--out", str(tmp_path / "csv"))
    assert result.returncode == 0, result.stderr
    assert f"{len(seed_paths())} articles" in result.stdout
    assert "neo4j-admin database import full" in result.stdout and "kg bulk --finish" in result.stdout
    assert (tmp_path / "csv" / "articles.csv").exists()


def test_bulk_refuses_a_bad_shard_line_with_its_number(tmp_path):
    shard = tmp_path / "bad.jsonl"
    good = _kg("extract", str(seed_paths()[0].relative_to(ROOT)), "--format", "jsonl", "--workers", "1")
    shard.write_text(good.stdout + "{not json\n", encoding="utf-8")
    result = _kg("bulk", str(shard), "--out", str(tmp_path / "csv"))
    assert result.returncode == 1
    assert f"{shard}:2: not an extraction record" in result.stderr

    plain = tmp_path / "plain.jsonl"
    plain.write_text(_kg("extract", str(seed_paths()[0].relative_to(ROOT)), "--workers", "1").stdout)
    result = _kg("bulk", str(plain), "--out", str(tmp_path / "csv2"))
    assert result.returncode == 1 and "use --format jsonl" in result.stderr


def test_bulk_into_local_server_then_serves_the_articles(shards, tmp_path):
    home = tmp_path / "home"
    (home / ".neo4j").mkdir(parents=True)
    (home / ".neo4j" / "lib").symlink_to(ROOT / ".neo4j" / "lib")
    bolt, http = free_port(), free_port()
    env = {"KG_HOME": str(home), "KG_NEO4J_BOLT_PORT": str(bolt), "KG_NEO4J_HTTP_PORT": str(http),
           "KG_NEO4J_HEAP": "512m", "KG_NEO4J_PAGECACHE_MB": "64"}
    result = _kg("bulk", *shards, "--out", str(tmp_path / "csv"), "--into-local", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "IMPORT DONE" in result.stdout and "finished" in result.stdout

    again = _kg("bulk", *shards, "--out", str(tmp_path / "csv2"), "--into-local", env=env)
    assert again.returncode == 1 and "already exists" in again.stderr

    config = LocalServerConfig(home=home / ".neo4j", bolt_port=bolt, http_port=http, heap="512m",
                               pagecache_mb=64)
    start_server(config)
    try:
        db = connect_graph(config.bolt_uri, *local_credentials(config))
        wait_for_graph(db, timeout_s=90)
        count = db.read("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]
        unique = db.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
        db.close()
    finally:
        stop_server(config)
    assert count == len(seed_paths()) and unique > 0
