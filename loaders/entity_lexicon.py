"""The word lists of the entity rules, read from loaders/data/entity_lexicon.yaml."""

from __future__ import annotations

import functools

import yaml

from loaders.lexicon import DATA


@functools.lru_cache(maxsize=1)
def load_entity_lexicon() -> dict[str, frozenset[str]]:
    """Every list of entity_lexicon.yaml as a frozenset of lower-case words, read once."""
    data = yaml.safe_load((DATA / "entity_lexicon.yaml").read_text(encoding="utf-8")) or {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            # A bare yes/no/on/off is read by YAML as a boolean: quote it.
            raise ValueError(f"entity_lexicon.yaml: {key} must be a list of words (quote yes/no/on/off)")
    return {key: frozenset(w.lower() for w in words) for key, words in data.items()}


def entity_words(key: str) -> frozenset[str]:
    """One list of the lexicon; a missing key is an error, not an empty list."""
    lexicon = load_entity_lexicon()
    if key not in lexicon:
        raise KeyError(f"entity_lexicon.yaml has no list {key!r}")
    return lexicon[key]
