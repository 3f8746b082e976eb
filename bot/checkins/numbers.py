"""Numbers as runners write them: the weekly distance, longest run and pain answers.

`read_distance(text, unit)`, `read_longest(text, unit)` and `read_pain(text)` return an
`Answer` (bot.checkins.answers): a `Reading` to record, a `Confirm` (one confirming question,
with the reason and what each choice does) or `Unclear`. Pure: no I/O, no state.

Distances, in the order they are read:

- zero: "didn't run", "nothing, injured", "zero", "rest week" (only when no distance is given);
- race names: "a half marathon" / "a half" (21.1 km), "the marathon" (42.2 km), "parkrun" (5 km),
  "a 10 miler"; an "ultra" without a number is asked about;
- units: a stated unit wins over the runner's setting ("3 miles" from a km runner is 4.83 km);
  "5k" is always km; bare numbers take the runner's unit, or the unit written at the end of a
  list ("5, 6 and 8k"); a bare number beside numbers in another unit than the runner's is asked;
- sums and lists: "5k, 6k and 8k" (19, longest 8), "3 x 10k" (30, longest 10), "ran mon wed
  fri 8 each" (24), "parkrun twice" (10), "a 10k and an easy 5" (15), "2 easy 5s" (10);
- a stated total wins when the runs add up to it ("5k 6k and 8k so 19k total"); when they do
  not, one question offers both;
- "longest"/"long run" beside a number gives the longest run (also returned from the distance
  answer, so the form need not ask it again); numbers about another week ("up from 25 last week",
  "planned 30") are left out;
- decimals with a dot or a comma ("12,5"); "about 20", "20ish", "~30km" are recorded (marked
  approximate); ranges ("20-25"), two options ("25 or 30"), durations ("about 3 hours"), a count
  of runs with no distance ("3 runs") and implausible totals are asked, never averaged or guessed.

Pain: "6/10", "about a 6", "six", "none" (0), "barely any" (1), "3 or 4" and "3-4" (asked), "11"
(asked), "mild" (asked: about 2?); numbers that are not the score (run counts, "10k", "3 days",
last week's score in "down from 6") are never taken for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot.checkins.answers import Answer, Confirm, Option, Reading, Unclear, choose, yes_no

KM_PER_MILE = 1.609344
HALF_MARATHON_KM = 21.0975
MARATHON_KM = 42.195
PARKRUN_KM = 5.0
#: Beyond these a number is more likely a typo (or a misread) than a week of running: asked.
PLAUSIBLE_WEEK_KM = 250.0
PLAUSIBLE_RUN_KM = 110.0
#: A stated total "matches" the runs listed when it is within this of their sum (rounding).
SUM_TOLERANCE_KM = 0.6

DISTANCE = "checkin_distance"
LONGEST = "checkin_longest"
PAIN = "checkin_pain"

_WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WEEKDAYS = re.compile(r"\b(mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|"
                       r"fri|friday|sat|saturday|sun|sunday)\b")

_KM = r"km|kms|kilomet(?:er|re)s?|klicks?|k|ks"
_MI = r"mi|mis|miles?|mls"
_METRES = r"m|meters?|metres?"
_HOURS = r"h|hrs?|hours?"
_MINUTES = r"mins?|minutes?"
_UNIT = rf"(?:{_KM}|{_MI}|{_METRES}|{_HOURS}|{_MINUTES})"
_NUM = r"\d+(?:\.\d+)?"

_APPROX = re.compile(r"(?:\d|-)ish\b|\b(about|around|roughly|approx\w*|circa|ish|or so|like|give or take|maybe|probably|"
                     r"perhaps|almost|nearly|just under|just over|close to|at least|over|more than|"
                     r"something like|est\w*)\b|~|\+")
_ZERO_RUN = re.compile(
    r"\b(didn'?t|did not|didnt|haven'?t|have not|couldn'?t|could not|wasn'?t able to|not able to|unable to|"
    r"no|zero|nil|nada|none|nothing|not a single|0)\b(\s+\w+){0,3}?\s*\b(run|runs|running|ran|jog|jogs|"
    r"km|kms|k|miles?|mi|get out|go out|distance)\b"
    r"|^\s*(zero|nothing|none|nil|nada|no|nope|0|0\.0|zilch)(?:\s*$|\s*[^\w\s]|\s+(?:km|k|miles?|runs?|running|"
    r"this week|at all|sadly|unfortunately|i)\b)"
    r"|\b(rest(?:ed)? week|rest(?:ed)? all week|week off|took the week off|took a week off|"
    r"(?:fully )?rested|injured|couldn'?t run|can'?t run|did not run|didn'?t run|didnt run|"
    r"no running|not at all|nothing this week|zero this week|none this week|sat it out)\b"
)
_OTHER_WEEK = re.compile(
    r"\b(last week|previous week|week before|the week prior|last time|usual(?:ly)?|normally|normal week|"
    r"typically|plan(?:ned)?|target|goal|supposed to|meant to|aim(?:ed|ing)? for|instead of|"
    r"up from|down from|compared to|vs|versus|next week|last month|average)\b"
)
_LONG = re.compile(r"\b(longest|long run|long one|long|lr|biggest|farthest|furthest|longest run)\b")
_EACH = re.compile(r"^\s*(?:km|kms|k|miles?|mi)?\s*(?:each|apiece|a piece|per run|every time|a go|each time)\b")
_EVERY_DAY = re.compile(r"\b(every ?day|daily|each day|all week|7 days)\b")
_COUNT_AFTER = re.compile(r"^\s*(?:\w+\s+)?(runs?|times|x|sessions?|outings?|jogs?|days?|trips?)\b")
_ONLY_ONE = re.compile(r"\b(only (?:one|1) run|only ran once|just (?:the )?one|one run|single run|1 run|"
                       r"ran once|only once|just once|one outing|that was it|that'?s it|only run)\b")


@dataclass(frozen=True)
class _Qty:
    value: float
    unit: str | None  # "km" | "mi" | "m" | "h" | "min" | None (bare)
    start: int
    end: int
    unit_stated: bool = False
    role: str = "run"  # run | total | longest | other | count | duration | pace
    times: int = 1
    each: bool = False

    def km(self, unit: str | None) -> float:
        chosen = self.unit or unit or "km"
        if chosen == "mi":
            return self.value * KM_PER_MILE
        if chosen == "m":
            return self.value / 1000.0
        return self.value


# -- normalising -------------------------------------------------------------------------------

def _words_to_digits(text: str, allow_one: bool) -> str:
    def compound(m: re.Match[str]) -> str:
        return str(_WORD_NUMBERS[m.group(1)] + _WORD_NUMBERS[m.group(2)])

    text = re.sub(rf"\b({'|'.join(_TENS)})[- ]({'|'.join(_ONES)})\b", compound, text)
    text = re.sub(r"\b(a|one) dozen\b", "12", text)
    text = re.sub(r"\ba couple(?: of)?\b", "2", text)
    text = re.sub(r"\btwice\b", "2 times", text)
    text = re.sub(r"\bthrice\b", "3 times", text)
    text = re.sub(r"\bonce\b", "1 times", text)
    names = [w for w in _WORD_NUMBERS if w != "one"]
    text = re.sub(rf"\b({'|'.join(names)})\b", lambda m: str(_WORD_NUMBERS[m.group(1)]), text)
    if allow_one:
        text = re.sub(r"(?<!\bthe )(?<!\bthat )(?<!\bthis )(?<!\blong )(?<!\bsame )\bone\b(?! of)", "1", text)
    else:  # "one" only where it counts something: "one run", "one 10k", "one and a half miles"
        text = re.sub(rf"\bone\b(?=\s*(?:run|time|x\b|hour|and a half|{_KM}\b|{_MI}\b))", "1", text)
    text = re.sub(r"\b(?:an?|1) (hour|mile|k|km|kilometre|kilometer)s? and an? half\b", r"1.5 \1s", text)
    text = re.sub(r"(\d+)\s+and an? half\b", lambda m: f"{m.group(1)}.5", text)
    text = re.sub(r"(\d+)\s+(hours?|miles?|k|km)\s+and an? half\b", lambda m: f"{m.group(1)}.5 {m.group(2)}", text)
    text = re.sub(r"\bhalf an? (hour|mile|k|km)\b", r"0.5 \1", text)
    return text


def _normalise(text: str, allow_one: bool = False) -> str:
    t = text.lower()
    t = t.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", " - ").replace("\u2212", "-")
    t = t.replace("\u00d7", " x ").replace("\u00bd", ".5").replace("\uff5e", "~")
    t = re.sub(r"(\d)\s*½", r"\1.5", t)
    t = re.sub(r"(\d),(\d{3})(?!\d)", r"\1\2", t)  # 1,000
    t = _words_to_digits(t, allow_one)
    t = re.sub(r"\b(\d{1,2})\s*h(?:rs?|ours?)?\s*(\d{1,2})\s*(?:m|mins?|minutes?)?\b",
               lambda m: f"{int(m.group(1)) + int(m.group(2)) / 60:.2f} hours", t)
    t = re.sub(r"(\d)(?:'s|’s)", r"\1s", t)  # "5k's" -> "5ks"
    return t


def _races(t: str) -> tuple[str, bool]:
    """Race names -> distances in km. Returns the text and whether an unknown race was named."""
    t = re.sub(r"\b(\d+)\s*(?:half[- ]?marathons|halves|hms)\b", rf"\1 x {HALF_MARATHON_KM} km", t)
    t = re.sub(r"\b(\d+)\s*marathons\b", rf"\1 x {MARATHON_KM} km", t)
    t = re.sub(r"\b(\d+)\s*parkruns\b", rf"\1 x {PARKRUN_KM} km", t)
    t = re.sub(r"\bhalf[- ]?(?:marathon|mara)s?\b|\bhm\b|\bhalf(?=\s*(?:$|[,.;!&+]|and\b|\bplus\b|\bwith\b|"
               r"\bx\b|\b\d|\brace\b|\btwice\b|\bon\b|\bat\b|\bthis\b|\blast\b|\bin\b|\bwas\b|\bthen\b))",
               f" {HALF_MARATHON_KM} km ", t)
    t = re.sub(r"\b(?:marathon|mara)\b(?!\s*(?:training|plan|pace|block|build|prep|effort|prep|season))",
               f" {MARATHON_KM} km ", t)
    t = re.sub(r"\bpark ?runs?\b", f" {PARKRUN_KM} km ", t)
    t = re.sub(r"\b(\d+(?:\.\d+)?)[- ]?milers?\b", r"\1 mi", t)
    unknown = bool(re.search(r"\b(ultra|ultramarathon|trail race|race)\b", t))
    return t, unknown


def _comma_decimals(t: str) -> tuple[str, bool]:
    """'12,5' -> '12.5' when it can only be a decimal; second value: a comma that could be either."""
    ambiguous = False

    def fix(m: re.Match[str]) -> str:
        nonlocal ambiguous
        before, after = t[:m.start()], t[m.end():]
        if re.search(r"\d\s*,\s*$", before) or re.match(r"\s*,\s*\d", after):
            return m.group(0)  # "5,6,8": a list
        if re.match(rf"\s*(?:{_KM}|{_MI})\b", after) or not re.search(r"\d", before + after):
            return f"{m.group(1)}.{m.group(2)}"
        ambiguous = True
        return m.group(0)

    t = re.sub(r"(?<![\d.])(\d{1,3}),(\d{1,2})(?![\d])", fix, t)
    return t, ambiguous


def _clause_spans(t: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[;,!?]|\.(?!\d)|\s-\s|\bbut\b|\bthough\b|\bwhereas\b|\bwhile\b|\n|\(|\)", t):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(t)))
    return spans


def _other_week_spans(t: str) -> list[tuple[int, int]]:
    """Clauses about another week or a plan ("up from 25 last week", "planned 30"): left out."""
    out = []
    for a, b in _clause_spans(t):
        clause = t[a:b]
        m = _OTHER_WEEK.search(clause)
        if not m:
            continue
        if re.search(r"\bthis week\b|\bactually\b|\bonly (did|ran|managed)\b|\bbut\b", clause) and not re.search(
                r"\b(up|down) from\b|\binstead of\b|\bvs\b", clause):
            continue
        word = m.group(1)
        if word in ("up from", "down from", "instead of", "compared to", "vs", "versus"):
            # only the number right after the marker is about another week: "28, up from 25"
            n = re.match(rf"\s*(?:about |around )?{_NUM}\s*(?:{_UNIT})?\b", clause[m.end():])
            if n:
                out.append((a + m.start(), a + m.end() + n.end()))
            continue
        out.append((a, b))
    # "went from 25 to 30" / "from 25 last week to 30": the first number is the old one
    for m in re.finditer(rf"\b(?:went|gone|jumped|increased|dropped|up|down|rose|fell|from)\s+(?:from\s+)?"
                         rf"({_NUM}\s*(?:{_UNIT})?)\s+(?:\w+\s+){{0,2}}?to\s+{_NUM}", t):
        if re.search(r"\b(went|gone|jumped|increased|dropped|up|down|rose|fell)\b", t[max(0, m.start() - 25):m.end()]):
            out.append((m.start(1), m.end(1)))
    # "down to 2 from 4", "better than last week's 5": the number after "from" is the old one
    for m in re.finditer(rf"\b(?:down|up|dropped|fell|rose|improved|better|worse|increased|decreased|reduced|"
                         rf"lower|higher|back)\b[^.;]{{0,24}}?\bfrom\s+(?:a\s+|about\s+)?({_NUM}(?:\s*/\s*10)?)", t):
        out.append((m.start(1), m.end(1)))
    return out


# -- finding the quantities -----------------------------------------------------------------------

# "20ish miles": the "ish" (read as approximate by _APPROX) sits between the number and its unit.
_QTY = re.compile(rf"(?<![\d.:/])(?P<num>{_NUM})(?:\s*-?ish\b)?(?:\s*-?\s*(?P<unit>{_UNIT})\b)?(?P<plural>s\b)?")


def _unit_name(word: str | None) -> str | None:
    if word is None:
        return None
    if re.fullmatch(_KM, word):
        return "km"
    if re.fullmatch(_MI, word):
        return "mi"
    if re.fullmatch(_METRES, word):
        return "m"
    if re.fullmatch(_HOURS, word):
        return "h"
    return "min"


def _quantities(t: str, excluded: list[tuple[int, int]]) -> list[_Qty]:
    out: list[_Qty] = []
    for m in _QTY.finditer(t):
        start, end = m.start(), m.end()
        after, before = t[end:end + 30], t[max(0, start - 40):start]
        if re.match(r"\s*(?:%|st\b|nd\b|rd\b|th\b|am\b|pm\b|bpm|°|/\s*10\b|out of 10|/\s*(?:km|mi|k|mile))", after) \
                or re.match(r":\d", after):
            continue
        if re.match(r"\s*min(?:ute)?s?\s*(?:/|per)\s*(?:km|mi|k|mile)", after):
            continue  # a pace
        value = float(m.group("num"))
        unit = _unit_name(m.group("unit"))
        if unit == "m" and value < 100:
            unit = "m?"  # "8m": miles or metres? asked
        role = "run"
        if unit in ("h", "min"):
            role = "duration"
        elif unit is None and (_COUNT_AFTER.match(after) or re.match(r"\s*(?:were|of them)\b", after)
                               or re.search(r"\ball\s*$", before)) and not re.match(r"\s*x\s*\d", after):
            role = "count"
        if any(a <= start < b for a, b in excluded):
            role = "other"
        out.append(_Qty(value, unit, start, end, unit is not None, role))
    for m in re.finditer(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b(?!\s*(?:/|per|pace|min/|a k|a mile))", t):
        out.append(_Qty(0.0, "h", m.start(), m.end(), True, "duration"))
    out.sort(key=lambda q: q.start)
    return out


def _bind_multipliers(t: str, qs: list[_Qty]) -> list[_Qty]:
    """'3 x 10k', '10k x 3', '10k 2 times', '3 runs of 5k', '2 easy 5s', '3 runs, 5k each'."""
    qs = list(qs)
    used: set[int] = set()
    for i, q in enumerate(qs):
        if q.role != "run":
            continue
        prev = qs[i - 1] if i > 0 else None
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        between_prev = t[prev.end:q.start] if prev else ""
        between_next = t[q.end:nxt.start] if nxt else ""
        # N x D  /  N runs of D  /  N times D
        if prev and prev.unit is None and prev.role in ("run", "count") and (i - 1) not in used and (
                re.fullmatch(r"\s*x\s*", between_prev)
                or re.fullmatch(r"\s*(?:[a-z]+\s+)?(?:runs?|times|sessions?|jogs?)\s*(?:of|at|x|@|averaging|"
                                r"on average|avg|each of|each)\s*(?:an?\s+|about\s+|around\s+|roughly\s+|~\s*)?",
                                between_prev)
                or re.fullmatch(r"\s*times\s*", between_prev)  # "twice 10k" -> "2 times 10k"
                or (prev.role == "count" and re.fullmatch(r"\s*(?:[a-z]+\s+)?(?:runs?|jogs?|outings?|sessions?)\s*,?\s*"
                                                          r"(?:of\s+)?", between_prev)
                    and _EACH.match(t[q.end:]))
                or (re.fullmatch(r"\s+(?:easy|slow|short|steady|quick|hilly|flat|tempo|\w+)?\s*", between_prev)
                    and t[q.start:q.end].endswith("s") and prev.value <= 14)
                # "2 5k jogs", "3 10ks", "2 easy 5k": a bare count right before a distance with its unit
                or (re.fullmatch(r"\s+(?:(?:easy|slow|short|steady|quick|hilly|flat|tempo|recovery|long)\s+)?", between_prev)
                    and q.unit is not None and prev.value <= 14
                    and not re.search(r"\d\s*$", t[max(0, prev.start - 3):prev.start]))):
            if prev.value >= 1 and prev.value == int(prev.value):
                qs[i] = replace(q, times=int(prev.value))
                qs[i - 1] = replace(prev, role="multiplier")
                used.add(i - 1)
                continue
        # D x N  /  D N times (the distance carries a unit: bare "3x10" is 3 runs of 10)
        if nxt and nxt.unit is None and (q.unit is not None or not re.fullmatch(r"\s*x\s*", between_next)) and (
                re.fullmatch(r"\s*x\s*", between_next)
                or (re.fullmatch(r"\s*", between_next) and re.match(r"\s*times\b", t[nxt.end:]))):
            if nxt.value >= 1 and nxt.value == int(nxt.value):
                qs[i] = replace(q, times=int(nxt.value))
                qs[i + 1] = replace(nxt, role="multiplier")
                used.add(i + 1)
                continue
        if _EACH.match(t[q.end:]):
            qs[i] = replace(q, each=True)
    return qs


def _mark_roles(t: str, qs: list[_Qty]) -> list[_Qty]:
    out = []
    for i, q in enumerate(qs):
        if q.role != "run":
            out.append(q)
            continue
        clause_start = max((a for a, b in _clause_spans(t) if a <= q.start), default=0)
        after = t[q.end:q.end + 28]
        after = after.split(",")[0]
        prev_end = qs[i - 1].end if i > 0 else 0
        near_before = t[max(prev_end, clause_start, q.start - 28):q.start]
        long_word = _LONG.search(near_before)
        if (long_word and not re.search(r"\b(total|and|plus|then)\b", near_before[long_word.end():])) \
                or re.match(r"\s*(?:km|k|mi|miles?)?\s*(?:was )?(?:the |my )?(?:long(?:est)?(?: run| one)?|lr)\b", after):
            out.append(replace(q, role="longest"))
        elif re.search(r"(?:total|totall?ing|in total|altogether|overall|all up|all told|combined|in all|total of|so|"
                       r"that'?s|makes|comes to|adds up to|=|sum)\s*(?:of\s+|is\s+|was\s+|about\s+|around\s+|~\s*)?$",
                       near_before) \
                or re.match(r"\s*(?:km|k|mi|miles?)?\s*(?:in )?(?:total|altogether|overall|all up|all told|combined|in all)\b", after):
            out.append(replace(q, role="total"))
        else:
            out.append(q)
    return out


# -- distances -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Read:
    total: float | None = None
    longest: float | None = None
    parts: tuple[float, ...] = ()
    approximate: bool = False
    confirm: Confirm | None = None
    unclear: str | None = None


def _resolve_units(t: str, qs: list[_Qty], unit: str, slot: str) -> tuple[list[_Qty], Confirm | None]:
    """Bare numbers: the runner's unit, or the unit of the list they are written in."""
    dist = [q for q in qs if q.role in ("run", "total", "longest")]
    if any(q.unit == "m?" for q in dist):
        q = next(q for q in dist if q.unit == "m?")
        km, mi = q.value / 1000.0, q.value * KM_PER_MILE
        return qs, choose(slot, "unit-unclear", (round(mi, 2), round(km, 3)),
                          {"value": q.value, "as_miles_km": round(mi, 2), "as_metres_km": round(km, 3)})
    stated = {q.unit for q in dist if q.unit is not None}
    bare = [q for q in dist if q.unit is None]
    if not bare or not stated:
        return qs, None
    # a list with the unit only at its end ("5, 6 and 8k"): the unit applies to all of it
    last = dist[-1]
    if len(stated) == 1 and last.unit is not None and all(q.unit is None for q in dist[:-1]):
        span = t[dist[0].start:last.start]
        if re.fullmatch(rf"[\d.\s,+&]*(?:(?:and|plus|then|&)\s*[\d.\s,+]*)*", span):
            return [replace(q, unit=last.unit) if q in bare else q for q in qs], None
    if stated == {unit}:
        return [replace(q, unit=unit) if q in bare else q for q in qs], None
    if len(stated) == 1:
        other = next(iter(stated))
        # "a 10k and an easy 5" from a km runner is all km; from a miles runner the 5 is unclear
        as_stated = [replace(q, unit=other) if q in bare else q for q in qs]
        as_setting = [replace(q, unit=unit) if q in bare else q for q in qs]
        a = _read_distances(t, as_stated, unit, slot)
        b = _read_distances(t, as_setting, unit, slot)
        values = tuple(round(v, 2) for v in dict.fromkeys(
            x for x in ((a.total if slot == DISTANCE else a.longest), (b.total if slot == DISTANCE else b.longest))
            if x is not None))
        if len(values) == 2:
            return qs, choose(slot, "unit-unclear", values,
                              {"bare": [q.value for q in bare], "stated_unit": other, "setting_unit": unit})
        return as_setting, None
    return qs, choose(slot, "unit-unclear", (), {"bare": [q.value for q in bare]})


