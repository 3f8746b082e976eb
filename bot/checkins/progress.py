"""/progress: a text summary of the check-ins, or a PNG chart a runner reads at a glance on a phone.

The chart (1080 x 1350 px, portrait like a phone screen, large type) has two panels sharing the
weeks, labelled with dates as runners say them ("23 Nov", the Monday of each week; the year
appears where it changes):

- top, **weekly distance**: a bar per week, the longest run as a dark tick on its bar, the
  rule-of-thumb band for a safe increase shaded behind (from the average of the previous four
  weeks up to 30% above it: the load-week rule's own numbers, `bot.checkins.rules.safe_band`),
  and the weeks whose distance or long run triggered a warning in orange with a "!" above;
- bottom, **pain** 0-10: a red line, weeks whose pain triggered advice ringed.

Weeks without a check-in are gaps, not zeros. `render_chart` is CPU work (~150 ms); an adapter
runs it in a worker thread. matplotlib is imported lazily with the Agg backend (headless).
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.checkins.consistency import answered
from bot.checkins.render import day_month, distance, week_of
from bot.checkins.rules import PROBLEMS, safe_band, week_monday
from bot.checkins.schedule import from_km
from bot.texts import LOCATION, Voice, english, text_key

#: Fewer check-ins than this and a chart says nothing: a text summary instead.
CHART_MIN_ENTRIES = 2
CHART_WEEKS = 26
WIDTH_PX, HEIGHT_PX, DPI = 1080, 1350, 150
_PLOT_LOCK = threading.Lock()  # pyplot's state is global; the OO API below avoids it, the lock is cheap insurance

BAR = "#9ecae1"
BAR_WARNED = "#fd8d3c"
LONGEST = "#08306b"
BAND = "#74c476"
PAIN = "#d62728"


ENTRY = text_key("checkin.entry", "week", "pain", "distance", "longest")
ENTRY_PAIN = text_key("checkin.entry_pain", "pain")
ENTRY_PAIN_WHERE = text_key("checkin.entry_pain_where", "pain", "places")
ENTRY_NO_PAIN = text_key("checkin.entry_no_pain")
ENTRY_FILES = text_key("checkin.entry_files", "week", "distance", "longest")
ENTRY_NO_RUNNING = text_key("checkin.entry_no_running", "week", "pain")
EMPTY = text_key("progress.empty")
EMPTY_SUBSCRIBED = text_key("progress.empty_subscribed")
HEADER = text_key("progress.header", "count")
MARKED = text_key("progress.marked", "line", "marks")
MARK_PAIN = text_key("progress.mark_pain")
MARK_LOAD = text_key("progress.mark_load")
CHART_NEXT_TIME = text_key("progress.chart_next_time")
CHART_DISTANCE_TITLE = text_key("progress.chart.distance_title", "unit")
CHART_PAIN_TITLE = text_key("progress.chart.pain_title")
CHART_WEEK = text_key("progress.chart.week")
CHART_LONGEST = text_key("progress.chart.longest")
CHART_BAND = text_key("progress.chart.band")
CHART_WARNING = text_key("progress.chart.warning")
CHART_ADVICE = text_key("progress.chart.advice")
CHART_BAND_NOTE = text_key("progress.chart.band_note")


def _warned(entry: Mapping[str, Any], problem: str) -> bool:
    return any(PROBLEMS.get(str(rule)) == problem for rule in entry.get("findings") or [])


def entry_line(entry: Mapping[str, Any], unit: str, voice: Voice | None = None) -> str:
    """'week of 23 Nov: pain 3/10 (knee), 32 km in the week, longest run 14 km'."""
    voice = replace(voice or english(), unit=unit)
    pain = entry.get("pain")
    locations = entry.get("location") or []
    if not answered(entry):  # a week known only from run files
        return voice.say(ENTRY_FILES, week=week_of(entry.get("week", "?"), voice),
                         distance=distance(entry.get("distance_km"), voice),
                         longest=distance(entry.get("longest_km"), voice))
    if not isinstance(pain, (int, float)):
        pain_text = voice.say(ENTRY_NO_PAIN)
    elif locations and pain:
        pain_text = voice.say(ENTRY_PAIN_WHERE, pain=f"{pain:g}", places=voice.names(LOCATION, locations))
    else:
        pain_text = voice.say(ENTRY_PAIN, pain=f"{pain:g}")
    if entry.get("distance_km") == 0:
        return voice.say(ENTRY_NO_RUNNING, week=week_of(entry.get("week", "?"), voice), pain=pain_text)
    return voice.say(ENTRY, week=week_of(entry.get("week", "?"), voice), pain=pain_text,
                     distance=distance(entry.get("distance_km"), voice), longest=distance(entry.get("longest_km"), voice))


def progress_text(entries: Sequence[Mapping[str, Any]], unit: str, voice: Voice | None = None, *,
                  subscribed: bool = False) -> str:
    voice = voice or english()
    if not entries:
        return voice.say(EMPTY_SUBSCRIBED if subscribed else EMPTY)
    lines = [voice.say(HEADER, count=len(entries))]
    for e in entries[-CHART_WEEKS:]:
        line = entry_line(e, unit, voice)
        marks = [voice.say(key) for problem, key in (("pain", MARK_PAIN), ("load", MARK_LOAD)) if _warned(e, problem)]
        lines.append("- " + (voice.say(MARKED, line=line, marks=", ".join(marks)) if marks else line))
    if len(entries) < CHART_MIN_ENTRIES:
        lines.append(voice.say(CHART_NEXT_TIME))
    return "\n".join(lines)


def _label(day: date, previous: date | None, voice: Voice) -> str:
    text = day_month(day, voice)
    return f"{text}\n{day.year}" if previous is None or previous.year != day.year else text


def chart_data(entries: Sequence[Mapping[str, Any]], unit: str, voice: Voice | None = None) -> dict[str, Any]:
    """What the chart shows, as numbers (tested without pixels): one slot per calendar week from
    the first to the last shown (gaps for weeks without a check-in), in the runner's unit."""
    dated = [(monday, e) for e in entries if (monday := week_monday(e.get("week"))) is not None]
    by_week: dict[date, Mapping[str, Any]] = {}
    for monday, e in dated:
        by_week[monday] = e  # a later entry for the same week wins
    if not by_week:
        return {"weeks": [], "labels": [], "distance": [], "longest": [], "pain": [], "band": [],
                "load_warned": [], "pain_warned": []}
    last = max(by_week)
    first = max(min(by_week), last - timedelta(weeks=CHART_WEEKS - 1))
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    ordered = [by_week[m] for m in sorted(by_week)]

    def num(value: Any) -> float:
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan

    data: dict[str, Any] = {"weeks": weeks, "labels": [], "distance": [], "longest": [], "pain": [],
                            "band": [], "load_warned": [], "pain_warned": []}
    previous: date | None = None
    for monday in weeks:
        data["labels"].append(_label(monday, previous, voice or english()))
        previous = monday
        entry = by_week.get(monday)
        if entry is None:
            for key in ("distance", "longest", "pain"):
                data[key].append(math.nan)
            data["band"].append(None)
            data["load_warned"].append(False)
            data["pain_warned"].append(False)
            continue
        data["distance"].append(from_km(num(entry.get("distance_km")), unit))
        data["longest"].append(from_km(num(entry.get("longest_km")), unit))
        data["pain"].append(num(entry.get("pain")))
        band = safe_band(entry, ordered[: ordered.index(entry)])
        data["band"].append(None if band is None else (from_km(band[0], unit), from_km(band[1], unit)))
        data["load_warned"].append(_warned(entry, "load"))
        data["pain_warned"].append(_warned(entry, "pain"))
    return data


