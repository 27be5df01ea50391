"""Faults injected into a running service: what a crash, a restart or a race may not do.

Each test kills or races real processes against a short-lived local Neo4j of this module (its own
data folder and free ports; the session's test server is untouched): `kg load` SIGKILLed midway,
Neo4j SIGKILLed during a load, three loaders at once, and the API while Neo4j is down. After
each, no article may be half written and the graph must equal a clean single load of the corpus.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from graph.connection import GraphDB, connect_graph, wait_for_graph
from graph.local_server import LocalServerConfig, local_credentials, start_server, stop_server
from tests.conftest import ROOT, free_port, seed_paths
from tests.reliability import record

KG = [sys.executable, "-m", "api.cli"]
COPIES = 1  # of each seed: 5 articles, enough to kill a load between them, quick to reload


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> LocalServerConfig:
    # Always the project's local server, whatever the other tests use: these tests kill it.
    config = LocalServerConfig(home=tmp_path_factory.mktemp("faults") / "neo4j",
                               jars=ROOT / ".neo4j" / "lib", bolt_port=free_port(),
                               http_port=free_port(), heap="512m", pagecache_mb=64)
    start_server(config)
    yield config
    stop_server(config)


@pytest.fixture(scope="module")
def graph(server) -> GraphDB:
    db = connect_graph(server.bolt_uri, *local_credentials(server))
    wait_for_graph(db, timeout_s=60)
    yield db
    db.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """Copies of the seeds, each with a numbered paragraph of its own (so its own article id)."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for copy in range(COPIES):
        for seed in seed_paths():
            path = folder / f"{seed.stem}-{copy}.txt"
            path.write_text(seed.read_text(encoding="utf-8") + f"\n\nParagraph {copy}: the "
                            f"ministry said on Monday that copy {copy} of this report was filed.\n",
                            encoding="utf-8")
            paths.append(path)
    return sorted(paths)


def _env(server: LocalServerConfig) -> dict:
    user, password = local_credentials(server)
    return {**os.environ, "NEO4J_URI": server.bolt_uri, "NEO4J_USER": user,
            "NEO4J_PASSWORD": password}


