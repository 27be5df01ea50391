"""Quantity claims: troop numbers sent, present, killed, wounded or captured, with who claims them.

A claim is one figure in one sentence, as one claimant states it. Figures are never merged: two
sources giving different numbers, or one source giving two, make separate claims; a figure that
two speakers state in the same sentence ("according to U.S. and South Korean intelligence") is
one claim per speaker. The claimant is the speaker of a statement covering the sentence, else
the entity after an "according to" in it, else None: it is never guessed.
"""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc, Span, Token

from loaders.entities import Mention
from loaders.nlp import sentence_span, span_ents
from loaders.ranges import covers
from loaders.relations import sentence_date
from schema.records import QuantityRecord, StatementRecord
from schema.vocabulary import SPEAKER_TYPES, EntityType

MEASURES = ("sent", "present", "killed", "wounded", "casualties", "captured", "other")

# Nouns that count soldiers.
_PEOPLE_NOUNS = {
    "troops", "troop", "soldiers", "soldier", "personnel", "forces", "servicemen", "men", "fighters",
    "officers", "generals", "marines", "paratroopers", "mercenaries", "recruits", "conscripts", "crews",
    "replacements", "reinforcements", "koreans", "workers", "people", "civilians", "prisoners",
}
_GROUP_NOUNS = {"brigades", "battalions", "regiments", "units", "divisions", "contingent", "batch", "group"}
_CASUALTY_NOUNS = {"casualties", "casualty", "losses", "dead", "deaths", "toll", "wounded", "injured", "killed"}
_MEASURE_LEMMAS = {
    "sent": {"send", "deploy", "transfer", "dispatch", "move", "bring", "ship", "redeploy", "arrive", "deployment",
             "dispatch", "transfer"},
    "present": {"station", "be", "remain", "stay", "presence", "fight", "train"},
    "killed": {"kill", "die", "dead", "death", "deaths", "killed"},
    "wounded": {"wound", "injure", "wounded", "injured"},
    "casualties": {"casualty", "casualties", "loss", "losses", "toll"},
    "captured": {"capture", "captured", "prisoner", "surrender", "detain", "seize"},
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "couple": 2, "a": 1, "an": 1,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "k": 1_000}
_NUMBER = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<scale>hundred|thousand|million|k)?\b", re.I)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_ACCORDING = re.compile(r"\baccording to\b", re.I)


