"""Imports point one way (api -> graph, loaders -> schema), and only api reads the environment."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "schema": {"schema"},
    "loaders": {"schema", "loaders"},
    "graph": {"schema", "graph"},
    "api": {"schema", "loaders", "graph", "api"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_architecture_imports_point_one_way():
    wrong = []
    for package, allowed in ALLOWED.items():
        for path in (ROOT / package).rglob("*.py"):
            ours = _imports(path) & set(ALLOWED)
            wrong += [f"{path.relative_to(ROOT)} imports {name}" for name in sorted(ours - allowed)]
    assert wrong == []


def test_architecture_only_api_reads_environment():
    readers = [
        str(path.relative_to(ROOT))
        for package in ("schema", "loaders", "graph")
        for path in (ROOT / package).rglob("*.py")
        if "os.environ" in path.read_text() or "getenv" in path.read_text()
    ]
    assert readers == []


def test_architecture_cypher_only_in_graph_queries():
    offenders = []
    for package in ("schema", "loaders", "api"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text()
            if "MATCH (" in text or "MERGE (" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
