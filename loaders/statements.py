"""Reported statements: who said, confirmed or denied what, sentence by sentence.

A statement is a reporting verb (by lemma) or 'according to X', with a speaker that resolves
to a Person, Agency or State. One statement per speaker per reporting act:

- negated or hedged confirmations and denials ('cannot confirm', 'did not deny', 'declined to
  confirm', 'neither confirmed nor denied') are kind `said`, never confirmed/denied, and
  'neither X nor Y' is one act;
- 'reject'/'dismiss' deny only a claim ('rejected claims that', 'dismissed the reports as'); calling
  a report a fabrication ('described the reports as "fake"', 'called it propaganda', 'accused Kyiv
  of disinformation') is a denial; 'acknowledge', 'admit', 'concede' confirm (CONVENTIONS.md);
- verbs, verb + particle pairs ('pointed out', 'brushed off' = denied) and their kinds, hedges and
  falsity words are data in loaders/data/ (loaders/lexicon.py);
- a participle that spells out the act it hangs on ('denied the reports, saying ...', 'X, citing Y,
  said') is part of that act ('citing Y' becomes the source); 'adding' is a new act;
- a belief verb framed by a reporting verb ('X believes ..., officials said') and a 'say' verb
  inside another speaker's reported clause are not acts of their own;
- a reporting verb in a relative clause counts only with reported content ('Rutte, who said
  that ...'), not as background ('the agency, which first reported the deployment, ...');
- a reporting verb under 'whether'/'if' ('declined to comment on whether X had verified') is a
  question, not an act; a parenthetical verb ('The Kremlin, he added, had ...') reports its host;
- set phrases report: 'issued / released / put out a statement', 'released footage which ...',
  'declined / refused to comment (discuss, say ...)' (the refusal is the act, kind `said`),
  'referred reporters to the ministry';
- layout reports: a transcript turn 'MR. MILLER: ...' or 'SPOKESPERSON: ...' at line start is one
  act by that person (surname or role resolved within the article) whose passage is the whole turn
  (annotators locate a turn at different sentences of it), a turn of pleasantries only ('Sure.',
  'Thanks, everyone.') is none, 'QUESTION:' / 'Q:' turns are not; a headline label 'Kremlin: ...' (not a place: 'SEOUL:' is a
  dateline) and a headline's closing attribution ('... – Zelenskyy', '...: JCS', '..., claims X';
  not '... - Reuters', an outlet naming its page) are acts of that speaker.

Speaker heuristics (documented because they are guesses):
- 'he'/'she' refer to the most recent person (or gendered spokesperson) that was a subject or a
  speaker in this or the three sentences before, skipping those whose gender the article has
  shown to differ ('Mr.', 'spokeswoman', an earlier 'she' resolved to them);
- a definite role noun without a name ('the minister') refers to the most recent person the
  article gave that role ('Foreign Minister X', 'X, the minister'), else as 'he'/'she';
- a message owned by a speaker ('the ministry's morning briefing claimed') is the owner speaking;
  a person's institution ("Budanov's agency, the GUR", "President Yoon's office") is the agency in
  apposition, else a generic agency named after the office, never the person;
- a capitalised office ('The Secretary') with no holder in the article is not a person the article
  gave another role;
- a bare institution noun ('the ministry', 'this military command') refers to the most recent
  agency mentioned in the five sentences before whose name shares a word with it, else the most
  recent agency in those sentences; an institution of a named owner ("China's foreign ministry")
  without its own mention becomes a generic Agency named by owner and noun; with no antecedent at
  all, a generic Agency named by the noun;
- government nouns ('governments', 'officials', 'authorities') stand for the states that modify
  them; a bare 'the government' for the most recently mentioned state; bare 'officials' are skipped;
- 'it' as a reporting subject is the agency or state that spoke in this or the previous sentence;
  'it was added' continues the previous sentence's speaker; other 'it', 'they', 'we' and
  possessive-pronoun phrases ('his country's intelligence') are skipped;
- 'both countries', 'the two', 'the two leaders' are the last two states or people (one type)
  named in the sentence before;
- a question ('What do Russia and North Korea say?', a subheading) reports nothing;
- a dateline ('BRUSSELS —', 'Seoul:') never speaks;
- 'they' and a bare definite group ('the lawmakers', 'the sources') are the speakers of the latest
  act by a group (two or more speakers, or a plural noun) in this and the three sentences before;
- a capitalised surname the tagger missed ('Trump later said') is the article's one person with it;
- an owned role ("Ukraine's defence minister", headline 'minister says') is the holder the article
  names, before or (in a lead) after, not one tied to another state; with none, an unnamed Person;
- a message as subject ('the statement added', 'the letter alleged') is the speaker who issued it;
- a subjectless participle speaks for the person it follows when shown ('footage showing X
  declaring'), the speaker noun it modifies, or the sender of the letter it modifies, else the one
  reporting the clause the parser hangs it on; 'quoted X as saying' gives both speakers.

More acts and kinds (CONVENTIONS.md): a participle with content of its own ('..., insisting that
...', 'calling it a step') is a second act, one the writer interprets ('seemingly confirming') is
none; a quote paragraph with no verb continues the speaker quoted just before; a bare 'Tass
reported.' reports the sentence before it; 'said it could not confirm' is one act of the inner
verb's kind; a first-person quote ('"We deny these reports," X said') sets a neutral verb's kind; a
negated act or 'they' inside another act's content is that content; 'could not be independently
verified' hedges the statement it follows.

`date` is the reporting act's date when the reporting clause states it ('said on Friday' is the
closest Friday on or before publication; 'on Oct. 24' takes the publication year); `hedged` marks
'reportedly', 'allegedly' and the like in the reporting clause.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from loaders.actors import load_actors
from loaders.entities import INSTITUTION_HEADS, PERSON_NOUNS, ROLE_NOUNS, STATE_HEADS, Mention
from loaders.gazetteer import load_gazetteer
from loaders.ids import statement_id
from loaders.lexicon import load_reporting_lexicon, word_list
from loaders.metadata import MONTHS, find_published, infer_date, is_outlet, iso_date
from loaders.nlp import doc_text, sentence_span
from loaders.ranges import covers
from loaders.resolve import EntityTable
from schema.records import StatementRecord
from schema.vocabulary import SPEAKER_TYPES, EntityType, StatementKind

_LEXICON = load_reporting_lexicon()
SAY_LEMMAS = set(_LEXICON.lemmas(StatementKind.SAID))
CONFIRM_LEMMAS = set(_LEXICON.lemmas(StatementKind.CONFIRMED))
DENY_LEMMAS = set(_LEXICON.lemmas(StatementKind.DENIED))
REPORT_LEMMAS = SAY_LEMMAS | CONFIRM_LEMMAS | DENY_LEMMAS
# Verbs with other everyday senses count only with reported content: a clause, a quote, or
# (for "call") "call on/for".
_NEEDS_CONTENT = set(_LEXICON.needs_content)
# Everyday verbs that report only in set phrases ("issued a statement", "put out a statement",
# "declined to comment", "referred reporters to the ministry"): _set_phrase_act decides.
_SET_PHRASE_LEMMAS = {"issue", "release", "put", "refer", "decline", "refuse"}
_STATEMENT_NOUNS = word_list("statement_words.yaml", "statement_nouns")
_FOOTAGE_NOUNS = word_list("statement_words.yaml", "footage_nouns")
# "footage showing X declaring ...", "a video of X saying ...": X is the one who speaks.
_DEPICTING_LEMMAS = word_list("statement_words.yaml", "depicting_verbs")
_ASKERS = word_list("statement_words.yaml", "askers")
# "declined to comment": the refusal is the act, and the verb it governs is part of it.
_REFUSED_ACTS = word_list("statement_words.yaml", "refused_acts")
# A communication a speaker owns: "the ministry's morning briefing claimed" is the ministry speaking.
_MESSAGE_NOUNS = word_list("statement_words.yaml", "message_nouns")
# Content that is a thing, not a clause, still counts for these: "published a report", "welcomed
# the decision", "attributed the losses to".
_OBJECT_CONTENT = set(_LEXICON.object_content)
# What one rejects as a proposal, not a claim (CONVENTIONS.md: rejecting a proposal is said).
_PROPOSAL_NOUNS = word_list("statement_words.yaml", "proposal_nouns")
# What one denies someone as access, not as a claim: "denied the convoy entry".
_ACCESS_NOUNS = word_list("statement_words.yaml", "access_nouns")
# Reactions written as nouns with their source: "criticism from Kyiv", "condemnation by the EU".
_SOURCED_NOUNS = word_list("statement_words.yaml", "sourced_nouns")
# Estimates and assessments a source puts out: "according to estimates from the ministry".
_ESTIMATE_NOUNS = word_list("statement_words.yaml", "estimate_nouns")
# Verbs that make a claim noun an act in the passive: "the allegation was made by X".
_NOMINAL_MAKERS = word_list("statement_words.yaml", "nominal_makers")
# Who wrote a message speaks through it: "the authors of the letter".
_AUTHOR_NOUNS = word_list("statement_words.yaml", "author_nouns")
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
_CLAIM_NOUNS = word_list("statement_words.yaml", "claim_nouns")
# "described the reports as a fabrication": calling a claim false is denying it.
_LABEL_LEMMAS = word_list("statement_words.yaml", "label_verbs")
_FALSITY = set(_LEXICON.falsity)
_EVIDENCE = set(_LEXICON.evidence)
# Claims written as nouns ("Seoul's claims that ...") and the kind each states (CONVENTIONS.md).
_NOMINAL_ACTS = _LEXICON.nominal
# Belief verbs framed by a reporting verb are that verb's content, not an act of their own.
_BELIEF_LEMMAS = word_list("statement_words.yaml", "belief_verbs")
# Participles that spell out the act they hang on ("denied it, saying ...", "X, citing Y, said").
# Others with content of their own ("..., insisting that ...", "..., claiming ...") are a second act
# (CONVENTIONS.md: a second reporting verb with new content gives a second entry).
_SAME_ACT_PARTICIPLES = word_list("statement_words.yaml", "same_act_participles")
# Reporting only as the main verb: "they asked for proof" (not "claims that X had asked for troops").
_MAIN_CLAUSE_ONLY = {"ask for"}
_HEDGE_HEADS = word_list("statement_words.yaml", "hedge_heads")
_HEDGE_MODALS = word_list("statement_words.yaml", "hedge_modals")
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
_ROLE_GENDER = {**{w: "f" for w in word_list("statement_words.yaml", "female_roles")},
                **{w: "m" for w in word_list("statement_words.yaml", "male_roles")}}
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


def extract_statements(
    doc: Doc, mentions: list[Mention], table: EntityTable, article_id: str,
    skip: list[tuple[int, int]] | None = None, published: str | None = None,
) -> list[StatementRecord]:
    """One StatementRecord per speaker per reporting act (verb or 'according to'), in text order.

    `mentions` must be resolved (their `entity` set); `table` may gain generic agencies.
    Sentences inside the character ranges `skip` (foreign boilerplate) are ignored. `published`
    (ISO date) resolves weekdays and day-month dates to the statement `date`; when not given it is
    looked for in the text.
    """
    ctx = _Context(doc, table, {i: m for m in mentions for i in range(m.start, m.end)}, mentions,
                   find_quotes(doc.text), published or find_published(doc.text))
    _learn_people(ctx)
    out: list[StatementRecord] = []
    seen: set[tuple[str, int]] = set()
    line_acts = _line_acts(ctx, skip or [])
    ctx.labelled = set(line_acts)
    previous: Span | None = None
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        if covers(skip, sentence_span(sent)[1]):
            continue  # not sent.start_char: a sentence may begin in the blanked header before the lead
        before = len(out)
        for token in sent:
            cue_tokens: list[Token] = []
            for speaker, verb, cue_tokens, passage in line_acts.get(token.i, ()):
                if (speaker, token.i) not in seen:
                    seen.add((speaker, token.i))
                    out.append(_record(ctx, sent, token, speaker, verb, StatementKind.SAID, cue_tokens, None,
                                       article_id, passage=passage))
                    _note_speaker(ctx, sent, speaker)
            cue_tokens = []
            if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                to = next(c for c in token.children if c.lower_ == "to")
                objects = [c for c in to.children if c.dep_ == "pobj"]
                speakers = [s for o in objects for s in _speakers_of(o, ctx, sent)]
                if len(speakers) > 1 or any(o.tag_ in {"NNS", "NNPS"} for o in objects) and speakers:
                    ctx.groups.append((token.i, tuple(speakers)))
                if not speakers:
                    speakers = [x for o in objects for x in _released_by(o, ctx, sent)]
                if not speakers:
                    speakers = [x for o in objects for x in _message_owner(o, ctx, sent)][:1]
                verb, kind, cue_tokens = "according to", StatementKind.SAID, [token, to]
                source, passage = None, None
                clause = token.head if token.head.i != token.i else token
            elif token.pos_ == "NOUN" and token.lemma_.lower() in _SOURCED_NOUNS and (sourced := _sourced_from(token)):
                # "Guterres drew criticism from Kyiv", "condemnation by the EU": a reaction with its source.
                speakers = [x for o in sourced for x in _speakers_of(o, ctx, sent)]
                verb, kind, cue_tokens = token.lemma_.lower(), _NOMINAL_ACTS.get(token.lemma_.lower(), StatementKind.SAID), [token]
                source, passage = None, None
                clause = token
            elif token.pos_ == "NOUN" and token.lemma_.lower() in _NOMINAL_ACTS and (made_by := _made_by(token)):
                # "The allegation that ... was made by Peru's foreign ministry": a passive nominal act.
                speakers = [x for o in made_by for x in _speakers_of(o, ctx, sent)]
                verb, kind, cue_tokens = token.lemma_.lower(), _NOMINAL_ACTS[token.lemma_.lower()], [token, token.head]
                source, passage = None, None
                clause = token.head
            elif token.pos_ == "NOUN" and token.lemma_.lower() in _NOMINAL_ACTS and _nominal_content(token):
                # "Putin's claim that his forces ...": a claim written as a noun, with its owner.
                owners = [c for c in token.children if c.dep_ == "poss"]
                speakers = [x for o in owners for x in _speakers_of(o, ctx, sent)]
                verb, kind, cue_tokens = token.lemma_.lower(), _NOMINAL_ACTS[token.lemma_.lower()], [token]
                source, passage = None, None
                clause = token
            elif token.pos_ in {"VERB", "AUX"} and _act_key(token):
                passage = None
                if not _inside_quote(token, ctx) and not _has_content(token, ctx, sent):
                    passage = _content_before(token, ctx, sent)
                    if passage is None:
                        continue
                if _inside_quote(token, ctx) or _part_of_other_act(token, ctx) or _is_question(sent):
                    continue
                speakers = _verb_speakers(token, ctx, sent)
                verb = _act_key(token)
                kind, cue_tokens = _kind(token)
                inner = _own_verdict(token, ctx)
                if inner is not None:
                    # "said it could not confirm ...", "said he could confirm ...": one act, the inner verb's kind.
                    kind, inner_cue = _kind(inner)
                    cue_tokens = cue_tokens + inner_cue
                elif kind is StatementKind.SAID and verb in _QUOTE_KIND and not _negated_or_hedged(token):
                    kind = _quoted_kind(ctx, sent) or kind
                if kind is StatementKind.SAID and not _negated_or_hedged(token) and _asserts_evidence(token):
                    kind = StatementKind.CONFIRMED
                source = _cited_source(token, ctx, sent)
                clause = token
            else:
                continue
            for speaker in speakers:
                if (speaker, token.i) in seen:
                    continue
                seen.add((speaker, token.i))
                out.append(_record(ctx, sent, token, speaker, verb, kind, cue_tokens, source, article_id,
                                   date=_act_date(clause, ctx), hedged=_hedged(token, clause), passage=passage))
                _note_speaker(ctx, sent, speaker)
        if len(out) == before and previous is not None:
            found = _continuation(ctx, sent, previous, [r for r in out if r.end > previous.start_char])
            if found is not None:
                speaker, passage = found
                out.append(_record(ctx, sent, sent[0], speaker, "continued", StatementKind.SAID, [], None, article_id,
                                   passage=passage))
                _note_speaker(ctx, sent, speaker)
        previous = sent
    return _mark_unverified(ctx, out)


def _mark_unverified(ctx: _Context, statements: list[StatementRecord]) -> list[StatementRecord]:
    """Hedge the statements of a sentence that says it could not be verified ('..., a claim that
    could not be independently verified'), or of the sentence before one that only says so."""
    text = doc_text(ctx.doc)
    low = text.lower()
    if not any(key in low for key in _UNVERIFIED_KEYS):
        return statements
    spans: list[tuple[int, int]] = []
    for match in _UNVERIFIED.finditer(text):
        sent = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if sent is None:
            continue
        sent = sent.sent
        spans.append((sent.start_char, sent.end_char))
        own = [s for s in statements if s.start < sent.end_char and s.end > sent.start_char]
        if not own and sent.start > 0:
            prev = ctx.doc[sent.start - 1].sent
            if "\n" not in text[prev.end_char - 1 : sent.start_char].strip(" "):
                spans.append((prev.start_char, prev.end_char))
    if not spans:
        return statements
    return [replace(s, hedged=True) if not s.hedged and any(a < s.end and b > s.start for a, b in spans) else s
            for s in statements]


_OPENING_QUOTES = "\"“‘«"


def _continuation(ctx: _Context, sent: Span, previous: Span, previous_acts: list[StatementRecord]
                  ) -> tuple[str, tuple[int, int]] | None:
    """A paragraph that is only a quote ('"This would be a dangerous escalation. Everything must be
    done to avoid it."') after one where one speaker is quoted (or introduces a quote with ':'):
    a quote with no reporting verb of its own continues that speaker (CONVENTIONS.md).
    Returns (speaker, passage: the whole quote) or None."""
    text = sent.text.lstrip()
    if not text or text[0] not in _OPENING_QUOTES:
        return None
    begin = sent.start_char + len(sent.text) - len(text)
    span = next(((a, b) for a, b in ctx.quotes if a == begin), None)
    # A paragraph of its own: '"A," he said. "B."' in one paragraph is one act with one passage.
    if span is None or "\n" not in doc_text(ctx.doc)[sentence_span(previous)[2] : begin]:
        return None
    if doc_text(ctx.doc)[span[0] : span[1] - 1].rstrip().endswith(","):
        return None  # '"..., " he said' split by the parser: the reporting clause follows
    after = doc_text(ctx.doc)[span[1] : sent.end_char].strip()
    if after and not all(ch in ".,!?;:)" for ch in after):
        return None  # the quote is followed by words of its own ('..." the statement read.')
    speakers = {r.speaker for r in previous_acts}
    if len(speakers) != 1:
        return None
    prev_text = previous.text.strip()
    if not (any(a < previous.end_char and b > previous.start_char for a, b in ctx.quotes) or prev_text.endswith(":")):
        return None
    return speakers.pop(), (span[0], max(span[1], sentence_span(sent)[2]))


_QUESTION_OPENERS = word_list("statement_words.yaml", "question_openers")


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


def _released_by(noun: Token, ctx: _Context, sent: Span) -> list[str]:
    """'according to satellite images released by the army', 'according to estimates from the
    ministry', 'according to a report by X': the source of a message, footage or claim noun."""
    lemma = noun.lemma_.lower()
    if lemma not in _MESSAGE_NOUNS | _CLAIM_NOUNS | _FOOTAGE_NOUNS | _ESTIMATE_NOUNS and noun.lower_ not in _FOOTAGE_NOUNS:
        return []
    holders = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    agents = [o for h in holders for p in h.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"by", "from"}
              for o in p.children if o.dep_ == "pobj"]
    return [x for o in agents for x in _speakers_of(o, ctx, sent)]


