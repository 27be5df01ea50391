"""Acts made by layout rather than a verb: a transcript turn ("MR. MILLER: ...", "ANA CASTEL: ...",
"(SOUND BITE) NAME, ROLE: ..."; the outlet's hosts and correspondents narrate), a headline label
("Kremlin: ...") and a headline's closing attribution ("... – Zelenskyy", "..., claims X")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from loaders.entities import INSTITUTION_HEADS, ROLE_NOUNS, Mention
from loaders.lexicon import word_list
from loaders.metadata import is_outlet
from loaders.nlp import doc_text
from loaders.ranges import covers
from loaders.speaker_referents import _known_alias
from loaders.statement_context import (
    _Context,
    _HEADLINE_WORDS,
    _ROLE_GENDER,
    _is_report_verb,
)
from schema.vocabulary import SPEAKER_TYPES, EntityType


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
                and not any(t.lower_ in ROLE_NOUNS or t.lower_ in INSTITUTION_HEADS or t.is_stop
                            or t.lower_ in _NOT_SPEAKER_LABELS for t in tokens) \
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
