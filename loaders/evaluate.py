"""Score extraction against gold annotations (tests/gold/FORMAT.md): precision, recall, F1.

Entities match when their types are equal and they share a name form; statements when speaker,
kind and sentence (by overlapping character spans) agree; relations when type, source and target
agree (an article states each relation once: loaders.relations.one_per_pair); quantity claims when value, claimant (both none, or sharing a name form) and
sentence agree. Matching is one-to-one and greedy in document order. Gold quantities are scored
only for articles whose gold file has a `quantities` list.

Gold written under the real-article conventions (the corpus's `CONVENTIONS.md`: a top-level
`source` URL, statements with `about`) is scored by that corpus's matching rules instead, so `kg
eval` and its reference scorer agree: names compared as word sets without function words (units,
places and treaties also match when one name's words contain the other's), sentences by word
overlap (at least 0.6 of the shorter one's words), a statement paired on speaker and sentence first
and then counted right only if its kind is too, relations on type, source and target alone.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from schema.records import ArticleGraph
from schema.vocabulary import EntityType, RelationType

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^the ")


def name_form(name: str) -> str:
    """Case-, accent-, hyphen- and possessive-insensitive form of a name.

    >>> name_form("The Kremlin’s")
    'kremlin'
    """
    name = re.sub(r"['’]s\b", "", name)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _LEADING_THE.sub("", _NON_WORD.sub(" ", folded).strip())


@dataclass
class Tally:
    """Counts of true positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Scores:
    """Tallies for one article or a whole set, plus the misses for reading."""

    entities: dict[str, Tally] = field(default_factory=lambda: {t.value: Tally() for t in EntityType})
    statements: Tally = field(default_factory=Tally)
    relations: dict[str, Tally] = field(default_factory=lambda: {t.value: Tally() for t in RelationType})
    quantities: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    @property
    def entities_all(self) -> Tally:
        total = Tally()
        for tally in self.entities.values():
            total.add(tally)
        return total

    @property
    def relations_all(self) -> Tally:
        total = Tally()
        for tally in self.relations.values():
            total.add(tally)
        return total

    def add(self, other: Scores) -> None:
        for key, tally in other.entities.items():
            self.entities[key].add(tally)
        self.statements.add(other.statements)
        for key, tally in other.relations.items():
            self.relations[key].add(tally)
        self.quantities.add(other.quantities)
        self.misses += other.misses

    def as_dict(self) -> dict:
        return {
            "entities": {"all": self.entities_all.as_dict(),
                         **{k: t.as_dict() for k, t in self.entities.items()}},
            "statements": self.statements.as_dict(),
            "relations": {"all": self.relations_all.as_dict(),
                          **{k: t.as_dict() for k, t in self.relations.items()}},
            "quantities": self.quantities.as_dict(),
        }


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold annotations by article file stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))}


def follows_conventions(gold: dict) -> bool:
    """Whether a gold annotation follows the real-article conventions (CONVENTIONS.md) rather than
    tests/gold/FORMAT.md: it names its page (`source`) or gives statements an `about`."""
    return "source" in gold or any("about" in s for s in gold.get("statements", ()))


