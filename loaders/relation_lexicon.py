"""The verb and noun lexicons of the relation rules, read from loaders/data/relation_lexicon.yaml.

Each key is one word list of loaders/relations.py (deploy_verbs, unit_nouns, sign_verbs, ...);
adding "airdrop" to deploy_verbs is a one-line data change."""

from __future__ import annotations

import functools

import yaml

from loaders.lexicon import DATA


@functools.lru_cache(maxsize=1)
def load_relation_lexicon() -> dict[str, frozenset[str]]:
    """Every list of relation_lexicon.yaml as a frozenset of lower-case words, read once."""
    data = yaml.safe_load((DATA / "relation_lexicon.yaml").read_text(encoding="utf-8")) or {}
    out = {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            # A bare yes/no/on/off is read by YAML as a boolean: quote it.
            raise ValueError(f"relation_lexicon.yaml: {key} must be a list of words (quote yes/no/on/off)")
        out[key] = frozenset(w.lower() for w in words)
    return out


def words(key: str) -> frozenset[str]:
    """One list of the lexicon; a missing key is an error, not an empty list."""
    lexicon = load_relation_lexicon()
    if key not in lexicon:
        raise KeyError(f"relation_lexicon.yaml has no list {key!r}")
    return lexicon[key]
