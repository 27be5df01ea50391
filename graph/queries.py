"""Every Cypher statement the service runs. Identifiers spliced in come only from schema enums."""

from __future__ import annotations

from schema.vocabulary import (
    FULLTEXT_INDEXES,
    INDEXED_PROPERTIES,
    RELATIONSHIP_INDEXED,
    TEXT_INDEXED,
    STATEMENT_REL,
    UNIQUE_KEYS,
    EntityType,
    FulltextIndex,
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
    for label, props in TEXT_INDEXED.items():
        ddl += [
            f"CREATE TEXT INDEX {label.value.lower()}_{prop}_text IF NOT EXISTS FOR (n:{label.value}) ON (n.{prop})"
            for prop in props
        ]
    for rel, props in RELATIONSHIP_INDEXED.items():
        ddl += [
            f"CREATE INDEX rel_{rel.value.lower()}_{prop} IF NOT EXISTS "
            f"FOR ()-[r:{rel.value}]-() ON (r.{prop})"
            for prop in props
        ]
    # Lucene's standard tokenizer and lower-casing, without stop words: a search for "the" or
    # "us" must find them. Updated with each transaction (not eventually), so a write is
    # searchable as soon as it commits.
    ddl += [
        f"CREATE FULLTEXT INDEX {name.value} IF NOT EXISTS FOR (n:{label.value}) ON EACH [n.{prop}] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', "
        "`fulltext.eventually_consistent`: false}}"
        for name, (label, prop) in FULLTEXT_INDEXES.items()
    ]
    return ddl


AWAIT_INDEXES = "CALL db.awaitIndexes($timeout_s)"


# --- writes -------------------------------------------------------------------------------

# Every write takes rows from several articles at once (each row carries its `article_id`), so
# a batch of articles costs the round trips of one.

MERGE_ARTICLES = f"""
UNWIND $articles AS article
MERGE (a:{NodeLabel.ARTICLE.value} {{id: article.id}})
SET a += article
"""

# What a write replaces, per article: its stored properties, its statements' and the entities
# it mentions. (properties() rather than named keys: on a new database those keys do not exist
# yet, and Neo4j warns.)
ARTICLES_AS_STORED = f"""
UNWIND $article_ids AS article_id
OPTIONAL MATCH (a:{NodeLabel.ARTICLE.value} {{id: article_id}})
CALL (article_id) {{
  OPTIONAL MATCH (s:{NodeLabel.STATEMENT.value} {{article_id: article_id}})
  RETURN collect(properties(s)) AS statements
}}
CALL (a) {{
  OPTIONAL MATCH (e:{NodeLabel.ENTITY.value})-[:{RelType.MENTIONED_IN.value}]->(a)
  RETURN collect(e.id) AS entity_ids
}}
RETURN article_id, properties(a) AS article, statements, entity_ids
"""


def merge_entities(entity_type: EntityType) -> str:
    """Upsert entities of one type and what each row's article says of them (on MENTIONED_IN).

    An entity's name, aliases, search keys and sizes are derived from all its MENTIONED_IN
    edges (REFRESH_ENTITIES is the definition). Each derivation is a union or a maximum, so
    while an article's edge only gains forms they are merged into the stored values at a
    cost that does not grow with the entity's mentions. When the edge loses a form (a reload
    that extracts less) the merge cannot be exact: those entities' ids are returned, for
    REFRESH_ENTITIES. Rows of several articles may name one entity: each row merges in turn.
    """
    return f"""
UNWIND $rows AS row
MERGE (e:{NodeLabel.ENTITY.value} {{id: row.id}})
SET e:{entity_type.value}, e.type = row.type,
    e.wikidata = coalesce(row.wikidata, e.wikidata),
    e.description = coalesce(row.description, e.description)
WITH e, row
MATCH (a:Article {{id: row.article_id}})
OPTIONAL MATCH (e)-[old:{RelType.MENTIONED_IN.value}]->(a)
WITH e, row, a, old IS NULL OR (old.name = row.name
    AND all(x IN coalesce(old.aliases, []) WHERE x IN row.aliases)
    AND all(x IN coalesce(old.search_keys, []) WHERE x IN row.search_keys)
    AND all(x IN coalesce(old.sizes, []) WHERE x IN row.sizes)) AS grows
MERGE (e)-[m:{RelType.MENTIONED_IN.value}]->(a)
SET m.name = row.name, m.aliases = row.aliases, m.search_keys = row.search_keys,
    m.sizes = row.sizes, m.count = row.mentions, m.alias_rules = row.alias_rules,
    m.article_id = a.id, m.published = a.published
WITH e, row, grows
SET e.name = CASE
      WHEN NOT grows THEN e.name
      WHEN e.name IS NULL OR size(row.name) > size(e.name)
           OR (size(row.name) = size(e.name) AND row.name < e.name) THEN row.name
      ELSE e.name END,
    e.aliases = CASE WHEN grows THEN COLLECT {{
      UNWIND coalesce(e.aliases, []) + row.aliases AS x RETURN DISTINCT x ORDER BY x }}
      ELSE e.aliases END,
    e.search_keys = CASE WHEN grows THEN COLLECT {{
      UNWIND coalesce(e.search_keys, []) + row.search_keys AS x RETURN DISTINCT x ORDER BY x }}
      ELSE e.search_keys END,
    e.sizes = CASE WHEN grows THEN COLLECT {{
      UNWIND coalesce(e.sizes, []) + row.sizes AS x RETURN DISTINCT x ORDER BY x }}
      ELSE e.sizes END
WITH row WHERE NOT grows
RETURN row.id AS id
"""


# The definition of an entity's derived properties, from every one of its mentions: the
# longest name (ties: the first in order), and the sorted union of aliases, search keys and
# sizes. O(mentions of the entity): run only where merge_entities cannot be exact, on delete,
# and by refresh_entities.
REFRESH_ENTITIES = f"""
UNWIND $ids AS id
MATCH (e:{NodeLabel.ENTITY.value} {{id: id}})
CALL (e) {{
  MATCH (e)-[m:{RelType.MENTIONED_IN.value}]->()
  WITH m.name AS name ORDER BY size(name) DESC, name ASC
  RETURN head(collect(name)) AS name
}}
CALL (e) {{
  MATCH (e)-[m:{RelType.MENTIONED_IN.value}]->()
  UNWIND m.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}}
CALL (e) {{
  MATCH (e)-[m:{RelType.MENTIONED_IN.value}]->()
  UNWIND m.search_keys AS key
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS search_keys
}}
CALL (e) {{
  MATCH (e)-[m:{RelType.MENTIONED_IN.value}]->()
  UNWIND coalesce(m.sizes, []) AS size
  WITH DISTINCT size ORDER BY size
  RETURN collect(size) AS sizes
}}
SET e.name = coalesce(name, e.name), e.aliases = aliases, e.search_keys = search_keys, e.sizes = sizes
"""

# The definition of an entity's `degree`, what TOP_ENTITIES ranks by: its statement and
# relation edges and the statements about it. No far node is tested, so Neo4j answers each
# COUNT from the node's relationship counts without reading an edge: O(1) per entity.
_DEGREE = (f"COUNT {{ (e)-[:{_SPEAKER_RELS}|{_RELATION_RELS}]-() }} "
           f"+ COUNT {{ (e)<-[:{RelType.ABOUT.value}]-() }}")

# Sets `degree` on the entities a write or delete touched (the others' edges did not change).
REFRESH_DEGREES = f"""
UNWIND $ids AS id
MATCH (e:{NodeLabel.ENTITY.value} {{id: id}})
SET e.degree = {_DEGREE}
"""


def delete_stale_nodes(label: NodeLabel) -> str:
    """Drop the statements or claims of each row's article that a new extraction no longer yields."""
    return f"""
UNWIND $rows AS row
MATCH (n:{label.value} {{article_id: row.article_id}})
WHERE NOT n.id IN row.ids
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
MATCH (a:Article {{id: row.props.article_id}})
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
MATCH (a:Article {{id: row.props.article_id}})
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
UNWIND $rows AS row
MATCH ()-[r:{_RELATION_RELS}]->()
WHERE r.article_id = row.article_id AND NOT r.id IN row.ids
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


# The mentions of each row's article whose entity it no longer names; returns those entities.
DELETE_STALE_MENTIONS = f"""
UNWIND $rows AS row
MATCH (e:{NodeLabel.ENTITY.value})-[m:{RelType.MENTIONED_IN.value}]->(:Article {{id: row.article_id}})
WHERE NOT e.id IN row.ids
DELETE m
RETURN e.id AS id
"""

# --- syndicated copies (graph/syndication.py) ----------------------------------------------

_APPEARANCE = NodeLabel.APPEARANCE.value
_APPEARS_AS = RelType.APPEARS_AS.value
_BODY_BAND = NodeLabel.BODY_BAND.value

# Per article of a write: whether it is a stored report (a replay), the report a stored copy of
# that id appears under, and the reports sharing one of its band keys (BANDS index lookups).
SYNDICATION_CANDIDATES = f"""
UNWIND $rows AS row
CALL (row) {{
  OPTIONAL MATCH (a:{NodeLabel.ARTICLE.value} {{id: row.id}})
  RETURN a IS NOT NULL AS stored
}}
CALL (row) {{
  OPTIONAL MATCH (r:{NodeLabel.ARTICLE.value})-[:{_APPEARS_AS}]->(ap:{_APPEARANCE} {{id: row.id}})
  RETURN head(collect(r.id)) AS appears_in, head(collect(properties(ap))) AS appearance
}}
CALL (row) {{
  UNWIND row.keys AS key
  MATCH (b:{_BODY_BAND} {{key: key}}) WHERE b.article_id <> row.id
  WITH DISTINCT b.article_id AS report_id
  MATCH (r:{NodeLabel.ARTICLE.value} {{id: report_id}})
  RETURN collect({{id: r.id, minhash: r.minhash}}) AS candidates
}}
RETURN row.id AS id, stored, appears_in, appearance, candidates
"""

MERGE_APPEARANCES = f"""
UNWIND $rows AS row
MATCH (r:{NodeLabel.ARTICLE.value} {{id: row.report_id}})
MERGE (ap:{_APPEARANCE} {{id: row.id}})
ON CREATE SET ap.loaded_at = row.loaded_at
SET ap += row.props
MERGE (r)-[:{_APPEARS_AS}]->(ap)
"""

# A report's bands follow its body (the same id's text read with another format may differ).
MERGE_BODY_BANDS = f"""
UNWIND $rows AS row
CALL (row) {{
  MATCH (b:{_BODY_BAND} {{article_id: row.article_id}}) WHERE NOT b.id IN [x IN row.bands | x.id]
  DELETE b
}}
WITH row
UNWIND row.bands AS band
MERGE (b:{_BODY_BAND} {{id: band.id}})
SET b.key = band.key, b.article_id = row.article_id
"""

DELETE_APPEARANCE = f"""
MATCH (ap:{_APPEARANCE} {{id: $article_id}})
DETACH DELETE ap
RETURN count(*) AS deleted
"""

REPORT_OF_APPEARANCE = f"""
MATCH (r:{NodeLabel.ARTICLE.value})-[:{_APPEARS_AS}]->(:{_APPEARANCE} {{id: $id}})
RETURN r.id AS id
"""

ALL_ENTITY_IDS = f"MATCH (e:{NodeLabel.ENTITY.value}) RETURN e.id AS id"

ARTICLE_ENTITY_IDS = f"""
MATCH (e:{NodeLabel.ENTITY.value})-[:{RelType.MENTIONED_IN.value}]->(:Article {{id: $article_id}})
RETURN e.id AS id
"""

DELETE_ARTICLE = f"""
MATCH (a:Article {{id: $article_id}})
OPTIONAL MATCH (n) WHERE (n:{NodeLabel.STATEMENT.value} OR n:{NodeLabel.CLAIM.value}) AND n.article_id = $article_id
DETACH DELETE n
WITH DISTINCT a
OPTIONAL MATCH ()-[r:{_RELATION_RELS}]->() WHERE r.article_id = $article_id
DELETE r
WITH DISTINCT a
CALL (a) {{
  MATCH (a)-[:{_APPEARS_AS}]->(ap:{_APPEARANCE})
  DETACH DELETE ap
}}
CALL (a) {{
  MATCH (b:{_BODY_BAND} {{article_id: a.id}})
  DELETE b
}}
DETACH DELETE a
RETURN count(a) AS deleted
"""

DELETE_ORPHAN_ENTITIES = f"""
UNWIND $ids AS id
MATCH (e:{NodeLabel.ENTITY.value} {{id: id}})
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

_ENTITY = NodeLabel.ENTITY.value
_STATEMENT = NodeLabel.STATEMENT.value
_CLAIM = NodeLabel.CLAIM.value
_ARTICLE = NodeLabel.ARTICLE.value
_ABOUT = RelType.ABOUT.value
_REPORTED_IN = RelType.REPORTED_IN.value
_MENTIONED_IN = RelType.MENTIONED_IN.value

_ARTICLE_REF = "{.id, .title, .published, .dateline, .source, .path, .url}"
# A statement's date: the reporting act's own date when the text gives it, else the article's.
_STATEMENT_DATE = "coalesce(s.date, s.published)"

# `$lucene` (graph.search.fulltext_query) finds candidates in the full-text index; the exact
# test (`CONTAINS` on the folded keys or lower-cased sentence) then keeps what it always kept.
# Each search has a scanning form for text the index cannot narrow (no word in it).
_ACTOR_PAGE = f"""
WITH e WHERE $types IS NULL OR e.type IN $types
WITH e, COUNT {{ (e)-[:{_SPEAKER_RELS}]->(:{_STATEMENT}) }} AS statements
ORDER BY statements DESC, size(e.name) ASC, e.name ASC
WITH collect(e {{.id, .name, .type, .aliases, .wikidata, statements: statements}}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS page
"""
FIND_ACTORS = f"""
CALL db.index.fulltext.queryNodes('{FulltextIndex.ENTITY_SEARCH_KEYS.value}', $lucene) YIELD node AS e
WITH e WHERE any(k IN e.search_keys WHERE k CONTAINS $q)
""" + _ACTOR_PAGE
FIND_ACTORS_SCAN = f"""
MATCH (e:{_ENTITY})
WHERE $q = '' OR any(k IN e.search_keys WHERE k CONTAINS $q)
""" + _ACTOR_PAGE

# An actor's degrees: its statements by kind, statements about it, relations and mentions,
# read from the node's relationship counts (no relationship is touched), and the totals of the
# graph the reads weigh them against.
ACTOR_DEGREES = f"""
MATCH (e:{_ENTITY} {{id: $id}})
RETURN e {{.id, .name, .type, .aliases, .sizes, .wikidata, .description}} AS actor,
       {"".join(f"COUNT {{ (e)-[:{rel.value}]->() }} AS {kind.value}, " for kind, rel in STATEMENT_REL.items())}
       COUNT {{ (e)<-[:{_ABOUT}]-() }} AS about,
       COUNT {{ (e)-[:{_RELATION_RELS}]-() }} AS relations,
       COUNT {{ (e)-[:{_MENTIONED_IN}]->() }} AS mentioned,
       COUNT {{ (e)-[:{RelType.CLAIMED.value}]->() }} AS claimed,
       COUNT {{ (e)<-[:{RelType.COUNTS.value}]-() }} AS counted,
       COUNT {{ (:{_STATEMENT}) }} AS all_statements,
       COUNT {{ (:{_CLAIM}) }} AS all_claims,
       COUNT {{ (:{_ARTICLE}) }} AS all_articles
"""
GRAPH_TOTALS = f"""
RETURN COUNT {{ (:{_STATEMENT}) }} AS all_statements, COUNT {{ (:{_CLAIM}) }} AS all_claims
"""

_MENTION = """{article_id: a.id, title: a.title, published: a.published, source: a.source,
         aliases: m.aliases, count: m.count, alias_rules: m.alias_rules}"""
# The first `$limit` articles mentioning the actor in publication order, from its edges: cost
# O(its mentions), the plan for an actor in few articles.
MENTIONS_EXPAND = f"""
MATCH (:{_ENTITY} {{id: $id}})-[m:{_MENTIONED_IN}]->(a:{_ARTICLE})
WITH m, a ORDER BY a.published, a.id LIMIT $limit
RETURN collect({_MENTION}) AS mentions
"""
# The same from the articles' date index, walked in order and kept where the actor is
# mentioned: cost O($limit x articles / its mentions), the plan for a hub. The index orders by
# date only: the first walk finds the date of the $limit-th mention, the second takes every
# mention up to that date (ties included) to order by date and id. Undated articles are not
# in the index: when this finds fewer than $limit the reader asks MENTIONS_EXPAND.
MENTIONS_WALK = f"""
MATCH (e:{_ENTITY} {{id: $id}})
CALL (e) {{
  MATCH (a:{_ARTICLE}) WHERE a.published IS NOT NULL AND EXISTS {{ (e)-[:{_MENTIONED_IN}]->(a) }}
  WITH a ORDER BY a.published LIMIT $limit
  RETURN max(a.published) AS last
}}
MATCH (a:{_ARTICLE}) WHERE a.published <= last AND EXISTS {{ (e)-[:{_MENTIONED_IN}]->(a) }}
WITH e, a ORDER BY a.published, a.id LIMIT $limit
MATCH (e)-[m:{_MENTIONED_IN}]->(a)
RETURN collect({_MENTION}) AS mentions
"""

# The actors an actor is most connected to, within a bounded sample: $sample of its
# statements, $sample statements about it and $sample of its relations, whichever the store
# yields first (a sample that needs no property the writer adds). Exact when the actor has no more than
# $sample of each (the reader says which).
CONNECTED = f"""
MATCH (e:{_ENTITY} {{id: $id}})
CALL (e) {{
  CALL (e) {{
    MATCH (e)-[:{_SPEAKER_RELS}]->(s:{_STATEMENT}) WITH s LIMIT $sample
    MATCH (s)-[:{_ABOUT}]->(x:{_ENTITY}) RETURN x
    UNION ALL
    MATCH (e)<-[:{_ABOUT}]-(s:{_STATEMENT}) WITH s LIMIT $sample
    MATCH (x:{_ENTITY})-[:{_SPEAKER_RELS}]->(s) RETURN x
    UNION ALL
    MATCH (e)-[r:{_RELATION_RELS}]-(x:{_ENTITY}) WITH x LIMIT $sample RETURN x
  }}
  WITH x WHERE x <> e
  WITH x, count(*) AS weight ORDER BY weight DESC, x.name ASC LIMIT 10
  RETURN collect(x {{.id, .name, .type, weight: weight}}) AS connected
}}
RETURN connected
"""

# Statements: every filter is a test on the statement node itself, so a walk of an index in
# `sort_key` order (date, article, offset: graph/rows.py) can test each row as it goes and
# stop after $offset + $limit matches. The reader picks the head (where rows come from) by
# the filters and the actors' degrees; _STATEMENT_PAGE and _STATEMENT_COUNT follow any head.
_STATEMENT_FILTER = f"""($kinds IS NULL OR s.kind IN $kinds)
  AND ($speaker IS NULL OR s.speaker_id = $speaker)
  AND ($article IS NULL OR s.article_id = $article)
  AND ($direct IS NULL OR s.direct = $direct)
  AND ($since IS NULL OR {_STATEMENT_DATE} >= $since)
  AND ($until IS NULL OR {_STATEMENT_DATE} <= $until)
  AND ($about IS NULL OR EXISTS {{ (s)-[:{_ABOUT}]->(:{_ENTITY} {{id: $about}}) }})
  AND ($text = '' OR toLower(s.sentence) CONTAINS $text)"""

# The dates $since..$until as a range of sort keys, which an index seek can start and stop
# at: a date >= $since has a key >= $since, a date <= $until a key below $until + '!' (the
# key's separator, a space, sorts before '!'), and every key lies in ['', '~~'). Undated rows
# ('~') pass the range; the exact filter still drops them.
_KEY_RANGE = "{n}.sort_key >= coalesce($since, '') AND {n}.sort_key < coalesce($until + '!', '~~')"

# The order of a page, by head. A composite index provides its order only when ORDER BY names
# its properties from the first (speaker_id is one value there, so the order is the same).
_ORDER = {"speaker": "{n}.speaker_id, {n}.sort_key", "claimed_by": "{n}.claimed_by_id, {n}.sort_key",
          "all": "{n}.sort_key", "about": "{n}.sort_key", "article": "{n}.sort_key", "text": "{n}.sort_key"}

STATEMENT_HEADS = {
    # One speaker's statements from the composite (speaker_id, sort_key) index, in order.
    "speaker": f"MATCH (s:{_STATEMENT}) WHERE s.speaker_id = $speaker AND {_KEY_RANGE.format(n='s')}",
    # Every statement from the sort_key index, in order.
    "all": f"MATCH (s:{_STATEMENT}) WHERE {_KEY_RANGE.format(n='s')}",
    # The statements about one actor, from its ABOUT edges (sorted afterwards).
    "about": f"MATCH (:{_ENTITY} {{id: $about}})<-[:{_ABOUT}]-(s:{_STATEMENT})",
    # One article's statements, from the article_id index (sorted afterwards).
    "article": f"MATCH (s:{_STATEMENT} {{article_id: $article}})",
    # Statements whose sentence has the words, from the full-text index (sorted afterwards).
    "text": f"CALL db.index.fulltext.queryNodes('{FulltextIndex.STATEMENT_SENTENCE.value}', $lucene) "
            "YIELD node AS s",
}

_STATEMENT_PAGE = f"""
WITH s WHERE {_STATEMENT_FILTER}
WITH s ORDER BY {{order}} SKIP $offset LIMIT $limit
MATCH (sp:{_ENTITY})-[:{_SPEAKER_RELS}]->(s)-[:{_REPORTED_IN}]->(a:{_ARTICLE})
CALL (s) {{
  OPTIONAL MATCH (s)-[:{_ABOUT}]->(x:{_ENTITY})
  WITH x ORDER BY x.name
  RETURN collect(x {{.id, .name, .type}}) AS about
}}
CALL (s) {{
  OPTIONAL MATCH (src:{_ENTITY} {{id: s.source_id}})
  RETURN src {{.id, .name, .type}} AS cited
}}
WITH s, sp, a, about, cited ORDER BY s.sort_key
RETURN collect(s {{
    .id, .kind, .verb, .quote, .sentence, .start, .end, .direct, .hedged, .cue, .published,
    date: {_STATEMENT_DATE},
    speaker: sp {{.id, .name, .type}}, about: about, source: cited,
    article: a {_ARTICLE_REF}}}) AS page
"""

# A count that looks at no more than $cap rows of its head: `examined` < $cap means it saw
# them all and `matched` is exact; otherwise `matched` is a lower bound.
_STATEMENT_COUNT = f"""
WITH s LIMIT $cap
RETURN count(s) AS examined, count(CASE WHEN {_STATEMENT_FILTER} THEN 1 END) AS matched
"""


def statement_page(head: str) -> str:
    """The page of statements from STATEMENT_HEADS[head] that pass every filter, in date order."""
    return STATEMENT_HEADS[head] + _STATEMENT_PAGE.replace("{order}", _ORDER[head].format(n="s"))


def statement_count(head: str) -> str:
    """How many statements of STATEMENT_HEADS[head] pass the filters, looking at <= $cap rows."""
    return STATEMENT_HEADS[head] + _STATEMENT_COUNT


# Claims, built the same way as statements.
_CLAIM_FILTER = f"""($measures IS NULL OR c.measure IN $measures)
  AND ($claimed_by IS NULL OR c.claimed_by_id = $claimed_by)
  AND ($since IS NULL OR coalesce(c.date, c.published) >= $since)
  AND ($until IS NULL OR coalesce(c.date, c.published) <= $until)
  AND ($article IS NULL OR c.article_id = $article)
  AND ($text = '' OR toLower(c.sentence) CONTAINS $text)
  AND ($about IS NULL OR c.claimed_by_id = $about OR c.unit_id = $about OR EXISTS {{
        MATCH (s:{_STATEMENT} {{article_id: c.article_id, start: c.start}})-[:{_ABOUT}]->(:{_ENTITY} {{id: $about}})
      }})"""

CLAIM_HEADS = {
    "claimed_by": f"MATCH (c:{_CLAIM}) WHERE c.claimed_by_id = $claimed_by AND {_KEY_RANGE.format(n='c')}",
    "all": f"MATCH (c:{_CLAIM}) WHERE {_KEY_RANGE.format(n='c')}",
    # A claim is about an actor when the actor claims it, is its unit, or is what a statement
    # of the same sentence is about: the three, from the actor's edges.
    "about": f"""CALL () {{
  MATCH (:{_ENTITY} {{id: $about}})-[:{RelType.CLAIMED.value}]->(c:{_CLAIM}) RETURN c
  UNION
  MATCH (c:{_CLAIM})-[:{RelType.COUNTS.value}]->(:{_ENTITY} {{id: $about}}) RETURN c
  UNION
  MATCH (:{_ENTITY} {{id: $about}})<-[:{_ABOUT}]-(s:{_STATEMENT})
  MATCH (c:{_CLAIM} {{article_id: s.article_id}}) WHERE c.start = s.start RETURN c
}}""",
    "article": f"MATCH (c:{_CLAIM} {{article_id: $article}})",
    "text": f"CALL db.index.fulltext.queryNodes('{FulltextIndex.CLAIM_SENTENCE.value}', $lucene) "
            "YIELD node AS c",
}

_CLAIM_PAGE = f"""
WITH c WHERE {_CLAIM_FILTER}
WITH c ORDER BY {{order}} SKIP $offset LIMIT $limit
MATCH (c)-[:{_REPORTED_IN}]->(a:{_ARTICLE})
OPTIONAL MATCH (by:{_ENTITY})-[:{RelType.CLAIMED.value}]->(c)
OPTIONAL MATCH (c)-[:{RelType.COUNTS.value}]->(u:{_ENTITY})
WITH c, a, by, u ORDER BY c.sort_key
RETURN collect(c {{.id, .value, .text, .measure, .what, .sentence, .start, .end, .published,
    date: coalesce(c.date, c.published),
    claimed_by: by {{.id, .name, .type}}, unit: u {{.id, .name, .type}},
    article: a {_ARTICLE_REF}}}) AS page
"""

_CLAIM_COUNT = f"""
WITH c LIMIT $cap
RETURN count(c) AS examined, count(CASE WHEN {_CLAIM_FILTER} THEN 1 END) AS matched
"""


def claim_page(head: str) -> str:
    """The page of claims from CLAIM_HEADS[head] that pass every filter, in date order."""
    return CLAIM_HEADS[head] + _CLAIM_PAGE.replace("{order}", _ORDER[head].format(n="c"))


def claim_count(head: str) -> str:
    """How many claims of CLAIM_HEADS[head] pass the filters, looking at <= $cap rows."""
    return CLAIM_HEADS[head] + _CLAIM_COUNT


# Statements and claims of a graph written before `sort_key` existed (graph/rows.py holds the
# definition; this is the same in Cypher), found by comparing the count store with the index.
MISSING_SORT_KEYS = f"""
RETURN COUNT {{ (:{_STATEMENT}) }} - COUNT {{ MATCH (s:{_STATEMENT}) WHERE s.sort_key IS NOT NULL }}
     + COUNT {{ (:{_CLAIM}) }} - COUNT {{ MATCH (c:{_CLAIM}) WHERE c.sort_key IS NOT NULL }} AS missing
"""
SET_MISSING_SORT_KEYS = tuple(
    f"MATCH (n:{label}) WHERE n.sort_key IS NULL "
    "CALL (n) { SET n.sort_key = coalesce(n.date, n.published, '~') + ' ' + n.article_id + ' ' "
    "+ right('0000000000' + toString(n.start), 10) + ' ' + n.id } IN TRANSACTIONS OF 10000 ROWS"
    for label in (_STATEMENT, _CLAIM)
)

# Entities of a graph written before `degree` existed (or bulk-imported: the importer cannot
# count edges), found and given one the same way.
MISSING_DEGREES = f"""
RETURN COUNT {{ (:{_ENTITY}) }} - COUNT {{ MATCH (e:{_ENTITY}) WHERE e.degree IS NOT NULL }} AS missing
"""
SET_MISSING_DEGREES = (
    f"MATCH (e:{_ENTITY}) WHERE e.degree IS NULL "
    f"CALL (e) {{ SET e.degree = {_DEGREE} }} IN TRANSACTIONS OF 10000 ROWS",
)

ARTICLES = f"""
MATCH (a:{_ARTICLE})
WHERE ($since IS NULL OR a.published >= $since) AND ($until IS NULL OR a.published <= $until)
  AND ($source IS NULL OR a.source = $source)
WITH a ORDER BY a.published, a.id
WITH collect(a {_ARTICLE_REF[:-1]},
    entities: COUNT {{ (a)<-[:{_MENTIONED_IN}]-() }},
    statements: COUNT {{ (:{_STATEMENT})-[:{_REPORTED_IN}]->(a) }},
    claims: COUNT {{ (:{_CLAIM})-[:{_REPORTED_IN}]->(a) }}}}) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS page
"""

READ_ARTICLE = f"""
MATCH (a:{_ARTICLE} {{id: $id}})
CALL (a) {{
  MATCH (e:{_ENTITY})-[m:{_MENTIONED_IN}]->(a)
  WITH e, m ORDER BY e.type, e.name
  RETURN collect(e {{.id, .type, .wikidata, name: m.name, aliases: m.aliases, count: m.count,
         alias_rules: m.alias_rules}}) AS entities
}}
CALL (a) {{
  MATCH ()-[r:{_RELATION_RELS}]->() WHERE r.article_id = a.id
  WITH r ORDER BY r.start
  RETURN collect({{id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id,
         sentence: r.sentence, start: r.start, end: r.end, date: r.date,
         claimed_by: r.claimed_by_id, hedged: coalesce(r.hedged, false)}}) AS relations
}}
CALL (a) {{
  OPTIONAL MATCH (a)-[:{_APPEARS_AS}]->(ap:{_APPEARANCE})
  WITH ap ORDER BY ap.published, ap.id
  RETURN collect(ap {{.id, .source, .url, .title, .published, .path, .loaded_at}}) AS appearances
}}
RETURN a {{.id, .title, .published, .dateline, .source, .path, .url, .text}} AS article, entities, relations,
       appearances
"""

ENTITY_REFS = f"""
UNWIND $ids AS id
MATCH (e:{_ENTITY} {{id: id}})
RETURN e {{.id, .name, .type, .aliases}} AS e
"""
ENTITY_EXISTS = f"MATCH (e:{_ENTITY} {{id: $id}}) RETURN e.id AS id"
ARTICLE_EXISTS = f"MATCH (a:{_ARTICLE} {{id: $id}}) RETURN a.id AS id"

_EDGE_FILTER = """
  AND ($since IS NULL OR coalesce(x.date, x.published) >= $since)
  AND ($until IS NULL OR coalesce(x.date, x.published) <= $until)
  AND ($article IS NULL OR x.article_id = $article)
"""

# The edges at each of $ids, a bounded number per actor: the statement edges of $per_node of
# its statements, with $both_ways those of $per_node statements about it, and $per_node of
# its relations, whichever the store yields first. Work is O(len($ids) x $per_node)
# however many statements a hub has; the reader says the edges are a sample.
EDGES_AROUND = f"""
UNWIND $ids AS id
MATCH (n:{_ENTITY} {{id: id}})
CALL (n) {{
  MATCH (n)-[r:{_SPEAKER_RELS}]->(x:{_STATEMENT})
  WHERE ($kinds IS NULL OR x.kind IN $kinds) {_EDGE_FILTER}
  WITH n, r, x LIMIT $per_node
  MATCH (x)-[:{_ABOUT}]->(dst:{_ENTITY})
  RETURN n AS src, dst, type(r) AS type, x.kind AS label, x.id AS statement, x
  UNION ALL
  MATCH (n)<-[:{_ABOUT}]-(x:{_STATEMENT})
  WHERE $both_ways AND ($kinds IS NULL OR x.kind IN $kinds) {_EDGE_FILTER}
  WITH n, x LIMIT $per_node
  MATCH (src:{_ENTITY})-[r:{_SPEAKER_RELS}]->(x)
  RETURN src, n AS dst, type(r) AS type, x.kind AS label, x.id AS statement, x
  UNION ALL
  MATCH (n)-[x:{_RELATION_RELS}]-(:{_ENTITY})
  WHERE ($kinds IS NULL OR toLower(type(x)) IN $kinds) {_EDGE_FILTER}
  WITH x LIMIT $per_node
  RETURN startNode(x) AS src, endNode(x) AS dst, type(x) AS type, toLower(type(x)) AS label,
         NULL AS statement, x
}}
WITH DISTINCT src, dst, type, label, statement, x
WHERE ($types IS NULL OR (src.type IN $types AND dst.type IN $types))
RETURN src {{.id, .name, .type, .aliases}} AS source, dst {{.id, .name, .type, .aliases}} AS target,
       type, label, statement, x.sentence AS sentence, x.start AS start, x.end AS end,
       x.article_id AS article_id, coalesce(x.date, x.published) AS date
ORDER BY source.id, target.id, date, statement
LIMIT $max_edges
"""

# Entities by their stored degree, walked down the degree index (`IS NOT NULL` lets the
# planner take its order): $limit rows and the ties of the last degree are read, more when a
# type filter skips rows, whatever the number of entities.
TOP_ENTITIES = f"""
MATCH (e:{_ENTITY})
WHERE e.degree IS NOT NULL AND ($types IS NULL OR e.type IN $types)
WITH e ORDER BY e.degree DESC, e.id
LIMIT $limit
RETURN e.id AS id
"""


# After an offline import (graph/bulk.py): the lists the importer cannot write as empty (an
# empty field is no property), in batches since they span the whole graph.
BULK_EMPTY_LIST_FIXUPS = (
    f"MATCH (e:{NodeLabel.ENTITY.value}) WHERE e.sizes IS NULL "
    "CALL (e) { SET e.sizes = [] } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH ()-[m:{RelType.MENTIONED_IN.value}]->() WHERE m.sizes IS NULL OR m.alias_rules IS NULL "
    "CALL (m) { SET m.sizes = coalesce(m.sizes, []), m.alias_rules = coalesce(m.alias_rules, []) } "
    "IN TRANSACTIONS OF 10000 ROWS",
)


# Candidates for cross-article identity (graph/identity.py): which of an article's entity ids
# the graph holds, nodes under exact ids, and persons whose id ends with a surname (text index).
IDENTITY_CANDIDATES = f"""
CALL () {{
  UNWIND $ids AS id
  MATCH (e:{NodeLabel.ENTITY.value} {{id: id}})
  RETURN collect(e.id) AS stored
}}
CALL () {{
  UNWIND $exact AS p
  MATCH (e:{NodeLabel.ENTITY.value} {{id: p.id}})
  RETURN collect({{i: p.i, id: e.id, name: e.name}}) AS exact
}}
CALL () {{
  UNWIND $suffixes AS p
  MATCH (e:{NodeLabel.PERSON.value})
  WHERE e.id ENDS WITH p.suffix
  RETURN collect({{i: p.i, id: e.id, name: e.name}}) AS suffixed
}}
RETURN stored, exact, suffixed
"""


# --- benchmark (kg bench) -------------------------------------------------------------------

# The writes' baseline: a comparable article written as bare as Cypher allows, two UNWIND
# statements (entities; statements with their speaker edges) in one transaction.
BENCH_RAW_ENTITIES = f"""
UNWIND $rows AS row
MERGE (e:{_ENTITY} {{id: row.id}}) SET e.name = row.name, e.type = row.type
"""
BENCH_RAW_STATEMENTS = f"""
UNWIND $rows AS row
MATCH (sp:{_ENTITY} {{id: row.speaker}})
MERGE (s:{_STATEMENT} {{id: row.id}}) SET s.sentence = row.sentence, s.kind = row.kind, s.article_id = row.article
MERGE (sp)-[:{RelType.SAID.value}]->(s)
"""
# Everything, a slice at a time (one transaction for a large graph would not fit in memory).
WIPE_EDGES = "MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n"
WIPE_NODES = "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n"
SPEAKER_STATEMENT_COUNT = f"""
MATCH (:{_ENTITY} {{id: $id}})-[r:{_SPEAKER_RELS}]->() RETURN count(r) AS n
"""
LEAST_VOCAL_PERSON = f"""
MATCH (e:{NodeLabel.PERSON.value})
WITH e, COUNT {{ (e)-[:{_SPEAKER_RELS}]->() }} AS n WHERE n > 0
RETURN e.id AS id ORDER BY n, e.id LIMIT 1
"""
