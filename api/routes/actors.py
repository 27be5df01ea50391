"""Actors (people, agencies, states, ...) and their statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import DBDep
from api.models import Actor, ActorList, ActorStatements, ActorSummary
from graph.reader import find_actors, read_actor, read_actor_statements
from schema.vocabulary import EntityType

router = APIRouter(prefix="/actors", tags=["actors"])

ActorId = Annotated[str, Path(description="Actor id", examples=["person:lloyd-austin"])]


@router.get("", response_model=ActorList, summary="Search actors by name or alias")
def read_actors(
    db: DBDep,
    q: Annotated[str, Query(max_length=200, description="Part of a name or alias")] = "",
    type: Annotated[list[EntityType] | None, Query(description="Only these types")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ActorList:
    """Actors whose name or alias contains `q`, ignoring case, accents and hyphens."""
    rows = find_actors(db, q, [t.value for t in type] if type else None, limit, offset)
    return ActorList(count=len(rows), data=rows)


@router.get("/{actor_id}", response_model=Actor, summary="One actor's profile")
def read_actor_profile(db: DBDep, actor_id: ActorId) -> Actor:
    return Actor(**read_actor(db, actor_id))


@router.get("/{actor_id}/statements", response_model=ActorStatements,
            summary="What an actor said, confirmed or denied")
def read_actor_statement_list(
    db: DBDep,
    actor_id: ActorId,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ActorStatements:
    """The actor's statements in date order, each with its sentence, offsets and article."""
    actor = read_actor(db, actor_id)
    rows = read_actor_statements(db, actor_id, limit, offset)
    data = [{**row["statement"], "about": row["about"], "article": row["article"]} for row in rows]
    return ActorStatements(actor=ActorSummary(**actor), count=len(data), data=data)
