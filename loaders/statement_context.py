"""What the statement rules share: the per-article context (_Context: mentions by token, quotes,
speakers so far, roles and genders learned), the lexicons read from loaders/data/ (reporting
verbs and their kinds, statement_words.yaml), quote finding, sentence windows, and the
verb-shape helpers every stage asks (is this a reporting verb, its act key, a clause of its own,
a sentence-final reporting clause)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from loaders.entities import Mention
from loaders.lexicon import load_reporting_lexicon, word_list
from loaders.resolve import EntityTable
from schema.vocabulary import SPEAKER_TYPES, EntityType, StatementKind


_LEXICON = load_reporting_lexicon()


def _words(key: str) -> frozenset[str]:
    return word_list("statement_words.yaml", key)

SAY_LEMMAS = set(_LEXICON.lemmas(StatementKind.SAID))
CONFIRM_LEMMAS = set(_LEXICON.lemmas(StatementKind.CONFIRMED))
DENY_LEMMAS = set(_LEXICON.lemmas(StatementKind.DENIED))
REPORT_LEMMAS = SAY_LEMMAS | CONFIRM_LEMMAS | DENY_LEMMAS
# Verbs with other everyday senses count only with reported content: a clause, a quote, or
# (for "call") "call on/for".
_NEEDS_CONTENT = set(_LEXICON.needs_content)
# Everyday verbs that report only in set phrases ("issued a statement", "put out a statement",
# "declined to comment", "referred reporters to the ministry"): _set_phrase_act decides.
_SET_PHRASE_LEMMAS = {"issue", "release", "put", "refer", "decline", "refuse", "share"}
_STATEMENT_NOUNS = _words("statement_nouns")
_FOOTAGE_NOUNS = _words("footage_nouns")
# "footage showing X declaring ...", "a video of X saying ...": X is the one who speaks.
_DEPICTING_LEMMAS = _words("depicting_verbs")
_ASKERS = _words("askers")
# "declined to comment": the refusal is the act, and the verb it governs is part of it.
_REFUSED_ACTS = _words("refused_acts")
# A communication a speaker owns: "the ministry's morning briefing claimed" is the ministry speaking.
_MESSAGE_NOUNS = _words("message_nouns")
# Content that is a thing, not a clause, still counts for these: "published a report", "welcomed
# the decision", "attributed the losses to".
_OBJECT_CONTENT = set(_LEXICON.object_content)
# What one rejects as a proposal, not a claim (CONVENTIONS.md: rejecting a proposal is said).
_PROPOSAL_NOUNS = _words("proposal_nouns")
# What one denies someone as access, not as a claim: "denied the convoy entry".
_ACCESS_NOUNS = _words("access_nouns")
# Reactions written as nouns with their source: "criticism from Kyiv", "condemnation by the EU".
_SOURCED_NOUNS = _words("sourced_nouns")
# Estimates and assessments a source puts out: "according to estimates from the ministry".
_ESTIMATE_NOUNS = _words("estimate_nouns")
# Verbs that make a claim noun an act in the passive: "the allegation was made by X".
_NOMINAL_MAKERS = _words("nominal_makers")
# Who wrote a message speaks through it: "the authors of the letter".
_AUTHOR_NOUNS = _words("author_nouns")
# Denial verbs that also have everyday senses ("dismissed the commander", "rejected the bid") deny
# only a claim: one of these nouns, a clause, or "as ..." ("dismissed the reports as fake").
_SOFT_DENY = set(_LEXICON.soft_deny)
# Verbs that report only with a finite clause or a quote of their own ('"...", it continued.').
_CLAUSE_ONLY = set(_LEXICON.clause_only)
# Verbs that report only with a message as subject and a quote ('"...," the statement read').
_MESSAGE_ONLY = set(_LEXICON.message_only)
_QUOTE_KIND = set(_LEXICON.quote_kind)
# "she added, apparently confirming the rumours": the writer's reading of an act, not a second act.
_INTERPRETIVE = set(_LEXICON.interpretive)
_CLAIM_NOUNS = _words("claim_nouns")
# "described the reports as a fabrication": calling a claim false is denying it.
_LABEL_LEMMAS = _words("label_verbs")
_FALSITY = set(_LEXICON.falsity)
_EVIDENCE = set(_LEXICON.evidence)
# Claims written as nouns ("Seoul's claims that ...") and the kind each states (CONVENTIONS.md).
_NOMINAL_ACTS = _LEXICON.nominal
# Belief verbs framed by a reporting verb are that verb's content, not an act of their own.
_BELIEF_LEMMAS = _words("belief_verbs")
# Participles that spell out the act they hang on ("denied it, saying ...", "X, citing Y, said").
# Others with content of their own ("..., insisting that ...", "..., claiming ...") are a second act
# (CONVENTIONS.md: a second reporting verb with new content gives a second entry).
_SAME_ACT_PARTICIPLES = _words("same_act_participles")
# Reporting only as the main verb: "they asked for proof" (not "claims that X had asked for troops").
_MAIN_CLAUSE_ONLY = {"ask for"}
_HEDGE_HEADS = _words("hedge_heads")
_HEDGE_MODALS = _words("hedge_modals")
_HEDGE_ADVERBS = set(_LEXICON.hedges)
# "The claims could not be independently verified": the article does not vouch for them.
_UNVERIFIED = re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _LEXICON.unverified) + r")\b",
                         re.I)
# Words one of which every phrase above holds (a test checks): a cheap test before the regular expression.
_UNVERIFIED_KEYS = ("independently", "not be ", "not immediately")
_ANTECEDENT_SENTENCES = 5
_PRONOUN_SENTENCES = 3
# A message noun ('the statement') points further back than a pronoun: the message is quoted at length.
_MESSAGE_SENTENCES = 8
_ROLE_SENTENCES = 12
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_TITLE_GENDER = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f"}
_ROLE_GENDER = {**{w: "f" for w in _words("female_roles")},
                **{w: "m" for w in _words("male_roles")}}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_DAY_MONTH = re.compile(
    r"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]{3,9})\.?|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
)
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
    published: str | None = None
    last_person_speaker: str | None = None
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "m" | "f"
    roles: dict[str, set[str]] = field(default_factory=dict)  # person id -> role words given
    # (token index, entity id, gender or None) of each speaker so far, for 'he'/'she'.
    spoken: list[tuple[int, str, str | None]] = field(default_factory=list)
    # (sentence start token, speaker) of each statement so far, for 'it' and 'it was added'.
    said_in: list[tuple[int, str]] = field(default_factory=list)
    # (token index, speakers) of each act by a group ('Lee and Kim said', 'diplomatic sources said',
    # 'the authorities note'), for a later 'they' or 'the lawmakers'.
    groups: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    # Token indices that open a transcript turn or headline label ('Grossi: Iran has not ...').
    labelled: set[int] = field(default_factory=set)
    # Surnames of the outlet's hosts and correspondents in a transcript ("STEVE INSKEEP, HOST:").
    narrators: set[str] = field(default_factory=set)
    # (token index, agency id) of each army that spoke as an institution ('the Polish army said').
    armies: list[tuple[int, str]] = field(default_factory=list)


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quote marks included (curly, straight, single, guillemets)."""
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            if not any(a <= match.start() < b for a, b in spans):
                spans.append((match.start(), match.end()))
    return sorted(spans)