def _sourced_from(noun: Token) -> list[Token]:
    """The objects of 'from'/'by' after a reaction noun: 'criticism from [Ukraine]', also where the
    parser hangs 'from' on the verb the noun is object of ('drew condemnation from [the EU]')."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    return [o for h in holders for p in h.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"from", "by"}
            for o in p.children if o.dep_ == "pobj"]


def _made_by(noun: Token) -> list[Token]:
    """The agents of 'the claim was made/levelled/voiced by X', for a claim noun as passive subject."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in _NOMINAL_MAKERS:
        return []
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def _nominal_content(noun: Token) -> bool:
    """A claim noun with an owner and a content clause: "X's claim that ...", "X's denial that ..."."""
    return any(c.dep_ == "poss" for c in noun.children) and any(
        c.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in noun.children)


def _is_question(sent: Span) -> bool:
    """'What do Russia and North Korea say?': a question (a subheading, an asked question) reports
    nothing; a quoted question inside a reporting sentence ('"Why now?" she said.') is not one."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return bool(words) and last is not None and last.text == "?" and words[0].lower_ in _QUESTION_OPENERS


_BARE_CLAUSE_WORDS = 6


def _content_before(verb: Token, ctx: _Context, sent: Span) -> tuple[int, int] | None:
    """'... and stability." Tass reported.': a sentence that is only a reporting clause (subject,
    verb, a date or adverb) reports the sentence before it; the act's passage is both sentences.
    None for any other sentence."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    if len(words) > _BARE_CLAUSE_WORDS or verb.dep_ != "ROOT" or verb.lemma_.lower() not in SAY_LEMMAS:
        return None
    if verb.tag_ != "VBD":
        return None  # "Jane Doe reports.": a broadcast reporter's sign-off, not a source
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(
            c.dep_ in {"dobj", "xcomp", "ccomp", "dative"} or c.dep_ == "prep" and c.lower_ != "on" for c in verb.children):
        return None
    if sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    if not prev.text.strip() or "\n" in ctx.doc.text[prev.end_char - 1 : sent.start_char] or _is_question(prev):
        return None
    return sentence_span(prev)[1], sentence_span(sent)[2]


