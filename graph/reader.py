"""Reads the API and the explorer make. Each returns plain values; unknown ids raise NotFound."""

from __future__ import annotations

from dataclasses import dataclass

from graph import queries
from graph.connection import GraphDB
from graph.search import fulltext_query, search_key
from schema.errors import NotFound


@dataclass(frozen=True)
class GraphCounts:
    nodes: int
    relationships: int
    articles: int
    statements: int
    entities: int


@dataclass(frozen=True)
class Page:
    """One page of a longer list: `total` rows matched, `items` are those from `offset` on."""

    total: int
    items: list[dict]


def read_counts(db: GraphDB) -> GraphCounts:
    """Node and relationship totals, and totals of the main node kinds."""
    return GraphCounts(**db.read(queries.COUNTS)[0])


def find_actors(
    db: GraphDB, q: str = "", types: list[str] | None = None, limit: int = 50, offset: int = 0
) -> Page:
    """Entities whose name or alias contains `q` (case-, accent-, hyphen-insensitive), most vocal
    first. A `q` with a word in it is looked up in the full-text index, not by a scan."""
    key = search_key(q)
    lucene = fulltext_query(key)
    row = db.read(queries.FIND_ACTORS if lucene else queries.FIND_ACTORS_SCAN, q=key, lucene=lucene,
                  types=types or None, limit=limit, offset=offset)[0]
    return Page(row["total"], row["page"])


def read_actor(db: GraphDB, actor_id: str) -> dict:
    """An entity's profile: aliases with the articles that used them, Wikidata id, roles,
    statements by kind and the actors it is most connected to."""
    rows = db.read(queries.READ_ACTOR, id=actor_id)
    if not rows:
        raise NotFound(f"no actor with id {actor_id!r}")
    row = rows[0]
    by_kind = {kind: 0 for kind in ("said", "confirmed", "denied")} | dict(row["by_kind"])
    return {**row["actor"], "mentions": row["mentions"], "statements_by_kind": by_kind,
            "statements": sum(by_kind.values()), "connected": row["connected"]}


def find_statements(
    db: GraphDB,
    *,
    speaker: str | None = None,
    kinds: list[str] | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    direct: bool | None = None,
    text: str = "",
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Statements matching every given filter, in date order (undated last). `text`: words the
    sentence contains, ignoring case (found through the full-text index).

    `since`/`until` are ISO dates compared with the statement's date (its own, else its
    article's). Ids given as filters must exist: an unknown one raises NotFound.
    """
    for actor_id in (speaker, about):
        if actor_id is not None:
            _require(db, queries.ENTITY_EXISTS, actor_id, "actor")
    if article is not None:
        _require(db, queries.ARTICLE_EXISTS, article, "article")
    lucene = fulltext_query(text.lower())
    row = db.read(queries.STATEMENTS_TEXT if lucene else queries.STATEMENTS, lucene=lucene,
                  speaker=speaker, kinds=kinds or None, about=about, since=since, until=until,
                  article=article, direct=direct, text=text.lower(), limit=limit, offset=offset)[0]
    return Page(row["total"], row["page"])


def find_claims(
    db: GraphDB,
    *,
    about: str | None = None,
    claimed_by: str | None = None,
    measures: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    text: str = "",
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Quantity claims (value, what, measure, claimant, unit, date) in date order."""
    for actor_id in (about, claimed_by):
        if actor_id is not None:
            _require(db, queries.ENTITY_EXISTS, actor_id, "actor")
    if article is not None:
        _require(db, queries.ARTICLE_EXISTS, article, "article")
    lucene = fulltext_query(text.lower())
    row = db.read(queries.CLAIMS_TEXT if lucene else queries.CLAIMS, lucene=lucene, about=about,
                  claimed_by=claimed_by, measures=measures or None, since=since, until=until,
                  article=article, text=text.lower(), limit=limit, offset=offset)[0]
    return Page(row["total"], row["page"])


def find_articles(
    db: GraphDB, *, since: str | None = None, until: str | None = None, source: str | None = None,
    limit: int = 100, offset: int = 0,
) -> Page:
    """Articles in publication order with counts of what was extracted from each."""
    row = db.read(queries.ARTICLES, since=since, until=until, source=source, limit=limit, offset=offset)[0]
    return Page(row["total"], row["page"])


def read_article(db: GraphDB, article_id: str) -> dict:
    """An article's metadata and text, and everything extracted from it with offsets."""
    rows = db.read(queries.READ_ARTICLE, id=article_id)
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    row = rows[0]
    statements = find_statements(db, article=article_id, limit=10_000).items
    claims = find_claims(db, article=article_id, limit=10_000).items
    return {**row["article"], "entities": row["entities"], "statements": statements,
            "relations": row["relations"], "claims": claims}


def read_subgraph(
    db: GraphDB,
    *,
    center: str | None = None,
    depth: int = 1,
    limit: int = 300,
    types: list[str] | None = None,
    kinds: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
) -> dict:
    """Nodes and edges for tools and the explorer.

    With `center`: the actors within `depth` hops of it (statement edges speaker -> topic, and
    relations), at most `limit` nodes, nearest first. Without: the `limit` best-connected
    actors and the edges among them. Filters narrow nodes by type and edges by kind, date and
    article. Each edge carries its evidence sentence and article.
    """
    filters = {"types": types or None, "kinds": kinds or None, "since": since, "until": until,
               "article": article}
    if center is None:
        ids = [r["id"] for r in db.read(queries.TOP_ENTITIES, types=filters["types"], limit=limit)]
        keep = set(ids)
        edges = _edges(db, ids, filters, limit)
    else:
        _require(db, queries.ENTITY_EXISTS, center, "actor")
        keep, frontier = {center}, [center]
        for _ in range(depth):
            if not frontier or len(keep) >= limit:
                break
            found = []
            for edge in _edges(db, frontier, filters, limit):
                for end in (edge["source"]["id"], edge["target"]["id"]):
                    if end not in keep and len(keep) < limit:
                        keep.add(end)
                        found.append(end)
            frontier = found
        edges = _edges(db, sorted(keep), filters, limit)
    nodes: dict[str, dict] = {}
    kept_edges = []
    for edge in edges:
        if edge["source"]["id"] in keep and edge["target"]["id"] in keep:
            nodes[edge["source"]["id"]] = edge["source"]
            nodes[edge["target"]["id"]] = edge["target"]
            kept_edges.append({**edge, "source": edge["source"]["id"], "target": edge["target"]["id"]})
    # Actors with no edge under the filters still belong in the picture.
    for row in db.read(queries.ENTITY_REFS, ids=sorted(keep - set(nodes))):
        nodes[row["e"]["id"]] = row["e"]
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": kept_edges}


def _edges(db: GraphDB, ids: list[str], filters: dict, limit: int) -> list[dict]:
    return db.read(queries.EDGES_AROUND, ids=ids, max_edges=max(limit * 20, 1000), **filters)


def top_entity(db: GraphDB) -> str | None:
    """The best-connected actor: where the explorer opens on a large graph."""
    rows = db.read(queries.TOP_ENTITIES, types=None, limit=1)
    return rows[0]["id"] if rows else None


def article_exists(db: GraphDB, article_id: str) -> bool:
    """Whether an article with this id is in the graph."""
    return bool(db.read(queries.ARTICLE_EXISTS, id=article_id))


def _require(db: GraphDB, query: str, node_id: str, what: str) -> None:
    if not db.read(query, id=node_id):
        raise NotFound(f"no {what} with id {node_id!r}")
