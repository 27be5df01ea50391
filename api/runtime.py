"""Wiring: the graph the settings point at, and loaders feeding it. Only `api` does this."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from pathlib import Path

from api.settings import Settings
from graph.connection import GraphDB, connect_graph, wait_for_graph
from graph.constraints import apply_schema
from graph.local_server import local_credentials, start_server
from graph.writer import WriteSummary, upsert_article, upsert_articles
from loaders import extract_article, parse_article_bytes
from loaders.nlp import load_nlp
from loaders.read import SourceDoc, read_article_records
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
    """What happened to one article: written (with counts), already there, or refused (with
    the reason). `line` is the record's line in a JSON Lines file."""

    path: str
    # "loaded", "copy" (a new syndicated copy of `copy_of`), "updated" (metadata changed),
    # "unchanged" or "refused"
    status: str = "loaded"
    article_id: str | None = None
    title: str | None = None
    entities: int = 0
    statements: int = 0
    relations: int = 0
    error: str | None = None  # the refusal's message
    reason: str | None = None  # the refusal's reason code
    line: int | None = None
    copy_of: str | None = None  # the report this article is a syndicated copy of

    @property
    def where(self) -> str:
        return f"{self.path} line {self.line}" if self.line else self.path


@dataclass(frozen=True)
class ExtractLimits:
    """The bounds every article is extracted within (from the settings)."""

    max_bytes: int
    max_chars: int | None = None
    budget_s: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ExtractLimits:
        return cls(settings.max_article_bytes, settings.max_article_chars, settings.extract_budget_s)


def default_workers() -> int:
    """The number of cores this process may run on: `kg load` and `kg extract`'s default."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def expand_paths(paths: Iterable[str], pattern: str | None = None) -> Iterator[str]:
    """Files as given, and the article files anywhere inside given folders, in path order.

    In a folder, only files with an accepted extension are taken, and with `pattern` only those
    whose path below the folder matches it (`fnmatch` style, as `pathlib.PurePath.match`: `*.txt`,
    `2024/*/*.json`); hidden files and folders are skipped and symbolic links to folders are not
    followed. A folder with no such file is yielded itself, so that reading it refuses it by name.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield given
            continue
        found = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                child = Path(folder, name)
                if name.startswith(".") or child.suffix.lower() not in ARTICLE_SUFFIXES:
                    continue
                below = child.relative_to(path)
                if pattern is None or below.match(pattern):
                    found.append((below.parts, str(child)))
        yield from (child for _, child in sorted(found)) if found else [given]


def refusal(path: str, exc: InvalidArticle, line: int | None = None) -> LoadOutcome:
    """The outcome of a refused file, record or article."""
    error = f"{exc} (line {line})" if line else str(exc)
    return LoadOutcome(path=path, status="refused", error=error, reason=exc.reason, line=line)


Extracted = tuple[LoadOutcome, "ArticleGraph | None"]


def extract_files(paths: Iterable[str], limits: ExtractLimits, relative_to: Path | None = None,
                  *, workers: int = 1, pattern: str | None = None, lookahead: int | None = None) -> Iterator[Extracted]:
    """Read and extract each article, in order: (outcome, graph), the graph None when the
    article was refused. Bad input never raises: a refused file, JSON Lines record or article
    is a refused outcome, and the next one goes on. Nothing is written.

    Files are read here; with `workers` > 1 the extraction runs in that many processes (fewer
    when the input holds fewer articles; none for one), a few articles ahead of the consumer,
    and the outcomes come back in the same order and with the same refusals as with one. Closing the iterator
    stops the processes. `pattern` narrows the files taken from folders (see expand_paths).
    `lookahead`: how many articles the processes may run ahead of the consumer (default four per
    process); a consumer that stops to write a batch wants at least a batch ahead.
    """
    tasks = _extract_tasks(paths, limits, relative_to, pattern)
    # Look a few files ahead: starting processes and loading the model in each costs seconds,
    # more than a lone article takes here.
    ahead = list(islice(tasks, workers * 4)) if workers > 1 else []
    to_extract = sum(1 for task in ahead if task[1] is not None)
    tasks = chain(ahead, tasks)
    if len(ahead) < workers * 4:  # all of the input is in `ahead`
        workers = min(workers, to_extract)
    if workers <= 1:
        for task in tasks:
            yield _run_task(task, limits)
        return
    yield from _extract_in_pool(tasks, limits, workers, max(lookahead or 0, workers * 4))


