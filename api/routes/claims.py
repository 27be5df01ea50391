"""Quantity claims, and the timeline of who said what about an actor or topic."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import DBDep
from api.errors import error_responses
from api.models import ClaimList, EntityRef, Timeline
from api.params import MAX_ID, MAX_LIST, AboutQ, ArticleQ, KindsQ, LimitQ, OffsetQ, SinceQ, TextQ, UntilQ
from graph.reader import find_claims, find_statements, read_actor_summary

router = APIRouter(tags=["claims"])

Measure = Literal["sent", "present", "killed", "wounded", "casualties", "captured", "other"]


@router.get("/claims", response_model=ClaimList, summary="Quantity claims: troops sent, killed, wounded...",
            responses=error_responses(404, 422))
def read_claims(
    db: DBDep,
    about: AboutQ = None,
    claimed_by: Annotated[str | None, Query(max_length=MAX_ID, description="Only claims by this actor id")] = None,
    measure: Annotated[list[Measure] | None, Query(max_length=MAX_LIST, description="Only these measures")] = None,
    since: SinceQ = None,
    until: UntilQ = None,
    article: ArticleQ = None,
    q: TextQ = "",
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> ClaimList:
    """Every figure as its own sourced claim (value, what, who claims it, date), in date order;
    conflicting figures stay side by side."""
    page = find_claims(db, about=about, claimed_by=claimed_by, measures=measure, since=since,
                       until=until, article=article, text=q, limit=limit, offset=offset)
    return ClaimList(count=len(page.items), total=page.total,
        total_is_lower_bound=page.total_is_lower_bound, limit=limit, offset=offset, data=page.items)


@router.get("/timeline", response_model=Timeline, summary="Who said, confirmed or denied what, by date",
            responses=error_responses(404, 422))
def read_timeline(
    db: DBDep,
    about: AboutQ = None,
    q: TextQ = "",
    kind: KindsQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    limit: LimitQ = 500,
) -> Timeline:
    """For an actor (`about`) or a topic (`q`, words in the sentence): statements in date order
    and the quantity claims beside them."""
    ref = None
    if about is not None:
        actor = read_actor_summary(db, about)
        ref = EntityRef(id=actor["id"], name=actor["name"], type=actor["type"])
    statements = find_statements(db, about=about, kinds=kind, since=since, until=until,
                                 text=q, limit=limit).items
    claims = find_claims(db, about=about, since=since, until=until, text=q, limit=limit).items
    return Timeline(about=ref, q=q or None, statements=statements, claims=claims)
