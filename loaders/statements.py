"""Reported statements: who said, confirmed or denied what, sentence by sentence.

A statement is a reporting verb (by lemma) or 'according to X', with a speaker that resolves
to a Person, Agency or State. Negated or hedged confirmations and denials ('cannot confirm',
'did not deny', 'not in a position to confirm') are kind `said`, never confirmed/denied.

Speaker heuristics (documented because they are guesses):
- 'he'/'she', and a definite role noun without a name ('the Pentagon official'), refer to the
  most recent person who made a statement, else the most recently mentioned person;
- a bare institution noun ('the ministry', 'the department', 'this military command') refers to
  the most recent agency mentioned in the five sentences before whose name shares a word with
  it, else the most recent agency in those sentences; with no antecedent at all, it becomes a
  generic Agency named by the noun;
- 'it', 'they', 'we' and possessive-pronoun phrases ('his country's intelligence') are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from loaders.entities import INSTITUTION_HEADS, ROLE_NOUNS, STATE_HEADS, Mention
from loaders.ids import statement_id
from loaders.nlp import sentence_span
from loaders.resolve import EntityTable
from schema.records import StatementRecord
from schema.vocabulary import SPEAKER_TYPES, EntityType, StatementKind

SAY_LEMMAS = {
    "say", "tell", "state", "add", "stress", "warn", "claim", "insist", "write", "post", "announce",
    "report", "explain", "note", "argue", "conclude", "maintain", "urge", "call", "demand", "assure",
    "indicate", "consider", "believe", "estimate", "declare", "assert", "allege", "suggest",
    "emphasize", "emphasise", "underline", "reiterate", "predict", "clarify", "tweet", "cite",
    "affirm", "contend", "comment", "reply", "respond", "recall", "observe", "mention", "complain",
    "accuse", "criticize", "criticise", "condemn", "describe", "assess", "caution", "pledge",
    "promise", "vow", "threaten", "publish",
}
CONFIRM_LEMMAS = {"confirm", "acknowledge", "verify", "admit", "corroborate", "concede"}
DENY_LEMMAS = {"deny", "reject", "refute", "dismiss", "rebut", "disavow", "dispute"}
REPORT_LEMMAS = SAY_LEMMAS | CONFIRM_LEMMAS | DENY_LEMMAS
# Verbs with other everyday senses count only with reported content: a clause, a quote, or
# (for "call") "call on/for".
_NEEDS_CONTENT = {
    "add", "call", "consider", "note", "post", "write", "state", "maintain", "conclude", "indicate",
    "believe", "estimate", "publish", "report", "describe", "recall", "observe", "mention",
    "respond", "reply", "comment", "promise", "threaten", "suggest", "tell",
}
_HEDGE_HEADS = {"refuse", "decline", "fail", "unable", "able", "position", "want", "try", "seek", "expect"}
_HEDGE_MODALS = {"could", "would", "might", "may", "should"}
_ANTECEDENT_SENTENCES = 5
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_QUOTE_PATTERNS = [
    re.compile(r"“[^”]*”"),
    re.compile(r'"[^"\n]*"'),
    re.compile(r"‘[^’]*’(?![a-zA-Z])"),
    re.compile(r"«[^»]*»"),
]


@dataclass
class _Context:
    doc: Doc
    table: EntityTable
    by_token: dict[int, Mention]
    mentions: list[Mention]
    quotes: list[tuple[int, int]]
    last_person_speaker: str | None = None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quote marks included (curly, straight, single, guillemets)."""
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            if not any(a <= match.start() < b for a, b in spans):
                spans.append((match.start(), match.end()))
    return sorted(spans)


def extract_statements(
    doc: Doc, mentions: list[Mention], table: EntityTable, article_id: str,
    skip: list[tuple[int, int]] | None = None,
) -> list[StatementRecord]:
    """One StatementRecord per speaker per reporting verb (or 'according to'), in text order.

    `mentions` must be resolved (their `entity` set); `table` may gain generic agencies.
    Sentences inside the character ranges `skip` (foreign boilerplate) are ignored.
    """
    ctx = _Context(doc, table, {i: m for m in mentions for i in range(m.start, m.end)}, mentions,
                   find_quotes(doc.text))
    out: list[StatementRecord] = []
    seen: set[tuple[str, int]] = set()
    for sent in doc.sents:
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        for token in sent:
            cue_tokens: list[Token] = []
            if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                to = next(c for c in token.children if c.lower_ == "to")
                objects = [c for c in to.children if c.dep_ == "pobj"]
                speakers = [s for o in objects for s in _speakers_of(o, ctx, sent)]
                verb, kind, cue_tokens = "according to", StatementKind.SAID, [token, to]
                source = None
            elif token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in REPORT_LEMMAS:
                if _inside_quote(token, ctx) or not _has_content(token, ctx, sent):
                    continue
                speakers = _verb_speakers(token, ctx, sent)
                verb = token.lemma_.lower()
                kind, cue_tokens = _kind(token)
                source = _cited_source(token, ctx, sent)
            else:
                continue
            for speaker in speakers:
                if (speaker, token.i) in seen:
                    continue
                seen.add((speaker, token.i))
                out.append(_record(ctx, sent, token, speaker, verb, kind, cue_tokens, source, article_id))
                if ctx.table.types.get(speaker) is EntityType.PERSON:
                    ctx.last_person_speaker = speaker
    return out


