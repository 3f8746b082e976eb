"""The check-in's words: the pure modules' values rendered through a runner's `Voice`.

Every text is in dialogues/texts/en.yml (under `checkin.`, `date.`); this module only picks the
key and fills it. Distances arrive in km and are said in the runner's unit (`voice.unit`), dates
as runners say them ("23 Nov", "week of 23 Nov"), never as ISO week codes.

- `confirm_question(confirm, voice)` -> `Question`: a confirming question (bot.checkins.answers),
  its buttons (payload `/inform{"checkin_choice": <option key>}`) and what it asks;
- `fix_prompt(slot, voice)`: the answer asked for once more, after "no, let me fix it";
- `same_week_question(week, existing, voice)`: "replace or keep?";
- `noted(entry, previous, voice)`: what was recorded and what changed since last time;
- `pain_advice(findings, voice)`, `load_warning(findings, voice)`: the rules' findings with their
  numbers, firmer on each step of the escalation ladder (bot.checkins.rules);
- `typed_choice(confirm, text, voice)`: a confirming question's option typed as its button says;
- `run_added(added, voice, tz)`, `run_file_error(error, voice)`: what a run file did.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.checkins.answers import REASONS, Confirm, Option
from bot.checkins.rules import Finding, week_monday
from bot.checkins.schedule import from_km
from bot.texts import LOCATION, Voice, english, text_family, text_key

# -- declared keys (bot.validation checks each exists and its placeholders can be filled) -------

DAY_MONTH = text_key("date.day_month", "day", "month")
WEEK_OF = text_key("checkin.week_of", "date")
DISTANCE = text_key("checkin.entry_distance", "value", "unit")
NO_DISTANCE = text_key("checkin.entry_no_distance")

#: The slots a confirming question can be about, and what it calls them.
SLOTS = ("checkin_pain", "checkin_distance", "checkin_longest", "checkin_pattern")
WHAT = text_family("checkin.what", SLOTS)
FIX = text_family("checkin.fix", SLOTS)
#: Every value a confirming question or its buttons may name.
CONFIRM_VALUES = ("written_value", "what", "written", "word", "value", "first", "second", "sum", "stated",
                  "per_run", "runs_said", "runs_listed", "longest", "total", "previous")
#: reason -> the option keys it has labels for (the others are typed, not pressed).
CONFIRM_LABELS: dict[str, tuple[str, ...]] = {
    "range": ("first", "second", "other"), "two-options": ("first", "second", "other"),
    "duration": (), "run-count": (), "implausible": ("yes", "no"), "read-check": ("yes", "no"),
    "sum-mismatch": ("first", "second", "other"), "runs-missing": ("yes", "no"),
    "unit-unclear": ("first", "second", "other"), "metres-or-miles": ("first", "second", "other"),
    "each-unknown": (), "every-day": ("yes", "no"), "comma-ambiguous": ("first", "second", "other"),
    "race-unknown": (), "pain-out-of-scale": ("first", "other"),
    "pain-two-options": ("first", "second", "other"), "pain-word": ("yes", "no"),
    "pain-change-only": (), "pain-change-only-previous": (),
    "longest-over-total": ("only-run", "total-wrong", "longest-wrong"),
    "recurring-without-running": ("yes", "ran", "faded"),
}
CONFIRM = "checkin.confirm"
for _reason, _keys in CONFIRM_LABELS.items():
    for _part in ("question", *_keys):
        text_key(f"{CONFIRM}.{_reason}.{_part}", *CONFIRM_VALUES)
SKIP_BUTTON = text_key("checkin.skip_button")

SAME_WEEK = text_key("checkin.same_week", "week", "summary")
SAME_WEEK_SUMMARY = text_key("checkin.same_week_summary", "pain", "distance")
REPLACE_BUTTON = text_key("checkin.replace_button")
KEEP_BUTTON = text_key("checkin.keep_button")
KEPT = text_key("checkin.kept", "week")

NOTED = text_key("checkin.noted", "week")
NOTED_PAIN = text_key("checkin.noted_pain", "pain")
NOTED_PAIN_WHERE = text_key("checkin.noted_pain_where", "pain", "places")
NOTED_NO_PAIN = text_key("checkin.noted_no_pain")
NOTED_DISTANCE = text_key("checkin.noted_distance", "distance")
NOTED_NO_RUNNING = text_key("checkin.noted_no_running")
NOTED_LONGEST = text_key("checkin.noted_longest", "longest")
CHANGE_UP = text_key("checkin.change_up", "now", "then")
CHANGE_DOWN = text_key("checkin.change_down", "now", "then")
CHANGE_SAME = text_key("checkin.change_same", "now", "then")
PAIN_SCORE = text_key("checkin.pain_score", "pain")
ALL_CLEAR = text_key("checkin.all_clear")

REASON = "checkin.reason"
for _name in ("recurring", "persistent", "unknown"):
    text_key(f"{REASON}.{_name}", "place", "pain")
    text_key(f"{REASON}.{_name}_nowhere", "pain")
for _name in ("recurring", "persistent"):
    text_key(f"{REASON}.{_name}_no_score", "place")
    text_key(f"{REASON}.{_name}_no_score_nowhere")
REASON_RISING = text_key(f"{REASON}.rising", "before", "pain")
REASON_RISING_TWICE = text_key(f"{REASON}.rising_twice", "first", "before", "pain")
REASON_AND = text_key(f"{REASON}.and")
#: The headlines of a pain finding by the level bot.triage.decide gave it (self_care: no finding);
#: a level more urgent than these gets the urgent one.
PAIN_LEVELS = ("see_pt", "urgent")
PAIN_HEADLINE = text_family("checkin.pain.headline", PAIN_LEVELS, "reasons")
PAIN_NOTE = text_key("checkin.pain.note", "reasons")
PAIN_SECOND = text_key("checkin.pain.second", "reasons")
PAIN_AGAIN = text_key("checkin.pain.again", "reasons", "nth")
PAIN_CRISIS_LINE = text_key("checkin.pain.crisis_line")
#: Pain at a check-in where the conversation's advice to see a doctor still stands (tester round
#: 41: an ankle sent to a doctor for a possible break was told "book a physical therapist" a week on).
PAIN_OPEN_URGENT = text_key("checkin.pain.open_urgent", "place", "reason")
PAIN_OPEN_URGENT_NOWHERE = text_key("checkin.pain.open_urgent_nowhere")
DOCTOR_BUTTON = text_key("checkin.pain.doctor_button")
PT_BUTTON = text_key("checkin.pain.pt_button")

LOAD_WEEK = text_key("checkin.load.week", "this", "average", "percent")
LOAD_WEEK_SOME = text_key("checkin.load.week_some", "this", "average", "percent")
LOAD_LONG_RUN = text_key("checkin.load.long_run", "longest", "previous", "percent")
LOAD_WEEK_SAID = text_key("checkin.load.week_said", "this", "average", "percent")
LOAD_LONG_RUN_FIRST = text_key("checkin.load.long_run_first", "longest")
LOAD_STEP1_FIRST = text_key("checkin.load.step1_first")
LOAD_WEEK_EVIDENCE = text_key("checkin.load.week_evidence")
LOAD_LONG_RUN_EVIDENCE = text_key("checkin.load.long_run_evidence")
LOAD_STEP1 = text_key("checkin.load.step1", "band")
LOAD_STEP1_LONG_RUN = text_key("checkin.load.step1_long_run", "long_easy")
LOAD_STEP2 = text_key("checkin.load.step2", "easy", "long_easy")
LOAD_STEP2_WEEK = text_key("checkin.load.step2_week", "easy")
LOAD_STEP2_LONG_RUN = text_key("checkin.load.step2_long_run", "long_easy")
LOAD_STEP3 = text_key("checkin.load.step3", "nth")
WHY_BUTTON = text_key("checkin.load.why_button")
ORDINAL = text_family("checkin.ordinal", ("2", "3", "4", "5", "6"))
ORDINAL_OTHER = text_key("checkin.ordinal_other", "n")

RUN = text_family("checkin.run", ("created", "added", "kept"), "source", "distance", "day", "week", "after",
                  "before")
RUN_MORE = text_key("checkin.run.more", "count")
RUN_ERROR = text_family("checkin.run_error", (
    "too-large", "too-large-unpacked", "empty", "unsupported-xml", "unsupported-ext", "unsupported-kind", "corrupt",
    "unsafe", "no-runs", "no-date", "no-distance", "implausible", "not-a-run", "in-future", "too-old", "duplicate"),
    "limit", "tag", "ext", "kind", "detail", "distance", "sport", "day")
NO_RUNS_DETAIL = text_family("checkin.run_no_runs", ("route", "no-track", "no-activity", "not-activity",
                                                     "no-records"))

#: What a confirming question's buttons carry: the chosen option's key.
CHOICE = "checkin_choice"


@dataclass(frozen=True)
class Question:
    """A question to send: its text, its buttons (rasa-sdk button dicts) and the slot it asks."""

    text: str
    buttons: tuple[dict[str, str], ...]
    asks: str


def payload(values: Mapping[str, Any]) -> str:
    return "/inform" + json.dumps(dict(values), separators=(",", ":"))


# -- numbers and dates ----------------------------------------------------------------------------

def number(value: float) -> str:
    return f"{value:g}"


def distance(km: Any, voice: Voice, approx: bool = False) -> str:
    """12.5 km / 7.8 mi in the runner's unit; whole numbers from 10 up when `approx` ("about
    13 mi"); under 1, two decimals ("0.25 mi")."""
    if not isinstance(km, (int, float)) or isinstance(km, bool):
        return voice.say(NO_DISTANCE)
    value = from_km(float(km), voice.unit)
    if 0 < value < 0.95:
        text = f"{value:.2f}".rstrip("0")
    else:
        text = f"{value:.0f}" if approx and value >= 10 else f"{value:.1f}".removesuffix(".0")
    return voice.say(DISTANCE, value=text, unit=voice.unit)


