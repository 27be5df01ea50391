"""News outlets named beside a description of them: "the Polish news agency PAP", "Interfax, a
Russian news agency,", "broadcaster CT24". The description and the name are one outlet, so a
reporting verb governing either word gives one speaker, not the outlet and a generic agency."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

# entities.py calls this module while it builds its mentions: the two import each other, so the
# names below are read from the module at call time.
from loaders import entities as ents
from loaders.gazetteer import load_gazetteer
from loaders.nlp import doc_text
from schema.vocabulary import EntityType

# Outlet nouns that stand right before or after an outlet's name ("broadcaster NOS", "the Folha
# newspaper"); not "station", "network" or "channel", which also follow places and armed groups.
_BESIDE_NAME = {
    "daily", "newspaper", "paper", "broadcaster", "outlet", "magazine", "tabloid", "weekly", "agency", "wire",
    "publication",
}
_WORDS_BETWEEN = {",", "the", "a", "an"}
_MAX_NAME_TOKENS = 4


def is_outlet_description(m: ents.Mention, doc: Doc) -> bool:
    """A generic agency phrase headed by an outlet noun and naming no outlet: "a Russian news agency"."""
    return m.type is EntityType.AGENCY and m.rule == "description" and doc[m.end - 1].lower_ in ents.OUTLET_NOUNS


def join_outlet_descriptions(doc: Doc, mentions: list[ents.Mention]) -> list[ents.Mention]:
    """Fold each outlet description into the named outlet beside it: touching ("the news agency
    Interfax") the name's mention grows over it; across a comma ("PAP, the Polish news agency,")
    the description stays an alias of the name."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    drop: set[int] = set()
    for m in mentions:
        if _is_named_agency(m, doc):
            _grow_over_outlet_noun(doc, m, by_end)
    for d in mentions:
        if not is_outlet_description(d, doc):
            continue
        name = _named_outlet_beside(doc, d, by_start, by_end)
        if name is None:
            continue
        drop.add(id(d))
        if name.start == d.end:
            name.start, name.text = d.start, doc[d.start : name.end].text
        else:
            name.forms.append(d.text)
        name.inner.extend(d.inner)
    return [m for m in mentions if id(m) not in drop]


def _grow_over_outlet_noun(doc: Doc, m: ents.Mention, by_end: dict[int, ents.Mention]) -> None:
    """'the news agency Interfax', 'broadcaster TRT': the name's mention grows left over the outlet
    noun before it, so a verb governing the noun has the outlet as its subject."""
    start = m.start
    while start > 0 and m.start - start < 2 and doc[start - 1].lower_ in ents.OUTLET_NOUNS | {"news"} \
            and doc[start - 1].is_lower and start not in by_end:
        start -= 1
    if start < m.start and doc[m.start - 1].lower_ in ents.OUTLET_NOUNS:
        m.forms.append(m.text)  # the bare name stays a surface form: "KCNA"
        m.start, m.text = start, doc[start : m.end].text


def _named_outlet_beside(doc: Doc, d: ents.Mention, by_start: dict[int, ents.Mention],
                         by_end: dict[int, ents.Mention]) -> ents.Mention | None:
    """The named agency right after `d`, or before it across a comma: the outlet `d` describes."""
    after = by_start.get(d.end)
    if after is not None and _is_named_agency(after, doc):
        return after
    i = d.start - 1
    while i >= 0 and doc[i].lower_ in _WORDS_BETWEEN - {","}:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    if d.end >= len(doc) or doc[d.end].text not in {",", ")"}:
        return None
    before = by_end.get(i)
    if before is not None and _is_named_agency(before, doc):
        return before
    return None


def _is_named_agency(m: ents.Mention, doc: Doc) -> bool:
    return m.type is EntityType.AGENCY and not is_outlet_description(m, doc) and any(
        t.is_upper and len(t) > 1 or t.is_title for t in doc[m.start : m.end])


def outlet_names(doc: Doc, taken: set[int]) -> list[ents.Mention]:
    """Names NER missed beside an outlet noun: "broadcaster CT24", "the PAP agency", "PAP, the
    Polish news agency" (an acronym before a comma and an outlet description)."""
    out = []
    for token in _outlet_nouns(doc):
        if token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            continue
        for start, end in (_name_after(doc, token, taken), _name_before(doc, token, taken),
                           _name_in_apposition(token, taken)):
            if start is None:
                continue
            text = doc[start:end].text
            out.append(ents.Mention(start, end, text, EntityType.AGENCY, text, label="ORG"))
            taken.update(range(start, end))
    return out


_BESIDE_NAME_WORD = re.compile(r"\b(?:" + "|".join(sorted(_BESIDE_NAME)) + r")\b", re.I)


def _outlet_nouns(doc: Doc) -> list[Token]:
    """The outlet nouns of the doc, found in its text: walking every token costs more."""
    spans = (doc.char_span(m.start(), m.end()) for m in _BESIDE_NAME_WORD.finditer(doc_text(doc)))
    return [span[0] for span in spans if span is not None and len(span) == 1]


def _name_after(doc: Doc, noun: Token, taken: set[int]) -> tuple[int | None, int]:
    """'broadcaster CT24': the name tokens right after the outlet noun."""
    end = noun.i + 1
    while end < len(doc) and end - noun.i <= _MAX_NAME_TOKENS and _name_token(doc[end], taken):
        end += 1
    return (noun.i + 1, end) if end > noun.i + 1 and _is_name(doc, noun.i + 1, end) else (None, 0)


def _name_before(doc: Doc, noun: Token, taken: set[int]) -> tuple[int | None, int]:
    """'the PAP agency', 'the NOS news agency': name tokens before the outlet noun (and 'news')."""
    end = noun.i
    if end > 0 and doc[end - 1].lower_ == "news":
        end -= 1
    start = end
    while start > 0 and end - start < _MAX_NAME_TOKENS and _name_token(doc[start - 1], taken):
        start -= 1
    if start == end or start == doc[start].sent.start and not doc[start].is_upper:
        return None, 0
    return (start, end) if _is_name(doc, start, end) else (None, 0)


def _name_in_apposition(noun: Token, taken: set[int]) -> tuple[int | None, int]:
    """'PAP, the Polish news agency,': an acronym the outlet noun stands in apposition to."""
    head = noun.head
    if noun.dep_ != "appos" or head.i >= noun.i or not _name_token(head, taken) or not head.is_upper:
        return None, 0
    return head.i, head.i + 1


def _name_token(t: Token, taken: set[int]) -> bool:
    return t.i not in taken and not t.is_stop and not t.ent_type_ and "\n" not in t.whitespace_ and (
        t.is_upper and len(t) > 1 or t.is_title and t.pos_ == "PROPN" or t.text[:1].isupper() and any(c.isdigit() for c in t.text))


def _is_name(doc: Doc, start: int, end: int) -> bool:
    """Not a state's adjective or a lone title-case word at a sentence start."""
    text = doc[start:end].text
    return ents.state_of(text, load_gazetteer()) is None and not all(t.lower_ in ents.OUTLET_NOUNS for t in doc[start:end])
