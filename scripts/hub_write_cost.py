"""Cost of writing one article that mentions a hub entity, as the hub's mentions grow.

Starts a throw-away local Neo4j (the project's jars), gives a hub entity N mentions by writing N
small articles directly with Cypher, then times `upsert_article` of further synthetic articles
that mention the hub: as written now (incremental entity values) and followed by the full
recompute of the article's entities from all their mentions (what every write did before).

    PYTHONPATH=$PWD .venv/bin/python scripts/hub_write_cost.py [--sizes 1000 5000] [--samples 20]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import time
from pathlib import Path

from graph.connection import connect_graph, wait_for_graph
from graph.constraints import apply_schema
from graph.local_server import LocalServerConfig, local_credentials, start_server, stop_server
from graph.writer import refresh_entities, upsert_article
from schema.records import ArticleGraph, ArticleRecord, EntityRecord, StatementRecord
from schema.vocabulary import EntityType, StatementKind

ROOT = Path(__file__).resolve().parent.parent
HUB = "state:hubland"

BULK_MENTIONS = """
UNWIND range($first, $last) AS i
CREATE (a:Article {id: 'art-bulk-' + i, path: 'bulk', text: 'x'})
WITH a, i
MATCH (e:Entity {id: $hub})
CREATE (e)-[:MENTIONED_IN {name: 'Hubland', aliases: ['Hubland', 'the Hubland ' + (i % 50)],
        search_keys: ['hubland', 'the hubland ' + (i % 50)], sizes: [], count: 3,
        article_id: a.id, alias_rules: []}]->(a)
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _article(n: int) -> ArticleGraph:
    text = f"Hubland said on day {n} that the Minister {n} visited Town {n}. " * 3
    own = [EntityRecord(f"person:minister-{n}", f"Minister {n}", EntityType.PERSON, (f"Minister {n}",), 2),
           EntityRecord(f"place:town-{n}", f"Town {n}", EntityType.PLACE, (f"Town {n}",), 1)]
    hub = EntityRecord(HUB, "Hubland", EntityType.STATE, ("Hubland", f"the Hubland {n % 50}"), 3)
    sentence = text[: text.index(".") + 1]
    statement = StatementRecord(f"st-synthetic-{n}", HUB, StatementKind.SAID, "said", None,
                                sentence, 0, len(sentence), about=(own[0].id,))
    return ArticleGraph(ArticleRecord(f"art-synthetic-{n}", f"synthetic-{n}", None, "2024-11-01",
                                      None, text), (hub, *own), (statement,))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        config = LocalServerConfig(home=Path(home), jars=ROOT / ".neo4j" / "lib", bolt_port=_port(),
                                   http_port=_port(), heap="512m", pagecache_mb=128)
        start_server(config)
        try:
            db = connect_graph(config.bolt_uri, *local_credentials(config))
            wait_for_graph(db, timeout_s=60)
            apply_schema(db)
            upsert_article(db, _article(0))  # creates the hub
            have, n, rows = 1, 1, []
            for size in sorted(args.sizes):
                for first in range(have, size, 1000):
                    db.write(lambda tx: tx.run(BULK_MENTIONS, first=first, last=min(first + 999, size - 1),
                                               hub=HUB).consume())
                have = size
                refresh_entities(db, [HUB])
                timings: dict[str, list[float]] = {"incremental": [], "full recompute": []}
                for _ in range(args.samples):
                    for mode, samples in timings.items():
                        graph = _article(n)
                        n += 1
                        t0 = time.perf_counter()
                        upsert_article(db, graph)
                        if mode == "full recompute":
                            refresh_entities(db, [e.id for e in graph.entities])
                        samples.append(time.perf_counter() - t0)
                        db.write(lambda tx, i=graph.article.id: tx.run(  # keep the hub at `size`
                            "MATCH (a:Article {id: $id}) DETACH DELETE a", id=i).consume())
                rows.append((size, {m: statistics.median(s) * 1000 for m, s in timings.items()}))
            db.close()
        finally:
            stop_server(config)
    print(f"{'hub mentions':>12}  {'incremental ms':>14}  {'full recompute ms':>17}")
    for size, med in rows:
        print(f"{size:>12}  {med['incremental']:>14.1f}  {med['full recompute']:>17.1f}")
    (small, a), (large, b) = rows[0], rows[-1]
    for mode in a:
        print(f"{mode}: {large} / {small} mentions = {b[mode] / a[mode]:.2f}x")


if __name__ == "__main__":
    main()
