"""Query, path and body parameters several routes share, declared once and bounded.

Every value a client sends is bounded here (lengths, ranges, list sizes, date formats), so a
request the graph could not answer is a 422 before it reaches Neo4j, never a 500.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Path, Query
from pydantic import AfterValidator, BeforeValidator, StringConstraints

# Dates outside this range are typing mistakes, not news.
FIRST_DAY, LAST_DAY = dt.date(1800, 1, 1), dt.date(2200, 12, 31)
MAX_ID = 200  # characters of an actor or article id
MAX_TEXT = 200  # characters of a search text or outlet name
MAX_LIST = 10  # repetitions of a list parameter (kind=..&kind=..)
MAX_OFFSET = 1_000_000
MAX_OFFSET_CHARS = 100_000_000  # character offsets into an article's text


def _check_day(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("not a calendar date (YYYY-MM-DD)") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"outside {FIRST_DAY}..{LAST_DAY}")
    return day.isoformat()


def _strict_bool(value: object) -> object:
    """Only true/false: '1', 'yes' or 'on' are more likely mistakes than meant."""
    if isinstance(value, bool) or value is None:
        return value
    if value in ("true", "false"):
        return value == "true"
    raise ValueError("must be true or false")


Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_check_day)]
"""A date as YYYY-MM-DD between FIRST_DAY and LAST_DAY, kept as that string."""

Kind = Literal["said", "confirmed", "denied"]
KindsQ = Annotated[list[Kind] | None, Query(max_length=MAX_LIST,
                                            description="Only these kinds (repeatable)")]
AboutQ = Annotated[str | None, Query(max_length=MAX_ID, description="Only statements about this actor id",
                                     examples=["unit:north-korean-troops"])]
SinceQ = Annotated[Day | None, Query(description="On or after this date (YYYY-MM-DD)")]
UntilQ = Annotated[Day | None, Query(description="On or before this date (YYYY-MM-DD)")]
ArticleQ = Annotated[str | None, Query(max_length=MAX_ID, description="Only from this article id")]
DirectQ = Annotated[bool | None, BeforeValidator(_strict_bool),
                    Query(description="true: direct quotes only; false: reported speech only")]
TextQ = Annotated[str, Query(max_length=MAX_TEXT, description="Words the sentence contains")]
LimitQ = Annotated[int, Query(ge=1, le=1000)]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
ActorIdP = Annotated[str, Path(max_length=MAX_ID, description="Actor id", examples=["person:lloyd-austin"])]
ArticleIdP = Annotated[str, Path(max_length=MAX_ID, description="Article id",
                                 examples=["art-d8b006067b1b92de"])]
