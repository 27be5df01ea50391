"""Reported statements: who said, confirmed or denied what, sentence by sentence.

The rule family is seven modules, each found from here in one hop: this one finds each
reporting act (verbs, 'according to', nominal acts, continuations); loaders/speakers.py finds a
verb's speaker phrases and loaders/speaker_sieves.py resolves each to speaker entities by an ordered
list of sieves (with the antecedent lookups of loaders/speaker_referents.py);
loaders/statement_kinds.py decides its kind; loaders/statement_lines.py reads acts made by layout
(transcript turns, headline labels and closing attributions); loaders/statement_context.py holds
the per-article context, the word lists (from loaders/data/) and the verb-shape helpers they share.

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
  question, not an act, and a question ('What do Russia and North Korea say?', a subheading)
  reports nothing; a parenthetical verb ('The Kremlin, he added, had ...') reports its host;
- set phrases report: 'issued / released / put out a statement', 'released footage which ...',
  'declined / refused to comment (discuss, say ...)' (the refusal is the act, kind `said`),
  'referred reporters to the ministry';
- layout reports: a transcript turn 'MR. MILLER: ...' or 'SPOKESPERSON: ...' at line start is one
  act by that person (surname or role resolved within the article) whose passage is the whole turn
  (annotators locate a turn at different sentences of it), a turn of pleasantries only ('Sure.',
  'Thanks, everyone.') is none, 'QUESTION:' / 'Q:' turns are not; a headline label 'Kremlin: ...' (not a place: 'SEOUL:' is a
  dateline) and a headline's closing attribution ('... – Zelenskyy', '...: JCS', '..., claims X';
  not '... - Reuters', an outlet naming its page) are acts of that speaker.

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
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from loaders.entities import Mention
from loaders.ids import statement_id
from loaders.lexicon import word_list
from loaders.metadata import MONTHS, find_published, infer_date, iso_date
from loaders.nlp import doc_text, sentence_span
from loaders.ranges import covers
from loaders.resolve import EntityTable
from loaders.speaker_referents import _learn_people
from loaders.speaker_sieves import _speakers_of
from loaders.speakers import (
    _outer_reporter,
    _shown_person,
    _verb_speakers,
)
from loaders.statement_context import (
    CONFIRM_LEMMAS,
    SAY_LEMMAS,
    _ACCESS_NOUNS,
    _BELIEF_LEMMAS,
    _CLAIM_NOUNS,
    _CLAUSE_ONLY,
    _Context,
    _DAY_MONTH,
    _ESTIMATE_NOUNS,
    _FALSITY,
    _FOOTAGE_NOUNS,
    _INTERPRETIVE,
    _LABEL_LEMMAS,
    _MAIN_CLAUSE_ONLY,
    _MESSAGE_NOUNS,
    _MESSAGE_ONLY,
    _NEEDS_CONTENT,
    _NOMINAL_ACTS,
    _NOMINAL_MAKERS,
    _OBJECT_CONTENT,
    _OPENING_QUOTES,
    _QUOTE_KIND,
    _REFUSED_ACTS,
    _SAME_ACT_PARTICIPLES,
    _SET_PHRASE_LEMMAS,
    _SOFT_DENY,
    _SOURCED_NOUNS,
    _UNVERIFIED,
    _UNVERIFIED_KEYS,
    _WEEKDAYS,
    _act_key,
    _claim_object,
    _entities_in,
    _inside_quote,
    _is_dateline,
    _is_report_verb,
    _message_owner,
    _note_speaker,
    _own_clause,
    _phrase_tokens,
    _set_phrase_act,
    _trailing_subject,
    find_quotes,
)
from loaders.statement_kinds import (
    _asserts_evidence,
    _calls_false,
    _hedged,
    _kind,
    _negated_or_hedged,
    _own_verdict,
    _quoted_kind,
    _rejects_proposal,
)
from loaders.statement_lines import (
    _line_acts,
)
from schema.records import StatementRecord
from schema.vocabulary import StatementKind


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


def _message_quoted(verb: Token, ctx: _Context, sent: Span) -> bool:
    """'"...," the statement read': a message as subject and a quote in the sentence."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _MESSAGE_NOUNS for c in verb.children) and any(
        a < sent.end_char and b > sent.start_char for a, b in ctx.quotes)


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
    if participle.lemma_.lower() != "say" or frame is None:
        return False
    quoted = [t for t in participle.subtree if t.i != participle.i and _inside_quote(t, ctx)]
    if not quoted:
        return False
    if _kind(frame)[0] is StatementKind.SAID:
        # After a plain 'said', 'saying' spells out the same act; after an act with content of its
        # own ('accused X of ..., saying: "..."'), a quote it opens with a colon is new content.
        colon = participle.i + 1 < len(participle.doc) and participle.doc[participle.i + 1].text == ":"
        return colon and frame.lemma_.lower() not in _QUOTE_KIND
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