def _read_distances(t: str, qs: list[_Qty], unit: str, slot: str) -> _Read:
    runs = [q for q in qs if q.role == "run"]
    totals = [q for q in qs if q.role == "total"]
    longs = [q for q in qs if q.role == "longest"]
    counts = [q for q in qs if q.role == "count"]
    approximate = bool(_APPROX.search(t))
    count = int(counts[0].value) if len(counts) == 1 and counts[0].value == int(counts[0].value) else None
    days = len(_WEEKDAYS.findall(t))

    # "8 each": times the number of runs (a count, or the weekdays named)
    expanded: list[float] = []
    for q in runs:
        times = q.times
        if q.each and times == 1:
            n = count or (days if days >= 2 else None)
            if n is None:
                if _EVERY_DAY.search(t):
                    return _Read(confirm=yes_no(slot, "every-day", round(q.km(unit) * 7, 2),
                                                {"per_run_km": round(q.km(unit), 2), "runs": 7},
                                                {LONGEST: round(q.km(unit), 2)} if slot == DISTANCE else None))
                return _Read(confirm=choose(slot, "each-unknown", (), {"per_run_km": round(q.km(unit), 2)}))
            times = n
        elif times == 1 and _EVERY_DAY.search(t[q.end:q.end + 20]) and len(runs) == 1:
            return _Read(confirm=yes_no(slot, "every-day", round(q.km(unit) * 7, 2),
                                        {"per_run_km": round(q.km(unit), 2), "runs": 7},
                                        {LONGEST: round(q.km(unit), 2)} if slot == DISTANCE else None))
        expanded += [q.km(unit)] * times

    longest = max((q.km(unit) for q in longs), default=None)
    total = totals[-1].km(unit) if totals else None
    parts: tuple[float, ...] = ()
    if total is not None:
        if expanded:
            listed = sum(expanded)
            with_long = listed + (longest or 0.0)
            if abs(listed - total) <= SUM_TOLERANCE_KM or (longest and abs(with_long - total) <= SUM_TOLERANCE_KM):
                parts = tuple(expanded) + ((longest,) if longest and abs(with_long - total) <= SUM_TOLERANCE_KM else ())
                longest = longest or max(expanded)
            elif len(expanded) == 1 and not longest and expanded[0] <= total:
                pass  # "20 total with a 12": the 12 is one run of the week, not necessarily the longest
            elif len(expanded) >= 2 or (count and count >= 2):
                return _Read(confirm=choose(slot, "sum-mismatch", (round(total, 2), round(listed, 2)),
                                            {"stated_km": round(total, 2), "sum_km": round(listed, 2),
                                             "parts_km": [round(x, 2) for x in expanded]}))
        return _Read(total, longest, parts, approximate)
    if not expanded:
        if longest is not None:
            return _Read(None, longest, (), approximate)
        return _Read()
    if len(expanded) == 1:
        value = expanded[0]
        if longest is not None:
            if value >= longest:
                if re.search(r"\b(with|including|incl|of which|inc)\b", t):
                    return _Read(value, longest, (), approximate)
                if re.search(r"\b(and|plus|then|\+|&)\b|\+", t):
                    return _Read(confirm=choose(slot, "sum-mismatch", (round(value, 2), round(value + longest, 2)),
                                                {"stated_km": round(value, 2), "sum_km": round(value + longest, 2),
                                                 "parts_km": [round(value, 2), round(longest, 2)]}))
                return _Read(value, longest, (), approximate)
            return _Read(value + longest, longest, (value, longest), approximate)
        one_run = bool(_ONLY_ONE.search(t)) or (count == 1)
        return _Read(value, value if one_run else None, (value,) if one_run else (), approximate)
    if count is not None and count != len(expanded) + (1 if longest else 0) and count > len(expanded):
        listed = sum(expanded) + (longest or 0.0)
        return _Read(confirm=yes_no(slot, "runs-missing", round(listed, 2),
                                    {"runs_said": count, "runs_listed": len(expanded) + (1 if longest else 0),
                                     "sum_km": round(listed, 2), "parts_km": [round(x, 2) for x in expanded]}))
    parts = tuple(expanded) + ((longest,) if longest is not None else ())
    return _Read(sum(parts), max(parts), parts, approximate)


