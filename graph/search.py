"""Search keys: the form in which names are matched, case-, accent- and hyphen-insensitive."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def search_key(name: str) -> str:
    """'Kim Jong-un' and 'kim jong un' both give 'kim jong un'.

    >>> search_key("Zelenskiy’s  Office")
    'zelenskiy s office'
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", folded).strip()