def _note_speaker(ctx: _Context, sent: Span, speaker: str) -> None:
    ctx.said_in.append((sent.start, speaker))
    if ctx.table.types.get(speaker) is EntityType.PERSON:
        ctx.last_person_speaker = speaker


def _record(ctx: _Context, sent: Span, verb_token: Token, speaker: str, verb: str, kind: StatementKind,
            cue_tokens: list[Token], source: str | None, article_id: str, date: str | None = None,
            hedged: bool = False, passage: tuple[int, int] | None = None) -> StatementRecord:
    """One statement on `sent`; `passage` (character offsets) replaces the sentence as the located
    text when the act spans more than one sentence (a transcript turn)."""
    quotes = [(a, b) for a, b in ctx.quotes if a < sent.end_char and b > sent.start_char]
    text = doc_text(ctx.doc)
    quote = " … ".join(text[a + 1 : b - 1].strip() for a, b in quotes) or None
    about = []
    own = _speaker_phrase(verb_token)
    for m in ctx.mentions:
        if sent.start <= m.start < sent.end and m.entity and m.entity != speaker and m.entity not in about \
                and m.start not in own and not _is_dateline(m, ctx.doc):
            about.append(m.entity)
    cue = " ".join(t.text for t in sorted(cue_tokens, key=lambda t: t.i)) or verb_token.text
    sentence, start, end = sentence_span(sent)
    if passage is not None:
        start, end = passage
        sentence = text[start:end]
    elif quotes:
        # A quote that opens in an earlier sentence ('"A. B," he said.') makes the statement's
        # passage run from the sentence where the quote opens.
        first = min(a for a, _ in quotes)
        if first < sent.start_char:
            opening = ctx.doc.char_span(first, first + 1, alignment_mode="expand")
            if opening is not None:
                start = sentence_span(opening.sent)[1]
                sentence = text[start:end]
    return StatementRecord(
        id=statement_id(article_id, speaker, sent.start_char, verb_token.idx),
        speaker=speaker, kind=kind, verb=verb, quote=quote, sentence=sentence,
        start=start, end=end, about=tuple(about), direct=quote is not None,
        cue=cue, source=source if source != speaker else None, date=date, hedged=hedged,
    )


def _speaker_phrase(verb: Token) -> set[int]:
    """Token indices of the phrase naming the speaker ('Russian President Vladimir Putin', 'according
    to the Pentagon's press secretary'): what is in it is who speaks, not what the statement is about."""
    heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    heads += [p for c in verb.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "to"}
              for p in c.children if p.dep_ == "pobj" and (c.lower_ == "by" or verb.lower_ == "according")]
    out: set[int] = set()
    for head in heads:
        out |= {t.i for t in _phrase_tokens(head)}
    return out


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


def _has_content(verb: Token, ctx: _Context, sent: Span) -> bool:
    lemma = _act_key(verb) or verb.lemma_.lower()
    if lemma in _SET_PHRASE_LEMMAS:
        return _set_phrase_act(verb)
    deps = {c.dep_ for c in verb.children}
    if _trailing_subject(verb, sent) is not None:
        return True  # the clause before the comma is what it reports
    if lemma in _CLAUSE_ONLY or lemma == "quote":
        return _own_clause(verb)
    if lemma in _MESSAGE_ONLY:
        return _message_quoted(verb, ctx, sent)
    # "The Kremlin, he added, had nothing further": a parenthetical verb reports its host clause.
    clause = bool(deps & {"ccomp", "xcomp", "parataxis"}) or (verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"})
    if verb.dep_ == "relcl" and not clause and lemma in SAY_LEMMAS and any(
        c.dep_ == "nsubj" and c.lower_ in {"who", "which", "that"} for c in verb.children
    ):
        # "the agency, which first reported the deployment, said": background, not an act.
        a, b = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        if not any(x < b and y > a for x, y in ctx.quotes):
            return False
    if lemma in _SOFT_DENY:
        return clause or _claim_object(verb) is not None or _rejects_proposal(verb) or any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    if lemma == "deny" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _ACCESS_NOUNS
                               for c in verb.children):
        return False  # "denied the troops entry": refused access, no claim
    if lemma not in _NEEDS_CONTENT:
        return True
    if clause or lemma in _LABEL_LEMMAS and _calls_false(verb):
        return True
    if lemma == "call" and any(c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "for", "upon"} for c in verb.children):
        return True
    if lemma == "call" and any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"for", "on"} for g in c.children)
                               for c in verb.children):
        return True  # "calls for the siege to end": the parser hangs 'for' on the clause
    if lemma == "call" and "dobj" in deps and deps & {"oprd", "npadvmod", "attr"}:
        return True  # "calling the talks a step toward peace": a label is a statement
    if any(a < sent.end_char and b > sent.start_char for a, b in ctx.quotes):
        return True
    if lemma in _OBJECT_CONTENT and deps & {"dobj", "nsubjpass"}:
        return True
    return False


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


