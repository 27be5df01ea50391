"""Armed groups typed by their role in the article (CONVENTIONS.md: a Unit where the group fights,
an Agency where it speaks; one entity, one type per article).

A named organisation that is no state's own body ("the Borano Liberation Front", "the Zanaris", not
"the Vardanian Armed Forces" or "the Defence Ministry") is counted over all its mentions: as a fighter
when it is the subject of a fighting, control or movement verb, the object of an attack, the owner
of fighters ("fighters of X", "X rebels") or what is deployed ("the presence of X"); as a speaker
when it is the subject of a reporting or signing verb, the source of "according to" or the body
of a person who speaks for it ("a Dunmore Front official"). CONVENTIONS.md says nothing on a group that
does both; the rule types it Unit only when it fights more often than it speaks, and more than
once (one passing "X's attack" is history, not its role in the article). A tie keeps it an
Agency: only Persons, Agencies and States make statements (schema SPEAKER_TYPES), and a group's
statements are what the article quotes it for. The word lists are the armed-group lists of
loaders/data/entity_lexicon.yaml and the relation lexicon's verbs of fighting and moving."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from loaders.entities import (
    _GENERIC_ORG_WORDS, _POSSESSIVE, INSTITUTION_HEADS, ROLE_NOUNS, STATE_HEADS, Mention, state_of,
)
from loaders.entity_lexicon import entity_words
from loaders.gazetteer import load_gazetteer
from loaders.ids import slugify
from loaders.lexicon import load_reporting_lexicon
from loaders.relation_lexicon import words as relation_words
from schema.vocabulary import EntityType

_LABELS = {"ORG", "NORP", "PERSON"}


@functools.lru_cache(maxsize=1)
def load_group_lexicon() -> dict[str, frozenset[str]]:
    """The rule's word lists: the entity lexicon's, widened by the relation lexicon's, read once."""
    return {
        "group_nouns": entity_words("group_nouns"),
        "attack_nouns": entity_words("attack_nouns"),
        "fight_verbs": entity_words("fight_verbs"),
        "deploy_verbs": relation_words("deploy_verbs"),
        "fought_verbs": entity_words("fought_verbs") | relation_words("combat_event_verbs")
        | relation_words("deploy_verbs"),
        "owned_nouns": entity_words("group_nouns") | relation_words("unit_nouns") | relation_words("movement_nouns"),
        "control_of_verbs": relation_words("control_of_verbs"),
    }


def retype_armed_groups(doc: Doc, mentions: list[Mention]) -> None:
    """Type Unit, in place, every mention of each armed group that fights in `doc` more than
    once and more often than it speaks; its forms ('Zanari', 'Zanaris') become one name,
    the longest."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if _is_candidate(doc, m):
            groups.setdefault(_group_key(m.name), []).append(m)
    for group in groups.values():
        fights = speaks = 0
        for m in group:
            role = _role(doc[m.start : m.end].root)
            fights += role == "fights"
            speaks += role == "speaks"
        if fights >= 2 and fights > speaks:
            name = max((m.name for m in group), key=lambda n: (len(n), n))
            for m in group:
                m.type, m.name, m.rule = EntityType.UNIT, name, m.rule or "armed group"


def _group_key(name: str) -> str:
    # "Zanari" (as in "Zanari rebels") and "the Zanaris" are one group.
    key = slugify(re.sub(r"^the\s+", "", name, flags=re.I))
    return key[:-1] if key.endswith("s") else key


def _is_candidate(doc: Doc, m: Mention) -> bool:
    """A named organisation that is no state's body: not from the dictionary (ministries,
    alliances, the UN), not owned by a state ("Chad's Armed Forces", "Chad Defence Forces"), not
    generic words only ("the Armed Forces"), not ending in a body's noun ("Central Command")."""
    if m.type is not EntityType.AGENCY or m.label not in _LABELS or m.rule in {"dictionary", "description"}:
        return False
    words = re.sub(r"^the\s+", "", m.name, flags=re.I).split()
    # an "Army" can be a group's name ("a Popular Army"): a state's army has its owner or no name
    bodies = entity_words("body_words") | INSTITUTION_HEADS - {"army"} | STATE_HEADS
    if not words or words[-1].lower() in bodies:
        return False
    gaz = load_gazetteer()
    if any(w in _POSSESSIVE or w.endswith(("'s", "’s")) for w in words) \
            or state_of(words[0], gaz) or len(words) > 1 and state_of(" ".join(words[:2]), gaz):
        return False
    return bool(_GENERIC_ORG_WORDS.sub("", " ".join(words)).strip(" -"))


def _role(root: Token) -> str | None:
    """'fights', 'speaks' or None: what the sentence says the mention's head token does."""
    lex = load_group_lexicon()
    node = root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head  # "the TPA and its allies attacked": the first conjunct's role
    described = lex["group_nouns"] | lex["owned_nouns"] | lex["attack_nouns"] | ROLE_NOUNS
    while node.dep_ == "compound" and node.head.pos_ in {"PROPN", "NOUN"} and node.head.lower_ not in described:
        # "the Tessaly Popular Army TPA took", "mercenaries from the Vostok PMCs": the name takes the
        # role of the word it names (its acronym, its kind), not of a word that describes it
        node = node.head
    head, dep = node.head, node.dep_
    lemma = head.lemma_.lower()
    if dep == "nsubj" and head.pos_ in {"VERB", "AUX"}:
        if lemma in load_reporting_lexicon().lemmas() or lemma in relation_words("sign_verbs"):
            return "speaks"
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if lemma in lex["fight_verbs"] \
                or lemma in lex["control_of_verbs"] and any(c.lower_ == "control" for c in objects) \
                or lemma in lex["deploy_verbs"] and any(c.lower_ in lex["owned_nouns"] for c in objects):
            return "fights"  # "X seized Y", "X took control of Y", "X deployed gunmen to Y"
        return None
    if dep in {"dobj", "nsubjpass"} and lemma in lex["fought_verbs"]:
        return "fights"
    if dep == "pobj":
        prep = head
        owner = prep.head
        if prep.lower_ == "to" and owner.lower_ == "according":
            return "speaks"
        if prep.lower_ in {"on", "against"} and (owner.lower_ in lex["attack_nouns"] or owner.pos_ == "VERB"
                                                   and (owner.lemma_.lower() in lex["fight_verbs"]
                                                        or owner.head.lower_ in lex["attack_nouns"])):
            return "fights"  # "strikes on X", "fought against X", "operations initiated against X"
        if prep.lower_ in {"of", "from"} and owner.lower_ in lex["owned_nouns"] | lex["attack_nouns"]:
            return "fights"  # "fighters of X", "mercenaries from X", "the presence of X"
        return None
    if dep in {"compound", "nmod", "poss"} and head.lower_ in ROLE_NOUNS:
        return "speaks"  # "a Dunmore Front official said", "the group's spokesman"
    if dep in {"compound", "amod", "nmod", "poss"} and head.lower_ in lex["group_nouns"] | lex["owned_nouns"]:
        return "fights"  # "Zanari rebels", "Ostrava Legion fighters", "the group's deployment"
    if dep == "poss" and head.lower_ in lex["attack_nouns"] | {"attacks"}:
        # "the Zanaris' destruction" is an attack on them; "the group's offensive" is theirs: both fight.
        return "fights"
    if dep == "appos" and head.lower_ in lex["group_nouns"] or any(
            c.dep_ == "appos" and c.lower_ in lex["group_nouns"] for c in node.children):
        return "fights"  # "the rebels, the TPA, ..." / "the TPA, a paramilitary group"
    return None
