"""Every check-in text the pure modules produce, in one place (phase B moves them into YAML).

Templates are `str.format` strings over the data the modules return (distances in km there,
converted to the runner's unit here). Render functions:

- `render_confirm(confirm, unit)` -> `Question(text, buttons)`: a confirming question and its
  buttons as (label, option key) pairs;
- `render_same_week(same, unit)`: "replace or keep?";
- `load_warning_text(findings, unit)`, `pain_escalation_text(findings)`: the rules' warnings,
  with their numbers and their step on the escalation ladder;
- `changes_text(previous, latest, unit)`: what changed since the last check-in;
- `day_month(day)`, `week_of(key)`: dates as runners say them ("23 Nov", "week of 23 Nov").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.checkins.answers import Confirm

KM_PER_MILE = 1.609344
UNIT_WORDS = {"km": "km", "mi": "mi"}
ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}

# -- confirming questions ----------------------------------------------------------------------
#: reason -> (question, {option key: button label}). {value} in a label is that option's value.
CONFIRM: dict[str, tuple[str, dict[str, str]]] = {
    "range": ("You wrote {written}. Which should I note for {what}?",
              {"first": "{value}", "second": "{value}", "other": "Something else"}),
    "two-options": ("You wrote {written}. Which should I note for {what}?",
                    {"first": "{value}", "second": "{value}", "other": "Something else"}),
    "duration": ("I keep track of distance rather than time. Roughly how far was that, in {unit_words}? "
                 "A guess is fine.", {"other": "I'll type it"}),
    "run-count": ("How far was that in total, in {unit_words}? A guess is fine.", {"other": "I'll type it"}),
    "implausible": ("Just checking: {value} for {what}, is that right?", {"yes": "Yes, {value}", "no": "No, let me fix it"}),
    "sum-mismatch": ("Your runs add up to {sum}, but you wrote {stated}. Which should I note?",
                     {"first": "{value}", "second": "{value}", "other": "Something else"}),
    "runs-missing": ("You said {runs_said} runs and listed {runs_listed}: {sum} in all. Is that the whole week?",
                     {"yes": "Yes, {value}", "no": "No, let me fix it"}),
    "unit-unclear": ("Was that {first} or {second} in all? (I couldn't tell the unit of every number.)",
                     {"first": "{value}", "second": "{value}", "other": "Something else"}),
    "each-unknown": ("{per_run} each: how many runs was that?", {"other": "I'll type the total"}),
    "every-day": ("{per_run} every day, so {value} this week: is that right?", {"yes": "Yes, {value}", "no": "No, let me fix it"}),
    "comma-ambiguous": ("Did you mean {first} or {second}?", {"first": "{value}", "second": "{value}", "other": "Something else"}),
    "race-unknown": ("How far was that race, in {unit_words}?", {"other": "I'll type it"}),
    "pain-out-of-scale": ("The scale goes from 0 to 10, 10 being the worst pain you can imagine. "
                          "Was it a 10, or another number?", {"first": "10", "other": "Another number"}),
    "pain-two-options": ("You wrote {written}. Which fits this week best?",
                         {"first": "{value}", "second": "{value}", "other": "Another number"}),
    "pain-word": ("Would you call \"{word}\" about a {value} out of 10?", {"yes": "Yes, {value}", "no": "Another number"}),
    "pain-change-only": ("What number would you give it this week, from 0 to 10?{previous_words}",
                         {"other": "I'll type it"}),
    "longest-over-total": ("Your longest run ({longest}) is more than your total for the week ({total}). "
                           "Which is right?",
                           {"only-run": "It was my only run: {longest}", "total-wrong": "The total was more",
                            "longest-wrong": "The longest was shorter"}),
    "recurring-without-running": ("You said the pain came back when you ran, and that you didn't run this week. "
                                  "Which is right?",
                                  {"yes": "No running: it came back anyway", "ran": "I did run",
                                   "faded": "It faded, actually"}),
}
METRES_OR_MILES = ("Did you mean {written_value} miles or {written_value} metres?",
                   {"first": "{written_value} miles", "second": "{written_value} metres", "other": "Something else"})
WHAT = {"checkin_distance": "this week's distance", "checkin_longest": "your longest run",
        "checkin_pain": "this week's pain"}

SAME_WEEK = ("You already checked in for the {week}: {summary}. Replace those answers with new ones, or keep them?",
             {"replace": "Replace them", "keep": "Keep them"})

# -- the rules' warnings ---------------------------------------------------------------------------
LOAD_WEEK = ("{this} this week vs about {average} a week over the previous {weeks}: "
             "more than 30% above your average ({pct}% more). In " "Nielsen et al., JOSPT 2014, runners who raised "
             "their weekly distance by more than 30% had more distance-related injuries (a trend, not a firm result).")
LOAD_LONG_RUN = ("Your longest run this week, {longest}, was {pct}% longer than your longest in the previous 30 days "
                 "({previous}). In a 2025 cohort study of 5,205 runners, a single run 10–30% longer than the longest "
                 "of the month before raised injury risk about 1.6 times, and more than double about 2.3 times.")
LOAD_STEPS = {
    1: "Treat these numbers as a rule of thumb, not a law: raise distance gradually (up to about {band} next week), "
       "and ease off if something starts to hurt.",
    2: "That's the second check-in in a row above the rule-of-thumb band. Make next week an easier one: "
       "about {easy} or less, with no run longer than {long_easy}.",
    3: "That's the {nth} check-in in a row above the band. Please talk to a coach or a physical therapist "
       "this week about a plan you can build on safely.",
}
PAIN_STEPS = {
    2: "This is the second check-in in a row with this pain. Please book that appointment now, and run less "
       "(or not at all) until you've been seen.",
    3: "This is the {nth} check-in in a row with the same pain problem. Please see a physical therapist or a "
       "doctor this week.",
}
NOTHING = "Nothing in this week's answers worries me. /progress shows how your weeks compare."

CHANGES = {
    "pain": "pain {now}/10, {how} {then}/10 last time",
    "pain-same": "pain {now}/10, the same as last time",
    "distance": "{now} this week, {how} {then} last time",
    "distance-same": "{now} this week, the same as last time",
}


@dataclass(frozen=True)
class Question:
    text: str
    buttons: tuple[tuple[str, str], ...]  # (label, option key)
    asks: str


def distance(km: float | None, unit: str, approx: bool = False) -> str:
    """12.5 km / 7.8 mi; whole numbers from 10 up when `approx` ("about 13 mi")."""
    if km is None:
        return "–"
    value = km / KM_PER_MILE if unit == "mi" else km
    if 0 < value < 0.95:
        text = f"{value:.2f}".rstrip("0")
    else:
        text = f"{value:.0f}" if approx and value >= 10 else f"{value:.1f}".removesuffix(".0")
    return f"{text} {UNIT_WORDS.get(unit, unit)}"


def pain(value: float) -> str:
    return f"{value:g}"


def day_month(day: date) -> str:
    return f"{day.day} {day:%b}"


def week_of(key: Any) -> str:
    """'2026-W48' -> 'week of 23 Nov' (its Monday); the key itself if it is not a week key."""
    from bot.checkins.rules import week_monday

    monday = week_monday(key)
    return f"week of {day_month(monday)}" if monday else str(key)


def _value_label(confirm: Confirm, value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return pain(value) if confirm.slot == "checkin_pain" else distance(value, unit)


def render_confirm(confirm: Confirm, unit: str) -> Question:
    question, labels = CONFIRM[confirm.reason]
    facts = dict(confirm.facts)
    if confirm.reason == "unit-unclear" and "as_metres_km" in facts:  # "8m"
        question, labels = METRES_OR_MILES
    values = [o.value for o in confirm.options if o.value is not None]
    fmt = {
        "written_value": f"{facts.get('value', 0):g}", "what": WHAT.get(confirm.slot, confirm.slot), "unit_words": "miles" if unit == "mi" else "kilometres",
        "written": facts.get("written", ""), "word": facts.get("word", ""),
        "value": _value_label(confirm, values[0] if values else None, unit),
        "first": _value_label(confirm, values[0], unit) if values else "",
        "second": _value_label(confirm, values[1], unit) if len(values) > 1 else "",
        "sum": distance(facts.get("sum_km"), unit), "stated": distance(facts.get("stated_km"), unit),
        "per_run": distance(facts.get("per_run_km"), unit),
        "runs_said": f"{facts.get('runs_said', 0):g}", "runs_listed": facts.get("runs_listed", ""),
        "longest": distance(facts.get("longest_km"), unit), "total": distance(facts.get("total_km"), unit),
        "previous_words": (f" Last time it was {pain(facts['previous'])}." if facts.get("previous") is not None else ""),
    }
    buttons = tuple((labels[o.key].format(**{**fmt, "value": _value_label(confirm, o.value, unit)}), o.key)
                    for o in confirm.options if o.key in labels)
    return Question(question.format(**fmt), buttons, confirm.asks)


def entry_summary(entry: Mapping[str, Any], unit: str) -> str:
    p = entry.get("pain")
    parts = [f"pain {pain(p)}/10" if isinstance(p, (int, float)) else "pain not given",
             f"{distance(entry.get('distance_km'), unit)} in the week"]
    return ", ".join(parts)


def render_same_week(week: str, existing: Mapping[str, Any], unit: str) -> Question:
    text, labels = SAME_WEEK
    return Question(text.format(week=week_of(week), summary=entry_summary(existing, unit)),
                    tuple((label, key) for key, label in labels.items()), "checkin_replace_confirm")


def _nth(n: int) -> str:
    return ORDINALS.get(n, f"{n}th")


def load_warning_text(findings: Sequence[Any], unit: str = "km") -> str | None:
    """The load warnings with their numbers, then the step's advice (the highest step found)."""
    if not findings:
        return None
    parts = []
    step, streak, band = 1, 1, None
    easy = long_easy = None
    for f in findings:
        n = f.numbers
        step, streak = max(step, f.step), max(streak, f.streak)
        if f.rule == "load-week":
            weeks = int(n.get("weeks") or 0)
            parts.append(LOAD_WEEK.format(
                this=distance(n.get("this_km"), unit), average=distance(n.get("average_km"), unit, approx=True),
                weeks="four weeks" if weeks == 4 else f"{weeks} weeks you checked in",
                pct=f"{n.get('increase_pct') or 0:.0f}"))
            band = distance(n.get("band_high_km"), unit, approx=True)
            easy = distance(n.get("average_km"), unit, approx=True)
        elif f.rule == "load-long-run":
            parts.append(LOAD_LONG_RUN.format(
                longest=distance(n.get("longest_km"), unit), previous=distance(n.get("previous_longest_km"), unit),
                pct=f"{n.get('increase_pct') or 0:.0f}"))
            band = band or distance(n.get("band_high_km"), unit, approx=True)
            long_easy = distance(n.get("previous_longest_km"), unit)
    parts.append(LOAD_STEPS[min(step, 3)].format(band=band or "30% more", easy=easy or "last month's usual",
                                                 long_easy=long_easy or "your usual long run", nth=_nth(streak)))
    return "\n\n".join(parts)


