"""Race and return-to-running decisions: "should I race?", "can I run tomorrow?", "when can I
run again?" get a concrete answer for the level the triage reached. Content and sources are data
(knowledge/clinical/decisions.yml). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from bot import regexes
from bot.clinical.text import normalise
from bot.prefilter import GateSet

KINDS = ("race", "run_tomorrow", "return", "self_treat", "improved", "call_who", "downplay", "driven", "drive", "serious",
         "unresponsive", "while_waiting", "exercise", "help_here", "seen", "tell_doctor", "tell_parents", "agreed")
#: At the urgent level "is it bad?" is answered as a decision only when it is the whole question.
SERIOUS_WORDS = 8
#: The answers' levels: the triage levels, and "none" before any triage.
LEVELS = ("none", "emergency", "urgent", "see_pt", "self_care")


@dataclass(frozen=True)
class DecisionAnswer:
    kind: str
    level: str
    text: str
    sources: tuple[str, ...]
    #: The answer is the warning sign's own (`by_rule`), not the level's general one.
    own: bool = False


class _KeepOthers(dict[str, str]):
    """format_map values that leave any other {placeholder} as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from bot.paths import knowledge_directory

    data: dict[str, Any] = yaml.load((knowledge_directory() / "clinical" / "decisions.yml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    # Each kind's patterns as one alternation of gated parts, and one index over all of them:
    # a message is read once for the words any pattern needs (bot.prefilter).
    data["_compiled"] = {k: regexes.alternation(data["kinds"][k]) for k in KINDS}
    data["_gates"] = GateSet(p for k in KINDS for p in data["_compiled"][k].parts)
    return data


#: A death told of someone else ("my dad died suddenly when he was 45").
_SOMEONE_DIED = re.compile(r"\b(?:died|passed away|passed|dead|death|funeral|cardiac arrest)\b")
_LATER = re.compile(r"\b(?:later|tonight|in the (?:evening|morning|afternoon)|tomorrow|first)\b")
#: A painkiller asked about (not aspirin: whether to chew one is the call handler's, as for a heart attack).
_MEDICINE_ASKED = re.compile(r"\b(?:ibuprofen|nurofen|advil|motrin|naproxen|aleve|paracetamol|panadol|tylenol|acetaminophen|"
                             r"painkillers?|co-?codamol|codeine)\b")


def classify(text: str, level: str | None = None) -> str | None:
    """Which decision a message asks for (race, run_tomorrow, return, self_treat), or None.
    With `level`, only a decision that level answers (at see_pt "should I ice it?" is the knowledge
    base's; after advice to see a doctor it is that advice's)."""
    norm = normalise(text)
    # Which number first ("999 or 111?"); then the warning played down ("it's gone now, can't it
    # wait?"); "when can I run again" before "can I run"; "should I ice it" last ("can I run on it?")
    data = _data()
    live = data["_gates"].live(norm)
    found = [kind for kind in ("unresponsive", "seen", "help_here", "while_waiting", "tell_parents", "tell_doctor", "call_who",
                               "driven", "drive", "agreed", "serious", "downplay", "race", "return", "run_tomorrow",
                               "self_treat")
             if any(p.rx.search(norm) for p in data["_compiled"][kind].parts if p in live)]
    if "while_waiting" in found and "self_treat" in found and _MEDICINE_ASKED.search(norm):
        # "can I take a couple of Panadol ... in the meantime?": the medicine asked about is the answer
        # (tester round 61 heard what to do while waiting, and an aspirin, after a knock to the head)
        found.remove("self_treat")
        found.insert(0, "self_treat")
    if "while_waiting" in found and "downplay" in found and _LATER.search(norm):
        # "... let her have a nap first then take her to A&E in the evening?": a delay asked about, not
        # what to do while help comes (tester round 62)
        found.remove("downplay")
        found.insert(0, "downplay")
    if ("driven" in found or "drive" in found) and _LATER.search(norm) and "first" not in norm:
        # "I can go hospital tomorrow morning? my husband can drive me" (tester round 63 heard "Yes, go to
        # the emergency department now"): the delay is the question, a lift is the detail
        found = ["downplay"] + [kind for kind in found if kind != "downplay"]
    if "seen" in found and _SOMEONE_DIED.search(norm):
        # "my dad died suddenly when he was 45, heart thing they said" (tester round 65 heard "I'm glad it's
        # been checked"): what doctors said of someone who died is not a check of the runner
        found.remove("seen")
    if "agreed" in found and "?" in norm:
        # "ok calling now. what do i tell them?": going along with the advice, and a question to answer
        found.remove("agreed")
    if level is not None:
        # A kind this level does not answer gives way to the next ("can I go back to my normal
        # mileage?" after PT advice is a return question, whatever else it resembles).
        found = [kind for kind in found if answers(kind, level)]
        if level == "urgent" and len(norm.split()) > SERIOUS_WORDS and not _short_serious_sentence(norm, data):
            # "is it bad?" after advice to see a doctor is about that; "my wife says my balance is
            # getting worse ... Is that bad for a man my age?" is about something else. A short
            # sentence of its own asks it ("could the breathlessness be my heart? my sister had
            # heart trouble": tester round 48 got the card on a heart check before starting).
            found = [kind for kind in found if kind != "serious"]
        if level == "urgent" and {"race", "downplay"} <= set(found):
            # "today?? its really not that bad ... can i still race it?" (tester round 27 heard no
            # answer about the race): the race answer says no, and why
            found.remove("race")
            found.insert(0, "race")
    return found[0] if found else None


#: A sentence this short that asks whether it is serious asks it of the advice, whatever follows.
SERIOUS_SENTENCE_WORDS = 6


def _short_serious_sentence(norm: str, data: dict[str, Any]) -> bool:
    return any(len(part.split()) <= SERIOUS_SENTENCE_WORDS and any(p.rx.search(part) for p in data["_compiled"]["serious"].parts)
               for part in re.split(r"(?<=[.!?])\s+", norm))


def answers(kind: str, level: str) -> bool:
    """Is there an answer for `kind` at `level`?"""
    texts = _data()["answers"].get(level) or {}
    return kind in texts or "all" in texts


def said_again() -> tuple[str, ...]:
    """The kinds answered in fewer words when asked again at the same level."""
    return tuple(_data().get("said_again") or ())


def rules_with_answers() -> tuple[str, ...]:
    """The rule ids with answers of their own (by_rule), for the start-up check."""
    return tuple(r for group in _data().get("by_rule") or () for r in group["rules"])


def has_own(rule: str, kind: str, level: str) -> bool:
    """Has `rule` an answer of its own (by_rule) for `kind` at `level`?"""
    return any(rule in g["rules"] and kind in (g.get(level) or {}) for g in _data().get("by_rule") or ())


def general_entries() -> tuple[str, ...]:
    """The knowledge-base entries whose general answer a level's answer replaces after advice."""
    return tuple(_data().get("general_entries") or ())


def answer(kind: str, level: str, *, condition: str | None = None, race_in_days: int | None = None,
           rule: str | None = None, again: bool = False, other: bool = False, for_self: bool = False,
           refused: bool = False, helped: bool = False) -> DecisionAnswer:
    """The answer for `kind` at triage `level`. `condition`: what the finding may be ("a stress
    fracture"); `race_in_days`: when the race is, when the runner said; `rule`: the finding's
    rule, whose own answer (by_rule: a blood clot is not a bone) wins over the level's.
    `again`: this kind was answered at this level before in the conversation (the level's
    `<kind>_again` text, or `<kind>_other_again` of someone else, when it has one; else its shorter
    `again` text, for the kinds in `said_again`); `other`: said of someone else ("he says he's
    fine": the level's `<kind>_other` text, when it has one); `for_self`: asked by the runner for
    themself (the level's `<kind>_self` text, when it has one); `refused`: the shorter `again`
    answer was said already and the runner still will not (the level's `refused` text, for a
    downplay, when it has one: the next-safest step); `helped`: help has come for someone else's
    emergency (the level's `<kind>_helped` text, or `all_helped` for a kind it has no text of its
    own for: the helper's questions, not the emergency's)."""
    if kind not in KINDS:
        raise ValueError(f"unknown decision {kind!r}; expected one of {', '.join(KINDS)}")
    levels = _data()["answers"]
    if level not in levels:
        raise ValueError(f"no decision answers for level {level!r}")
    if not answers(kind, level):
        raise ValueError(f"no {kind!r} answer at level {level!r}")
    texts = levels[level]
    template = texts.get(kind) or texts["all"]
    if other and texts.get(f"{kind}_other"):
        template = texts[f"{kind}_other"]
    elif for_self and texts.get(f"{kind}_self"):
        # the runner asking for themself ("should i take an aspirin while i wait"; tester round
        # 41 was told to stay with "them" and start CPR): the level's `<kind>_self` text
        template = texts[f"{kind}_self"]
    # A warning sign whose own answers say how to treat it (by_rule `repeat: true`) answers each
    # time ("how do i warm them up properly", then "is it ok to rub them", with frostbite: tester
    # round 37 got "it may well turn out to be nothing"); elsewhere the second time is shorter.
    # A kind with an `<kind>_again` text of its own says that the second time ("should i start
    # pushing on his chest" after the CPR card: what to keep doing, not the same card again).
    again_text = (texts.get(f"{kind}_other_again") if other else None) or texts.get(f"{kind}_again")
    helped_text = (texts.get(f"{kind}_helped") or (texts.get("all_helped") if kind not in texts else None)) if helped else None
    if helped_text:
        again, again_text = True, helped_text
    own_again = again and bool(again_text)
    if own_again:
        template = str(again_text)
    shorter = (not own_again and again and kind in said_again() and bool(texts.get("again"))
               and not any(rule in g["rules"] and g.get("repeat") and kind in (g.get(level) or {})
                           for g in _data().get("by_rule") or ()))
    if shorter:
        template = texts["refused"] if refused and kind == "downplay" and texts.get("refused") else texts["again"]
    sources = tuple(_data()["sources"][kind])
    own = None if shorter or own_again else next(
        (g for g in _data().get("by_rule") or () if rule in g["rules"] and kind in (g.get(level) or {})), None)
    if own is not None:
        # (said of someone else: the rule's `<kind>_other` text, when it has one)
        mine = own[level].get(f"{kind}_other") if other else None
        template, sources = mine or own[level][kind], tuple(own["sources"])
    condition = condition or "this"
    race = f" {when(race_in_days)}" if race_in_days is not None else ""
    # The runner's country placeholders ({emergency_number}) stay for the caller's voice to fill.
    text = template.format_map(_KeepOthers(race=race, condition=condition, condition_cap=condition[:1].upper() + condition[1:]))
    return DecisionAnswer(kind, level, " ".join(text.split()), sources, own is not None)


def brief(level: str, race_in_days: int | None = None, rules: tuple[str, ...] = ()) -> str | None:
    """The one line the first advice says about a race coming soon at `level` (`brief`), or None
    when the level says nothing about it (an emergency: the race is not the point). A finding of
    `rules` with a brief of its own (by_rule `brief`) says its own ("a fresh strain: not unless
    walking is pain-free", not "start if it stays at 3/10 in the warm-up")."""
    own = next((g["brief"][level] for g in _data().get("by_rule") or ()
                if set(rules) & set(g["rules"]) and level in (g.get("brief") or {})), None)
    template = own or (_data().get("brief") or {}).get(level)
    if not template:
        return None
    race = f" {when(race_in_days)}" if race_in_days is not None else ""
    return " ".join(str(template).format(race=race).split())


def when(days: int) -> str:
    """'today', 'tomorrow', 'in 4 days', 'in 2 weeks', 'in about 2 months'."""
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days % 7 == 0 and days <= 56:
        return f"in {days // 7} week{'s' if days > 7 else ''}"
    if days >= 60:
        return f"in about {round(days / 30)} months"
    return f"in {days} days"
