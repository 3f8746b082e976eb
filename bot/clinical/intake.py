"""The short risk intake: what each answer means, and the facts it gives the clinical rules.

Slots (public: the vignette scorer's SLOT_ANSWERS uses these names): age_band, sex, periods,
mileage_change, upcoming_race, past_injury. Answers are understood in the runner's own words
("19", "in my forties", "stopped about five months ago", "doubled it for the marathon",
"half marathon in two weeks"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import yaml

from bot.clinical.evaluate import INTAKE, FactValue
from bot.clinical.text import normalise, yes_no, yes_no_rest

SLOTS = ("sex", "periods", "age_band", "mileage_change", "upcoming_race", "past_injury")
#: Age bands: the balance norms' bands, with 55 split out for the Ottawa knee rule (age >= 55).
AGE_BANDS = ("under_16", "16_17", "18_39", "40_49", "50_54", "55_59", "60_69", "70_79", "80_plus")
#: What the runner can answer, per slot (used to try every answer before asking).
VALUES: dict[str, tuple[str, ...]] = {
    "sex": ("female", "male"),
    "periods": ("regular", "irregular", "stopped"),
    "age_band": AGE_BANDS,
    "mileage_change": ("up_a_lot", "up_a_little", "same", "down"),
    "upcoming_race": ("soon", "later", "none"),
    "past_injury": ("yes", "no"),
}
RACE_SOON_DAYS = 56  # within eight weeks, a race shapes the advice


@dataclass(frozen=True)
class IntakeQuestion:
    """An intake question; its words are the response utter_ask_<slot>."""

    slot: str
    only_when: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Intake:
    """The intake answers: slot -> value (see VALUES), with the runner's words and details."""

    values: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[str, str] = field(default_factory=dict)
    age: int | None = None
    race_in_days: int | None = None

    def get(self, slot: str) -> str | None:
        return self.values.get(slot)

    def answered(self, slot: str) -> bool:
        return slot in self.values

    def with_answer(self, slot: str, value: str, words: str = "", **details: Any) -> Intake:
        return replace(self, values={**self.values, slot: value}, words={**self.words, slot: words}, **details)

    def to_json(self) -> dict[str, Any]:
        return {"values": dict(self.values), "words": dict(self.words), "age": self.age,
                "race_in_days": self.race_in_days}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Intake:
        if not data:
            return cls()
        return cls(dict(data.get("values") or {}), dict(data.get("words") or {}), data.get("age"),
                   data.get("race_in_days"))