def _message_quoted(verb: Token, ctx: _Context, sent: Span) -> bool:
    """'"...," the statement read': a message as subject and a quote in the sentence."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _MESSAGE_NOUNS for c in verb.children) and any(
        a < sent.end_char and b > sent.start_char for a, b in ctx.quotes)


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


def _part_of_other_act(verb: Token, ctx: _Context) -> bool:
    """True when `verb` belongs to another reporting act of the sentence rather than being one."""
    head = verb.head
    lemma = verb.lemma_.lower()
    # "rejected claims that Russia had asked for troops": a request is an act only as a main verb.
    if _act_key(verb) in _MAIN_CLAUSE_ONLY and verb.dep_ not in {"ROOT", "conj"}:
        return True
    # "has never acknowledged that ...": a concession not made is no act.
    if lemma in {"acknowledge", "admit", "concede"} and _negated_or_hedged(verb):
        return True
    # "Reuters could not independently verify the claim": the article's note on its source (it hedges
    # what was said), not a statement.
    if lemma in CONFIRM_LEMMAS and any(k in verb.sent.text.lower() for k in _UNVERIFIED_KEYS) and any(
            m.start() <= verb.idx - verb.sent.start_char < m.end() for m in _UNVERIFIED.finditer(verb.sent.text)):
        return True
    # "declined to comment on whether X had verified ...": what X did is the question, not an act.
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in verb.children):
        return True
    # "adding that the department could not say ...", "said Oslo has not denied the visit": an act
    # not made (of any kind), inside another act's content, is that content.
    if any(c.dep_ == "neg" for c in verb.children) and _reported_inside(verb, ctx):
        return True
    if head.i == verb.i:
        return False
    # "said it could not confirm ...": the confirmation is the say act's own verdict.
    verdict = _own_verdict(head, ctx)
    if verdict is not None and verdict.i == verb.i:
        return True
    # "declined to comment", "refused to say whether": the refusal carries the act.
    if verb.dep_ == "xcomp" and head.lemma_.lower() in {"decline", "refuse"} and lemma in _REFUSED_ACTS:
        return True
    head_reports = _is_report_verb(head) and not _inside_quote(head, ctx)
    # "hadn't confirmed or denied": one negated act, carried by the first verb.
    if verb.dep_ == "conj" and head_reports and any(c.dep_ == "neg" for c in head.children) and any(
            c.dep_ == "cc" and c.lower_ == "or" for c in head.children):
        return True
    # "put out a statement calling the deal a mistake": the message's content is the act that issued it.
    if verb.tag_ == "VBG" and _shown_person(verb, ctx) is None and (
            verb.dep_ == "acl" and head.lemma_.lower() in _MESSAGE_NOUNS and head.dep_ == "dobj" and _is_report_verb(head.head)
            or verb.dep_ == "advcl" and head.lemma_.lower() in {"issue", "release", "put"} and _set_phrase_act(head)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGE_NOUNS for c in head.children)):
        return True
    # "The rebels announced ..., releasing footage of ...": issuing the material is part of the announcement.
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj"} and lemma in {"issue", "release", "put"} \
            and (head_reports or _outer_reporter(verb, ctx) is not None) \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return True
    # "she added, apparently confirming the rumours": the writer's reading of the act, not a second act.
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"} and any(
            c.dep_ == "advmod" and c.lower_ in _INTERPRETIVE for c in verb.children) \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return True
    # "neither confirmed nor denied": one act, carried by the first verb.
    if verb.dep_ == "conj" and head_reports and (
        any(c.lower_ in {"nor", "neither"} for c in verb.children)
        or any(c.lower_ in {"nor", "neither"} for c in head.children)
    ):
        return True
    # "denied the reports, calling them fabricated": a label that calls the claim false is the denial.
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"} and lemma in _LABEL_LEMMAS \
            and (frame := _framing_act(verb, ctx)) is not None and _kind(frame)[0] is StatementKind.DENIED \
            and _calls_false(verb):
        return True
    # "denied the reports, saying ...", "X, citing Y, said": the participle spells out the act.
    if verb.dep_ in {"advcl", "xcomp", "acl"} and verb.tag_ == "VBG" and lemma in _SAME_ACT_PARTICIPLES \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and _framing_act(verb, ctx) \
            and _shown_person(verb, ctx) is None and not _quotes_new_content(verb, ctx):
        return True
    # "X believes ..., officials said" / "said it believes ...": the belief is the content.
    linked = [head] if verb.dep_ in {"ccomp", "parataxis", "advcl"} else []
    linked += [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"}]
    if lemma in _BELIEF_LEMMAS and any(
        _is_report_verb(t) and t.lemma_.lower() not in _BELIEF_LEMMAS and not _inside_quote(t, ctx) for t in linked
    ):
        return True
    # "Canada and Norway announced that they condemn ...", "released footage which they said showed
    # ...": the speakers' own content, not a new act.
    if any(c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children) and (
            _reported_inside(verb, ctx) or verb.dep_ == "relcl" and verb.head.dep_ in {"dobj", "nsubjpass"}
            and _is_report_verb(verb.head.head)):
        return True
    return False


def _quotes_new_content(participle: Token, ctx: _Context) -> bool:
    """'denied the reports, saying: "Talks resume on Monday."': after a denial or confirmation, a
    participle quoting words that do not restate it (no negation, no falsity word) is a second act
    (CONVENTIONS.md)."""
    frame = _framing_act(participle, ctx)
    if participle.lemma_.lower() != "say" or frame is None or _kind(frame)[0] is StatementKind.SAID:
        return False  # after a plain 'said', 'saying' spells out the same act
    quoted = [t for t in participle.subtree if t.i != participle.i and _inside_quote(t, ctx)]
    if not quoted:
        return False
    return not any(t.dep_ == "neg" or t.lower_ in {"never", "no", "nothing", "none"}
                   or t.lemma_.lower() in _FALSITY or t.lower_ in _FALSITY for t in quoted)


def _reported_inside(verb: Token, ctx: _Context) -> bool:
    """Whether `verb` lies in the content of another reporting act: under a reporting verb before it
    (through clauses; a closing '..., they said' that the parser hangs on its content is not inside)
    or after a transcript or headline label of its sentence."""
    if any(verb.sent.start <= i < verb.i for i in ctx.labelled):
        return True
    node = verb
    for _ in range(4):
        if node.dep_ not in {"ccomp", "conj", "advcl", "xcomp", "parataxis"} or node.head.i == node.i:
            return False
        node = node.head
        if node.i < verb.i and _is_report_verb(node) and node.lemma_.lower() not in _BELIEF_LEMMAS \
                and not _inside_quote(node, ctx):
            return True
    return False


def _framing_act(participle: Token, ctx: _Context) -> Token | None:
    """The reporting verb a subjectless participle hangs on, through the claim it is about:
    'rejected claims that Russia had asked for troops, saying ...' -> 'rejected'."""
    node = participle.head
    for _ in range(5):
        if (_is_report_verb(node) or node.lemma_.lower() in {"decline", "refuse"}) and not _inside_quote(node, ctx):
            return node
        held_back = [p for a in node.children if a.dep_ == "advmod" and a.lower_ == "short" for o in a.children
                     if o.lower_ == "of" for p in o.children if p.dep_ == "pcomp" and _is_report_verb(p)]
        if held_back:
            return held_back[0]  # "stopped short of confirming ..., saying ...": one act
        if node.dep_ not in {"acl", "ccomp", "relcl", "dobj", "conj", "nsubj"} or node.head.i == node.i:
            return None
        node = node.head
    return None


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


def _act_date(clause: Token, ctx: _Context) -> str | None:
    """The date the reporting clause gives its act: 'said Friday', 'on Oct. 24', 'told ... on Monday'."""
    candidates: list[Token] = []
    for c in clause.children:
        if c.dep_ in {"npadvmod", "tmod", "obl"}:
            candidates.append(c)
        elif c.dep_ == "prep" and c.lower_ == "on":
            candidates += [p for p in c.children if p.dep_ == "pobj"]
    for t in candidates:
        date = _date_of(t, ctx.published)
        if date:
            return date
    return None


def _date_of(token: Token, published: str | None) -> str | None:
    low = token.lower_
    if low in _WEEKDAYS:
        if not published or any(c.lower_ in {"next", "coming"} for c in token.children):
            return None
        pub = dt.date.fromisoformat(published[:10])
        return (pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS[low]) % 7)).isoformat()
    if low in {"today", "yesterday"} and published:
        pub = dt.date.fromisoformat(published[:10])
        return (pub - dt.timedelta(days=1 if low == "yesterday" else 0)).isoformat()
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
    match = _DAY_MONTH.search(phrase)
    if not match:
        return None
    month = MONTHS.get((match.group("m1") or match.group("m2")).lower())
    day = int(match.group("d1") or match.group("d2"))
    if month is None:
        return None
    if match.group("y"):
        return iso_date(int(match.group("y")), month, day)
    return infer_date(day, month, published)


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
    if not agents and any(c.dep_ == "auxpass" for c in verb.children):
        agents = _misattached_agents(verb)
    if agents:
        subjects = agents
    elif not subjects and (trailing := _trailing_subject(verb, sent)) is not None:
        subjects = [trailing]
    elif not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lower_ == "short":
        # "X stopped short of confirming ...": the one who stopped
        subjects = [c for c in verb.head.head.head.children if c.dep_ == "nsubj"]
    elif not subjects and verb.tag_ == "VBG" and (holder := _participle_holder(verb, ctx, sent)):
        return holder
    elif not subjects and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj"} and (outer := _outer_reporter(verb, ctx)):
        # "X said that the rebels claimed ..., stressing that ...": a participle the parser hangs on
        # the reported clause belongs to the one reporting it.
        return _verb_speakers(outer, ctx, sent)
    elif not subjects and verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG" \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.head.children):
        # "..., calling the plan a good start and urging ...": the first participle's speaker.
        return _verb_speakers(verb.head, ctx, sent)
    elif not subjects and verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        # "Austin said, adding that ...", "X insisted and warned": the head verb's subject speaks;
        # "X was captured in May and claimed ...": its passive subject too.
        deps = {"nsubj", "nsubjpass"} if verb.dep_ == "conj" else {"nsubj"}
        subjects = [c for c in verb.head.children if c.dep_ in deps]
    elif not subjects and verb.dep_ == "ccomp" and verb.head.lemma_.lower() == "ask":
        # "Kallas, asked whether ..., conceded": the parser makes the participle the main verb.
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children):
        # "..., it was added.": an agentless continuation of the previous sentence's speaker.
        if verb.lemma_.lower() in {"add", "stress", "note", "state"}:
            previous = _recent_speakers(ctx, sent, types=SPEAKER_TYPES, sentences=1)
            return previous[-1:]
        return []
    if verb.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "nsubjpass"} or c.dep_ == "aux" and c.lower_ == "to"
                                       for c in verb.children) and (verb.dep_ != "xcomp" or verb.tag_ == "VBG") \
            and (frame := _outer_reporter(verb, ctx) or _sibling_reporter(verb, ctx)) is not None \
            and not any(_animate(t, ctx) for t in subjects) and not any(_speakers_of(t, ctx, sent) for t in subjects):
        # "said that the deal is dead and warned ...", "said the raids worked, while stressing ...",
        # "This comes as X denied ..., insisting ...": a subjectless reporting verb the parser hangs
        # on the content (or beside the act) is a second act of the one reporting.
        return _verb_speakers(frame, ctx, sent)
    out: list[str] = []
    for subj in subjects:
        if subj.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
            subj = verb.head  # "the Yonhap agency, which cites ...": the antecedent speaks
        joint = _joint_group(subj, ctx)
        if joint is not None:
            ctx.groups.append((subj.i, (joint,)))
            out.append(joint)
            continue
        found = _speakers_of(subj, ctx, sent)
        if len(found) == 1 and subj.tag_ in {"NNS", "NNPS"}:
            ctx.groups.append((subj.i, tuple(found)))  # "the authorities note ...": a 'they' later
        for s in found:
            if s not in out:
                out.append(s)
        for conj in subj.conjuncts:
            for s in _speakers_of(conj, ctx, sent):
                if s not in out:
                    out.append(s)
    if len(out) > 1:
        ctx.groups.append((verb.i, tuple(out)))
    quoted = _quoted_as(verb) if verb.lemma_.lower() == "quote" else None
    if quoted is not None:
        # "the senators quoted the agency as saying": the one quoted speaks too.
        out += [s for s in _speakers_of(quoted, ctx, sent) if s not in out]
    return out


def _objects_of(head: Token, preps: set[str]) -> list[Token]:
    """The objects of `head`'s prepositions among `preps`: 'the statement [of] [the ministry]'."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def _joint_group(subj: Token, ctx: _Context) -> str | None:
    """'Several Nordic countries and Japan said': an unnamed group joined by named members
    speaks as one body, an Agency named by the whole phrase (splitting it would invent a speaker,
    'several Nordic countries', that the article never separates from its partners)."""
    if subj.tag_ != "NNS" or subj.lemma_.lower() not in _GROUP_LEMMAS or subj.i in ctx.by_token:
        return None
    if not any(c.lower_ in _GROUP_DETERMINERS and c.dep_ in {"det", "amod", "nummod"} for c in subj.children):
        return None
    conjuncts = list(subj.conjuncts)
    if not conjuncts or not all(c.i in ctx.by_token and ctx.by_token[c.i].type in SPEAKER_TYPES
                                and not ctx.by_token[c.i].demonym for c in conjuncts):
        return None
    end = max(ctx.by_token[c.i].end for c in conjuncts)
    surface = ctx.doc[subj.left_edge.i : end].text
    return ctx.table.add(EntityType.AGENCY, surface, surface, rule="description")


def _outer_reporter(verb: Token, ctx: _Context) -> Token | None:
    """The outermost reporting verb before `verb` whose reported clause holds `verb`'s head
    (through clauses the parser nests: 'said that X [ccomp] because Y [advcl], while stressing'), if any."""
    node, found = verb.head, None
    for _ in range(4):
        if node.dep_ not in {"ccomp", "advcl", "conj", "xcomp"} or node.head.i == node.i:
            break
        node = node.head
        if node.i < verb.i and _is_report_verb(node) and not _inside_quote(node, ctx):
            found = node
    return found


