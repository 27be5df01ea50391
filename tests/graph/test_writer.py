"""upsert_article against a real Neo4j: provenance, idempotence, atomicity, replacement."""

from __future__ import annotations

import dataclasses

import pytest

from graph.reader import read_counts
from graph.writer import delete_article, upsert_article
from schema.records import RelationRecord
from schema.vocabulary import RelationType
from tests.graph.factories import TEXT, dump_graph, sample_graph


def test_upsert_article_writes_nodes_edges_and_provenance(db):
    upsert_article(db, sample_graph())

    rows = db.read(
        "MATCH (p:Entity:Person {id: 'person:anna-berg'})-[r:DENIED]->(s:Statement)-[:REPORTED_IN]->(a:Article) "
        "RETURN properties(r) AS edge, properties(s) AS st, a.id AS article"
    )
    assert len(rows) == 1
    edge, st = rows[0]["edge"], rows[0]["st"]
    assert rows[0]["article"] == "art-test0001"
    assert TEXT[edge["start"]:edge["end"]] == edge["sentence"] == st["sentence"]
    assert edge["article_id"] == "art-test0001" and edge["published"] == "2024-10-19"
    assert st["quote"] == "We deny it," and st["direct"] is True and st["kind"] == "denied"

    rel = db.read("MATCH (:Unit)-[r:DEPLOYED_TO]->(:Place {id: 'place:port-town'}) RETURN properties(r) AS r")[0]["r"]
    assert rel["article_id"] == "art-test0001"
    assert TEXT[rel["start"]:rel["end"]] == rel["sentence"]
    assert rel["claimed_by_id"] == "agency:ministry-of-defence" and rel["hedged"] is True

    about = db.read("MATCH (:Statement {id: 'st-art-test0001-1'})-[:ABOUT]->(x) RETURN x.id AS id ORDER BY id")
    assert [r["id"] for r in about] == ["place:port-town", "unit:soldiers"]


def test_upsert_article_every_edge_has_provenance(db):
    upsert_article(db, sample_graph())
    missing = db.read(
        "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONED_IN' AND "
        "(r.article_id IS NULL OR r.sentence IS NULL OR r.start IS NULL OR r.end IS NULL) "
        "RETURN type(r) AS type"
    )
    assert missing == []


def test_upsert_article_twice_changes_nothing(db):
    upsert_article(db, sample_graph())
    before = dump_graph(db)
    upsert_article(db, sample_graph())
    assert dump_graph(db) == before


def test_upsert_article_failure_leaves_nothing(db):
    class Unstorable:
        pass

    bad = dataclasses.replace(sample_graph().relations[0], date=Unstorable())
    with pytest.raises(Exception):
        upsert_article(db, sample_graph(relations=(bad,)))
    assert read_counts(db).nodes == 0


def test_upsert_article_replay_drops_what_the_article_no_longer_says(db):
    full = sample_graph()
    upsert_article(db, full)
    upsert_article(db, sample_graph(statements=full.statements[1:], relations=(), quantities=(),
                                    entities=full.entities[1:2]))
    ids = {r["id"] for r in db.read("MATCH (n) WHERE n:Entity OR n:Statement RETURN n.id AS id")}
    assert ids == {"person:anna-berg", "st-art-test0001-2"}
    assert db.read("MATCH ()-[r:DEPLOYED_TO]->() RETURN r") == []


def test_upsert_article_shared_entity_keeps_both_articles(db):
    upsert_article(db, sample_graph("art-a"))
    upsert_article(db, sample_graph("art-b"))
    rows = db.read("MATCH (p:Person {id: 'person:anna-berg'})-[m:MENTIONED_IN]->(a) RETURN a.id AS a ORDER BY a")
    assert [r["a"] for r in rows] == ["art-a", "art-b"]
    # Each article's claim stays a separate sourced edge.
    assert len(db.read("MATCH ()-[r:DEPLOYED_TO]->() RETURN r")) == 2


def test_upsert_article_rejects_dangling_entity_ids(db):
    graph = sample_graph()
    bad = RelationRecord("rel-x", RelationType.SIGNED, "state:nowhere", "place:port-town", TEXT, 0, 5)
    with pytest.raises(ValueError, match="state:nowhere"):
        upsert_article(db, dataclasses.replace(graph, relations=(bad,)))
    assert read_counts(db).nodes == 0


