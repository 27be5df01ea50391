"""Wiring: the graph the settings point at, and loaders feeding it. Only `api` does this."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from api.settings import Settings
from graph.connection import GraphDB, connect_graph, wait_for_graph
from graph.constraints import apply_schema
from graph.local_server import local_credentials, start_server
from graph.writer import WriteSummary, upsert_article
from loaders import extract_article, parse_article_bytes, read_article_file
from schema.errors import InvalidArticle
from schema.records import ArticleGraph

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl", ".html", ".htm")


def graph_uri(settings: Settings) -> str:
    """The Bolt URI in use: NEO4J_URI when set, else the local server's."""
    return settings.neo4j_uri or settings.local_server().bolt_uri


def graph_auth(settings: Settings) -> tuple[str | None, str | None]:
    """User and password: NEO4J_USER / NEO4J_PASSWORD for a configured NEO4J_URI, else the
    local server's own (its generated password file)."""
    if settings.neo4j_uri:
        return settings.neo4j_user, settings.neo4j_password
    return local_credentials(settings.local_server())


def open_graph(settings: Settings, start_local: bool = True, wait_s: float = 60.0) -> GraphDB:
    """Connect to the configured Neo4j (starting the local server if none is configured),
    wait until it answers and apply the schema."""
    if settings.neo4j_uri is None and start_local:
        start_server(settings.local_server())
    user, password = graph_auth(settings)
    db = connect_graph(
        graph_uri(settings), user, password, settings.neo4j_database, settings.read_timeout_s,
    )
    try:
        wait_for_graph(db, timeout_s=wait_s)
        apply_schema(db)
    except BaseException:
        db.close()
        raise
    return db


@dataclass(frozen=True)
class LoadOutcome:
    """What happened to one article: written (with counts) or refused (with the reason)."""

    path: str
    article_id: str | None = None
    title: str | None = None
    entities: int = 0
    statements: int = 0
    relations: int = 0
    error: str | None = None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, and the article files inside given folders, in name order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield str(child)
        else:
            yield given


def load_files(
    db: GraphDB, paths: Iterable[str], max_bytes: int, relative_to: Path | None = None
) -> list[LoadOutcome]:
    """Read, extract and write each article; a refused article is reported and skipped whole.

    Articles record their path as given, or relative to `relative_to` when they lie under it
    (so the seeds' paths do not depend on where the project is checked out).
    """
    outcomes = []
    for path in expand_paths(paths):
        shown = _shown_path(path, relative_to)
        try:
            docs = [replace(doc, path=shown) for doc in read_article_file(path, max_bytes=max_bytes)]
            graphs = [extract_article(doc) for doc in docs]
        except InvalidArticle as exc:
            outcomes.append(LoadOutcome(path=path, error=str(exc)))
            continue
        for graph in graphs:
            summary = upsert_article(db, graph)
            outcomes.append(LoadOutcome(
                path=shown, article_id=summary.article_id, title=graph.article.title,
                entities=summary.entities, statements=summary.statements,
                relations=summary.relations,
            ))
    return outcomes


def _shown_path(path: str, relative_to: Path | None) -> str:
    if relative_to is None:
        return path
    try:
        return str(Path(path).resolve().relative_to(relative_to.resolve()))
    except ValueError:
        return path


def ingest_article(
    db: GraphDB, text: str, *, max_bytes: int, title: str | None = None, url: str | None = None,
    published: str | None = None, source: str | None = None, markup: str = "text",
) -> tuple[ArticleGraph, WriteSummary]:
    """Check, extract and write one article given as text (the API's POST /articles).

    Returns the extraction and what the write did: whether the article is new, and which of its
    metadata fields changed if it was not (the posted values replace the stored ones; a field
    left out takes what the text gives, as on a first post). Raises InvalidArticle for text the
    loaders refuse; nothing is written then.
    """
    suffix = {"html": ".html", "markdown": ".md"}.get(markup, ".txt")
    # The same checks as for files: size, binary content, encoding.
    (doc,) = parse_article_bytes(text.encode("utf-8"), path=f"api{suffix}", max_bytes=max_bytes)
    doc = replace(doc, path=url or "api", title=title or doc.title, url=url or doc.url,
                  published=published or doc.published, source=source or doc.source)
    graph = extract_article(doc)
    return graph, upsert_article(db, graph)
