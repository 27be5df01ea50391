"""Initial loads past what transactions can do: ArticleGraphs -> the CSV files of Neo4j's offline
importer (`neo4j-admin database import full`), then the few steps the importer cannot do.

The files hold the same nodes, edges and properties `upsert_article` would write for the same
articles (graph/rows.py defines both), so a bulk-loaded database and a transaction-loaded one
are the same graph: tests compare them. Entities' derived values (longest name, sorted unions
of aliases, search keys and sizes) are computed here as REFRESH_ENTITIES defines them; their
`degree` is counted by the database after the import (finish_import). Syndicated copies are
found among the files' articles as the writer finds them (graph/syndication.py) and written as
Appearances of their reports.
"""

from __future__ import annotations

import csv
import shlex
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from graph import queries
from graph.connection import GraphDB
from graph.constraints import apply_schema
from graph.identity import SeenEntities, resolve_across_articles
from graph.rows import article_rows, body_band_id, check_references
from graph.syndication import APPEARANCE_FIELDS, band_keys, best_report, signature
from schema.errors import BulkImportError
from schema.records import ArticleGraph
from schema.vocabulary import NodeLabel, RelType

# Between array elements. A control character no cleaned article text contains; the importer
# takes it as the escape below.
ARRAY_DELIMITER = "\x1f"
_ARRAY_DELIMITER_ARG = "\\u001F"

# Id spaces of the importer: node ids are unique within a label family, not across them.
_ARTICLES, _ENTITIES, _STATEMENTS, _CLAIMS = "Article", "Entity", "Statement", "Claim"
_APPEARANCES, _BODY_BANDS = "Appearance", "BodyBand"

def _neo4j_type(value: Any) -> str | None:
    """The importer's header type of a Python value (None: not known from this value)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        inner = {_neo4j_type(v) for v in value} - {None}
        if len(inner) > 1:
            raise BulkImportError(f"mixed types in a list property: {sorted(inner)}")
        return f"{inner.pop()}[]" if inner else None
    raise BulkImportError(f"cannot write a {type(value).__name__} property")


def _field(value: Any) -> str:
    """One CSV field: nothing for None or an empty list (the importer stores no property),
    numbers bare, everything else quoted (so an empty string stays an empty string)."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
        if any(ARRAY_DELIMITER in p for p in parts):
            raise BulkImportError("a list element contains the array delimiter U+001F")
        value = ARRAY_DELIMITER.join(parts)
    return '"' + str(value).replace('"', '""') + '"'


@dataclass
class _Table:
    """One data file of the import: rows of one label (or type) with a fixed column order.

    The header goes to its own file at the end, once every column's type is known."""

    path: Path
    option: str  # "nodes" or "relationships"
    label: str  # "Entity:Person" (labels as the importer option takes them) or "SAID"
    keys: tuple[str, ...] = ()  # id columns first: (id) for nodes, (start, end) for edges
    id_spaces: tuple[str, ...] = ()
    columns: list[str] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)
    rows: int = 0
    _file: IO[str] | None = None

    def write(self, key_values: tuple[str, ...], props: dict[str, Any]) -> None:
        if self._file is None:
            self.columns = list(props)
            self._file = self.path.open("w", encoding="utf-8", newline="")
        if list(props) != self.columns:
            raise BulkImportError(f"{self.path.name}: a row with other properties {sorted(props)}")
        for name, value in props.items():
            kind = _neo4j_type(value)
            if kind and self.types.setdefault(name, kind) != kind:
                raise BulkImportError(f"{self.path.name}: {name} is both {self.types[name]} and {kind}")
        cells = [*map(_field, key_values), *(_field(props[c]) for c in self.columns)]
        self._file.write(",".join(cells) + "\n")
        self.rows += 1

    def close(self) -> Path | None:
        """Write the header file; return it (None when the table got no rows)."""
        if self._file is None:
            return None
        self._file.close()
        if self.option == "nodes":
            heads = [f"{self.keys[0]}:ID({self.id_spaces[0]})"]
        else:
            heads = [f":START_ID({self.id_spaces[0]})", f":END_ID({self.id_spaces[1]})"]
        heads += [f"{c}:{self.types.get(c, 'string')}" for c in self.columns]
        header = self.path.with_name(self.path.stem + ".header.csv")
        with header.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerow(heads)
        return header


