"""Every Cypher statement the service runs. Identifiers spliced in come only from schema enums."""

from __future__ import annotations

from schema.vocabulary import (
    INDEXED_PROPERTIES,
    RELATIONSHIP_INDEXED,
    STATEMENT_REL,
    UNIQUE_KEYS,
    EntityType,
    NodeLabel,
    RelationType,
    RelType,
)

_SPEAKER_RELS = "|".join(rel.value for rel in STATEMENT_REL.values())
_RELATION_RELS = "|".join(rel.value for rel in RelationType)


def constraint_statements() -> list[str]:
    """DDL for uniqueness constraints and indexes, idempotent (IF NOT EXISTS)."""
    ddl = [
        f"CREATE CONSTRAINT {label.value.lower()}_{key}_unique IF NOT EXISTS "
        f"FOR (n:{label.value}) REQUIRE n.{key} IS UNIQUE"
        for label, key in UNIQUE_KEYS.items()
    ]
    for label, props in INDEXED_PROPERTIES.items():
        ddl += [
            f"CREATE INDEX {label.value.lower()}_{prop} IF NOT EXISTS FOR (n:{label.value}) ON (n.{prop})"
            for prop in props
        ]
    for rel, props in RELATIONSHIP_INDEXED.items():
        ddl += [
            f"CREATE INDEX rel_{rel.value.lower()}_{prop} IF NOT EXISTS "
            f"FOR ()-[r:{rel.value}]-() ON (r.{prop})"
            for prop in props
        ]
    return ddl


# --- writes -------------------------------------------------------------------------------

MERGE_ARTICLE = """
MERGE (a:Article {id: $article.id})
SET a += $article
"""


def merge_entities(entity_type: EntityType) -> str:
    """Upsert entities of one type and their mention of the article; aliases accumulate."""
    return f"""
UNWIND $rows AS row
MERGE (e:{NodeLabel.ENTITY.value} {{id: row.id}})
SET e:{entity_type.value}, e.type = row.type,
    e.name = CASE WHEN e.name IS NULL OR size(row.name) > size(e.name)
                       OR (size(row.name) = size(e.name) AND row.name < e.name)
                  THEN row.name ELSE e.name END
WITH e, row
CALL (e, row) {{
  UNWIND coalesce(e.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}}
CALL (e, row) {{
  UNWIND coalesce(e.search_keys, []) + row.search_keys AS key
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS search_keys
}}
CALL (e, row) {{
  UNWIND coalesce(e.sizes, []) + row.sizes AS size
  WITH DISTINCT size ORDER BY size
  RETURN collect(size) AS sizes
}}
SET e.aliases = aliases, e.search_keys = search_keys, e.sizes = sizes,
    e.wikidata = coalesce(row.wikidata, e.wikidata),
    e.description = coalesce(row.description, e.description)
WITH e, row
MATCH (a:Article {{id: $article_id}})
MERGE (e)-[m:{RelType.MENTIONED_IN.value}]->(a)
SET m.aliases = row.aliases, m.count = row.mentions, m.alias_rules = row.alias_rules
"""


def delete_stale_nodes(label: NodeLabel) -> str:
    """Drop an article's statements or claims that a new extraction no longer yields."""
    return f"""
MATCH (n:{label.value} {{article_id: $article_id}})
WHERE NOT n.id IN $ids
DETACH DELETE n
"""


DELETE_STALE_SPEAKER_EDGES = f"""
UNWIND $rows AS row
MATCH (sp)-[r:{_SPEAKER_RELS}]->(s:{NodeLabel.STATEMENT.value} {{id: row.id}})
WHERE sp.id <> row.speaker OR type(r) <> row.rel
DELETE r
"""


def merge_statements(rel: RelType) -> str:
    """Upsert statements of one kind with speaker edge, ABOUT edges and REPORTED_IN provenance."""
    return f"""
UNWIND $rows AS row
MATCH (a:Article {{id: $article_id}})
MATCH (sp:{NodeLabel.ENTITY.value} {{id: row.speaker}})
MERGE (s:{NodeLabel.STATEMENT.value} {{id: row.id}})
SET s += row.props
MERGE (sp)-[r:{rel.value}]->(s)
SET r += row.provenance
MERGE (s)-[p:{RelType.REPORTED_IN.value}]->(a)
SET p += row.provenance
WITH s, row
OPTIONAL MATCH (s)-[old:{RelType.ABOUT.value}]->(x)
WHERE NOT x.id IN row.about
DELETE old
WITH DISTINCT s, row
UNWIND row.about AS about_id
MATCH (x:{NodeLabel.ENTITY.value} {{id: about_id}})
MERGE (s)-[ab:{RelType.ABOUT.value}]->(x)
SET ab += row.provenance
"""


MERGE_CLAIMS = f"""
UNWIND $rows AS row
MATCH (a:Article {{id: $article_id}})
MERGE (c:{NodeLabel.CLAIM.value} {{id: row.id}})
SET c += row.props
MERGE (c)-[p:{RelType.REPORTED_IN.value}]->(a)
SET p += row.provenance
WITH c, row
OPTIONAL MATCH (c)<-[old_by:{RelType.CLAIMED.value}]-()
OPTIONAL MATCH (c)-[old_unit:{RelType.COUNTS.value}]->()
DELETE old_by, old_unit
WITH DISTINCT c, row
OPTIONAL MATCH (by:{NodeLabel.ENTITY.value} {{id: row.claimed_by}})
OPTIONAL MATCH (unit:{NodeLabel.ENTITY.value} {{id: row.unit}})
FOREACH (_ IN CASE WHEN by IS NULL THEN [] ELSE [1] END |
  MERGE (by)-[r:{RelType.CLAIMED.value}]->(c) SET r += row.provenance)
FOREACH (_ IN CASE WHEN unit IS NULL THEN [] ELSE [1] END |
  MERGE (c)-[r:{RelType.COUNTS.value}]->(unit) SET r += row.provenance)
"""


