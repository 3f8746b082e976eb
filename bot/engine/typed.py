"""Typed answers to buttons: the same in every channel (issue 16).

The engine keeps the last turn's buttons in the conversation (`remember`), with the question each
answers; a button of a question no longer pending is not read (as Telegram treats a stale press).
A typed message is read as a press of one of them (`press_for`) when it is:

- the button's label, give or take case, spaces, quotes and a trailing "?", "." or "!"
  ("fades within days", "why", "19:00"), or its first two words or more when no other label
  starts so ("carry on" for "Carry on about my running");
- for the account flows' buttons (payloads "!…", bot.commands), a value of the kind they ask for,
  also one no button shows: a time ("7pm", "19:00", "7:30 am" -> !checkin time 19:00), a time zone
  by IANA name, city, country or common name ("im in toronto, eastern time" -> America/Toronto),
  a unit ("km please", "miles"), a weekday ("mondays"), a country ("the UK", "england", "somewhere
  else"), yes or no ("yes" to /forget; "yes please" to the weekly check-in offer) when the
  message is only that ("ok what should i do" is not a yes).

Anything else is not a press, and goes through the flow as typed text. The engine runs the
crisis screen and the clinical rules on the text first: a message with a crisis or red-flag sign
is never read as a button. `hint_for` names what the account question wants when a typed answer
was not understood.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from bot.checkins.schedule import zones_by_lower
from bot.dialogue import asks_about
from bot.record import Conversation
from bot.turn import Button, Reply

#: Typed values are read only from short messages ("7pm", "im in toronto, eastern time"), never
#: from a sentence that happens to contain a time or a place.
MAX_WORDS = 8

_NORMAL = re.compile(r"[\s\"'“”‘’]+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

YES = frozenset({"yes", "yeah", "yep", "yup", "y", "ya", "sure", "ok", "okay", "please", "definitely",
                 "absolutely", "go", "do", "delete"})
NO = frozenset({"no", "nope", "nah", "n", "not", "don't", "dont", "keep", "cancel", "stop", "never"})
#: Words a plain yes or no may carry besides ("yes please, go ahead", "no thanks, keep it"). A
#: message with any other word ("ok what should i do") is not a yes or no: it says something else.
ANSWER_FILLER = frozenset({"thanks", "thank", "you", "it", "that", "them", "all", "everything", "ahead", "i", "i'd",
                           "id", "would", "like", "want", "to", "sounds", "good", "great", "fine", "alright",
                           "right", "of", "course", "lets", "let's", "thx", "ty", "pls", "plz", "way", "thing"})

# A time: "7pm", "7 pm", "19:00", "7.30am", "19h30", "at 7 in the evening".
_TIME = re.compile(r"\b(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?![\d:])")
_MORNING = re.compile(r"\b(mornings?|am|a\.m)\b")
_EVENING = re.compile(r"\b(afternoons?|evenings?|nights?|tonight|pm|p\.m)\b")

UNITS = {"km": ("km", "kms", "k", "kilometre", "kilometres", "kilometer", "kilometers", "metric"),
         "mi": ("mi", "mile", "miles", "imperial")}
WEEKDAYS = (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))

# Places runners name for a time zone that are not the last part of an IANA name.
ZONE_WORDS: dict[str, str] = {
    "eastern": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "central": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mountain": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pacific": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "uk": "Europe/London", "britain": "Europe/London", "england": "Europe/London", "scotland": "Europe/London",
    "wales": "Europe/London", "gmt": "Europe/London", "bst": "Europe/London", "ireland": "Europe/Dublin",
    "germany": "Europe/Berlin", "cet": "Europe/Berlin", "cest": "Europe/Berlin", "france": "Europe/Paris",
    "spain": "Europe/Madrid", "italy": "Europe/Rome", "netherlands": "Europe/Amsterdam",
    "utc": "UTC", "india": "Asia/Kolkata", "japan": "Asia/Tokyo",
    "seattle": "America/Los_Angeles", "san francisco": "America/Los_Angeles", "portland": "America/Los_Angeles",
    "boston": "America/New_York", "washington": "America/New_York", "atlanta": "America/New_York",
    "miami": "America/New_York", "philadelphia": "America/New_York", "montreal": "America/Toronto",
    "ottawa": "America/Toronto", "dallas": "America/Chicago", "houston": "America/Chicago",
    "austin": "America/Chicago", "calgary": "America/Edmonton",
    # tester round 23: "south africa, SAST" was Australia/South, "cape town" unknown
    "south africa": "Africa/Johannesburg", "sast": "Africa/Johannesburg", "cape town": "Africa/Johannesburg",
    "durban": "Africa/Johannesburg", "pretoria": "Africa/Johannesburg", "joburg": "Africa/Johannesburg",
    "new zealand": "Pacific/Auckland", "nz": "Pacific/Auckland", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
    "australia": "Australia/Sydney", "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "west coast": "America/Los_Angeles",
    "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
    "chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "pune": "Asia/Kolkata", "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi", "philippines": "Asia/Manila", "canada": "America/Toronto",
}
# Last parts of IANA names that are everyday words, not places a runner means.
_NOT_PLACES = frozenset({"wake", "midway", "easter", "center", "knox", "casey", "davis", "palmer", "troll",
                         "south", "north", "west", "east", "central", "general", "universal", "eastern", "western",
                         "marengo", "vevay", "winamac", "tell_city", "petersburg", "vincennes", "salem"})
# What a runner types for "Somewhere else", and two names the data leaves out. Country names and
# places ("england", "the states", "dublin") come from knowledge/crisis_resources.yml.
COUNTRY_WORDS: dict[str, str] = {
    "united states of america": "US", "states": "US", "eire": "IE",
    "somewhere else": "other", "elsewhere": "other", "other": "other", "another country": "other",
    "none of these": "other",
}


def normal(text: str) -> str:
    """Text as labels are compared: lower case, single spaces, no quotes or closing punctuation."""
    return _NORMAL.sub(" ", text.casefold()).strip(" ?.!,;:").strip()


def remember(conversation: Conversation, replies: Sequence[Reply]) -> None:
    """Keep this turn's buttons [label, payload, the slot their question asks or ""] for the
    next typed message. A turn without buttons clears them, but for the advice's own buttons
    (no question) while no question is pending: "2" typed after a short answer without buttons
    still means the advice menu's "What can I do now?" on screen above it (tester round 21 got
    "Soreness after a run is normal ... an easy walk" for a possible broken knee)."""
    now = [[b.label, b.payload, r.asks or ""] for r in replies for b in r.buttons]
    if not now and not conversation.get("requested_slot"):
        # (not an account question's: "km" once the check-in is set up leaves "kilometres or miles?"
        # answered; tester round 38 got it again for "pause the check-ins for 2 weeks")
        now = [b for b in conversation.get("buttons") or [] if isinstance(b, list) and len(b) == 3 and not b[2]
               and not str(b[1]).startswith("!")]
    conversation["buttons"] = now


def remembered(record: Mapping[str, Any]) -> tuple[Button, ...]:
    """The last turn's buttons that can still be answered: those of a question only while it is
    the pending one."""
    conversation = record.get("conversation") or {}
    pending = conversation.get("requested_slot")
    raw = conversation.get("buttons") or []
    return tuple(Button(str(b[0]), str(b[1])) for b in raw
                 if isinstance(b, list) and len(b) in (2, 3)
                 and (len(b) == 2 or not b[2] or (pending is not None and asks_about(str(b[2]), str(pending)))))


def menu_item(record: Mapping[str, Any], text: str) -> Button | None:
    """"2" typed while the advice's own menu is the last one (no question pending): its second
    button, as the terminal numbers them; None for anything else (a question's buttons are
    answered by their labels: "2" to "how many weeks?" is a number)."""
    stripped = text.strip()
    if not stripped.isdigit():
        return None
    conversation = record.get("conversation") or {}
    raw = [b for b in conversation.get("buttons") or [] if isinstance(b, list) and len(b) == 3]
    if conversation.get("requested_slot") or not raw or any(b[2] for b in raw):
        return None
    if any(str(b[0]).strip() == stripped for b in raw):
        return None
    n = int(stripped)
    return Button(str(raw[n - 1][0]), str(raw[n - 1][1])) if 1 <= n <= len(raw) else None


def press_for(text: str, buttons: Sequence[Button], countries: Mapping[str, str] | None = None,
              zones: Mapping[str, str] | None = None) -> Button | None:
    """The button `text` presses, if any (module docstring). `countries`: name -> code of the
    countries a runner can choose (labels, names, codes, aliases and places, lower case); `zones`:
    code -> the time zone of a country that has one ("edinburgh" -> GB -> Europe/London)."""
    said = normal(text)
    if not said:
        return None
    for button in buttons:
        if normal(button.label) == said:
            return button
    # The start of one button's label, two words or more ("carry on" for "Carry on about my
    # running", tester round 8): that button, when no other label starts so.
    if len(said.split()) >= 2:
        starting = [b for b in buttons if normal(b.label).startswith(said + " ")]
        if len(starting) == 1:
            return starting[0]
    words = _WORD.findall(said)
    if len(words) > MAX_WORDS:
        # The answer said first, then why: "can we do 9am? sunday mornings are my long run day"
        # (tester round 53: the rest of the message was read and got an old emergency card)
        first = re.split(r"(?<=[?.!])\s+", said, maxsplit=1)[0]
        if first == said or len(_WORD.findall(first)) > MAX_WORDS:
            return None
        said, words = first, _WORD.findall(first)
    account = [b for b in buttons if b.payload.startswith("!")]
    for reader in _READERS:
        found = reader(said, words, account, countries or {})
        if found is not None:
            return found
    if _with(account, "!checkin tz ") and countries and zones:
        # "Edinburgh" to "which time zone?" (tester round 56: read as where she is, and the check-in
        # setup dropped): a place of a country with one time zone is that zone
        codes = {code for name, code in countries.items() if len(name) > 2 and name in said and _name(name).search(said)}
        found_zones = {zones[c] for c in codes if c in zones}
        if len(found_zones) == 1:
            return Button(said, f"!checkin tz {found_zones.pop()}")
    return None


def hint_for(buttons: Sequence[Button]) -> str | None:
    """Which account question the buttons ask (time, tz, unit, day, country, forget), if any."""
    for b in buttons:
        for prefix, kind in _KINDS:
            if b.payload.startswith(prefix):
                return kind
    return None


def may_answer(text: str) -> bool:
    """Could `text` be a try at answering an account question ("blah", "whenever", "8ish")? A
    sentence that says something else ("hi again, it's been a week. it's better now", perhaps a
    week after the time picker was left open) is not: the conversation takes it."""
    return len(re.findall(r"[\w']+", text)) <= 4 or bool(re.search(r"\d", text))


_KINDS = (("!checkin time ", "time"), ("!checkin tz ", "tz"), ("!checkin unit ", "unit"),
          ("!checkin day ", "day"), ("!country ", "country"), ("!forget ", "forget"))


def _with(buttons: Sequence[Button], prefix: str) -> list[Button]:
    return [b for b in buttons if b.payload.startswith(prefix)]


def _time(said: str, words: list[str], buttons: Sequence[Button], _: Mapping[str, str]) -> Button | None:
    if not _with(buttons, "!checkin time "):
        return None
    value = read_time(said)
    return Button(said, f"!checkin time {value}") if value else None


_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12}
_SPOKEN = re.compile(r"\b(half past|half|quarter past|quarter to)\s+(\d{1,2}|" + "|".join(_HOUR_WORDS) + r")\b")


def _spoken_time(lower: str) -> str:
    """"half 7" (British: 7:30), "half past seven", "quarter past 6", "quarter to 8" as clock times."""
    def clock(m: re.Match[str]) -> str:
        hour = int(m.group(2)) if m.group(2).isdigit() else _HOUR_WORDS[m.group(2)]
        if m.group(1) == "quarter to":
            return f"{(hour - 1) or 12}:45"
        return f"{hour}:{'15' if m.group(1) == 'quarter past' else '30'}"
    return _SPOKEN.sub(clock, lower)


def read_time(text: str) -> str | None:
    """'7pm' -> '19:00', '19:00' -> '19:00', '7:30 am' -> '07:30', 'noon' -> '12:00'; a bare hour
    up to 12 needs morning/evening ("7 in the evening"); None when there is no one clear time."""
    lower = _spoken_time(text.lower())
    if re.search(r"\b(noon|midday)\b", lower):
        return "12:00"
    if re.search(r"\bmidnight\b", lower):
        return "00:00"
    found = [m for m in _TIME.finditer(lower) if m.group(0).strip()]
    if len(found) != 1:
        return None
    m = found[0]
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").replace(".", "").replace(" ", "")
    if minute > 59:
        return None
    if not half and 1 <= hour <= 12:
        # "7:30 in the evening", "half seven tonight": the part of the day said beside it
        half = "am" if _MORNING.search(lower) else "pm" if _EVENING.search(lower) else ""
        if not half and m.group(2) is None:
            # "9", "about 9" (tester round 56: "Sorry, I didn't catch the time"): 8 to 11 can only be
            # the morning for a weekly message; 1 to 7 could be either
            if 8 <= hour <= 11 and re.fullmatch(r"(?:at |about |around |maybe |say |like |ish )*\d{1,2}(?:ish)?", lower.strip(" .!?")):
                half = "am"
            else:
                return None  # "7": morning or evening?
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    return f"{hour:02d}:{minute:02d}" if hour <= 23 else None


def _tz(said: str, words: list[str], buttons: Sequence[Button], _: Mapping[str, str]) -> Button | None:
    if not _with(buttons, "!checkin tz "):
        return None
    zone = read_timezone(said)
    return Button(said, f"!checkin tz {zone}") if zone else None


@lru_cache(maxsize=1)
def _zone_places() -> dict[str, str]:
    """'new york' -> America/New_York, 'toronto' -> America/Toronto: the last part of every
    IANA name of a real area (not Etc/, not the old US/ aliases)."""
    places: dict[str, str] = {}
    for zone in sorted(zones_by_lower().values()):
        area, _, rest = zone.partition("/")
        if area not in ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"):
            continue
        last = rest.rsplit("/", 1)[-1].lower()
        if last in _NOT_PLACES:
            continue
        places.setdefault(last.replace("_", " "), zone)
    return places


@lru_cache(maxsize=None)
def _word(name: str) -> re.Pattern[str]:
    """`name` as a whole word (compiled once: the place tables hold hundreds of names, more than
    `re`'s own cache keeps between turns)."""
    return re.compile(rf"\b{re.escape(name)}\b")


@lru_cache(maxsize=None)
def _name(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(name)}(?![a-z])")


def read_timezone(text: str) -> str | None:
    """An IANA name ("Europe/Madrid"), or the zone of the place the text names: a city in an
    IANA name ("toronto"), else a country or common name ("eastern time", "uk"). A city wins over
    a region ("im in toronto, eastern time" -> America/Toronto)."""
    lower = text.lower()
    iana = re.search(r"\b([a-z]+/[a-z_]+(?:/[a-z_]+)?)\b", lower)
    if iana:
        zone = zones_by_lower().get(iana.group(1))
        if zone is not None:
            return zone
    for table in (_zone_places(), ZONE_WORDS):
        hits = [(len(name), zone) for name, zone in table.items() if name in lower and _word(name).search(lower)]
        if hits:
            return max(hits)[1]
    return None


def _unit(said: str, words: list[str], buttons: Sequence[Button], _: Mapping[str, str]) -> Button | None:
    if not _with(buttons, "!checkin unit "):
        return None
    units = {unit for unit, names in UNITS.items() if any(w in names for w in words)}
    return Button(said, f"!checkin unit {units.pop()}") if len(units) == 1 else None


def _day(said: str, words: list[str], buttons: Sequence[Button], _: Mapping[str, str]) -> Button | None:
    if not _with(buttons, "!checkin day "):
        return None
    days = {i for i, names in enumerate(WEEKDAYS) for w in words if w.rstrip("s") in names or w in names}
    if len(days) != 1:
        return None
    # ... and the time said with it: "Monday mornings please, about 9" (tester round 56 was asked
    # the time again, then did not catch "9")
    at = read_time(said)
    return Button(said, f"!checkin day {days.pop()}" + (f" {at}" if at else ""))


def _country(said: str, words: list[str], buttons: Sequence[Button], countries: Mapping[str, str]) -> Button | None:
    offered = {b.payload.split(" ", 1)[1]: b for b in _with(buttons, "!country ")}
    if not offered:
        return None
    names = {**{k.lower(): v for k, v in countries.items()}, **COUNTRY_WORDS}
    hits = {code for name, code in names.items() if name in said and _name(name).search(said)
            and (len(name) > 2 or len(words) <= 3)}  # "us", "uk": only as (almost) the whole answer
    codes = {c for c in hits if c in offered}
    return offered[codes.pop()] if len(codes) == 1 else None


def _yes_no(said: str, words: list[str], buttons: Sequence[Button], _: Mapping[str, str]) -> Button | None:
    forget = {b.payload: b for b in _with(buttons, "!forget ")}
    offer = [b for b in buttons if b.payload == "!checkin start"]
    if not (forget or offer) or not words or len(words) > 5:
        return None
    if any(w not in YES and w not in NO and w not in ANSWER_FILLER for w in words):
        return None  # "ok what should i do" is a question, not a yes
    yes, no = any(w in YES for w in words), any(w in NO for w in words)
    if yes == no:
        return None
    if forget:
        return forget.get("!forget yes" if yes else "!forget no")
    return offer[0] if yes else None


_READERS = (_time, _tz, _unit, _day, _country, _yes_no)
