"""Deterministic ids: the same text or name always gives the same id, across runs and machines."""

from __future__ import annotations

import hashlib

from schema.names import slugify  # noqa: F401  (loaders import it from here)
from schema.vocabulary import EntityType, RelationType


def _short_hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def article_id(text: str) -> str:
    """'art-' plus the first 16 hex digits of the SHA-256 of the UTF-8 text."""
    return "art-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def entity_id(type_: EntityType, name: str, scope: str | None = None) -> str:
    """'<type>:<slug>', e.g. entity_id(EntityType.PERSON, 'Kim Jong Un') == 'person:kim-jong-un'.

    With `scope` (an article's scope key, see `article_scope`) the id is '<type>:<slug>~<scope>':
    an unnamed person or group ("a senior official", "US officials") is a node of its article
    only, while named entities keep one global id across articles.
    """
    key = f"{type_.value.lower()}:{slugify(name)}"
    return f"{key}~{scope}" if scope else key


def article_scope(text: str) -> str:
    """The scope key of an article's unnamed entities: 8 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def statement_id(article: str, speaker: str, start: int, verb_char_offset: int) -> str:
    """'st-' plus a hash of the article id, speaker id, sentence start and verb offset."""
    return "st-" + _short_hash(article, speaker, start, verb_char_offset)


def relation_id(article: str, type_: RelationType, source: str, target: str, start: int) -> str:
    """'rel-' plus a hash of the article id, relation type, both ends and sentence start."""
    return "rel-" + _short_hash(article, type_.value, source, target, start)