def day_month(day: date, voice: Voice | None = None) -> str:
    """'23 Nov' (month names stay English, like the other dates)."""
    return (voice or english()).say(DAY_MONTH, day=day.day, month=f"{day:%b}")


def week_of(key: Any, voice: Voice | None = None) -> str:
    """'2026-W48' -> 'week of 23 Nov' (its Monday); the key itself if it is not a week key."""
    monday = week_monday(key)
    return (voice or english()).say(WEEK_OF, date=day_month(monday, voice)) if monday else str(key)


def ordinal(n: int, voice: Voice) -> str:
    key = f"{ORDINAL}.{n}"
    return voice.say(key) if voice.has(key) else voice.say(ORDINAL_OTHER, n=n)


# -- confirming questions -------------------------------------------------------------------------

def _option_value(confirm: Confirm, value: float | None, voice: Voice) -> str:
    if value is None:
        return ""
    return number(value) if confirm.slot == "checkin_pain" else distance(value, voice)


def _reason_key(confirm: Confirm) -> str:
    facts = confirm.facts
    if confirm.reason == "unit-unclear" and "as_metres_km" in facts:  # "8m": miles or metres?
        return "metres-or-miles"
    if confirm.reason == "pain-change-only" and facts.get("previous") is not None:
        return "pain-change-only-previous"
    return confirm.reason