DELETE_STALE_RELATIONS = f"""
MATCH ()-[r:{_RELATION_RELS}]->()
WHERE r.article_id = $article_id AND NOT r.id IN $ids
DELETE r
"""


def merge_relations(rel: RelationType) -> str:
    """Upsert entity-to-entity relations of one type, one edge per sourced claim."""
    return f"""
UNWIND $rows AS row
MATCH (src:{NodeLabel.ENTITY.value} {{id: row.source}})
MATCH (tgt:{NodeLabel.ENTITY.value} {{id: row.target}})
MERGE (src)-[r:{rel.value} {{id: row.id}}]->(tgt)
SET r += row.props
"""


DELETE_STALE_MENTIONS = f"""
MATCH (e:{NodeLabel.ENTITY.value})-[m:{RelType.MENTIONED_IN.value}]->(a:Article {{id: $article_id}})
WHERE NOT e.id IN $ids
DELETE m
"""

DELETE_ORPHAN_ENTITIES = f"""
MATCH (e:{NodeLabel.ENTITY.value})
WHERE NOT (e)-[:{RelType.MENTIONED_IN.value}]->()
DETACH DELETE e
"""

# --- reads --------------------------------------------------------------------------------

COUNTS = f"""
RETURN COUNT {{ MATCH (n) }} AS nodes,
       COUNT {{ MATCH ()-[r]->() }} AS relationships,
       COUNT {{ MATCH (:{NodeLabel.ARTICLE.value}) }} AS articles,
       COUNT {{ MATCH (:{NodeLabel.STATEMENT.value}) }} AS statements,
       COUNT {{ MATCH (:{NodeLabel.ENTITY.value}) }} AS entities
"""

FIND_ACTORS = f"""
MATCH (e:{NodeLabel.ENTITY.value})
WHERE ($q = '' OR any(k IN e.search_keys WHERE k CONTAINS $q)) AND ($types IS NULL OR e.type IN $types)
OPTIONAL MATCH (e)-[r:{_SPEAKER_RELS}]->(:{NodeLabel.STATEMENT.value})
WITH e, count(r) AS statements
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, statements
ORDER BY statements DESC, size(e.name) ASC, e.name ASC
SKIP $offset LIMIT $limit
"""

READ_ACTOR = f"""
MATCH (e:{NodeLabel.ENTITY.value} {{id: $id}})
OPTIONAL MATCH (e)-[m:{RelType.MENTIONED_IN.value}]->(a:Article)
WITH e, collect({{article_id: a.id, aliases: m.aliases, count: m.count}}) AS mentions
OPTIONAL MATCH (e)-[r:{_SPEAKER_RELS}]->(:{NodeLabel.STATEMENT.value})
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.sizes AS sizes,
       mentions, count(r) AS statements
"""

READ_ACTOR_STATEMENTS = f"""
MATCH (e:{NodeLabel.ENTITY.value} {{id: $id}})-[r:{_SPEAKER_RELS}]->(s:{NodeLabel.STATEMENT.value})
      -[:{RelType.REPORTED_IN.value}]->(a:Article)
OPTIONAL MATCH (s)-[:{RelType.ABOUT.value}]->(x:{NodeLabel.ENTITY.value})
WITH e, s, a, collect({{id: x.id, name: x.name, type: x.type}}) AS about
RETURN s {{.id, .kind, .verb, .quote, .sentence, .start, .end, .direct, .published, .cue}} AS statement,
       [x IN about WHERE x.id IS NOT NULL] AS about,
       a {{.id, .title, .published, .source, .path, .url}} AS article
ORDER BY s.published, a.id, s.start
SKIP $offset LIMIT $limit
"""

READ_GRAPH = f"""
MATCH (e:{NodeLabel.ENTITY.value})
OPTIONAL MATCH (e)-[r:{_SPEAKER_RELS}|{_RELATION_RELS}]-()
WITH e, count(r) AS degree
ORDER BY degree DESC, e.id
LIMIT $limit
WITH collect(e) AS entities
UNWIND entities AS e
OPTIONAL MATCH (e)-[r:{_SPEAKER_RELS}]->(s:{NodeLabel.STATEMENT.value})-[:{RelType.ABOUT.value}]->(x)
WHERE x IN entities
WITH entities, collect(CASE WHEN s IS NULL THEN NULL ELSE {{
    source: e.id, target: x.id, type: type(r), label: s.kind, statement: s.id,
    sentence: s.sentence, article_id: s.article_id, published: s.published}} END) AS said
UNWIND entities AS e
OPTIONAL MATCH (e)-[rel:{_RELATION_RELS}]->(y)
WHERE y IN entities
WITH entities, said, collect(CASE WHEN rel IS NULL THEN NULL ELSE {{
    source: e.id, target: y.id, type: type(rel), label: toLower(type(rel)), statement: NULL,
    sentence: rel.sentence, article_id: rel.article_id, published: rel.published}} END) AS rels
RETURN [e IN entities | e {{.id, .name, .type, .aliases}}] AS nodes, said + rels AS edges
"""
