"""Lexicons of the statement rules, read from loaders/data/ (data, not code, so that a reader can
extend them): reporting verbs with the kind each implies (reporting_verbs.yaml), verb + particle
pairs ("brush off" = denied), hedges and interpretive adverbs (hedges.yaml) and falsity words
(falsity.yaml)."""

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
    )