def _load(server, *paths: Path) -> subprocess.Popen:
    # Batches of 2, so that a kill can come between two of them midway through 5 articles.
    return subprocess.Popen([*KG, "load", "--batch", "2", *map(str, paths)], cwd=ROOT, env=_env(server),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish(proc: subprocess.Popen, timeout: float = 240) -> tuple[int, str]:
    out, _ = proc.communicate(timeout=timeout)
    return proc.returncode, out


def _wipe(graph: GraphDB) -> None:
    graph.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


PER_ARTICLE = """
MATCH (a:Article)
RETURN a.id AS id,
       COUNT { (:Statement)-[:REPORTED_IN]->(a) } AS statements,
       COUNT { (:Claim)-[:REPORTED_IN]->(a) } AS claims,
       COUNT { (:Entity)-[:MENTIONED_IN]->(a) } AS mentions,
       COUNT { ()-[r]->() WHERE r.article_id = a.id } AS sourced_edges
"""


def _per_article(graph: GraphDB) -> dict[str, dict]:
    return {row.pop("id"): row for row in graph.read(PER_ARTICLE)}


def _dump(graph: GraphDB) -> Counter:
    """Every node and edge with its labels/type, ids and properties: two graphs are the same
    when their dumps are equal."""
    nodes = graph.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges = graph.read("MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, "
                       "properties(r) AS props")
    return Counter(json.dumps(row, sort_keys=True, default=str) for row in nodes + edges)


def _own(dump: Counter, article_ids) -> Counter:
    """The part of a dump that belongs to these articles: the articles, their statements and
    claims, and every edge sourced in them or mentioning them."""
    return Counter({item: n for item, n in dump.items()
                    if any(f'"{article_id}"' in item for article_id in article_ids)})


def _articles(graph: GraphDB) -> int:
    return graph.read("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]


@pytest.fixture(scope="module")
def reference(server, graph, corpus) -> tuple[dict, Counter]:
    """A clean, complete single load of the corpus: per-article counts and the whole graph."""
    _wipe(graph)
    code, out = _finish(_load(server, corpus[0].parent))
    assert code == 0, out
    counts = _per_article(graph)
    assert len(counts) == len(corpus)
    assert all(c["statements"] and c["mentions"] for c in counts.values()), counts
    return counts, _dump(graph)


def _assert_no_half_article(graph: GraphDB, reference_counts: dict) -> dict:
    loaded = _per_article(graph)
    for article_id, counts in loaded.items():
        assert counts == reference_counts[article_id], (article_id, counts)
    return loaded


def _wait_for_articles(graph: GraphDB, proc: subprocess.Popen, at_least: int) -> int:
    deadline = time.monotonic() + 180
    while (n := _articles(graph)) < at_least:
        assert proc.poll() is None, "kg load ended before it could be interrupted"
        assert time.monotonic() < deadline, "kg load wrote nothing in 180 s"
        time.sleep(0.2)
    return n


def test_sigkill_of_kg_load_leaves_no_half_article_and_a_rerun_completes(
        server, graph, corpus, reference):
    ref_counts, ref_dump = reference
    _wipe(graph)
    proc = _load(server, corpus[0].parent)
    _wait_for_articles(graph, proc, at_least=2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    before = _assert_no_half_article(graph, ref_counts)
    assert 2 <= len(before) < len(corpus), "the kill came too late to be midway"
    kept = _own(_dump(graph), before)

    code, out = _finish(_load(server, corpus[0].parent))
    assert code == 0, out
    after = _dump(graph)
    assert after == ref_dump
    # What the articles loaded before the kill own is untouched by the rerun (entities they
    # share with later articles gain those articles' aliases, as in any load).
    assert _own(after, before) == kept
    record("faults", fault="SIGKILL of `kg load` midway through a 5-article folder",
           expected="no half article; a rerun completes and changes nothing already loaded",
           outcome=f"{len(before)} of {len(corpus)} articles written whole, none partly; the "
                   f"rerun completed and the graph equals a clean single load")


def test_sigkill_of_neo4j_during_a_load_recovers_with_no_half_article(
        server, graph, corpus, reference):
    ref_counts, _ = reference
    _wipe(graph)
    proc = _load(server, corpus[0].parent)
    _wait_for_articles(graph, proc, at_least=2)
    os.kill(int((server.home / "neo4j.pid").read_text()), signal.SIGKILL)
    code, out = _finish(proc, timeout=120)
    assert code != 0 and "Traceback" not in out, out  # the loader says Neo4j went away

    started = time.monotonic()
    start_server(server)  # recovery of the killed database happens here
    recovered_s = time.monotonic() - started
    wait_for_graph(graph, timeout_s=60)
    before = _assert_no_half_article(graph, ref_counts)
    assert 2 <= len(before) < len(corpus)
    # (The next test loads into the recovered database from scratch.)
    record("faults", fault="SIGKILL of Neo4j during `kg load`, then restart",
           expected="the loader stops with an error and no traceback; recovery leaves no half "
                    "article",
           outcome=f"loader exit {proc.returncode}; restart with recovery in {recovered_s:.0f} s; "
                   f"{len(before)} of {len(corpus)} articles whole, none partly")


def test_concurrent_loaders_on_overlapping_folders_equal_one_load(server, graph, corpus, reference):
    _, ref_dump = reference
    _wipe(graph)
    n = len(corpus)
    # Three loaders over overlapping sets of the same files, together covering the corpus.
    shares = [corpus[: n * 2 // 3], corpus[n // 3:], corpus[::2]]
    procs = [_load(server, *share) for share in shares]
    results = [_finish(proc) for proc in procs]
    for code, out in results:
        assert code == 0, out
    assert _dump(graph) == ref_dump
    record("faults", fault="3 `kg load` processes at once over overlapping sets of the 5 articles",
           expected="the same graph as one load (every node, edge and property)",
           outcome=f"all exited 0; the whole-graph dump ({sum(ref_dump.values())} nodes and "
                   "edges) equals a single load's")


def _get(url: str) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


def test_api_answers_503_while_neo4j_is_down_and_recovers_by_itself(server, graph, tmp_path):
    port = free_port()
    log = (tmp_path / "api.log").open("w+")
    api = subprocess.Popen([*KG, "up", "--no-seeds", "--port", str(port)], cwd=ROOT,
                           env=_env(server), stdout=log, stderr=subprocess.STDOUT)
    health = f"http://127.0.0.1:{port}/health"
    try:
        deadline = time.monotonic() + 120
        while _get(health)[0] != 200:
            assert api.poll() is None and time.monotonic() < deadline, Path(log.name).read_text()
            time.sleep(0.5)

        stop_server(server)
        answers = [_get(health) for _ in range(5)]
        assert all(status == 503 for status, _ in answers), answers
        slowest = max(seconds for _, seconds in answers)
        assert slowest < 6, answers

        start_server(server)
        back = time.monotonic()
        while (status := _get(health)[0]) != 200:
            assert status == 503 and time.monotonic() - back < 40, (status, Path(log.name).read_text())
            time.sleep(0.5)
        recovered_s = time.monotonic() - back
        assert api.poll() is None
    finally:
        api.send_signal(signal.SIGTERM)
        api.wait(timeout=60)
    record("faults", fault="Neo4j stopped under a running API, then started again",
           expected="503 quickly while down; 200 again within 40 s of Neo4j answering, no restart",
           outcome=f"5 of 5 /health answers 503, slowest {slowest:.1f} s; 200 again "
                   f"{recovered_s:.1f} s after Neo4j was back")
