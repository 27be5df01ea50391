"""Shared fixtures: the seed articles, extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import extract_article, read_article_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_graphs():
    """{seed file stem prefix ('000'..): ArticleGraph}."""
    return {p.name[:3]: extract_article(read_article_file(str(p), max_bytes=1_000_000)[0]) for p in SEED_FILES}


