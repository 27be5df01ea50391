"""GET /graph: nodes and edges as JSON, for tools and the explorer."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import DBDep
from api.errors import error_responses
from api.models import GraphOut
from api.params import MAX_ID, MAX_LIST, ArticleQ, SinceQ, UntilQ
from graph.reader import read_subgraph
from schema.vocabulary import EntityType

router = APIRouter(tags=["graph"])

EdgeKind = Literal["said", "confirmed", "denied", "deployed_to", "signed"]


@router.get("/graph", response_model=GraphOut, summary="A neighbourhood or the core of the graph",
            responses=error_responses(404, 422))
def read_graph_json(
    db: DBDep,
    center: Annotated[str | None, Query(max_length=MAX_ID, description="Actor id to centre on",
                                        examples=["person:lloyd-austin"])] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops from the centre")] = 1,
    limit: Annotated[int, Query(ge=1, le=5000, description="Most nodes")] = 300,
    type: Annotated[list[EntityType] | None, Query(max_length=MAX_LIST, description="Only these node types")] = None,
    kind: Annotated[list[EdgeKind] | None, Query(max_length=MAX_LIST, description="Only these edge kinds")] = None,
    since: SinceQ = None,
    until: UntilQ = None,
    article: ArticleQ = None,
) -> GraphOut:
    """Edges are statements (speaker -> what the statement is about, labelled said / confirmed /
    denied) and relations (deployed_to, signed), each with its evidence sentence and article."""
    return GraphOut(**read_subgraph(
        db, center=center, depth=depth, limit=limit, types=[t.value for t in type] if type else None,
        kinds=list(kind) if kind else None, since=since, until=until, article=article,
    ))