def quantity_id(article: str, value: int, start: int, claimant: str | None) -> str:
    """'qty-' plus a hash of the article id, value, figure offset and claimant id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in (article, value, start, claimant)).encode("utf-8"))
    return "qty-" + digest.hexdigest()[:16]


def parse_value(text: str) -> int | None:
    """The integer a figure states, its lower bound for ranges and hedges.

    >>> [parse_value(t) for t in ("over 10,000", "3,000", "a couple thousand", "1.5 million", "two", "up to 12,000")]
    [10000, 3000, 2000, 1500000, 2, 12000]
    """
    match = _NUMBER.search(text)
    if match:
        value = float(match.group("num").replace(",", ""))
        scale = match.group("scale")
        return int(value * _SCALES[scale.lower()]) if scale else int(value)
    words = re.findall(r"[a-z]+", text.lower())
    value, seen = 0, False
    for word in words:
        if word in _SCALES:
            value = (value or 1) * _SCALES[word]
            seen = True
        elif word in _NUMBER_WORDS and word not in {"a", "an"}:
            value += _NUMBER_WORDS[word]
            seen = True
    return value if seen and value else None


def extract_quantities(doc: Doc, mentions: list[Mention], table, statements: list[StatementRecord],
                       article_id: str, published: str | None,
                       skip: list[tuple[int, int]] | None = None) -> list[QuantityRecord]:
    """Sourced figures about soldiers in `doc`, in text order.

    A figure counts when it numbers soldiers or casualties ("12,000 North Korean troops", "about
    600,000 casualties") or stands for them as the subject or object of a deployment or casualty
    verb ("roughly 11,000 had been sent"). `table` is unused for now: claimants and units are
    entities already in `mentions` or `statements`.
    """
    by_token = {i: m for m in mentions if m.entity for i in range(m.start, m.end)}
    units = [m for m in mentions if m.type is EntityType.UNIT and m.entity]
    out: list[QuantityRecord] = []
    for sent in doc.sents:
        sentence, start, end = sentence_span(sent)
        if not sentence or covers(skip, start):
            continue
        figures = _figures(sent)
        if not figures:
            continue
        claimants = _claimants(sent, start, end, statements, by_token)
        date = sentence_date(sent, published)
        for span, counted in figures:
            value = parse_value(span.text)
            if value is None:
                continue
            measure = _measure(span, counted)
            if counted is None and measure in {"other", "present"}:
                continue  # a bare number with no soldiers and no deployment or casualty verb
            unit = _unit(counted, by_token, units) if counted is not None else _previous_unit(span.start, units)
            what = _what(counted) if counted is not None else ""
            for claimant in claimants or [None]:
                out.append(QuantityRecord(
                    id=quantity_id(article_id, value, span.start_char, claimant), value=value,
                    text=span.text, measure=measure, what=what, sentence=sentence, start=start, end=end,
                    claimed_by=claimant, unit=unit, date=date,
                ))
    return out


def _figures(sent: Span) -> list[tuple[Span, Token | None]]:
    """(figure span, counted noun or None) for each number about soldiers or casualties."""
    doc = sent.doc
    out: list[tuple[Span, Token | None]] = []
    for ent in span_ents(sent):
        if ent.label_ not in {"CARDINAL", "QUANTITY"}:
            continue
        span = _trim(ent)
        if span is None:
            continue
        root = span.root
        counted = _counted_noun(root)
        if counted is not None:
            out.append((span, counted))
        elif root.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"} and _governs_measure(root):
            out.append((span, None))
    # "a couple thousand", "thousands": NER misses some number words before a soldier noun.
    taken = {t.i for s, _ in out for t in s}
    for token in sent:
        if token.i in taken or token.lower_ not in {"thousand", "hundred", "dozen"}:
            continue
        left = token.i
        while left > sent.start and doc[left - 1].lower_ in {"a", "couple", "few", "several"} | set(_NUMBER_WORDS):
            left -= 1
        span = doc[left : token.i + 1]
        counted = _counted_noun(token)
        if counted is not None and parse_value(span.text):
            out.append((span, counted))
    return sorted(out, key=lambda pair: pair[0].start)


def _trim(ent: Span) -> Span | None:
    """The figure without what follows a number ('12,000 soldiers' -> '12,000')."""
    text = ent.text
    if re.fullmatch(r"(?:19|20)\d\d", text.strip()):
        return None  # a year
    doc = ent.doc
    before = doc[max(ent.sent.start, ent.start - 4) : ent.start]
    if any(t.ent_type_ in {"DATE", "TIME"} or t.lower_.rstrip(".") in _MONTHS for t in before) \
            and parse_value(text) is not None and parse_value(text) <= 31:
        return None  # "between October 8 and 13": a day
    return ent


def _counted_noun(num: Token) -> Token | None:
    """The soldier or casualty noun a number counts: '12,000 troops', 'four brigades of 12,000
    soldiers', 'about 500 officers', 'about 600,000 casualties', '10,000 of them'."""
    head = num
    while head.dep_ in {"quantmod", "advmod", "compound", "nummod"} and head.head != head and head.head.pos_ in {"NUM", "NOUN", "PROPN", "ADJ"}:
        head = head.head
        if head.pos_ in {"NOUN", "PROPN", "ADJ"}:
            break
    if head == num:
        return None
    low = head.lower_
    if low in _PEOPLE_NOUNS | _CASUALTY_NOUNS:
        return head
    return None  # "two units", "four brigades": a count of formations, not of soldiers


def _governs_measure(token: Token) -> bool:
    node = token
    for _ in range(3):
        node = node.head
        lemma = node.lemma_.lower()
        if any(lemma in lemmas for key, lemmas in _MEASURE_LEMMAS.items() if key not in {"present"}):
            return True
        if node.head == node:
            break
    return False


def _measure(span: Span, counted: Token | None) -> str:
    """What happened to those counted: the first casualty or deployment word found from the
    figure up its heads, or among the counted noun's modifiers."""
    if counted is not None and counted.lower_ in {"wounded", "injured"}:
        return "wounded"
    # The nearest word decides ("100 killed and 1,000 wounded" are two measures); "killed or
    # wounded" together are casualties.
    for word, token in _measure_words(span, counted):
        key = next((k for k, lemmas in _MEASURE_LEMMAS.items() if word in lemmas), None)
        if key is None:
            continue
        if key in {"killed", "wounded"} and token is not None and any(
                c.dep_ == "cc" and c.lower_ == "or" for c in token.children) and token.conjuncts:
            return "casualties"
        return key
    return "other"


def _measure_words(span: Span, counted: Token | None) -> list[tuple[str, Token | None]]:
    """Words near the figure in the order they decide its measure: the counted noun and its
    modifiers, then the figure's heads outward."""
    out: list[tuple[str, Token | None]] = []
    node = span.root
    if counted is not None:
        out += [(counted.lemma_.lower(), counted), (counted.lower_, counted)]
        out += [(c.lemma_.lower(), c) for c in counted.children if c.dep_ in {"amod", "acl", "relcl"}]
        node = counted
    for _ in range(4):
        if node.head == node:
            break
        node = node.head
        out.append((node.lemma_.lower(), node))
    return out


def _what(counted: Token) -> str:
    """The counted noun with its descriptive modifiers, without the figure: 'North Korean soldiers'."""
    doc = counted.doc
    words = [t for t in doc[counted.left_edge.i : counted.i + 1]
             if t.dep_ not in {"det", "nummod", "quantmod", "predet"} and not t.like_num
             and t.lower_ not in {"about", "some", "roughly", "nearly", "around", "over", "than", "more", "least",
                                  "at", "up", "to", "approximately", "almost", "another", "'s", "’s"}
             and not t.is_punct]
    return " ".join(t.text for t in words)


def _unit(counted: Token, by_token: dict[int, Mention], units: list[Mention]) -> str | None:
    for t in counted.subtree:
        m = by_token.get(t.i)
        if m is not None and m.type is EntityType.UNIT:
            return m.entity
    m = by_token.get(counted.head.head.i) if counted.head.lower_ == "of" else None
    if m is not None and m.type is EntityType.UNIT:
        return m.entity
    if counted.lower_ in _PEOPLE_NOUNS - {"people", "civilians", "workers"}:
        return _previous_unit(counted.i, units)
    return None


def _previous_unit(i: int, units: list[Mention]) -> str | None:
    before = [m for m in units if m.start <= i]
    return before[-1].entity if before else None


def _claimants(sent: Span, start: int, end: int, statements: list[StatementRecord],
               by_token: dict[int, Mention]) -> list[str]:
    """Speakers of statements covering the sentence, else the entity after 'according to'."""
    found = [s.speaker for s in statements if s.start < end and start < s.end]
    if not found:
        for match in _ACCORDING.finditer(sent.text):
            char = sent.start_char + match.end()
            for token in sent:
                if token.idx < char:
                    continue
                m = by_token.get(token.i)
                if m is not None and m.type in SPEAKER_TYPES and not m.demonym:
                    found.append(m.entity)
                    break
                if token.is_punct and token.text in {",", ";", "."}:
                    break
    return list(dict.fromkeys(found))
