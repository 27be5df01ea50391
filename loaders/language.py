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


def _foreign_words() -> frozenset[str]:
    """Function words of the other languages web pages mix into English articles."""
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    from spacy.lang.it.stop_words import STOP_WORDS as IT
    from spacy.lang.pt.stop_words import STOP_WORDS as PT

    return frozenset((DE | ES | FR | IT | PT) - STOP_WORDS)


_FOREIGN = _foreign_words()
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def is_foreign_line(line: str) -> bool:
    """True for a line written in another language: another script, or more foreign function
    words than English ones. A headline with few function words of any kind stays English."""
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) >= 10 and sum(1 for ch in letters if _LATIN.match(ch)) < 0.5 * len(letters):
        return True
    raw = _WORD.findall(line)
    if len(raw) < 3:
        return False
    english = sum(1 for w in raw if w.lower().replace("’", "'") in STOP_WORDS)
    # Function words are lower case in running text; capitalised ones are names ("Press").
    foreign = sum(1 for w in raw if w.islower() and w in _FOREIGN)
    return foreign >= 2 and foreign > 1.5 * english


def foreign_blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are clearly not English.

    English articles scraped from the web carry boilerplate in other languages (subscription
    notices, cookie banners); extraction skips these ranges.
    """
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    foreign = [is_foreign_line(line) for _, _, line in lines]
    # A short line between foreign lines ("Flecha", "¿Quieres ...?") belongs to the same block.
    for i, (_, _, line) in enumerate(lines):
        words = _WORD.findall(line)
        if foreign[i] or not words or len(words) > 3 or any(w.lower() in STOP_WORDS for w in words):
            continue
        before = next((foreign[j] for j in range(i - 1, -1, -1) if lines[j][2].strip()), False)
        after = next((foreign[j] for j in range(i + 1, len(lines)) if lines[j][2].strip()), False)
        if before and after:
            foreign[i] = True
    return [(a, b) for (a, b, _), f in zip(lines, foreign) if f]
