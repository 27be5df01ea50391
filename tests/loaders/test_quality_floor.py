"""Extraction quality on the development gold sets must not slip below what it reached.

The floors sit a little under the measured scores (see the README); the held-out set is
deliberately not used here, it is for reporting only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import extract_article, read_article_file
from loaders.evaluate import load_gold, score_set

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"

# set: (articles folder, entities F1, statements F1, relations F1). Relations count once per
# pair in an article (one_per_pair): the seeds' gold lost its repeats, and with them matches the
# same misses now weigh more against, hence .77 (was .78 when repeats counted).
FLOORS = {
    "seeds": (ROOT / "seeds", 0.90, 0.83, 0.77),
    "second": (GOLD / "second", 0.92, 0.90, 0.75),
    "third": (GOLD / "third", 0.93, 0.89, 0.89),
    "fourth": (GOLD / "fourth", 0.87, 0.88, 0.81),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floor_on_development_sets(name):
    folder, entities, statements, relations = FLOORS[name]
    gold = load_gold(GOLD / name)
    pairs = []
    for stem, annotation in gold.items():
        (doc,) = read_article_file(str(folder / f"{stem}.txt"), max_bytes=2_000_000)
        pairs.append((extract_article(doc), annotation, doc.text))
    scores = score_set(pairs)
    assert len(pairs) == len(gold) >= 5
    assert scores.entities_all.f1 >= entities, scores.as_dict()["entities"]
    assert scores.statements.f1 >= statements, scores.as_dict()["statements"]
    assert scores.relations_all.f1 >= relations, scores.as_dict()["relations"]


def test_quality_long_article_extracts_without_stalling():
    # Thirty-odd articles' worth of text in one article: every rule must terminate on it, and
    # offsets must still hold.
    from loaders import extract_text

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((GOLD / "second").glob("*.txt")) * 3)
    graph = extract_text(text)
    assert len(graph.statements) > 100
    for item in (*graph.statements, *graph.relations, *graph.quantities):
        assert graph.article.text[item.start:item.end] == item.sentence
