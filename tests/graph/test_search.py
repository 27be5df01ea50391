"""Searches through the full-text indexes find exactly what a scan with CONTAINS finds, user
text cannot inject Lucene operators, and the indexes are there (and used)."""

from __future__ import annotations

import pytest

from graph import queries
from graph.constraints import apply_schema
from graph.reader import find_actors, find_claims, find_statements
from graph.search import fulltext_query, search_key
from graph.writer import upsert_article
from schema.vocabulary import FULLTEXT_INDEXES
from tests.graph.factories import sample_graph

# Partial words at either end, across words, stop words, punctuation, digits, and text
# shaped like Lucene syntax.
QUERIES = ["anna", "nna be", "ANNA-BERG", "Ánna", "berg said", "the", "to port", "500",
           "ort tow", "we deny it,", '"we deny', "soldiers were", "said on monday.", "x",
           "anna OR ministry", "ann*", "*", "anna~", "port:town", "(ministry)", "a\\", "e",
           "sold AND anna", "-", "’", "ministry of defence"]


@pytest.fixture
def graph_db(db):
    upsert_article(db, sample_graph("art-a"))
    upsert_article(db, sample_graph("art-b"))
    return db


def test_apply_schema_creates_fulltext_indexes_once(db):
    rows = db.read("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state, options "
                   "RETURN *")
    found = {r["name"]: (r["labelsOrTypes"], r["properties"], r["state"],
                         r["options"]["indexConfig"]["fulltext.analyzer"]) for r in rows}
    assert found == {name.value: ([label.value], [prop], "ONLINE", "standard-no-stop-words")
                     for name, (label, prop) in FULLTEXT_INDEXES.items()}
    apply_schema(db)
    assert len(db.read("SHOW FULLTEXT INDEXES YIELD name RETURN name")) == len(FULLTEXT_INDEXES)


def _ids(page) -> list[str]:
    return [item["id"] for item in page.items]


@pytest.mark.parametrize("q", QUERIES)
def test_find_actors_through_the_index_equals_a_scan(graph_db, q):
    key = search_key(q)
    scan = graph_db.read(queries.FIND_ACTORS_SCAN, q=key, lucene=None, types=None, limit=100, offset=0)[0]
    assert _ids(find_actors(graph_db, q)) == [e["id"] for e in scan["page"]] and scan["total"] >= 0


@pytest.mark.parametrize("q", QUERIES)
def test_find_statements_and_claims_through_the_index_equal_a_scan(graph_db, q):
    params = {"speaker": None, "kinds": None, "about": None, "since": None, "until": None,
              "article": None, "direct": None, "measures": None, "claimed_by": None,
              "text": q.lower(), "lucene": None, "limit": 100, "offset": 0}
    scanned = graph_db.read(queries.statement_page("all"), **params)[0]["page"]
    total = graph_db.read(queries.statement_count("all"), **params, cap=10**6)[0]["matched"]
    got = find_statements(graph_db, text=q)
    assert _ids(got) == [s["id"] for s in scanned] and got.total == total
    scanned = graph_db.read(queries.claim_page("all"), **params)[0]["page"]
    total = graph_db.read(queries.claim_count("all"), **params, cap=10**6)[0]["matched"]
    got = find_claims(graph_db, text=q)
    assert _ids(got) == [c["id"] for c in scanned] and got.total == total


def test_search_finds_partial_words_and_ignores_lucene_syntax(graph_db):
    assert _ids(find_actors(graph_db, "nna be")) == ["person:anna-berg"]
    assert _ids(find_actors(graph_db, "anna OR ministry")) == []  # no operator: no such name
    assert find_statements(graph_db, text="ort tow").total == 2  # inside words, across words
    assert find_statements(graph_db, text="*").total == 0
    assert find_claims(graph_db, text="soldiers were").total == 2


def test_searches_with_a_word_use_the_fulltext_index(graph_db):
    assert fulltext_query(search_key("Anna-Berg")) == "*anna* AND *berg*"
    for query in (queries.FIND_ACTORS, queries.statement_page("text"), queries.claim_page("text")):
        plan = graph_db.read("EXPLAIN " + query, q="anna", text="anna", lucene="*anna*", types=None,
                             speaker=None, kinds=None, about=None, since=None, until=None,
                             article=None, direct=None, measures=None, claimed_by=None,
                             limit=10, offset=0)
        assert plan == []  # EXPLAIN plans and returns nothing; the plan is in the summary
    summary = graph_db.driver.execute_query("EXPLAIN " + queries.FIND_ACTORS, q="anna", lucene="*anna*",
                                            types=None, limit=10, offset=0,
                                            database_=graph_db.database).summary
    operators = _operators(summary.plan)
    assert any(op.startswith("ProcedureCall") for op in operators)
    assert not any(op.startswith(("NodeByLabelScan", "AllNodesScan")) for op in operators), operators


def _operators(plan) -> list[str]:
    ops = [plan["operatorType"]]
    for child in plan.get("children", []):
        ops += _operators(child)
    return ops