def _options_any(t: str, slot: str, unit: str, excluded: list[tuple[int, int]]) -> Confirm | None:
    for m in re.finditer(rf"(?<![\d.:/])(?:between\s+)?({_NUM})\s*(?P<u1>{_UNIT})?\s*(?P<sep>-|–|\bto\b|\band\b|\bor\b|/)\s*"
                         rf"(?:maybe\s+|about\s+|perhaps\s+)?({_NUM})\s*(?P<u2>{_UNIT})?(?!\s*[-/]\s*\d)\b", t):
        if any(a <= m.start() < b for a, b in excluded):
            continue
        sep = m.group("sep")
        between = t[max(0, m.start() - 9):m.start() + 8].find("between") >= 0
        is_range = sep in ("-", "–", "to") or (sep == "and" and between)
        is_option = sep in ("or", "/")
        if not (is_range or is_option):
            continue
        a, b = float(m.group(1)), float(m.group(4))
        u1, u2 = _unit_name(m.group("u1")), _unit_name(m.group("u2"))
        if u1 in ("h", "min") or u2 in ("h", "min") or (u1 and u2 and u1 != u2) or a == b:
            continue
        head, tail = t[max(0, m.start() - 12):m.start()], t[m.end():m.end() + 12]
        if re.match(r"\s*(?:runs?|times|x\b|days?|sessions?)", tail) or re.search(r"\d\s*[-,]\s*$", head):
            continue
        if sep in ("-", "–") and b < a:
            continue  # "10-5": a list or a typo, not a range; read as a list
        if sep == "/" and u1 is None and u2 is None and b == 10:
            continue  # "6/10" is a score
        u = u1 or u2 or unit
        conv = KM_PER_MILE if u == "mi" else (0.001 if u == "m" else 1.0)
        lo, hi = round(a * conv, 2), round(b * conv, 2)
        return choose(slot, "range" if is_range else "two-options", (lo, hi),
                      {"low_km": lo, "high_km": hi, "written": m.group(0).strip()})
    return None


