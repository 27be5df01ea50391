"""Hub reads at scale: pages of a hub's statements are right (order, no duplicates, all pages
together = the whole list), totals are exact or flagged as lower bounds, and the work each
read does (PROFILE db hits) does not grow with the hub.

The graph is the benchmark's synthetic corpus (api/bench/generator.py): two hubs, Russia and
the Pentagon, speak in every article (2 and 3 statements each), so at 1,200 articles each has
thousands of statements.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from neo4j import RoutingControl

from api.bench.generator import synthetic_article
from graph import reader
from graph.connection import GraphDB
from graph.constraints import apply_schema
from graph.writer import upsert_articles

SMALL, LARGE = 300, 1200
RUSSIA, PENTAGON = "state:russia", "agency:the-pentagon"


@dataclass
class ProfiledDB(GraphDB):
    """The same database, every read run under PROFILE: `hits` adds up the db hits."""

    hits: int = 0

    def read(self, cypher: str, **params) -> list[dict]:
        records, summary, _ = self.driver.execute_query(
            "PROFILE " + cypher, params, database_=self.database, routing_=RoutingControl.READ)
        self.hits += _db_hits(summary.profile)
        return [r.data() for r in records]


def _db_hits(plan: dict) -> int:
    return plan.get("dbHits", 0) + sum(_db_hits(child) for child in plan.get("children", []))


READS = {
    "hub statements, first page": lambda db: reader.find_statements(db, speaker=RUSSIA, limit=20),
    "hub statements, a later page": lambda db: reader.find_statements(db, speaker=PENTAGON, limit=20,
                                                                      offset=200),
    "hub statements of one kind": lambda db: reader.find_statements(db, speaker=PENTAGON,
                                                                    kinds=["confirmed"], limit=20),
    "hub profile": lambda db: reader.read_actor(db, PENTAGON),
    "hub summary": lambda db: reader.read_actor_summary(db, RUSSIA),
    "timeline about a hub": lambda db: (reader.find_statements(db, about=RUSSIA, limit=100),
                                        reader.find_claims(db, about=RUSSIA, limit=100)),
    "claims by a hub": lambda db: reader.find_claims(db, claimed_by=PENTAGON, limit=20),
    "all statements, first page": lambda db: reader.find_statements(db, limit=20),
    # 30 nodes: at SMALL already every one of them has more edges than are read per node (at
    # 300 nodes the small corpus has actors with fewer, and the work grows to its bound).
    "default graph view": lambda db: reader.read_subgraph(db, limit=30),
    # Where the explorer opens: the best-connected actor, from the degree index.
    "explorer's first actor": reader.top_entity,
}


def _load(db: GraphDB, start: int, stop: int) -> None:
    graphs = [synthetic_article(i) for i in range(start, stop)]
    for i in range(0, len(graphs), 50):
        results = upsert_articles(db, graphs[i:i + 50])
        assert not [r for r in results if isinstance(r, Exception)]


def _hits(db: GraphDB) -> dict[str, int]:
    hits = {"entities": db.read("MATCH (e:Entity) RETURN count(e) AS n")[0]["n"]}
    for name, read in READS.items():
        profiled = ProfiledDB(db.driver, db.database)
        read(profiled)
        hits[name] = profiled.hits
    return hits


@pytest.fixture(scope="module")
def grown(session_db):
    """The synthetic corpus at SMALL articles, profiled, then grown to LARGE and profiled."""
    session_db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    apply_schema(session_db)
    _load(session_db, 0, SMALL)
    small = _hits(session_db)
    _load(session_db, SMALL, LARGE)
    large = _hits(session_db)
    return session_db, small, large


def test_hub_reads_do_not_grow_with_the_hub(grown):
    db, small, large = grown
    # The hubs' statements grew fourfold and the entities by a quarter; each read's work may
    # not. Slack: 5% and a few hits for index depth (ranking every entity by its edges, as the
    # default graph view once did, grew its work by 8% and the first actor's by 26%).
    assert reader.read_actor_summary(db, RUSSIA)["statements"] == 2 * LARGE
    assert large["entities"] > small["entities"] * 1.2
    grew = {name: (small[name], large[name]) for name in READS if large[name] > small[name] * 1.05 + 50}
    assert not grew, grew


def _reference_order(db: GraphDB, speaker: str) -> list[str]:
    """A speaker's statements in the documented order, sorted here from their stored fields."""
    rows = db.read("MATCH (:Entity {id: $id})-[]->(s:Statement) "
                   "RETURN s.id AS id, coalesce(s.date, s.published) AS date, s.article_id AS article, "
                   "s.start AS start", id=speaker)
    return [r["id"] for r in sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "",
                                                         r["article"], r["start"], r["id"]))]


