"""The dateline that opens a news story: the city it was filed from and the wire agency's tag.

'SEOUL, Dec. 23 (Yonhap) --', 'KYIV (Reuters) -', 'BEIJING, November 1. /TASS/.',
'Paris. December 25. INTERFAX -', 'Tehran - IRNA -', 'ANKARA' on a line of its own,
'Addis Ababa —'. The city is a Place (where the report was filed, not its state acting); the tag
is the agency the report comes from (an Agency, CONVENTIONS.md: outlets acting as sources).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Only the first lines of a story carry its dateline.
_HEAD_CHARS = 1500
_CITY = r"(?P<city>[A-Z][A-Za-z'’-]+(?:[ /-][A-Z][A-Za-z'’-]+){0,2})"
_DATE = (r"(?:[,.]?\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
         r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)(?:,?\s+\d{4})?)?")
_DASH = r"[-—–]{1,2}"
_LINE_START = r"^[ \t]*"
_PATTERNS = [
    # 'SEOUL, Nov 4 (Reuters) -', 'KYIV (AP) —'
    re.compile(_LINE_START + _CITY + _DATE + r"[.,]?\s*\((?P<tag>[A-Z][^()\n]{1,40})\)\s*" + _DASH, re.M),
    # 'BEIJING, November 1. /TASS/.'
    re.compile(_LINE_START + _CITY + _DATE + r"[.,]?\s*/(?P<tag>[A-Z][\w .-]{1,30})/", re.M),
    # 'Paris. December 25. INTERFAX -', 'Tehran - IRNA -': a tag in capitals between separators
    re.compile(_LINE_START + _CITY + _DATE + r"(?:[.,]|\s+" + _DASH + r")\s*(?P<tag>[A-Z]{2,}(?:[ -][A-Z]{2,})?)\s+"
               + _DASH + r"\s", re.M),
]
# A city with no tag: 'BEIJING —', 'Addis Ababa —', 'KHARTOUM, Oct 3 -', 'ANKARA' alone on its line.
_CITY_ONLY = re.compile(_LINE_START + _CITY + _DATE + r"(?:[.,]?\s*" + _DASH + r"\s|[ \t]*$)", re.M)


@dataclass(frozen=True)
class Dateline:
    """Character spans of the dateline's city and tag (None when absent)."""

    city: tuple[int, int] | None
    tag: tuple[int, int] | None


def find_dateline(text: str) -> Dateline | None:
    """The story's dateline in the first lines of `text`, or None.

    A city alone on its line must be written in capitals ('ANKARA'), since a title-case word on
    its own line is as often a heading."""
    head = text[:_HEAD_CHARS]
    best = None
    for pattern in _PATTERNS:
        match = pattern.search(head)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    if best is not None:
        return Dateline(best.span("city"), best.span("tag"))
    for match in _CITY_ONLY.finditer(head):
        city = match.group("city")
        alone = not head[match.end("city"):match.end()].strip()
        if alone and not (city.isupper() and len(city) >= 4):
            continue
        return Dateline(match.span("city"), None)
    return None
