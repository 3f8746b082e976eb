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
from bot.texts import LOCATION, Voice, english, text_key

#: Fewer check-ins than this and a chart says nothing: a text summary instead.
CHART_MIN_ENTRIES = 2
CHART_WEEKS = 26
_PLOT_LOCK = threading.Lock()  # pyplot's state is global; the OO API below avoids it, the lock is cheap insurance


ENTRY = text_key("checkin.entry", "week", "pain", "distance", "longest")
ENTRY_PAIN = text_key("checkin.entry_pain", "pain")
ENTRY_PAIN_WHERE = text_key("checkin.entry_pain_where", "pain", "places")
ENTRY_NO_PAIN = text_key("checkin.entry_no_pain")
ENTRY_DISTANCE = text_key("checkin.entry_distance", "value", "unit")
ENTRY_NO_DISTANCE = text_key("checkin.entry_no_distance")
EMPTY = text_key("progress.empty")
HEADER = text_key("progress.header", "count")
CHART_NEXT_TIME = text_key("progress.chart_next_time")
CHART_TITLE = text_key("progress.chart.title")
CHART_DISTANCE = text_key("progress.chart.distance", "unit")
CHART_DISTANCE_AXIS = text_key("progress.chart.distance_axis", "unit")
CHART_PAIN = text_key("progress.chart.pain")


def _fmt(km: Any, unit: str, voice: Voice) -> str:
    if not isinstance(km, (int, float)) or isinstance(km, bool):
        return voice.say(ENTRY_NO_DISTANCE)
    return voice.say(ENTRY_DISTANCE, value=f"{from_km(float(km), unit):.1f}", unit=unit)


def entry_line(entry: Mapping[str, Any], unit: str, voice: Voice | None = None) -> str:
    """'2026-W49: pain 3/10 (knee), 25.0 km in the week, longest run 12.0 km'."""
    voice = voice or english()
    pain = entry.get("pain")
    locations = entry.get("location") or []
    if not isinstance(pain, (int, float)):
        pain_text = voice.say(ENTRY_NO_PAIN)
    elif locations and pain:
        pain_text = voice.say(ENTRY_PAIN_WHERE, pain=f"{pain:g}", places=voice.names(LOCATION, locations))
    else:
        pain_text = voice.say(ENTRY_PAIN, pain=f"{pain:g}")
    return voice.say(ENTRY, week=entry.get("week", "?"), pain=pain_text,
                     distance=_fmt(entry.get("distance_km"), unit, voice),
                     longest=_fmt(entry.get("longest_km"), unit, voice))


def progress_text(entries: Sequence[Mapping[str, Any]], unit: str, voice: Voice | None = None) -> str:
    voice = voice or english()
    if not entries:
        return voice.say(EMPTY)
    lines = [voice.say(HEADER, count=len(entries))]
    lines += [f"- {entry_line(e, unit, voice)}" for e in entries[-CHART_WEEKS:]]
    if len(entries) < CHART_MIN_ENTRIES:
        lines.append(voice.say(CHART_NEXT_TIME))
    return "\n".join(lines)


def render_chart(entries: Sequence[Mapping[str, Any]], unit: str, voice: Voice | None = None) -> bytes:
    """A PNG (about 1000x700 px, large type: readable on a phone) of pain score (0-10, line)
    and weekly distance (bars) by ISO week, for the last 26 check-ins."""
    import matplotlib

    voice = voice or english()

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
        ax.bar(xs, distance, color="#9ecae1", label=voice.say(CHART_DISTANCE, unit=unit))
        ax.set_ylabel(voice.say(CHART_DISTANCE_AXIS, unit=unit), fontsize=16)
        ax.tick_params(labelsize=13)
        ax.set_xticks(xs, labels)
        pain_ax = ax.twinx()
        pain_ax.plot(xs, pain, color="#d62728", marker="o", linewidth=3, markersize=9, label=voice.say(CHART_PAIN))
        pain_ax.set_ylim(0, 10.5)
        pain_ax.set_ylabel(voice.say(CHART_PAIN), fontsize=16, color="#d62728")
        pain_ax.tick_params(labelsize=13)
        ax.set_title(voice.say(CHART_TITLE), fontsize=20)
        handles = ax.get_legend_handles_labels()[0] + pain_ax.get_legend_handles_labels()[0]
        ax.legend(handles, [str(h.get_label()) for h in handles], loc="upper left", fontsize=13)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()