def _sibling_reporter(verb: Token, ctx: _Context) -> Token | None:
    """'This comes as X denied ..., insisting ...': the nearest reporting verb before a subjectless
    participle that hangs on the same (non-reporting) head."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "conj", "xcomp"}:
        return None
    before = [c for c in verb.head.children if c.i < verb.i and c.dep_ in {"advcl", "ccomp", "conj"}
              and _is_report_verb(c) and not _inside_quote(c, ctx)]
    return before[-1] if before else None


def _animate(token: Token, ctx: _Context) -> bool:
    """Whether a subject could be a speaker the resolver did not find ('the rebels', 'he', a name)."""
    return token.pos_ in {"PRON", "PROPN"} and token.lower_ not in {"it", "this", "that"} or token.i in ctx.by_token \
        or token.lemma_.lower() in _GROUP_LEMMAS | ROLE_NOUNS or token.lemma_.lower() in {"rebel", "fighter", "militant"}


def _shown_person(verb: Token, ctx: _Context) -> str | None:
    """The person a participle directly follows when that person is shown or heard: 'footage
    showing the unit's leader Colonel X announcing ...', 'a video of X saying ...'."""
    before = ctx.by_token.get(verb.i - 1)
    if before is None or before.type is not EntityType.PERSON or not before.entity:
        return None
    root = ctx.doc[before.start : before.end].root
    shown = _depicted(root) or _after_depicting_verb(ctx.doc[before.start])
    return before.entity if not _inside_quote(root, ctx) and shown else None


def _after_depicting_verb(token: Token) -> bool:
    """Whether the nearest verb before a name is a depicting participle on footage ('footage
    showing the officer in charge there, Major X, ...'), whatever the parser hangs the name on."""
    for t in reversed(list(token.sent)[: token.i - token.sent.start]):
        if t.pos_ in {"VERB", "AUX"}:
            return t.tag_ == "VBG" and t.lemma_.lower() in _DEPICTING_LEMMAS and t.dep_ == "acl" \
                and t.head.lower_ in _FOOTAGE_NOUNS
    return False


def _depicted(token: Token) -> bool:
    """Whether a noun phrase is what footage shows: the object of 'showing', 'a video of X', also
    through the appositions and place phrases the parser may hang it on ('showing the head of the
    unit in the region Colonel X declaring', where X comes out as an apposition of 'region')."""
    node = token
    for _ in range(5):
        if node.dep_ == "dobj" and node.head.lemma_.lower() in _DEPICTING_LEMMAS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in _FOOTAGE_NOUNS:
            return True
        if node.dep_ == "prep" and node.head.pos_ == "VERB" and node.head.lemma_.lower() in _DEPICTING_LEMMAS:
            return True
        if node.dep_ not in {"appos", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _participle_holder(verb: Token, ctx: _Context, sent: Span) -> list[str]:
    """The speaker of a subjectless participle by what it hangs on: the person just before it
    ('footage showing the unit's leader Colonel X announcing that ...'), the speaker noun it modifies
    ('notes from foreign leaders praising the accord'), or the sender of the message it modifies
    ('the ministry sent a letter to the UN accusing ...'). Empty when none of these."""
    shown = _shown_person(verb, ctx)
    if shown is not None:
        return [shown]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.head.pos_ in {"VERB", "AUX"}:
        # The same, parsed as "to [the UN accusing ...]".
        return [x for c in verb.head.head.children if c.dep_ == "nsubj" for x in _speakers_of(c, ctx, sent)]
    if verb.dep_ != "acl":
        return []
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.i != noun.head.i:
        # "sent a letter to UN envoy Maria Lund accusing ...": not the addressee, the sender.
        noun = noun.head.head
        if noun.pos_ in {"VERB", "AUX"}:
            return [x for c in noun.children if c.dep_ == "nsubj" for x in _speakers_of(c, ctx, sent)]
    held = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.lemma_.lower() in _MESSAGE_NOUNS), None)
    if held is not None:
        noun = held  # "a stream of notes from foreign leaders praising ..."
    if noun.lemma_.lower() not in _MESSAGE_NOUNS:
        return _speakers_of(noun, ctx, sent) if noun.pos_ in {"NOUN", "PROPN"} else []
    senders = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    if not senders and noun.dep_ == "dobj":
        senders = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return [x for t in senders for x in _speakers_of(t, ctx, sent)]


def _misattached_agents(verb: Token) -> list[Token]:
    """'were described as "fiction" by X': the parser hangs 'by X' on the complement."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ == "by":
            continue
        for t in prep.subtree:
            node, ok = t, t.lower_ == "by" and t.dep_ in {"prep", "agent"}
            while ok and node.i != prep.i:
                node = node.head
                ok = node.dep_ in {"prep", "pobj", "agent"} or node.i == prep.i
            if ok:
                out += [p for p in t.children if p.dep_ == "pobj"]
    return out


def _speakers_of(head: Token, ctx: _Context, sent: Span, conjuncts: bool = True) -> list[str]:
    """The speaker entity ids a subject (or 'according to' object) noun phrase names, with those of
    its conjuncts ('NATO and the EU') when `conjuncts`."""
    m = ctx.by_token.get(head.i)
    if m is not None and _is_army_by_name(m, ctx):
        extra = [s for c in head.conjuncts for s in _speakers_of(c, ctx, sent, False)] if conjuncts else []
        return [_army_agency(m, ctx)] + [s for s in extra if s]
    if m is not None and m.type in SPEAKER_TYPES and not m.demonym:
        if _is_dateline(m, ctx.doc):
            return []
        extra = [s for c in head.conjuncts for s in _speakers_of(c, ctx, sent, False)] if conjuncts else []
        return [m.entity] + extra
    low = head.lower_
    named_as = _identified_as(head, ctx)
    if named_as is not None:
        return [named_as]
    members = _partitive_members(head)
    if members is not None:
        found = _speakers_of(members, ctx, sent, conjuncts)
        extra = [x for c in members.conjuncts for x in _speakers_of(c, ctx, sent, False)] if conjuncts else []
        return found + [x for x in extra if x not in found]
    pair = _named_pair(head, ctx, sent)
    if pair is not None:
        return pair
    if head.pos_ == "PRON":
        if low in _PRONOUN_GENDER:
            person = _resolve_person(ctx, head, _PRONOUN_GENDER[low])
            return [person] if person else []
        if low == "it" and head.dep_ == "nsubj":
            # "It called on Pyongyang to ...": the agency or state that just spoke.
            previous = _recent_speakers(ctx, sent, types={EntityType.AGENCY, EntityType.STATE}, sentences=1)
            return previous[-1:]
        if low == "they" and head.dep_ == "nsubj":
            return _recent_group(ctx, head, sent)
        return []
    if head.pos_ == "PROPN" and m is None:
        known = _known_alias(head, ctx)
        if known:
            return [known]
    if m is None and head.pos_ in {"PROPN", "NOUN"}:
        known = _known_surname(head, ctx)  # the tagger takes 'Trump' for a noun
        if known:
            return [known]
    if head.lemma_.lower() in _MESSAGE_NOUNS:
        # "the ministry's morning briefing claimed": the owner of the message speaks; "the statement
        # added": the speaker who just issued it.
        owners = [s for c in head.children if c.dep_ == "poss" for s in _speakers_of(c, ctx, sent, conjuncts)]
        # "the joint letter of these states said": the owner after 'of' or 'by'.
        owners = owners or [s for o in _objects_of(head, {"of", "by", "from"}) for s in _speakers_of(o, ctx, sent, conjuncts)]
        return owners or _message_owner(head, ctx, sent)
    if head.lemma_.lower() in _AUTHOR_NOUNS:
        # "the authors of the communique assured": whoever issued it.
        return [s for o in _objects_of(head, {"of"}) if o.lemma_.lower() in _MESSAGE_NOUNS
                for s in _speakers_of(o, ctx, sent, conjuncts)]
    is_role = low in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS or low in _ROLE_GENDER
    if low in INSTITUTION_HEADS and any(
        ctx.by_token.get(c.i) is not None and ctx.by_token[c.i].type is EntityType.PERSON
        for c in head.children if c.dep_ == "poss"
    ):
        # "Budanov's agency, the GUR", "President Yoon's office": an institution, not its head.
        return _person_institution(head, ctx)
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
    if is_role:
        # "the spokesman for the army's Eastern Command, Shi Yi, said": the name in apposition at the
        # phrase's end, wherever the parser hung it.
        named_after = [ctx.by_token[t.i] for t in head.subtree if t.dep_ == "appos" and t.i > head.i
                       and t.i in ctx.by_token and ctx.by_token[t.i].type is EntityType.PERSON]
        if named_after:
            return [named_after[-1].entity]
    is_definite = any(t.lower_ in {"the", "this", "that"} for t in head.children)
    owner = next((ctx.by_token[c.i] for c in head.children if c.dep_ == "poss" and c.i in ctx.by_token
                  and ctx.by_token[c.i].type in {EntityType.STATE, EntityType.AGENCY}), None)
    if is_role and head.tag_ == "NN" and not is_definite and owner is None and any(
            c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ctx.by_token for c in head.children):
        # "The navy's chief spokesman says": the holder the article names before or after,
        # else one unnamed person named as the article names them.
        return [_role_person(ctx, head) or _unnamed_role(head, ctx)]
    if is_role and head.tag_ == "NN" and not is_definite and owner is not None:
        # "Ukraine's defence minister said", "the army's spokesperson says": the holder the article names.
        person = _role_person(ctx, head, state=owner.entity if owner.type is EntityType.STATE else None)
        if person:
            return [person]
        if head.i > sent.start and not any(c.dep_ in {"appos", "acl", "relcl"} for c in head.children):
            # No holder named: one unnamed person, named as the article names them (CONVENTIONS.md).
            return [_unnamed_role(head, ctx)]
    if head.tag_ == "NNS" and any(c.lower_ in {"the", "these", "those"} for c in head.children) and all(
            c.dep_ in {"det", "punct"} for c in head.children) and (is_role or head.lemma_.lower() in _GROUP_LEMMAS) \
            and low != "authorities":
        # "the lawmakers quoted ...", "the officials said": the group that just spoke.
        group = _recent_group(ctx, head, sent)
        if group:
            return group
    if is_role and not is_definite and head.tag_ in {"NN", "NNP"} and _is_headline(sent) and not any(
            c.dep_ in {"det", "poss", "nummod"} for c in head.children):
        is_definite = True  # headlinese drops the article: "..., minister says"
    if is_role:
        if is_definite and head.tag_ in {"NN", "NNP"}:
            person = _role_person(ctx, head)
            if person is None:
                person = _resolve_person(ctx, head, _ROLE_GENDER.get(low))
                role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else low
                if person and head.text[:1].isupper() and head.i != head.sent.start and ctx.roles.get(person) \
                        and role not in ctx.roles[person]:
                    # A capitalised office ("the Secretary") is not the spokesperson who just spoke.
                    person = None
            if person:
                ctx.roles.setdefault(person, set()).update(_phrase_words(head))
                return [person]
            role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else low
            if head.is_lower and head.tag_ == "NN" and not _is_headline(sent) \
                    and not any(role in words for words in ctx.roles.values()):
                # "the journalist said" and no journalist named anywhere: one unnamed person (CONVENTIONS.md).
                return [_unnamed_role(head, ctx)]
            return []
        unnamed = _unnamed_speaker(head, ctx)
        if unnamed:
            return [unnamed]
        institutions = [n.entity for n in named if n.type in SPEAKER_TYPES and not n.demonym]
        states = [n.entity for n in named if n.type is EntityType.STATE]
        found = (institutions or states)[:1]
        if found and low in _ROLE_GENDER:
            ctx.spoken.append((head.i, found[0], _ROLE_GENDER[low]))  # "A Pentagon spokeswoman ... she"
        return found
    unnamed = _unnamed_speaker(head, ctx)
    if unnamed:
        return [unnamed]
    if low in STATE_HEADS or head.lemma_.lower() in STATE_HEADS:
        return _states_of(head, ctx, sent, is_definite)
    if low in INSTITUTION_HEADS or head.lemma_.lower() in INSTITUTION_HEADS:
        if low in _MASS_NOUNS and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in head.children):
            return []  # "intelligence indicates ...": information, not an agency
        return [_antecedent_agency(head, ctx, sent)]
    if is_definite and head.tag_ == "NN" and head.is_lower and head.lemma_.lower() in PERSON_NOUNS \
            and not _recent_speakers(ctx, sent, types={EntityType.PERSON}, sentences=_ROLE_SENTENCES) \
            and not any(m.type is EntityType.PERSON and _window_start(ctx, sent, _ROLE_SENTENCES) <= m.start < head.i
                        for m in ctx.mentions):
        # "the journalist said" with no person named before: one unnamed person (CONVENTIONS.md).
        return [_unnamed_role(head, ctx)]
    return []


# Quantity nouns whose members speak: "a number of Asian states and Australia", "dozens of residents".
_PARTITIVES = word_list("statement_words.yaml", "partitives")


def _is_army_by_name(m: Mention, ctx: _Context) -> bool:
    """'the Polish army', "Chile's Armed Forces": a state's army, typed a Unit where it fights."""
    words = [t.lower_ for t in ctx.doc[m.start : m.end]]
    return m.type is EntityType.UNIT and m.label == "UNIT" and len(words) >= 2 and (
        words[-1] in {"army", "military"} or words[-2:] == ["armed", "forces"])


