"""`NEO4J_URI=neo4j://...`: the routing driver against a real server (a standalone server
answers routing requests with itself), and reads sent as read transactions, which a cluster
routes to its secondaries."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ClientError

from graph.connection import connect_graph, wait_for_graph
from graph.cypher import CypherLimits, CypherRunner
from graph.reader import find_actors, read_counts
from graph.writer import delete_article, upsert_article
from tests.graph.factories import sample_graph


@pytest.fixture
def routed(db, neo4j_target):
    if not neo4j_target.uri.startswith("bolt://"):
        pytest.skip(f"the test server's URI is {neo4j_target.uri}, not a bolt:// one to route")
    routed = connect_graph(neo4j_target.uri.replace("bolt://", "neo4j://", 1),
                           neo4j_target.user, neo4j_target.password)
    wait_for_graph(routed, timeout_s=30)
    yield routed
    routed.close()


def test_routing_uri_writes_reads_and_deletes(routed):
    graph = sample_graph()
    upsert_article(routed, graph)
    assert read_counts(routed).articles == 1
    assert [a["id"] for a in find_actors(routed, "berg").items] == ["person:anna-berg"]
    assert CypherRunner(routed, CypherLimits()).run("MATCH (a:Article) RETURN a.id AS id").rows == [[graph.article.id]]
    assert delete_article(routed, graph.article.id)
    assert read_counts(routed).articles == 0


def test_reads_run_in_read_transactions(routed):
    """A write sent through the read path is refused by the server: reads are routable."""
    with pytest.raises(ClientError, match="(?i)read access mode|write"):
        routed.read("CREATE (n:Scratch) RETURN n")
    assert routed.read("MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]
