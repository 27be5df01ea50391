"""The scorer itself: exact matches score 1, each kind of error costs what it should."""

from __future__ import annotations

import dataclasses

from loaders import extract_text
from loaders.evaluate import name_form, score_article
from schema.vocabulary import StatementKind

TEXT = ('The Defence Ministry of Norway denied the report on Friday. '
        '"There are no troops there," spokeswoman Ingrid Olsen told reporters in Oslo.')


def _gold_from(graph) -> dict:
    names = {e.id: e.name for e in graph.entities}
    return {
        "entities": [{"name": e.name, "type": e.type.value, "aliases": list(e.aliases)} for e in graph.entities],
        "statements": [{"speaker": names[s.speaker], "kind": s.kind.value, "sentence": s.sentence}
                       for s in graph.statements],
        "relations": [],
    }


def test_evaluate_identical_extraction_scores_one():
    graph = extract_text(TEXT)
    assert graph.statements
    scores = score_article(graph, _gold_from(graph))
    assert scores.entities_all.f1 == 1.0 and scores.statements.f1 == 1.0
    assert scores.misses == []


def test_evaluate_wrong_kind_is_a_miss_and_an_extra():
    graph = extract_text(TEXT)
    gold = _gold_from(graph)
    gold["statements"][0]["kind"] = "confirmed" if gold["statements"][0]["kind"] != "confirmed" else "said"
    scores = score_article(graph, gold)
    assert (scores.statements.tp, scores.statements.fp, scores.statements.fn) == (len(graph.statements) - 1, 1, 1)


def test_evaluate_missing_statement_lowers_recall_only():
    graph = extract_text(TEXT)
    gold = _gold_from(graph)
    gold["statements"].append({"speaker": gold["entities"][0]["name"], "kind": "said",
                               "sentence": "There are no troops there"})
    scores = score_article(graph, gold)
    assert scores.statements.precision == 1.0 and scores.statements.recall < 1.0


def test_evaluate_name_form_ignores_case_accents_hyphens_possessives():
    assert name_form("Kim Jong-un") == name_form("kim jong un")
    assert name_form("Zelenskiy’s") == name_form("zelenskiy")
    assert name_form("The Kremlin") == "kremlin"


def _conventions_gold(graph) -> dict:
    gold = _gold_from(graph)
    gold["source"] = "https://example.org/story"
    return gold


def test_evaluate_conventions_gold_is_scored_by_its_rules():
    from loaders.evaluate import follows_conventions

    graph = extract_text(TEXT)
    gold = _conventions_gold(graph)
    assert follows_conventions(gold) and not follows_conventions(_gold_from(graph))
    # Sentences match by word overlap, not offsets: a reworded gold sentence still pairs.
    gold["statements"] = [dict(s, sentence=s["sentence"].replace("reporters", "the press")) for s in gold["statements"]]
    scores = score_article(graph, gold)
    assert scores.statements.f1 == 1.0, scores.misses


def test_evaluate_conventions_wrong_kind_uses_up_the_prediction():
    graph = extract_text(TEXT)
    gold = _conventions_gold(graph)
    first = gold["statements"][0]
    first["kind"] = "said" if first["kind"] != "said" else "confirmed"
    gold["statements"].append(dict(first))  # a second gold act that the one prediction cannot also fill
    scores = score_article(graph, gold)
    n = len(graph.statements)
    assert (scores.statements.tp, scores.statements.tp + scores.statements.fp) == (n - 1, n)
    assert any("wrong kind" in m for m in scores.misses)


def test_evaluate_conventions_units_match_by_contained_words():
    graph = extract_text("Seoul said North Korean special forces were sent to Russia.")
    unit = next(e for e in graph.entities if e.type.value == "Unit")
    gold = {"source": "u", "entities": [{"name": unit.name + " of the army", "type": "Unit", "aliases": []}],
            "statements": [], "relations": []}
    assert score_article(graph, gold).entities["Unit"].tp == 1
