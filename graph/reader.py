"""Reads the API and the explorer make. Each returns plain values; unknown ids raise NotFound."""

from __future__ import annotations

from dataclasses import dataclass

from graph import queries
from graph.connection import GraphDB
from graph.search import fulltext_query, search_key
from schema.errors import NotFound
from schema.vocabulary import StatementKind


@dataclass(frozen=True)
class GraphCounts:
    nodes: int
    relationships: int
    articles: int
    statements: int
    entities: int


# A count looks at no more rows than this before it reports a lower bound instead.
TOTAL_CAP = 5000
# The profile lists this many of an actor's mentions (the first in publication order).
MENTIONS_LIMIT = 100
# "connected" is computed within this many statements by, statements about and relations of
# the actor.
CONNECTED_SAMPLE = 500


@dataclass(frozen=True)
class Page:
    """One page of a longer list: `total` rows matched, `items` are those from `offset` on.
    With `total_is_lower_bound`, counting stopped after TOTAL_CAP rows: at least `total` match."""

    total: int
    items: list[dict]
    total_is_lower_bound: bool = False


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


def actor_degrees(db: GraphDB, actor_id: str) -> dict:
    """An actor's properties and relationship counts (statements by kind, statements about it,
    relations, mentions, claims) with the graph's totals: O(1), from the nodes' degrees."""
    rows = db.read(queries.ACTOR_DEGREES, id=actor_id)
    if not rows:
        raise NotFound(f"no actor with id {actor_id!r}")
    return rows[0]


def read_actor_summary(db: GraphDB, actor_id: str) -> dict:
    """An actor's id, name, type, aliases, Wikidata id and number of statements."""
    deg = actor_degrees(db, actor_id)
    return {**deg["actor"], "statements": sum(deg[kind] for kind in _KINDS)}


def read_actor(db: GraphDB, actor_id: str) -> dict:
    """An entity's profile: aliases with the articles that used them (the first MENTIONS_LIMIT,
    and how many there are), Wikidata id, roles, statements by kind (exact, from degrees) and
    the actors it is most connected to (within CONNECTED_SAMPLE edges of each kind)."""
    deg = actor_degrees(db, actor_id)
    by_kind = {kind: deg[kind] for kind in _KINDS}
    connected = db.read(queries.CONNECTED, id=actor_id, sample=CONNECTED_SAMPLE)[0]["connected"]
    return {**deg["actor"], "mentions": _mentions(db, actor_id, deg), "mentions_total": deg["mentioned"],
            "statements_by_kind": by_kind, "statements": sum(by_kind.values()), "connected": connected,
            "connected_complete": max(sum(by_kind.values()), deg["about"], deg["relations"]) <= CONNECTED_SAMPLE}


# The columns ACTOR_DEGREES counts statements under, one per kind.
_KINDS = tuple(kind.value for kind in StatementKind)


def _mentions(db: GraphDB, actor_id: str, deg: dict) -> list[dict]:
    if _walk_is_cheaper(deg["mentioned"], deg["all_articles"], MENTIONS_LIMIT):
        walked = db.read(queries.MENTIONS_WALK, id=actor_id, limit=MENTIONS_LIMIT)[0]["mentions"]
        if len(walked) == MENTIONS_LIMIT:
            return walked
    return db.read(queries.MENTIONS_EXPAND, id=actor_id, limit=MENTIONS_LIMIT)[0]["mentions"]


