"""The seed articles through loaders into a real Neo4j: provenance checks out, replays change nothing."""

from __future__ import annotations

from api.runtime import load_files
from tests.conftest import SEEDS, seed_paths
from tests.graph.factories import dump_graph


def test_seed_graph_every_edge_checks_against_its_article_text(db):
    outcomes = load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    assert [o.error for o in outcomes] == [None] * len(seed_paths())
    rows = db.read(
        "MATCH ()-[r]->() WHERE r.article_id IS NOT NULL AND type(r) <> 'MENTIONED_IN' "
        "MATCH (a:Article {id: r.article_id}) "
        "RETURN type(r) AS type, r.sentence AS sentence, r.start AS start, r.end AS end, a.text AS text"
    )
    assert {r["type"] for r in rows} >= {"SAID", "ABOUT", "REPORTED_IN", "DEPLOYED_TO", "SIGNED"}
    for r in rows:
        assert r["text"][r["start"]:r["end"]] == r["sentence"], r["type"]
    unsourced = db.read(
        "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONED_IN' AND r.article_id IS NULL RETURN type(r) AS t"
    )
    assert unsourced == []


def test_seed_graph_loading_twice_changes_nothing(db):
    load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    before = dump_graph(db)
    load_files(db, [str(p) for p in reversed(seed_paths())], max_bytes=2_000_000)
    assert dump_graph(db) == before


def test_seed_graph_refused_file_leaves_graph_untouched(db, tmp_path):
    load_files(db, [str(SEEDS)], max_bytes=2_000_000)
    before = dump_graph(db)
    bad = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path / "d.jsonl"]
    bad[0].write_text("")
    bad[1].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    bad[2].write_text("El gobierno de España ha confirmado hoy que los soldados llegaron a la frontera "
                      "y que el ministro dijo que no hay ninguna duda sobre la situación en el país.")
    bad[3].write_text('{"title": "no text"}\n{"text": \n')  # every record bad (mixed: test_bad_input)
    outcomes = load_files(db, [str(p) for p in bad], max_bytes=2_000_000)
    reasons = [o.error for o in outcomes]
    assert all(reasons), reasons
    assert "empty:" in reasons[0] and "binary:" in reasons[1] and "not english:" in reasons[2]
    assert "line 1" in reasons[3] and "line 2" in reasons[4]
    assert dump_graph(db) == before