@lru_cache(maxsize=1)
def intake_data() -> dict[str, Any]:
    from bot.paths import knowledge_directory

    data: dict[str, Any] = yaml.load((knowledge_directory() / "clinical" / "intake.yml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def questions() -> tuple[IntakeQuestion, ...]:
    return tuple(IntakeQuestion(q["slot"], tuple(q.get("only_when") or ())) for q in intake_data()["intake"])


def question(slot: str) -> IntakeQuestion:
    return next(q for q in questions() if q.slot == slot)


# -- understanding answers -------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a couple": 2, "a few": 3, "few": 3,
    "several": 4, "a": 1, "an": 1,
}
_DECADES = {"teens": 15, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65,
            "seventies": 75, "eighties": 85}


def age_band(age: int) -> str:
    for band, top in (("under_16", 15), ("16_17", 17), ("18_39", 39), ("40_49", 49), ("50_54", 54),
                      ("55_59", 59), ("60_69", 69), ("70_79", 79)):
        if age <= top:
            return band
    return "80_plus"


def parse_age(text: str) -> int | None:
    norm = normalise(text)
    m = re.search(r"\b(early|mid|late)?\s*(\d)0'?s\b", norm)
    if m:
        base = int(m.group(2)) * 10
        return base + {"early": 2, "mid": 5, "late": 8, None: 5}[m.group(1)]
    m = re.search(r"\b(early|mid|late)?\s*(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)\b", norm)
    if m:
        return _DECADES[m.group(2)] - 5 + {"early": 2, "mid": 5, "late": 8, None: 5}[m.group(1)] - 5 + 5
    m = re.search(r"\b(\d{1,3})\b", norm)
    if m and 5 <= int(m.group(1)) <= 110:
        return int(m.group(1))
    return None


#: Someone else named ("without telling my mum", "my dad says"): not the runner's sex (tester round
#: 45: "i cant see a physio without telling my mum tho" was stored as female).
_SOMEONE_ELSES = re.compile(r"\b(?:my|me|our|your|his|her|their) (?:mum|mom|mam|mother|dad|da|father|sister|brother|coach|"
                            r"wife|husband|girlfriend|boyfriend|gf|bf|friend|son|daughter|girl|boy|guy|man|woman|lady|parents?)\b")


def parse_sex(text: str) -> str | None:
    norm = _SOMEONE_ELSES.sub(" ", normalise(text))
    # pronouns answer only a short reply ("she/her"); in a sentence they are about someone else
    short = len(norm.split()) <= 4
    if re.search(rf"\b(female|woman|women|girl|lady|f|mum|mom{'|she|her' if short else ''})\b", norm):
        return "female"
    if re.search(rf"\b(male|man|men|boy|guy|bloke|m|dad{'|he|him' if short else ''})\b", norm):
        return "male"
    if re.search(r"\b(rather not|prefer not|skip|non.?binary|other|none of your)\b", norm):
        return "not_said"
    return None


#: A trans woman (or on oestrogen for gender-affirming care): periods are
#: not the question (tester round 29: "well they never started obviously, im trans" was read as
#: periods that never started: "See a doctor today" for a tiny shin ache). A trans man is asked as
#: anyone else would be: periods matter unless testosterone stopped them, which he can say.
_TRANS_WOMAN = re.compile(r"\b(?:trans ?(?:woman|women|girl|gal|femme|lady)|transgender (?:woman|girl)|mtf|m2f|amab|"
                          r"(?:i'm|im|i am) trans\b(?! ?(?:man|men|guy|masc|male|boy))|(?:on|taking) (?:estradiol|oestradiol|estrogen|oestrogen|"
                          r"hrt) (?:for|as) (?:my )?(?:transition|gender))")


def is_trans_woman(text: str) -> bool:
    return _TRANS_WOMAN.search(normalise(text)) is not None


def parse_periods(text: str, plain_yes_no: bool = True) -> str | None:
    norm = normalise(text)
    if is_trans_woman(norm):
        return "not_applicable"
    if re.search(r"\b(?:(?:haven't|hasn't|have not|has not|not) (?:started|begun|come|got (?:them|it|her period)) yet|"
                 r"not (?:started|begun) (?:yet|her periods|them)|too young|doesn't have (?:them|periods) yet|no periods yet)\b", norm):
        # "hers haven't started yet" (a parent of a 14-year-old, tester round 10): normal before 15,
        # the red flag from 15 on (CLINICAL.md: "never started by 15"): intake_facts decides with the age.
        return "not_started"
    if (re.search(r"\b(?:(?:post|peri)[- ]?)?menopaus\w*|\bhysterectomy\b|\b(?:i'm|i am|im|currently|she's|she is) "
                  r"(?:\d+ (?:weeks?|months?) )?(?:pregnant|breastfeeding|breast feeding)\b|\bthe change\b|"
                  # "long past those" (a 71-year-old, blind vignettes 18)
                  r"\b(?:long |well |way )?past (?:those|that|them|it)\b|\b(?:don't|do not|dont) (?:have|get) (?:them|periods?) any ?more\b", norm)
            and not re.search(r"\bnot (?:in |through |pregnant|menopaus)|\bnot yet\b", norm)):
        # "stopped 2 years back, menopause" (blind vignettes 14 got the REDs advice): periods that
        # stopped for the menopause, a hysterectomy or a pregnancy are not the red flag.
        return "not_applicable"
    if re.search(r"\b(stopped|stop|gone|none|no periods?|haven't had|hasn't had|has not had|have not had|not had|missing|absent|disappeared|"
                 # "her periods never having started" (forecast vignettes 11, a 16-year-old)
                 r"never (had|started|got)|never (having|once) (started|begun|come)|no period|lost my|\d+ months? (without|since)|"
                 r"amenorrh\w*)\b", norm):
        return "stopped"
    if re.search(r"\b(irregular|not regular|skipp\w*|missed (a|one|two|a couple|a few|some)|all over the place|"
                 r"unpredictable|sometimes|on and off|late|lighter)\b", norm):
        return "irregular"
    if re.search(r"\b(pill|contracepti\w*|coil|iud|implant|mirena|depo|menopaus\w*|pregnan\w*|n/a|not applicable)\b", norm):
        return "not_applicable"
    if re.search(r"\b(regular|normal|like clockwork|every month|fine|on time)\b", norm):
        return "regular"
    if not plain_yes_no:
        return None
    answer = yes_no(text)
    if answer is True:
        return "regular"
    if answer is False:
        return "irregular"
    return None


def _amount(text: str) -> float | None:
    m = re.search(r"\b(\d+(?:\.\d+)?)\b", text)
    if m:
        return float(m.group(1))
    for word, n in sorted(_NUMBER_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{word}\b", text):
            return float(n)
    return None


#: Where it hurts, said beside the answer: "it also hurts going up the stairs" (tester round 47 read
#: "going up" as a big rise in running).
_PAIN_ON_SLOPES = re.compile(r"\b(?:hurts?|hurting|painful|pain|sore|aches?|aching)\b[^.!?]{0,20}?\b(?:going|walking|climbing|running|when i go|"
                             r"on the way)? ?(?:up|down) (?:the |a |any )?(?:stairs|steps|hills?|inclines?|slopes?)\b")


def parse_mileage(text: str) -> str | None:
    norm = _PAIN_ON_SLOPES.sub(" ", normalise(text))
    # "from 20 to 40 km", "20 km -> 40 km", Spanish "de 20 km a 40 km" (tester round 21 was asked again)
    m = re.search(r"\b(?:from |went |gone |up |de |desde )?(?:about |around )?(\d+(?:\.\d+)?)\s*\w*\s*(?:(?:up )?to|->|a|hasta)\s+"
                  r"(?:about |around )?(\d+(?:\.\d+)?)", norm)
    if m:
        a, b = float(m.group(1)), float(m.group(2))
        if a > 0:
            ratio = b / a
            return "up_a_lot" if ratio > 1.3 else "up_a_little" if ratio > 1.0 else "same" if ratio == 1.0 else "down"
    if not m:
        # "long run was 25k, usually 22", "30 a week instead of 20" (blind vignettes 15 was asked again)
        m = re.search(r"\b(\d+(?:\.\d+)?)\s*[a-z]{0,6}\b[^\d.!?]{0,25}?\b(?:usually|normally|instead of|compared to|compared with|"
                      r"vs|versus|rather than|up from|when it'?s usually|when i usually do)\s+(?:about |around |my |the )?(\d+(?:\.\d+)?)", norm)
        if m and float(m.group(2)) > 0:
            ratio = float(m.group(1)) / float(m.group(2))
            return "up_a_lot" if ratio > 1.3 else "up_a_little" if ratio > 1.0 else "same" if ratio == 1.0 else "down"
    m = re.search(r"\b(\d+)\s*(%|percent|per cent)", norm)
    if m and not re.search(r"\b(less|fewer|down|cut|dropped|reduced)\b", norm):
        return "up_a_lot" if int(m.group(1)) >= 30 else "up_a_little"
    if re.search(r"\b(less|fewer|cut (back|down)|reduced|dropped|down|tapering|taper)\b", norm) and not re.search(r"\bup\b", norm):
        return "down"
    if re.search(r"\b(doubled|double|tripled|twice|a lot|loads|lots|way more|much more|mucho mas|el doble|big jump|huge|massive|"
                 r"jumped|started (training|running)|new to running|just started|from (nothing|zero|scratch)|"
                 # a beginner's first weeks are a rise from nothing (blind vignettes 16: "new runner, 3
                 # runs a week of couch to 5k" was asked twice)
                 r"new runner|beginner|couch to 5 ?k|c25k|first (few )?(weeks|months) of running|"
                 r"marathon (training|block|plan)|ramped|significantly|a ton|a fair bit|quite a bit|considerably)\b", norm):
        return "up_a_lot"
    if re.search(r"\b(a (bit|little)|slightly|a touch|gradually|a few (km|miles|k)|"
                 # "walk-run, 3x a week, about 10 km in total, building slowly" (blind vignettes 18)
                 r"build(ing)? (it )?(up )?(slowly|gradually|steadily|carefully|bit by bit)|slowly building|"
                 # "I follow my plan, +3 km on the long run every 2 weeks" (blind vignettes 16)
                 r"(add|adding|added|plus) \d+(\.\d+)? ?(km|k|mi|miles?|mins?|minutes)\b.{0,30}\b(every|each|a|per) (\d+ )?(weeks?|fortnight)|"
                 r"(follow|following|stick to|sticking to|on) (my|the|a) (training )?plan)\b", norm) or re.search(
                     r"\+\s?\d+(\.\d+)? ?(km|k|mi|miles?)\b", text.lower()):
        return "up_a_little"
    # "normal", "the usual", "same as always" (blind vignettes 6: "normal" was asked again)
    if re.search(r"\b(same|no change|not really|nope|no|steady|consistent|as usual|unchanged|nothing new|normal|usual|"
                 r"the usual|as normal|regular|nothing different|nothing changed|same as always|same as ever)\b", norm):
        return "same"
    if re.search(r"\b(yes|yeah|yep|more|increased|upped|added|faster|longer|speed ?work|intervals|hills|went up|gone up|going up|"
                 r"bumped|built up|building up|stepped up|first (week|weeks|month) back|back (running|to running) after|"
                 r"after (\d+|a few|a couple of|two|three|four|six) (weeks|months) off)\b", norm):
        return "up_a_lot" if re.search(r"\b(speed ?work|intervals|hills|faster)\b", norm) and re.search(r"\b(and|plus|also)\b", norm) else "up_a_little" if re.search(r"\b(bit|little)\b", norm) else "up_a_lot"
    return None


_SIZED = re.compile(r"\d|\b(?:doubl\w*|tripl\w*|twice|a lot|loads|lots|way more|much more|big|huge|massive|jump\w*|ramp\w*|"
                    r"significantly|a ton|a fair bit|quite a bit|considerably|new|beginner|just started|started (?:training|running)|"
                    r"couch|c25k|first|from (?:nothing|zero|scratch)|back (?:running|to running)|mucho|doble|marathon)\b")


def rise_sized(words: str) -> bool:
    """Whether the runner's words say how big a rise was ("doubled", "20 to 40 km", "a lot more", a
    beginner's first weeks), not only that there was one ("upped my mileage", "yes, more"): the
    advice reads an unsized rise as a big one, to be safe; the /summary says what was said."""
    return _SIZED.search(normalise(words)) is not None


_SPENT_BEFORE = re.compile(r"\b(?:trained|training|train|been|run|ran|running|for|since|over|the last|the past|past|last|spent|after|took)\s*(?:for\s+)?$")
_SPENT_AFTER = re.compile(r"\s*(?:ago|of training|training|of running|of rehab|off|out|in a boot)\b")
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "month": 30, "months": 30}


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = re.compile(r"\b(?:in|on|this|next|early|late|mid|end of|start of|beginning of)\s+(?:(?:early|late|mid|the end of|the start of)\s+)?"
                    r"(january|february|march|april|may|june|july|august|september|sept|october|november|december|"
                    r"jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b")


_RATE_BEFORE = re.compile(r"\b(?:\d+(?:\.\d+)?\s*(?:km|kms|k|kilomet\w*|miles?|mi|times|x|sessions?|runs?|days?|hours?|hrs?|mins?|minutes?)|"
                          r"once|twice|three times|four times)\s*$")


#: A race already run, said in answer to "do you have a race coming up?".
_RACE_BEHIND = re.compile(
    r"\b(?:(?:did|ran|raced|finished|done|completed) (?:it|that|one|the race|mine)|(?:it|that|the race|race) was\b"
    r"|that was (?:the|my|it)|already (?:did|ran|raced|done|finished|run)|just (?:did|ran|raced|finished)|"
    r"was (?:last|yesterday|on (?:the )?(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend))|"
    r"(?:race|marathon|half|ultra|10k|5k|it) (?:was )?(?:last (?:week|weekend|month|saturday|sunday)|yesterday|\w+ (?:days?|weeks?) ago))")
#: ... unless another is said to be ahead ("did one last week, the next is in 3 weeks").
_RACE_AHEAD = re.compile(r"\b(?:tomorrow|next|coming up|upcoming|in \d+|in (?:a|an|one|two|three|four|five|six|a few|a couple of) "
                         r"(?:days?|weeks?|months?)|this (?:weekend|week|month|saturday|sunday)|another|is on|is in|will)\b")


def parse_race(text: str, today: date | None = None) -> tuple[str | None, int | None]:
    """(soon | later | none, days until it when said). A weekday ("this Sunday", "on Saturday",
    "this weekend") counts from `today` when given (the runner's date), else about 5 days."""
    norm = normalise(text)
    if re.search(r"^(no|nope|nah|none|not (really|yet|planned)|nothing)\b", norm) or re.search(r"\bno (race|races|plans)\b", norm):
        return "none", None
    # "just parkrun every saturday, not a race" (tester round 56: stored as a race soon, and "Your
    # race: start only if ..."): a race denied, or only the weekly run
    if re.search(r"\b(not|isn'?t|not really|never) (a |an |really a )?(race|racing|competitive)\b", norm) and not re.search(
            r"\b(in \d|in (a|one|two|three|four|a few|a couple of) (days?|weeks?|months?)|next|tomorrow|this (weekend|saturday|sunday))\b",
            norm) or re.search(
            r"^\W*(just|only)? ?(a |my |the )?(weekly |usual )?(parkrun|park run|club run|long run)s? ((every|each) "
            r"(week|weekend|saturday|sunday)|on (saturdays|sundays))\W*$", norm):
        return "none", None
    if _RACE_BEHIND.search(norm) and not _RACE_AHEAD.search(norm):
        # "did it saturday", "that was the race!", "the race was on sunday": it is behind them, and
        # none said ahead (forecast vignettes 11 got "Should I race?" and the question 12 times).
        return "none", None
    days: int | None = None
    # Not a rate ("30 to 45 km a week", "3 times a week": tester round 17 got "Your race in 1 week").
    m = next((x for x in re.finditer(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a couple|a few|few|several|a|an)\s*(day|days|week|weeks|wk|wks|month|months)\b", norm)
              if not (x.group(1) in ("a", "an") and _RATE_BEFORE.search(norm[:x.start()]))
              # "a day" is a time to go only after "in", "within" and the like, or before "away":
              # "half a pack a day" is a rate (tester round 46: "Your race tomorrow" for a smoker)
              and not (x.group(1) in ("a", "an") and not re.search(r"(?:^\W*|\b(?:in|within|about|around|only|just|under|than|is|its|it's)\s*)$",
                                                                     norm[:x.start()])
                       and not re.match(r"\s*(?:away|out|to go|from now|off)\b", norm[x.end():]))
              # a time spent, not a time to go: "ive trained 14 weeks for this" (tester round 26: "Don't
              # race in about 3 months" for a half on Sunday)
              and not _SPENT_BEFORE.search(norm[:x.start()]) and not _SPENT_AFTER.match(norm[x.end():])), None)
    if m and re.search(r"\b(within|in the next|less than|under|inside)\s*$", norm[:m.start()]):
        # "within 8 weeks" (the button) is a bound, not a date: soon, when not said (tester round
        # 13: a race in 2 weeks became "Your race in 8 weeks")
        n = _amount(m.group(1)) or 1
        return ("soon" if n * _UNIT_DAYS[m.group(2)] <= RACE_SOON_DAYS else "later"), None
    if m:
        n = _amount(m.group(1)) or 1
        days = int(n * _UNIT_DAYS[m.group(2)])
    elif re.search(r"\b(tomorrow)\b", norm):
        days = 1
    elif m := re.search(r"\b(this|on) (weekend|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\b|\bthis week\b", norm):
        day = m.group(2)
        if today is not None and day:
            # Wednesday 2 Dec, "this Sunday": 4 days; "this Sunday" said on a Sunday: today, but "on
            # Sunday" said on one is next week's (tester round 31 was told "your race today").
            days = (_WEEKDAYS.index("saturday" if day == "weekend" else day) - today.weekday()) % 7
            if day == "weekend" and today.weekday() == 6:
                days = 0  # "this weekend" on a Sunday: today
            elif days == 0 and m.group(1) == "on":
                days = 7
        else:
            days = 5
    elif m := re.search(r"\bnext (weekend|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\b", norm):
        # "next sunday" said on a Sunday: a week, not 10 days (tester round 31)
        day = m.group(1)
        days = ((_WEEKDAYS.index("saturday" if day == "weekend" else day) - today.weekday()) % 7 or 7) if today is not None else 10
    elif re.search(r"\bnext week\b", norm):
        days = 7
    elif (m := _MONTH.search(norm)) and today is not None:
        # "got a 50k in june" (tester round 31: read as nothing, the question asked again, and the
        # next message taken for the answer): the middle of that month, this year or next
        month = _MONTHS.index(m.group(1)[:3]) + 1
        target = date(today.year + (month < today.month), month, 15)
        days = max((target - today).days, 0) if month != today.month else 14
    elif re.search(r"\bnext month\b", norm):
        days = 30
    elif re.search(r"\bnext year\b|\bin the (spring|summer|autumn|fall|winter)\b", norm):
        days = 120
    if days is not None:
        return ("soon" if days <= RACE_SOON_DAYS else "later"), days
    if re.search(r"^later\b", norm):
        return "later", None  # the button's word, typed
    if re.search(r"\b(yes|yeah|yep|race|marathon|half(?! (a|an|the|my|of|as|hour|mile|way))|10k|5k|parkrun|ultra|triathlon|"
                 r"(a|the|my) \d+ ?(k|km|miler|mile))\b", norm):
        return "soon", None
    return None, None


def parse_past_injury(text: str, plain_yes_no: bool = True) -> str | None:
    norm = normalise(text)
    if re.search(r"^(no|nope|nah|never|not (that i|before|there))\b|\b(first time|never (before|had))\b", norm):
        return "no"
    if re.search(r"^(yes|yeah|yep|yup|once|twice|a few times|i have|i did)\b|\b(before|last (year|season|time)|"
                 r"again|same (spot|place|side)|previous|years ago|had (a|an|one)|recurring|old injury|"
                 r"in my (teens|twenties|thirties|forties|fifties|sixties|\d0s)|as a (kid|teen|teenager|child)|"
                 r"when i was (younger|a kid|a teen|\d+)|"
                 # "sprained ankle in hs soccer" (blind vignettes 14): an injury named, then
                 r"(sprained|sprain|broke|broken|tore|torn|pulled|twisted|rolled|fractured|dislocated|strained)|"
                 r"(in|at|during|back in) (hs|high school|school|college|uni|university)|playing (soccer|football|rugby|hockey|netball|"
                 r"basketball|cricket|tennis))\b", norm):
        return "yes"
    if not plain_yes_no:
        return None
    answer = yes_no(text)
    return None if answer is None else ("yes" if answer else "no")


_SAID_AGE = re.compile(r"\b(?:i'm|i am|im|aged?|age:?)\s*(\d{1,2})\b(?!\s*(?:km|k|mi|miles|min|minutes|s|sec|weeks?|days?|months?|%|/10))"
                       r"|\b(\d{1,2})\s*(?:yo|y/o|yrs? old|years? old|year-old|-year-old)\b|\b(\d{2})\s*(?:f|m)\b")
#: A parent or partner telling about the runner with an age ("my son is 14", "my daughter (16)"):
#: the runner's age and sex (tester round 9: "Are you female or male?" to a parent of a boy).
_RELATIVE_AGE = r"(?:,? (?:who )?(?:is|'s|s) |,? aged | \(| |,? (?:she|he|they)(?:'s|s| is| are|'re) )(\d{1,2})\b(?!\s*(?:km|k|mi|miles|min|minutes|weeks?|days?|months?|%|/10))"
_BOYS = r"son|boy|husband|hubby|boyfriend|bf|dad|father|brother|grandson|nephew|stepson"
_GIRLS = r"daughter|girl|wife|girlfriend|gf|mum|mom|mother|sister|granddaughter|niece|stepdaughter"


def _relative(who: str) -> str:
    """'my son is 14', 'my daughter (16)', 'my 14 year old daughter': a relative with an age."""
    return rf"my (?:{who}){_RELATIVE_AGE}|my \d{{1,2}}[- ]?(?:yo|y/o|year[- ]old|yr[- ]old|years? old) (?:{who})\b"


# ("female, im 67. pain on the outside of my right hip" was asked "female or male?": tester round 47)
_SAID_FEMALE = re.compile(r"^\W*female\b|\bfemale\s*,?\s*(?:i'm|i am|aged?)\s*\d{1,2}\b|"
                          r"\b(i'm a (woman|girl|female|lady)|as a (woman|female|girl)|my periods?|my cycle|(\d{1,2})\s*(f|female)\b|"
                          r"\d{1,2} ?(yo|y/o|year old|yr old|years old) (woman|girl|female|lady|gal)\b|"
                          + _relative(_GIRLS) + ")")
_SAID_MALE = re.compile(r"^\W*male\b|\bmale\s*,?\s*(?:i'm|i am|aged?)\s*\d{1,2}\b|"
                        r"\b(i'm a (man|guy|bloke|male|boy|lad)|as a (man|male|guy)|(\d{1,2})\s*(m|male)\b|"
                        # "im a 40 yo bloke", "34 year old lad here" (tester round 23 was asked "female or male?")
                        r"\d{1,2} ?(yo|y/o|year old|yr old|years old) (man|guy|bloke|male|boy|lad|dude|fella)\b|"
                        r"^\W*(\w+\W+){0,2}(bloke|lad|guy|dude|fella) here\b|" + _relative(_BOYS) + ")")
_SAID_RELATIVE_AGE = re.compile(rf"\bmy (?:{_BOYS}|{_GIRLS}|kid|child|teen|teenager|athlete|runner){_RELATIVE_AGE}")
#: Periods said outright to have stopped, gone irregular or not started ("hers stopped about 5
#: months ago", "my periods have been all over the place"; tester round 9: never mentioned).
_SAID_PERIODS = re.compile(
    r"\b(?:(?:my|her|their) (?:periods?|cycle)|hers|theirs|(?:no|haven't had (?:a|her|my)|hasn't had (?:a|her)|not had (?:a|her|my)) periods?)\b"
    r"[^.?!]{0,40}?\b(?:stopped|gone|disappeared|missing|irregular|all over the place|haven't (?:come|started)|hasn't come|"
    r"not started|never (?:having |once )?(?:started|begun|come|arrived)|months?|since)\b(?: yet)?")
#: Periods back after stopping ("periods back for over a year", "got my period back", "regular again").
_PERIODS_BACK = re.compile(
    r"\b(?:(?:periods?|cycle) (?:are |is |have |has |came |come |been )?(?:back|returned|back to normal)|got my (?:periods?|cycle) back|"
    r"(?:periods?|cycle) (?:are|is) (?:regular|normal) (?:again|now))\b"
    r"(?P<settled>(?: again| now)? (?:for|since) (?:over |more than |about |almost )?(?:a|one|\d+|two|three|several) (?:years?)|"
    r"(?<=again)|(?<=now)| and regular| and normal| regular(?: now)?)?")
#: ... and not: "No previous injuries there" (tester round 19 was then asked "Have you had an
#: injury in this same spot before?").
_SAID_NO_PAST_INJURY = re.compile(
    r"\b(?:no|never had any|never had an?|haven't had any|have not had any|not had any) (?:previous|prior|past|earlier|old|other) "
    r"(?:injur(?:y|ies)|problems?|issues?|trouble)\b|\bnever (?:injured|hurt) (?:it|this|that|my \w+) before\b|"
    r"\bfirst time (?:it's|its|it has|i've|ive|this has) (?:ever )?(?:happened|hurt|had)\b")
#: The same spot hurt before, said outright ("injured AGAIN, same leg", "3rd time this year").
_SAID_PAST_INJURY = re.compile(
    r"\b(?:injured (?:it |myself )?again|hurt (?:it|myself) again|(?:done|did) it again|gone again|"
    r"same (?:spot|leg|place|side|injury|knee|foot|ankle|calf|hamstring|shin|thing) as (?:last|before|the last)|"
    r"(?:2nd|3rd|4th|5th|second|third|fourth|fifth) time (?:this year|now|in|since|i've|ive|it's|its)|"
    r"(?:it's|its|this has|it has) happened before|had (?:it|this|the same) before)\b")


_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: A race said outright with when it is ahead ("Marathon is this Sunday", "my half in 3 weeks");
#: not a past one ("ran a marathon last week", "hurt after the half this weekend").
_PAST_RACE = re.compile(r"\b(?:did|ran|raced|after|during|finished|since)\b[^.?!]{0,30}$")
_SAID_RACE = re.compile(
    r"\b(?:race|racing|marathon|half marathon|half|10k|5k|parkrun|ultra|triathlon)\b"
    r"(?:(?!\b(?:last|ago|yesterday|did|ran|raced)\b)[^.?!]){0,40}?"
    rf"\b(?:tomorrow|(?:this|next) (?:weekend|week|month|{_DAYS})|in (?:\d+|a|an|one|two|three|four|five|six"
    r"|seven|eight|a couple of|a few) (?:days?|weeks?|wks?|months?))\b")


def from_text(intake: Intake, text: str, today: date | None = None) -> Intake:
    """What a message says outright about age, sex and a race ahead ("I'm 19", "32F", "my periods
    stopped", "marathon is this Sunday"), so the intake does not ask it again. Only what is not
    known yet; nothing is guessed."""
    norm = normalise(text)
    if not intake.answered("age_band"):
        m = _SAID_AGE.search(norm)
        age = int(next(g for g in m.groups() if g)) if m else None
        if m is None:
            m = _SAID_RELATIVE_AGE.search(norm)
            age = int(m.group(1)) if m else None
        if age is not None and 10 <= age <= 99:
            intake = intake.with_answer("age_band", age_band(age), m.group(0) if m else "", age=age)
    trans = _TRANS_WOMAN.search(norm)
    if trans is not None:
        # said once, both: the sex question is not asked, and the periods question neither
        if not intake.answered("sex"):
            intake = intake.with_answer("sex", "female", trans.group(0))
        if not intake.answered("periods"):
            intake = intake.with_answer("periods", "not_applicable", trans.group(0))
    if not intake.answered("sex"):
        own_age = _SAID_AGE.search(norm) is not None
        for value, rx in (("female", _SAID_FEMALE), ("male", _SAID_MALE)):
            m = rx.search(norm)
            if m and own_age and m.group(0).startswith("my "):
                continue  # "im 28 and my wife is 30": the runner said their own age; the wife is not them
            if m:
                intake = intake.with_answer("sex", value, m.group(0))
                break
    if not intake.answered("mileage_change"):
        m = _SAID_MILEAGE.search(norm)
        if m:
            window = norm[max(0, m.start() - 30):m.end() + 30]
            read = parse_mileage(window)
            rise = read if read in ("up_a_lot", "up_a_little") else (
                "up_a_little" if re.search(r"\b(a (bit|little)|slightly)\b", window) else "up_a_lot")
            intake = intake.with_answer("mileage_change", rise, m.group(0))
    if not intake.answered("periods"):
        m = _SAID_PERIODS.search(norm)
        said = parse_periods(m.group(0), plain_yes_no=False) if m else None
        back = _PERIODS_BACK.search(norm, m.end()) if m else None
        if back is not None and said == "stopped":
            # "my periods had stopped back then (RED-S they said). all sorted now, periods back for over a
            # year" (blind vignettes 42 was sent to a doctor): back for a year or more, or regular again, is
            # regular now; back more recently, irregular (worth mentioning to a doctor)
            said = "regular" if back.group("settled") else "irregular"
            intake = intake.with_answer("periods", said, back.group(0))
            m = None
        if m and said in ("stopped", "irregular", "not_started"):
            intake = intake.with_answer("periods", str(said), m.group(0))
    elif intake.get("periods") in ("regular", "irregular") and (m := _SAID_PERIODS.search(norm)) is not None \
            and parse_periods(m.group(0), plain_yes_no=False) == "stopped" and not _PERIODS_BACK.search(norm, m.end()):
        # "actually my periods stopped like 3 months ago now that i count", after "irregular" (tester round
        # 64: "New: ... (REDs)", then "That doesn't change my advice: see a physical therapist"): the later
        # statement replaces the answer, as a correction does
        intake = intake.with_answer("periods", "stopped", m.group(0))
    if not intake.answered("past_injury"):
        m = _SAID_PAST_INJURY.search(norm)
        if m:
            intake = intake.with_answer("past_injury", "yes", m.group(0))
        elif m := _SAID_NO_PAST_INJURY.search(norm):
            intake = intake.with_answer("past_injury", "no", m.group(0))
    if not intake.answered("upcoming_race"):
        race = _SAID_RACE.search(norm)
        if race and not _PAST_RACE.search(norm[:race.start()]):
            when, days = parse_race(race.group(0), today)
            if when in ("soon", "later"):
                intake = intake.with_answer("upcoming_race", when, race.group(0), race_in_days=days)
    return intake


#: A recent rise in load said outright ("started after i upped my mileage", "since I bumped my
#: miles up for the marathon"): the intake does not ask it again (tester round 7).
_SAID_MILEAGE = re.compile(
    r"\b(?:upped|increased|bumped up|bumped|ramped up|ramped|doubled|jumped|added|upping|increasing|ramping|building up|built up) "
    r"(?:up )?(?:my |the |our |all my )?(?:weekly |training )?(?:mileage|miles|distance|kms?|kilometres|kilometers|training|volume|"
    r"long runs?|running|load)\b(?: up)?"
    r"|\b(?:mileage|miles|distance|training|volume|load)\b (?:went up|has gone up|jumped|increased|doubled|shot up|ramped up)\b"
    # "since i upped to 3 runs a week", "went from 2 to 4 runs a week" (tester round 23 was asked again)
    r"|\b(?:upped|increased|bumped|jumped|gone|went) (?:it )?(?:up )?(?:from \d+ )?to \d+ (?:runs|sessions|days|times) (?:a|per|each) week\b")


#: Words that make a reply about the intake question's subject, for a reply that also states a
#: clinical fact (a reply naming none of them answers something else).
_ABOUT = {"mileage_change": re.compile(
    r"\b(run\w*|km|kms|k|miles?|mileage|distance|training|train|week\w*|faster|longer|speed|pace|"
    r"intervals|hills|more|less|same|doubled|increase\w*|upped|added|\d+)\b")}


def about(slot: str, text: str) -> bool:
    """Is `text` about the intake question `slot` at all? (True for slots without a test.)"""
    rx = _ABOUT.get(slot)
    return rx is None or bool(rx.search(normalise(text)))


def answer(intake: Intake, slot: str, text: str, today: date | None = None) -> Intake:
    """The intake with `slot` answered from the runner's words (unchanged when not understood:
    the caller may ask once more, or record "not sure" with `not_sure`)."""
    words = text.strip()[:120]
    if slot == "age_band":
        age = parse_age(text)
        return intake if age is None else intake.with_answer(slot, age_band(age), words, age=age)
    if slot == "upcoming_race":
        value, days = parse_race(text, today)
        return intake if value is None else intake.with_answer(slot, value, words, race_in_days=days)
    parser = {"sex": parse_sex, "periods": parse_periods, "mileage_change": parse_mileage,
              "past_injury": parse_past_injury}[slot]
    value = parser(text)
    if value is not None and slot in _YES_NO_READ and answers_another(slot, text):
        return intake  # not understood: the caller asks once more
    return intake if value is None else intake.with_answer(slot, value, words)


#: Questions a plain yes or no also answers ("are your periods regular?" "yes"), and how each is
#: read from its own words only.
_YES_NO_READ: dict[str, Any] = {
    "periods": lambda t: parse_periods(t, plain_yes_no=False),
    "past_injury": lambda t: parse_past_injury(t, plain_yes_no=False),
}
#: How the other questions read a reply in their own words (not age: any number would do).
_OWN_WORDS: dict[str, Any] = {
    **_YES_NO_READ,
    "sex": parse_sex,
    "mileage_change": parse_mileage,
    "upcoming_race": lambda t: parse_race(t)[0],
}


def answers_another(slot: str, text: str) -> bool:
    """Is this reply plainly an answer to another intake question, read as this one's only through
    a yes/no word? "A bit more" (typed for the mileage question while the periods one was asked)
    is "a bit" + "more", not "yes, regular"."""
    if _YES_NO_READ[slot](text) is not None:
        return False  # in this question's own words ("regular", "stopped in March")
    _, rest = yes_no_rest(text)
    return bool(rest) and any(read(rest) is not None for other, read in _OWN_WORDS.items() if other != slot)


def not_sure(intake: Intake, slot: str, words: str = "not sure") -> Intake:
    return intake.with_answer(slot, "unknown", words)


# -- facts for the rules ---------------------------------------------------------------------------

def intake_facts(intake: Intake) -> dict[str, FactValue]:
    """The intake as facts the clinical rules use (female, age_55_plus, periods_stopped_3_months...)."""
    out: dict[str, FactValue] = {}

    def put(fact: str, value: bool, slot: str) -> None:
        out[fact] = FactValue(value, intake.words.get(slot, ""), INTAKE)

    sex = intake.get("sex")
    if sex in ("female", "male"):
        put("female", sex == "female", "sex")
        put("male", sex == "male", "sex")
    band = intake.get("age_band")
    if band in AGE_BANDS:
        put("age_55_plus", AGE_BANDS.index(band) >= AGE_BANDS.index("55_59"), "age_band")
        older = intake.age >= 65 if intake.age is not None else AGE_BANDS.index(band) >= AGE_BANDS.index("70_79")
        put("age_65_plus", older, "age_band")
        put("age_under_16", band == "under_16", "age_band")
    periods = intake.get("periods")
    if periods in ("regular", "irregular", "stopped"):
        put("periods_stopped_3_months", periods == "stopped", "periods")
        put("periods_irregular", periods == "irregular", "periods")
    elif periods == "not_started" and intake.age is not None:
        put("periods_stopped_3_months", intake.age >= 15, "periods")  # "never started by 15"
        put("periods_irregular", False, "periods")
    mileage = intake.get("mileage_change")
    if mileage in VALUES["mileage_change"]:
        put("mileage_up", mileage == "up_a_lot", "mileage_change")
    race = intake.get("upcoming_race")
    if race in VALUES["upcoming_race"]:
        put("race_soon", race == "soon", "upcoming_race")
    past = intake.get("past_injury")
    if past in ("yes", "no"):
        put("past_injury_same_place", past == "yes", "past_injury")
    return out


def notes(intake: Intake) -> tuple[str, ...]:
    """The advice notes the intake adds (keys of intake.yml `notes`)."""
    out = []
    if intake.get("mileage_change") == "up_a_lot":
        out.append("load-jump")
    if intake.get("upcoming_race") == "soon":
        out.append("race")
    if intake.get("past_injury") == "yes":
        out.append("recurrence")
    if intake.get("periods") == "irregular":
        out.append("periods-irregular")
    return tuple(out)


def note_text(key: str) -> str:
    return " ".join(str(intake_data()["notes"][key]["text"]).split())
