"""/progress: a text summary of the check-ins, or a PNG chart of pain and weekly distance.

`render_chart` is CPU work (~100 ms); an adapter runs it in a worker thread. matplotlib is
imported lazily with the Agg backend (headless: no display, no GUI toolkit).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from bot.checkins.schedule import from_km

#: Fewer check-ins than this and a chart says nothing: a text summary instead.
CHART_MIN_ENTRIES = 2
CHART_WEEKS = 26
_PLOT_LOCK = threading.Lock()  # pyplot's state is global; the OO API below avoids it, the lock is cheap insurance


def _fmt(km: Any, unit: str) -> str:
    if not isinstance(km, (int, float)) or isinstance(km, bool):
        return "–"
    return f"{from_km(float(km), unit):.1f} {unit}"


def _where(entry: Mapping[str, Any]) -> str:
    locations = entry.get("location") or []
    return ", ".join(str(x).replace("_", " ") for x in locations) if locations else ""


def entry_line(entry: Mapping[str, Any], unit: str) -> str:
    pain = entry.get("pain")
    where = _where(entry)
    pain_text = f"pain {pain:g}/10" if isinstance(pain, (int, float)) else "pain not given"
    if where and pain:
        pain_text += f" ({where})"
    return (f"{entry.get('week', '?')}: {pain_text}, {_fmt(entry.get('distance_km'), unit)} in the week, "
            f"longest run {_fmt(entry.get('longest_km'), unit)}")


def progress_text(entries: Sequence[Mapping[str, Any]], unit: str) -> str:
    if not entries:
        return ("No check-ins yet. Turn on the weekly check-in with /checkin: each week I ask about "
                "pain and distance, and /progress draws them once there are two.")
    lines = [f"Your check-ins ({len(entries)}):"]
    lines += [f"- {entry_line(e, unit)}" for e in entries[-CHART_WEEKS:]]
    if len(entries) < CHART_MIN_ENTRIES:
        lines.append("After your next check-in, /progress draws a chart of pain and distance by week.")
    return "\n".join(lines)


def render_chart(entries: Sequence[Mapping[str, Any]], unit: str) -> bytes:
    """A PNG (about 1000x700 px, large type: readable on a phone) of pain score (0-10, line)
    and weekly distance (bars) by ISO week, for the last 26 check-ins."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    shown = list(entries[-CHART_WEEKS:])
    labels = [str(e.get("week", "?")).replace("-W", "\nW") for e in shown]
    xs = list(range(len(shown)))
    distance = [from_km(float(e["distance_km"]), unit) if isinstance(e.get("distance_km"), (int, float)) else 0.0
                for e in shown]
    pain = [float(e["pain"]) if isinstance(e.get("pain"), (int, float)) else float("nan") for e in shown]
    with _PLOT_LOCK:
        fig = Figure(figsize=(10, 7), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        ax.bar(xs, distance, color="#9ecae1", label=f"distance ({unit})")
        ax.set_ylabel(f"weekly distance ({unit})", fontsize=16)
        ax.tick_params(labelsize=13)
        ax.set_xticks(xs, labels)
        pain_ax = ax.twinx()
        pain_ax.plot(xs, pain, color="#d62728", marker="o", linewidth=3, markersize=9, label="pain (0-10)")
        pain_ax.set_ylim(0, 10.5)
        pain_ax.set_ylabel("pain (0-10)", fontsize=16, color="#d62728")
        pain_ax.tick_params(labelsize=13)
        ax.set_title("Pain and weekly distance", fontsize=20)
        handles = ax.get_legend_handles_labels()[0] + pain_ax.get_legend_handles_labels()[0]
        ax.legend(handles, [str(h.get_label()) for h in handles], loc="upper left", fontsize=13)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()
