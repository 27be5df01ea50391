import json

import pytest

from loaders import parse_article_bytes, read_article_file
from loaders.read import parse_article_records, read_article_records
from schema.errors import InvalidArticle

LIMIT = 10_000


def _reason(data: bytes, path: str = "a.txt", limit: int = LIMIT) -> str:
    with pytest.raises(InvalidArticle) as err:
        parse_article_bytes(data, path=path, max_bytes=limit)
    return err.value.reason


def test_read_plain_text_kept_exactly():
    text = "\ufeffHeadline\r\n\r\nBody text.  \n"
    [doc] = parse_article_bytes(text.encode("utf-8"), path="x.txt", max_bytes=LIMIT)
    assert doc.text == text and doc.path == "x.txt" and doc.title is None


def test_read_empty_refused():
    assert _reason(b"") == "empty"
    assert _reason(b"   \n\t \n") == "empty"


def test_read_too_large_refused():
    assert _reason(b"a" * 101, limit=100) == "too_large"


def test_read_binary_refused():
    assert _reason(b"abc\x00def") == "binary"
    assert _reason(bytes(range(1, 32)) * 10) == "binary"


def test_read_not_utf8_refused():
    assert _reason("café olé".encode("latin-1")) == "not_utf8"


def test_read_json_object_with_metadata():
    body = json.dumps({"text": "Some news.", "title": "T", "published": "2024-10-19", "url": "http://x"})
    [doc] = parse_article_bytes(body.encode(), path="a.json", max_bytes=LIMIT)
    assert (doc.text, doc.title, doc.published, doc.url, doc.source) == ("Some news.", "T", "2024-10-19", "http://x", None)


@pytest.mark.parametrize("body", ['{"text": ', '{"title": "x"}', '{"text": ""}', '{"text": 3}', "[1, 2]", '{"text": "a", "title": 5}'])
def test_read_json_malformed_refused(body):
    assert _reason(body.encode(), path="a.json") == "malformed"


def test_read_jsonl_records_and_blank_lines():
    body = '{"text": "One."}\n\n{"text": "Two.", "source": "S"}\n'
    docs = parse_article_bytes(body.encode(), path="a.jsonl", max_bytes=LIMIT)
    assert [(d.text, d.source) for d in docs] == [("One.", None), ("Two.", "S")]


def test_read_jsonl_malformed_names_line():
    body = '{"text": "One."}\n{"text": \n'
    with pytest.raises(InvalidArticle) as err:
        parse_article_bytes(body.encode(), path="a.jsonl", max_bytes=LIMIT)
    assert err.value.reason == "malformed" and "line 2" in str(err.value)
    with pytest.raises(InvalidArticle) as err:
        parse_article_bytes(b'{"text": "ok"}\n{"title": "no text"}\n', path="a.jsonl", max_bytes=LIMIT)
    assert err.value.reason == "malformed" and "line 2" in str(err.value)


def test_read_file_not_found(tmp_path):
    with pytest.raises(InvalidArticle) as err:
        read_article_file(str(tmp_path / "missing.txt"), max_bytes=LIMIT)
    assert err.value.reason == "not_found"


def test_read_file_too_large_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100)
    with pytest.raises(InvalidArticle) as err:
        read_article_file(str(path), max_bytes=50)
    assert err.value.reason == "too_large"


def test_read_file_roundtrip(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nText é.\n", encoding="utf-8")
    [doc] = read_article_file(str(path), max_bytes=LIMIT)
    assert doc.text == "# Title\n\nText é.\n"


def test_read_jsonl_records_keep_good_lines_and_refuse_bad_ones_by_line():
    body = '{"text": "One."}\n{"text": \n\n[1]\n{"text": "Five.", "title": "T"}\n'
    records = parse_article_records(body.encode(), path="a.jsonl", max_bytes=LIMIT)
    assert [type(r).__name__ for r in records] == ["SourceDoc", "InvalidArticle", "InvalidArticle", "SourceDoc"]
    assert (records[0].text, records[0].line, records[3].text, records[3].line) == ("One.", 1, "Five.", 5)
    assert [r.reason for r in records[1:3]] == ["malformed", "malformed"]
    assert "line 2" in str(records[1]) and "line 4" in str(records[2])


def test_read_json_nested_too_deep_is_malformed():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert _reason(deep, path="a.json", limit=10**6) == "malformed"
    assert _reason(b'{"text": ' + deep + b"}", path="a.json", limit=10**6) == "malformed"
    records = parse_article_records(b'{"text": "ok."}\n' + deep + b"\n", path="a.jsonl", max_bytes=10**6)
    assert records[0].text == "ok." and records[1].reason == "malformed" and "nested" in str(records[1])


def test_read_utf16_and_utf32_refused_as_not_utf8():
    for encoding in ("utf-16", "utf-32"):
        with pytest.raises(InvalidArticle) as err:
            parse_article_bytes("Seoul said troops left.".encode(encoding), path="a.txt", max_bytes=LIMIT)
        assert err.value.reason == "not_utf8" and encoding.upper() in str(err.value)


def test_read_records_of_a_folder_or_missing_file_refused(tmp_path):
    for path in (tmp_path, tmp_path / "missing.jsonl"):
        with pytest.raises(InvalidArticle) as err:
            read_article_records(str(path), max_bytes=LIMIT)
        assert err.value.reason == "not_found"
