"""Write one ArticleGraph into Neo4j as one transaction: all of it or nothing, replayable."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph import queries
from graph.connection import GraphDB
from graph.search import search_key
from schema.records import ArticleGraph
from schema.vocabulary import STATEMENT_REL, EntityType, NodeLabel, RelationType


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
    _check_references(graph)
    art = graph.article
    provenance_base = {"article_id": art.id, "published": art.published}

    entity_rows: dict[EntityType, list[dict]] = defaultdict(list)
    for e in graph.entities:
        names = [e.name, *e.aliases]
        entity_rows[e.type].append({
            "id": e.id, "name": e.name, "type": e.type.value, "aliases": sorted(set(names)),
            "mentions": e.mentions, "sizes": [e.size] if e.size else [],
            "wikidata": e.wikidata, "description": e.description,
            "alias_rules": [f"{form}: {rule}" for form, rule in e.alias_rules],
            "search_keys": sorted({search_key(n) for n in names}),
        })

    statement_rows = defaultdict(list)
    for s in graph.statements:
        rel = STATEMENT_REL[s.kind]
        provenance = {**provenance_base, "statement_id": s.id, "sentence": s.sentence,
                      "start": s.start, "end": s.end}
        statement_rows[rel].append({
            "id": s.id, "speaker": s.speaker, "rel": rel.value, "about": list(s.about),
            "props": {
                **provenance_base, "id": s.id, "speaker_id": s.speaker, "kind": s.kind.value,
                "verb": s.verb, "quote": s.quote, "sentence": s.sentence, "start": s.start,
                "end": s.end, "direct": s.direct, "cue": s.cue, "source_id": s.source,
                "date": s.date, "hedged": s.hedged,
            },
            "provenance": provenance,
        })

    relation_rows: dict[RelationType, list[dict]] = defaultdict(list)
    for r in graph.relations:
        relation_rows[r.type].append({
            "id": r.id, "source": r.source, "target": r.target,
            "props": {**provenance_base, "sentence": r.sentence, "start": r.start, "end": r.end,
                      "date": r.date, "claimed_by_id": r.claimed_by, "hedged": r.hedged},
        })

    claim_rows = [
        {
            "id": q.id, "claimed_by": q.claimed_by, "unit": q.unit,
            "props": {**provenance_base, "id": q.id, "value": q.value, "text": q.text,
                      "measure": q.measure, "what": q.what, "sentence": q.sentence,
                      "start": q.start, "end": q.end, "date": q.date,
                      "claimed_by_id": q.claimed_by, "unit_id": q.unit},
            "provenance": {**provenance_base, "claim_id": q.id, "sentence": q.sentence,
                           "start": q.start, "end": q.end},
        }
        for q in graph.quantities
    ]

    article_props = {
        "id": art.id, "path": art.path, "title": art.title, "published": art.published,
        "source": art.source, "url": art.url, "text": art.text, "dateline": art.dateline,
    }
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


def _check_references(graph: ArticleGraph) -> None:
    """Refuse a graph whose statements or relations point at entities it does not contain."""
    known = {e.id for e in graph.entities}
    dangling = {s.speaker for s in graph.statements} | {a for s in graph.statements for a in s.about}
    dangling |= {x for r in graph.relations for x in (r.source, r.target, r.claimed_by) if x}
    dangling |= {x for q in graph.quantities for x in (q.claimed_by, q.unit) if x}
    dangling -= known
    if dangling:
        raise ValueError(f"article {graph.article.id} refers to unknown entities: {sorted(dangling)}")


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