def _tick_positions(n: int, most: int = 7) -> list[int]:
    """At most `most` labelled weeks, always the last one (this week)."""
    step = max(1, math.ceil(n / most))
    return sorted({*range(n - 1, -1, -step)})


def render_chart(entries: Sequence[Mapping[str, Any]], unit: str, voice: Voice | None = None) -> bytes:
    """A PNG (1080 x 1350 px, large type) of weekly distance, longest run, the safe-increase band,
    warnings, and pain, by week (the last 26 weeks)."""
    import matplotlib

    voice = voice or english()

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    data = chart_data(entries, unit, voice)
    n = len(data["weeks"])
    xs = list(range(n))
    with _PLOT_LOCK:
        fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        grid = fig.add_gridspec(2, 1, height_ratios=(3, 2), hspace=0.12)
        ax = fig.add_subplot(grid[0])
        pain_ax = fig.add_subplot(grid[1], sharex=ax)
        width = 0.7 if n > 1 else 0.4

        # the safe band: a continuous step area behind the bars, its upper limit dashed in front
        low = [b[0] if b else math.nan for b in data["band"]]
        high = [b[1] if b else math.nan for b in data["band"]]
        ax.fill_between(xs, low, high, step="mid", color=BAND, alpha=0.35, linewidth=0, zorder=1)
        ax.step(xs, high, where="mid", color="#238b45", linewidth=2, linestyle=(0, (4, 2)), zorder=3)
        colors = [BAR_WARNED if w else BAR for w in data["load_warned"]]
        heights = [0.0 if math.isnan(d) else d for d in data["distance"]]
        ax.bar(xs, heights, width=width, color=colors, zorder=2)
        runs = [(x, v) for x, v in zip(xs, data["longest"], strict=True) if v > 0]  # nan > 0 is False
        ax.hlines([v for _, v in runs], [x - width / 2 for x, _ in runs], [x + width / 2 for x, _ in runs],
                  color=LONGEST, linewidth=5, zorder=4)
        top = max([v for v in (*data["distance"], *data["longest"],
                               *(b[1] for b in data["band"] if b)) if not math.isnan(v)] or [1.0])
        for x, warned, d in zip(xs, data["load_warned"], heights, strict=True):
            if warned:
                ax.text(x, d + top * 0.03, "!", ha="center", va="bottom", fontsize=20, fontweight="bold",
                        color="#a63603", zorder=4)
        for x, d in zip(xs, data["distance"], strict=True):
            if d == 0:  # a week with no running is a 0, not a missing week
                ax.text(x, top * 0.01, "0", ha="center", va="bottom", fontsize=13, color="#555555", zorder=4)
        ax.set_ylim(0, top * 1.38)
        ax.set_ylabel(unit, fontsize=15)
        ax.set_title(voice.say(CHART_DISTANCE_TITLE, unit=unit), fontsize=19, loc="left", fontweight="bold")
        ax.grid(axis="y", color="#dddddd", zorder=0)
        ax.set_axisbelow(True)
        ax.tick_params(labelsize=14, labelbottom=False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        has_band = any(b is not None for b in data["band"])
        handles = [Patch(color=BAR, label=voice.say(CHART_WEEK)), Line2D([], [], color=LONGEST, linewidth=4, label=voice.say(CHART_LONGEST))]
        if has_band:
            handles.append(Patch(facecolor=BAND, alpha=0.5, edgecolor="#238b45", linestyle="--", label=voice.say(CHART_BAND)))
        if any(data["load_warned"]):
            handles.append(Patch(color=BAR_WARNED, label=voice.say(CHART_WARNING)))
        ax.legend(handles=handles, loc="upper left", fontsize=13, ncol=2, frameon=False,
                  handlelength=1.2, columnspacing=1.0)

        pain_ax.plot(xs, data["pain"], color=PAIN, marker="o", linewidth=3, markersize=8, zorder=3)
        warned_x = [x for x, w in zip(xs, data["pain_warned"], strict=True) if w]
        warned_y = [data["pain"][x] for x in warned_x]
        if warned_x:
            pain_ax.scatter(warned_x, warned_y, s=380, facecolors="none", edgecolors=PAIN, linewidths=2.5, zorder=4,
                            label=voice.say(CHART_ADVICE))
            pain_ax.legend(loc="upper left", fontsize=13, frameon=False)
        pain_ax.set_ylim(-0.3, 10.5)
        pain_ax.set_yticks([0, 2, 4, 6, 8, 10])
        pain_ax.set_title(voice.say(CHART_PAIN_TITLE), fontsize=19, loc="left", fontweight="bold", color=PAIN)
        pain_ax.grid(axis="y", color="#dddddd", zorder=0)
        pain_ax.tick_params(labelsize=14)
        for side in ("top", "right"):
            pain_ax.spines[side].set_visible(False)
        ticks = _tick_positions(n)
        pain_ax.set_xticks(ticks, [data["labels"][i] for i in ticks])
        pain_ax.set_xlim(-0.6, n - 0.4)
        if has_band:
            fig.text(0.02, 0.01, voice.say(CHART_BAND_NOTE),
                     fontsize=11, color="#555555")
        fig.subplots_adjust(left=0.12, right=0.93, top=0.95, bottom=0.12)
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()