#: Words that say the runner did arithmetic or corrected themselves in ways the reader does not
#: follow ("4 km each way", "3 miles a day, 5 days", "a couple of 5k jogs", "20 miles.. sorry i
#: mean km"): whatever number comes out is checked with the runner instead of recorded silently.
_UNFOLLOWED = re.compile(
    r"\b(?:a|per|each|every|a single) (?:day|night|morning|evening|trip|way|commute)\b|\beach way\b|"
    r"\b(?:there and back|and back|both ways|round ?trip|return trip|to and from)\b|"
    r"\b(?:a )?couple(?: of)?\b|\b(?:a few|several|some) (?:\w+ )?(?:runs?|jogs?|times|days)\b")
#: A correction ("20 miles.. sorry i mean km") matters when something in the answer was replaced:
#: two numbers or two units. A plain "sorry, 60" answering a check is just the number.
_CORRECTION = re.compile(r"\b(?:sorry|i mean|i meant|meant to say|correction|scratch that|typo|oops|wait)\b|\*")
_UNIT_WORD = re.compile(rf"(?<=[\d\s])(?:{_KM}|{_MI})\b")


def _check_unfollowed(slot: str, t: str, read: _Read) -> Confirm | None:
    value = read.total if slot == DISTANCE else read.longest
    corrected = bool(_CORRECTION.search(t)) and (
        len(re.findall(r"\d+(?:\.\d+)?", t)) >= 2 or len(_UNIT_WORD.findall(t)) >= 2)
    if value is None or not (_UNFOLLOWED.search(t) or corrected):
        return None
    return yes_no(slot, "read-check", round(value, 2), {"value_km": round(value, 2)})


