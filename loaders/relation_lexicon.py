"""The verb and noun lexicons of the relation rules, read from loaders/data/relation_lexicon.yaml.

Each key is one word list of loaders/relations.py (deploy_verbs, unit_nouns, sign_verbs, ...);
adding "airdrop" to deploy_verbs is a one-line data change."""

from __future__ import annotations

from loaders.lexicon import load_word_lists, word_list


def load_relation_lexicon() -> dict[str, frozenset[str]]:
    """Every list of relation_lexicon.yaml as a frozenset of lower-case words, read once."""
    return load_word_lists("relation_lexicon.yaml")


def words(key: str) -> frozenset[str]:
    """One list of the lexicon; a missing key is an error, not an empty list."""
    return word_list("relation_lexicon.yaml", key)
