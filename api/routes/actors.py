"""Actors (people, agencies, states, treaties, units, places) and their statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import DBDep
from api.errors import error_responses
from api.models import Actor, ActorList, ActorStatements, ActorSummary
from api.params import (
    MAX_LIST, MAX_TEXT, AboutQ, ActorIdP, ArticleQ, DirectQ, KindsQ, LimitQ, OffsetQ, SinceQ, UntilQ,
)
from graph.reader import find_actors, find_statements, read_actor, read_actor_summary
from schema.vocabulary import EntityType

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=ActorList, summary="Search actors by name or alias",
            responses=error_responses(422))
def read_actors(
    db: DBDep,
    q: Annotated[str, Query(max_length=MAX_TEXT, description="Part of a name or alias",
                            examples=["kim jong un"])] = "",
    type: Annotated[list[EntityType] | None, Query(max_length=MAX_LIST, description="Only these types")] = None,
    limit: LimitQ = 50,
    offset: OffsetQ = 0,
) -> ActorList:
    """Actors whose name or alias contains `q`, ignoring case, accents and hyphens, most vocal first."""
    page = find_actors(db, q, [t.value for t in type] if type else None, limit, offset)
    return ActorList(count=len(page.items), total=page.total,
        total_is_lower_bound=page.total_is_lower_bound, limit=limit, offset=offset, data=page.items)


@router.get("/{actor_id}", response_model=Actor, summary="One actor's profile",
            responses=error_responses(404, 422))
def read_actor_profile(db: DBDep, actor_id: ActorIdP) -> Actor:
    """Type, aliases with the articles that used them, Wikidata id, roles, statements by kind,
    and the actors it is most connected to."""
    return Actor(**read_actor(db, actor_id))


@router.get("/{actor_id}/statements", response_model=ActorStatements,
            summary="What an actor said, confirmed or denied", responses=error_responses(404, 422))
def read_actor_statements(
    db: DBDep,
    actor_id: ActorIdP,
    kind: KindsQ = None,
    about: AboutQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    article: ArticleQ = None,
    direct: DirectQ = None,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> ActorStatements:
    """The actor's statements in date order, each with quote, sentence, offsets, article title,
    outlet and date."""
    actor = read_actor_summary(db, actor_id)
    page = find_statements(db, speaker=actor_id, kinds=kind, about=about, since=since,
                           until=until, article=article, direct=direct, limit=limit, offset=offset)
    return ActorStatements(actor=ActorSummary(**actor), count=len(page.items), total=page.total,
                           total_is_lower_bound=page.total_is_lower_bound, limit=limit, offset=offset,
                           data=page.items)
