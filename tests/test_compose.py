"""docker-compose.yml parses and wires Neo4j and the API the way the README says."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from api.settings import env_name
from tests.conftest import ROOT


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_config_accepted_by_docker_compose_when_present():
    docker = shutil.which("docker")
    probe = docker and subprocess.run([docker, "compose", "version"], capture_output=True)
    if not probe or probe.returncode != 0:
        pytest.skip("no `docker compose` client here; the YAML-level checks below carry the weight")
    result = subprocess.run([docker, "compose", "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_compose_neo4j_service_is_526_community_with_healthcheck():
    neo4j = _compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "NEO4J_AUTH" in neo4j["environment"]
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"} <= set(neo4j["ports"])


def test_compose_api_waits_for_healthy_neo4j_and_uses_settings_names():
    api = _compose()["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    for field in ("neo4j_uri", "neo4j_user", "neo4j_password"):
        assert env_name(field) in api["environment"]
    assert "127.0.0.1:8000:8000" in api["ports"]
    assert (ROOT / api["build"] / "Dockerfile").exists()


def test_compose_dockerfile_runs_kg_up_with_locked_dependencies():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes -r requirements.lock" in dockerfile
    assert '"kg", "up"' in dockerfile