def score_article(graph: ArticleGraph, gold: dict, text: str | None = None) -> Scores:
    """Compare one extraction with its gold annotation.

    `text` is the article as read (gold sentences are located in it); by default the stored,
    cleaned text, which has the same offsets but blanks boilerplate out. Gold that follows the
    real-article conventions is scored by their rules (`score_article_conventions`).
    """
    if follows_conventions(gold):
        return score_article_conventions(graph, gold)
    text = text if text is not None else graph.article.text
    scores = Scores()
    label = Path(graph.article.path).stem[:12]

    gold_forms = {e["name"]: _forms(e["name"], e.get("aliases", ())) for e in gold["entities"]}
    pred_forms = {e.id: _forms(e.name, e.aliases) for e in graph.entities}

    # Entities, by type.
    unmatched = {e.id: e for e in graph.entities}
    for g in gold["entities"]:
        tally = scores.entities[g["type"]]
        match = next((pid for pid, p in unmatched.items()
                      if p.type.value == g["type"] and name_form(p.name) in gold_forms[g["name"]]), None)
        match = match or next((pid for pid, p in unmatched.items()
                               if p.type.value == g["type"] and pred_forms[pid] & gold_forms[g["name"]]), None)
        if match:
            tally.tp += 1
            del unmatched[match]
        else:
            tally.fn += 1
            scores.misses.append(f"{label} entity missed: {g['type']} {g['name']}")
    for p in unmatched.values():
        scores.entities[p.type.value].fp += 1
        scores.misses.append(f"{label} entity extra: {p.type.value} {p.name}")

    # Statements: speaker + kind + sentence.
    remaining = list(graph.statements)
    for g in gold["statements"]:
        span = _gold_span(text, g["sentence"])
        forms = gold_forms.get(g["speaker"], _forms(g["speaker"], ()))
        match = next((s for s in remaining if s.kind.value == g["kind"]
                      and pred_forms.get(s.speaker, set()) & forms
                      and _overlap((s.start, s.end), span)), None)
        if match:
            scores.statements.tp += 1
            remaining.remove(match)
        else:
            scores.statements.fn += 1
            scores.misses.append(f"{label} statement missed: {g['speaker']} {g['kind']} | {g['sentence'][:60]}")
    names = {e.id: e.name for e in graph.entities}
    for s in remaining:
        scores.statements.fp += 1
        scores.misses.append(f"{label} statement extra: {names.get(s.speaker)} {s.kind.value} "
                             f"({s.verb}) | {s.sentence[:60]}")

    # Relations: type + source + target, one per pair in the article, so the sentence that
    # states it first need not be the one the gold names.
    remaining_rel = list(graph.relations)
    for g in gold.get("relations", []):
        match = next((r for r in remaining_rel if r.type.value == g["type"]
                      and pred_forms.get(r.source, set()) & gold_forms.get(g["source"], set())
                      and pred_forms.get(r.target, set()) & gold_forms.get(g["target"], set())), None)
        tally = scores.relations[g["type"]]
        if match:
            tally.tp += 1
            remaining_rel.remove(match)
        else:
            tally.fn += 1
            scores.misses.append(f"{label} relation missed: {g['source']} {g['type']} {g['target']}")
    for r in remaining_rel:
        scores.relations[r.type.value].fp += 1
        scores.misses.append(f"{label} relation extra: {names.get(r.source)} {r.type.value} {names.get(r.target)}")

    # Quantities: value + claimant + sentence, for gold files that annotate them.
    if "quantities" in gold:
        remaining_q = list(graph.quantities)
        for g in gold["quantities"]:
            span = _gold_span(text, g["sentence"])
            value = gold_value(g["value"])
            claimant = g.get("claimed_by", g.get("claimant"))
            forms = gold_forms.get(claimant, _forms(claimant, ())) if claimant else None
            match = next((q for q in remaining_q if q.value == value
                          and (pred_forms.get(q.claimed_by, set()) & forms if forms else q.claimed_by is None)
                          and _overlap((q.start, q.end), span)), None)
            if match:
                scores.quantities.tp += 1
                remaining_q.remove(match)
            else:
                scores.quantities.fn += 1
                scores.misses.append(f"{label} quantity missed: {g['value']} by {claimant} | {g['sentence'][:60]}")
        for q in remaining_q:
            scores.quantities.fp += 1
            scores.misses.append(f"{label} quantity extra: {q.text} ({q.measure}) by {names.get(q.claimed_by)} "
                                 f"| {q.sentence[:60]}")
    return scores


# --- the real-article conventions' matching rules ---------------------------------------------

_FUNCTION_WORDS = {"the", "a", "an", "of", "s", "'s", "and", "his", "its", "their"}
_LOOSE_TYPES = {EntityType.UNIT.value, EntityType.PLACE.value, EntityType.TREATY.value}


def word_form(name: str) -> str:
    """A name as the conventions compare it: folded to ASCII lower case, possessives and
    punctuation dropped, function words removed.

    >>> word_form("The Kremlin's spokesman, Dmitry Peskov")
    'kremlin spokesman dmitry peskov'
    """
    folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z0-9]+", " ", re.sub(r"'s\b", "", folded))
    return " ".join(w for w in folded.split() if w not in _FUNCTION_WORDS)


def _word_forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {f for f in (word_form(n) for n in (name, *aliases)) if f}


def _same_name(gold: set[str], pred: set[str], loose: bool) -> bool:
    if gold & pred:
        return True
    if not loose:
        return False
    return any(g and p and (set(g.split()) <= set(p.split()) or set(p.split()) <= set(g.split()))
               for g in gold for p in pred)


def _same_sentence(gold: str, pred: str) -> bool:
    a, b = set(word_form(gold).split()), set(word_form(pred).split())
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.6


