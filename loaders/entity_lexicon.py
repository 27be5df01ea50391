"""The word lists of the entity rules, read from loaders/data/entity_lexicon.yaml."""

from __future__ import annotations

import functools

import yaml

from loaders.lexicon import DATA


@functools.lru_cache(maxsize=1)
def load_entity_lexicon() -> dict[str, frozenset[str]]:
    """Every list of entity_lexicon.yaml as a frozenset of lower-case words, read once."""
    data = yaml.safe_load((DATA / "entity_lexicon.yaml").read_text(encoding="utf-8")) or {}
    return {key: frozenset(str(w).lower() for w in value) for key, value in data.items()}


def entity_words(key: str) -> frozenset[str]:
    """One list of the lexicon; a missing key is an error (KeyError), not an empty list."""
    return load_entity_lexicon()[key]