def is_open(confirm: Confirm) -> bool:
    """A question answered by typing (how far? which number?), not by choosing."""
    return not CONFIRM_LABELS[_reason_key(confirm)]


def confirm_question(confirm: Confirm, voice: Voice) -> Question:
    """The confirming question for `confirm`, with one button per option it has a label for;
    an open question offers the 0-10 scale (pain) or "skip this one" (distances)."""
    key = _reason_key(confirm)
    facts = confirm.facts
    values = [o.value for o in confirm.options if o.value is not None]
    fmt: dict[str, Any] = {
        "written_value": number(float(facts.get("value") or 0)),
        "what": voice.say(f"{WHAT}.{confirm.slot}") if confirm.slot in SLOTS else confirm.slot,
        "written": facts.get("written", ""), "word": facts.get("word", ""),
        "value": _option_value(confirm, values[0] if values else None, voice),
        "first": _option_value(confirm, values[0], voice) if values else "",
        "second": _option_value(confirm, values[1], voice) if len(values) > 1 else "",
        "sum": distance(facts.get("sum_km"), voice), "stated": distance(facts.get("stated_km"), voice),
        "per_run": distance(facts.get("per_run_km"), voice),
        "runs_said": number(float(facts.get("runs_said") or 0)), "runs_listed": facts.get("runs_listed", ""),
        "longest": distance(facts.get("longest_km"), voice), "total": distance(facts.get("total_km"), voice),
        "previous": number(float(facts["previous"])) if facts.get("previous") is not None else "",
    }
    labelled = CONFIRM_LABELS[key]
    buttons = tuple(
        {"title": voice.say(f"{CONFIRM}.{key}.{o.key}", **{**fmt, "value": _option_value(confirm, o.value, voice)}),
         "payload": payload({CHOICE: o.key})}
        for o in confirm.options if o.key in labelled)
    if not labelled:
        buttons = scale_buttons(confirm.slot) if confirm.slot == "checkin_pain" else skip_buttons(confirm.slot, voice)
    return Question(voice.say(f"{CONFIRM}.{key}.question", **fmt), buttons, confirm.asks)


