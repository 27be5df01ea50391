"""Entity-to-entity relations stated in a sentence: units DEPLOYED_TO places, parties SIGNED treaties."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from loaders.entities import DEPLOY_LEMMAS, Mention
from loaders.ids import relation_id
from loaders.nlp import sentence_span
from loaders.metadata import MONTHS, infer_date, iso_date
from schema.records import RelationRecord
from schema.vocabulary import RELATION_PATTERNS, EntityType, RelationType

SIGN_LEMMAS = {"sign", "conclude", "ratify", "ink", "seal"}
_TARGET_PREPS = {"to", "in", "into", "on", "toward", "towards"}
_MOVE_INTRANSITIVE = {"move", "arrive", "deploy"}


def extract_relations(doc: Doc, mentions: list[Mention], article_id: str, published: str | None,
                      skip: list[tuple[int, int]] | None = None) -> list[RelationRecord]:
    """DEPLOYED_TO and SIGNED relations, one per (type, source, target, sentence), in text order.

    `mentions` must be resolved. Dates are ISO only when the sentence states a full date, or a
    day and month that the publication year completes.
    """
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out: dict[str, RelationRecord] = {}
    for sent in doc.sents:
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        pairs: list[tuple[RelationType, str, str]] = []
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and lemma in DEPLOY_LEMMAS:
                pairs += [(RelationType.DEPLOYED_TO, u, p) for u, p in _deployments(token, by_token)]
            elif token.pos_ == "VERB" and lemma in SIGN_LEMMAS:
                pairs += [(RelationType.SIGNED, s, t) for s, t in _signings(token, by_token, doc)]
        date = _sentence_date(sent, published) if pairs else None
        for type_, source, target in pairs:
            rid = relation_id(article_id, type_, source, target, sent.start_char)
            sentence, start, end = sentence_span(sent)
            out.setdefault(rid, RelationRecord(
                id=rid, type=type_, source=source, target=target, sentence=sentence,
                start=start, end=end, date=date,
            ))
    return list(out.values())


def _typed(tokens, by_token: dict[int, Mention], types: frozenset[EntityType], demonyms: bool = False) -> list[Mention]:
    found: list[Mention] = []
    for t in tokens:
        m = by_token.get(t.i)
        if m is not None and m.type in types and (demonyms or not m.demonym) and m not in found:
            found.append(m)
    return found


def _deployments(verb: Token, by_token: dict[int, Mention]) -> list[tuple[str, str]]:
    """'sent 1,500 soldiers to Vladivostok', 'troops were deployed in Kursk', 'troops moved into X'."""
    sources, targets = RELATION_PATTERNS[RelationType.DEPLOYED_TO]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.lemma_.lower() in _MOVE_INTRANSITIVE:
        objects += [c for c in verb.children if c.dep_ == "nsubj"]
    units = []
    for obj in objects:
        # The unit heads the object or sits in its 'of' phrase ("a number of soldiers").
        nodes = [obj] + [c for p in obj.children if p.lower_ == "of" for c in p.children]
        for node in nodes:
            m = by_token.get(node.i)
            if m is not None and m.type in sources and m not in units:
                units.append(m)
    if not units:
        return []
    preps = [c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in _TARGET_PREPS]
    for obj in objects:  # "sent a contingent ... to X" is sometimes attached to the object
        preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}]
    places: list[Mention] = []
    for prep in preps:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _typed(pobj.subtree, by_token, targets)
            # Prefer the object itself over a place inside its modifiers ("the city of Vladivostok").
            head_hit = [m for m in found if m.covers(pobj.i)]
            if head_hit or found:
                places.append((head_hit or found)[0])
    if not places:
        places = _surface_target(verb, units, by_token, targets)
    return [(u.entity, p.entity) for u in units for p in places if u.entity and p.entity]


def _surface_target(verb: Token, units: list[Mention], by_token: dict[int, Mention], targets) -> list[Mention]:
    """Fallback when the parse misattaches 'to X': the first 'to'/'into' after the unit, within the
    verb's clause and before any other verb, followed within three tokens by a place or state."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    i = max(u.end for u in units)
    while i < end:
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.i != verb.i and tok.dep_ not in {"amod"}:
            break
        if tok.lower_ in {"to", "into"}:
            for j in range(i + 1, min(i + 4, end)):
                m = by_token.get(j)
                if m is not None and m.type in targets and not m.demonym:
                    return [m]
        i += 1
    return []


def _signings(verb: Token, by_token: dict[int, Mention], doc: Doc) -> list[tuple[str, str]]:
    """'A and B signed a defense treaty', 'met ... to sign a partnership agreement'."""
    sources, targets = RELATION_PATTERNS[RelationType.SIGNED]
    treaties = [m for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                for m in _typed(c.subtree, by_token, targets)]
    if not treaties:
        return []
    subj_verb = verb
    while not any(c.dep_ in {"nsubj", "agent"} for c in subj_verb.children) and subj_verb.dep_ in {"xcomp", "advcl", "conj"}:
        subj_verb = subj_verb.head
    subjects = [c for c in subj_verb.children if c.dep_ == "nsubj"]
    subjects += [p for c in subj_verb.children if c.dep_ == "agent" for p in c.children]
    parties: list[Mention] = []
    for subj in subjects:
        for node in [subj, *subj.conjuncts]:
            if node.lower_ == "they":
                parties += _previous_coordinated_subject(node, by_token, sources)
                continue
            # Demonyms count here: "the North Korean leader" signs for North Korea.
            parties += [m for m in _typed(node.subtree, by_token, sources, demonyms=True) if m not in parties]
    return [(p.entity, t.entity) for p in parties for t in treaties if p.entity and t.entity]


def _previous_coordinated_subject(pronoun: Token, by_token: dict[int, Mention], sources) -> list[Mention]:
    """'they' after 'A and B met ...': the coordinated subject in this or the two sentences before."""
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    for token in reversed(doc[start : pronoun.i]):
        if token.dep_ == "nsubj" and token.conjuncts:
            found = []
            for node in [token, *token.conjuncts]:
                found += _typed(node.subtree, by_token, sources, demonyms=True)
            if len(found) >= 2:
                return found
    return []


_DAY_MONTH = re.compile(r"\b(?:(?P<d1>[0-3]?\d)\s+(?P<m1>[A-Za-z]{3,9})|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>[0-3]?\d))(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")


def _sentence_date(sent: Span, published: str | None) -> str | None:
    """The first date entity of the sentence with a day and a month, as ISO, else None."""
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        match = _DAY_MONTH.search(ent.text)
        if not match:
            continue
        month = MONTHS.get((match.group("m1") or match.group("m2")).lower().rstrip("."))
        day = int(match.group("d1") or match.group("d2"))
        if month is None:
            continue
        if match.group("y"):
            return iso_date(int(match.group("y")), month, day)
        return infer_date(day, month, published)
    return None
