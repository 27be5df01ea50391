"""Extraction in bounded time and memory: the character limit, the time budget, parsing in
pieces, sentences and parse trees of bounded size, and the caches the rules read through."""

from __future__ import annotations

import time

import pytest

from loaders import extract_text
from loaders import nlp as nlp_module
from loaders.nlp import MAX_SENTENCE_TOKENS, attach_check, doc_text, load_nlp, parse_text, span_ents
from loaders.ranges import CharRanges, covers
from schema.errors import InvalidArticle
from tests.conftest import seed_paths


def _seed_text(chars: int) -> str:
    """Seed paragraphs, numbered, repeated up to `chars` characters."""
    paras = [p.strip() for path in seed_paths() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, total, i = [], 0, 0
    while total < chars:
        out.append(f"{i + 1}. {paras[i % len(paras)]}")
        total += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def test_extract_refuses_more_characters_than_the_limit_before_parsing():
    with pytest.raises(InvalidArticle) as err:
        extract_text("Seoul said troops arrived. " * 100, max_chars=1_000)
    assert err.value.reason == "too_large" and "2,700 characters" in str(err.value) and "1,000" in str(err.value)


def test_extract_over_its_time_budget_is_too_complex():
    with pytest.raises(InvalidArticle) as err:
        extract_text(_seed_text(5_000), budget_s=1e-9)
    assert err.value.reason == "too_complex" and "time budget" in str(err.value)


def test_budget_is_checked_inside_every_loop_over_sentences():
    doc = parse_text(_seed_text(3_000))
    calls = []
    attach_check(doc, lambda: calls.append(1))
    sentences = list(doc.sents)
    assert len(calls) == len(sentences) > 10


def test_parse_in_pieces_keeps_the_text_and_offsets(monkeypatch):
    text = _seed_text(12_000)
    monkeypatch.setattr(nlp_module, "PARSE_CHUNK_CHARS", 3_000)
    pieces = list(nlp_module._chunks(text, 3_000))
    assert "".join(pieces) == text and len(pieces) >= 4 and max(map(len, pieces)) <= 3_000
    doc = parse_text(text)
    assert doc.text == text and doc_text(doc) == text
    graph = extract_text(text, path="long.txt")
    assert graph.statements
    for s in graph.statements:
        assert text[s.start:s.end] == s.sentence


def test_no_text_reaches_spacy_above_its_max_length():
    nlp = load_nlp()
    text = ("word " * 60_000 + "\n\n") * 4  # 1,200,008 characters, more than nlp.max_length
    assert len(text) > nlp.max_length
    assert max(map(len, nlp_module._chunks(text, nlp_module.PARSE_CHUNK_CHARS))) <= nlp_module.PARSE_CHUNK_CHARS


def test_sentences_and_parse_trees_stay_bounded_without_full_stops():
    doc = parse_text("the troops of the army and " * 2_000)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert max(len(list(t.subtree)) for t in doc) <= MAX_SENTENCE_TOKENS


@pytest.mark.filterwarnings("ignore::UserWarning")  # W109: the copy is meant to lose the hooks
def test_cached_sentences_and_entities_answer_as_spacy_does():
    text = seed_paths()[2].read_text(encoding="utf-8")
    doc = parse_text(text)
    plain = type(doc)(doc.vocab).from_bytes(doc.to_bytes())  # no hooks: spaCy's own answers
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in plain.sents]
    for sent, ref in zip(doc.sents, plain.sents):
        assert [(e.start, e.end) for e in span_ents(sent)] == [(e.start, e.end) for e in ref.ents]
    for token in doc:
        assert (token.sent.start, token.sent.end) == (plain[token.i].sent.start, plain[token.i].sent.end)


def test_char_ranges_cover_as_a_scan_does():
    ranges = [(5, 9), (0, 2), (8, 12), (20, 20), (30, 31)]
    fast = CharRanges(ranges)
    assert list(fast) == ranges
    for pos in range(-1, 35):
        assert covers(fast, pos) == any(a <= pos < b for a, b in ranges) == covers(ranges, pos)


def test_extraction_time_grows_linearly():
    """Four times the text takes about four times as long (it took 30 times as long before)."""
    extract_text(_seed_text(2_000))  # model loaded

    def seconds(chars: int) -> float:
        text = _seed_text(chars)
        start = time.perf_counter()
        extract_text(text)
        return time.perf_counter() - start

    small = min(seconds(12_000), seconds(12_000))
    large = seconds(48_000)
    assert large < 6 * small, (small, large)