def scale_buttons(slot: str) -> tuple[dict[str, str], ...]:
    return tuple({"title": str(n), "payload": payload({slot: n})} for n in range(11))


def skip_buttons(slot: str, voice: Voice) -> tuple[dict[str, str], ...]:
    return ({"title": voice.say(SKIP_BUTTON), "payload": payload({"skip": slot})},)


def fix_prompt(slot: str, voice: Voice) -> Question:
    """The answer to `slot` asked for once more, after the runner chose to correct it."""
    buttons = scale_buttons(slot) if slot == "checkin_pain" else (
        () if slot == "checkin_pattern" else skip_buttons(slot, voice))
    return Question(voice.say(f"{FIX}.{slot}"), buttons, slot)


def chosen(confirm: Confirm, key: Any) -> Option | None:
    return confirm.option(str(key)) if isinstance(key, str) else None


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w./]+", " ", text.lower()).split())


def typed_choice(confirm: Confirm, text: str, voice: Voice) -> Option | None:
    """The option whose button says what the runner typed ("it was my only run", "I did run",
    "the total was more"): the typed words are the label's, or a good part of it (4 letters or
    more). Numbers alone are left to read_confirm_reply, which compares them with the values."""
    typed = _words(text)
    if len(typed) < 4 or not re.search(r"[a-z]", typed):
        return None
    question = confirm_question(confirm, voice)
    for button in question.buttons:
        label = _words(button["title"])
        key = json.loads(button["payload"][len("/inform"):]).get(CHOICE)
        if key and (typed == label or typed in label or (len(label) >= 4 and label in typed)):
            return confirm.option(key)
    return None


# -- the same week twice ---------------------------------------------------------------------------

def _pain_words(entry: Mapping[str, Any], voice: Voice) -> str:
    pain = entry.get("pain")
    locations = [x for x in entry.get("location") or [] if isinstance(x, str)]
    if not isinstance(pain, (int, float)) or isinstance(pain, bool):
        return voice.say("checkin.entry_no_pain")
    if locations and pain:
        return voice.say(NOTED_PAIN_WHERE, pain=number(pain), places=voice.names(LOCATION, locations))
    return voice.say(NOTED_PAIN, pain=number(pain))


def same_week_question(week: str, existing: Mapping[str, Any], voice: Voice) -> Question:
    summary = voice.say(SAME_WEEK_SUMMARY, pain=_pain_words(existing, voice),
                        distance=voice.say(NOTED_DISTANCE, distance=distance(existing.get("distance_km"), voice)))
    return Question(voice.say(SAME_WEEK, week=week_of(week, voice), summary=summary),
                    ({"title": voice.say(REPLACE_BUTTON), "payload": payload({"checkin_replace": "replace"})},
                     {"title": voice.say(KEEP_BUTTON), "payload": payload({"checkin_replace": "keep"})}),
                    "checkin_replace")