def _army_agency(m: Mention, ctx: _Context) -> str:
    """The army as a speaker is its command, an Agency (CONVENTIONS.md) named as the article names
    it; a later bare 'the army' or 'the military' refers back to it."""
    span = ctx.doc[m.start : m.end]
    surface = re.sub(r"^(?:the|The)\s+", "", span.text)
    named = next((x for x in m.inner if x.type is EntityType.AGENCY and x.entity), None)
    if named is not None:  # NER read it as an organisation too: "Chilean Armed Forces"
        entity = ctx.table.add(EntityType.AGENCY, ctx.table.names[named.entity], surface, count=False, rule="variant")
    else:
        entity = ctx.table.add(EntityType.AGENCY, surface, surface, rule="description")
    ctx.armies.append((m.start, entity))
    return entity


def _partitive_members(head: Token) -> Token | None:
    """The plural noun a quantity phrase counts ('a number of [countries]'), else None."""
    if head.lemma_.lower() not in _PARTITIVES or head.pos_ != "NOUN":
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return member if member is not None and (member.tag_ in {"NNS", "NNPS"} or member.conjuncts) else None


# Institution nouns that, bare, are a mass noun ("intelligence suggests"), not a body.
_MASS_NOUNS = word_list("statement_words.yaml", "mass_nouns")
# Plural nouns for unnamed people who speak as a group: "diplomatic sources", "many locals".
_GROUP_LEMMAS = word_list("statement_words.yaml", "group_nouns")
# Determiners that single out an unnamed person ("a senior official") or make a group indefinite.
_INDEFINITE = {"a", "an", "another", "one"}
_GROUP_DETERMINERS = word_list("statement_words.yaml", "group_determiners")
# Prepositions that say where an unnamed speaker is from: "an official from Seoul's foreign ministry".
_ORIGIN_PREPS = word_list("statement_words.yaml", "origin_preps")


def _identified_as(head: Token, ctx: _Context) -> str | None:
    """'a soldier, identified only by the surname X, told ...', 'a woman named Ana said': the person the
    description names, else None."""
    if head.pos_ != "NOUN":
        return None
    # The parser may hang the description on a noun inside the phrase ('a soldier captured by
    # the army, identified by his surname X').
    for c in head.subtree:
        if c.dep_ == "acl" and c.lemma_.lower() in {"identify", "name", "call"} and c.i > head.i:
            found = [ctx.by_token[t.i].entity for t in c.subtree if t.i in ctx.by_token
                     and ctx.by_token[t.i].type is EntityType.PERSON and ctx.by_token[t.i].entity]
            if found:
                return found[0]
    return None


def _unnamed_speaker(head: Token, ctx: _Context) -> str | None:
    """An unnamed speaker named as the article names it (CONVENTIONS.md): one person singled out
    ("a senior US official", "an official from the foreign ministry", "one of the soldiers") is a
    Person; a described group ("diplomatic sources", "US intelligence officials", "some sources") is
    an Agency. None for other phrases (a bare "officials", "the minister")."""
    low, lemma = head.lower_, head.lemma_.lower()
    dets = {c.lower_ for c in head.children if c.dep_ in {"det", "nummod", "amod", "predet"}}
    if low == "one":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if member is None or member.lemma_.lower() not in _GROUP_LEMMAS | ROLE_NOUNS:
            return None
        type_ = EntityType.PERSON
    elif head.tag_ == "NN" and (lemma in ROLE_NOUNS or low in _ROLE_GENDER) and dets & _INDEFINITE:
        type_ = EntityType.PERSON
    elif head.tag_ == "NNS" and lemma in _GROUP_LEMMAS and (
            dets & _GROUP_DETERMINERS or any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in head.children)
            or _origin_preps(head)):
        type_ = EntityType.AGENCY
    else:
        return None
    tokens = [t for c in head.lefts if c.dep_ not in {"det", "punct", "cc"} or c.lower_ in _GROUP_DETERMINERS
              for t in c.subtree] + [head]
    # "people familiar with the matter": an adjective after the noun is part of the description
    tokens += [t for c in head.rights if c.dep_ == "amod" for t in c.subtree]
    for prep in _origin_preps(head) if low != "one" else [c for c in head.children if c.dep_ == "prep"]:
        tokens += [prep] + [t for o in prep.children if o.dep_ == "pobj" for t in _phrase_tokens(o)]
    left, right = min(t.i for t in tokens), max(t.i for t in tokens)
    while left < head.i and (ctx.doc[left].lower_ in {"a", "an", "the"} or ctx.doc[left].is_punct):
        left += 1
    surface = ctx.doc[left : right + 1].text
    entity = ctx.table.add(type_, surface, surface, rule="description")
    if type_ is EntityType.PERSON:
        gender = _ROLE_GENDER.get(low)
        ctx.roles.setdefault(entity, set()).update(_phrase_words(head))
        ctx.spoken.append((head.i, entity, gender))
        if gender:
            ctx.gender.setdefault(entity, gender)
    return entity


def _unnamed_role(head: Token, ctx: _Context) -> str:
    """A Person entity for an owned role with no holder in the article: "Ukraine's chief of staff"."""
    tokens = _phrase_tokens(head)
    left, right = min(t.i for t in tokens), max(t.i for t in tokens)
    while left < head.i and (ctx.doc[left].lower_ in {"a", "an", "the"} or ctx.doc[left].is_punct):
        left += 1
    surface = ctx.doc[left : right + 1].text
    entity = ctx.table.add(EntityType.PERSON, surface, surface, rule="description")
    gender = _ROLE_GENDER.get(head.lower_)
    ctx.roles.setdefault(entity, set()).update(_phrase_words(head))
    ctx.spoken.append((head.i, entity, gender))
    if gender:
        ctx.gender.setdefault(entity, gender)
    return entity


def _origin_preps(head: Token) -> list[Token]:
    """'from/in/at ...' phrases of an unnamed speaker that name a body or a state."""
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ in _ORIGIN_PREPS
            and any(t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in INSTITUTION_HEADS for t in c.subtree)]


_PAIR_STATE_NOUNS = word_list("statement_words.yaml", "pair_state_nouns")
_PAIR_PERSON_NOUNS = word_list("statement_words.yaml", "pair_person_nouns")


def _named_pair(head: Token, ctx: _Context, sent: Span) -> list[str] | None:
    """'Both countries rejected', 'The two condemned', 'the two leaders said': the last two speakers
    of the fitting type named in the sentence before (states for 'countries', people for 'the two'
    and 'leaders'); None when `head` is no such phrase."""
    low = head.lower_
    if low in {"two", "both"} and not any(c.dep_ == "prep" for c in head.children):
        types = {EntityType.PERSON, EntityType.STATE}
    elif low in _PAIR_STATE_NOUNS | _PAIR_PERSON_NOUNS and any(
            c.lower_ in {"both", "two"} and c.dep_ in {"det", "nummod", "predet"} for c in head.children):
        types = {EntityType.STATE} if low in _PAIR_STATE_NOUNS - {"sides"} else \
            {EntityType.PERSON} if low not in {"sides"} else {EntityType.PERSON, EntityType.STATE}
    else:
        return None
    if low == "two" and not any(c.lower_ == "the" for c in head.children):
        return None
    start = _window_start(ctx, sent, 1)
    found: list[str] = []
    for m in ctx.mentions:
        if start <= m.start < sent.start and m.entity and m.type in types and not m.demonym \
                and not _is_dateline(m, ctx.doc):
            if m.entity in found:
                found.remove(m.entity)
            found.append(m.entity)
    # One type must offer the pair: 'Austin spoke with Republic of Korea Minister Kim' -> the people.
    pairs = [[e for e in found if ctx.table.types.get(e) is t] for t in types]
    pairs = [p[-2:] for p in pairs if len(p) == 2]
    return pairs[0] if len(pairs) == 1 else []


