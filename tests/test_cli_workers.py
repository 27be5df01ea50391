"""Extraction in several processes gives what one gives: same output, order, refusals and graph;
folders are searched recursively, narrowed by --glob."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from api.runtime import ExtractLimits, expand_paths, load_articles, load_batches
from tests.conftest import ROOT, _clear, seed_paths
from tests.graph.factories import dump_graph
from tests.test_cli import _kg


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, with refused files and a JSON Lines file of good and bad lines between them."""
    folder = tmp_path_factory.mktemp("corpus")
    for i, seed in enumerate(seed_paths()):
        shutil.copy(seed, folder / f"{i * 2 + 1:02d}-{seed.name}")
    (folder / "00-empty.txt").write_text("")
    (folder / "02-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    # Another story, not a seed with a line added: that would be a syndicated copy of the seed.
    other = sorted((ROOT / "tests" / "gold" / "second").glob("*.txt"))[0]
    good = json.dumps({"text": other.read_text(encoding="utf-8"), "title": "Another story"})
    (folder / "04-mixed.jsonl").write_text(f"{good}\n{{not json\n\n{json.dumps({'title': 'no text'})}\n")
    (folder / "06-not-english.txt").write_text("Ceci n'est pas un article en anglais. " * 20)
    return folder


def _without_summary(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("kg: progress:")][:-1]


def test_cli_extract_two_workers_byte_identical(corpus):
    one = _kg("extract", str(corpus), "--workers", "1")
    two = _kg("extract", str(corpus), "--workers", "2")
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 6
    refusals = _without_summary(one.stderr)
    assert refusals == _without_summary(two.stderr)
    assert [line.split(": ")[3] for line in refusals] == [
        "empty", "binary", "malformed", "malformed", "not english"]
    assert "line 2" in refusals[2] and "line 4" in refusals[3]
    assert two.stderr.splitlines()[-1].startswith("kg: 6 extracted, 5 refused in ")


def test_load_two_workers_same_outcomes_and_graph(db, corpus):
    limits = ExtractLimits(2_000_000)
    one = list(load_articles(db, [str(corpus)], limits, workers=1))
    graph_one = dump_graph(db)
    _clear(db)
    two = list(load_articles(db, [str(corpus)], limits, workers=2))
    assert two == one
    assert dump_graph(db) == graph_one
    assert [o.status for o in one].count("loaded") == 6 and [o.status for o in one].count("refused") == 5


def test_load_in_batches_same_outcomes_and_graph(db, corpus):
    limits = ExtractLimits(2_000_000)
    one = list(load_articles(db, [str(corpus)], limits, workers=1))
    graph_one = dump_graph(db)
    _clear(db)
    batches = list(load_batches(db, [str(corpus)], limits, workers=1, batch=4))
    assert [o for b in batches for o in b] == one
    assert dump_graph(db) == graph_one
    # Refusals come with their neighbours, in order; a batch holds at most 4 written articles.
    assert len(batches) < len(one)
    assert all(sum(o.status != "refused" for o in b) <= 4 for b in batches)
    again = list(load_articles(db, [str(corpus)], limits, workers=1, batch=4))
    assert {o.status for o in again} == {"unchanged", "refused"}
    assert dump_graph(db) == graph_one


def test_load_stopped_midway_stops_workers(db, corpus):
    """Closing the iterator ends the pool and writes nothing more."""
    outcomes = load_articles(db, [str(corpus)], ExtractLimits(2_000_000), workers=2)
    first = [next(outcomes) for _ in range(3)]
    outcomes.close()
    written = db.read("MATCH (a:Article) RETURN a.id AS id")
    assert {r["id"] for r in written} == {o.article_id for o in first if o.status == "loaded"}


def test_expand_paths_recursive_sorted_and_glob(tmp_path):
    for name in ["b/2.txt", "b/1.md", "a/deep/x.jsonl", "a/notes.csv", "top.txt", ".hidden/h.txt",
                 "b/.draft.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [str(Path(p).relative_to(tmp_path)) for p in expand_paths([str(tmp_path)])]
    assert found == ["a/deep/x.jsonl", "b/1.md", "b/2.txt", "top.txt"]
    assert [Path(p).name for p in expand_paths([str(tmp_path)], "*.txt")] == ["2.txt", "top.txt"]
    assert [Path(p).name for p in expand_paths([str(tmp_path)], "a/*/*")] == ["x.jsonl"]
    # A file given by name is taken whatever the pattern; a folder with nothing matching is
    # kept, so that reading it refuses it by name.
    assert list(expand_paths([str(tmp_path / "a" / "notes.csv")], "*.txt")) == [str(tmp_path / "a" / "notes.csv")]
    assert list(expand_paths([str(tmp_path)], "*.html")) == [str(tmp_path)]


def test_cli_load_glob_narrows_folder(db, neo4j_target, tmp_path):
    from tests.test_cli import _graph_env

    (tmp_path / "keep" / "2024").mkdir(parents=True)
    (tmp_path / "skip").mkdir()
    shutil.copy(seed_paths()[0], tmp_path / "keep" / "2024" / "a.txt")
    shutil.copy(seed_paths()[1], tmp_path / "skip" / "b.txt")
    result = _kg("load", str(tmp_path), "--glob", "keep/*/*.txt", "--workers", "1",
                 env=_graph_env(neo4j_target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("1 loaded, 0 unchanged, 0 refused in ")
    assert "articles/s" in result.stdout
    assert [r["path"] for r in db.read("MATCH (a:Article) RETURN a.path AS path")] == [
        str(tmp_path / "keep" / "2024" / "a.txt")]


def test_cli_workers_must_be_positive():
    result = _kg("extract", str(ROOT / "seeds"), "--workers", "0")
    assert result.returncode == 2 and "must be 1 or more" in result.stderr


def test_workers_fork_only_from_a_parent_without_other_threads():
    """Forking a process that runs other threads can copy a lock held mid-operation into the
    child: then the processes are spawned instead. (In a fresh interpreter: this one may run
    threads of other tests.)"""
    script = (
        "import threading\n"
        "from api.runtime import _pool_context\n"
        "print(_pool_context().get_start_method())\n"
        "stop = threading.Event(); t = threading.Thread(target=stop.wait); t.start()\n"
        "print(_pool_context().get_start_method())\n"
        "stop.set(); t.join()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["fork", "spawn"]
