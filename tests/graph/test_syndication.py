"""MinHash signatures tell a site's copy of a wire story from another story on the same topic."""

from __future__ import annotations

import time

from graph.syndication import (
    BANDS,
    MIN_WORDS,
    NUM_HASHES,
    band_keys,
    body_words,
    is_copy,
    signature,
    similarity,
)
from tests.graph.syndication_texts import BOILERPLATE_HEAD, BOILERPLATE_TAIL, COPY, OTHER, STORY, text


def test_signature_has_64_values_and_16_band_keys():
    sig = signature(text(STORY))
    assert len(sig) == NUM_HASHES and all(isinstance(v, int) for v in sig)
    keys = band_keys(sig)
    assert len(keys) == BANDS == len(set(keys)) and all(k.startswith(f"b{i}:") for i, k in enumerate(keys))
    assert signature(text(STORY)) == sig  # deterministic


def test_body_words_drop_leading_metadata_lines():
    words = body_words(text(BOILERPLATE_HEAD, STORY))
    assert words[:4] == ["the", "port", "authority", "of"]
    assert "source" not in words[:10]


def test_copy_with_new_headline_edits_and_boilerplate_is_a_copy():
    original = signature(text(STORY))
    copy = signature(text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL))
    assert similarity(original, copy) >= 0.6
    assert is_copy(original, copy)
    assert set(band_keys(original)) & set(band_keys(copy))  # found as a candidate


def test_other_story_sharing_a_quote_is_not_a_copy():
    assert similarity(signature(text(STORY)), signature(text(OTHER))) < 0.2
    assert not is_copy(signature(text(STORY)), signature(text(OTHER)))


def test_short_texts_have_no_signature_and_are_never_copies():
    brief = " ".join(text(STORY).split()[:MIN_WORDS - 1])
    assert signature(brief) is None and band_keys(None) == []
    assert not is_copy(signature(brief), signature(brief))
    assert signature(" ".join(text(STORY).split()[:MIN_WORDS])) is not None


def test_signature_of_a_1000_word_article_takes_under_5_ms():
    words = " ".join(f"{w}{i % 97}" for i, w in enumerate(text(STORY, OTHER).split() * 5))[:100_000]
    article = " ".join(words.split()[:1000])
    signature(article)  # warm
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        signature(article)
    assert (time.perf_counter() - started) / runs < 0.005