def _person_institution(head: Token, ctx: _Context) -> list[str]:
    """The agency a person's institution noun names: the agency in apposition ("Budanov's agency,
    the GUR"), else a generic agency named after the person's office ("President Yoon's office" ->
    "South Korean presidential office" when the actor dictionary knows Yoon's state)."""
    for c in head.children:
        if c.dep_ == "appos":
            named = _entities_in(_phrase_tokens(c), ctx)
            if named:
                return named[:1]
    owner = next(ctx.by_token[c.i] for c in head.children if c.dep_ == "poss" and c.i in ctx.by_token)
    name = ctx.table.names.get(owner.entity, owner.name)
    surface = re.sub(r"^(?:the|The)\s+", "", ctx.doc[head.left_edge.i : head.i + 1].text)
    actor = load_actors().lookup(EntityType.PERSON, name)
    titles = {w for r in (actor.roles if actor else ()) for w in r.title.lower().split()} | ctx.roles.get(owner.entity, set())
    if head.lower_ == "office" and "president" in titles and actor is not None and actor.state:
        label = f"{load_gazetteer().adjective.get(actor.state, actor.state)} presidential office"
    else:
        label = f"{name}'s {head.lower_}"
    return [ctx.table.add(EntityType.AGENCY, label, surface, rule="description")]


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


