"""Read article files and HTTP bodies into SourceDoc values, refusing what is not an article."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

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


def read_article_file(path: str, *, max_bytes: int) -> list[SourceDoc]:
    """Read one article file (.txt/.md/other as plain text, .json, .jsonl) into SourceDocs.

    Raises InvalidArticle with reason `not_found`, `too_large`, or any reason of
    `parse_article_bytes`.
    """
    try:
        size = os.path.getsize(path)
    except OSError:
        raise InvalidArticle("not_found", "no such file", path) from None
    # Refuse before reading the whole file into memory.
    if size > max_bytes:
        raise InvalidArticle("too_large", f"{size} bytes is more than the limit of {max_bytes}", path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InvalidArticle("not_found", "no such file", path) from None
    except IsADirectoryError:
        raise InvalidArticle("not_found", "is a directory, not a file", path) from None
    return parse_article_bytes(data, path=path, max_bytes=max_bytes)


def parse_article_bytes(data: bytes, *, path: str, max_bytes: int) -> list[SourceDoc]:
    """Turn raw bytes into SourceDocs; the format is chosen by the extension of `path`.

    Raises InvalidArticle with reason `empty`, `too_large`, `binary`, `not_utf8` or `malformed`.
    """
    if len(data) > max_bytes:
        raise InvalidArticle("too_large", f"{len(data)} bytes is more than the limit of {max_bytes}", path)
    if not data.strip():
        raise InvalidArticle("empty", "the article has no text", path)
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
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            raise InvalidArticle("malformed", f"invalid JSON: {err.msg} at line {err.lineno}", path) from None
        return [_doc_from_object(obj, path, where="")]
    if ext == ".jsonl":
        docs = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise InvalidArticle("malformed", f"line {number}: invalid JSON: {err.msg}", path) from None
            docs.append(_doc_from_object(obj, path, where=f"line {number}: "))
        if not docs:
            raise InvalidArticle("empty", "the JSON lines file has no records", path)
        return docs
    if not text.strip():
        raise InvalidArticle("empty", "the article has only whitespace", path)
    # The text is kept exactly as decoded (a BOM stays as U+FEFF) so offsets index into it.
    return [SourceDoc(text=text, path=path)]


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
