"""Timed runs for `kg bench`: every figure beside a baseline measured in the same run.

Extraction against bare spaCy `nlp(text)` on the same texts; writes against a raw
two-statement `UNWIND ... MERGE` transaction of the same articles at the same batch size; reads
against `/health` under the same concurrent clients. The database given is wiped: the bench
runs on a server of its own (see api.cli `kg bench`), or the tests' one.
"""

from __future__ import annotations

import http.client
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from api.bench.generator import synthetic_article
from api.runtime import DEFAULT_BATCH, ExtractLimits, default_workers, extract_files, load_batches
from graph import queries
from graph.connection import GraphDB
from graph.writer import upsert_articles
from loaders import extract_article, parse_article_bytes
from schema.records import ArticleGraph

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Target:
    """How the API process reaches the bench's Neo4j."""

    uri: str
    user: str | None
    password: str | None


@dataclass(frozen=True)
class BenchPlan:
    """What one bench run measures, and on how much."""

    sizes: tuple[int, ...] = (1000, 10_000)
    extract_texts: int = 60
    load_articles: int = 300
    write_sample: int = 200
    batch: int = DEFAULT_BATCH
    requests: int = 400  # per endpoint and size, shared by the clients
    clients: int = 8
    workers: int = field(default_factory=default_workers)
    seed: int = 7

    @classmethod
    def quick(cls) -> BenchPlan:
        return cls(sizes=(100, 300), extract_texts=8, load_articles=16, write_sample=10,
                   requests=16)


@dataclass
class Row:
    """One line of the table: a measure, its value, the baseline it is a ratio of, the target."""

    group: str
    measure: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str | None = None
    ratio: float | None = None
    target: str | None = None
    size: int | None = None


