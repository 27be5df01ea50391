"""Extraction on the real-article development corpus (../shared/corpus beside the repository):
`kg eval`'s scores agree with the corpus's reference scorer, and neither half slips below a floor
just under what the loaders reached (see the README's "Measuring extraction").

The corpus is third-party text kept outside the repository; where that folder is absent (a fresh
clone on another machine) these tests skip, saying so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import extract_article, read_article_file
from loaders.evaluate import load_gold, score_set

ROOT = Path(__file__).resolve().parents[2]
# Beside the repository; a git worktree one folder further down (work/wt/<name>) looks one level up.
CORPUS = next((c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if c.is_dir()), ROOT.parent / "shared" / "corpus")

pytestmark = pytest.mark.skipif(
    not (CORPUS / "gold").is_dir() or not (CORPUS / "score.py").is_file(),
    reason=f"the real-article corpus is not at {CORPUS} (it is kept outside the repository)",
)

# half: (article prefix, entities F1, statements F1, relations F1)
FLOORS = {
    "this war": ("1", 0.89, 0.93, 0.86),
    "other conflicts": ("2", 0.91, 0.92, 0.93),
}


@pytest.fixture(scope="module")
def corpus_extractions():
    """{article stem: (ArticleGraph, gold annotation)} for every corpus article with gold."""
    gold = load_gold(CORPUS / "gold")
    out = {}
    for stem, annotation in gold.items():
        (doc,) = read_article_file(str(CORPUS / "articles" / f"{stem}.txt"), max_bytes=2_000_000)
        out[stem] = (extract_article(doc), annotation, doc.text)
    return out


def test_corpus_eval_agrees_with_reference_scorer(corpus_extractions, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("".join(json.dumps(g.to_json()) + "\n" for g, _, _ in corpus_extractions.values()))
    run = subprocess.run([sys.executable, str(CORPUS / "score.py"), str(CORPUS / "gold"), str(predictions), "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    reference = json.loads(run.stdout)["summary"]
    ours = score_set(corpus_extractions.values())
    for name, tally in (("entities", ours.entities_all), ("statements", ours.statements),
                        ("relations", ours.relations_all)):
        ref = reference[name]
        assert (tally.tp, tally.tp + tally.fp, tally.tp + tally.fn) == (ref["tp"], ref["pred"], ref["gold"]), name
        assert round(tally.precision, 2) == round(ref["p"], 2), name
        assert round(tally.recall, 2) == round(ref["r"], 2), name
        assert round(tally.f1, 2) == round(ref["f1"], 2), name


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_corpus_floor_per_half(corpus_extractions, half):
    prefix, entities, statements, relations = FLOORS[half]
    pairs = [v for stem, v in corpus_extractions.items() if stem.startswith(prefix)]
    assert len(pairs) >= 5
    scores = score_set(pairs)
    assert scores.entities_all.f1 >= entities, scores.as_dict()["entities"]
    assert scores.statements.f1 >= statements, scores.as_dict()["statements"]
    assert scores.relations_all.f1 >= relations, scores.as_dict()["relations"]
