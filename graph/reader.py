"""Reads the API and the explorer make. Each returns plain values; unknown ids raise NotFound."""

from __future__ import annotations

from dataclasses import dataclass

from graph import queries
from graph.connection import GraphDB
from graph.search import search_key
from schema.errors import NotFound


@dataclass(frozen=True)
class GraphCounts:
    nodes: int
    relationships: int
    articles: int
    statements: int
    entities: int


def read_counts(db: GraphDB) -> GraphCounts:
    """Node and relationship totals, and totals of the main node kinds."""
    return GraphCounts(**db.read(queries.COUNTS)[0])


def find_actors(
    db: GraphDB, q: str = "", types: list[str] | None = None, limit: int = 50, offset: int = 0
) -> list[dict]:
    """Entities whose name or alias contains `q` (case-, accent-, hyphen-insensitive), most vocal first."""
    return db.read(queries.FIND_ACTORS, q=search_key(q), types=types or None, limit=limit, offset=offset)


def read_actor(db: GraphDB, actor_id: str) -> dict:
    """One entity with its aliases, the articles that mention it and its number of statements."""
    rows = db.read(queries.READ_ACTOR, id=actor_id)
    if not rows:
        raise NotFound(f"no actor with id {actor_id!r}")
    return rows[0]


def read_actor_statements(db: GraphDB, actor_id: str, limit: int = 100, offset: int = 0) -> list[dict]:
    """The actor's statements in date order, each with its sentence, offsets, topics and article."""
    read_actor(db, actor_id)
    return db.read(queries.READ_ACTOR_STATEMENTS, id=actor_id, limit=limit, offset=offset)


def read_graph(db: GraphDB, limit: int = 300) -> dict:
    """The `limit` best-connected entities and the statement and relation edges among them."""
    row = db.read(queries.READ_GRAPH, limit=limit)[0]
    return {"nodes": row["nodes"], "edges": row["edges"]}
