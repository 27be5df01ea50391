"""The `kg` command as a user runs it: extract's JSON contract, load, and `kg up` end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from graph.local_server import LocalServerConfig, server_status
from tests.conftest import ROOT, SEEDS, free_port, seed_paths
from tests.graph.syndication_texts import BOILERPLATE_HEAD, BOILERPLATE_TAIL, COPY, STORY, text

KG = [sys.executable, "-m", "api.cli"]


def _kg(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def test_cli_extract_json_contract():
    paths = [str(p.relative_to(ROOT)) for p in seed_paths()]
    result = _kg("extract", *paths, "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines):
        out = json.loads(line)
        assert set(out) >= {"article", "entities", "statements", "relations"}
        assert set(out["article"]) >= {"id", "path", "title", "published", "source"}
        assert out["article"]["path"] == path
        text = (ROOT / path).read_text(encoding="utf-8")
        entity_ids = {e["id"] for e in out["entities"]}
        for e in out["entities"]:
            assert set(e) >= {"id", "name", "type", "aliases"}
            assert e["type"] in {"Person", "Agency", "State", "Treaty", "Unit", "Place"}
        for s in out["statements"]:
            assert set(s) >= {"id", "speaker", "kind", "verb", "quote", "sentence", "start", "end", "about"}
            assert s["kind"] in {"said", "confirmed", "denied"}
            assert s["speaker"] in entity_ids and set(s["about"]) <= entity_ids
            assert text[s["start"]:s["end"]] == s["sentence"]
        for r in out["relations"]:
            assert set(r) >= {"id", "type", "source", "target", "sentence", "start", "end"}
            assert {r["source"], r["target"]} <= entity_ids
            assert text[r["start"]:r["end"]] == r["sentence"]


def test_cli_extract_refuses_bad_file_and_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _kg("extract", str(empty), str(seed_paths()[0]))
    assert result.returncode == 1
    assert "empty" in result.stderr and str(empty) in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_cli_up_serves_seed_graph_end_to_end(tmp_path, neo4j_target):
    """`kg up` with no NEO4J_URI: starts its own Neo4j, loads the seeds, serves, stops on SIGTERM."""
    home = tmp_path / "home"
    (home / ".neo4j").mkdir(parents=True)
    (home / ".neo4j" / "lib").symlink_to(ROOT / ".neo4j" / "lib")  # the jars, fetched once
    port, bolt, http = free_port(), free_port(), free_port()
    env = {**os.environ, "KG_HOME": str(home), "KG_SEEDS_DIR": str(SEEDS),
           "KG_NEO4J_BOLT_PORT": str(bolt), "KG_NEO4J_HTTP_PORT": str(http),
           "KG_NEO4J_HEAP": "512m", "KG_NEO4J_PAGECACHE_MB": "64"}
    env.pop("NEO4J_URI", None)
    log = (tmp_path / "up.log").open("w+")
    proc = subprocess.Popen([*KG, "up", "--port", str(port)], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            assert proc.poll() is None, Path(log.name).read_text()
            try:
                health = _get_json(f"{base}/health")
                break
            except OSError:
                assert time.monotonic() < deadline, Path(log.name).read_text()
                time.sleep(1)
        assert health["counts"]["articles"] == len(seed_paths())
        printed = Path(log.name).read_text()
        assert f"bolt://127.0.0.1:{bolt}" in printed and f"http://127.0.0.1:{http}/browser/" in printed
        assert f"{base}/explorer" in printed

        actors = _get_json(f"{base}/actors?q=austin")["data"]
        austin = next(a for a in actors if a["type"] == "Person")
        statements = _get_json(f"{base}/actors/{austin['id']}/statements")
        assert statements["count"] >= 3
        for st in statements["data"]:
            assert st["sentence"] and st["article"]["id"].startswith("art-")
            assert "Austin" in st["sentence"] or st["quote"] or "he" in st["sentence"].lower()
        with urllib.request.urlopen(f"{base}/explorer", timeout=30) as response:
            assert response.status == 200 and b"vis.Network" in response.read()
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=90)
    assert code in (0, 130), Path(log.name).read_text()
    config = LocalServerConfig(home=home / ".neo4j", bolt_port=bolt, http_port=http)
    assert server_status(config).running is False


def _graph_env(target) -> dict:
    env = {"NEO4J_URI": target.uri}
    if target.user:
        env["NEO4J_USER"], env["NEO4J_PASSWORD"] = target.user, target.password or ""
    return env


def test_cli_load_reports_each_file_goes_on_and_sums_up(db, neo4j_target, tmp_path):
    """`kg load` prints each file's outcome, refuses bad ones without a traceback, reloading
    says unchanged, and the last line sums up; exit 1 when anything was refused."""
    good = seed_paths()[0]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _kg("load", str(empty), str(good), str(tmp_path / "missing.txt"), env=_graph_env(neo4j_target))
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out, out
    assert f"refused   {empty}: empty:" in result.stderr
    assert "missing.txt: not found:" in result.stderr
    assert any(line.startswith("loaded ") and str(good) in line for line in result.stdout.splitlines()), out
    assert result.stdout.strip().splitlines()[-1].startswith("1 loaded, 0 unchanged, 2 refused in ")
    again = _kg("load", str(good), env=_graph_env(neo4j_target))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("unchanged ") and again.stdout.strip().splitlines()[-1].startswith("0 loaded, 1 unchanged, 0 refused in ")


def test_cli_load_names_a_syndicated_copy_and_counts_copies(db, neo4j_target, tmp_path):
    """A copy of a story loaded before it in the same run says whose copy it is; the summary
    counts it apart, and loading it again is unchanged (still a copy)."""
    story, copy = tmp_path / "a_story.txt", tmp_path / "b_copy.txt"
    story.write_text(text(STORY), encoding="utf-8")
    copy.write_text(text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL), encoding="utf-8")
    result = _kg("load", str(story), str(copy), "--workers", "1", env=_graph_env(neo4j_target))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    story_id = next(line for line in lines if line.startswith("loaded ")).split(" -> ")[1].split(":")[0]
    assert any(line.startswith("copy ") and str(copy) in line and line.endswith(f": copy of {story_id}")
               for line in lines), lines
    assert lines[-1].startswith("1 loaded, 1 copies, 0 unchanged, 0 refused in ")
    again = _kg("load", str(copy), "--workers", "1", env=_graph_env(neo4j_target))
    assert again.stdout.startswith("unchanged ") and f"copy of {story_id}" in again.stdout


def test_cli_load_stops_with_a_message_when_neo4j_is_gone(tmp_path):
    """A database that does not answer stops the load with a clear message, not a traceback."""
    result = _kg("load", str(seed_paths()[0]), env={"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}, timeout=240)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "kg: error:" in result.stderr, result.stderr


def test_cli_load_ctrl_c_stops_after_current_batch_with_summary(db, neo4j_target, tmp_path):
    """SIGINT mid-way over a folder: the load stops between batches, prints the summary and
    exits 130; every article in the graph is whole (as many statements and entities as its
    outcome line said), and none is there that was not reported."""
    # Twenty distinct stories (distinct bodies, not syndicated copies of each other), the longest
    # the gold sets have, so the load is still going when the signal comes.
    stories = sorted((ROOT / "tests" / "gold").glob("*/*.txt"), key=lambda p: -p.stat().st_size)[:20]
    for i, story in enumerate(stories):
        (tmp_path / f"story-{i:02d}.txt").write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.Popen([*KG, "load", str(tmp_path), "--workers", "2", "--batch", "3"], cwd=ROOT,
                            env={**os.environ, **_graph_env(neo4j_target)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        seen = [proc.stdout.readline() for _ in range(3)]
        assert all(line.startswith("loaded ") for line in seen), seen
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    lines = seen + out.splitlines(keepends=True)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "kg: interrupted: stopped after" in err, err
    reported = [line.split() for line in lines if line.startswith("loaded ")]
    summary = lines[-1].strip()
    assert summary.startswith(f"{len(reported)} loaded, 0 unchanged, 0 refused in ") and "articles/s" in summary
    assert 3 <= len(reported) < 20
    stored = {r["id"]: r for r in db.read(
        "MATCH (a:Article) RETURN a.id AS id, COUNT { (:Statement)-[:REPORTED_IN]->(a) } AS statements, "
        "COUNT { (:Entity)-[:MENTIONED_IN]->(a) } AS entities")}
    # "loaded   PATH -> ID: N entities, M statements, K relations"
    assert {words[3].rstrip(":") for words in reported} == set(stored)
    for words in reported:
        row = stored[words[3].rstrip(":")]
        assert (row["entities"], row["statements"]) == (int(words[4]), int(words[6]))
