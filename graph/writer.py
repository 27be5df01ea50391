"""Write one ArticleGraph into Neo4j as one transaction: all of it or nothing, replayable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph import queries
from graph.connection import GraphDB
from graph.identity import graph_lookup, resolve_across_articles
from graph.rows import article_rows, check_references
from schema.records import ArticleGraph
from schema.vocabulary import NodeLabel


# Article fields a re-post may change (the id is the text's hash, so the text itself only
# changes when the same text is read with another format).
METADATA_FIELDS = ("title", "published", "dateline", "source", "url", "path")


@dataclass(frozen=True)
class WriteSummary:
    """What an upsert wrote for one article.

    `created`: the article was not in the graph before. Otherwise `changed` maps each article
    field the write changed to (old, new) (for `text`, the lengths in characters; empty: nothing
    changed), and `redated` counts the statements kept whose date changed.
    """

    article_id: str
    entities: int
    statements: int
    relations: int
    quantities: int = 0
    created: bool = True
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    redated: int = 0


def upsert_article(db: GraphDB, graph: ArticleGraph) -> WriteSummary:
    """Merge the article, its entities, statements and relations, and drop what it no longer says.

    Every node and edge is merged on a deterministic id, so writing the same ArticleGraph twice
    leaves the database unchanged. An article already stored takes this graph's metadata; the
    summary says what that changed (read in the same transaction, so it is exact). Raises GraphUnavailable when Neo4j cannot be reached; any
    other database error rolls the whole article back and propagates.
    """
    check_references(graph)
    graph = resolve_across_articles(graph_lookup(db), graph)
    art = graph.article
    parts = article_rows(graph)
    entity_rows, statement_rows, relation_rows = parts.entities, parts.statements, parts.relations
    claim_rows, article_props = parts.claims, parts.article
    entity_ids = [e.id for e in graph.entities]
    statement_ids = [s.id for s in graph.statements]
    relation_ids = [r.id for r in graph.relations]

    def work(tx) -> tuple[dict | None, dict]:
        before = tx.run(queries.ARTICLE_AS_STORED, article_id=art.id).single()
        tx.run(queries.MERGE_ARTICLE, article=article_props).consume()
        shrunk = []  # entities this article's mention lost a form of: merged values are stale
        for etype, rows in entity_rows.items():
            shrunk += [r["id"] for r in tx.run(queries.merge_entities(etype), rows=rows,
                                                 article_id=art.id)]
        tx.run(queries.delete_stale_nodes(NodeLabel.STATEMENT), article_id=art.id,
               ids=statement_ids).consume()
        tx.run(queries.delete_stale_nodes(NodeLabel.CLAIM), article_id=art.id,
               ids=[q.id for q in graph.quantities]).consume()
        tx.run(queries.MERGE_CLAIMS, rows=claim_rows, article_id=art.id).consume()
        all_statement_rows = [row for rows in statement_rows.values() for row in rows]
        tx.run(queries.DELETE_STALE_SPEAKER_EDGES, rows=all_statement_rows).consume()
        for rel, rows in statement_rows.items():
            tx.run(queries.merge_statements(rel), rows=rows, article_id=art.id).consume()
        tx.run(queries.DELETE_STALE_RELATIONS, article_id=art.id, ids=relation_ids).consume()
        for rtype, rows in relation_rows.items():
            tx.run(queries.merge_relations(rtype), rows=rows).consume()
        dropped = [r["id"] for r in tx.run(queries.DELETE_STALE_MENTIONS, article_id=art.id, ids=entity_ids)]
        tx.run(queries.REFRESH_ENTITIES, ids=shrunk + dropped).consume()
        tx.run(queries.DELETE_ORPHAN_ENTITIES, ids=dropped).consume()
        # A statement's date is its own, else its article's (as the reads take it).
        return before["article"], {s["id"]: s.get("date") or s.get("published")
                                   for s in before["statements"]}

    stored, stored_dates = db.write(work)
    changed: dict[str, tuple[Any, Any]] = {}
    redated = 0
    if stored is not None:
        changed = {f: (stored.get(f), article_props[f]) for f in METADATA_FIELDS
                   if stored.get(f) != article_props[f]}
        if stored.get("text") != art.text:
            changed["text"] = (len(stored.get("text") or ""), len(art.text))
        redated = sum(1 for s in graph.statements
                      if s.id in stored_dates and stored_dates[s.id] != (s.date or art.published))
    return WriteSummary(art.id, len(graph.entities), len(graph.statements), len(graph.relations),
                        len(graph.quantities), created=stored is None, changed=changed,
                        redated=redated)


def delete_article(db: GraphDB, article_id: str) -> bool:
    """Remove an article and every fact only it supported, in one transaction.

    Its statements, claims and relation edges go; entities it alone mentioned go; entities other
    articles mention stay, with names and aliases recomputed from those articles. Returns False
    when no such article exists.
    """

    def work(tx) -> bool:
        ids = [r["id"] for r in tx.run(queries.ARTICLE_ENTITY_IDS, article_id=article_id)]
        deleted = tx.run(queries.DELETE_ARTICLE, article_id=article_id).single()["deleted"]
        if not deleted:
            return False
        tx.run(queries.REFRESH_ENTITIES, ids=ids).consume()
        tx.run(queries.DELETE_ORPHAN_ENTITIES, ids=ids).consume()
        return True

    return db.write(work)


def refresh_entities(db: GraphDB, ids: list[str] | None = None) -> None:
    """Recompute entities' name, aliases, search keys and sizes from all their mentions (every
    entity when `ids` is None). Writes keep these exact as they go; this is the definition, for
    checks and repairs, and costs O(mentions)."""
    if ids is None:
        ids = [r["id"] for r in db.read(queries.ALL_ENTITY_IDS)]
    db.write(lambda tx: tx.run(queries.REFRESH_ENTITIES, ids=ids).consume())
