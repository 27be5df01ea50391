"""The project's local Neo4j: start, status, data and password kept across restarts, stop, clear
failures."""

from __future__ import annotations

import os
import socket
import stat
import urllib.request

import neo4j
import pytest

from graph.connection import connect_graph
from graph.local_server import (LocalServerConfig, local_credentials, server_status, start_server,
                                stop_server)
from schema.errors import LocalServerError
from tests.conftest import ROOT, free_port

JARS = ROOT / ".neo4j" / "lib"


def _config(tmp_path, **kw) -> LocalServerConfig:
    values = dict(home=tmp_path / "neo4j", jars=JARS, bolt_port=free_port(), http_port=free_port(),
                  heap="512m", pagecache_mb=64, start_timeout_s=120)
    values.update(kw)
    return LocalServerConfig(**values)


def test_local_server_restart_keeps_data_password_and_reports_status(tmp_path, neo4j_target):
    # neo4j_target first: it fetches the jars when this machine has none yet.
    config = _config(tmp_path)
    try:
        status = start_server(config)
        assert status.running and status.pid
        user, password = local_credentials(config)
        assert (user, len(password)) == ("neo4j", 32)
        assert stat.S_IMODE(config.password_file.stat().st_mode) == 0o600
        assert (status.user, status.password_file, status.password) == (
            "neo4j", str(config.password_file), password)
        db = connect_graph(config.bolt_uri, user, password)
        db.write(lambda tx: tx.run("CREATE (:Probe {v: 42})").consume())
        db.close()
        assert stop_server(config) is True
        assert server_status(config).running is False

        start_server(config)
        assert local_credentials(config) == (user, password)  # the same password after a restart
        db = connect_graph(config.bolt_uri, user, password)
        assert db.read("MATCH (p:Probe) RETURN p.v AS v") == [{"v": 42}]
        db.close()
        # The browser is served by the same process (neo4j-browser jar on the classpath), and
        # needs no login to load: it asks for the password itself.
        with urllib.request.urlopen(f"http://127.0.0.1:{config.http_port}/browser/", timeout=10) as r:
            assert r.status == 200

        # A password written to the file is applied to the existing database at the next start
        # (the path an existing data folder created with auth off takes too); the old one stops.
        stop_server(config)
        config.password_file.write_text("a-new-password-of-my-own\n")
        start_server(config)
        db = connect_graph(config.bolt_uri, user, "a-new-password-of-my-own")
        assert db.read("MATCH (p:Probe) RETURN p.v AS v") == [{"v": 42}]
        db.close()
        old = neo4j.GraphDatabase.driver(config.bolt_uri, auth=(user, password))
        with pytest.raises(neo4j.exceptions.AuthError):
            old.verify_connectivity()
        old.close()
    finally:
        stop_server(config)
    assert stop_server(config) is False


def test_local_credentials_refuse_a_short_password(tmp_path):
    config = _config(tmp_path)
    config.home.mkdir()
    config.password_file.write_text("short\n")
    with pytest.raises(LocalServerError, match="shorter than 8 characters"):
        local_credentials(config)
    config.password_file.write_text("")  # emptied: a new one is generated
    assert len(local_credentials(config)[1]) == 32


def test_local_server_start_refuses_taken_port(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        config = _config(tmp_path, bolt_port=busy.getsockname()[1])
        with pytest.raises(LocalServerError, match=r"already taken.*KG_NEO4J_BOLT_PORT"):
            start_server(config)


def test_local_server_start_says_java_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LocalServerError, match="`java` was not found"):
        start_server(_config(tmp_path, jars=tmp_path / "lib"))


def test_local_server_start_reports_a_failed_download(tmp_path, monkeypatch):
    # A Maven that cannot reach its repository: run the real mvn offline against an empty one.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real_mvn = __import__("shutil").which("mvn")
    wrapper = bin_dir / "mvn"
    wrapper.write_text(f'#!/bin/sh\nexec {real_mvn} -o -Dmaven.repo.local={tmp_path}/m2 "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    config = _config(tmp_path, jars=tmp_path / "lib")
    with pytest.raises(LocalServerError, match="downloading Neo4j's jars from Maven Central failed"):
        start_server(config)
    assert not (tmp_path / "lib").exists()


def test_kg_neo4j_status_shows_user_and_password(tmp_path):
    import json
    import subprocess
    import sys

    home = tmp_path / "home"
    config = LocalServerConfig(home=home / ".neo4j", bolt_port=free_port(), http_port=free_port())
    _, password = local_credentials(config)
    env = {**os.environ, "KG_HOME": str(home), "KG_NEO4J_BOLT_PORT": str(config.bolt_port),
           "KG_NEO4J_HTTP_PORT": str(config.http_port)}
    env.pop("NEO4J_URI", None)
    result = subprocess.run([sys.executable, "-m", "api.cli", "neo4j", "status"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr  # not running
    status = json.loads(result.stdout)
    assert status["running"] is False
    assert (status["user"], status["password_file"], status["password"]) == (
        "neo4j", str(config.password_file), password)
