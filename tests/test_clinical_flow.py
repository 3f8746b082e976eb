"""Intake, balance, the question flow, decide() with findings, race/return answers, /summary."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import pytest

from bot.clinical import balance as B
from bot.clinical import decisions as D
from bot.clinical import intake as I
from bot.clinical import summary as S
from bot.clinical.evaluate import evaluate
from bot.clinical.flow import Case, assess, balance_can_change, next_question
from bot.triage import RedFlagFinding, TriageLevel, decide

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)


# -- intake answers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, band", [
    ("19", "18_39"), ("I'm 57", "55_59"), ("in my forties", "40_49"), ("late 50s", "55_59"),
    ("15", "under_16"), ("mid twenties", "18_39"), ("72 years young", "70_79"),
])
def test_age(text: str, band: str) -> None:
    assert I.answer(I.Intake(), "age_band", text).get("age_band") == band


@pytest.mark.parametrize("text, value", [
    ("female", "female"), ("I'm a woman", "female"), ("F", "female"), ("male", "male"), ("guy", "male"),
    ("rather not say", "not_said"),
])
def test_sex(text: str, value: str) -> None:
    assert I.answer(I.Intake(), "sex", text).get("sex") == value


@pytest.mark.parametrize("text, value", [
    ("regular", "regular"), ("yes, like clockwork", "regular"), ("they stopped about five months ago", "stopped"),
    ("haven't had one since March", "stopped"), ("never started", "stopped"), ("a bit irregular", "irregular"),
    ("skipped a couple", "irregular"), ("I'm on the pill", "not_applicable"), ("no", "irregular"),
])
def test_periods(text: str, value: str) -> None:
    assert I.answer(I.Intake(), "periods", text).get("periods") == value


@pytest.mark.parametrize("text, value", [
    ("doubled it for the marathon", "up_a_lot"), ("from 20 to 40 km a week", "up_a_lot"),
    ("from 30 to 33", "up_a_little"), ("about 10% more", "up_a_little"), ("up 50%", "up_a_lot"),
    ("no, same as usual", "same"), ("cut back, tapering", "down"), ("just started running", "up_a_lot"),
])
def test_mileage(text: str, value: str) -> None:
    assert I.answer(I.Intake(), "mileage_change", text).get("mileage_change") == value


@pytest.mark.parametrize("text, value, days", [
    ("half marathon in two weeks", "soon", 14), ("no", "none", None), ("marathon in 3 months", "later", 90),
    ("parkrun on saturday", "soon", 5), ("just parkrun every saturday, not a race", "none", None), ("parkrun every saturday", "none", None), ("half marathon in 3 weeks, not a race i care about", "soon", 21), ("yes, a 10k", "soon", None),
])
def test_race(text: str, value: str, days: int | None) -> None:
    intake = I.answer(I.Intake(), "upcoming_race", text)
    assert (intake.get("upcoming_race"), intake.race_in_days) == (value, days)


@pytest.mark.parametrize("text, value", [("yes, last year", "yes"), ("no", "no"), ("never before", "no"),
                                         ("same spot two years ago", "yes")])
def test_past_injury(text: str, value: str) -> None:
    assert I.answer(I.Intake(), "past_injury", text).get("past_injury") == value


def test_unclear_intake_answer_is_recorded_as_not_sure_and_not_asked_again() -> None:
    case, _ = Case().answer("age_band", "dunno", {})
    assert case.intake.get("age_band") == "unknown"
    assert "age_band" in case.asked


# -- balance ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, left, right", [
    ("10 s on the left, 40 on the right", 10, 40), ("left 30 right 45", 30, 45),
    ("about 20 secs each", 20, 20), ("45 both sides", 45, 45), ("right leg 12 seconds, left leg 40", 40, 12),
    ("30s left / 45s right", 30, 45), ("the full 45 on both", 45, 45), ("each side about 25", 25, 25),
])
def test_balance_seconds(text: str, left: float, right: float) -> None:
    assert B.parse(text) == B.BalanceReading(left, right)


def test_balance_without_times_is_none() -> None:
    assert B.parse("worse than before") is None


@pytest.mark.parametrize("left, right, age, verdict", [
    (10, 40, None, "worse"), (40, 44, 30, "normal"), (20, 20, 30, "below_norm"), (20, 20, 75, "normal"),
    (20, 20, None, "needs_age"), (45, 45, None, "normal"), (36, 40, 45, "normal"), (14, 15, 72, "normal"),
])
def test_balance_interpretation(left: float, right: float, age: int | None, verdict: str) -> None:
    assert B.interpret(B.BalanceReading(left, right), age).verdict == verdict


def test_the_single_leg_test_is_two_lines() -> None:
    from bot.dialogue import load_dialogue
    from bot.paths import dialogues_directory

    test = load_dialogue(dialogues_directory()).responses["utter_clarify_balance_change"][0]["text"]
    assert len(test.strip().splitlines()) == 2 and "45" in test


# -- decide ----------------------------------------------------------------------------------------

SORE = {"pain_location": ["quad"], "pain_pattern": "fades", "balance_change": "same"}


def test_decide_keeps_its_old_signature() -> None:
    flag = RedFlagFinding("dvt", "urgent", "one swollen, warm, painful calf can be a blood clot")
    assert decide(SORE, [flag]).level is TriageLevel.URGENT
    assert decide(SORE).level is TriageLevel.SELF_CARE


def test_clinical_findings_set_the_level_with_their_reason() -> None:
    found = evaluate("my pee looks like coke after the marathon").findings
    d = decide(SORE, findings=found)
    assert d.level is TriageLevel.URGENT and d.findings == ("rhabdomyolysis",)
    assert "rhabdomyolysis" in d.reasons[0]


def test_a_see_pt_finding_counts_even_when_the_pain_fades() -> None:
    found = evaluate("sore along the whole inner edge of my shin", slots={"pain_location": ["shin"]}).findings
    d = decide({"pain_location": ["shin"], "pain_pattern": "fades"}, findings=found)
    assert d.level is TriageLevel.SEE_PT and "clinical-see-pt" in d.rules


def test_balance_result_and_notes() -> None:
    worse = B.interpret(B.BalanceReading(10, 40))
    d = decide(SORE, balance=worse, notes=("load-jump",))
    assert d.level is TriageLevel.SEE_PT and "clearly weaker on the left" in " ".join(d.reasons)
    assert d.notes == ("load-jump",)


# -- the question flow -----------------------------------------------------------------------------

def test_balance_is_asked_only_when_it_can_change_the_outcome() -> None:
    assert balance_can_change(Case(), SORE | {"balance_change": None})
    assert not balance_can_change(Case(), {"pain_location": ["shin"], "pain_pattern": "recurring"})
    urgent, _ = Case().hear("rolled my ankle and can't put weight on it", {})
    assert not balance_can_change(urgent, {"pain_location": ["ankle"]})


def test_no_intake_when_a_doctor_is_the_next_step() -> None:
    case, _ = Case().hear("rolled my ankle and can't put weight on it", {})
    assert next_question(case, {"pain_location": ["ankle"]}) is None


def test_context_questions_come_before_the_intake() -> None:
    slots = {"pain_location": ["groin"], "pain_pattern": "persistent"}
    case, _ = Case().hear("groin pain for weeks since I upped my mileage", slots)
    q = next_question(case, slots)
    assert q is not None and (q.kind, q.id) == ("context", "q_hop")


def test_sex_then_periods_for_bone_pain_and_periods_can_make_it_urgent() -> None:
    slots = {"pain_location": ["shin"], "pain_pattern": "recurring", "balance_change": "same"}
    case, _ = Case().hear("my shin hurts every run, sore along the inside edge", slots)
    q = next_question(case, slots)
    assert q is not None and q.id == "sex"
    case, _ = case.answer("sex", "female", slots)
    q = next_question(case, slots)
    assert q is not None and q.id == "periods"
    case, _ = case.answer("periods", "stopped about six months ago", slots)
    assert assess(case, slots).decision.level is TriageLevel.URGENT


def test_periods_are_not_asked_about_sore_quads() -> None:
    case = Case(intake=I.Intake({"sex": "female"}))
    q = next_question(case, SORE)
    assert q is None or q.id != "periods"


def test_age_is_asked_when_the_balance_times_need_the_norm() -> None:
    case, _ = Case().answer("balance", "about 20 secs each", SORE)
    q = next_question(case, SORE)
    assert q is not None and q.id == "age_band"
    case, _ = case.answer("age_band", "30", SORE)
    assert assess(case, SORE).decision.level is TriageLevel.SEE_PT
    case70, _ = Case().answer("balance", "about 20 secs each", SORE)
    case70, _ = case70.answer("age_band", "75", SORE)
    assert assess(case70, SORE).decision.level is TriageLevel.SELF_CARE


def test_knee_fall_at_55_or_older_is_urgent() -> None:
    slots = {"pain_location": ["knee"], "pain_pattern": "persistent"}
    case, _ = Case().hear("fell on my knee on the ice", slots)
    case, _ = case.answer("q_can_walk", "yes", slots)
    assert assess(case, slots).decision.level is TriageLevel.SEE_PT
    case, _ = case.answer("sex", "male", slots)  # asked first: periods could matter for pain that stays
    q = next_question(case, slots)
    assert q is not None and q.id == "age_band"
    case, _ = case.answer("age_band", "67", slots)
    assert assess(case, slots).decision.level is TriageLevel.URGENT


def test_case_round_trips_through_json() -> None:
    case, _ = Case().hear("one spot on my shin hurts at night", {"pain_location": ["shin"]})
    case, _ = case.answer("sex", "female", {})
    case, _ = case.answer("balance", "10 left 40 right", {})
    assert Case.from_json(case.to_json()) == case


# -- race and return -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Should I still race in two weeks?", "race"), ("should I pull out of the marathon?", "race"),
    ("can I run tomorrow?", "run_tomorrow"), ("is it ok to run through the pain?", "run_tomorrow"),
    ("when can I run again?", "return"), ("how long until I can run?", "return"), ("my knee hurts", None),
])
def test_decision_questions(text: str, kind: str | None) -> None:
    assert D.classify(text) == kind


def test_a_weekday_race_counts_from_the_runners_date() -> None:
    wednesday = datetime(2026, 12, 2).date()
    assert I.parse_race("marathon is this sunday", wednesday) == ("soon", 4)
    assert I.parse_race("my race is this weekend", wednesday) == ("soon", 3)
    # "on <the same weekday>" is next week's ("half on sunday" typed on a Sunday was told "your race
    # today": tester round 31); "this wednesday" on a Wednesday is today
    assert I.parse_race("the 10k on wednesday", wednesday) == ("soon", 7)
    assert I.parse_race("the 10k this wednesday", wednesday) == ("soon", 0)
    sunday = datetime(2026, 12, 6).date()
    assert I.parse_race("half next sunday", sunday) == ("soon", 7)
    assert I.parse_race("Later, got a 50k in june", sunday) == ("later", 191)  # a month named
    assert I.parse_race("a marathon in april", sunday) == ("later", 130)
    assert I.parse_race("later") == ("later", None)  # the button's word, typed
    assert I.parse_race("50k a week") == (None, None)
    assert I.parse_race("marathon is this sunday") == ("soon", 5)  # no date: about 5 days
    # the button "Within 8 weeks" is a bound, not a date (tester round 13: "your race in 8 weeks")
    assert I.parse_race("yes, within 8 weeks") == ("soon", None)
    assert D.when(0) == "today" and D.brief("see_pt", 4) is not None and D.brief("emergency", 4) is None


def test_race_answers_depend_on_the_level() -> None:
    urgent = D.answer("race", "urgent", condition="a hip (femoral neck) stress fracture", race_in_days=14)
    assert "Don't race in 2 weeks" in urgent.text and "A hip" in urgent.text
    assert D.when(1) == "tomorrow" and D.when(5) == "in 5 days" and D.when(90) == "in about 3 months"
    pt = D.answer("race", "see_pt")
    assert "3/10" in pt.text and "Pull out" in pt.text
    assert "walk-run" in D.answer("return", "see_pt").text
    assert D.answer("race", "emergency").text.startswith("Not now")
    assert D.answer("run_tomorrow", "self_care").sources


# -- /summary --------------------------------------------------------------------------------------

def _record() -> dict:
    slots = {"pain_location": ["groin"], "pain_side": "right", "pain_pattern": "persistent"}
    case, _ = Case().hear("groin pain since I upped my mileage, now limping. No numbness.", slots)
    for slot, text in (("sex", "female"), ("periods", "stopped five months ago"), ("age_band", "19")):
        case, _ = case.answer(slot, text, slots)
    d = assess(case, slots).decision
    return {"conversation": {"slots": slots}, "clinical": case.to_json(),
            "history": [{"at": NOW.isoformat(), "level": d.level.value, "reasons": list(d.reasons)}],
            "checkins": {"entries": [{"week": "2026-W47", "pain": 4, "distance_km": 40},
                                     {"week": "2026-W48", "pain": 6, "distance_km": 55}]}}


def test_summary_has_only_what_the_runner_said_with_their_words() -> None:
    s = S.build(_record(), NOW, timezone.utc)
    text = S.text(s)
    assert "femoral neck" in text and '"groin pain since i upped my mileage, now limping"' in text
    assert "No numbness" in text  # a denied sign is listed as denied
    assert "Periods: stopped" in text and "Age: 19" in text
    assert "pain rising (4 to 6/10" in text
    assert "heat stroke" not in text and "fracture" not in text.split("Warning signs")[0]


def test_summary_lists_no_guessed_sign() -> None:
    record = {"conversation": {"slots": {"pain_location": ["quad"], "pain_pattern": "fades",
                                         "red_flags": [{"flag": "heat_stroke"}]}},
              "clinical": Case().hear("I'm a bit confused, should I ice it?", {})[0].to_json()}
    text = S.text(S.build(record, NOW, timezone.utc))
    assert "heat" not in text.lower() and "Warning signs" not in text


def test_empty_summary_says_so() -> None:
    assert "nothing to summarise" in S.text(S.build({}, NOW, timezone.utc))


def test_pdf_is_one_page_even_when_long() -> None:
    record = _record()
    record["history"] = record["history"] * 20
    record["checkins"]["entries"] = record["checkins"]["entries"] * 10
    data = S.pdf(S.build(record, NOW, timezone.utc))
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b(?!s)", data)) == 1


@pytest.mark.parametrize("text, value, days", [
    ("Marathon is this Sunday and the outside of my right knee started hurting", "soon", 5),
    ("my half is in 3 weeks and my shin aches", "soon", 21),
    ("I have a 5k tomorrow", "soon", 1),
    ("I ran a marathon last week and my knee hurts", None, None),
    ("my knee hurt after the half this weekend", None, None),
    ("it hurts when I run on sunday", None, None),
])
def test_a_race_ahead_said_outright_is_not_asked_again(text: str, value: str | None, days: int | None) -> None:
    intake = I.from_text(I.Intake(), text)
    assert intake.values.get("upcoming_race") == value and intake.race_in_days == days


# -- tester report: follow-ups follow the advice; another question's answer is not this one's -------

def test_decisions_for_the_level_and_the_sign_reached() -> None:
    assert D.classify("ok so what do i do, my meet is saturday", "urgent") == "race"
    # "Should I just ice it?" is a decision only where the advice is a doctor's.
    assert D.classify("should I just ice it and see", "urgent") == "self_treat"
    assert D.classify("should I just ice it and see", "see_pt") is None
    dvt = D.answer("return", "urgent", condition="a blood clot", rule="dvt")
    assert dvt.own and "clot" in dvt.text and "hop" not in dvt.text and dvt.sources == ("clinical:nhs-dvt",)
    bone = D.answer("return", "urgent", condition="a stress fracture", rule="stress_fracture")
    assert "hopping pain-free" in bone.text
    assert "stress fracture" not in D.answer("race", "urgent", condition="a blood clot").text


def test_every_rule_with_its_own_decisions_is_a_rule() -> None:
    from bot.clinical.rules import default_rules

    ids = {r.id for r in default_rules().rules}
    assert set(D.rules_with_answers()) <= ids


@pytest.mark.parametrize("slot, text", [("periods", "A bit more"), ("periods", "no, about the same"),
                                        ("past_injury", "a bit more")])
def test_an_answer_to_another_question_is_not_read_as_this_one(slot: str, text: str) -> None:
    assert I.answer(I.Intake(), slot, text).get(slot) is None


@pytest.mark.parametrize("slot, text, value", [("periods", "yes", "regular"), ("periods", "no", "irregular"),
                                               ("periods", "yeah mostly", "regular"), ("past_injury", "yes", "yes"),
                                               ("periods", "no, stopped in march", "stopped")])
def test_a_plain_yes_or_no_still_answers(slot: str, text: str, value: str) -> None:
    assert I.answer(I.Intake(), slot, text).get(slot) == value


def test_a_bare_im_fine_answers_only_the_questions_about_how_the_runner_feels_now() -> None:
    """rules.yml `fine:` (tester round 8): "I'm fine" is a no to "short of breath now?", a yes to
    "can you take four steps?", and no answer at all to "was it hot?" (it says nothing of that)."""
    from bot.clinical.rules import default_rules

    questions = default_rules().questions
    assert questions["q_breathless_rest"].reply("im fine") is False
    assert questions["q_head_signs"].reply("I feel ok") is False
    assert questions["q_can_walk"].reply("i'm fine") is True
    assert questions["q_heat"].reply("im fine") is None
    assert questions["q_exertion"].reply("all good") is None
    assert questions["q_heat"].reply("yes") is True  # a plain answer is read as before


async def test_the_next_question_memo_answers_what_the_rules_would(engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """next_question keeps its answers by all it reads (issue 18): replayed conversations, every
    call checked against the question computed afresh, and a slot the outcome reads (range of
    motion, balance) or a new fact never served from an older answer."""
    import bot.actions as actions
    import bot.actions.clinical as clinical_actions
    from bot.clinical import flow as F
    from tests.conversation import CONVERSATIONS, load_conversation, replay

    calls = 0

    def checked(case: Any, slots: Any, *, balance: bool = True) -> Any:
        nonlocal calls
        calls += 1
        got = F.next_question(case, slots, balance=balance)
        assert got == F._next_question(case, slots, balance)
        return got

    monkeypatch.setattr(actions, "next_question", checked)
    monkeypatch.setattr(clinical_actions, "next_question", checked)
    for path in sorted(CONVERSATIONS.glob("*.yml"))[::2]:
        await replay(engine, load_conversation(path), path.stem)
    assert calls > 300

    case, _ = F.Case().hear("my left shin has hurt for three weeks, it comes back every run")
    slots = {"pain_location": ["shin"], "pain_pattern": "recurring"}
    first = F.next_question(case, slots)
    for changed in ({**slots, "range_of_motion": "reduced"}, {**slots, "balance_change": "worse"},
                    {**slots, "pain_pattern": "fading"}, {**slots, "pain_location": ["knee"]}):
        assert F.next_question(case, changed) == F._next_question(case, changed, True)
    later, _ = case.hear("and there is one spot on the bone that really hurts")
    assert F.next_question(later, slots) == F._next_question(later, slots, True)
    assert F.next_question(case, slots) == first


def test_every_character_of_the_catalogs_is_in_the_pdf_font_subset() -> None:
    """The summary PDF is set in a kept subset of DejaVu Sans when it holds every character
    (faster to parse); our own texts, in every language we ship, must never need the whole font."""
    from tests.corpus import ROOT, yaml_strings

    strings = yaml_strings(sorted((ROOT / "dialogues" / "texts").glob("*.yml")))
    assert len(strings) > 500
    missing = {ch for s in strings for ch in s if not S.covered(ch)}
    assert not missing, sorted(missing)


def test_the_pdf_uses_the_subset_only_when_it_holds_every_character(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", str(tmp_path))
    S._subsets.cache_clear()
    try:
        latin = S.build(_record(), NOW, timezone.utc)
        regular, bold = S._fonts(latin, S.english())
        assert regular.parent == tmp_path and bold.parent == tmp_path  # made once, kept
        assert oct(regular.stat().st_mode & 0o777) == "0o600"
        record = _record()
        record["history"][0]["reasons"] = ["東京マラソン"]  # a character outside the subset
        other = S.build(record, NOW, timezone.utc)
        assert "東京" in S.text(other)
        assert S._fonts(other, S.english())[0].name == "DejaVuSans.ttf"  # the whole font
        for summary in (latin, other):
            data = S.pdf(summary)
            assert data.startswith(b"%PDF") and len(re.findall(rb"/Type /Page\b(?!s)", data)) == 1
        monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", "off")
        S._subsets.cache_clear()
        assert S._fonts(latin, S.english())[0].name == "DejaVuSans.ttf"
    finally:
        S._subsets.cache_clear()
