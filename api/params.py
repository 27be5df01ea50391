"""Query parameters several routes share, declared once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Query

Kind = Literal["said", "confirmed", "denied"]
KindsQ = Annotated[list[Kind] | None, Query(description="Only these kinds (repeatable)")]
AboutQ = Annotated[str | None, Query(description="Only statements about this actor id",
                                     examples=["unit:north-korean-troops"])]
SinceQ = Annotated[dt.date | None, Query(description="On or after this date (YYYY-MM-DD)")]
UntilQ = Annotated[dt.date | None, Query(description="On or before this date (YYYY-MM-DD)")]
ArticleQ = Annotated[str | None, Query(description="Only from this article id")]
DirectQ = Annotated[bool | None, Query(description="true: direct quotes only")]
TextQ = Annotated[str, Query(max_length=200, description="Words the sentence contains")]
LimitQ = Annotated[int, Query(ge=1, le=1000)]
OffsetQ = Annotated[int, Query(ge=0)]


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
