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


def _cypher_strings(path: Path) -> list[str]:
    """String constants that look like Cypher, except documentation examples (examples=[...])."""
    tree = ast.parse(path.read_text())
    documented = {
        id(const)
        for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg == "examples"
        for const in ast.walk(node.value) if isinstance(const, ast.Constant)
    }
    return [
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documented
        and any(word in node.value for word in ("MATCH (", "MERGE (", "CREATE ("))
    ]


def test_architecture_cypher_only_in_graph_queries():
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("schema", "loaders", "api")
        for path in (ROOT / package).rglob("*.py")
        if _cypher_strings(path)
    ]
    assert offenders == []
    # graph/ keeps its Cypher in queries.py (cypher.py runs researchers' queries, it has none).
    graph_files = {str(p.relative_to(ROOT)) for p in (ROOT / "graph").rglob("*.py") if _cypher_strings(p)}
    assert graph_files <= {"graph/queries.py"}
