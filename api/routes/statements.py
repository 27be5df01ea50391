"""Statements across all speakers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import DBDep
from api.errors import error_responses
from api.models import StatementList
from api.params import MAX_ID, AboutQ, ArticleQ, DirectQ, KindsQ, LimitQ, OffsetQ, SinceQ, TextQ, UntilQ
from graph.reader import find_statements

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get("", response_model=StatementList, summary="Statements by any speaker, filtered",
            responses=error_responses(404, 422))
def read_statements(
    db: DBDep,
    speaker: Annotated[str | None, Query(max_length=MAX_ID, description="Only by this actor id")] = None,
    kind: KindsQ = None,
    about: AboutQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    article: ArticleQ = None,
    direct: DirectQ = None,
    q: TextQ = "",
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> StatementList:
    """E.g. every denial about an actor: `?kind=denied&about=<actor id>`. Date order."""
    page = find_statements(db, speaker=speaker, kinds=kind, about=about, since=since,
                           until=until, article=article, direct=direct, text=q, limit=limit,
                           offset=offset)
    return StatementList(count=len(page.items), total=page.total,
        total_is_lower_bound=page.total_is_lower_bound, limit=limit, offset=offset, data=page.items)