# A unit of work: an outcome already known (a file or record refused on reading), or a record
# to extract, with the path it is shown under.
_Task = tuple[LoadOutcome, None] | tuple[str, SourceDoc]


def _extract_tasks(paths: Iterable[str], limits: ExtractLimits, relative_to: Path | None,
                   pattern: str | None) -> Iterator[_Task]:
    for path in expand_paths(paths, pattern):
        shown = _shown_path(path, relative_to)
        try:
            records = read_article_records(path, max_bytes=limits.max_bytes)
        except InvalidArticle as exc:
            yield refusal(path, exc), None
            continue
        for record in records:
            if isinstance(record, InvalidArticle):
                yield refusal(path, record), None
            else:
                yield path, replace(record, path=shown)


def _run_task(task: _Task, limits: ExtractLimits) -> Extracted:
    first, doc = task
    if doc is None:
        return first, None
    try:
        graph = extract_bounded(doc, limits)
    except InvalidArticle as exc:
        return refusal(first, exc, doc.line), None
    return LoadOutcome(path=doc.path, article_id=graph.article.id, title=graph.article.title,
                       line=doc.line), graph


_worker_limits: ExtractLimits | None = None


def _start_worker(limits: ExtractLimits) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle (it stops between articles and
    ends the pool); load the spaCy model once, before the first article."""
    global _worker_limits
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_limits = limits
    load_nlp()


def _run_worker_task(task: _Task) -> Extracted:
    assert _worker_limits is not None
    return _run_task(task, _worker_limits)


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (a POSIX parent with no other thread), after loading the model
    here: the processes start at once and share its pages, where spawning re-imports spaCy
    and reloads the model in each, seconds per process. Spawn otherwise."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        load_nlp()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _extract_in_pool(tasks: Iterator[_Task], limits: ExtractLimits, workers: int,
                     window: int) -> Iterator[Extracted]:
    # apply_async with a bounded window rather than Pool.imap: imap would read every file up
    # front, and the window keeps memory flat while the parent writes.
    # A worker that dies (killed for memory, a crash in native code) loses its article without
    # an answer; past the extraction budget and a margin it is refused rather than awaited.
    wait_s = limits.budget_s * 2 + 120 if limits.budget_s else None
    pending: deque[tuple[_Task, AsyncResult | None]] = deque()
    pool = None
    try:
        for task in tasks:
            if task[1] is None:  # already an outcome; keeps its place in the order
                pending.append((task, None))
            else:
                if pool is None:
                    pool = _pool_context().Pool(
                        workers, initializer=_start_worker, initargs=(limits,))
                pending.append((task, pool.apply_async(_run_worker_task, (task,))))
            while len(pending) > window or (pending and pending[0][1] is None):
                yield _result(*pending.popleft(), wait_s)
        while pending:
            yield _result(*pending.popleft(), wait_s)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _result(task: _Task, result: AsyncResult | None, wait_s: float | None) -> Extracted:
    if result is None:
        return task  # type: ignore[return-value]  # an outcome already
    try:
        return result.get(wait_s)
    except multiprocessing.TimeoutError:
        path, doc = task
        exc = InvalidArticle("extraction_failed", f"no answer from its worker process in {wait_s:.0f} s",
                             str(path))
        return refusal(str(path), exc, doc.line if doc else None), None


def extract_bounded(doc: SourceDoc, limits: ExtractLimits) -> ArticleGraph:
    """`extract_article` within the limits; any failure of extraction is InvalidArticle.

    Extraction touches no database, so an error other than a refusal is a bug or a limit of the
    NLP libraries met by this one text: it is refused as 'extraction_failed' rather than
    stopping a whole load or answering 500.
    """
    try:
        return extract_article(doc, max_chars=limits.max_chars, budget_s=limits.budget_s)
    except InvalidArticle:
        raise
    except Exception as exc:
        raise InvalidArticle("extraction_failed", f"{type(exc).__name__}: {exc}"[:300], doc.path) from exc


# Articles per write transaction for `kg load`: past about this many the round trips saved are
# small next to the rows written, and a batch that fails is retried article by article.
DEFAULT_BATCH = 20


def load_batches(db: GraphDB, paths: Iterable[str], limits: ExtractLimits,
                 relative_to: Path | None = None, *, workers: int = 1,
                 pattern: str | None = None, batch: int = 1) -> Iterator[list[LoadOutcome]]:
    """Read, extract and write articles `batch` at a time (one transaction each, see
    upsert_articles), yielding each batch's outcomes, in input order, once it is written.

    A refused article is reported and skipped whole (nothing of it is written); the others go
    on, and so do they when writing one of them fails (it is refused as `write_failed`).
    Articles record their path as given, or relative to `relative_to` when they lie under it
    (so the seeds' paths do not depend on where the project is checked out). Raises
    GraphUnavailable when Neo4j stops answering. Extraction runs in `workers` processes (see
    extract_files); the writes stay here, so stopping between two yielded batches (closing the
    iterator) never leaves half an article, and every article written has been yielded.
    """
    pending: list[Extracted] = []
    waiting = 0  # graphs in `pending`

    def write() -> list[LoadOutcome]:
        results = iter(upsert_articles(db, [g for _, g in pending if g is not None]))
        return [outcome if graph is None else _written(outcome, next(results))
                for outcome, graph in pending]

    # The processes keep extracting while a batch is written: a batch and then some ahead.
    for outcome, graph in extract_files(paths, limits, relative_to, workers=workers, pattern=pattern,
                                        lookahead=batch + workers * 4):
        if graph is None and not waiting:
            yield [outcome]  # a refusal with nothing before it waiting: no need to wait
            continue
        pending.append((outcome, graph))
        waiting += graph is not None
        if waiting >= batch:
            yield write()
            pending, waiting = [], 0
    if pending:
        yield write()


def _written(outcome: LoadOutcome, result: WriteSummary | Exception) -> LoadOutcome:
    if isinstance(result, Exception):
        exc = InvalidArticle("write_failed", f"{type(result).__name__}: {result}"[:300], outcome.path)
        return refusal(outcome.path, exc, outcome.line)
    if result.created:
        status = "copy" if result.copy_of else "loaded"
    else:
        status = "updated" if result.changed else "unchanged"
    return replace(outcome, status=status, article_id=result.article_id, entities=result.entities,
                   statements=result.statements, relations=result.relations, copy_of=result.copy_of)


def load_articles(db: GraphDB, paths: Iterable[str], limits: ExtractLimits,
                  relative_to: Path | None = None, *, workers: int = 1,
                  pattern: str | None = None, batch: int = 1) -> Iterator[LoadOutcome]:
    """`load_batches`, one outcome at a time."""
    for outcomes in load_batches(db, paths, limits, relative_to, workers=workers,
                                 pattern=pattern, batch=batch):
        yield from outcomes


def load_files(
    db: GraphDB, paths: Iterable[str], max_bytes: int, relative_to: Path | None = None,
    *, max_chars: int | None = None, budget_s: float | None = None,
) -> list[LoadOutcome]:
    """`load_articles`, all at once."""
    return list(load_articles(db, paths, ExtractLimits(max_bytes, max_chars, budget_s), relative_to))


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
    max_chars: int | None = None, budget_s: float | None = None,
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
    graph = extract_bounded(doc, ExtractLimits(max_bytes, max_chars, budget_s))
    return graph, upsert_article(db, graph)
