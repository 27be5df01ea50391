"""Run the statement extractor alone on a short text, as the statement tests do."""

from __future__ import annotations

from loaders.entities import extract_mentions
from loaders.nlp import load_nlp
from loaders.resolve import resolve_mentions
from loaders.statements import extract_statements


def extract(text: str, published: str | None = None) -> list[tuple]:
    """(speaker name, kind, StatementRecord) per statement; checks every offset on the way."""
    doc = load_nlp()(text)
    mentions = extract_mentions(doc)
    table = resolve_mentions(doc, mentions)
    statements = extract_statements(doc, mentions, table, "art-test", published=published)
    for s in statements:
        assert text[s.start : s.end] == s.sentence
    return [(table.names[s.speaker], s.kind, s) for s in statements]


def rows(text: str, published: str | None = None) -> list[tuple]:
    """(speaker name, kind) per statement."""
    return [(name, kind) for name, kind, _ in extract(text, published)]
