"""The property rows one ArticleGraph becomes in Neo4j: what the writer merges and the bulk
importer writes as CSV, defined once so the two paths store the same graph."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.search import search_key
from graph.syndication import band_keys
from schema.records import ArticleGraph
from schema.vocabulary import STATEMENT_REL, EntityType, RelationType, RelType


# Undated rows sort after every date, as NULL sorts last in Cypher's ascending order.
UNDATED = "~"


def sort_key(date: str | None, article_id: str, start: int, node_id: str) -> str:
    """A statement's or claim's place in date order (date, article, offset, id) as one string,
    so a range index can return a page in order. Fields are joined by a space, which sorts
    before every character of an ISO date or an id: "2024-03" stays before "2024-03-01".
    SET_MISSING_SORT_KEYS in graph/queries.py is the same definition in Cypher."""
    return f"{UNDATED if date is None else date} {article_id} {start:010d} {node_id}"


def _first(*values):
    """Cypher's coalesce: the first value that is not None."""
    return next((v for v in values if v is not None), None)


@dataclass(frozen=True)
class ArticleRows:
    """One article as parameter rows: entities by type, statements by speaker edge type,
    relations by type, claims, the article node's properties (with its body's `minhash`) and
    its BodyBand keys (graph/syndication.py; the nodes' ids: body_band_id)."""

    article: dict
    entities: dict[EntityType, list[dict]]
    statements: dict[RelType, list[dict]]
    relations: dict[RelationType, list[dict]]
    claims: list[dict]
    bands: list[dict]


def article_rows(graph: ArticleGraph, minhash: list[int] | None) -> ArticleRows:
    """The rows of `graph`; every row carries its provenance (article, sentence, offsets).
    `minhash`: the body's signature (graph/syndication.py), computed once by the caller, which
    also needs it to tell copies from reports."""
    art = graph.article
    provenance_base = {"article_id": art.id, "published": art.published}

    entities: dict[EntityType, list[dict]] = defaultdict(list)
    for e in graph.entities:
        names = [e.name, *e.aliases]
        entities[e.type].append({
            "id": e.id, "article_id": art.id, "name": e.name, "type": e.type.value, "aliases": sorted(set(names)),
            "mentions": e.mentions, "sizes": [e.size] if e.size else [],
            "wikidata": e.wikidata, "description": e.description,
            "alias_rules": [f"{form}: {rule}" for form, rule in e.alias_rules],
            "search_keys": sorted({search_key(n) for n in names}),
        })

    statements: dict[RelType, list[dict]] = defaultdict(list)
    for s in graph.statements:
        rel = STATEMENT_REL[s.kind]
        statements[rel].append({
            "id": s.id, "speaker": s.speaker, "rel": rel.value, "about": list(s.about),
            "props": {
                **provenance_base, "id": s.id, "speaker_id": s.speaker, "kind": s.kind.value,
                "verb": s.verb, "quote": s.quote, "sentence": s.sentence, "start": s.start,
                "end": s.end, "direct": s.direct, "cue": s.cue, "source_id": s.source,
                "date": s.date, "hedged": s.hedged,
                "sort_key": sort_key(_first(s.date, art.published), art.id, s.start, s.id),
            },
            "provenance": {**provenance_base, "statement_id": s.id, "sentence": s.sentence,
                           "start": s.start, "end": s.end},
        })

    relations: dict[RelationType, list[dict]] = defaultdict(list)
    for r in graph.relations:
        relations[r.type].append({
            "id": r.id, "source": r.source, "target": r.target,
            "props": {**provenance_base, "sentence": r.sentence, "start": r.start, "end": r.end,
                      "date": r.date, "claimed_by_id": r.claimed_by, "hedged": r.hedged},
        })

    claims = [
        {
            "id": q.id, "claimed_by": q.claimed_by, "unit": q.unit,
            "props": {**provenance_base, "id": q.id, "value": q.value, "text": q.text,
                      "measure": q.measure, "what": q.what, "sentence": q.sentence,
                      "start": q.start, "end": q.end, "date": q.date,
                      "claimed_by_id": q.claimed_by, "unit_id": q.unit,
                      "sort_key": sort_key(_first(q.date, art.published), art.id, q.start, q.id)},
            "provenance": {**provenance_base, "claim_id": q.id, "sentence": q.sentence,
                           "start": q.start, "end": q.end},
        }
        for q in graph.quantities
    ]

    article = {
        "id": art.id, "path": art.path, "title": art.title, "published": art.published,
        "source": art.source, "url": art.url, "text": art.text, "dateline": art.dateline,
        "minhash": minhash,
    }
    bands = [{"id": body_band_id(art.id, key), "key": key} for key in band_keys(article["minhash"])]
    return ArticleRows(article, dict(entities), dict(statements), dict(relations), claims, bands)


def body_band_id(article_id: str, key: str) -> str:
    """A BodyBand node's id: one node per band key per report."""
    return f"{article_id} {key}"


def check_references(graph: ArticleGraph) -> None:
    """Refuse a graph whose statements or relations point at entities it does not contain."""
    known = {e.id for e in graph.entities}
    dangling = {s.speaker for s in graph.statements} | {a for s in graph.statements for a in s.about}
    dangling |= {x for r in graph.relations for x in (r.source, r.target, r.claimed_by) if x}
    dangling |= {x for q in graph.quantities for x in (q.claimed_by, q.unit) if x}
    dangling -= known
    if dangling:
        raise ValueError(f"article {graph.article.id} refers to unknown entities: {sorted(dangling)}")
