"""`kg bulk`: extraction shards (`kg extract --format jsonl`) -> files for Neo4j's offline
importer, optionally imported into the local server; `kg bulk --finish` for a server the
importer filled elsewhere."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from api.runtime import open_graph
from api.settings import Settings
from graph.bulk import ImportPlan, finish_import, write_import_files
from graph.local_server import import_into_local, start_server, stop_server
from schema.errors import BulkImportError
from schema.records import ArticleGraph


def read_shards(paths: Iterable[str]) -> Iterator[ArticleGraph]:
    """Every article of the shard files, in order. A line that is not a `--format jsonl`
    record stops the run with its file and line number: half an import is worth nothing."""
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield ArticleGraph.from_record(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    hint = " (kg extract --format json leaves out the text: use --format jsonl)" \
                        if isinstance(exc, TypeError) and "text" in str(exc) else ""
                    raise BulkImportError(f"{path}:{number}: not an extraction record: "
                                          f"{type(exc).__name__}: {exc}{hint}") from None


def run_bulk(settings: Settings, shards: list[str], out: str | None, into_local: bool,
             overwrite: bool, finish: bool) -> int:
    """What `kg bulk` does; prints what it wrote and the commands that follow."""
    if finish:
        db = open_graph(settings, start_local=False)
        try:
            finish_import(db)
        finally:
            db.close()
        print("constraints, indexes and empty lists set: the imported graph is ready")
        return 0
    if not shards or not out:
        raise BulkImportError("give the shard files and --out DIR (or --finish)")
    plan = write_import_files(read_shards(shards), Path(out))
    print(_summary(plan))
    if not into_local:
        print("import them (Neo4j stopped, the database new) with:")
        print(f"  {plan.command()}")
        print("then start Neo4j and run:  kg bulk --finish")
        return 0
    if settings.neo4j_uri:
        raise BulkImportError(f"NEO4J_URI is set ({settings.neo4j_uri}): --into-local imports "
                              f"only into the project's local server")
    config = settings.local_server()
    print(_last_lines(import_into_local(config, plan.arguments, overwrite=overwrite)))
    start_server(config)
    try:
        db = open_graph(settings, start_local=False)
        try:
            finish_import(db)
        finally:
            db.close()
    finally:
        stop_server(config)
    print("imported into the local server and finished; start it with kg up or kg neo4j start")
    return 0


def _summary(plan: ImportPlan) -> str:
    again = f" ({plan.duplicates} repeated articles left out)" if plan.duplicates else ""
    again += f" ({plan.copies} copies of other articles kept as appearances)" if plan.copies else ""
    return (f"kg: {plan.articles} articles{again}: {plan.nodes} nodes, "
            f"{plan.relationships} relationships written to {plan.out_dir}")


def _last_lines(report: str, lines: int = 6) -> str:
    return "\n".join(report.splitlines()[-lines:])
