"""Character ranges to skip (blanked boilerplate, credit lines), with a fast membership test.

Rules ask "is this offset inside a skipped range?" once per token or sentence; a scan of every
range each time makes that grow with the square of the article, so `CharRanges` keeps the
ranges merged and sorted and answers by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator


class CharRanges:
    """Half-open character ranges [start, end); iterates as the (start, end) pairs it was given."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        self._given = tuple(ranges)
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(r for r in self._given if r[0] < r[1]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends = starts, ends

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._given)

    def __len__(self) -> int:
        return len(self._given)

    def covers(self, pos: int) -> bool:
        """True when some range has start <= pos < end."""
        k = bisect.bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


def covers(ranges: Iterable[tuple[int, int]] | None, pos: int) -> bool:
    """True when `pos` lies in one of `ranges` (a CharRanges answers in O(log n))."""
    if not ranges:
        return False
    if isinstance(ranges, CharRanges):
        return ranges.covers(pos)
    return any(a <= pos < b for a, b in ranges)
