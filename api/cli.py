"""The `kg` command line: run the service, load and extract articles, manage the local Neo4j."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import signal
import sys
import time
from collections import Counter
from dataclasses import asdict

from api.settings import Settings
from schema.errors import KGError


def main(argv: list[str] | None = None) -> int:
    """Entry point of `kg`; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    settings = Settings()
    try:
        return args.run(settings, args)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__)
    sub = parser.add_subparsers(title="commands")

    up = sub.add_parser("up", help="start Neo4j if needed, load the seeds, serve API and explorer")
    up.add_argument("--host", default=None, help="address to bind (default KG_API_HOST)")
    up.add_argument("--port", type=int, default=None, help="port (default KG_API_PORT)")
    up.add_argument("--no-seeds", action="store_true", help="do not load the seed articles")
    up.add_argument("--keep-neo4j", action="store_true",
                    help="leave the local Neo4j running when kg up exits")
    up.set_defaults(run=_run_up)

    load = sub.add_parser("load", help="extract articles and write them to Neo4j")
    load.add_argument("paths", nargs="+", help="article files or folders of them")
    _add_extract_options(load)
    load.add_argument("--batch", type=_positive_int, default=None, metavar="N",
                      help="articles written per transaction (default 20; a batch that fails "
                           "is written again article by article)")
    load.set_defaults(run=_run_load)

    extract = sub.add_parser("extract", help="print what would be extracted, without Neo4j")
    extract.add_argument("paths", nargs="+", help="article files or folders of them")
    _add_extract_options(extract)
    extract.add_argument("--format", choices=["json", "jsonl"], default="json",
                         help="one JSON object per article per line; jsonl adds the article "
                              "text, making shards for kg bulk")
    extract.set_defaults(run=_run_extract)

    evaluate = sub.add_parser("eval", help="precision, recall and F1 of extraction against gold")
    evaluate.add_argument("gold_dir", help="folder of gold JSON files named like the articles")
    evaluate.add_argument("paths", nargs="+", help="article files or folders of them")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--misses", action="store_true", help="list every miss and extra")
    evaluate.set_defaults(run=_run_eval)

    bulk = sub.add_parser("bulk", help="turn extraction shards into files for Neo4j's offline "
                                       "importer (initial loads of millions of articles)")
    bulk.add_argument("shards", nargs="*", help="kg extract --format jsonl output files")
    bulk.add_argument("--out", metavar="DIR", help="new folder for the CSV files")
    bulk.add_argument("--into-local", action="store_true",
                      help="also import them into the local server (stopped, database new) "
                           "and finish")
    bulk.add_argument("--overwrite", action="store_true",
                      help="with --into-local: replace the local database's contents")
    bulk.add_argument("--finish", action="store_true",
                      help="after an import elsewhere: add constraints and indexes (NEO4J_URI)")
    bulk.set_defaults(run=_run_bulk)

    bench = sub.add_parser("bench", help="time extraction, writes, loads and reads on synthetic "
                                         "corpora, each against a baseline of the same run")
    bench.add_argument("--quick", action="store_true",
                       help="small corpora (100 and 300 articles): about a minute, a smoke test")
    bench.add_argument("--sizes", type=_positive_int, nargs="+", default=None, metavar="N",
                       help="corpus sizes for write cost and reads (default 1000 10000)")
    bench.add_argument("--json", metavar="PATH", default="bench.json",
                       help="where the report's JSON goes (default bench.json)")
    bench.set_defaults(run=_run_bench)

    neo = sub.add_parser("neo4j", help="the project's local Neo4j server")
    neo_sub = neo.add_subparsers(title="actions")
    for name, fn, text in (
        ("start", _run_neo4j_start, "start it and wait until Bolt answers"),
        ("stop", _run_neo4j_stop, "stop it cleanly"),
        ("status", _run_neo4j_status,
         "say whether it runs, with its addresses, user and password (JSON)"),
        ("install", _run_neo4j_install, "fetch its jars from Maven Central (start does this too)"),
    ):
        neo_sub.add_parser(name, help=text).set_defaults(run=fn)
    return parser


