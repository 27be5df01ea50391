"""The bench report: a Markdown table, and the JSON beside it."""

from __future__ import annotations

import json
from pathlib import Path


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.2f}" if abs(x) < 10 else f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.1f}"


def format_report(report: dict) -> str:
    """The machine, then one table row per measure: value, baseline, ratio, target."""
    m = report["machine"]
    lines = [
        f"Machine: {m['cores']} cores ({m['cores_usable']} usable), {m['cpu']}, {m['ram_gb']} GB RAM, "
        f"Python {m['python']}; load average at start {m['load_average']}, at end "
        f"{m.get('load_average_end')}. Run took {report['seconds']} s.",
        "",
        "| group | size | measure | value | unit | baseline | ratio | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in report["rows"]:
        baseline = f"{_num(r['baseline'])} ({r['baseline_name']})" if r["baseline"] is not None else ""
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        size = f"{r['size']:,}" if r["size"] else ""
        lines.append(f"| {r['group']} | {size} | {r['measure']} | {_num(r['value'])} | {r['unit']} | "
                     f"{baseline} | {ratio} | {r['target'] or ''} |")
    return "\n".join(lines)


def write_report(report: dict, path: Path) -> None:
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
