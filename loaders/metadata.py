"""Publication date and title found in the first lines of an article, when the container lacks them.

Conservative on purpose: wrong metadata is worse than none, so only explicit, well-formed dates
near the top count, and a title is taken only from a headline-shaped first line.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml

from loaders.ids import slugify

# How far into the text a dateline or publication date may sit.
_HEAD_CHARS = 400

MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # Spanish (agency copy translated from Spanish keeps Spanish datelines)
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}
_MONTH = r"(?P<month>[A-Za-z]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_DATE_PATTERNS = [
    re.compile(r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"\b" + _DAY + r"\s+de\s+" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR + r"\b"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
]
# Agency dateline without a year: "MADRID 24 Oct. () -", "WASHINGTON, Oct 24 (Reuters) -".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{2,30},?\s+(?:" + _DAY + r"\s+" + _MONTH + r"|" + _MONTH.replace("month", "month2")
    + r"\s+" + _DAY.replace("day", "day2") + r")\.?\s*\([^)\n]{0,40}\)\s*[-–—]",
    re.MULTILINE,
)


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def iso_date(year: int, month: int | None, day: int) -> str | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_published(text: str) -> str | None:
    """The first well-formed full date near the top of the text, as 'YYYY-MM-DD', else None.

    >>> find_published("date 2024-10-19 Published by ...")
    '2024-10-19'
    >>> find_published("Published by X Verified by 30 de octubre, 2024")
    '2024-10-30'
    """
    head = text[:_HEAD_CHARS]
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(head):
            if not _is_publication_line(head, match.start()):
                continue
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else _month_number(groups["month"])
            iso = iso_date(int(groups["year"]), month, int(groups["day"]))
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
            if iso:
                break
    return best[1] if best else None


# A date is a publication date only on a line that says so or on a short line of its own;
# a date inside prose (a caption, "on Wednesday, June 19, 2024") is an event date.
_PUBLICATION_CUE = re.compile(r"\b(?:date|dated|published|updated|posted|verified|by)\b", re.IGNORECASE)
_SHORT_DATE_LINE = 40


def _is_publication_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) <= _SHORT_DATE_LINE or bool(_PUBLICATION_CUE.search(line))


def find_dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of an agency dateline without a year at the top, e.g. 'MADRID 24 Oct. () -'."""
    match = _DATELINE.search(text[:_HEAD_CHARS])
    if not match:
        return None
    groups = match.groupdict()
    month = _month_number(groups.get("month") or groups.get("month2") or "")
    day = groups.get("day") or groups.get("day2")
    if month is None or day is None:
        return None
    return month, int(day)


# Lines that are page furniture, not headlines.
_BOILERPLATE = re.compile(
    r"^(?:_+|[-=*#]+|follow|share|subscribe|sign up|advertisement|published|updated|by |photo|"
    r"image|video|listen|read more|more information|home|menu|date\b)",
    re.IGNORECASE,
)


def find_title(text: str) -> str | None:
    """The first headline-shaped line (3-20 words, capitalised, no final period), else None.

    Only the first few non-blank lines are considered; a first line that reads like a sentence
    of the body means the article has no headline in its text.
    """
    seen = 0
    for raw in text.splitlines():
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if _BOILERPLATE.match(line) or find_dateline(line + " ") or _DATE_PATTERNS[0].search(line):
            continue
        seen += 1
        if seen > 3:
            return None
        words = line.split()
        if not 3 <= len(words) <= 20 or not line[0].isupper():
            continue
        if line.endswith((".", ":", ",", ";")) or line.count(". ") > 0:
            return None
        return line
    return None


def infer_date(day: int, month: int, published: str | None) -> str | None:
    """ISO date for a day and month stated in the text, using the publication year when known.

    A month after the publication month belongs to the previous year (news reports the past).
    """
    if not published:
        return None
    year, pub_month = int(published[:4]), int(published[5:7])
    if month > pub_month:
        year -= 1
    return iso_date(year, month, day)


@lru_cache(maxsize=1)
def _outlet_forms() -> list[tuple[str, str]]:
    """(form, canonical outlet name), longest form first so 'EL PAÍS USA' beats 'EL'."""
    data = yaml.safe_load((Path(__file__).parent / "data" / "outlets.yaml").read_text(encoding="utf-8"))
    forms = [(form, name) for name, variants in data.items() for form in {name, *variants}]
    return sorted(forms, key=lambda pair: -len(pair[0]))


def is_outlet(name: str) -> bool:
    """Whether `name` is one of the forms a known news outlet signs with (case, accents and
    punctuation aside)."""
    wanted = slugify(name)
    return any(slugify(form) == wanted for form, _ in _outlet_forms())


def find_source(text: str, furniture: list[str] = ()) -> str | None:
    """The outlet: from a dateline credit near the top ('SEOUL, Nov 4 (Reuters) -'), else from
    page-furniture lines ('... coverage from EL PAÍS USA Edition'). None when neither names one."""
    head = text[:_HEAD_CHARS]
    for match in re.finditer(r"\(([^()\n]{2,40})\)\s*[-–—]", head):
        outlet = _outlet_in(match.group(1))
        if outlet:
            return outlet
    for match in re.finditer(r"^[^\n]{0,60}?[-–—]\s*([A-Z][\w .]{1,30})\s*$", head, re.M):
        outlet = _outlet_in(match.group(1), whole=True)
        if outlet:
            return outlet
    for line in furniture:
        outlet = _outlet_in(line)
        if outlet:
            return outlet
    return None


def _outlet_in(fragment: str, whole: bool = False) -> str | None:
    for form, name in _outlet_forms():
        if whole and fragment.strip() != form:
            continue
        if re.search(r"(?<![\w])" + re.escape(form) + r"(?![\w])", fragment):
            return name
    return None
