"""The kind of a reporting act (CONVENTIONS.md): confirmed, denied or said after negation and
hedging; labels that call a claim false deny; rejecting a proposal is said; "said there is
evidence" confirms; first-person quotes set a neutral verb's kind; and whether the act is hedged."""

from __future__ import annotations

from spacy.tokens import Span, Token

from loaders.statement_context import (
    CONFIRM_LEMMAS,
    DENY_LEMMAS,
    _CLAIM_NOUNS,
    _Context,
    _EVIDENCE,
    _FALSITY,
    _HEDGE_ADVERBS,
    _HEDGE_HEADS,
    _HEDGE_MODALS,
    _LABEL_LEMMAS,
    _LEXICON,
    _PROPOSAL_NOUNS,
    _QUOTE_KIND,
    _SOFT_DENY,
    _act_key,
    _claim_object,
    _inside_quote,
)
from schema.vocabulary import StatementKind


def _kind(verb: Token) -> tuple[StatementKind, list[Token]]:
    """The statement kind after negation and hedging, and the cue words (auxiliaries, negation, verb)."""
    lemma = verb.lemma_.lower()
    key = _act_key(verb) or lemma
    cue = [verb] + [c for c in verb.children if c.dep_ in {"neg", "aux", "auxpass", "prt"}]
    if lemma in _LABEL_LEMMAS and _calls_false(verb) and not _negated_or_hedged(verb):
        return StatementKind.DENIED, cue
    if lemma == "accuse" and _accuses_of_falsity(verb) and not _negated_or_hedged(verb):
        return StatementKind.DENIED, cue
    kind = _LEXICON.kind_of(key) or StatementKind.SAID
    if _negated_or_hedged(verb):
        return StatementKind.SAID, cue
    if kind is StatementKind.SAID and key in _QUOTE_KIND and any(
            c.dep_ == "ccomp" and _quote_calls_claim_false(c) for c in verb.children):
        return StatementKind.DENIED, cue  # "said the reports were baseless"
    if kind is StatementKind.DENIED and lemma in _SOFT_DENY and _rejects_proposal(verb):
        return StatementKind.SAID, cue  # "rejected a proposal to ...": rejecting a proposal is said
    return kind, cue


def _rejects_proposal(verb: Token) -> bool:
    """'rejected a proposal to open the border', "dismissed Peru's demand": the object is a proposal."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _PROPOSAL_NOUNS for c in verb.children)


_VERDICT_SUBJECTS = {"he", "she", "it", "they", "we", "i"}


def _own_verdict(verb: Token, ctx: _Context) -> Token | None:
    """The confirm/deny verb a say-type verb reports of its own speaker: 'said it could not confirm
    the reports', 'said he could confirm that ...' (pronoun subject, in the reported clause)."""
    if verb.lemma_.lower() not in _QUOTE_KIND or _inside_quote(verb, ctx):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() in CONFIRM_LEMMAS | DENY_LEMMAS and not _inside_quote(c, ctx) and any(
                g.dep_ == "nsubj" and g.lower_ in _VERDICT_SUBJECTS for g in c.children):
            return c
    return None


def _quoted_kind(ctx: _Context, sent: Span) -> StatementKind | None:
    """The kind a first-person quote in the sentence states: '"We officially refute the allegations,"'
    denies, '"We confirm the arrival of 500 fighters,"' confirms; None for any other quote."""
    spans = [(a, b) for a, b in ctx.quotes if a < sent.end_char and b > sent.start_char]
    for t in sent:
        if t.pos_ != "VERB" or not any(a < t.idx < b for a, b in spans) or not any(
                c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in t.children):
            continue
        if t.head.i != t.i and _inside_quote(t.head, ctx) and not _opens_quote(t, spans):
            continue  # not the quote's main verb
        kind = _LEXICON.kind_of(t.lemma_.lower())
        if kind in {StatementKind.CONFIRMED, StatementKind.DENIED} and not _negated_or_hedged(t) and (
                t.lemma_.lower() not in _SOFT_DENY or _claim_object(t) is not None
                or any(c.dep_ == "ccomp" for c in t.children)):
            return kind
    if any(_quote_calls_claim_false(t) for t in sent if any(a < t.idx < b for a, b in spans)):
        return StatementKind.DENIED
    return None


# Subjects that point back at a claim ('"This is not true"') and the words a negation turns false.
_POINTERS = {"this", "that", "these", "those", "it"}
_TRUTH_WORDS = {"true", "correct", "accurate"}


