"""GET /health: is Neo4j reachable, and how big is the graph."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from api.deps import DBDep, SettingsDep
from api.models import Health
from api.runtime import graph_uri
from graph.reader import read_counts

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Neo4j reachable, node and edge counts")
def read_health(db: DBDep, settings: SettingsDep) -> Health:
    """200 with counts when Neo4j answers; 503 with the reason when it does not."""
    counts = read_counts(db)
    return Health(status="ok", neo4j=graph_uri(settings), counts=asdict(counts))