def _walk_is_cheaper(degree: int, size: int, wanted: int) -> bool:
    """Whether to walk a date index of `size` rows, keeping those of one actor (about
    wanted x size / degree rows read), rather than expand its `degree` edges and sort them."""
    return degree > wanted and wanted * size < degree * degree


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
    article's). Ids given as filters must exist: an unknown one raises NotFound. The page
    is read from an index in date order where one applies (a speaker's, or all statements'),
    so its cost does not grow with a hub's statements; the total comes from degrees when the
    filters allow, else from a count of at most TOTAL_CAP rows (Page.total_is_lower_bound).
    """
    deg = {role: actor_degrees(db, actor_id) for role, actor_id in (("speaker", speaker), ("about", about))
           if actor_id is not None}
    if article is not None:
        _require(db, queries.ARTICLE_EXISTS, article, "article")
    lucene = fulltext_query(text.lower())
    params = {"lucene": lucene, "speaker": speaker, "kinds": kinds or None, "about": about,
              "since": since, "until": until, "article": article, "direct": direct,
              "text": text.lower()}
    head = _statement_head(params, deg, offset + limit)
    items = db.read(queries.statement_page(head), **params, limit=limit, offset=offset)[0]["page"]
    exact = _statement_total_from_degrees(db, params, deg)
    if exact is not None:
        return Page(exact, items)
    count_head = head if head in ("text", "article") else _smallest_source(params, deg)
    return _counted_page(db, queries.statement_count(count_head), params, items, offset)


def _statement_head(params: dict, deg: dict, wanted: int) -> str:
    """Where a page of statements is read from: the narrowest source the filters name."""
    if params["lucene"]:
        return "text"
    if params["article"] is not None:
        return "article"
    source = _smallest_source(params, deg)
    if source == "about" and _walk_is_cheaper(deg["about"]["about"], deg["about"]["all_statements"], wanted):
        return "all"
    return source


def _smallest_source(params: dict, deg: dict) -> str:
    sizes = {}
    if "speaker" in deg:
        sizes["speaker"] = sum(deg["speaker"][kind] for kind in _KINDS)
    if "about" in deg:
        sizes["about"] = deg["about"]["about"]
    return min(sizes, key=sizes.get) if sizes else "all"


def _active(params: dict, names: tuple[str, ...]) -> set[str]:
    """Which of these filters are set (a text filter is set when not empty)."""
    return {k for k in names if (params[k] if k == "text" else params[k] is not None)}


def _statement_total_from_degrees(db: GraphDB, params: dict, deg: dict) -> int | None:
    """The exact total when the filters are ones degrees count: none; a speaker, with or
    without kinds; an actor the statements are about. None otherwise."""
    active = _active(params, ("kinds", "about", "since", "until", "article", "direct", "text"))
    if params["speaker"] is not None and active <= {"kinds"}:
        return sum(deg["speaker"][kind] for kind in params["kinds"] or _KINDS)
    if params["speaker"] is None and active == {"about"}:
        return deg["about"]["about"]
    if params["speaker"] is None and not active:
        return db.read(queries.GRAPH_TOTALS)[0]["all_statements"]
    return None


def _counted_page(db: GraphDB, count_query: str, params: dict, items: list[dict], offset: int) -> Page:
    row = db.read(count_query, **params, cap=TOTAL_CAP + 1)[0]
    if row["examined"] <= TOTAL_CAP:
        return Page(row["matched"], items)
    return Page(max(row["matched"], offset + len(items)), items, total_is_lower_bound=True)


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
    """Quantity claims (value, what, measure, claimant, unit, date) in date order, read like
    statements (find_statements): from an index in date order where one applies, the total
    exact or, past TOTAL_CAP rows counted, a lower bound."""
    deg = {role: actor_degrees(db, actor_id) for role, actor_id in (("claimed_by", claimed_by), ("about", about))
           if actor_id is not None}
    if article is not None:
        _require(db, queries.ARTICLE_EXISTS, article, "article")
    lucene = fulltext_query(text.lower())
    params = {"lucene": lucene, "about": about, "claimed_by": claimed_by, "measures": measures or None,
              "since": since, "until": until, "article": article, "text": text.lower()}
    head = _claim_head(params, deg, offset + limit)
    items = db.read(queries.claim_page(head), **params, limit=limit, offset=offset)[0]["page"]
    active = _active(params, ("about", "measures", "since", "until", "article", "text"))
    if params["claimed_by"] is not None and not active:
        return Page(deg["claimed_by"]["claimed"], items)
    if params["claimed_by"] is None and not active:
        return Page(db.read(queries.GRAPH_TOTALS)[0]["all_claims"], items)
    count_head = "about" if head == "all" and about is not None else head
    return _counted_page(db, queries.claim_count(count_head), params, items, offset)


def _claim_head(params: dict, deg: dict, wanted: int) -> str:
    """Where a page of claims is read from: the narrowest source the filters name. The claims
    about an actor number at most its claims, units counted and statements about it."""
    if params["lucene"]:
        return "text"
    if params["article"] is not None:
        return "article"
    if params["claimed_by"] is not None:
        return "claimed_by"
    if params["about"] is not None:
        about = deg["about"]
        reach = about["claimed"] + about["counted"] + about["about"]
        return "all" if _walk_is_cheaper(reach, about["all_claims"], wanted) else "about"
    return "all"


def find_articles(
    db: GraphDB, *, since: str | None = None, until: str | None = None, source: str | None = None,
    limit: int = 100, offset: int = 0,
) -> Page:
    """Articles in publication order with counts of what was extracted from each."""
    row = db.read(queries.ARTICLES, since=since, until=until, source=source, limit=limit, offset=offset)[0]
    return Page(row["total"], row["page"])


def read_article(db: GraphDB, article_id: str) -> dict:
    """An article's metadata and text, everything extracted from it with offsets, and its
    syndicated copies (`appearances`). The id of a copy reads its report, with `appearance_of`
    set to the report's id. Raises NotFound for an id that is neither."""
    rows = db.read(queries.READ_ARTICLE, id=article_id)
    appearance_of = None
    if not rows:
        report = db.read(queries.REPORT_OF_APPEARANCE, id=article_id)
        if report:
            appearance_of = article_id = report[0]["id"]
            rows = db.read(queries.READ_ARTICLE, id=article_id)
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    row = rows[0]
    statements = find_statements(db, article=article_id, limit=10_000).items
    claims = find_claims(db, article=article_id, limit=10_000).items
    return {**row["article"], "appearance_of": appearance_of, "appearances": row["appearances"],
            "entities": row["entities"], "statements": statements,
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

    The edges are read a bounded number per actor (EDGES_AROUND: some of its statements, some
    statements about it, some relations), so a hub costs no more than any other actor: for
    actors with more edges than that, the picture is a sample of their edges.
    """
    filters = {"types": types or None, "kinds": kinds or None, "since": since, "until": until,
               "article": article}
    if center is None:
        ids = [r["id"] for r in db.read(queries.TOP_ENTITIES, types=filters["types"], limit=limit)]
        keep = set(ids)
        # Both ends are among `ids`: each statement edge is found from its speaker.
        edges = _edges(db, ids, filters, limit, both_ways=False)
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


# Edges read per actor by EDGES_AROUND: an even share of the edges wanted, within bounds.
PER_NODE_MIN, PER_NODE_MAX = 20, 1000


def _edges(db: GraphDB, ids: list[str], filters: dict, limit: int, both_ways: bool = True) -> list[dict]:
    max_edges = max(limit * 20, 1000)
    per_node = min(PER_NODE_MAX, max(PER_NODE_MIN, max_edges // max(1, len(ids))))
    return db.read(queries.EDGES_AROUND, ids=ids, max_edges=max_edges, per_node=per_node,
                   both_ways=both_ways, **filters)


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