def kept(week: str, voice: Voice) -> str:
    return voice.say(KEPT, week=week_of(week, voice))


# -- what was noted, and what changed ---------------------------------------------------------------

def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _change(now_text: str, now: float | None, then: float | None, then_text: str, voice: Voice,
            same: bool) -> str:
    if now is None or then is None:
        return now_text
    key = CHANGE_SAME if same else (CHANGE_UP if now > then else CHANGE_DOWN)
    return voice.say(key, now=now_text, then=then_text)


def noted(entry: Mapping[str, Any], previous: Mapping[str, Any] | None, voice: Voice) -> str:
    """'Noted for the week of 23 Nov:' and a line each for pain, distance and the longest run,
    each with the change since `previous` (the last check-in before this week) when known."""
    previous = previous or {}
    lines = [voice.say(NOTED, week=week_of(entry.get("week", "?"), voice))]
    pain, before = _num(entry.get("pain")), _num(previous.get("pain"))
    if pain is not None:
        then = voice.say(PAIN_SCORE, pain=number(before)) if before is not None else ""
        words = voice.say(NOTED_NO_PAIN) if pain == 0 else _pain_words(entry, voice)
        lines.append(_change(words, pain, before, then, voice, pain == before))
    km, km_before = _num(entry.get("distance_km")), _num(previous.get("distance_km"))
    if km == 0:
        lines.append(voice.say(NOTED_NO_RUNNING))
    elif km is not None:
        now_text, then_text = distance(km, voice), distance(km_before, voice)
        lines.append(_change(voice.say(NOTED_DISTANCE, distance=now_text), km, km_before, then_text, voice,
                             now_text == then_text))
    longest = _num(entry.get("longest_km"))
    if longest and km != 0:
        lines.append(voice.say(NOTED_LONGEST, longest=distance(longest, voice)))
    return "\n".join([lines[0], *(f"- {line}" for line in lines[1:])])


def all_clear(voice: Voice) -> str:
    return voice.say(ALL_CLEAR)


# -- the rules' findings ---------------------------------------------------------------------------

def reason(finding: Finding, voice: Voice | None = None) -> str:
    """Why a pain finding needs a physical therapist, with its numbers ("your knee pain (6/10)
    came back when you ran")."""
    voice = voice or english()
    n = finding.numbers
    if finding.rule == "pain-rising":
        if n.get("weeks") == 2:
            return voice.say(REASON_RISING_TWICE, first=number(n["from"]), before=number(n["via"]),
                             pain=number(n["to"]))
        return voice.say(REASON_RISING, before=number(n["from"]), pain=number(n["to"]))
    pattern = n.get("pattern") if n.get("pattern") in ("recurring", "persistent") else "unknown"
    locations = [x for x in n.get("location") or [] if isinstance(x, str)]
    pain = number(float(n.get("pain") or 0))
    key = f"{REASON}.{pattern}" + ("" if n.get("pain") is not None else "_no_score")  # no score given: said without one
    if locations:
        return voice.say(key, place=voice.names(LOCATION, locations, voice.say(REASON_AND)), pain=pain)
    return voice.say(f"{key}_nowhere", pain=pain)


@dataclass(frozen=True)
class PainAdvice:
    """What the pain findings say: a note that goes with what was noted (`triage` None), or an
    advice message of its own announcing `triage`, with detail buttons and its sources."""

    text: str
    triage: str | None = None
    buttons: tuple[dict[str, str], ...] = ()
    sources: tuple[str, ...] = ()