def _record(ctx: _Context, sent: Span, verb_token: Token, speaker: str, verb: str, kind: StatementKind,
            cue_tokens: list[Token], source: str | None, article_id: str) -> StatementRecord:
    quotes = [(a, b) for a, b in ctx.quotes if a < sent.end_char and b > sent.start_char]
    text = ctx.doc.text
    quote = " … ".join(text[a + 1 : b - 1].strip() for a, b in quotes) or None
    about = []
    for m in ctx.mentions:
        if sent.start <= m.start < sent.end and m.entity and m.entity != speaker and m.entity not in about:
            about.append(m.entity)
    cue = " ".join(t.text for t in sorted(cue_tokens, key=lambda t: t.i)) or verb_token.text
    sentence, start, end = sentence_span(sent)
    return StatementRecord(
        id=statement_id(article_id, speaker, sent.start_char, verb_token.idx),
        speaker=speaker, kind=kind, verb=verb, quote=quote, sentence=sentence,
        start=start, end=end, about=tuple(about), direct=quote is not None,
        cue=cue, source=source if source != speaker else None,
    )


# --- verbs ------------------------------------------------------------------------------------


def _inside_quote(token: Token, ctx: _Context) -> bool:
    return any(a < token.idx < b for a, b in ctx.quotes)


def _has_content(verb: Token, ctx: _Context, sent: Span) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in _NEEDS_CONTENT:
        return True
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "xcomp", "parataxis"}:
        return True
    if lemma == "call" and any(c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "for", "upon"} for c in verb.children):
        return True
    if any(a < sent.end_char and b > sent.start_char for a, b in ctx.quotes):
        return True
    return lemma in {"report", "publish", "describe"} and "dobj" in deps


def _kind(verb: Token) -> tuple[StatementKind, list[Token]]:
    """The statement kind after negation and hedging, and the cue words (auxiliaries, negation, verb)."""
    lemma = verb.lemma_.lower()
    cue = [verb] + [c for c in verb.children if c.dep_ in {"neg", "aux", "auxpass"}]
    if lemma not in CONFIRM_LEMMAS | DENY_LEMMAS:
        return StatementKind.SAID, cue
    if _negated_or_hedged(verb):
        return StatementKind.SAID, cue
    return (StatementKind.CONFIRMED if lemma in CONFIRM_LEMMAS else StatementKind.DENIED), cue


def _negated_or_hedged(verb: Token) -> bool:
    """'did not confirm', 'cannot confirm', 'neither confirmed nor denied', 'would deny', 'if confirmed',
    'not in a position to confirm', 'refused to confirm'."""
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in {"neither", "nor", "never", "if", "whether"}:
            return True
        if c.dep_ == "aux" and c.lower_ in _HEDGE_MODALS:
            return True
        if c.dep_ == "aux" and c.lower_ == "to":
            return True  # an infinitive ("working to confirm") states no confirmation
    if verb.dep_ == "conj" and any(c.lower_ in {"neither", "nor"} for c in verb.head.children):
        return True
    node = verb
    for _ in range(4):
        if node.dep_ not in {"xcomp", "acl", "pobj", "prep", "pcomp", "advcl", "acomp", "relcl"} or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in _HEDGE_HEADS or any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def _cited_source(verb: Token, ctx: _Context, sent: Span) -> str | None:
    """The source a speaker cites: 'X cites Y', 'X, citing Y, said'."""
    cite_verbs = [verb] if verb.lemma_.lower() == "cite" else [
        c for c in verb.children if c.lemma_.lower() == "cite" and c.dep_ in {"advcl", "xcomp", "conj"}
    ]
    for cite in cite_verbs:
        for obj in cite.children:
            if obj.dep_ in {"dobj", "pobj"}:
                found = _entities_in(_phrase_tokens(obj), ctx) or _speakers_of(obj, ctx, sent)
                if found:
                    return found[0]
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase without its finite clauses: 'reports [that units are preparing ...]',
    'the agency[, which ...]' ; keeps non-finite modifiers ('a report presented by X')."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "appos", "ccomp"}:
            continue
        if child.dep_ == "acl" and any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in child.children):
            continue
        tokens += _phrase_tokens(child)
    return tokens


