"""Lexicons of the rules, read from loaders/data/ (data, not code, so that a reader can extend
them): reporting verbs with the kind each implies (reporting_verbs.yaml), verb + particle pairs
("brush off" = denied), claims written as nouns, hedges and interpretive adverbs (hedges.yaml),
falsity words (falsity.yaml), and plain word lists (statement_words.yaml, relation_lexicon.yaml)
read by word_list()."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from schema.vocabulary import StatementKind

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class ReportingLexicon:
    """Reporting verbs by lemma (and verb + particle pairs, keyed "point out") with their kinds."""

    kinds: dict[str, StatementKind]
    phrasal: dict[str, StatementKind]
    needs_content: frozenset[str]
    object_content: frozenset[str]
    soft_deny: frozenset[str]
    clause_only: frozenset[str]
    message_only: frozenset[str]
    quote_kind: frozenset[str]
    hedges: frozenset[str]
    interpretive: frozenset[str]
    unverified: tuple[str, ...]
    falsity: frozenset[str]
    evidence: frozenset[str]
    nominal: dict[str, StatementKind]  # claims written as nouns: "Seoul's claims that ..."

    def lemmas(self, kind: StatementKind | None = None) -> frozenset[str]:
        """Single-word reporting lemmas, of one kind or all."""
        return frozenset(k for k, v in self.kinds.items() if kind is None or v is kind)

    def kind_of(self, lemma: str, particle: str | None = None) -> StatementKind | None:
        """The kind a verb (with its particle, if any) implies; None when it is no reporting verb.
        A verb + particle pair listed as phrasal ("brush", "off", or the key "brush off") wins over
        the verb alone."""
        key = f"{lemma} {particle}" if particle else lemma
        if key in self.phrasal:
            return self.phrasal[key]
        return self.kinds.get(lemma)


def _read(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or {}


@functools.lru_cache(maxsize=1)
def load_reporting_lexicon() -> ReportingLexicon:
    """The lexicons, read once. A verb listed under two kinds is an error (ValueError)."""
    verbs = _read("reporting_verbs.yaml")
    kinds: dict[str, StatementKind] = {}
    for kind in StatementKind:
        for lemma in verbs.get(kind.value, ()):
            if kinds.get(lemma, kind) is not kind:
                raise ValueError(f"reporting verb {lemma!r} listed under two kinds")
            kinds[lemma] = kind
    hedges = _read("hedges.yaml")
    phrasal = {k: StatementKind(v) for k, v in (verbs.get("phrasal") or {}).items()}
    return ReportingLexicon(
        kinds=kinds, phrasal=phrasal,
        needs_content=frozenset(verbs.get("needs_content", ())),
        object_content=frozenset(verbs.get("object_content", ())),
        soft_deny=frozenset(verbs.get("soft_deny", ())),
        clause_only=frozenset(verbs.get("clause_only", ())),
        message_only=frozenset(verbs.get("message_only", ())),
        quote_kind=frozenset(verbs.get("quote_kind", ())),
        hedges=frozenset(hedges.get("adverbs", ())),
        interpretive=frozenset(hedges.get("interpretive", ())),
        unverified=tuple(hedges.get("unverified", ())),
        falsity=frozenset(_read("falsity.yaml").get("words", ())),
        evidence=frozenset(verbs.get("evidence_nouns", ())),
        nominal={k: StatementKind(v) for k, v in (verbs.get("nominal_acts") or {}).items()},
    )


@functools.lru_cache(maxsize=None)
def load_word_lists(name: str) -> dict[str, frozenset[str]]:
    """Every list of loaders/data/`name` as a frozenset of lower-case words, read once."""
    out = {}
    for key, items in _read(name).items():
        if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
            # A bare yes/no/on/off is read by YAML as a boolean: quote it.
            raise ValueError(f"{name}: {key} must be a list of words (quote yes/no/on/off)")
        out[key] = frozenset(w.lower() for w in items)
    return out


def word_list(name: str, key: str) -> frozenset[str]:
    """One list of loaders/data/`name`; a missing key is an error, not an empty list."""
    lists = load_word_lists(name)
    if key not in lists:
        raise KeyError(f"{name} has no list {key!r}")
    return lists[key]