def pain_advice(findings: Sequence[Finding], voice: Voice) -> PainAdvice | None:
    """The pain findings, by their step on the ladder. Pain the triage's rules send to a
    physical therapist: step 1 the level's headline with the reasons, what to do now (the
    knowledge base's), the crisis line and the disclaimer; step 2 firmer, without repeating what
    to do; step 3+ see someone this week. Pain that only rose: step 1 a note to watch it."""
    pain = [f for f in findings if f.kind == "see_pt"]
    if not pain:
        return None
    step = max(f.step for f in pain)
    streak = max(f.streak for f in pain)
    level = "urgent" if any(f.level not in (None, "see_pt") for f in pain) else "see_pt"
    # one reason: the pattern's when there is one (what the noted lines say already is not repeated)
    main = [f for f in pain if f.rule != "pain-rising"] or pain
    reasons = voice.say(REASON_AND).join(dict.fromkeys(reason(f, voice) for f in main))
    only_rising = all(f.rule == "pain-rising" for f in pain)
    if only_rising and step == 1:
        return PainAdvice(voice.say(PAIN_NOTE, reasons=reasons))
    parts: list[str] = []
    sources: list[str] = []
    if step >= 3 and level == "see_pt":
        parts.append(voice.say(PAIN_AGAIN, reasons=reasons, nth=ordinal(streak, voice)))
    elif step == 2 and level == "see_pt":
        parts.append(voice.say(PAIN_SECOND, reasons=reasons))
    else:
        parts.append(voice.say(f"{PAIN_HEADLINE}.{level}", reasons=reasons))
        if voice.kb is not None:
            # the level's what-to-do-now for pain that keeps coming back (one snippet, not every
            # pattern's: advice.yml has a see_pt snippet per pattern since issue 16)
            pattern = "recurring" if any(f.rule == "pain-recurring" for f in pain) else None
            now = voice.kb.advice_entries("advice_now", level, pattern)
            parts += [voice.fill(e.text.strip()) for e in now]
            sources += [e.id for e in now]
    parts.append(voice.say(PAIN_CRISIS_LINE))
    if voice.kb is not None:
        parts.append(voice.kb.entry("disclaimer").text.strip())
        sources.append("disclaimer")
    buttons = tuple({"title": voice.say(key), "payload": voice.say(key)} for key in (DOCTOR_BUTTON, PT_BUTTON)) \
        if level == "see_pt" else ()
    return PainAdvice("\n\n".join(" ".join(p.split()) for p in parts), level, buttons, tuple(sources))


def open_urgent_advice(pain: float | None, places: Sequence[str], advised: Sequence[str], reason: str,
                       voice: Voice) -> PainAdvice | None:
    """Pain this week where the advice to see a doctor (today, or emergency services) still
    stands: that advice again, not a physical therapist. `places`: where it hurt this week;
    `advised`: where the advice was about (either empty: the same pain)."""
    if pain is None or pain < 1:
        return None
    if places and advised and not set(places) & set(advised):
        return None
    where = list(advised or places)
    place = voice.names(LOCATION, where, voice.say(REASON_AND)) if where else voice.say(PAIN_OPEN_URGENT_NOWHERE)
    parts = [voice.say(PAIN_OPEN_URGENT, place=place, reason=reason.rstrip(". ")), voice.say(PAIN_CRISIS_LINE)]
    if voice.kb is not None:
        parts.append(voice.kb.entry("disclaimer").text.strip())
    return PainAdvice("\n\n".join(" ".join(p.split()) for p in parts), "urgent", (), ("disclaimer",))


