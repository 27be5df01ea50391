"""The word lists of the entity rules, read from loaders/data/entity_lexicon.yaml (site words, ship
nouns, armed-group nouns and verbs, ...): adding a word is a one-line data change."""

from __future__ import annotations

from loaders.lexicon import load_word_lists, word_list


def load_entity_lexicon() -> dict[str, frozenset[str]]:
    """Every list of entity_lexicon.yaml as a frozenset of lower-case words, read once."""
    return load_word_lists("entity_lexicon.yaml")


def entity_words(key: str) -> frozenset[str]:
    """One list of the lexicon; a missing key is an error, not an empty list."""
    return word_list("entity_lexicon.yaml", key)
