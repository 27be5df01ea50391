"""Read article files and HTTP bodies into SourceDoc values, refusing what is not an article."""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, replace

from schema.errors import InvalidArticle

# Share of control characters (other than tab/newline/CR/form feed) above which text is binary.
_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_META_FIELDS = ("title", "published", "source", "url")


@dataclass(frozen=True)
class SourceDoc:
    """An article's text exactly as decoded, with whatever metadata the container carried."""

    text: str
    path: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    markup: str = "text"  # "text", "markdown" or "html": how the loaders clean it
    line: int | None = None  # the record's line in a JSON Lines file


# One record of a file as read: an article, or the refusal of one JSON Lines record.
Record = SourceDoc | InvalidArticle


_HTML_HINT = re.compile(r"<(?:html|body|article|p|div|br|h1|span)\b[^>]*>", re.I)
_MARKUP_BY_EXT = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def read_article_file(path: str, *, max_bytes: int) -> list[SourceDoc]:
    """Read one article file (.txt/.md/other as plain text, .json, .jsonl) into SourceDocs.

    Raises InvalidArticle with reason `not_found`, `too_large`, or any reason of
    `parse_article_bytes`, including for the first bad record of a JSON Lines file.
    """
    return _strict(read_article_records(path, max_bytes=max_bytes))