_OPENING_QUOTES = "\"“‘«"


def _message_owner(noun: Token, ctx: _Context, sent: Span) -> list[str]:
    """'According to the statement, ...': the speaker of the latest act, in the eight sentences
    before, whose sentence names that message ('the NIS said in a statement')."""
    lemma = noun.lemma_.lower()
    if lemma not in _MESSAGE_NOUNS or any(c.dep_ in {"poss", "compound", "amod"} for c in noun.children):
        return []
    start = _window_start(ctx, sent, _MESSAGE_SENTENCES)
    for first, speaker in reversed(ctx.said_in):
        if start <= first < sent.start and any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" for t in ctx.doc[first].sent):
            return [speaker]
    return []


def _note_speaker(ctx: _Context, sent: Span, speaker: str) -> None:
    ctx.said_in.append((sent.start, speaker))
    if ctx.table.types.get(speaker) is EntityType.PERSON:
        ctx.last_person_speaker = speaker


# --- verbs ------------------------------------------------------------------------------------


def _inside_quote(token: Token, ctx: _Context) -> bool:
    return any(a < token.idx < b for a, b in ctx.quotes)


def _act_key(token: Token) -> str | None:
    """The reporting lexicon's key for a verb: a listed verb + particle ('pointed out' -> 'point
    out', 'brushed off'), else its lemma when that reports; None for any other verb."""
    lemma = token.lemma_.lower()
    for c in token.children:
        if (c.dep_ == "prt" or c.i == token.i + 1 and c.dep_ in {"prep", "advmod"}) \
                and f"{lemma} {c.lower_}" in _LEXICON.phrasal:
            return f"{lemma} {c.lower_}"
    return lemma if lemma in REPORT_LEMMAS else None


