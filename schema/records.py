"""Typed records that loaders produce and the graph layer writes: one ArticleGraph per article.

Offsets are character (code point) offsets into the article text as read in UTF-8.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from schema.vocabulary import EntityType, RelationType, StatementKind


@dataclass(frozen=True)
class ArticleRecord:
    """One article: its deterministic id (a hash of its text), metadata and full text."""

    id: str
    path: str
    title: str | None
    published: str | None  # ISO date, YYYY-MM-DD, when known
    source: str | None
    text: str
    url: str | None = None
    # A dateline without a year ("MADRID 24 Oct. () -") as an ISO 8601 partial date, "--10-24",
    # when no full publication date is known: guessing the year would be worse than none.
    dateline: str | None = None


@dataclass(frozen=True)
class EntityRecord:
    """An actor or thing, resolved within the article. `aliases` are the surface forms seen."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    size: str | None = None  # for units: the stated size, e.g. "12,000 soldiers"
    wikidata: str | None = None  # e.g. "Q5190" when the actor dictionary knows the entity
    description: str | None = None  # e.g. "US Secretary of Defense (2021-01-22 to 2025-01-20)"
    alias_rules: tuple[tuple[str, str], ...] = ()  # (surface form, rule that joined it), for audit


@dataclass(frozen=True)
class StatementRecord:
    """One reporting act by one speaker, with the sentence it sits in."""

    id: str
    speaker: str  # entity id
    kind: StatementKind
    verb: str
    quote: str | None
    sentence: str
    start: int
    end: int
    about: tuple[str, ...] = ()
    direct: bool = False
    cue: str | None = None  # the words that made this a statement, e.g. "according to"
    source: str | None = None  # entity id of the source the speaker cites, if any
    date: str | None = None  # ISO date of the reporting act when the text gives it ("Friday")
    hedged: bool = False  # "reportedly", "allegedly": the article does not vouch for it


@dataclass(frozen=True)
class RelationRecord:
    """An entity-to-entity relation stated in one sentence."""

    id: str
    type: RelationType
    source: str
    target: str
    sentence: str
    start: int
    end: int
    date: str | None = None
    claimed_by: str | None = None  # entity id of who the sentence says reports it ("according to X")
    hedged: bool = False  # "reportedly", "allegedly": the article does not vouch for it


@dataclass(frozen=True)
class QuantityRecord:
    """A sourced number: troops sent, killed, wounded... Conflicting figures stay separate claims."""

    id: str
    value: int  # the number as a plain integer (the lower bound of "more than 3,000")
    text: str  # as written: "more than 3,000"
    measure: str  # what happened to them: sent|present|killed|wounded|casualties|captured|other
    what: str  # what is counted, in the article's words: "North Korean soldiers"
    sentence: str
    start: int
    end: int
    claimed_by: str | None = None  # entity id of the claimant, when stated
    unit: str | None = None  # entity id of the Unit counted, when one is
    date: str | None = None  # ISO date the claim refers to or was made, when stated


@dataclass(frozen=True)
class ArticleGraph:
    """Everything extracted from one article, ready to be written as one transaction."""

    article: ArticleRecord
    entities: tuple[EntityRecord, ...] = field(default_factory=tuple)
    statements: tuple[StatementRecord, ...] = field(default_factory=tuple)
    relations: tuple[RelationRecord, ...] = field(default_factory=tuple)
    quantities: tuple[QuantityRecord, ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        """The `kg extract --format json` shape: article metadata (no text), entities, statements, relations."""
        art = asdict(self.article)
        art.pop("text")
        return {
            "article": art,
            "entities": [_plain(asdict(e)) for e in self.entities],
            "statements": [_plain(asdict(s)) for s in self.statements],
            "relations": [_plain(asdict(r)) for r in self.relations],
            "quantities": [_plain(asdict(q)) for q in self.quantities],
        }

    def to_record(self) -> dict:
        """The `kg extract --format jsonl` shape: `to_json` with the article text, so that
        `from_record` gives this graph back (shards for `kg bulk`)."""
        out = self.to_json()
        out["article"]["text"] = self.article.text
        return out

    @classmethod
    def from_record(cls, data: dict) -> ArticleGraph:
        """The graph `to_record` wrote. Raises KeyError, TypeError or ValueError on other input."""
        return cls(
            article=ArticleRecord(**data["article"]),
            entities=tuple(_typed(EntityRecord, e) for e in data["entities"]),
            statements=tuple(_typed(StatementRecord, s) for s in data["statements"]),
            relations=tuple(_typed(RelationRecord, r) for r in data["relations"]),
            quantities=tuple(_typed(QuantityRecord, q) for q in data.get("quantities", [])),
        )


def _plain(row: dict) -> dict:
    """Enums to their values and tuples to lists, for JSON."""
    out = {}
    for key, value in row.items():
        if hasattr(value, "value"):
            value = value.value
        elif isinstance(value, tuple):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        out[key] = value
    return out


_ENUMS = {"type": {EntityRecord: EntityType, RelationRecord: RelationType},
          "kind": {StatementRecord: StatementKind}}


def _typed(record_type: type, row: dict):
    """A record from its `_plain` form: enum values back to enums, lists back to tuples."""
    values = {}
    for f in fields(record_type):
        if f.name not in row:
            continue
        value = row[f.name]
        enum = _ENUMS.get(f.name, {}).get(record_type)
        if enum is not None:
            value = enum(value)
        elif isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        values[f.name] = value
    return record_type(**values)