def _check_plausible(slot: str, read: _Read) -> Confirm | None:
    if read.total is not None and read.total > PLAUSIBLE_WEEK_KM and slot == DISTANCE:
        return yes_no(slot, "implausible", round(read.total, 2), {"value_km": round(read.total, 2)})
    value = read.longest if slot == LONGEST else None
    if value is not None and value > PLAUSIBLE_RUN_KM:
        return yes_no(slot, "implausible", round(value, 2), {"value_km": round(value, 2)})
    if slot == DISTANCE and read.longest is not None and read.longest > PLAUSIBLE_RUN_KM:
        return yes_no(slot, "implausible", round(read.total or read.longest, 2),
                      {"value_km": round(read.total or read.longest, 2), "longest_km": round(read.longest, 2)})
    return None


def _dedupe(t: str, qs: list[_Qty], unit: str) -> list[_Qty]:
    """'21.1 km (half marathon)': one run written twice is counted once."""
    out: list[_Qty] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and q.role == prev.role == "run" and q.times == prev.times == 1 \
                and abs(q.km(unit) - prev.km(unit)) <= max(0.3, 0.025 * prev.km(unit)) \
                and re.fullmatch(r"[\s(\[=~]*(?:a|an|the|i\.?e\.?|aka|so|about|around|approx\.?|roughly|or|which is|"
                                 r"that'?s|ie)?[\s(\[~]*", t[prev.end:q.start]) \
                and (q.unit_stated or prev.unit_stated):
            continue
        out.append(q)
    return out