@dataclass(frozen=True)
class ImportPlan:
    """What `write_import_files` wrote: the importer's arguments and what the files hold."""

    out_dir: Path
    arguments: tuple[str, ...]
    articles: int
    duplicates: int
    nodes: int
    relationships: int
    copies: int = 0  # articles among `articles` written as Appearances of a report

    def command(self, database: str = "neo4j", admin: str = "neo4j-admin") -> str:
        """The shell command that imports the files into `database` (which must be new or stopped)."""
        return " ".join([admin, "database", "import", "full", *map(shlex.quote, self.arguments),
                         shlex.quote(database)])


@dataclass
class _Entity:
    labels: str
    type: str
    wikidata: str | None = None
    description: str | None = None
    name: str | None = None
    aliases: set[str] = field(default_factory=set)
    search_keys: set[str] = field(default_factory=set)
    sizes: set[str] = field(default_factory=set)

    def take(self, row: dict) -> None:
        # As merge_entities: the last known id and description win; names as REFRESH_ENTITIES.
        self.wikidata = row["wikidata"] or self.wikidata
        self.description = row["description"] or self.description
        if self.name is None or (len(row["name"]), _desc(row["name"])) > (len(self.name), _desc(self.name)):
            self.name = row["name"]
        self.aliases.update(row["aliases"])
        self.search_keys.update(row["search_keys"])
        self.sizes.update(row["sizes"])


def _desc(text: str) -> tuple[int, ...]:
    """Sorts strings in reverse, so max() of (length, _desc) is the longest, then the first."""
    return tuple(-ord(ch) for ch in text)


