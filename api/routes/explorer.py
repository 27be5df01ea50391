"""GET /explorer: the graph explorer page, and the article view its evidence links open."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import DBDep, SettingsDep
from api.errors import COMMON_ERRORS, error_responses
from api.params import MAX_ID, MAX_OFFSET_CHARS, ArticleIdP
from graph.explorer import render_article, render_explorer
from graph.reader import read_article, read_counts, read_subgraph, top_entity

router = APIRouter(tags=["explorer"])


@router.get("/explorer", response_class=HTMLResponse, summary="Graph explorer page",
            responses=error_responses(*COMMON_ERRORS, 404, 422, html_route=True))
def read_explorer(
    db: DBDep,
    settings: SettingsDep,
    center: Annotated[str | None, Query(max_length=MAX_ID, description="Actor id to open on")] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
) -> HTMLResponse:
    """The whole graph when it is small; on a large graph (more entities than
    KG_EXPLORER_MAX_NODES) the neighbourhood of its best-connected actor. Offline-ready."""
    limit = settings.explorer_max_nodes
    if center is None and read_counts(db).entities > limit:
        center = top_entity(db)
    subgraph = read_subgraph(db, center=center, depth=depth, limit=limit)
    return HTMLResponse(render_explorer(subgraph, center=center, depth=depth, limit=limit))


@router.get("/explorer/articles/{article_id}", response_class=HTMLResponse,
            summary="An article's text with an evidence span highlighted",
            responses=error_responses(*COMMON_ERRORS, 404, 422, html_route=True))
def read_explorer_article(
    db: DBDep,
    article_id: ArticleIdP,
    start: Annotated[int | None, Query(ge=0, le=MAX_OFFSET_CHARS)] = None,
    end: Annotated[int | None, Query(ge=0, le=MAX_OFFSET_CHARS)] = None,
) -> HTMLResponse:
    return HTMLResponse(render_article(read_article(db, article_id), start, end))