def _extra_runs(t: str, qs: list[_Qty]) -> float | None:
    """'10k race + 2 recovery runs': runs added without their distance -> how many."""
    seen_distance = False
    for i, q in enumerate(qs):
        if q.role in ("run", "longest", "total"):
            seen_distance = True
        elif q.role == "count" and seen_distance:
            before = t[qs[i - 1].end:q.start] if i else t[:q.start]
            if re.search(r"(?:\+|\band\b|\bplus\b|\balso\b|\bthen\b|\bwith\b)\s*(?:an?\s+|another\s+)?$", before) \
                    and re.match(r"\s*(?:\w+\s+)?(?:runs?|jogs?|sessions?|outings?)\b", t[q.end:]):
                return q.value
    return None


def _read(text: str, unit: str, slot: str) -> _Read:
    t = _normalise(text)
    t, unknown_race = _races(t)
    t, comma_ambiguous = _comma_decimals(t)
    excluded = _other_week_spans(t)
    confirm = _options_any(t, slot, unit, excluded)
    if confirm is not None:
        return _Read(confirm=confirm)
    qs = _quantities(t, excluded)
    qs = _bind_multipliers(t, qs)
    qs = _mark_roles(t, qs)
    qs = _dedupe(t, qs, unit)
    qs, confirm = _resolve_units(t, qs, unit, slot)
    if confirm is not None:
        return _Read(confirm=confirm)
    distances = [q for q in qs if q.role in ("run", "total", "longest")]
    extra = _extra_runs(t, qs)
    if extra is not None and not any(q.role == "total" for q in qs):
        return _Read(confirm=choose(slot, "run-count", (), {"runs": extra, "with_distance": True}))  # noqa: E501
    if comma_ambiguous and distances:
        m = re.search(r"(\d{1,3}),(\d{1,2})", t)
        if m:
            a, b = float(m.group(1)), float(m.group(2))
            rest = sum(q.km(unit) for q in distances if not (q.start >= m.start() and q.end <= m.end()))
            dec = float(f"{m.group(1)}.{m.group(2)}")
            conv = KM_PER_MILE if unit == "mi" else 1.0
            return _Read(confirm=choose(slot, "comma-ambiguous", (round(dec * conv + rest, 2), round((a + b) * conv + rest, 2)),
                                        {"written": m.group(0)}))
    if not distances:
        if unknown_race:
            return _Read(confirm=choose(slot, "race-unknown", ()))
        if _ZERO_RUN.search(t) and not [q for q in qs if q.role == "duration" and q.value > 0]:
            return _Read(0.0, 0.0)
        if any(q.role == "duration" for q in qs):
            return _Read(confirm=choose(slot, "duration", (), {"written": text.strip()}))
        if any(q.role == "count" for q in qs) or re.search(r"\b(runs|times|a few|several)\b", t):
            counts = [q for q in qs if q.role == "count"]
            return _Read(confirm=choose(slot, "run-count", (), {"runs": counts[0].value if counts else None}))
        return _Read(unclear="no-number")
    read = _read_distances(t, qs, unit, slot)
    if read.confirm is not None:
        return read
    check = _check_plausible(slot, read) or _check_unfollowed(slot, t, read)
    if check is not None:
        return _Read(confirm=check)
    return read