def _entities_in(tokens, ctx: _Context) -> list[str]:
    out = []
    for t in tokens:
        m = ctx.by_token.get(t.i)
        if m and not m.demonym and m.type in SPEAKER_TYPES and m.entity not in out:
            out.append(m.entity)
    return out


# --- speakers ---------------------------------------------------------------------------------


def _verb_speakers(verb: Token, ctx: _Context, sent: Span) -> list[str]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        subjects = agents
    elif not subjects and verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
        # "Austin said, adding that ...", "X insisted and warned": the head verb's subject speaks.
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    out: list[str] = []
    for subj in subjects:
        if subj.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
            subj = verb.head  # "the Yonhap agency, which cites ...": the antecedent speaks
        for s in _speakers_of(subj, ctx, sent):
            if s not in out:
                out.append(s)
        for conj in subj.conjuncts:
            for s in _speakers_of(conj, ctx, sent):
                if s not in out:
                    out.append(s)
    return out


def _speakers_of(head: Token, ctx: _Context, sent: Span) -> list[str]:
    """The speaker entity ids a subject (or 'according to' object) noun phrase names."""
    m = ctx.by_token.get(head.i)
    if m is not None and m.type in SPEAKER_TYPES and not m.demonym:
        return [m.entity] + [s for c in head.conjuncts for s in _speakers_of(c, ctx, sent)]
    low = head.lower_
    if head.pos_ == "PRON":
        if low in _PRONOUNS_PERSON:
            person = _recent_person(ctx, head)
            return [person] if person else []
        return []
    is_role = low in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS
    # "Putin's spokesman" is not Putin: for a role noun, the possessor is not the speaker.
    core_deps = {"compound", "amod", "nmod", "appos", "det"} | (set() if is_role else {"poss"})
    core = [head] + [t for c in head.children if c.dep_ in core_deps for t in c.subtree]
    if any(t.lower_ in {"his", "her", "its", "their", "our", "my", "your"} for t in core):
        return []
    # An apposition or name inside the phrase: "The committee's chairman, Republican Mike Turner".
    named = [ctx.by_token[t.i] for t in core if t.i in ctx.by_token]
    persons = [n.entity for n in named if n.type is EntityType.PERSON]
    if persons:
        return persons[:1]
    is_definite = any(t.lower_ in {"the", "this", "that"} for t in head.children)
    if is_role:
        if is_definite and head.tag_ in {"NN", "NNP"}:
            person = _recent_person(ctx, head)
            return [person] if person else []
        institutions = [n.entity for n in named if n.type in SPEAKER_TYPES and not n.demonym]
        states = [n.entity for n in named if n.type is EntityType.STATE]
        return (institutions or states)[:1]
    if low in INSTITUTION_HEADS or low in STATE_HEADS or head.lemma_.lower() in INSTITUTION_HEADS:
        return [_antecedent_agency(head, ctx, sent)]
    return []


def _recent_person(ctx: _Context, pronoun: Token) -> str | None:
    """A person for 'he'/'she'/'the official': a person subject earlier in the same sentence
    ('Putin sent a message, in which he said'), else the last person who made a statement, else the
    last person mentioned."""
    sent = pronoun.sent
    for m in reversed(ctx.mentions):
        if sent.start <= m.start < pronoun.i and m.type is EntityType.PERSON:
            root = ctx.doc[m.start : m.end].root
            # A name inside a quote is quoted, not the one speaking.
            if root.dep_ in {"nsubj", "nsubjpass"} and not _inside_quote(root, ctx):
                return m.entity
    if ctx.last_person_speaker:
        return ctx.last_person_speaker
    for m in reversed(ctx.mentions):
        if m.start < pronoun.i and m.type is EntityType.PERSON:
            return m.entity
    return None


def _antecedent_agency(head: Token, ctx: _Context, sent: Span) -> str:
    """The agency a bare institution noun refers to, or a generic agency named by the noun."""
    window_start = sent.start
    for _ in range(_ANTECEDENT_SENTENCES):
        prev = ctx.doc[window_start - 1].sent if window_start > 0 else None
        if prev is None:
            break
        window_start = prev.start
    words = {t.lower_ for t in head.subtree if t.is_alpha and not t.is_stop} | {head.lemma_.lower()}
    candidates = [m for m in ctx.mentions if window_start <= m.start < head.i and m.type is EntityType.AGENCY]
    for m in reversed(candidates):
        if words & set(f"{m.name} {m.text}".lower().split()):
            return m.entity
    if candidates:
        return candidates[-1].entity
    name = " ".join(t.lower_ for t in head.subtree if t.dep_ in {"compound", "amod"} and t.head is head) 
    name = f"{name} {head.lower_}".strip()
    return ctx.table.add(EntityType.AGENCY, name, head.text)