def _is_report_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or not _act_key(token):
        return False
    if token.lemma_.lower() in _CLAUSE_ONLY or token.lemma_.lower() == "quote":
        return _own_clause(token)
    if token.lemma_.lower() in _MESSAGE_ONLY:
        return False  # never the frame of another act
    return token.lemma_.lower() not in _SET_PHRASE_LEMMAS or _set_phrase_act(token)


_TRAILING_SUBJECT_WORDS = 7


_TRAILING_TAIL_WORDS = 5


def _trailing_subject(verb: Token, sent: Span) -> Token | None:
    """'<content>, the country's foreign minister confirmed on Friday.', '<content>, Ana Castel, the
    foreign minister, said.': the head of the speaker phrase of a sentence-final reporting clause,
    found by its surface shape (comma, a short noun phrase and its apposition, a finite verb, a date
    or adverb at most) where the parser hung the verb elsewhere."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp"} for c in verb.children):
        return None
    tail = [t for t in sent if t.i > verb.i and not t.is_punct and not t.is_space]
    if len(tail) > _TRAILING_TAIL_WORDS or any(t.pos_ in {"VERB", "AUX", "PRON", "SCONJ", "CCONJ"} for t in tail):
        return None
    before = list(reversed(sent[: verb.i - sent.start]))
    appositive = bool(before) and before[0].text == ","
    segments: list[list[Token]] = [[]]
    for t in before[1:] if appositive else before:
        if t.text == ",":
            if len(segments) == (2 if appositive else 1):
                break
            segments.append([])
            continue
        if t.pos_ in {"VERB", "AUX", "SCONJ", "CCONJ", "PRON"} or t.is_punct and t.tag_ != "HYPH":
            return None
        segments[-1].append(t)
    else:
        return None
    if len(segments) != (2 if appositive else 1) or not all(segments) \
            or any(len(x) > _TRAILING_SUBJECT_WORDS for x in segments):
        return None
    comma = min(t.i for x in segments for t in x) - 1
    if comma - sent.start < _HEADLINE_WORDS:
        return None
    head = segments[-1][0]  # the subject's last word: 'Castel' in ', Ana Castel, the minister, said'
    return head if head.pos_ in {"NOUN", "PROPN"} else None


def _own_clause(verb: Token) -> bool:
    """Content of a verb that reports only with a clause of its own: a finite clause or parenthesis
    ('"...", it continued.'; not "continued to fight", "continued its attacks"), or for 'quote'
    "quoted X as saying"."""
    if verb.lemma_.lower() == "quote":
        return _quoted_as(verb) is not None
    deps = {c.dep_ for c in verb.children}
    own = bool(deps & {"ccomp", "parataxis"}) or verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}
    return own and not deps & {"xcomp", "dobj"}


def _quoted_as(verb: Token) -> Token | None:
    """'the senators quoted the agency as saying ...', 'the minister was quoted as saying ...': the one
    quoted (the object, or the passive subject), else None."""
    if not any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.tag_ == "VBG" and g.lemma_.lower() in REPORT_LEMMAS for g in c.children) for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def _set_phrase_act(verb: Token) -> bool:
    """'issued/released/put out a statement', 'released footage which it said ...', 'declined to
    comment', 'refused to discuss', 'referred reporters to the ministry'."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma in {"issue", "release", "put"}:
        if lemma == "put" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            return False
        return any(o.lemma_.lower() in _STATEMENT_NOUNS or (
            o.lower_ in _FOOTAGE_NOUNS and any(c.dep_ in {"relcl", "acl"} for c in o.children)) for o in objects)
    if lemma == "share":
        # "shared a post on Telegram", "shared a statement": a message it put out (not "shared intelligence")
        return any(o.lemma_.lower() in _STATEMENT_NOUNS | _MESSAGE_NOUNS for o in objects)
    if lemma == "refer":
        # Active only: "referred reporters to the ministry" (a passive "questions were referred" is procedure).
        return any(o.dep_ == "dobj" and o.lemma_.lower() in _ASKERS for o in objects) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _REFUSED_ACTS for c in verb.children)