def _asserts_evidence(verb: Token) -> bool:
    """'said it has evidence that ...', 'assured there is proof': the reported clause asserts
    evidence (not 'no evidence', not 'does not have evidence', not 'may have')."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in {"have", "be"}):
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _HEDGE_MODALS for c in clause.children):
            continue
        if clause.lemma_.lower() == "be" and not any(c.dep_ == "expl" for c in clause.children):
            continue
        nouns = [c for c in clause.children if c.dep_ in {"dobj", "attr", "nsubj"} and c.lemma_.lower() in _EVIDENCE]
        if any(not any(d.lower_ in {"no", "little", "any"} for d in n.children) for n in nouns):
            return True
    return False


def _opens_quote(verb: Token, spans: list[tuple[int, int]]) -> bool:
    """Whether `verb` is the first verb of the quote holding it: its main verb, even where the
    parser hangs it on a later one ('"We refute these reports, no soldiers are here"')."""
    a = next((a for a, b in spans if a < verb.idx < b), None)
    return a is not None and not any(
        t.pos_ in {"VERB", "AUX"} and a < t.idx for t in verb.doc[verb.sent.start : verb.i])


def _quote_calls_claim_false(token: Token) -> bool:
    """'"The reports are nothing but propaganda,"', '"These claims are false,"', '"This is not
    true,"': a quoted copula whose subject is a claim and whose complement calls it false, or whose
    subject points back at a claim and is negated true (CONVENTIONS.md: denied)."""
    if token.lemma_.lower() != "be" or token.pos_ not in {"AUX", "VERB"}:
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    complements = [t for c in token.children if c.dep_ in {"attr", "acomp"} for t in c.subtree]
    if any(c.dep_ == "neg" for c in token.children) or any(
            c.dep_ == "acomp" and any(n.dep_ == "neg" for n in c.children) for c in token.children):
        # Only "not true" and its like: "this is not easy" rejects nothing.
        return any(c.lemma_.lower() in _CLAIM_NOUNS or c.lower_ in _POINTERS for c in subjects) and any(
            t.dep_ == "acomp" and t.lower_ in _TRUTH_WORDS for t in complements)
    return any(c.lemma_.lower() in _CLAIM_NOUNS for c in subjects) and any(
        t.lemma_.lower() in _FALSITY or t.lower_ in _FALSITY for t in complements)


def _accuses_of_falsity(verb: Token) -> bool:
    """'accused Kyiv of disinformation', 'accused the West of spreading lies': calling the other
    side's account false denies it."""
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return any(t.lemma_.lower() in _FALSITY or t.lower_ in _FALSITY
               for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree)


def _calls_false(verb: Token) -> bool:
    """'described the reports as "another fabrication"', 'called the claims baseless'."""
    if any(c.dep_ == "dobj" and (c.lemma_.lower() in _FALSITY or c.lower_ in _FALSITY) and any(
            d.dep_ == "compound" and d.lemma_.lower() in _CLAIM_NOUNS for d in c.children) for c in verb.children):
        return True  # "called the report propaganda", the parser making 'report' a compound of the label
    if _claim_object(verb) is None and not any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"it", "this", "that", "them", "these", "those"}
            for c in verb.children):
        return False
    complements = [t for c in verb.children if c.dep_ in {"prep", "oprd", "acomp", "xcomp"}
                   or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                   for t in c.subtree]
    claim = _claim_object(verb)
    if claim is not None:
        # "denounced the letter to the UN as a charade": the parser may hang 'as' on the claim.
        complements += [t for c in claim.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
        # 'called the reports "fabricated"', 'called the reports that troops had crossed "pure
        # propaganda"': or a quoted label hung inside the claim's own phrase.
        complements += [x for t in claim.subtree if t.i > claim.i and t.dep_ in {"acl", "oprd", "dobj", "amod", "attr"}
                        and any(p.is_quote for p in t.children) for x in t.subtree]
    return any(t.lemma_.lower() in _FALSITY or t.lower_ in _FALSITY for t in complements)


def _negated_or_hedged(verb: Token) -> bool:
    """'did not confirm', 'cannot confirm', 'neither confirmed nor denied', 'would deny', 'if confirmed',
    'not in a position to confirm', 'refused to confirm'."""
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in {"neither", "nor", "never", "if", "whether"}:
            return True
        if c.dep_ == "aux" and c.lower_ in _HEDGE_MODALS and not (
                c.lower_ == "could" and verb.lemma_.lower() in CONFIRM_LEMMAS and _reported_by_say(verb)):
            return True
        if c.dep_ == "aux" and c.lower_ == "to":
            return True  # an infinitive ("working to confirm") states no confirmation
    if verb.dep_ == "conj" and any(c.lower_ in {"neither", "nor"} for c in verb.head.children):
        return True
    node = verb
    for _ in range(4):
        if node.dep_ not in {"xcomp", "acl", "pobj", "prep", "pcomp", "advcl", "acomp", "relcl"} or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in _HEDGE_HEADS or any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def _reported_by_say(verb: Token) -> bool:
    """'said he could confirm': 'could' is the reported form of 'can', an ability, not a hedge."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _QUOTE_KIND and not any(
        c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in verb.children)


def _hedged(token: Token, clause: Token) -> bool:
    """'reportedly said', 'allegedly told', 'is said to have warned': the article does not vouch."""
    for t in (token, clause):
        if any(c.lower_ in _HEDGE_ADVERBS for c in t.children):
            return True
    # "X is reported to have said": a passive reporting verb whose complement is the act.
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_.lower() in {"say", "report", "believe", "understand"} and any(
        c.dep_ == "auxpass" for c in head.children)
