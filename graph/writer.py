"""Write ArticleGraphs into Neo4j, one or a batch per transaction: each article all or nothing,
replayable."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from graph import queries
from graph.connection import GraphDB
from graph.identity import BatchLookup, graph_lookup, resolve_across_articles
from graph.rows import article_rows, check_references
from graph.syndication import APPEARANCE_FIELDS, band_keys, best_report, signature
from schema.errors import GraphUnavailable
from schema.records import ArticleGraph
from schema.vocabulary import EntityType, NodeLabel, RelationType, RelType


# Article fields a re-post may change (the id is the text's hash, so the text itself only
# changes when the same text is read with another format).
METADATA_FIELDS = ("title", "published", "dateline", "source", "url", "path")


@dataclass(frozen=True)
class WriteSummary:
    """What an upsert wrote for one article.

    `created`: the article was not in the graph before. Otherwise `changed` maps each article
    field the write changed to (old, new) (for `text`, the lengths in characters; empty: nothing
    changed), and `redated` counts the statements kept whose date changed.

    `copy_of`: the article is a syndicated copy of that stored report (graph/syndication.py):
    only its Appearance was written (counts 0; `created`, `changed` are the Appearance's).
    """

    article_id: str
    entities: int
    statements: int
    relations: int
    quantities: int = 0
    created: bool = True
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    redated: int = 0
    copy_of: str | None = None


def upsert_article(db: GraphDB, graph: ArticleGraph) -> WriteSummary:
    """Merge the article, its entities, statements and relations, and drop what it no longer says.

    Every node and edge is merged on a deterministic id, so writing the same ArticleGraph twice
    leaves the database unchanged. An article already stored takes this graph's metadata; the
    summary says what that changed (read in the same transaction, so it is exact). An article
    whose body is a copy of a stored report's (another id) writes only an Appearance under that
    report, and the summary names it (`copy_of`). Raises
    ValueError for a graph that refers to entities it does not contain, GraphUnavailable when
    Neo4j cannot be reached; any other database error rolls the whole article back and propagates.
    """
    check_references(graph)
    graph = resolve_across_articles(graph_lookup(db), graph)
    return _write_batch(db, [_ArticleRows.of(graph, signature(graph.article.text))])[0]


def upsert_articles(db: GraphDB, graphs: list[ArticleGraph]) -> list[WriteSummary | Exception]:
    """Write several articles in one transaction: the same nodes, edges and summaries as one
    `upsert_article` per article in this order, at the round trips of one.

    Returns, per graph in order, its WriteSummary or the exception that refused it (ValueError
    for dangling references, or the database's error). When the batch transaction fails, it is
    rolled back and its articles are written one per transaction, so one failing article never
    sinks the others and none is ever half written. GraphUnavailable is raised, not returned:
    with Neo4j gone nothing else can be written either.
    """
    results: list[WriteSummary | Exception | None] = [None] * len(graphs)
    valid: list[tuple[int, ArticleGraph]] = []
    for i, graph in enumerate(graphs):
        try:
            check_references(graph)
        except ValueError as exc:
            results[i] = exc
            continue
        valid.append((i, graph))
    # Joins across articles as sequential writes would make them: each article sees the graph
    # and the articles before it in the batch.
    lookup = BatchLookup(db, [g for _, g in valid]) if valid else None
    # A copy writes no entities, so later articles must not join to them (the write itself
    # decides again which articles are copies, in its transaction).
    sigs = [signature(g.article.text) for _, g in valid]
    bodies = [(g.article.id, sig, band_keys(sig)) for (_, g), sig in zip(valid, sigs)]
    copies = _find_copies(db.read, bodies) if valid else {}
    batch: list[tuple[int, _ArticleRows]] = []
    for (i, graph), sig in zip(valid, sigs):
        graph = resolve_across_articles(lookup, graph)
        if graph.article.id not in copies:
            lookup.add(graph)
        batch.append((i, _ArticleRows.of(graph, sig)))
    for chunk in _distinct_chunks(batch):
        try:
            summaries: list[WriteSummary | Exception] = list(_write_batch(db, [r for _, r in chunk]))
        except GraphUnavailable:
            raise
        except Exception:  # which article failed is unknown: each goes on its own
            summaries = [_write_alone(db, rows) for _, rows in chunk]
        for (i, _), summary in zip(chunk, summaries):
            results[i] = summary
    return results  # type: ignore[return-value]  # every slot is filled


def _write_alone(db: GraphDB, rows: _ArticleRows) -> WriteSummary | Exception:
    try:
        return _write_batch(db, [rows])[0]
    except GraphUnavailable:
        raise
    except Exception as exc:
        return exc


def _distinct_chunks(batch: list[tuple[int, _ArticleRows]]) -> list[list[tuple[int, _ArticleRows]]]:
    """Cut the batch where an article id comes again: the second is a reload of the first and
    must see it written, as sequential upserts would."""
    chunks: list[list[tuple[int, _ArticleRows]]] = [[]]
    seen: set[str] = set()
    for item in batch:
        if item[1].article_id in seen:
            chunks.append([])
            seen = set()
        seen.add(item[1].article_id)
        chunks[-1].append(item)
    return [c for c in chunks if c]


class _Overlap(Exception):
    """A batch whose articles interact (one drops an entity another names): written one by one."""


@dataclass(frozen=True)
class _ArticleRows:
    """The parameter rows one article contributes to each write statement."""

    article_id: str
    article: dict
    entities: dict[EntityType, list[dict]]
    statements: dict[RelType, list[dict]]
    relations: dict[RelationType, list[dict]]
    claims: list[dict]
    bands: list[dict]
    graph: ArticleGraph

    @classmethod
    def of(cls, graph: ArticleGraph, minhash: list[int] | None) -> _ArticleRows:
        rows = article_rows(graph, minhash)
        return cls(graph.article.id, rows.article, rows.entities, rows.statements, rows.relations,
                   rows.claims, rows.bands, graph)


@dataclass(frozen=True)
class _Copy:
    """An article of a write found to be a copy of `report_id`; `stored`: its Appearance as
    stored before (None: new)."""

    report_id: str
    stored: dict | None


_Body = tuple[str, list[int] | None, list[str]]  # an article's id, signature, band keys


def _find_copies(run, bodies: list[_Body]) -> dict[str, _Copy]:
    """The articles of `bodies` that are syndicated copies, by id, with `run(query, **params)`
    returning rows. A stored report's id is a replay and a stored Appearance's id stays a copy
    of its report; any other article is a copy of the most similar report (ties: the smallest
    id) sharing a band key with it, stored or earlier in `bodies`, at similarity >=
    COPY_THRESHOLD: what sequential writes would find."""
    found = {r["id"]: r for r in run(queries.SYNDICATION_CANDIDATES,
                                     rows=[{"id": i, "keys": keys} for i, _, keys in bodies])}
    earlier: list[tuple[str, list[int] | None, set[str]]] = []  # the reports before, in `bodies`
    copies: dict[str, _Copy] = {}
    for article_id, sig, keys in bodies:
        row, report = found[article_id], None
        if not row["stored"]:
            if row["appears_in"] is not None:
                report = row["appears_in"]
            else:
                candidates = [(c["id"], c["minhash"]) for c in row["candidates"]]
                candidates += [(i, s) for i, s, k in earlier if k & set(keys) and i != article_id]
                report = best_report(sig, candidates)
        if report is None:
            earlier.append((article_id, sig, set(keys)))
        else:
            copies[article_id] = _Copy(report, row["appearance"])
    return copies


def _appearance_row(rows: _ArticleRows, copy: _Copy, loaded_at: str) -> dict:
    return {"id": rows.article_id, "report_id": copy.report_id, "loaded_at": loaded_at,
            "props": {f: rows.article[f] for f in APPEARANCE_FIELDS}}


def _stale_rows(batch: list[_ArticleRows], ids_of) -> list[dict]:
    return [{"article_id": a.article_id, "ids": ids_of(a.graph)} for a in batch]


def _write_batch(db: GraphDB, all_rows: list[_ArticleRows]) -> list[WriteSummary]:
    """One transaction writing every article of `all_rows` (distinct ids), each statement of the
    write taking the rows of all of them: the reports whole (with their minhash and BodyBand
    nodes), the syndicated copies as Appearances of their reports. Raises _Overlap, before
    writing anything, when one article stops mentioning an entity that another one names (one by
    one, the first would delete it as an orphan and the second create it anew)."""
    loaded_at = datetime.now(timezone.utc).isoformat(timespec="seconds")

    def work(tx) -> tuple[dict[str, _Copy], dict]:
        copies = _find_copies(lambda q, **p: list(tx.run(q, **p)),
                              [(a.article_id, a.article["minhash"], [b["key"] for b in a.bands])
                               for a in all_rows])
        batch = [a for a in all_rows if a.article_id not in copies]
        stored = _write_reports(tx, batch) if batch else {}
        if copies:
            tx.run(queries.MERGE_APPEARANCES, rows=[_appearance_row(a, copies[a.article_id], loaded_at)
                                                    for a in all_rows if a.article_id in copies]).consume()
        return copies, stored

    copies, stored = db.write(work)
    return [_copy_summary(a, copies[a.article_id]) if a.article_id in copies
            else _summary(a, *stored[a.article_id]) for a in all_rows]


def _write_reports(tx, batch: list[_ArticleRows]) -> dict[str, tuple[dict | None, dict]]:
    """Write the reports of a batch in `tx`; return, per id, its stored properties before and
    its statements' stored dates."""

    def rows(attr: str, key) -> list[dict]:
        return [row for a in batch for row in getattr(a, attr).get(key, [])]

    entity_types = sorted({t for a in batch for t in a.entities}, key=lambda t: t.value)
    statement_rels = sorted({r for a in batch for r in a.statements}, key=lambda r: r.value)
    relation_types = sorted({r for a in batch for r in a.relations}, key=lambda r: r.value)
    named = [{e.id for e in a.graph.entities} for a in batch]

    before = {r["article_id"]: r for r in tx.run(queries.ARTICLES_AS_STORED,
                                                   article_ids=[a.article_id for a in batch])}
    if len(batch) > 1:
        for i, a in enumerate(batch):
            dropped_here = set(before[a.article_id]["entity_ids"]) - named[i]
            if any(dropped_here & other for j, other in enumerate(named) if j != i):
                raise _Overlap(a.article_id)
    tx.run(queries.MERGE_ARTICLES, articles=[a.article for a in batch]).consume()
    tx.run(queries.MERGE_BODY_BANDS,
           rows=[{"article_id": a.article_id, "bands": a.bands} for a in batch]).consume()
    shrunk = []  # entities a mention lost a form of: merged values are stale
    for etype in entity_types:
        shrunk += [r["id"] for r in tx.run(queries.merge_entities(etype), rows=rows("entities", etype))]
    tx.run(queries.delete_stale_nodes(NodeLabel.STATEMENT),
           rows=_stale_rows(batch, lambda g: [s.id for s in g.statements])).consume()
    tx.run(queries.delete_stale_nodes(NodeLabel.CLAIM),
           rows=_stale_rows(batch, lambda g: [q.id for q in g.quantities])).consume()
    tx.run(queries.MERGE_CLAIMS, rows=[row for a in batch for row in a.claims]).consume()
    # Only what the delete compares: a statement row's props and provenance are most of its bytes.
    speaker_rows = [{"id": row["id"], "speaker": row["speaker"], "rel": row["rel"]}
                    for a in batch for rel_rows in a.statements.values() for row in rel_rows]
    tx.run(queries.DELETE_STALE_SPEAKER_EDGES, rows=speaker_rows).consume()
    for rel in statement_rels:
        tx.run(queries.merge_statements(rel), rows=rows("statements", rel)).consume()
    tx.run(queries.DELETE_STALE_RELATIONS,
           rows=_stale_rows(batch, lambda g: [r.id for r in g.relations])).consume()
    for rtype in relation_types:
        tx.run(queries.merge_relations(rtype), rows=rows("relations", rtype)).consume()
    dropped = [r["id"] for r in tx.run(queries.DELETE_STALE_MENTIONS,
                                        rows=_stale_rows(batch, lambda g: [e.id for e in g.entities]))]
    stale = sorted(set(shrunk + dropped))
    if stale:
        tx.run(queries.REFRESH_ENTITIES, ids=stale).consume()
    if dropped:
        tx.run(queries.DELETE_ORPHAN_ENTITIES, ids=sorted(set(dropped))).consume()
    # Every edge a write adds or drops ends at an entity the article names now or named before.
    tx.run(queries.REFRESH_DEGREES, ids=sorted(set().union(*named, dropped))).consume()
    # A statement's date is its own, else its article's (as the reads take it).
    return {a.article_id: (before[a.article_id]["article"],
                           {s["id"]: s.get("date") or s.get("published")
                            for s in before[a.article_id]["statements"]})
            for a in batch}


def _copy_summary(rows: _ArticleRows, copy: _Copy) -> WriteSummary:
    changed = {} if copy.stored is None else {
        f: (copy.stored.get(f), rows.article[f]) for f in APPEARANCE_FIELDS
        if copy.stored.get(f) != rows.article[f]}
    return WriteSummary(rows.article_id, 0, 0, 0, created=copy.stored is None, changed=changed,
                        copy_of=copy.report_id)


def _summary(rows: _ArticleRows, stored: dict | None, stored_dates: dict[str, str | None]) -> WriteSummary:
    graph, art = rows.graph, rows.graph.article
    changed: dict[str, tuple[Any, Any]] = {}
    redated = 0
    if stored is not None:
        changed = {f: (stored.get(f), rows.article[f]) for f in METADATA_FIELDS
                   if stored.get(f) != rows.article[f]}
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
    articles mention stay, with names and aliases recomputed from those articles. A report's
    syndicated copies (Appearances) and BodyBand nodes go with it: its copies are then gone too,
    until they are loaded again (the first becomes the new report). The id of a copy deletes
    only that Appearance. Returns False when no such article or copy exists.
    """

    def work(tx) -> bool:
        ids = [r["id"] for r in tx.run(queries.ARTICLE_ENTITY_IDS, article_id=article_id)]
        deleted = tx.run(queries.DELETE_ARTICLE, article_id=article_id).single()["deleted"]
        if not deleted:
            return bool(tx.run(queries.DELETE_APPEARANCE, article_id=article_id).single()["deleted"])
        tx.run(queries.REFRESH_ENTITIES, ids=ids).consume()
        tx.run(queries.DELETE_ORPHAN_ENTITIES, ids=ids).consume()
        tx.run(queries.REFRESH_DEGREES, ids=ids).consume()
        return True

    return db.write(work)


def refresh_entities(db: GraphDB, ids: list[str] | None = None) -> None:
    """Recompute entities' name, aliases, search keys, sizes and degree from all their mentions
    and edges (every entity when `ids` is None). Writes keep these exact as they go; this is the
    definition, for checks and repairs, and costs O(mentions)."""
    if ids is None:
        ids = [r["id"] for r in db.read(queries.ALL_ENTITY_IDS)]

    def work(tx) -> None:
        tx.run(queries.REFRESH_ENTITIES, ids=ids).consume()
        tx.run(queries.REFRESH_DEGREES, ids=ids).consume()

    db.write(work)
