"""One actor, one node across articles: each join rule, the cases that must not join, and the
joins in a real Neo4j (explained, replayable, undone by deleting the article)."""

from __future__ import annotations

import dataclasses

import pytest

from graph.identity import SeenEntities, apply_joins, find_joins
from graph.writer import delete_article, upsert_article
from schema.names import slugify
from schema.records import ArticleGraph, ArticleRecord, EntityRecord, StatementRecord
from schema.vocabulary import EntityType, StatementKind
from tests.graph.factories import dump_graph

TEXT = "Someone said something on Monday about the matter at hand."


def _article(n: int, *entities: tuple[str, str, EntityType]) -> ArticleGraph:
    """An article mentioning `entities` (id, name, type); the first one speaks."""
    records = tuple(EntityRecord(i, name, t, (name,), 1) for i, name, t in entities)
    about = tuple(r.id for r in records[1:])
    statement = StatementRecord(f"st-{n}", records[0].id, StatementKind.SAID, "said", None, TEXT,
                                0, len(TEXT), about)
    return ArticleGraph(ArticleRecord(f"art-{n:04d}", f"{n}.txt", f"Article {n}", "2025-01-0{n}",
                                      "Wire", TEXT), records, (statement,))


P, PL = EntityType.PERSON, EntityType.PLACE


def _joins(seen: list[tuple[str, str]], *entities) -> dict[str, str]:
    known = SeenEntities()
    for i, name in seen:
        known.add(i, name)
    return {j.entity: j.target for j in find_joins(known, _article(1, *entities))}


def test_surname_alone_joins_the_one_person_of_that_surname():
    assert _joins([("person:lena-marsh", "Lena Marsh")], ("person:marsh", "Marsh", P)) == {
        "person:marsh": "person:lena-marsh"}


def test_surname_shared_by_two_people_joins_nobody():
    seen = [("person:lena-marsh", "Lena Marsh"), ("person:tom-marsh", "Tom Marsh")]
    assert _joins(seen, ("person:marsh", "Marsh", P)) == {}


def test_romanisations_of_a_final_i_sound_are_one_person():
    assert _joins([("person:andrii-hrytsenko", "Andrii Hrytsenko")],
                  ("person:andriy-hrytsenko", "Andriy Hrytsenko", P)) == {
        "person:andriy-hrytsenko": "person:andrii-hrytsenko"}
    assert _joins([("person:olena-zelenskyy", "Olena Zelenskyy")], ("person:zelensky", "Zelensky", P)) == {
        "person:zelensky": "person:olena-zelenskyy"}
    # Different first names are different people even with the same surname.
    assert _joins([("person:andrii-hrytsenko", "Andrii Hrytsenko")],
                  ("person:oleh-hrytsenko", "Oleh Hrytsenko", P)) == {}


def test_full_name_joins_a_node_made_from_the_surname_alone_unless_ambiguous():
    assert _joins([("person:marsh", "Marsh")], ("person:lena-marsh", "Lena Marsh", P)) == {
        "person:lena-marsh": "person:marsh"}
    # Another full name with that surname is known: the surname node could be either.
    seen = [("person:marsh", "Marsh"), ("person:tom-marsh", "Tom Marsh")]
    assert _joins(seen, ("person:lena-marsh", "Lena Marsh", P)) == {}
    # The surname node already took another full name from an earlier join.
    assert _joins([("person:marsh", "Tom Marsh")], ("person:lena-marsh", "Lena Marsh", P)) == {}


def test_places_with_and_without_their_region_word_are_one_place():
    assert _joins([("place:kherson-oblast", "Kherson Oblast")], ("place:kherson", "Kherson", PL)) == {
        "place:kherson": "place:kherson-oblast"}
    assert _joins([("place:kherson", "Kherson")], ("place:kherson-region", "Kherson region", PL)) == {
        "place:kherson-region": "place:kherson"}


def test_no_join_for_nodes_already_held_unnamed_people_or_other_types():
    seen = [("person:lena-marsh", "Lena Marsh"), ("person:marsh", "Marsh")]
    assert _joins(seen, ("person:marsh", "Marsh", P)) == {}  # its own node exists
    assert _joins([("person:a-senior-official", "a senior official")],
                  ("person:official", "official", P)) == {}
    assert _joins([("agency:marsh-group", "Marsh Group")], ("agency:marsh", "Marsh", EntityType.AGENCY)) == {}


