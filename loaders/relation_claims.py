"""Who a relation's sentence says reports it, and whether the article declines to vouch for it.

The claimant (RelationRecord.claimed_by) is found, most precise first:
1. the speaker of a statement whose reporting verb governs the relation's word ("Seoul said that
   troops were sent to X", "..., the Pentagon said": the verb is one of the word's heads);
2. the speaker of an "according to" statement in the sentence, else the speaker-type entity
   right after "according to" ("According to the Pentagon, troops are in X");
3. the owner of a claim noun the relation hangs from ("Seoul's claims that troops are in X");
4. the one speaker of every statement in the sentence ("Troops are in X, the ministry said",
   parsed with "said" as a side clause), leaving out acts inside the relation's own arguments
   ("signed an accord described by the UN as ..."); with two different speakers it is left
   unset, never guessed.

A relation is hedged when a hedge adverb (hedges.yaml: "reportedly", "allegedly") sits on its
word, inside its phrase or on one of its heads; when a hedge adjective ("alleged", "unconfirmed",
"reported") modifies one of those; when its clause hangs from an unowned report noun ("reports
that troops are in X", "reports say troops are in X"); or when the sentence, or the one after it, says the report could not be
verified.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

import yaml
from spacy.tokens import Span, Token

from loaders.entities import Mention
from loaders.lexicon import DATA, load_reporting_lexicon
from schema.records import StatementRecord
from schema.vocabulary import SPEAKER_TYPES

# Nouns that carry a claim of their owner: "Seoul's claims that ...", "Kyiv's assessment that ...".
_CLAIM_NOUNS = {"claim", "claims", "assessment", "assessments", "estimate", "estimates", "report", "reports",
                "allegation", "allegations", "accusation", "accusations", "statement", "intelligence", "finding",
                "findings", "assertion", "assertions"}
_ACCORDING = re.compile(r"\baccording to\b", re.I)


@dataclass(frozen=True)
class RelationHedges:
    """The hedge lexicon of the relation rules: adverbs (shared), adjectives, report nouns, and
    phrases saying a report was not verified."""

    adverbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]
    unverified: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_relation_hedges() -> RelationHedges:
    """The lexicon, read once from loaders/data/relation_hedges.yaml and hedges.yaml."""
    data = yaml.safe_load((DATA / "relation_hedges.yaml").read_text(encoding="utf-8")) or {}
    return RelationHedges(
        adverbs=load_reporting_lexicon().hedges,
        adjectives=frozenset(data.get("adjectives", ())),
        nouns=frozenset(data.get("nouns", ())),
        unverified=tuple(data.get("unverified", ())),
    )


def _chain(word: Token) -> list[Token]:
    """The word and its heads up to the sentence root."""
    out = [word]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def find_claimant(word: Token, statements: list[StatementRecord],
                  mention: Callable[[int], Mention | None]) -> str | None:
    """The entity id of who the sentence of `word` (the relation's verb or noun) says reports the
    relation, or None. `statements` are the article's; `mention` maps a token index to its
    resolved mention."""
    sent = word.sent
    here = [s for s in statements if s.start <= sent.start_char < s.end or sent.start_char <= s.start < sent.end_char]
    # "has not confirmed that troops are in X": who does not say it does not claim it.
    here = [s for s in here if not {"not", "n't", "never"} & set((s.cue or "").lower().split())]
    chain = _chain(word)
    # 1. A reporting verb among the word's heads, matched to its statement by lemma and cue words.
    for head in chain[1:]:
        lemma = head.lemma_.lower()
        found = [s for s in here if s.verb.lower() == lemma and head.text in (s.cue or "").split()]
        if found and negated(head):
            here = [s for s in here if s not in found]  # "has not confirmed or denied that ..."
        elif found:
            return found[0].speaker
    # 2. "according to X".
    found = [s for s in here if (s.cue or "").lower() == "according to"]
    if found:
        return found[0].speaker
    for match in _ACCORDING.finditer(sent.text):
        char = sent.start_char + match.end()
        for token in sent:
            if token.idx < char:
                continue
            m = mention(token.i)
            if m is not None and m.entity and m.type in SPEAKER_TYPES and not m.demonym:
                return m.entity
            if token.is_punct and token.text in {",", ";", "."}:
                break
    # 3. The owner of a claim noun the word hangs from.
    for head in chain[1:]:
        if head.pos_ in {"NOUN", "PROPN"} and head.lower_ in _CLAIM_NOUNS:
            for child in head.children:
                m = mention(child.i)
                if child.dep_ == "poss" and m is not None and m.entity and m.type in SPEAKER_TYPES:
                    return m.entity
    # 4. The one speaker of the sentence, leaving out acts told inside one of the relation's own
    # phrases ("signed an accord described by the UN as ...").
    speakers = {s.speaker for s in here if not _inside_argument(s, word)}
    return speakers.pop() if len(speakers) == 1 else None


def _inside_argument(statement: StatementRecord, word: Token) -> bool:
    """Whether the statement's reporting verb modifies a noun below `word` (a relative or
    participle clause on one of its arguments) rather than reporting the clause."""
    for tok in word.subtree:
        if tok.i == word.i or tok.lemma_.lower() != statement.verb.lower() or tok.text not in (statement.cue or "").split():
            continue
        node = tok
        while node.i != word.i:
            if node.dep_ in {"acl", "relcl", "appos"} or node.i != tok.i and node.pos_ in {"NOUN", "PROPN"}:
                return True
            node = node.head
    return False


def negated(verb: Token) -> bool:
    """A verb negated itself or through the verb it is coordinated with ('did not confirm or deny',
    'neither confirmed nor denied')."""
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    # "has neither confirmed nor denied": the pair is negated by its conjunctions.
    return any(c.dep_ == "neg" or c.dep_ in {"preconj", "cc"} and c.lower_ in {"neither", "nor"}
               for v in verbs for c in v.children)


def is_hedged(word: Token, next_sentence: Span | None = None) -> bool:
    """Whether the article declines to vouch for the relation stated by `word` (see the module
    docstring). `next_sentence` is the sentence after the relation's, if any."""
    hedges = load_relation_hedges()
    chain = _chain(word)
    near = set(_own_clause(word)) | {c for h in chain for c in h.children}
    # "Unconfirmed reports say that troops are in X": the subject of a verb the word hangs from.
    subjects = [c for h in chain[1:] for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}]
    near |= {t for c in subjects for t in c.subtree}
    for tok in near:
        low = tok.lower_
        if low in hedges.adverbs:
            return True
        if low in hedges.adjectives and tok.dep_ in {"amod", "advmod", "acomp"}:
            return True
    # "reports that ...", "rumours of ..." with no owner; as a subject only when bare ("reports
    # say ..."): "the report said" cites a document.
    for head in chain[1:] + [s for s in subjects if not any(c.dep_ == "det" for c in s.children)]:
        if head.pos_ in {"NOUN", "PROPN"} and head.lower_ in hedges.nouns \
                and not any(c.dep_ in {"poss", "compound"} for c in head.children):
            return True
    return _unverified(word.sent, hedges) or (next_sentence is not None and _unverified(next_sentence, hedges))


# Clauses beside the relation's own: a hedge inside them is about something else ("troops arrived
# in X, while officials reportedly met in Y").
_SIDE_CLAUSES = {"advcl", "conj", "parataxis", "relcl", "ccomp"}


def _own_clause(word: Token) -> list[Token]:
    """The word's phrase without the side clauses hanging from it."""
    out, todo = [], [word]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if not (c.dep_ in _SIDE_CLAUSES and c.pos_ in {"VERB", "AUX"})]
    return out


def _unverified(sent: Span, hedges: RelationHedges) -> bool:
    text = " " + re.sub(r"\s+", " ", sent.text.lower().replace("n't", " not").replace("’", "'")) + " "
    return any(f" {phrase} " in text or f" {phrase}." in text or f" {phrase}," in text for phrase in hedges.unverified)
