"""Shared fixtures: one real Neo4j per test session, and a clean database for each test.

Where the server comes from, in order: NEO4J_URI if set; else a testcontainers Neo4j when a
Docker daemon answers; else the project's local server (its own data folder and free ports,
auth on with its generated password, as `kg up` runs it).
If none can be had the tests that need it error out with the reason: they never skip.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.connection import GraphDB, connect_graph, wait_for_graph
from graph.constraints import apply_schema
from graph.local_server import LocalServerConfig, local_credentials, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NEO4J_IMAGE = "neo4j:5.26-community"


@dataclass(frozen=True)
class Neo4jTarget:
    uri: str
    user: str | None
    password: str | None
    origin: str  # "NEO4J_URI", "testcontainers" or "local server"
    local: LocalServerConfig | None = None  # the project's local server, when that is the one


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def neo4j_target() -> Iterator[Neo4jTarget]:
    if os.environ.get("NEO4J_URI"):
        yield Neo4jTarget(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER"),
                          os.environ.get("NEO4J_PASSWORD"), "NEO4J_URI")
        return
    if _docker_answers():
        try:
            from testcontainers.neo4j import Neo4jContainer
        except ImportError:  # newer testcontainers releases
            from testcontainers.community.neo4j import Neo4jContainer  # type: ignore
        container = Neo4jContainer(NEO4J_IMAGE)
        container.start()
        try:
            yield Neo4jTarget(container.get_connection_url(), "neo4j", container.password,
                              "testcontainers")
        finally:
            container.stop()
        return
    config = LocalServerConfig(
        home=ROOT / ".neo4j" / "test-server",
        jars=ROOT / ".neo4j" / "lib",
        bolt_port=free_port(),
        http_port=free_port(),
        heap="768m",
        pagecache_mb=128,
    )
    stop_server(config)  # a server left over from an interrupted run
    shutil.rmtree(config.home / "server", ignore_errors=True)
    try:
        start_server(config)
    except Exception as exc:  # the run must fail loudly, never skip
        pytest.fail(f"no Neo4j could be had (no NEO4J_URI, no Docker daemon, and the local "
                    f"server failed): {exc}", pytrace=False)
    # The hardened server as users run it: auth on, so every test runs against that config.
    user, password = local_credentials(config)
    try:
        yield Neo4jTarget(config.bolt_uri, user, password, "local server", config)
    finally:
        stop_server(config)


@pytest.fixture(scope="session")
def session_db(neo4j_target: Neo4jTarget) -> Iterator[GraphDB]:
    db = connect_graph(neo4j_target.uri, neo4j_target.user, neo4j_target.password)
    wait_for_graph(db, timeout_s=90)
    yield db
    db.close()


@pytest.fixture
def db(session_db: GraphDB) -> GraphDB:
    """A database with the schema applied and no data."""
    _clear(session_db)
    apply_schema(session_db)
    return session_db


def _clear(db: GraphDB) -> None:
    db.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def pytest_sessionfinish(session, exitstatus) -> None:
    """A full, green run rewrites RELIABILITY.md from what the hostile and fault tests recorded."""
    from tests import reliability

    if exitstatus == 0 and reliability.write_report(ROOT / "RELIABILITY.md"):
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "RELIABILITY.md written from this run")
