"""Places named only as targets of attacks: in "the strikes on Korvan, Selo and Tavrin" NER calls
unknown names organisations or people, but a list of three or more names after an attack noun's
'on' or 'against', none of them ever named otherwise in the article, is a list of places. Groups
are attacked too: a name the article also names elsewhere ("Korvan said") keeps its type, and so
do two-name lists ("strikes on Dunmore Front and Selvan Front") and lists with a plural or 'the'
("strikes on the Zanaris and their allies")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from loaders.entities import Mention
from loaders.entity_lexicon import entity_words
from loaders.ids import slugify
from schema.vocabulary import EntityType

_RETYPED = {EntityType.AGENCY, EntityType.PERSON}


def retype_attacked_sites(doc: Doc, mentions: list[Mention]) -> None:
    """Type Place, in place, the names of `mentions` that the article gives only in a list of
    attack targets ('attacks on X, Y and Z'); dictionary and rule-typed names are left alone."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(slugify(m.name), []).append(m)
    for group in by_name.values():
        if all(m.type in _RETYPED and not m.rule and m.label in {"ORG", "PERSON", "NORP"}
               and _in_target_list(doc[m.start : m.end].root, mentions) for m in group):
            for m in group:
                m.type, m.rule = EntityType.PLACE, "attack target"


def _in_target_list(root: Token, mentions: list[Mention]) -> bool:
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in {"on", "against"} \
            or prep.head.lower_ not in entity_words("attack_nouns"):
        return False
    members, todo = [], [first]
    while todo:  # "X, Y, and Z": Y hangs on X, Z on Y
        node = todo.pop()
        members.append(node)
        todo += [c for c in node.children if c.dep_ == "conj"]
    named = [t for t in members if any(m.start <= t.i < m.end for m in mentions)]
    # a plural or a 'the' makes the list one of groups ("strikes on the Zanaris and their allies")
    return len(named) >= 3 and not any(t.tag_ in {"NNS", "NNPS"} or re.match(r"(?i)the$", t.left_edge.text)
                                       for t in members)
