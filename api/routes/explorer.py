"""GET /explorer: the graph drawn with pyvis, one self-contained page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import DBDep, SettingsDep
from graph.explorer import render_explorer
from graph.reader import read_subgraph

router = APIRouter(tags=["explorer"])


@router.get("/explorer", response_class=HTMLResponse, summary="Graph explorer page")
def read_explorer(db: DBDep, settings: SettingsDep) -> HTMLResponse:
    """The best-connected entities and the edges among them, drawn offline-ready."""
    subgraph = read_subgraph(db, limit=settings.explorer_max_nodes)
    return HTMLResponse(render_explorer(subgraph))