@pytest.mark.parametrize("speaker,size", [(RUSSIA, 170), (PENTAGON, 500)])
def test_paging_through_a_hub_gives_its_whole_list_in_order(grown, speaker, size):
    db = grown[0]
    expected = _reference_order(db, speaker)
    seen: list[str] = []
    for offset in range(0, len(expected) + size, size):
        page = reader.find_statements(db, speaker=speaker, limit=size, offset=offset)
        assert page.total == len(expected) and not page.total_is_lower_bound
        seen += [s["id"] for s in page.items]
    assert seen == expected and len(set(seen)) == len(seen)


def test_filtered_hub_pages_keep_order_and_count_exactly_below_the_cap(grown):
    db = grown[0]
    since, until = "2020-03-01", "2020-06-30"
    expected = [i for i in _reference_order(db, RUSSIA)
                if since <= db.read("MATCH (s:Statement {id: $id}) RETURN coalesce(s.date, s.published) AS d",
                                    id=i)[0]["d"] <= until]
    page = reader.find_statements(db, speaker=RUSSIA, since=since, until=until, limit=1000)
    assert [s["id"] for s in page.items] == expected and expected
    assert page.total == len(expected) and not page.total_is_lower_bound
    later = reader.find_statements(db, speaker=RUSSIA, since=since, until=until, limit=25, offset=10)
    assert [s["id"] for s in later.items] == expected[10:35]


def test_a_count_past_the_cap_is_flagged_as_a_lower_bound(grown):
    db = grown[0]
    true_total = db.read("MATCH (s:Statement) WHERE s.direct = false RETURN count(s) AS n")[0]["n"]
    assert true_total > reader.TOTAL_CAP  # else this test would not test the cap
    page = reader.find_statements(db, direct=False, limit=10, offset=20)
    assert page.total_is_lower_bound and 30 <= page.total <= true_total
    assert all(s["direct"] is False for s in page.items) and len(page.items) == 10
    # Where degrees give the count it stays exact, however large.
    everything = reader.find_statements(db, limit=5)
    assert everything.total == db.read("MATCH (s:Statement) RETURN count(s) AS n")[0]["n"]
    assert not everything.total_is_lower_bound


def test_the_hub_profile_counts_exactly_and_lists_a_bounded_mentions_page(grown):
    db = grown[0]
    profile = reader.read_actor(db, PENTAGON)
    assert profile["statements_by_kind"] == {"said": 0, "confirmed": 3 * LARGE, "denied": 0}
    assert profile["mentions_total"] == LARGE and len(profile["mentions"]) == reader.MENTIONS_LIMIT
    dates = [(m["published"], m["article_id"]) for m in profile["mentions"]]
    first = db.read("MATCH (:Entity {id: $id})-[:MENTIONED_IN]->(a:Article) RETURN a.published AS p, a.id AS id "
                    "ORDER BY p, id LIMIT $n", id=PENTAGON, n=reader.MENTIONS_LIMIT)
    assert dates == [(r["p"], r["id"]) for r in first]
    assert not profile["connected_complete"] and profile["connected"]
    assert {c["type"] for c in profile["connected"]} <= {"State", "Place"}


def test_the_default_graph_view_answers_with_edges_among_its_nodes(grown):
    db = grown[0]
    view = reader.read_subgraph(db, limit=300)
    ids = {n["id"] for n in view["nodes"]}
    assert RUSSIA in ids and PENTAGON in ids and len(ids) <= 300 and view["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in view["edges"])
    hub_edges = [e for e in view["edges"] if e["source"] == RUSSIA]
    assert hub_edges and all(e["label"] == "denied" and e["statement"] for e in hub_edges)