def _km(x: float) -> float:
    return round(x, 2)


def read_distance(text: str, unit: str = "km") -> Answer:
    """The week's total distance (km), from the answer to "how far did you run this week?"."""
    read = _read(text, unit, DISTANCE)
    if read.confirm is not None:
        return read.confirm
    if read.unclear is not None:
        return Unclear(DISTANCE, read.unclear)
    if read.total is None:
        if read.longest is not None:  # only a long run stated: "long run 15, rest easy"
            return Unclear(DISTANCE, "only-longest")
        return Unclear(DISTANCE)
    also = {LONGEST: _km(read.longest)} if read.longest is not None and read.longest <= read.total + 0.01 else {}
    return Reading(DISTANCE, _km(read.total), also, read.approximate, tuple(_km(p) for p in read.parts))


def read_longest(text: str, unit: str = "km", distance_km: float | None = None) -> Answer:
    """The longest single run (km), from the answer to "how long was your longest run?".
    `distance_km`, the week's total if already answered, reads "only the one run" / "same"."""
    t = _normalise(text)
    if distance_km is not None and re.search(
            r"\b(same|that one|that was it|only (?:ran )?(?:one|1|once)|just (?:the )?(?:one|1|once)|one run|"
            r"1 run|single run|ran once|only once|the whole thing|all of it|all in one|only run|my only|the only)\b", t) \
            and not re.search(r"\d", t.replace("1 run", "").replace("1 times", "")):
        return Reading(LONGEST, _km(distance_km))
    read = _read(text, unit, LONGEST)
    if read.confirm is not None:
        return read.confirm
    if read.unclear is not None:
        return Unclear(LONGEST, read.unclear)
    if read.longest is not None:
        value = read.longest
    elif read.total is not None:
        value = read.total if not read.parts else max(read.parts)
    else:
        return Unclear(LONGEST)
    if value > PLAUSIBLE_RUN_KM:
        return yes_no(LONGEST, "implausible", _km(value), {"value_km": _km(value)})
    also = {DISTANCE: _km(read.total)} if read.total is not None and read.parts and read.total > value else {}
    return Reading(LONGEST, _km(value), also, read.approximate, tuple(_km(p) for p in read.parts))


# -- pain ------------------------------------------------------------------------------------

_PAIN_ZERO = re.compile(
    r"^\s*(?:0|zero|none|nil|nope|no|nothing|nada|zilch)\b"
    r"|\b(no pain|pain[- ]free|painless|didn'?t hurt|did not hurt|doesn'?t hurt|hasn'?t hurt|no hurt|"
    r"not at all|nothing at all|none at all|no problems?|no issues?|all good|felt (?:fine|great|good)|"
    r"fine|great|perfect|totally fine|all fine|no aches?|nothing)\b")
_PAIN_ONE = re.compile(r"\b(barely any|barely anything|barely|hardly any|hardly anything|hardly|a tiny bit|tiny bit|"
                       r"very little|minimal|very mild|a twinge|twinges?|niggle|niggly|almost none|almost nothing|"
                       r"next to nothing|slight niggle)\b")
_PAIN_WORDS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(excruciating|unbearable|agony|agonising|agonizing|worst|terrible|horrible|awful|severe|"
                r"extreme|couldn'?t walk|can'?t walk)\b"), 8.0),
    (re.compile(r"\b(really bad|very bad|quite bad|pretty bad|bad|a lot|lots|significant|sharp|strong)\b"), 6.0),
    (re.compile(r"\b(moderate|medium|middling|noticeable|so-so|some|annoying|sore|achy|aching)\b"), 4.0),
    (re.compile(r"\b(mild|slight|a little|a bit|little bit|light|low|minor|not much|not bad|not too bad)\b"), 2.0),
]
_PAIN_CHANGE = re.compile(r"\b(better|worse|same as|as before|as last|like last|unchanged|improved|improving|"
                          r"getting worse|higher|lower|less|more)\b")
_SCORE = re.compile(r"(?<![\d.:/])(\d{1,2}(?:\.\d)?)\s*(?:/\s*10|out of\s*10|outta\s*10|of 10|on 10)\b")
_PAIN_NUM = re.compile(r"(?<![\d.:/,])(-?\d{1,3}(?:\.\d+)?)(?![\d])(?P<after>\s*(?:ish\b|-ish\b)?)")