def score_article_conventions(graph: ArticleGraph, gold: dict) -> Scores:
    """Compare one extraction with a gold annotation written under the real-article conventions,
    by their matching rules (see the module docstring); one-to-one, greedy in gold order."""
    scores = Scores()
    label = Path(graph.article.path).stem[:12]
    names = {e.id: e.name for e in graph.entities}
    pred_forms = {e.id: _word_forms(e.name, e.aliases) for e in graph.entities}
    gold_forms = {e["name"]: _word_forms(e["name"], e.get("aliases") or ()) for e in gold.get("entities", ())}

    def of_pred(entity_id: str | None) -> set[str]:
        return pred_forms[entity_id] if entity_id in pred_forms else {word_form(str(entity_id))}

    def of_gold(name: str) -> set[str]:
        return gold_forms[name] if name in gold_forms else {word_form(name)}

    unmatched = list(graph.entities)
    for g in gold.get("entities", ()):
        tally = scores.entities.setdefault(g["type"], Tally())
        match = next((p for p in unmatched if p.type.value == g["type"]
                      and _same_name(gold_forms[g["name"]], pred_forms[p.id], g["type"] in _LOOSE_TYPES)), None)
        if match is not None:
            tally.tp += 1
            unmatched.remove(match)
        else:
            tally.fn += 1
            scores.misses.append(f"{label} entity missed: {g['type']} {g['name']}")
    for p in unmatched:
        scores.entities[p.type.value].fp += 1
        scores.misses.append(f"{label} entity extra: {p.type.value} {p.name}")

    remaining = list(graph.statements)
    for g in gold.get("statements", ()):
        match = next((s for s in remaining if _same_sentence(g.get("sentence", ""), s.sentence)
                      and _same_name(of_gold(g["speaker"]), of_pred(s.speaker), False)), None)
        if match is not None:
            remaining.remove(match)
        if match is not None and match.kind.value == g["kind"]:
            scores.statements.tp += 1
            continue
        scores.statements.fn += 1
        if match is not None:
            scores.statements.fp += 1
            scores.misses.append(f"{label} statement wrong kind: {g['speaker']} {g['kind']} as {match.kind.value} "
                                 f"({match.verb}) | {g['sentence'][:60]}")
        else:
            scores.misses.append(f"{label} statement missed: {g['speaker']} {g['kind']} | {g['sentence'][:60]}")
    for s in remaining:
        scores.statements.fp += 1
        scores.misses.append(f"{label} statement extra: {names.get(s.speaker)} {s.kind.value} "
                             f"({s.verb}) | {s.sentence[:60]}")

    remaining_rel = list(graph.relations)
    for g in gold.get("relations", ()):
        if g["type"] not in scores.relations:
            continue
        match = next((r for r in remaining_rel if r.type.value == g["type"]
                      and _same_name(of_gold(g["source"]), of_pred(r.source), True)
                      and _same_name(of_gold(g["target"]), of_pred(r.target), True)), None)
        tally = scores.relations[g["type"]]
        if match is not None:
            tally.tp += 1
            remaining_rel.remove(match)
        else:
            tally.fn += 1
            scores.misses.append(f"{label} relation missed: {g['source']} {g['type']} {g['target']} "
                                 f"| {g.get('sentence', '')[:60]}")
    for r in remaining_rel:
        scores.relations[r.type.value].fp += 1
        scores.misses.append(f"{label} relation extra: {names.get(r.source)} {r.type.value} {names.get(r.target)} "
                             f"| {r.sentence[:60]}")
    return scores


_GOLD_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_GOLD_WORDS = {"couple": 2, "few": 3, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "dozen": 12}
_GOLD_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}


def gold_value(value: int | str) -> int:
    """A gold quantity's value as an integer: 3000, "3,000", "over 10,000", "a couple thousand".

    >>> [gold_value(v) for v in (3000, "over 10,000", "a couple thousand", "about 600,000")]
    [3000, 10000, 2000, 600000]
    """
    if isinstance(value, int):
        return value
    match = _GOLD_NUMBER.search(value)
    words = value.lower().split()
    base = int(match.group().replace(",", "")) if match else next((_GOLD_WORDS[w] for w in words if w in _GOLD_WORDS), 1)
    scale = next((_GOLD_SCALES[w] for w in words if w in _GOLD_SCALES), 1)
    return base * scale


def score_set(pairs: Iterable[tuple[ArticleGraph, dict, str | None]]) -> Scores:
    """Sum of the scores of (extraction, gold, text as read) triples."""
    total = Scores()
    for graph, gold, text in pairs:
        total.add(score_article(graph, gold, text))
    return total


def format_scores(scores: Scores) -> str:
    """A plain-text table of precision, recall and F1."""
    rows = [("entities (all)", scores.entities_all)]
    rows += [(f"  {k}", t) for k, t in scores.entities.items() if t.tp + t.fp + t.fn]
    rows += [("statements (speaker+kind+sentence)", scores.statements)]
    rows += [("relations (all)", scores.relations_all)]
    rows += [(f"  {k}", t) for k, t in scores.relations.items() if t.tp + t.fp + t.fn]
    rows += [("quantities (value+claimant+sentence)", scores.quantities)]
    lines = [f"{'':38} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    lines += [f"{name:38} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}   {t.tp}/{t.fp}/{t.fn}"
              for name, t in rows]
    return "\n".join(lines)


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {f for f in (name_form(n) for n in (name, *aliases)) if f}


def _gold_span(text: str, sentence: str) -> tuple[int, int]:
    start = text.find(sentence)
    if start < 0:
        raise ValueError(f"gold sentence not in article text: {sentence[:60]!r}")
    return start, start + len(sentence)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