def _claim_object(verb: Token) -> Token | None:
    """The claim a verb acts on: its object ('rejected claims'), or its passive subject."""
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CLAIM_NOUNS:
            return c
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


def _objects_of(head: Token, preps: set[str]) -> list[Token]:
    """The objects of `head`'s prepositions among `preps`: 'the statement [of] [the ministry]'."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def _is_dateline(m: Mention, doc: Doc) -> bool:
    """'BRUSSELS —', 'Seoul:', 'WASHINGTON, Oct 31': a place opening the sentence, not a speaker."""
    first = m.start == doc[m.start].sent.start or all(t.is_space or t.is_punct for t in doc[doc[m.start].sent.start : m.start])
    if not first or m.end >= len(doc):
        return False
    nxt = doc[m.end]
    if nxt.text in {"—", "–", "-", ":", "--"}:
        return True
    # 'WASHINGTON, Oct 31', 'UNITED NATIONS, Nov 4': a capitalised name, a comma, a date or place;
    # not a headline's list of speakers ('NATO, allies welcome ...').
    after = doc[m.end + 1] if m.end + 1 < len(doc) else None
    listed = after is not None and after.is_lower and m.type is not EntityType.PLACE
    return doc[m.start : m.end].text.isupper() and nxt.text == "," and not listed


def _is_headline(sent: Span) -> bool:
    """A line of its own with no closing punctuation: a headline or subheading."""
    text = sent.text.strip()
    return bool(text) and "\n" not in text and text[-1] not in '.!?"”’:;,)'


def _phrase_words(head: Token) -> set[str]:
    """The lower-case words of a role phrase without its determiners: 'the foreign minister'."""
    words = {head.lower_, head.lemma_.lower()}
    for c in head.children:
        if c.dep_ in {"amod", "compound", "nmod"}:
            words |= {t.lower_ for t in c.subtree if t.is_alpha}
    return words


def _window_start(ctx: _Context, sent: Span, sentences: int) -> int:
    """Token index where the `sentences` sentences before `sent` begin (blank lines not counted)."""
    start = sent.start
    count = 0
    while count < sentences and start > 0:
        prev = ctx.doc[start - 1].sent
        start = prev.start
        if prev.text.strip():
            count += 1
    return start


def _recent_speakers(ctx: _Context, sent: Span, types, sentences: int) -> list[str]:
    """Speakers of the given types of statements in `sent` and the `sentences` before, in order."""
    start = _window_start(ctx, sent, sentences)
    return [s for first, s in ctx.said_in if first >= start and ctx.table.types.get(s) in types]


def _is_main_subject(token: Token) -> bool:
    """The subject of a main clause or of a reporting verb, not of a reported clause."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    return verb.dep_ in {"ROOT", "conj", "relcl"} or _is_report_verb(verb)


def _window_end(ctx: _Context, sent: Span, sentences: int) -> int:
    """Token index where the `sentences` sentences after `sent` end (blank lines not counted)."""
    end = sent.end
    count = 0
    while count < sentences and end < len(ctx.doc):
        nxt = ctx.doc[end].sent
        end = nxt.end
        if nxt.text.strip():
            count += 1
    return end


_HEADLINE_WORDS = 4