def test_upsert_article_writes_quantity_claims_with_claimant_and_unit(db):
    upsert_article(db, sample_graph("art-a"))
    upsert_article(db, sample_graph("art-b"))
    rows = db.read(
        "MATCH (by:Agency)-[:CLAIMED]->(c:Claim)-[:COUNTS]->(u:Unit), (c)-[:REPORTED_IN]->(a:Article) "
        "RETURN c.value AS value, c.measure AS measure, by.id AS by, u.id AS unit, a.id AS article "
        "ORDER BY article"
    )
    assert rows == [
        {"value": 500, "measure": "sent", "by": "agency:ministry-of-defence", "unit": "unit:soldiers", "article": a}
        for a in ("art-a", "art-b")
    ]  # the same figure from two articles stays two sourced claims
    upsert_article(db, sample_graph("art-a", quantities=()))
    assert len(db.read("MATCH (c:Claim) RETURN c")) == 1


def test_delete_article_removes_only_what_it_alone_supported(db):
    upsert_article(db, sample_graph("art-a"))
    before = dump_graph(db)
    other = sample_graph("art-b", entities=sample_graph().entities[1:2], statements=sample_graph("art-b").statements[1:],
                         relations=(), quantities=())
    # art-b mentions Anna Berg under another form: her aliases grow, then shrink back.
    other = dataclasses.replace(other, entities=(dataclasses.replace(other.entities[0], aliases=("A. Berg",)),))
    upsert_article(db, other)
    aliases = db.read("MATCH (p:Person {id: 'person:anna-berg'}) RETURN p.aliases AS a")[0]["a"]
    assert aliases == ["A. Berg", "Anna Berg"]

    assert delete_article(db, "art-b") is True
    assert dump_graph(db) == before
    assert delete_article(db, "art-b") is False

    upsert_article(db, other)
    assert delete_article(db, "art-a") is True
    ids = {r["id"] for r in db.read("MATCH (n) RETURN n.id AS id")}
    assert ids == {"art-b", "person:anna-berg", "st-art-b-2"}


def _with_article(graph, **fields):
    return dataclasses.replace(graph, article=dataclasses.replace(graph.article, **fields))


def test_upsert_article_summary_says_created_then_nothing_changed(db):
    first = upsert_article(db, sample_graph())
    assert first.created is True and first.changed == {} and first.redated == 0
    before = dump_graph(db)
    again = upsert_article(db, sample_graph())
    assert again.created is False and again.changed == {} and again.redated == 0
    assert dump_graph(db) == before


def test_upsert_article_new_metadata_is_written_and_reported(db):
    upsert_article(db, sample_graph())
    statements_before = db.read("MATCH (s:Statement) RETURN properties(s) AS p ORDER BY p.id")
    renamed = _with_article(sample_graph(), title="Another title", source="Other Wire", url="https://x.example/1")
    summary = upsert_article(db, renamed)
    assert summary.created is False and summary.redated == 0
    assert summary.changed == {"title": ("A test", "Another title"), "source": ("Test Wire", "Other Wire"),
                               "url": (None, "https://x.example/1")}
    stored = db.read("MATCH (a:Article) RETURN a.title AS title, a.source AS source, a.url AS url")[0]
    assert stored == {"title": "Another title", "source": "Other Wire", "url": "https://x.example/1"}
    # The date did not change, so no statement did.
    assert db.read("MATCH (s:Statement) RETURN properties(s) AS p ORDER BY p.id") == statements_before


def test_upsert_article_new_date_redates_statements_and_equals_a_fresh_load(db):
    upsert_article(db, sample_graph())
    redated = _with_article(sample_graph(), published="2024-11-02")
    summary = upsert_article(db, redated)
    assert summary.changed == {"published": ("2024-10-19", "2024-11-02")}
    assert summary.redated == 2  # neither statement has a date of its own
    after = dump_graph(db)
    published = {r["p"] for r in db.read("MATCH ()-[r]->() WHERE r.published IS NOT NULL RETURN DISTINCT r.published AS p")}
    assert published == {"2024-11-02"}
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    upsert_article(db, redated)
    assert dump_graph(db) == after  # re-posting is the same as loading the new metadata fresh


def test_upsert_article_statement_with_its_own_date_is_not_redated(db):
    graph = sample_graph()
    own = dataclasses.replace(graph.statements[1], date="2024-10-14")
    upsert_article(db, dataclasses.replace(graph, statements=(graph.statements[0], own)))
    moved = _with_article(dataclasses.replace(graph, statements=(graph.statements[0], own)), published="2024-11-02")
    assert upsert_article(db, moved).redated == 1