def test_an_entity_the_article_itself_holds_is_not_a_join_target():
    # "Kherson" and "Kherson Oblast" both in one article stay as the loaders left them.
    assert _joins([("place:kherson-oblast", "Kherson Oblast")], ("place:kherson", "Kherson", PL),
                  ("place:kherson-oblast", "Kherson Oblast", PL)) == {}


def test_joins_in_neo4j_are_explained_replayable_and_undone_by_delete(db):
    first = _article(1, ("person:lena-marsh", "Lena Marsh", P), ("place:kherson-oblast", "Kherson Oblast", PL))
    second = _article(2, ("person:marsh", "Marsh", P), ("place:kherson", "Kherson", PL))
    upsert_article(db, first)
    upsert_article(db, second)

    speakers = db.read("MATCH (p:Person)-[:SAID]->(s:Statement) RETURN s.id AS s, p.id AS p ORDER BY s")
    assert speakers == [{"s": "st-1", "p": "person:lena-marsh"}, {"s": "st-2", "p": "person:lena-marsh"}]
    assert db.read("MATCH (e:Entity) RETURN count(e) AS n") == [{"n": 2}]
    rules = db.read("MATCH (:Person)-[m:MENTIONED_IN]->(:Article {id: 'art-0002'}) RETURN m.alias_rules AS r")
    assert any("joined across articles" in r and "person:marsh -> person:lena-marsh" in r
               for r in rules[0]["r"])
    person = db.read("MATCH (p:Person) RETURN p.aliases AS aliases")[0]
    assert person["aliases"] == ["Lena Marsh", "Marsh"]

    before = dump_graph(db)
    upsert_article(db, second)
    assert dump_graph(db) == before

    assert delete_article(db, "art-0002")
    person = db.read("MATCH (p:Person) RETURN p.aliases AS aliases")[0]
    assert person["aliases"] == ["Lena Marsh"]


def test_surname_lookup_uses_the_text_index(db):
    with db.session() as session:
        summary = session.run("EXPLAIN MATCH (e:Person) WHERE e.id ENDS WITH $s RETURN e.id", s="-marsh").consume()
    assert "NodeIndexEndsWithScan" in str(summary.plan)


@pytest.mark.parametrize("name", ["Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskii"])
def test_every_final_i_spelling_finds_the_others(name):
    seen = [("person:olena-zelenskyy", "Olena Zelenskyy")]
    entity = (f"person:{slugify(name)}", name, P)
    assert _joins(seen, entity) == {entity[0]: "person:olena-zelenskyy"}


def test_joined_records_rename_every_reference():
    known = SeenEntities()
    known.add("person:lena-marsh", "Lena Marsh")
    graph = _article(1, ("person:marsh", "Marsh", P), ("place:kherson", "Kherson", PL))
    joined = apply_joins(graph, find_joins(known, graph))
    assert [e.id for e in joined.entities] == ["person:lena-marsh", "place:kherson"]
    assert joined.statements[0].speaker == "person:lena-marsh"
    assert dataclasses.replace(joined.statements[0], speaker="person:marsh") == graph.statements[0]


def test_a_batch_makes_the_joins_sequential_writes_make(db):
    from graph.writer import upsert_articles

    articles = [
        _article(1, ("person:lena-marsh", "Lena Marsh", P), ("place:kherson-oblast", "Kherson Oblast", PL)),
        _article(2, ("person:marsh", "Marsh", P), ("place:kherson", "Kherson", PL)),
        _article(3, ("person:andriy-hrytsenko", "Andriy Hrytsenko", P)),
        _article(4, ("person:andrii-hrytsenko", "Andrii Hrytsenko", P), ("person:marsh", "Marsh", P)),
    ]
    for a in articles:
        upsert_article(db, a)
    sequential = dump_graph(db)
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    assert all(not isinstance(r, Exception) for r in upsert_articles(db, articles))
    assert dump_graph(db) == sequential
    assert db.read("MATCH (p:Person) RETURN p.id AS id ORDER BY id") == [
        {"id": "person:andriy-hrytsenko"}, {"id": "person:lena-marsh"}]
