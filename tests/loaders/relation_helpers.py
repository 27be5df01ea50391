"""Run the whole pipeline on a short text and read its relations by name, as relation tests do."""

from __future__ import annotations

from loaders import extract_text

# A closing sentence of no relation: the article does not end on the sentence under test.
TAIL = " It was not clear what the other side would do next."


def signers(text: str) -> set[str]:
    """Names of every entity that SIGNED something in `text` (with TAIL after it)."""
    g = extract_text(text + TAIL, published="2024-11-20")
    names = {e.id: e.name for e in g.entities}
    return {names[r.source] for r in g.relations if r.type.value == "SIGNED"}
