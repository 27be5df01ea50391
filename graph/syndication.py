"""Syndicated copies: the same wire story on several sites, told apart from stories that only
share a topic or a quote. Pure functions of the text; the writer keeps one report per story.

An article body becomes word 5-gram shingles; their MinHash signature (NUM_HASHES values)
estimates the Jaccard similarity of two bodies' shingle sets as the fraction of equal values.
Locality-sensitive hashing cuts the signature into BANDS bands of ROWS values: two bodies that
share one band key are candidates, so a new article finds its possible reports by BANDS index
lookups instead of comparing with every article.
"""

from __future__ import annotations

import re
from hashlib import blake2b

import numpy as np

SHINGLE_WORDS = 5
NUM_HASHES = 64
BANDS, ROWS = 16, 4
# Below this many words a body gets no signature and is never a copy: a brief of a few lines
# has so few shingles that one shared quote or dateline makes two different stories look alike.
MIN_WORDS = 50
# Copies of a wire story re-headlined, trimmed or padded with a site's boilerplate keep well
# over half their 5-gram shingles; two stories on one topic quoting the same sentence share a
# handful. With 16 bands of 4 rows a pair at similarity 0.5 becomes a candidate 64% of the time,
# at 0.7 (a typical lightly edited copy) 99%: borderline copies may be kept as reports.
COPY_THRESHOLD = 0.5

# What an Appearance (a copy kept under its report) records of the copy's own article.
APPEARANCE_FIELDS = ("path", "url", "source", "title", "published")

_PRIME = (1 << 31) - 1  # a*h + b < 2**63 for 31-bit a, b and 32-bit h: no uint64 overflow


def _constants(tag: str) -> np.ndarray:
    # Fixed per position, derived from the position's name: signatures stay comparable across
    # runs, machines and numpy versions (a seeded numpy generator promises none of that).
    return np.array([int.from_bytes(blake2b(f"{tag}{i}".encode(), digest_size=8).digest(), "big")
                     % (_PRIME - 1) + 1 for i in range(NUM_HASHES)], dtype=np.uint64)


_A, _B = _constants("a")[:, None], _constants("b")[:, None]

# Lines a page wraps a story in: metadata headers ("source: ...") before the body.
_HEADER = re.compile(r"^\s*[A-Za-z][\w -]{0,30}:\s*\S*\s*$|^\s*(source|published|url|title|date|by)\s*:", re.I)
_WORD = re.compile(r"[^\W_]+")


def body_words(text: str) -> list[str]:
    """The body's words, lower-cased, punctuation dropped, after the leading metadata lines
    (`source: ...`, `published: ...`) and blank lines a page puts before the story."""
    lines = text.splitlines()
    start = 0
    while start < len(lines) and (not lines[start].strip() or _HEADER.match(lines[start])):
        start += 1
    return _WORD.findall("\n".join(lines[start:]).lower())


def signature(text: str) -> list[int] | None:
    """The MinHash signature of `text`'s body: NUM_HASHES ints, or None for a body shorter than
    MIN_WORDS words (never a copy of anything)."""
    words = body_words(text)
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = np.fromiter((int.from_bytes(blake2b(s.encode(), digest_size=4).digest(), "big")
                          for s in shingles), dtype=np.uint64, count=len(shingles))
    return ((_A * hashes + _B) % _PRIME).min(axis=1).tolist()


def band_keys(sig: list[int] | None) -> list[str]:
    """The LSH band keys of a signature, "b<band>:<hex digest of its ROWS values>" (none for no
    signature)."""
    if sig is None:
        return []
    return [f"b{i}:" + blake2b(",".join(map(str, sig[i * ROWS:(i + 1) * ROWS])).encode(),
                                 digest_size=8).hexdigest()
            for i in range(BANDS)]


def similarity(sig_a: list[int] | None, sig_b: list[int] | None) -> float:
    """The estimated Jaccard similarity of two bodies: the fraction of equal signature values
    (0.0 when either has no signature)."""
    if not sig_a or not sig_b or len(sig_a) != len(sig_b):
        return 0.0
    return sum(a == b for a, b in zip(sig_a, sig_b)) / len(sig_a)


def is_copy(sig_a: list[int] | None, sig_b: list[int] | None) -> bool:
    """Whether two bodies are copies of one story (similarity >= COPY_THRESHOLD)."""
    return similarity(sig_a, sig_b) >= COPY_THRESHOLD


def best_report(sig: list[int] | None, candidates: list[tuple[str, list[int] | None]]) -> str | None:
    """The id of the report `sig` is a copy of among `candidates` (id, signature): the most
    similar at COPY_THRESHOLD or more, ties broken by the smallest id; None when none is."""
    scored = sorted((-similarity(sig, other), report_id) for report_id, other in candidates)
    return scored[0][1] if scored and -scored[0][0] >= COPY_THRESHOLD else None
