"""What every benchmark of the suite shares: rows of results, percentiles, the machine, RSS.

A benchmark script measures, builds a list of :class:`Row` and hands it to :func:`emit`, which
prints a table, or one JSON object per line with ``--json`` (that is how ``scripts/bench``
collects every script's rows into one table).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Row:
    """One figure. ``ok`` is None where the issue sets no target."""

    section: str
    metric: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


def pct(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank), p in 0..100."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * (len(ordered) - 1)))))]


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def rss_mb(pid: int | None = None) -> float:
    """Resident set size of a process (default: this one) in MiB, from /proc."""
    status = Path(f"/proc/{pid or 'self'}/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc status")


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": str(os.cpu_count()),
        "usable_cpus": str(len(os.sched_getaffinity(0))),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def parser(doc: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="smaller sizes and fewer rounds (a smoke run)")
    p.add_argument("--json", action="store_true", help="one JSON object per row on stdout")
    return p


def emit(rows: list[Row], as_json: bool) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(asdict(row)), flush=True)
        return
    print(format_table(rows))


def verdict(row: Row) -> str:
    return "" if row.ok is None else ("ok" if row.ok else "MISSED")


def format_value(row: Row) -> str:
    v = row.value
    if v != v:  # nan
        return "n/a"
    if abs(v) >= 1000:
        text = f"{v:,.0f}"
    elif abs(v) >= 100:
        text = f"{v:.0f}"
    elif abs(v) >= 10:
        text = f"{v:.1f}"
    else:
        text = f"{v:.2f}"
    return f"{text} {row.unit}".rstrip()


def format_table(rows: list[Row], markdown: bool = False) -> str:
    header = ("#", "measure", "value", "target", "", "note")
    cells = [(r.section, r.metric, format_value(r), r.target, verdict(r), r.note) for r in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(c) + " |" for c in cells]
        return "\n".join(lines)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *cells)]
    fmt = "  ".join(f"{{:{'>' if i == 2 else '<'}{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*header), "  ".join("-" * w for w in widths)]
    out += [fmt.format(*c).rstrip() for c in cells]
    return "\n".join(out)


def log(message: str) -> None:
    """Progress, on stderr so that --json output stays clean."""
    print(message, file=sys.stderr, flush=True)
