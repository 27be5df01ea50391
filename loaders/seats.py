"""Institutions named after their building ("the White House", "the Blue House") are places in an
article that names them only as where something happens ("signed at the White House"); an article
in which the institution acts or speaks anywhere keeps it an Agency for all its mentions (one
entity, one type per article). Where: what `entities._is_locative` says of a capital ('at the White
House', 'White House, Washington'), but not 'to' or 'from' it: a letter sent to the White House is
addressed to the institution. Word list: seat_words of data/entity_lexicon.yaml."""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.entities import Mention, _is_locative
from loaders.entity_lexicon import entity_words
from loaders.ids import slugify
from schema.vocabulary import EntityType


def retype_seats(doc: Doc, mentions: list[Mention]) -> None:
    """Type Place, in place, every mention of an agency named after its building when each of its
    mentions in `doc` names a location."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type is EntityType.AGENCY and m.name.split()[-1].lower() in entity_words("seat_words"):
            groups.setdefault(slugify(m.name), []).append(m)
    for group in groups.values():
        if all(_names_where(doc, m) for m in group):
            for m in group:
                m.type, m.rule = EntityType.PLACE, "seat"


def _names_where(doc: Doc, m: Mention) -> bool:
    span = doc[m.start : m.end]
    return _is_locative(span) and not (span.root.dep_ == "pobj" and span.root.head.lower_ in {"to", "from"})
