"""How a name becomes the slug in its entity id; shared by the loaders (which make ids) and the
graph (which matches them across articles)."""

from __future__ import annotations

import re
import unicodedata


def slugify(name: str) -> str:
    """Accent-stripped, lower-cased, non-alphanumeric runs collapsed to '-': 'Kim Jong-un' -> 'kim-jong-un'."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "-", ascii_only.lower()).strip("-")
