"""Is this text English? A function-word test that needs no extra model."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from schema.errors import InvalidArticle

# Running English prose has 35-55% function words among its words; Spanish, French, German and
# Russian prose scores under 12% (a few short words such as "a", "de"... "me", "no" are shared).
# The seeds score >= 0.38; the foreign paragraphs in the tests score <= 0.12.
ENGLISH_SHARE = 0.25
# Below this many words the share is noise: accept unless not one word is an English function word.
MIN_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_share(text: str) -> tuple[float, int]:
    """The share of words that are English function words, and the number of words."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in STOP_WORDS)
    return hits / len(words), len(words)


def is_english(text: str) -> bool:
    """True when the text reads as English by its function words (lenient for short texts)."""
    share, count = english_share(text)
    if count == 0:
        return False
    if count < MIN_WORDS:
        return share > 0
    return share >= ENGLISH_SHARE


def check_english(text: str, path: str) -> None:
    """Raise InvalidArticle(reason='not_english') unless the text as a whole is English."""
    share, count = english_share(text)
    if count == 0:
        raise InvalidArticle("not_english", "the text has no words", path)
    if not is_english(text):
        raise InvalidArticle(
            "not_english",
            f"only {share:.0%} of {count} words are English function words (need {ENGLISH_SHARE:.0%})",
            path,
        )


def foreign_blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of paragraphs (blank-line separated) that are clearly not English.

    English articles scraped from the web carry boilerplate in other languages (subscription
    notices, cookie banners); extraction skips these ranges.
    """
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        share, count = english_share(match.group())
        paragraphs.append((match.start(), match.end(), share, count))
    low = [share < ENGLISH_SHARE * 0.6 for _, _, share, _ in paragraphs]
    foreign = [lo and count >= 10 for lo, (_, _, _, count) in zip(low, paragraphs)]
    # A short line between foreign paragraphs ("¿Quieres ...?") belongs to the same block.
    changed = True
    while changed:
        changed = False
        for i, (lo, is_foreign) in enumerate(zip(low, foreign)):
            near = (i > 0 and foreign[i - 1]) or (i + 1 < len(foreign) and foreign[i + 1])
            if lo and not is_foreign and near and paragraphs[i][3] > 0:
                foreign[i] = changed = True
    return [(a, b) for (a, b, _, _), f in zip(paragraphs, foreign) if f]
