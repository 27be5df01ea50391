"""The offline bulk path: CSV files for Neo4j's importer, run by the real importer into a second
local server, give the same graph as loading the same articles transaction by transaction."""

from __future__ import annotations

import csv
import dataclasses

import pytest

from graph.bulk import ARRAY_DELIMITER, finish_import, write_import_files
from graph.connection import connect_graph, wait_for_graph
from graph.local_server import LocalServerConfig, import_into_local, local_credentials, start_server, stop_server
from graph.writer import upsert_article
from loaders.pipeline import extract_text
from schema.errors import BulkImportError, LocalServerError
from schema.records import ArticleGraph, EntityRecord
from schema.vocabulary import EntityType
from tests.conftest import ROOT, free_port, seed_paths
from tests.graph.factories import dump_graph, sample_graph, without_loaded_at
from tests.graph.syndication_texts import BOILERPLATE_HEAD, BOILERPLATE_TAIL, COPY, STORY, text


def _graphs() -> list[ArticleGraph]:
    paths = seed_paths() + sorted((ROOT / "tests" / "gold" / "second").glob("*.txt"))
    graphs = [extract_text(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT))) for p in paths]
    # A story and a site's copy of it: the copy is an Appearance of the story either way.
    story = sample_graph("art-story", text=text(STORY))
    copy = sample_graph("art-story-copy", text=text(BOILERPLATE_HEAD, COPY, BOILERPLATE_TAIL))
    return graphs + [sample_graph(), story, copy]


@pytest.fixture(scope="module")
def graphs() -> list[ArticleGraph]:
    return _graphs()


def test_bulk_import_gives_the_graph_transactions_give(db, graphs, tmp_path):
    for g in graphs:
        upsert_article(db, g)
    expected = dump_graph(db)
    constraints = sorted(r["name"] for r in db.read("SHOW CONSTRAINTS YIELD name"))

    # Shards overlap (a re-run shard): each article is imported once.
    plan = write_import_files(graphs + graphs[:3], tmp_path / "csv")
    assert (plan.articles, plan.duplicates, plan.copies) == (len(graphs), 3, 1)
    assert plan.nodes == len(expected[0]) and plan.relationships == len(expected[1])

    config = LocalServerConfig(home=tmp_path / "neo4j", jars=ROOT / ".neo4j" / "lib",
                               bolt_port=free_port(), http_port=free_port(), heap="512m",
                               pagecache_mb=64)
    report = import_into_local(config, plan.arguments)
    assert f"{plan.nodes} nodes" in report
    with pytest.raises(LocalServerError, match="already exists"):
        import_into_local(config, plan.arguments)
    start_server(config)
    try:
        bulk = connect_graph(config.bolt_uri, *local_credentials(config))
        wait_for_graph(bulk, timeout_s=90)
        finish_import(bulk)
        finish_import(bulk)  # idempotent
        _assert_same(without_loaded_at(dump_graph(bulk)), without_loaded_at(expected))
        assert sorted(r["name"] for r in bulk.read("SHOW CONSTRAINTS YIELD name")) == constraints
        with pytest.raises(LocalServerError, match="stop the local Neo4j"):
            import_into_local(config, plan.arguments, overwrite=True)
        bulk.close()
    finally:
        stop_server(config)


def _assert_same(got, expected) -> None:
    """Equal dumps, or the first differing node or edge's properties side by side."""
    for part, g, e in zip(("nodes", "relationships"), got, expected):
        key = (lambda x: dict(x[1]).get("id")) if part == "nodes" else (lambda x: (x[0], dict(x[1]).get("id")))
        g_by, e_by = {(str(x[0]), key(x)): x for x in g}, {(str(x[0]), key(x)): x for x in e}
        for k in sorted(set(g_by) | set(e_by), key=str):
            a, b = dict(g_by.get(k, (None, []))[1]), dict(e_by.get(k, (None, []))[1])
            diff = {p: (a.get(p), b.get(p)) for p in set(a) | set(b) if a.get(p) != b.get(p)}
            assert not diff and (k in g_by) == (k in e_by), f"{part} {k}: (bulk, transactions) {diff}"
        assert g == e


def test_import_files_declare_types_and_keep_text_intact(graphs, tmp_path):
    plan = write_import_files(graphs, tmp_path / "csv")
    header = (tmp_path / "csv" / "articles.header.csv").read_text().strip().split(",")
    assert header[0] == "id:ID(Article)" and "text:string" in header
    mention_header = next((tmp_path / "csv").glob("rel_mentioned_in_*.header.csv")).read_text()
    assert "aliases:string[]" in mention_header and "count:long" in mention_header
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8", newline="") as fh:
        texts = {row[0]: row[header.index("text:string")] for row in csv.reader(fh)}
    # A syndicated copy is no Article: its report holds the text.
    assert texts == {g.article.id: g.article.text for g in graphs if g.article.id != "art-story-copy"}
    assert "minhash:long[]" in header
    with (tmp_path / "csv" / "appearances.csv").open(encoding="utf-8", newline="") as fh:
        assert [row[0] for row in csv.reader(fh)] == ["art-story-copy"]
    bands_header = (tmp_path / "csv" / "body_bands.header.csv").read_text().strip().split(",")
    assert bands_header == ["id:ID(BodyBand)", "key:string", "article_id:string"]
    assert any(a.startswith("--nodes=Entity:Person=") for a in plan.arguments)
    assert "neo4j-admin database import full" in plan.command()


def test_import_files_refuse_what_the_importer_would_misread(graphs, tmp_path):
    write_import_files(graphs[:1], tmp_path / "a")
    with pytest.raises(BulkImportError, match="not empty"):
        write_import_files(graphs[:1], tmp_path / "a")

    g = sample_graph()
    odd = dataclasses.replace(g.entities[0], aliases=(f"x{ARRAY_DELIMITER}y",))
    with pytest.raises(BulkImportError, match="array delimiter"):
        write_import_files([dataclasses.replace(g, entities=(odd, *g.entities[1:]))], tmp_path / "b")

    dangling = dataclasses.replace(g, entities=g.entities[1:])
    with pytest.raises(ValueError, match="unknown entities"):
        write_import_files([dangling], tmp_path / "c")


def test_entity_values_follow_the_refresh_definition(tmp_path):
    """Longest name, ties broken by the first in order, unions sorted: as REFRESH_ENTITIES."""
    g = sample_graph()
    variants = []
    for i, (name, aliases) in enumerate([("Berg", ("Berg",)), ("Anna Berg", ("Ms Berg",)),
                                         ("Anne Berg", ())]):
        person = EntityRecord("person:anna-berg", name, EntityType.PERSON, aliases, 1)
        article = dataclasses.replace(g.article, id=f"art-{i}")
        variants.append(dataclasses.replace(g, article=article, entities=(*g.entities[:1], person, *g.entities[2:]),
                                            statements=(), quantities=()))
    write_import_files(variants, tmp_path / "csv")
    with (tmp_path / "csv" / "entities_person.csv").open(encoding="utf-8", newline="") as fh:
        row = next(csv.reader(fh))
    columns = (tmp_path / "csv" / "entities_person.header.csv").read_text().strip().split(",")
    values = dict(zip([c.split(":")[0] for c in columns], row))
    assert values["name"] == "Anna Berg"
    assert values["aliases"].split(ARRAY_DELIMITER) == ["Anna Berg", "Anne Berg", "Berg", "Ms Berg"]
