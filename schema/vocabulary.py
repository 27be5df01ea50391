"""The graph's vocabulary: node labels, relationship types and the patterns they may join.

Everything that names a label or a relationship type reads it from here; Cypher splices
identifiers only from these enums.
"""

from __future__ import annotations

from enum import Enum


class EntityType(str, Enum):
    """Kinds of actor or thing an article can mention."""

    PERSON = "Person"
    AGENCY = "Agency"
    STATE = "State"
    TREATY = "Treaty"
    UNIT = "Unit"
    PLACE = "Place"


class NodeLabel(str, Enum):
    """Every node label in the graph. Entities carry ENTITY plus their EntityType label."""

    ENTITY = "Entity"
    PERSON = "Person"
    AGENCY = "Agency"
    STATE = "State"
    TREATY = "Treaty"
    UNIT = "Unit"
    PLACE = "Place"
    ARTICLE = "Article"
    STATEMENT = "Statement"
    CLAIM = "Claim"
    APPEARANCE = "Appearance"
    BODY_BAND = "BodyBand"


class StatementKind(str, Enum):
    """How a speaker put a statement: the reporting act, after negation is taken into account."""

    SAID = "said"
    CONFIRMED = "confirmed"
    DENIED = "denied"


class RelationType(str, Enum):
    """Relations between entities that the loaders extract from a sentence."""

    DEPLOYED_TO = "DEPLOYED_TO"
    SIGNED = "SIGNED"


class RelType(str, Enum):
    """Every relationship type in the graph."""

    SAID = "SAID"
    CONFIRMED = "CONFIRMED"
    DENIED = "DENIED"
    ABOUT = "ABOUT"
    REPORTED_IN = "REPORTED_IN"
    MENTIONED_IN = "MENTIONED_IN"
    DEPLOYED_TO = "DEPLOYED_TO"
    SIGNED = "SIGNED"
    CLAIMED = "CLAIMED"
    COUNTS = "COUNTS"
    APPEARS_AS = "APPEARS_AS"


STATEMENT_REL: dict[StatementKind, RelType] = {
    StatementKind.SAID: RelType.SAID,
    StatementKind.CONFIRMED: RelType.CONFIRMED,
    StatementKind.DENIED: RelType.DENIED,
}
"""The edge from a speaker to a Statement, by the statement's kind."""

SPEAKER_TYPES: frozenset[EntityType] = frozenset(
    {EntityType.PERSON, EntityType.AGENCY, EntityType.STATE}
)
"""Entity types that can make a statement."""

RELATION_PATTERNS: dict[RelationType, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    RelationType.DEPLOYED_TO: (
        frozenset({EntityType.UNIT}),
        frozenset({EntityType.PLACE, EntityType.STATE}),
    ),
    RelationType.SIGNED: (
        frozenset({EntityType.STATE, EntityType.PERSON, EntityType.AGENCY}),
        frozenset({EntityType.TREATY}),
    ),
}
"""Allowed (source types, target types) for each entity-to-entity relation."""

UNIQUE_KEYS: dict[NodeLabel, str] = {
    NodeLabel.ENTITY: "id",
    NodeLabel.ARTICLE: "id",
    NodeLabel.STATEMENT: "id",
    NodeLabel.CLAIM: "id",
    NodeLabel.APPEARANCE: "id",
    NodeLabel.BODY_BAND: "id",
}
"""Uniqueness constraints: every node is found by its deterministic `id` (a BodyBand's is
"<article_id> <key>", graph/rows.py)."""

INDEXED_PROPERTIES: dict[NodeLabel, tuple[str, ...]] = {
    NodeLabel.ENTITY: ("name", "type", "degree"),
    NodeLabel.STATEMENT: ("article_id", "kind", "published", "sort_key"),
    NodeLabel.ARTICLE: ("published",),
    NodeLabel.CLAIM: ("article_id", "measure", "sort_key"),
    NodeLabel.BODY_BAND: ("key", "article_id"),
}
"""Range indexes for the lookups the API makes (`sort_key`: pages in date order, graph/rows.py;
`degree`: the best-connected entities first, graph/queries.py TOP_ENTITIES; BodyBand `key`: a
new article's candidate reports, graph/syndication.py, and `article_id`: a report's bands)."""

COMPOSITE_INDEXED: dict[NodeLabel, tuple[tuple[str, ...], ...]] = {
    NodeLabel.STATEMENT: (("speaker_id", "sort_key"),),
    NodeLabel.CLAIM: (("claimed_by_id", "sort_key"), ("unit_id", "sort_key")),
}
"""Composite range indexes: one actor's statements or claims read in date order, a page at a
time, without touching the rest (equality on the first property, order from the second)."""

TEXT_INDEXED: dict[NodeLabel, tuple[str, ...]] = {
    NodeLabel.PERSON: ("id",),
}
"""Text indexes, for ENDS WITH: a surname finds the people of that surname across articles."""

RELATIONSHIP_INDEXED: dict[RelType, tuple[str, ...]] = {
    RelType.DEPLOYED_TO: ("id", "article_id"),
    RelType.SIGNED: ("id", "article_id"),
}
"""Relationship property indexes: relation edges are merged by `id` and cleaned by `article_id`."""

class FulltextIndex(str, Enum):
    """Full-text (Lucene) indexes, by name."""

    ENTITY_SEARCH_KEYS = "entity_search_keys"
    STATEMENT_SENTENCE = "statement_sentence"
    CLAIM_SENTENCE = "claim_sentence"


FULLTEXT_INDEXES: dict[FulltextIndex, tuple[NodeLabel, str]] = {
    FulltextIndex.ENTITY_SEARCH_KEYS: (NodeLabel.ENTITY, "search_keys"),
    FulltextIndex.STATEMENT_SENTENCE: (NodeLabel.STATEMENT, "sentence"),
    FulltextIndex.CLAIM_SENTENCE: (NodeLabel.CLAIM, "sentence"),
}
"""Full-text (Lucene) indexes by name, each on one label's property: what `?q=` searches."""