def read_article_records(path: str, *, max_bytes: int) -> list[Record]:
    """Like `read_article_file`, but a JSON Lines file's bad records are returned in place, as
    InvalidArticle values naming their line, instead of refusing the whole file.

    Raises InvalidArticle when the file as a whole is refused (missing, too large, binary...).
    """
    try:
        size = os.path.getsize(path)
    except OSError:
        raise InvalidArticle("not_found", "no such file", path) from None
    if os.path.isdir(path):
        raise InvalidArticle("not_found", "is a directory, not a file", path)
    # Refuse before reading the whole file into memory.
    if size > max_bytes:
        raise InvalidArticle("too_large", f"{size:,} bytes is more than the limit of {max_bytes:,}", path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InvalidArticle("not_found", "no such file", path) from None
    except OSError as err:
        raise InvalidArticle("unreadable", err.strerror or type(err).__name__, path) from None
    return parse_article_records(data, path=path, max_bytes=max_bytes)


def parse_article_bytes(data: bytes, *, path: str, max_bytes: int) -> list[SourceDoc]:
    """Turn raw bytes into SourceDocs; the format is chosen by the extension of `path`.

    Raises InvalidArticle with reason `empty`, `too_large`, `binary`, `not_utf8` or `malformed`
    (for a JSON Lines file, at its first bad record).
    """
    return _strict(parse_article_records(data, path=path, max_bytes=max_bytes))


def _strict(records: list[Record]) -> list[SourceDoc]:
    for record in records:
        if isinstance(record, InvalidArticle):
            raise record
    return records  # type: ignore[return-value]


def parse_article_records(data: bytes, *, path: str, max_bytes: int) -> list[Record]:
    """`parse_article_bytes` that returns each bad JSON Lines record as an InvalidArticle in its
    place; the other records still load."""
    if len(data) > max_bytes:
        raise InvalidArticle("too_large", f"{len(data):,} bytes is more than the limit of {max_bytes:,}", path)
    if not data.strip():
        raise InvalidArticle("empty", "the article has no text", path)
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise InvalidArticle("not_utf8", f"this is {name} text (byte order mark); save it as UTF-8", path)
    if b"\x00" in data:
        raise InvalidArticle("binary", "contains NUL bytes: this is a binary file, not text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InvalidArticle("not_utf8", f"not valid UTF-8 (byte {err.start})", path) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if controls > _CONTROL_SHARE * len(text):
        raise InvalidArticle("binary", f"{controls} control characters: this looks binary, not text", path)

    ext = os.path.splitext(path)[1].lower()
    if ext == ".json":
        obj = _load_json(text, path, where="")
        return [_with_markup(_doc_from_object(obj, path, where=""))]
    if ext == ".jsonl":
        records: list[Record] = []
        # Only "\n" ends a record (JSON strings cannot hold a raw one), as the format says.
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"line {number}: "
            try:
                obj = _load_json(line, path, where=where)
                doc = _doc_from_object(obj, path, where=where)
            except InvalidArticle as err:
                records.append(err)
                continue
            records.append(replace(_with_markup(doc), line=number))
        if not records:
            raise InvalidArticle("empty", "the JSON lines file has no records", path)
        return records
    if not text.strip():
        raise InvalidArticle("empty", "the article has only whitespace", path)
    # The text is kept exactly as decoded (a BOM stays as U+FEFF) so offsets index into it.
    markup = _MARKUP_BY_EXT.get(ext, "text")
    if markup == "html":
        return [SourceDoc(text=text, path=path, markup="html", **html_metadata(text))]
    return [SourceDoc(text=text, path=path, markup=markup)]


_UTF16_32_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                  (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _load_json(text: str, path: str, *, where: str) -> object:
    """json.loads, with a syntax error or a nesting too deep for the parser refused as malformed."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        at = f" at line {err.lineno}" if not where else ""
        raise InvalidArticle("malformed", f"{where}invalid JSON: {err.msg}{at}", path) from None
    except RecursionError:
        raise InvalidArticle("malformed", f"{where}invalid JSON: nested too deeply", path) from None


def _with_markup(doc: SourceDoc) -> SourceDoc:
    """A JSON record's text may be an HTML fragment: clean it as HTML, take its meta tags."""
    if not _HTML_HINT.search(doc.text):
        return doc
    found = html_metadata(doc.text)
    meta = {k: getattr(doc, k) or v for k, v in found.items()}
    return replace(doc, markup="html", **meta)


_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "published": ("article:published_time", "datepublished", "date", "pubdate", "dc.date",
                  "publish-date", "sailthru.date", "parsely-pub-date"),
    "source": ("og:site_name", "application-name", "publisher"),
    "url": ("og:url",),
}


def html_metadata(page: str) -> dict[str, str | None]:
    """title, published (YYYY-MM-DD), source and url from an HTML page's meta tags and <title>."""
    metas: dict[str, str] = {}
    for tag in _META_TAG.findall(page):
        attrs = {k.lower(): html.unescape(v.strip("\"'")) for k, v in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content"):
            metas.setdefault(key, attrs["content"].strip())
    found = {field: next((metas[k] for k in keys if metas.get(k)), None) for field, keys in _META_KEYS.items()}
    if not found["title"]:
        m = re.search(r"<title[^>]*>(.*?)</title>", page, re.I | re.S)
        found["title"] = html.unescape(m.group(1)).strip() if m and m.group(1).strip() else None
    if not found["published"]:
        m = re.search(r"<time\b[^>]*datetime=[\"']?(\d{4}-\d{2}-\d{2})", page, re.I)
        found["published"] = m.group(1) if m else None
    if found["published"]:
        m = re.match(r"\d{4}-\d{2}-\d{2}", found["published"])
        found["published"] = m.group() if m else None
    if not found["url"]:
        m = re.search(r"<link\b[^>]*rel=[\"']?canonical[\"']?[^>]*href=[\"']([^\"']+)", page, re.I)
        found["url"] = m.group(1) if m else None
    return found


def _doc_from_object(obj: object, path: str, *, where: str) -> SourceDoc:
    """Validate one JSON article object: a non-empty string "text" and optional string metadata."""
    if not isinstance(obj, dict):
        raise InvalidArticle("malformed", f"{where}expected a JSON object, got {type(obj).__name__}", path)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InvalidArticle("malformed", f'{where}missing or non-string "text"', path)
    if not text.strip():
        raise InvalidArticle("malformed", f'{where}"text" is empty', path)
    meta = {}
    for key in _META_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InvalidArticle("malformed", f'{where}"{key}" must be a string, got {type(value).__name__}', path)
        meta[key] = value or None
    return SourceDoc(text=text, path=path, **meta)