def _add_extract_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=_positive_int, default=None,
                        help="processes that extract articles (default: the number of cores; "
                             "1 extracts in this process)")
    parser.add_argument("--glob", metavar="PATTERN", default=None,
                        help="in folders (searched recursively), take only files whose path "
                             "below the folder matches PATTERN, e.g. '*.jsonl' or '2024/*/*.txt'")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _workers(args: argparse.Namespace) -> int:
    from api.runtime import default_workers

    return args.workers or default_workers()


def _run_up(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app
    from api.runtime import ExtractLimits, graph_uri, load_articles, open_graph
    from graph.local_server import LOCAL_USER, server_status, stop_server

    host = args.host or settings.api_host
    port = args.port or settings.api_port
    local = settings.neo4j_uri is None
    started_here = local and not server_status(settings.local_server()).running
    db = open_graph(settings)
    try:
        if not args.no_seeds:
            _print_outcomes(load_articles(db, [str(settings.seeds)], ExtractLimits.from_settings(settings),
                                          relative_to=settings.home))
        print(f"Neo4j Bolt:     {graph_uri(settings)}")
        if local:
            server = settings.local_server()
            print(f"Neo4j Browser:  {server.browser_url}  (user {LOCAL_USER}, password in "
                  f"{server.password_file}; `kg neo4j status` shows it)")
        print(f"API:            http://{host}:{port}/  (docs: http://{host}:{port}/docs)")
        print(f"Explorer:       http://{host}:{port}/explorer")
        print(f"Health:         http://{host}:{port}/health", flush=True)
        # uvicorn turns SIGTERM into a clean exit, so the finally below runs on `kill` too.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        # The address served is a Host the API answers (KG_ALLOWED_HOSTS' default).
        served = settings.model_copy(update={"api_host": host})
        uvicorn.run(create_app(served, db), host=host, port=port, log_level="info")
    finally:
        db.close()
        if started_here and not args.keep_neo4j:
            print("stopping the local Neo4j started by kg up", flush=True)
            stop_server(settings.local_server())
    return 0


def _run_load(settings: Settings, args: argparse.Namespace) -> int:
    """Each file's outcome as it goes, past any refusal, with progress; a summary line at the
    end. Ctrl-C stops after the batch being written (exit 130); a database failure stops the
    load with its message. Either way the summary says what was written."""
    from api.runtime import DEFAULT_BATCH, ExtractLimits, load_batches, open_graph

    db = open_graph(settings)
    progress, stop = _Progress(), _StopRequest()
    try:
        with _stop_on_interrupt(stop):
            batches = load_batches(db, args.paths, ExtractLimits.from_settings(settings),
                                   workers=_workers(args), pattern=args.glob,
                                   batch=args.batch or DEFAULT_BATCH)
            try:
                for outcomes in batches:
                    for outcome in outcomes:  # all written: each is reported
                        progress.report(outcome)
                    if stop.requested:
                        break
            finally:
                batches.close()
    except KeyboardInterrupt:  # a second Ctrl-C: the batch being written was rolled back
        stop.requested = True
    except Exception as exc:  # bad input never gets here: only the database's errors
        progress.note(f"kg: error: writing to Neo4j failed, load stopped: {exc}")
        progress.finish(_load_summary(progress))
        return 1
    finally:
        db.close()
    if stop.requested:
        progress.note(f"kg: interrupted: stopped after {progress.total} articles")
    progress.finish(_load_summary(progress))
    return 130 if stop.requested else 1 if progress.counts["refused"] else 0


def _run_extract(settings: Settings, args: argparse.Namespace) -> int:
    """One JSON line per article on stdout, refusals and progress on stderr; Ctrl-C stops after
    the article being printed (exit 130)."""
    from api.runtime import ExtractLimits, extract_files

    progress, stop = _Progress(stream=sys.stderr), _StopRequest()
    with _stop_on_interrupt(stop):
        extracted = extract_files(args.paths, ExtractLimits.from_settings(settings),
                                  workers=_workers(args), pattern=args.glob)
        try:
            for outcome, graph in extracted:
                if graph is None:
                    progress.note(f"kg: refused: {outcome.error}")
                else:
                    outcome = dataclasses.replace(outcome, status="extracted")
                    record = graph.to_record() if args.format == "jsonl" else graph.to_json()
                    progress.emit(json.dumps(record, ensure_ascii=False))
                progress.report(outcome, show=False)
                if stop.requested:
                    break
        finally:
            extracted.close()
    if stop.requested:
        progress.note(f"kg: interrupted: stopped after {progress.total} articles")
    counts = progress.counts
    progress.finish(f"kg: {counts['extracted']} extracted, {counts['refused']} refused"
                    f"{progress.rate_text()}")
    return 130 if stop.requested else 1 if counts["refused"] else 0


def _run_eval(settings: Settings, args: argparse.Namespace) -> int:
    from pathlib import Path

    from api.runtime import expand_paths
    from loaders import extract_article, read_article_file
    from loaders.evaluate import format_scores, load_gold, score_set

    gold = load_gold(args.gold_dir)
    pairs = []
    for path in expand_paths(args.paths):
        stem = Path(path).stem
        if stem not in gold:
            print(f"kg: no gold for {path} in {args.gold_dir}", file=sys.stderr)
            return 1
        for doc in read_article_file(path, max_bytes=settings.max_article_bytes):
            graph = extract_article(doc, max_chars=settings.max_article_chars,
                                    budget_s=settings.extract_budget_s)
            pairs.append((graph, gold[stem], doc.text))
    scores = score_set(pairs)
    if args.json:
        print(json.dumps({"articles": len(pairs), **scores.as_dict()}, indent=2))
    else:
        print(f"{len(pairs)} articles scored against {args.gold_dir}")
        print(format_scores(scores))
    if args.misses:
        print("\n".join(scores.misses), file=sys.stderr if args.json else sys.stdout)
    return 0


def _run_bulk(settings: Settings, args: argparse.Namespace) -> int:
    from api.bulk import run_bulk

    return run_bulk(settings, args.shards, args.out, args.into_local, args.overwrite, args.finish)


def _run_bench(settings: Settings, args: argparse.Namespace) -> int:
    """Run the bench on a Neo4j of its own (HOME/.neo4j/bench-server, wiped, stopped after):
    it deletes everything it writes, so it never runs on the configured database."""
    import socket
    from pathlib import Path

    from api.bench.report import format_report, write_report
    from api.bench.runner import BenchPlan, Target, run_bench
    from graph.connection import connect_graph, wait_for_graph
    from graph.constraints import apply_schema
    from graph.local_server import LocalServerConfig, local_credentials, start_server, stop_server

    def free_port() -> int:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    plan = BenchPlan.quick() if args.quick else BenchPlan()
    if args.sizes:
        plan = dataclasses.replace(plan, sizes=tuple(args.sizes))
    local = settings.local_server()
    server = LocalServerConfig(home=local.home / "bench-server", jars=local.lib, bolt_port=free_port(),
                               http_port=free_port(), heap=local.heap, pagecache_mb=local.pagecache_mb,
                               start_timeout_s=local.start_timeout_s)
    print(f"kg bench: starting a Neo4j of its own in {server.home}", file=sys.stderr, flush=True)
    start_server(server)
    try:
        user, password = local_credentials(server)
        db = connect_graph(server.bolt_uri, user, password)
        try:
            wait_for_graph(db)
            apply_schema(db)
            report = run_bench(db, Target(server.bolt_uri, user, password), plan,
                               progress=lambda line: print(f"kg bench: {line}", file=sys.stderr, flush=True))
        finally:
            db.close()
    finally:
        stop_server(server)
    write_report(report, Path(args.json))
    print(format_report(report))
    print(f"kg bench: JSON in {args.json}", file=sys.stderr)
    return 0


def _run_neo4j_start(settings: Settings, args: argparse.Namespace) -> int:
    from graph.local_server import start_server

    if settings.neo4j_uri:
        print(f"NEO4J_URI is set ({settings.neo4j_uri}): the local server is not used")
        return 0
    status = start_server(settings.local_server())
    print(f"Neo4j is running (pid {status.pid}): {status.bolt_uri}  browser: {status.browser_url}")
    print(f"user {status.user}, password in {status.password_file}")
    return 0


def _run_neo4j_stop(settings: Settings, args: argparse.Namespace) -> int:
    from graph.local_server import stop_server

    print("stopped" if stop_server(settings.local_server()) else "not running")
    return 0


def _run_neo4j_status(settings: Settings, args: argparse.Namespace) -> int:
    from graph.local_server import server_status

    status = server_status(settings.local_server())
    print(json.dumps(asdict(status)))
    return 0 if status.running else 3


def _run_neo4j_install(settings: Settings, args: argparse.Namespace) -> int:
    from graph.local_server import install_jars

    print(f"jars ready in {install_jars(settings.local_server())}")
    return 0


def _print_outcomes(outcomes, counts: Counter[str] | None = None) -> None:
    """Print each outcome as it comes (refusals on stderr), counting them by status."""
    for o in outcomes:
        if counts is not None:
            counts[o.status] += 1
        print(_outcome_line(o), file=sys.stderr if o.status == "refused" else sys.stdout, flush=True)


def _outcome_line(o) -> str:
    if o.status == "refused":
        return f"refused   {o.error}"
    if o.copy_of:
        return f"{o.status:<9} {o.where} -> {o.article_id}: copy of {o.copy_of}"
    return (f"{o.status:<9} {o.where} -> {o.article_id}: {o.entities} entities, "
            f"{o.statements} statements, {o.relations} relations")


def _load_summary(progress: _Progress) -> str:
    counts = progress.counts
    updated = f"{counts['updated']} updated, " if counts["updated"] else ""
    updated += f"{counts['copy']} copies, " if counts["copy"] else ""
    return (f"{counts['loaded']} loaded, {updated}{counts['unchanged']} unchanged, "
            f"{counts['refused']} refused{progress.rate_text()}")


class _Progress:
    """Outcome lines, progress and the summary of a load or extract.

    Outcomes go to stdout (refusals to stderr) as they come. On a terminal, stderr keeps one
    live progress line under them; otherwise a plain progress line is printed every
    `every` articles or `interval_s` seconds, whichever comes first.
    """

    def __init__(self, stream=None, every: int = 50, interval_s: float = 10.0):
        self.stream = stream or sys.stdout  # where the summary goes
        self.live = sys.stderr.isatty()
        self.every, self.interval_s = every, interval_s
        self.counts: Counter[str] = Counter()
        self.started = self.last_time = time.monotonic()
        self.last_total = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def emit(self, line: str, stream=None) -> None:
        """Print a line above the live progress line."""
        self._clear()
        print(line, file=stream or sys.stdout, flush=True)

    def note(self, line: str) -> None:
        self.emit(line, sys.stderr)

    def report(self, outcome, show: bool = True) -> None:
        self.counts[outcome.status] += 1
        if show:
            self.emit(_outcome_line(outcome), sys.stderr if outcome.status == "refused" else sys.stdout)
        now = time.monotonic()
        if self.live:
            sys.stderr.write(f"\r{self._status_text(now)}")
            sys.stderr.flush()
        elif self.total - self.last_total >= self.every or now - self.last_time >= self.interval_s:
            print(f"kg: progress: {self._status_text(now)}", file=sys.stderr, flush=True)
            self.last_total, self.last_time = self.total, now

    def rate_text(self) -> str:
        elapsed = time.monotonic() - self.started
        return f" in {elapsed:.1f} s, {self.total / max(elapsed, 1e-9):.1f} articles/s"

    def finish(self, summary: str) -> None:
        self.emit(summary, self.stream)

    def _status_text(self, now: float) -> str:
        elapsed = now - self.started
        parts = ", ".join(f"{n} {status}" for status, n in sorted(self.counts.items()))
        return (f"{self.total} articles ({parts}), {elapsed:.0f} s, "
                f"{self.total / max(elapsed, 1e-9):.1f} articles/s")

    def _clear(self) -> None:
        if self.live:
            sys.stderr.write("\r\x1b[K")


class _StopRequest:
    """Set by the first Ctrl-C; the loop stops at its next article."""

    requested = False


@contextlib.contextmanager
def _stop_on_interrupt(stop: _StopRequest):
    """While inside, Ctrl-C (SIGINT) only asks the loop to stop at its next article; a second
    Ctrl-C interrupts at once (KeyboardInterrupt; a write in progress is rolled back)."""

    def ask(signum, frame):
        if stop.requested:
            raise KeyboardInterrupt
        stop.requested = True

    previous = signal.signal(signal.SIGINT, ask)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    sys.exit(main())
