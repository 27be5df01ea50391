"""Syndicated copies against a real Neo4j: a copy of a stored report is kept as an Appearance
of it, writes none of its facts, replays as nothing, and goes with its report."""

from __future__ import annotations

import dataclasses

from graph.reader import read_counts
from graph.writer import delete_article, upsert_article, upsert_articles
from schema.records import EntityRecord
from schema.vocabulary import EntityType
from tests.graph.factories import dump_graph, sample_graph, without_loaded_at
from tests.graph.syndication_texts import BOILERPLATE_HEAD, BOILERPLATE_TAIL, COPY, OTHER, STORY, text


def _story(article_id: str = "art-report", body: str = text(STORY), **meta):
    g = sample_graph(article_id, text=body)
    return dataclasses.replace(g, article=dataclasses.replace(g.article, **meta))


def _copy(article_id: str = "art-copy"):
    return _story(article_id, text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL), title="Grain convoy sails",
                  source="Other Site", url="https://other.example/grain", path="other.txt")


def test_upsert_copy_writes_an_appearance_of_the_report(db):
    report = upsert_article(db, _story())
    assert report.copy_of is None and report.statements == 2
    copy = upsert_article(db, _copy())
    assert copy.copy_of == "art-report" and copy.created and copy.statements == 0
    assert [r["id"] for r in db.read("MATCH (a:Article) RETURN a.id AS id")] == ["art-report"]
    rows = db.read("MATCH (:Article {id: 'art-report'})-[:APPEARS_AS]->(ap:Appearance) RETURN properties(ap) AS ap")
    ap = rows[0]["ap"]
    assert len(rows) == 1 and ap["id"] == "art-copy" and ap["source"] == "Other Site"
    assert ap["url"] == "https://other.example/grain" and ap["path"] == "other.txt" and ap["loaded_at"]
    # The statements are the report's alone: the copy counts none.
    assert read_counts(db).statements == 2
    assert db.read("MATCH (s:Statement) WHERE s.article_id <> 'art-report' RETURN s") == []


def test_report_stores_its_minhash_and_16_body_bands(db):
    upsert_article(db, _story())
    assert len(db.read("MATCH (a:Article) RETURN a.minhash AS m")[0]["m"]) == 64
    bands = db.read("MATCH (b:BodyBand) RETURN b.article_id AS a, b.key AS k")
    assert len(bands) == 16 and {b["a"] for b in bands} == {"art-report"}


def test_copy_loaded_again_changes_nothing(db):
    upsert_article(db, _story())
    upsert_article(db, _copy())
    before = dump_graph(db)
    again = upsert_article(db, _copy())
    assert again.copy_of == "art-report" and not again.created and again.changed == {}
    assert dump_graph(db) == before
    assert upsert_article(db, _story()).copy_of is None  # the report's own id: a replay
    assert dump_graph(db) == before


def test_copy_loaded_again_with_new_metadata_updates_its_appearance(db):
    upsert_article(db, _story())
    upsert_article(db, _copy())
    moved = dataclasses.replace(_copy(), article=dataclasses.replace(_copy().article, source="Third Site"))
    again = upsert_article(db, moved)
    assert again.changed == {"source": ("Other Site", "Third Site")}
    assert db.read("MATCH (ap:Appearance) RETURN ap.source AS s") == [{"s": "Third Site"}]


def test_other_story_sharing_a_quote_is_its_own_report(db):
    upsert_article(db, _story())
    other = upsert_article(db, _story("art-other", text(OTHER)))
    assert other.copy_of is None
    assert read_counts(db).articles == 2 and db.read("MATCH (ap:Appearance) RETURN ap") == []


def test_short_articles_alike_are_never_copies(db):
    upsert_article(db, sample_graph("art-a"))
    assert upsert_article(db, sample_graph("art-b")).copy_of is None
    assert read_counts(db).articles == 2
    assert db.read("MATCH (n) WHERE n:BodyBand OR n:Appearance RETURN n") == []


def test_batch_finds_a_copy_of_an_earlier_article_in_it(db):
    upsert_article(db, _story())
    upsert_article(db, _copy())
    sequential = without_loaded_at(dump_graph(db))
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    summaries = upsert_articles(db, [_story(), _copy(), _story("art-other", text(OTHER))])
    assert [s.copy_of for s in summaries] == [None, "art-report", None]
    upsert_article(db, _story("art-other", text(OTHER)))
    delete_article(db, "art-other")
    assert without_loaded_at(dump_graph(db)) == sequential


def test_delete_copy_removes_only_its_appearance(db):
    upsert_article(db, _story())
    alone = dump_graph(db)
    upsert_article(db, _copy())
    assert delete_article(db, "art-copy")
    assert dump_graph(db) == alone
    assert not delete_article(db, "art-copy")


def test_delete_report_takes_its_appearances_and_bands(db):
    upsert_article(db, _story())
    upsert_article(db, _copy())
    assert delete_article(db, "art-report")
    assert read_counts(db).nodes == 0
    # Loaded again, the copy is a report of its own.
    assert upsert_article(db, _copy()).copy_of is None


def test_batch_joins_nothing_to_entities_only_a_copy_named(db):
    """A copy writes no entities, so a later article of the batch must not join to them: the
    batch gives the graph sequential writes give."""
    marsh = EntityRecord("person:marsh", "Marsh", EntityType.PERSON, ("Marsh",), 1)
    tom = EntityRecord("person:tom-marsh", "Tom Marsh", EntityType.PERSON, ("Tom Marsh",), 1)
    copy = dataclasses.replace(_copy(), entities=(*_copy().entities, tom))
    other = _story("art-other", text(OTHER))
    other = dataclasses.replace(other, entities=(*other.entities, marsh))
    for g in (_story(), copy, other):
        upsert_article(db, g)
    sequential = without_loaded_at(dump_graph(db))
    assert db.read("MATCH (p:Person) WHERE p.id ENDS WITH 'marsh' RETURN p.id AS id") == [{"id": "person:marsh"}]
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    assert [s.copy_of for s in upsert_articles(db, [_story(), copy, other])] == [None, "art-report", None]
    assert without_loaded_at(dump_graph(db)) == sequential
