"""Search keys: the form in which names are matched, case-, accent- and hyphen-insensitive."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def search_key(name: str) -> str:
    """'Kim Jong-un' and 'kim jong un' both give 'kim jong un'.

    >>> search_key("Zelenskiy’s  Office")
    'zelenskiys office'
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", folded).strip()


# Runs of word characters: the full-text index's tokens (Lucene's standard tokenizer) never
# split one inside a Latin-script word, so each run of the text searched lies within one token.
_WORD_RUN = re.compile(r"\w+")
_LATIN_END = 0x024F  # past Latin Extended-B, tokens may be single characters (CJK) or differ


def fulltext_query(text: str) -> str | None:
    """The Lucene query finding, in a full-text index, every value that contains `text`.

    `text` is what the exact test looks for (a search key, or lower-cased words): each run of
    word characters in it becomes `*run*`, all required, so the index returns a superset that
    the exact `CONTAINS` then narrows. Runs hold only word characters, none of Lucene's
    operators or special characters, so user text cannot change the query's structure. Returns
    None when the index cannot narrow the search (no word, or a non-Latin script).

    >>> fulltext_query("kim jong-un")
    '*kim* AND *jong* AND *un*'
    >>> fulltext_query('x" OR (*:*)')
    '*x* AND *or*'
    >>> fulltext_query("...") is None
    True
    """
    runs = _WORD_RUN.findall(text.lower())
    if not runs or any(ord(ch) > _LATIN_END for run in runs for ch in run):
        return None
    return " AND ".join(f"*{run}*" for run in dict.fromkeys(runs))