def machine() -> dict:
    """Cores, CPU model, RAM and load average of this machine."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")))
    except (OSError, StopIteration):
        mem_kb = 0
    return {"cores": os.cpu_count(), "cores_usable": default_workers(), "cpu": model,
            "ram_gb": round(mem_kb / 1024 / 1024, 1), "python": platform.python_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def run_bench(db: GraphDB, target: Target, plan: BenchPlan,
              progress: Callable[[str], None] = lambda line: None) -> dict:
    """Run every measure of `plan` against `db` (wiped first and last); returns the report
    (machine, plan, rows) as JSON-ready data."""
    rows: list[Row] = []
    started = time.monotonic()
    info = machine()
    progress(f"machine: {info['cores']} cores ({info['cpu']}), {info['ram_gb']} GB, "
             f"load {info['load_average']}")
    _wipe(db)
    progress("extraction against bare spaCy")
    rows += _bench_extraction(plan)
    progress("writes against a raw UNWIND baseline")
    rows += _bench_writes(db, plan)
    progress("end-to-end load")
    rows += _bench_load(db, plan)
    progress("write cost and reads at each size")
    rows += _bench_sizes(db, target, plan, progress)
    rows.append(Row("memory", "peak RSS of the bench process (loader)", _rss_mb(), "MB"))
    # (RUSAGE_CHILDREN: the largest of the waited-for children, extraction workers and the API.)
    rows.append(Row("memory", "peak RSS of the largest child process (extraction worker or API)",
                    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "MB"))
    _wipe(db)
    info["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    return {"machine": info, "plan": {**asdict(plan), "sizes": list(plan.sizes)},
            "seconds": round(time.monotonic() - started, 1), "rows": [asdict(r) for r in rows]}


# --- extraction ---------------------------------------------------------------------------

def _texts(n: int, seed: int, offset: int = 0) -> list[str]:
    return [synthetic_article(offset + i, seed).article.text for i in range(n)]


def _bench_extraction(plan: BenchPlan) -> list[Row]:
    import spacy

    from loaders.nlp import MODEL

    texts = _texts(plan.extract_texts, plan.seed)
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(MODEL)
    bare(texts[0])  # warm
    t0 = time.perf_counter()
    for text in texts:
        bare(text)
    bare_s = time.perf_counter() - t0
    docs = [parse_article_bytes(t.encode(), path=f"bench-{i}.txt", max_bytes=2_000_000)[0]
            for i, t in enumerate(texts)]
    extract_article(docs[0])  # warm: the pipeline's model and lexicons load once
    t0 = time.perf_counter()
    for doc in docs:
        extract_article(doc)
    ours_s = time.perf_counter() - t0
    bare_wps, ours_wps = words / bare_s, words / ours_s
    rows = [
        Row("extraction", "bare spaCy nlp(text), one core", bare_wps, "words/s"),
        Row("extraction", "extract_article, one core", ours_wps, "words/s", bare_wps,
            "bare spaCy", ours_wps / bare_wps, ">= 0.8"),
        Row("extraction", "extract_article, one core", len(texts) / ours_s, "articles/s"),
    ]
    # Both cores: the same pipeline through `kg extract`'s worker pool, timed once the pool
    # answers (starting processes and loading models is a fixed cost, reported apart).
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        paths = _write_texts(Path(tmp), _texts(plan.extract_texts * 2, plan.seed, 10_000))
        rates = {}
        for workers in (1, plan.workers):
            first = last = None
            t0 = time.perf_counter()
            n = 0
            for _outcome, _graph in extract_files(paths, ExtractLimits(2_000_000), workers=workers):
                last = time.perf_counter()
                first = first or last
                n += 1
            rates[workers] = (n - 1) / (last - first) if n > 1 and last > first else 0.0
            rows.append(Row("extraction", f"kg extract --workers {workers}, start-up", first - t0, "s"))
        one, both = rates[1], rates[plan.workers]
        rows.append(Row("extraction", f"kg extract --workers {plan.workers}", both, "articles/s", one,
                        "--workers 1", both / one if one else None, ">= 1.6"))
    return rows


def _write_texts(folder: Path, texts: list[str]) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"bench-{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


# --- writes -------------------------------------------------------------------------------

def _raw_write(db: GraphDB, graphs: list[ArticleGraph]) -> None:
    entities = [{"id": e.id, "name": e.name, "type": e.type.value} for g in graphs for e in g.entities]
    statements = [{"id": s.id, "speaker": s.speaker, "sentence": s.sentence, "kind": s.kind.value,
                   "article": g.article.id} for g in graphs for s in g.statements]

    def work(tx) -> None:
        tx.run(queries.BENCH_RAW_ENTITIES, rows=entities).consume()
        tx.run(queries.BENCH_RAW_STATEMENTS, rows=statements).consume()

    db.write(work)


def _rate(write: Callable[[list[ArticleGraph]], object], graphs: list[ArticleGraph], batch: int) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(graphs), batch):
        write(graphs[i:i + batch])
    return len(graphs) / (time.perf_counter() - t0)


def _bench_writes(db: GraphDB, plan: BenchPlan) -> list[Row]:
    rows = []
    n = plan.write_sample
    for batch in (1, plan.batch):
        # Plans compiled before timing (Cypher caches them per query text), then fresh articles
        # for each, into an empty database, so both write the same amount.
        warm = _graphs(plan.seed + 900, batch)
        _raw_write(db, warm)
        upsert_articles(db, warm)
        _wipe(db)
        raw = _rate(lambda gs: _raw_write(db, gs), _graphs(plan.seed + 100 + batch, n), batch)
        _wipe(db)
        ours = _rate(lambda gs: upsert_articles(db, gs), _graphs(plan.seed + 100 + batch, n), batch)
        rows += [
            Row("writes", f"raw 2-statement UNWIND MERGE, batch {batch}", raw, "articles/s"),
            Row("writes", f"upsert_articles, batch {batch}", ours, "articles/s", raw,
                f"raw UNWIND, batch {batch}", ours / raw, ">= 0.5"),
        ]
        graphs = _graphs(plan.seed + 100 + batch, n)
        t0 = time.perf_counter()
        for i in range(0, n, batch):
            upsert_articles(db, graphs[i:i + batch])
        rows.append(Row("writes", f"reload unchanged, batch {batch}", n / (time.perf_counter() - t0),
                        "articles/s"))
    _wipe(db)
    return rows


def _graphs(seed: int, n: int, offset: int = 0) -> list[ArticleGraph]:
    return [synthetic_article(offset + i, seed) for i in range(n)]


# --- end to end ---------------------------------------------------------------------------

def _bench_load(db: GraphDB, plan: BenchPlan) -> list[Row]:
    _wipe(db)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        _write_texts(Path(tmp), _texts(plan.load_articles, plan.seed, 20_000))
        t0 = time.perf_counter()
        outcomes = [o for batch in load_batches(db, [tmp], ExtractLimits(2_000_000),
                                                workers=plan.workers, batch=plan.batch) for o in batch]
        elapsed = time.perf_counter() - t0
    loaded = sum(o.status == "loaded" for o in outcomes)
    _wipe(db)
    return [Row("load", f"kg load end to end ({plan.load_articles} texts, --workers {plan.workers}, "
                f"--batch {plan.batch}; {loaded} loaded)", loaded / elapsed, "articles/s",
                target=">= 25")]


# --- sizes: write cost and reads ------------------------------------------------------------

HUB = "state:russia"


def _bench_sizes(db: GraphDB, target: Target, plan: BenchPlan, progress) -> list[Row]:
    rows: list[Row] = []
    written = 0
    first_cost = first_p99 = None
    api = _Api(target)
    try:
        for size in plan.sizes:
            fill = max(0, size - plan.write_sample - written)
            t0 = time.perf_counter()
            for i in range(written, written + fill, 200):
                graphs = _graphs(plan.seed, min(200, written + fill - i), i)
                for j in range(0, len(graphs), plan.batch):
                    upsert_articles(db, graphs[j:j + plan.batch])
            if fill:
                rows.append(Row("scale", "bulk write of generated records", fill / (time.perf_counter() - t0),
                                "articles/s", size=size))
            written += fill
            sample = _graphs(plan.seed, plan.write_sample, written)
            t0 = time.perf_counter()
            for g in sample:
                upsert_articles(db, [g])
            cost = (time.perf_counter() - t0) / len(sample) * 1000
            written += len(sample)
            first_cost = first_cost or cost
            rows.append(Row("scale", "write cost per article (batch 1, mentions both hubs)", cost, "ms",
                            first_cost, f"at {plan.sizes[0]}", cost / first_cost, "<= 1.5 at 100k",
                            size=size))
            progress(f"  {written} articles written; reads")
            reads = _bench_reads(db, api, plan, size)
            p99 = next(r for r in reads if r.measure.startswith("/actors/{hub}/statements") and "p99" in r.measure)
            first_p99 = first_p99 or p99.value
            rows += reads
            rows.append(Row("scale", "/actors/{hub}/statements?limit=20 p99 vs smallest size", p99.value, "ms",
                            first_p99, f"at {plan.sizes[0]}", p99.value / first_p99, "<= 2", size=size))
            rows.append(Row("memory", "peak RSS of the API process", api.peak_rss_mb(), "MB", size=size))
    finally:
        api.stop()
    return rows


def _small_actor(db: GraphDB) -> str:
    return db.read(queries.LEAST_VOCAL_PERSON)[0]["id"]


def _bench_reads(db: GraphDB, api: _Api, plan: BenchPlan, size: int) -> list[Row]:
    small = _small_actor(db)
    hub_n = db.read(queries.SPEAKER_STATEMENT_COUNT, id=HUB)[0]["n"]
    small_n = db.read(queries.SPEAKER_STATEMENT_COUNT, id=small)[0]["n"]
    paths = {
        "/health": "/health",
        f"/actors/{{hub}}/statements?limit=20 ({hub_n} statements)": f"/actors/{HUB}/statements?limit=20",
        f"/actors/{{hub}}/statements (default limit 100)": f"/actors/{HUB}/statements",
        f"/actors/{{small}}/statements ({small_n} statements)": f"/actors/{small}/statements",
        "/actors?q=mill (partial word)": "/actors?q=mill",
        "/actors/{hub} profile": f"/actors/{HUB}",
        "/timeline?about={hub}&limit=100": f"/timeline?about={HUB}&limit=100",
        "/statements?q=watching%20zagreb&limit=20": "/statements?q=watching%20zagreb&limit=20",
        "/graph (core, default)": "/graph",
    }
    # /graph takes seconds per request: fewer of them, still from every client.
    timings = {name: api.hammer(path, plan.requests // (5 if path == "/graph" else 1), plan.clients)
               for name, path in paths.items()}
    health = timings.pop("/health")
    rows = [Row("reads", f"/health p50 ({plan.clients} clients)", health[0], "ms", size=size),
            Row("reads", f"/health p99 ({plan.clients} clients)", health[1], "ms", size=size)]
    targets = {"/actors/{hub}/statements?limit=20": "<= 25 ms at 100k", "/actors/{small}": "<= 25 ms at 100k",
               "/actors?q=": "<= 50 ms at 100k"}
    for name, (p50, p99, errors) in timings.items():
        goal = next((t for prefix, t in targets.items() if name.startswith(prefix)), None)
        note = f"; {errors} errors" if errors else ""
        rows.append(Row("reads", f"{name} p50{note}", p50, "ms", health[0], "/health p50", p50 / health[0],
                        size=size))
        rows.append(Row("reads", f"{name} p99{note}", p99, "ms", health[1], "/health p99", p99 / health[1],
                        goal, size=size))
    return rows


class _Api:
    """The API served by `kg up` in a process of its own, on the bench's Neo4j."""

    def __init__(self, target: Target):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        env = {**os.environ, "NEO4J_URI": target.uri, "NEO4J_USER": target.user or "",
               "NEO4J_PASSWORD": target.password or "", "KG_API_HOST": "127.0.0.1",
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.proc = subprocess.Popen([sys.executable, "-m", "api.cli", "up", "--no-seeds", "--port",
                                      str(self.port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                if self._get(http.client.HTTPConnection("127.0.0.1", self.port, timeout=5), "/health")[0] == 200:
                    return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the bench's API process did not start")
            time.sleep(0.3)

    @staticmethod
    def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float]:
        t0 = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, (time.perf_counter() - t0) * 1000

    def hammer(self, path: str, requests: int, clients: int) -> tuple[float, float, int]:
        """`requests` GETs of `path` from `clients` threads at once, each on its own keep-alive
        connection: (p50 ms, p99 ms, non-200 answers)."""
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()

        def client(n: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            for i in range(n + 1):  # the first warms the connection and the query plan
                t0 = time.perf_counter()
                try:
                    status, ms = self._get(conn, path)
                except (OSError, http.client.HTTPException):  # the server dropped it: a new one
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                    status, ms = 0, (time.perf_counter() - t0) * 1000
                if i:
                    with lock:
                        latencies.append(ms)
                        errors[0] += status != 200
            conn.close()

        each = max(1, requests // clients)  # at least one per client, so there is a p99
        threads = [threading.Thread(target=client, args=(each,)) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        return statistics.median(latencies), cuts[98], errors[0]

    def peak_rss_mb(self) -> float:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wipe(db: GraphDB) -> None:
    """Delete everything, in batches: one transaction for a large corpus (or a hub's edges)
    would not fit in the transaction memory limit."""
    for query in (queries.WIPE_EDGES, queries.WIPE_NODES):
        while db.write(lambda tx, q=query: tx.run(q).single()["n"]):
            pass