def read_pain(text: str, previous: float | None = None) -> Answer:
    """The week's pain score, 0-10. `previous`, last check-in's score, reads "same as last week"."""
    t = _normalise(text, allow_one=True)
    t = t.replace(",", " , ")
    excluded = _other_week_spans(t)
    # a score written as a score ("6/10", "6 out of 10") wins over any other number
    fraction = re.search(r"(?<![\d.])(\d)\s*/\s*(\d)(?![\d])", t)  # "2/3": not a score out of 10
    if fraction and not _SCORE.search(t):
        return choose(PAIN, "pain-two-options", (float(fraction.group(1)), float(fraction.group(2))),
                      {"written": fraction.group(0), "values": [float(fraction.group(1)), float(fraction.group(2))]})
    scored = [m for m in _SCORE.finditer(t) if not any(a <= m.start() < b for a, b in excluded)]
    values: list[float] = [float(m.group(1)) for m in scored]
    # other numbers that could be a score too: "2/10 in the morning, 4 after runs" is asked
    for m in _PAIN_NUM.finditer(t):
        start, end = m.start(1), m.end(1)
        if any(a <= start < b for a, b in excluded) or any(s.start() <= start < s.end() for s in scored):
            continue
        if re.search(r"\b(?:day|days|week|weeks|mile|miles|km|run|lap|rep|reps|set|number|no\.|since|"
                     r"pain for|for the last|for the past)\s*#?\s*$", t[max(0, start - 16):start]):
            continue
        after = t[end:end + 24]
        # a count of runs with a word between: "did 3 easy runs" (tester round 60: saved as pain 3/10)
        if re.match(r"\s*(?:(?!(?:after|before|during|on|in|with|for|from|of|at)\b)\w+\s+)?(?:runs?|jogs?|sessions?|times|outings?|workouts?)\b", after):
            continue
        if re.match(rf"\s*(?:-\s*)?(?:(?:{_KM}|{_MI}|{_METRES}|{_HOURS}|{_MINUTES})\b|%|st\b|nd\b|rd\b|th\b|am\b|pm\b|"
                    rf"x\b|runs?\b|times\b|days?\b|weeks?\b|sessions?\b|outings?\b|jogs?\b|miler|s\b|:\d|"
                    rf"seconds?|secs?\b)", after):
            continue
        before = t[max(0, start - 14):start]
        if re.search(r"(?:\bx|ran|did|run|jogged|after|my|the|a)\s*$", before) and re.match(r"\s*(?:k|km|mi)", after):
            continue
        if re.search(r"\b(?:for|after|in|over)\s+(?:the\s+)?(?:last\s+|past\s+)?$", before) and re.match(r"\s*(?:days?|weeks?)", after):
            continue
        values.append(float(m.group(1)))
    if values:
        distinct = list(dict.fromkeys(values))
        if len(distinct) >= 2:
            # "from 4 to 6" is handled as another week above; two numbers left are two options
            return choose(PAIN, "pain-two-options", tuple(distinct[:2]), {"values": distinct[:4], "written": text.strip()})
        value = distinct[0]
        if 0 <= value <= 10:
            return Reading(PAIN, value, approximate=bool(_APPROX.search(t)))
        return choose(PAIN, "pain-out-of-scale", (10.0,), {"written": value})
    if _PAIN_ONE.search(t):
        return Reading(PAIN, 1.0)
    if _PAIN_ZERO.search(t) and not re.search(r"\bbut\b", t):
        return Reading(PAIN, 0.0)
    change = _PAIN_CHANGE.search(t)
    if change and previous is not None:
        word = change.group(1)
        if word in ("same as", "as before", "as last", "like last", "unchanged"):
            return Reading(PAIN, float(previous))
        return choose(PAIN, "pain-change-only", (), {"previous": previous, "word": word})
    for pattern, guess in _PAIN_WORDS:
        if pattern.search(t):
            return yes_no(PAIN, "pain-word", guess, {"word": pattern.search(t).group(1), "value": guess})  # type: ignore[union-attr]
    if _PAIN_ZERO.search(t):
        return Reading(PAIN, 0.0)
    if change:
        return choose(PAIN, "pain-change-only", (), {"previous": previous, "word": change.group(1)})
    return Unclear(PAIN)


def read_answer(slot: str, text: str, unit: str = "km", answers: Mapping[str, Any] | None = None,
                previous: Mapping[str, Any] | None = None) -> Answer:
    """The one entry point for the check-in form: the answer to `slot` ("checkin_pain",
    "checkin_distance", "checkin_longest") read from `text`, then checked against the answers
    already given in this check-in (`answers`, slot -> value) by bot.checkins.consistency.
    `previous` is the last stored check-in entry (for "same as last week")."""
    from bot.checkins.consistency import check

    answers = dict(answers or {})
    if slot == PAIN:
        prev = (previous or {}).get("pain")
        answer = read_pain(text, float(prev) if isinstance(prev, (int, float)) and not isinstance(prev, bool) else None)
    elif slot == DISTANCE:
        answer = read_distance(text, unit)
    elif slot == LONGEST:
        total = answers.get(DISTANCE)
        answer = read_longest(text, unit, float(total) if isinstance(total, (int, float)) else None)
    else:
        raise ValueError(f"read_answer reads pain, distance and longest run, not {slot!r}")
    if isinstance(answer, Reading):
        return check(answer, answers) or answer
    return answer


_YES = re.compile(r"^\s*(?:yes|yep|yeah|yup|ya|y|correct|right|that'?s right|exactly|sure|ok|okay|true|"
                  r"that'?s it|indeed|affirmative|👍)\b", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:no|nope|nah|n|wrong|not quite|incorrect|that'?s wrong|not right)\b", re.IGNORECASE)


def read_confirm_reply(confirm: Confirm, text: str, unit: str = "km", answers: Mapping[str, Any] | None = None,
                       previous: Mapping[str, Any] | None = None) -> Option | Answer:
    """A typed reply to a confirming question (buttons carry the option key instead).

    "yes"/"no" words pick those options (or, for a question without them, "yes" the first
    offered value and "no" the "other"/ask-again option); a number equal to an offered value
    picks that option; any other number is read as a fresh answer to the slot, returned as an
    `Answer`. Phase B records a `Reading` and, for a second `Confirm` or `Unclear`, moves on
    rather than asking a third time."""
    if _YES.search(text) and not re.search(r"\d", text):
        return confirm.yes or next((o for o in confirm.options if o.value is not None), None) or \
            Unclear(confirm.slot, "yes-to-open-question")
    if _NO.search(text) and not re.search(r"\d", text):
        return confirm.no or confirm.option("other") or next((o for o in confirm.options if o.ask_again), None) or \
            Unclear(confirm.slot, "no-without-number")
    answer = read_answer(confirm.slot, text, unit, answers, previous)
    if isinstance(answer, Reading):
        for option in confirm.options:
            if option.value is not None and abs(option.value - answer.value) <= 0.05:
                return option
    return answer


__all__ = ["DISTANCE", "KM_PER_MILE", "LONGEST", "PAIN", "Option", "read_answer", "read_confirm_reply",
           "read_distance", "read_longest", "read_pain"]