def pain_escalation_text(findings: Sequence[Any]) -> str | None:
    """Steps 2 and 3 of the pain ladder (step 1 is the see_pt advice itself)."""
    if not findings:
        return None
    step = max(f.step for f in findings)
    streak = max(f.streak for f in findings)
    return PAIN_STEPS[step].format(nth=_nth(streak)) if step >= 2 else None


def changes_text(previous: Mapping[str, Any] | None, latest: Mapping[str, Any], unit: str) -> str | None:
    """'pain 4/10, up from 2/10 last time; 20 km this week, up from 15 km last time'."""
    if not previous:
        return None
    out = []
    now, then = latest.get("pain"), previous.get("pain")
    if isinstance(now, (int, float)) and isinstance(then, (int, float)):
        out.append(CHANGES["pain-same"].format(now=pain(now)) if now == then else CHANGES["pain"].format(
            now=pain(now), then=pain(then), how="up from" if now > then else "down from"))
    now, then = latest.get("distance_km"), previous.get("distance_km")
    if isinstance(now, (int, float)) and isinstance(then, (int, float)):
        if distance(now, unit) == distance(then, unit):
            out.append(CHANGES["distance-same"].format(now=distance(now, unit)))
        else:
            out.append(CHANGES["distance"].format(now=distance(now, unit), then=distance(then, unit),
                                                  how="up from" if now > then else "down from"))
    return "; ".join(out) if out else None


# -- run files -----------------------------------------------------------------------------------
RUN_ADDED = {
    "created": "Read your {source} file: {km} on {day}. Added to the {week}: {after} so far that week.",
    "added": "Read your {source} file: {km} on {day}. The {week} now has {after} (was {before}).",
    "kept": "Read your {source} file: {km} on {day}. You told me {before} for the {week}, which already "
            "covers it, so I kept {before}.",
}


def render_run_added(result: Any, unit: str, tz: str) -> str:
    """What a run file added (a bot.checkins.runfiles.RunAdded), in the runner's unit."""
    from zoneinfo import ZoneInfo

    run = result.run
    key = "created" if result.created else ("kept" if result.kept_answer else "added")
    return RUN_ADDED[key].format(
        source=run.source.upper(), km=distance(run.distance_km, unit),
        day=day_month(run.start.astimezone(ZoneInfo(tz)).date()), week=week_of(result.week),
        after=distance(result.after_km, unit), before=distance(result.before_km, unit))