def _known_alias(head: Token, ctx: _Context) -> str | None:
    """A proper name NER missed here but the article used elsewhere for a speaker ('KCNA')."""
    left = min([head.i] + [c.i for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    surface = ctx.doc[left : head.i + 1].text
    for key, aliases in ctx.table.aliases.items():
        if ctx.table.types.get(key) in SPEAKER_TYPES and (surface in aliases or ctx.table.names.get(key) == surface):
            return key
    return None


def _states_of(head: Token, ctx: _Context, sent: Span, is_definite: bool) -> list[str]:
    """'Western and South Korean governments' -> South Korea; 'the government' -> the state last
    mentioned; bare 'officials' -> nobody."""
    mods = [t for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"} for t in c.subtree]
    out: list[str] = []
    for t in mods:
        m = ctx.by_token.get(t.i)
        if m is not None and m.type is EntityType.STATE and m.entity not in out:
            out.append(m.entity)
    if out or not is_definite or head.tag_ != "NN" and head.lower_ != "authorities":
        return out
    start = _window_start(ctx, sent, _PRONOUN_SENTENCES)
    states = [m.entity for m in ctx.mentions if start <= m.start < head.i and m.type is EntityType.STATE]
    return states[-1:]


def _recent_group(ctx: _Context, head: Token, sent: Span) -> list[str]:
    """'they said', 'the lawmakers said': the speakers of the latest act by a group (two or more
    speakers, or a plural noun such as 'diplomatic sources') in this and the previous sentences."""
    start = _window_start(ctx, sent, _PRONOUN_SENTENCES)
    found = [g for i, g in ctx.groups if start <= i < head.i]
    return list(found[-1]) if found else []


def _is_headline(sent: Span) -> bool:
    """A line of its own with no closing punctuation: a headline or subheading."""
    text = sent.text.strip()
    return bool(text) and "\n" not in text and text[-1] not in '.!?"”’:;,)'


def _known_surname(head: Token, ctx: _Context) -> str | None:
    """'Trump later said' where NER missed 'Trump': the article's one person with that surname."""
    if any(c.dep_ == "compound" for c in head.children) or not head.text[:1].isupper() or len(head.text) < 2:
        return None
    people = [k for k, t in ctx.table.types.items()
              if t is EntityType.PERSON and len(ctx.table.names[k].split()) > 1 and ctx.table.names[k].split()[-1] == head.text]
    return people[0] if len(people) == 1 else None


def _phrase_words(head: Token) -> set[str]:
    """The lower-case words of a role phrase without its determiners: 'the foreign minister'."""
    words = {head.lower_, head.lemma_.lower()}
    for c in head.children:
        if c.dep_ in {"amod", "compound", "nmod"}:
            words |= {t.lower_ for t in c.subtree if t.is_alpha}
    return words


def _learn_people(ctx: _Context) -> None:
    """Roles ('Foreign Minister X', 'X, the Pentagon's press secretary') and gender cues ('Mr.',
    'spokeswoman') that the article gives each person, for resolving 'the minister' and 'she'."""
    doc = ctx.doc
    for m in ctx.mentions:
        if m.type is not EntityType.PERSON or not m.entity:
            continue
        root = doc[m.start : m.end].root
        words = {t.lower_ for t in doc[root.left_edge.i : m.start] if t.is_alpha}
        if root.dep_ == "appos":
            words |= _phrase_words(root.head)
        for c in root.children:
            if c.dep_ == "appos":
                words |= _phrase_words(c)
        if m.start > 0 and doc[m.start - 1].lower_ in _TITLE_GENDER:
            ctx.gender.setdefault(m.entity, _TITLE_GENDER[doc[m.start - 1].lower_])
        if words & (ROLE_NOUNS | set(_ROLE_GENDER)):
            ctx.roles.setdefault(m.entity, set()).update(words)
            for w in words & set(_ROLE_GENDER):
                ctx.gender.setdefault(m.entity, _ROLE_GENDER[w])
    _learn_dictionary_roles(ctx)


def _learn_dictionary_roles(ctx: _Context) -> None:
    """The offices the actor dictionary gives a person on the article's date ('Rustem Umerov' was
    defence minister in 2024), so 'Ukraine's defense minister' finds him where the article never
    spells the title out; nothing without a date, since offices change hands."""
    if not ctx.published:
        return
    actors = load_actors()
    for entity, type_ in ctx.table.types.items():
        actor = actors.lookup(type_, ctx.table.names[entity]) if type_ is EntityType.PERSON else None
        for role in actor.roles if actor else ():
            if role.active(ctx.published):
                words = {w for title in (role.title, *role.titles) for w in title.lower().split()}
                ctx.roles.setdefault(entity, set()).update(words)


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


def _resolve_person(ctx: _Context, pronoun: Token, gender: str | None) -> str | None:
    """The person 'he'/'she' (or an unnamed 'the official') refers to: the most recent main-clause
    subject or speaker in this and the previous sentences whose known gender does not differ, else the
    last person who made a statement, else the last person mentioned."""
    doc = ctx.doc
    start = _window_start(ctx, pronoun.sent, _PRONOUN_SENTENCES)
    candidates: list[tuple[int, str, str | None]] = []
    for m in ctx.mentions:
        if m.type is EntityType.PERSON and m.entity and start <= m.start < pronoun.i:
            root = doc[m.start : m.end].root
            if _is_main_subject(root) and not _inside_quote(root, ctx):
                candidates.append((m.start, m.entity, ctx.gender.get(m.entity)))
    candidates += [(i, e, g or ctx.gender.get(e)) for i, e, g in ctx.spoken if start <= i < pronoun.i]

    def fits(entity: str, known: str | None) -> bool:
        return gender is None or known is None or known == gender

    found = next((e for _, e, g in sorted(candidates, reverse=True) if fits(e, g)), None)
    if found is None and ctx.last_person_speaker and fits(ctx.last_person_speaker, ctx.gender.get(ctx.last_person_speaker)):
        found = ctx.last_person_speaker
    if found is None:
        found = next((m.entity for m in reversed(ctx.mentions) if m.start < pronoun.i and m.type is EntityType.PERSON
                      and fits(m.entity, ctx.gender.get(m.entity))), None)
    if found and gender and ctx.table.types.get(found) is EntityType.PERSON:
        ctx.gender.setdefault(found, gender)
    return found


def _role_person(ctx: _Context, head: Token, state: str | None = None) -> str | None:
    """'the minister': the most recently mentioned person the article gave that role; with `state`
    ("Ukraine's minister") not one whose role the article or the actor dictionary ties to another state."""
    role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else head.lower_
    mods = _phrase_words(head) - {head.lower_, head.lemma_.lower()} - {"former", "new", "top", "senior", "then"}
    # "Chilean minister": the demonym names the state, not a word of the title.
    for t in (t for c in head.children if c.dep_ in {"amod", "compound"} for t in c.subtree):
        m = ctx.by_token.get(t.i)
        if m is not None and m.type is EntityType.STATE and m.entity:
            mods -= {x.lower_ for x in ctx.doc[m.start : m.end]}
            state = state or m.entity
    start = _window_start(ctx, head.sent, _ROLE_SENTENCES)
    best: tuple[int, str] | None = None
    def other_state(entity: str) -> bool:
        return state is not None and _person_states(ctx, entity) - {ctx.table.names.get(state)} != set()

    for m in ctx.mentions:
        if m.type is not EntityType.PERSON or not m.entity or not start <= m.start < head.i or other_state(m.entity):
            continue
        words = ctx.roles.get(m.entity, set())
        if role in words and mods <= words and (best is None or m.start > best[0]):
            best = (m.start, m.entity)
    for i, e, _ in ctx.spoken:
        if start <= i < head.i and role in ctx.roles.get(e, set()) and mods <= ctx.roles[e] and (best is None or i > best[0]) \
                and not other_state(e):
            best = (i, e)
    if best is None and not any(m.type is EntityType.PERSON and start <= m.start < head.i for m in ctx.mentions):
        # A lead or headline names the role before the person: "Ukraine's defence minister said on
        # Tuesday ... Rustem Umerov, the minister, ...": the first holder named after it.
        end = _window_end(ctx, head.sent, _ROLE_SENTENCES)
        best = next(((m.start, m.entity) for m in ctx.mentions if m.type is EntityType.PERSON and m.entity
                     and head.i < m.start < end and role in ctx.roles.get(m.entity, set())
                     and mods <= ctx.roles[m.entity] and not other_state(m.entity)), None)
    return best[1] if best else None


def _person_states(ctx: _Context, entity: str) -> set[str]:
    """The states a person's role words ('Russian', 'Ukraine') or dictionary entry tie them to."""
    gaz = load_gazetteer()
    words = ctx.roles.get(entity, set())
    out = {gaz.demonyms.get(w) or gaz.states.get(w) for w in words} - {None}
    actor = load_actors().lookup(EntityType.PERSON, ctx.table.names.get(entity, ""))
    if actor is not None and actor.state:
        out.add(actor.state)
    return out


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


def _antecedent_agency(head: Token, ctx: _Context, sent: Span) -> str:
    """The agency a bare institution noun refers to; for an owned one ("China's foreign ministry")
    a generic agency named by owner and noun; else a generic agency named by the noun."""
    own = {t.i for t in head.subtree}
    owners = [ctx.by_token[t.i] for c in head.children if c.dep_ in {"poss", "amod", "compound", "nmod"}
              for t in c.subtree if t.i in ctx.by_token]
    words = [t.lower_ for t in head.subtree if t.dep_ in {"compound", "amod"} and t.head.i == head.i and t.i not in ctx.by_token]
    phrase = " ".join([*words, head.lower_])
    if owners:
        owner = owners[0]
        if owner.type is EntityType.STATE:
            label = f"{load_gazetteer().adjective.get(owner.name, owner.name)} {phrase}"
        else:
            label = f"{owner.name} {phrase}"
        surface = ctx.doc[min(own) : head.i + 1].text
        return ctx.table.add(EntityType.AGENCY, label, re.sub(r"^(?:the|The)\s+", "", surface))
    start = _window_start(ctx, sent, _ANTECEDENT_SENTENCES)
    armies = [e for i, e in ctx.armies if start <= i < head.i]
    if armies and head.lower_ in {"army", "military"}:
        return armies[-1]  # "the army said" after "the Sudanese army said"
    keys = {t.lower_ for t in head.subtree if t.is_alpha and not t.is_stop} | {head.lemma_.lower()}
    candidates = [m for m in ctx.mentions if start <= m.start < head.i and m.type is EntityType.AGENCY and m.start not in own]
    for m in reversed(candidates):
        if keys & set(f"{m.name} {m.text}".lower().split()):
            return m.entity
    if candidates and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return candidates[-1].entity  # "the ministry": the agency just named; a bare "Police said" is not
    return ctx.table.add(EntityType.AGENCY, phrase, head.text)


# --- lines: transcript turns and headline attributions ------------------------------------------

# "MR. MILLER: Good afternoon.", "SPOKESPERSON: ...", "Kremlin: cooperation 'no business' of the West".
_LINE_LABEL = re.compile(
    r"^[ \t]*(?:\((?:LEAD|UPDATE|URGENT|\w+ LEAD|SOUND ?BITE[^)\n]*)\)\s*)?"
    r"(?:(?P<title>(?i:mr|ms|mrs|dr|amb|gen|sen|rep|ambassador|secretary|minister|general|president))\.?\s+)?"
    r"(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})"
    # a broadcaster's transcript: "ANA CASTEL, DEFENCE MINISTER:", "STEVE INSKEEP, HOST:"
    r"(?:[ \t]*,[ \t]*(?P<role>[A-Z][A-Z.'’ -]{1,40}?))?[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)",
    re.M,
)
# Turn labels of the other side of a briefing or interview, never statements.
_NOT_SPEAKER_LABELS = word_list("statement_words.yaml", "not_speaker_labels")
# A transcript turn of these words only ("Thanks, everyone.") is no act.
_PLEASANTRY_WORDS = word_list("statement_words.yaml", "pleasantry_words")
# A headline's closing attribution: "'Access will be given' – Zelenskyy", "... casualties: JCS",
# "..., claims Zelensky".
_TRAILING_SEPARATORS = {"–", "—", "-", "--", ":"}
_HEADLINE_WORDS = 4


def _line_acts(ctx: _Context, skip: list[tuple[int, int]]
               ) -> dict[int, list[tuple[str, str, list[Token], tuple[int, int] | None]]]:
    """Statements made by a line's layout rather than a verb, keyed by the token they anchor on:
    a transcript turn or headline label at line start ('MR. MILLER: ...', 'Kremlin: ...') anchors on
    the first word after the colon; a headline's closing attribution ('... – Zelenskyy', '...: JCS',
    '..., claims Zelensky') on the speaker's first token. Each value is (speaker, verb, cue tokens,
    passage): a transcript turn's passage is the whole turn (label included), since the turn is one act
    whatever sentence of it carries the substance; a turn of pleasantries only ('Thanks, everyone.')
    is no act."""
    doc, text = ctx.doc, ctx.doc.text
    starts = {t.idx: t for t in doc}
    out: dict[int, list[tuple[str, str, list[Token], tuple[int, int] | None]]] = {}
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip() or covers(skip, a) or covers(skip, b - 1):
            continue
        match = _LINE_LABEL.match(line)
        if match and match.group("role") and match.group("role").strip().lower() in _NOT_SPEAKER_LABELS:
            # The outlet's own host or correspondent narrates: none of their turns is a source's act.
            ctx.narrators.add(match.group("label").split()[-1].lower())
            continue
        if match and match.group("label").split()[-1].lower() in ctx.narrators:
            continue
        if match and not line[match.end():].strip():
            match = None  # a label alone on its line: the turn's words follow on the next
        if match:
            after = starts.get(a + match.end())
            speaker, cue = _label_speaker(ctx, a + match.start("label"), a + match.end("label"),
                                          bool(match.group("title")), line[match.end():])
            if speaker and after is not None:
                if _pleasantry(line[match.end():]):
                    continue
                if match.group("title") or line[match.start("label"):match.end("label")].isupper():
                    begin = a + len(line) - len(line.lstrip())
                    out.setdefault(after.i, []).append((speaker, "turn", cue, (begin, a + len(line.rstrip()))))
                else:
                    out.setdefault(after.i, []).append((speaker, "turn", cue, None))
                continue
        found = _closing_attribution(ctx, a, b)
        if found:
            anchor, speaker, cue = found
            out.setdefault(anchor.i, []).append((speaker, "headline", cue, None))
    return out


def _pleasantry(rest: str) -> bool:
    """'Sure.', 'Thanks, everyone.', 'Good afternoon.': a turn that says nothing."""
    words = re.findall(r"[A-Za-z']+", rest.lower())
    return bool(words) and all(w in _PLEASANTRY_WORDS for w in words)


def _label_tokens(ctx: _Context, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_punct] if span is not None else []


def _label_speaker(ctx: _Context, start: int, end: int, titled: bool, rest: str) -> tuple[str | None, list[Token]]:
    """The speaker a line label names: a person (by mention, surname or role), or an agency or state
    named by a non-place mention when the rest of the line carries a quote or a verb."""
    label = doc_text(ctx.doc)[start:end].strip()
    tokens = _label_tokens(ctx, start, end)
    if not tokens or label.lower() in _NOT_SPEAKER_LABELS or label.lower().rstrip(".") in _NOT_SPEAKER_LABELS:
        return None, []
    found = {ctx.by_token[t.i].entity: ctx.by_token[t.i] for t in tokens if t.i in ctx.by_token}
    persons = [e for e, m in found.items() if m.type is EntityType.PERSON]
    if len(persons) == 1:
        return persons[0], tokens
    last = tokens[-1].lower_
    people = [k for k, t in ctx.table.types.items() if t is EntityType.PERSON]
    if last in ROLE_NOUNS or last in _ROLE_GENDER:
        holders = [k for k in people if last in ctx.roles.get(k, set())]
        if len(holders) == 1:
            return holders[0], tokens
        return None, []
    if titled or label.isupper() or len(tokens) == 1 and tokens[0].is_title and _headline_like(rest):
        # "MR. MILLER", "Castel: talks will resume": the article's one person with that surname.
        namesakes = [k for k in people if ctx.table.names[k].split()[-1].lower() == last]
        if len(namesakes) == 1:
            return namesakes[0], tokens
        if label.isupper() and not titled and 2 <= len(tokens) <= 4 and all(t.is_alpha for t in tokens) \
                and not any(t.lower_ in ROLE_NOUNS or t.lower_ in INSTITUTION_HEADS for t in tokens) \
                and _headline_like(rest):
            # "ANA CASTEL: We will defend ...": a transcript turn names its speaker in capitals
            name = " ".join(t.text.capitalize() for t in tokens)
            return ctx.table.add(EntityType.PERSON, name, label, rule="transcript label"), tokens
        if titled or len(tokens) > 1:
            return None, []
    if len(found) == 1 and not titled:
        entity, m = next(iter(found.items()))
        covers = m.start <= tokens[0].i and tokens[-1].i < m.end
        if covers and m.type in SPEAKER_TYPES and not m.demonym and m.label != "GPE" and _headline_like(rest):
            return entity, tokens
    return None, []


def _headline_like(rest: str) -> bool:
    """Whether what follows a label is reported content: a quote, or several words."""
    return any(q in rest for q in "'\"‘’“”") or len(rest.split()) >= _HEADLINE_WORDS


def _closing_attribution(ctx: _Context, a: int, b: int) -> tuple[Token, str, list[Token]] | None:
    """'<headline> – Zelenskyy', '<headline>: JCS', '<headline>, claims Zelensky': the line ends with
    a speaker after a dash, a colon or a comma and a present-tense reporting verb."""
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not t.is_space]
    if len(words) < _HEADLINE_WORDS + 2:
        return None
    m = ctx.by_token.get(words[-1].i)
    if m is None and words[-1].pos_ == "PROPN":
        # A name NER missed here but the article uses elsewhere for a speaker.
        known = _known_alias(words[-1], ctx)
        if known:
            left = min([words[-1].i] + [c.i for c in words[-1].lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
            m = Mention(left, words[-1].i + 1, ctx.doc[left : words[-1].i + 1].text, ctx.table.types[known],
                        ctx.table.names[known], entity=known)
    if m is None or m.end - 1 != words[-1].i or m.type not in SPEAKER_TYPES or m.demonym or not m.entity:
        return None
    body = [t for t in words if t.i < m.start]
    if len(body) < _HEADLINE_WORDS + 1:
        return None
    sep = body[-1]
    cue = [sep, *ctx.doc[m.start : m.end]]
    if sep.text in _TRAILING_SEPARATORS:
        if sep.text != ":" and is_outlet(m.name):
            return None  # "... - Reuters": a page title naming its outlet
        return ctx.doc[m.start], m.entity, cue
    if _is_report_verb(sep) and sep.tag_ in {"VBZ", "VBP"} and len(body) > 1 and body[-2].text == ",":
        return sep, m.entity, cue
    return None