def load_warning(findings: Sequence[Finding], voice: Voice) -> tuple[str, tuple[dict[str, str], ...]] | None:
    """The load findings with their numbers, then the advice of the ladder's step; the evidence
    only on step 1 (a warning that persists gets firmer, not longer)."""
    load = [f for f in findings if f.kind == "load"]
    if not load:
        return None
    step = min(3, max(f.step for f in load))
    streak = max(f.streak for f in load)
    parts: list[str] = []
    evidence: list[str] = []  # step 1 only: a warning that persists gets firmer, not longer
    band = easy = long_easy = None
    for f in load:
        n = f.numbers
        if f.rule == "load-week":
            weeks = int(n.get("weeks") or 0)
            values = {"this": distance(n.get("this_km"), voice), "percent": f"{n.get('increase_pct') or 0:.0f}",
                      "average": distance(n.get("average_km"), voice, approx=True)}
            parts.append(voice.say(LOAD_WEEK if weeks == 4 else LOAD_WEEK_SAID if weeks == 0 else LOAD_WEEK_SOME, **values))
            if step == 1:
                evidence.append(voice.say(LOAD_WEEK_EVIDENCE))
            band = distance(n.get("band_high_km"), voice, approx=True)
            easy = distance(n.get("average_km"), voice, approx=True)
        elif f.rule == "load-long-run" and n.get("first"):
            parts.append(voice.say(LOAD_LONG_RUN_FIRST, longest=distance(n.get("longest_km"), voice)))
            if step == 1:
                evidence.append(voice.say(LOAD_LONG_RUN_EVIDENCE))
        elif f.rule == "load-long-run":
            parts.append(voice.say(LOAD_LONG_RUN, longest=distance(n.get("longest_km"), voice),
                                   previous=distance(n.get("previous_longest_km"), voice),
                                   percent=f"{n.get('increase_pct') or 0:.0f}"))
            if step == 1:
                evidence.append(voice.say(LOAD_LONG_RUN_EVIDENCE))
            long_easy = distance(n.get("previous_longest_km"), voice)
    parts = [" ".join(parts)] + ([" ".join(evidence)] if evidence else [])
    if step == 1:
        parts.append(voice.say(LOAD_STEP1, band=band) if band else voice.say(LOAD_STEP1_LONG_RUN, long_easy=long_easy)
                     if long_easy else voice.say(LOAD_STEP1_FIRST))
    elif step == 2 and easy and long_easy:
        parts.append(voice.say(LOAD_STEP2, easy=easy, long_easy=long_easy))
    elif step == 2:
        parts.append(voice.say(LOAD_STEP2_WEEK, easy=easy) if easy else voice.say(LOAD_STEP2_LONG_RUN, long_easy=long_easy))
    else:
        parts.append(voice.say(LOAD_STEP3, nth=ordinal(streak, voice)))
    buttons = ({"title": voice.say(WHY_BUTTON), "payload": voice.say(WHY_BUTTON)},) if step == 1 else ()
    return "\n\n".join(parts), buttons


# -- run files -----------------------------------------------------------------------------------

def _local_day(moment: datetime, tz: str, voice: Voice) -> str:
    from zoneinfo import ZoneInfo

    return day_month(moment.astimezone(ZoneInfo(tz)).date(), voice)


def run_added(added: Any, voice: Voice, tz: str) -> str:
    """What adding a run did (a bot.checkins.runfiles.RunAdded), in the runner's unit."""
    run = added.run
    key = "created" if added.created else ("kept" if added.kept_answer else "added")
    return voice.say(f"{RUN}.{key}", source=run.source.upper(), distance=distance(run.distance_km, voice),
                     day=_local_day(run.start, tz, voice), week=week_of(added.week, voice),
                     after=distance(added.after_km, voice), before=distance(added.before_km, voice))


def more_runs(count: int, voice: Voice) -> str:
    return voice.say(RUN_MORE, count=count)


def run_file_error(error: Any, voice: Voice, tz: str = "UTC") -> str:
    """Why a run file changed nothing (a bot.checkins.runfiles.RunFileError), in plain words."""
    facts = dict(error.facts)
    values: dict[str, Any] = {"limit": facts.get("limit_mb", ""), "tag": facts.get("xml", ""),
                              "ext": facts.get("ext", ""), "kind": facts.get("kind", ""),
                              "sport": facts.get("sport", ""), "distance": distance(facts.get("km"), voice),
                              "day": "", "detail": ""}
    if isinstance(facts.get("start"), datetime):
        values["day"] = _local_day(facts["start"], tz, voice)
    code = error.code
    if code == "no-runs" and facts.get("detail"):
        values["detail"] = voice.say(f"{NO_RUNS_DETAIL}.{facts['detail']}")
    if code == "too-large" and facts.get("unpacked"):
        code = "too-large-unpacked"
    if code == "unsupported":
        code = "unsupported-xml" if facts.get("xml") else ("unsupported-ext" if facts.get("ext") else "unsupported-kind")
    return voice.say(f"{RUN_ERROR}.{code}", **values)


assert set(CONFIRM_LABELS) >= set(REASONS)
