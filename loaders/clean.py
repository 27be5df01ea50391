"""Clean an article for extraction without moving a single character.

Markup (HTML tags, Markdown syntax) and site boilerplate (bylines, subscription notices, photo
captions and credits, teasers for other stories, blocks in another language) are blanked out:
replaced by spaces, newlines kept. The cleaned text has the length of the original, so every
offset found in it is an offset into the file as read.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from loaders.language import foreign_blocks


@dataclass(frozen=True)
class CleanText:
    """The blanked text (same length as the input) and what was blanked, with the reason.

    `unmarked` has only the markup blanked: the whole article as a reader sees it, boilerplate
    included (for the language check and metadata)."""

    text: str
    removed: tuple[tuple[int, int, str], ...]
    unmarked: str


def clean_article(text: str, markup: str = "text") -> CleanText:
    """Blank markup (`markup` is "text", "markdown" or "html") and boilerplate lines."""
    chars = list(text)
    removed: list[tuple[int, int, str]] = []
    if markup == "html":
        removed += _blank_html(text, chars)
    elif markup == "markdown":
        removed += _blank_markdown(text, chars)
    current = unmarked = "".join(chars)
    for start, end, reason in _boilerplate_lines(current):
        _blank(chars, start, end)
        removed.append((start, end, reason))
    current = "".join(chars)
    for start, end in foreign_blocks(current):
        _blank(chars, start, end)
        removed.append((start, end, "another language"))
    return CleanText("".join(chars), tuple(sorted(removed)), unmarked)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


# --- HTML ------------------------------------------------------------------------------------

# Elements whose whole content is page furniture, not article text.
_DROP_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|svg|head|nav|footer|aside|figcaption|form|button|iframe)\b"
    r"[^>]*>.*?</\1\s*>",
    re.I | re.S,
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?([a-zA-Z][\w:-]*)\b[^>]*>|<![^>]*>|<\?[^>]*\?>", re.S)
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table section article header blockquote "
    "figure pre hr dl dt dd main title".split()
)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")


def _blank_html(text: str, chars: list[str]) -> list[tuple[int, int, str]]:
    removed = []
    for pattern, reason in ((_COMMENT, "html comment"), (_DROP_ELEMENTS, "page furniture")):
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())
            removed.append((m.start(), m.end(), reason))
    for m in _TAG.finditer(text):
        _blank(chars, m.start(), m.end())
        name = (m.group(1) or "").lower()
        if name in _BLOCK_TAGS:
            # A block boundary must stay a boundary for the sentence splitter.
            chars[m.start()] = "\n"
    for m in _ENTITY.finditer(text):
        if chars[m.start()] == " ":
            continue  # inside a blanked tag or element
        decoded = html.unescape(m.group())
        if len(decoded) == 1:
            chars[m.start()] = "\u00a0" if decoded == "\xa0" else decoded
            for i in range(m.start() + 1, m.end()):
                chars[i] = " "
    return removed


# --- Markdown --------------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\n]*)\)")
_MD_LINE_MARKUP = re.compile(r"^([ \t]*(?:#{1,6}|>+|[-*+]|\d+\.)[ \t]+)", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1")


def _blank_markdown(text: str, chars: list[str]) -> list[tuple[int, int, str]]:
    removed = []
    for m in _MD_IMAGE.finditer(text):
        _blank(chars, m.start(), m.end())
        removed.append((m.start(), m.end(), "image"))
    for m in _MD_LINK.finditer(text):
        if chars[m.start()] == " ":
            continue
        chars[m.start()] = " "
        _blank(chars, m.end(1), m.end())  # "](url)"
    for m in _MD_LINE_MARKUP.finditer(text):
        _blank(chars, m.start(1), m.end(1))
    for m in _MD_EMPHASIS.finditer(text):
        marker = len(m.group(1))
        _blank(chars, m.start(), m.start() + marker)
        _blank(chars, m.end() - marker, m.end())
    return removed


# --- boilerplate lines -----------------------------------------------------------------------

_PAGE_FURNITURE = re.compile(
    r"sign up|subscri(?:be|ption)|newsletter|log ?in\b|create an account|cookie|privacy policy|"
    r"terms (?:of|and) (?:use|service|conditions)|all rights reserved|©|copyright|advertisement|"
    r"^share\b|share (?:this|on)|follow (?:us|live)|^read more|^related\b|recommend|"
    r"^more information$|^archived in$|^add comment|^comments?$|^click here|^watch\b|^listen\b|"
    r"^skip to|^(?:home|menu|search|close)$",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|por)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&|\|)\s*.*)?$"
    r"|\bpublished by\b.*\bverified by\b"
    r"|^(?:updated|published|posted|last updated)\b.{0,80}$"
    r"|^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|edited|written) by\b"
    r"|contributed (?:to )?(?:this )?report",
    re.I,
)
_CREDIT = re.compile(
    r"\((?:[A-Z][\w .'-]*/)+[A-Z][\w .'-]*\)\s*$"  # (Pool/Sputnik/Kremlin/AP)
    r"|getty images|\bvia getty\b|^(?:photo|photograph|image|picture|credit|file photo)\s*[:|]"
    r"|\b(?:photo|photograph)\s*:\s*\w|\((?:reuters|ap|afp|epa|getty)(?: photo)?\)\s*$",
    re.I,
)
_CAPTION_MARK = re.compile(r",\s*(?:left|right|centre|center|second (?:left|right)|top|bottom),|\((?:L|R|C|left|right)\)")
_CAPTION_DATE_END = re.compile(r"\b(?:19|20)\d\d\.?\s*$")
_NAME_ONLY = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:de|da|del|van|von|al|bin|[A-Z][\w'’.-]+)){1,3}$")
_SECTION_WORD = re.compile(r"^[A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+)?$")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")


def _boilerplate_lines(text: str) -> list[tuple[int, int, str]]:
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
    lines = [line for line in lines if line[2]]
    marks: dict[int, str] = {}
    for i, (_, _, line) in enumerate(lines):
        short = len(line) < 200
        if _PUNCT_ONLY.match(line):
            marks[i] = "punctuation"
        elif short and _BYLINE.search(line):
            marks[i] = "byline"
        elif short and _PAGE_FURNITURE.search(line):
            marks[i] = "page furniture"
        elif len(line) < 400 and _CREDIT.search(line):
            marks[i] = "photo credit"
        elif len(line) < 400 and _CAPTION_MARK.search(line) and not _has_quote(line):
            marks[i] = "photo caption"
    # A caption that ends in a date sits right above another caption or a credit.
    for i in list(marks):
        if marks[i] in ("photo credit", "photo caption") and i > 0 and i - 1 not in marks:
            prev = lines[i - 1][2]
            if _CAPTION_DATE_END.search(prev) and not _has_quote(prev) and len(prev) < 400:
                marks[i - 1] = "photo caption"
    # Teasers for other stories: [section] / headline without a final period / author name.
    for i, (_, _, line) in enumerate(lines):
        if i == 0 or i in marks or not _NAME_ONLY.match(line) or len(line.split()) > 4:
            continue
        head = lines[i - 1][2]
        if head.endswith((".", '"', "”", ":")):
            continue
        if i - 1 == 0 or (i - 1) in marks:
            marks[i] = "byline"  # the author under this article's own headline or photo
        elif len(head.split()) >= 5:
            marks[i] = marks[i - 1] = "teaser"
            if i - 2 >= 0 and _SECTION_WORD.match(lines[i - 2][2]) and len(lines[i - 2][2]) < 25:
                marks[i - 2] = "teaser"
    return [(lines[i][0], lines[i][1], reason) for i, reason in sorted(marks.items())]


def _has_quote(line: str) -> bool:
    return any(q in line for q in '"“”')
