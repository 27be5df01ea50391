"""RELIABILITY.md is produced by the test suite: hostile and fault tests record what they tried
and what happened here, and the session writes the report once every section has rows.

A test calls `record(section, **columns)` after it has asserted the outcome, so a row in the
report is something a test checked in this run, never a claim typed by hand.
"""

from __future__ import annotations

import datetime as dt
import platform
from collections import defaultdict
from pathlib import Path

# Section key -> (title, what the section is). Order is the report's order.
SECTIONS: dict[str, tuple[str, str]] = {
    "cypher": ("Hostile Cypher", "queries sent to `POST /cypher` without a key, and the answer"),
    "bad_input": ("Bad input", "articles the CLI (`kg load`) and the API (`POST /articles`) "
                               "refused, with graph counts before and after"),
    "faults": ("Faults injected", "processes killed, servers restarted, loaders run at once"),
    "fuzz": ("Schema fuzzing", "schemathesis against the OpenAPI schema, bounded in time"),
}

# Columns shown as code (queries, commands).
CODE_COLUMNS = {"query", "command"}

_rows: dict[str, list[dict]] = defaultdict(list)


def record(section: str, **columns: object) -> None:
    """Add one checked row to a section of the report."""
    if section not in SECTIONS:
        raise KeyError(f"unknown reliability section {section!r}; known: {sorted(SECTIONS)}")
    _rows[section].append(columns)


def complete() -> bool:
    """True when every section has rows: only a full run rewrites the report."""
    return all(_rows.get(key) for key in SECTIONS)


def render() -> str:
    """The report as Markdown."""
    lines = [
        "# Reliability",
        "",
        "Written by the test suite (`./scripts/test.sh`); every row below is an outcome a test "
        "asserted in that run. Do not edit by hand: run the suite.",
        "",
        f"Run: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'} "
        f"({platform.system()} {platform.machine()}, Python {platform.python_version()}).",
        "",
    ]
    for key, (title, what) in SECTIONS.items():
        rows = _rows.get(key, [])
        lines += [f"## {title}", "", f"{len(rows)} rows: {what}.", ""]
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for row in rows:
            lines.append("| " + " | ".join(_cell(row.get(c, ""), code=c in CODE_COLUMNS)
                                           for c in columns) + " |")
        lines.append("")
    return "\n".join(lines)


def write_report(path: Path) -> bool:
    """Write the report to `path` if the run was complete; returns whether it wrote."""
    if not complete():
        return False
    path.write_text(render(), encoding="utf-8")
    return True


def _cell(value: object, code: bool) -> str:
    text = str(value).replace("\n", " ").replace("|", "\\|")
    return f"`{text}`" if code and text and "`" not in text else text