def write_import_files(graphs: Iterable[ArticleGraph], out_dir: Path) -> ImportPlan:
    """Write the importer's CSV files for `graphs` into `out_dir` (created; must be empty).

    An article id seen again (the same text in two shards) is written once, the first time. An
    article whose body is a copy of an earlier report's is written as an Appearance of it.
    Raises BulkImportError for a graph that refers to entities it does not hold.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise BulkImportError(f"{out_dir} is not empty")
    tables: dict[str, _Table] = {}

    def table(name: str, option: str, label: str, keys: tuple[str, ...], spaces: tuple[str, ...]) -> _Table:
        if name not in tables:
            tables[name] = _Table(out_dir / f"{name}.csv", option, label, keys, spaces)
        return tables[name]

    def edge(rel: RelType, spaces: tuple[str, str], start: str, end: str, props: dict) -> None:
        name = f"rel_{rel.value.lower()}_{spaces[0].lower()}_{spaces[1].lower()}"
        table(name, "relationships", rel.value, ("start", "end"), spaces).write((start, end), props)

    entities: dict[str, _Entity] = {}
    known = SeenEntities()  # what the graph would hold so far, for joins across articles
    seen: set[str] = set()
    duplicates = copies = 0
    reports_by_band: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
    loaded_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for graph in graphs:
        check_references(graph)
        art_id = graph.article.id
        if art_id in seen:
            duplicates += 1
            continue
        seen.add(art_id)
        sig = signature(graph.article.text)
        keys = band_keys(sig)
        report = best_report(sig, list({rid: s for k in keys for rid, s in reports_by_band[k]}.items()))
        if report is not None:
            copies += 1
            table("appearances", "nodes", NodeLabel.APPEARANCE.value, ("id",), (_APPEARANCES,)).write(
                (art_id,), {**{f: getattr(graph.article, f) for f in APPEARANCE_FIELDS}, "loaded_at": loaded_at})
            edge(RelType.APPEARS_AS, (_ARTICLES, _APPEARANCES), report, art_id, {})
            continue
        for k in keys:
            reports_by_band[k].append((art_id, sig))
            table("body_bands", "nodes", NodeLabel.BODY_BAND.value, ("id",), (_BODY_BANDS,)).write(
                (body_band_id(art_id, k),), {"key": k, "article_id": art_id})
        graph = resolve_across_articles(known, graph)
        rows = article_rows(graph, sig)
        table("articles", "nodes", NodeLabel.ARTICLE.value, ("id",), (_ARTICLES,)).write(
            (art_id,), {k: v for k, v in rows.article.items() if k != "id"})
        for etype, entity_rows in rows.entities.items():
            for row in entity_rows:
                entity = entities.setdefault(row["id"], _Entity(
                    f"{NodeLabel.ENTITY.value}:{etype.value}", etype.value))
                entity.take(row)
                known.add(row["id"], entity.name)
                edge(RelType.MENTIONED_IN, (_ENTITIES, _ARTICLES), row["id"], art_id, {
                    "name": row["name"], "aliases": row["aliases"], "search_keys": row["search_keys"],
                    "sizes": row["sizes"], "count": row["mentions"], "alias_rules": row["alias_rules"],
                    "article_id": art_id, "published": graph.article.published,
                })
        for rel, statement_rows in rows.statements.items():
            for row in statement_rows:
                table("statements", "nodes", NodeLabel.STATEMENT.value, ("id",), (_STATEMENTS,)).write(
                    (row["id"],), {k: v for k, v in row["props"].items() if k != "id"})
                edge(rel, (_ENTITIES, _STATEMENTS), row["speaker"], row["id"], row["provenance"])
                edge(RelType.REPORTED_IN, (_STATEMENTS, _ARTICLES), row["id"], art_id, row["provenance"])
                for about in dict.fromkeys(row["about"]):
                    edge(RelType.ABOUT, (_STATEMENTS, _ENTITIES), row["id"], about, row["provenance"])
        for row in rows.claims:
            table("claims", "nodes", NodeLabel.CLAIM.value, ("id",), (_CLAIMS,)).write(
                (row["id"],), {k: v for k, v in row["props"].items() if k != "id"})
            edge(RelType.REPORTED_IN, (_CLAIMS, _ARTICLES), row["id"], art_id, row["provenance"])
            if row["claimed_by"]:
                edge(RelType.CLAIMED, (_ENTITIES, _CLAIMS), row["claimed_by"], row["id"], row["provenance"])
            if row["unit"]:
                edge(RelType.COUNTS, (_CLAIMS, _ENTITIES), row["id"], row["unit"], row["provenance"])
        for rtype, relation_rows in rows.relations.items():
            for row in relation_rows:
                edge(RelType(rtype.value), (_ENTITIES, _ENTITIES), row["source"], row["target"],
                     {"id": row["id"], **row["props"]})

    for entity_id, e in entities.items():
        table(f"entities_{e.type.lower()}", "nodes", e.labels, ("id",), (_ENTITIES,)).write((entity_id,), {
            "type": e.type, "wikidata": e.wikidata, "description": e.description, "name": e.name,
            "aliases": sorted(e.aliases), "search_keys": sorted(e.search_keys), "sizes": sorted(e.sizes),
        })

    arguments = []
    for t in tables.values():
        header = t.close()
        if header is not None:
            arguments.append(f"--{t.option}={t.label}={header},{t.path}")
    arguments += ["--multiline-fields=true", f"--array-delimiter={_ARRAY_DELIMITER_ARG}",
                  "--id-type=string"]
    nodes = sum(t.rows for t in tables.values() if t.option == "nodes")
    return ImportPlan(out_dir, tuple(arguments), len(seen), duplicates, nodes,
                      sum(t.rows for t in tables.values()) - nodes, copies)


def finish_import(db: GraphDB) -> None:
    """After the importer ran and the server started: constraints and indexes, entities'
    `degree` (apply_schema's backfill, as for a graph written before it existed), and the
    empty lists the importer cannot write. Idempotent."""
    apply_schema(db)
    with db.session() as session:
        for statement in queries.BULK_EMPTY_LIST_FIXUPS:
            session.run(statement).consume()
