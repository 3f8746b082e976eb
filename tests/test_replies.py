"""How advice, details and answers read on a phone (bot.replies; issue 16)."""

from __future__ import annotations

import itertools
import re

import pytest

from bot import replies
from bot.engine import Engine
from bot.knowledge import KnowledgeBase
from bot.replies import MAX_FIRST_MESSAGE, AdviceContext
from bot.clinical.rules import default_rules
from bot.telegram.render import message_chunks, to_html
from bot.texts import Voice
from bot.triage import decide
from bot.turn import UserMessage, plain
from bot.vocabulary import LEVELS, LOCATIONS, PATTERNS

COUNTRIES = ("US", "GB", "IE", "other", "XX")  # other, XX: the longest crisis line


@pytest.fixture(scope="module")
def kb(engine: Engine) -> KnowledgeBase:
    return engine.kb


# The warning signs (knowledge/clinical/rules.yml): their reasons, levels and red_flag entries.
RED_FLAGS = default_rules().rules


def voice(engine: Engine, country: str = "US") -> Voice:
    return Voice(engine.texts, engine.kb, "en", country)


def reasons_for(level: str, locations: tuple[str, ...], pattern: str | None) -> list[tuple[str, ...]]:
    """The reasons the triage gives at `level`, the longest combinations included."""
    if level in ("emergency", "urgent"):
        flags = [f.reason for f in RED_FLAGS if f.level == level]
        return [(r,) for r in flags] + [tuple(flags)]
    slots = {"pain_location": list(locations), "pain_side": "left", "pain_pattern": pattern}
    if level == "self_care":
        return [decide({**slots, "pain_pattern": "fades", "balance_change": b}).reasons for b in ("same", "unsure")]
    return [decide({**slots, "balance_change": "worse", "range_of_motion": "reduced"}).reasons,
            decide({**slots, "balance_change": "same"}).reasons]


def cases() -> list[tuple[str, tuple[str, ...], str | None]]:
    places = [(loc,) for loc in LOCATIONS] + [("knee", "hip"), ("it_band", "lower_back", "hamstring")]
    out = []
    for level in LEVELS:
        if level == "crisis":
            continue
        patterns: tuple[str | None, ...] = (None,) if level in ("emergency", "urgent", "self_care") else (*PATTERNS, None)
        out += [(level, p, pattern) for p, pattern in itertools.product(places, patterns)]
    return out


def test_every_first_message_of_advice_fits_on_a_phone_screen(engine: Engine, kb: KnowledgeBase) -> None:
    """<= 600 characters across levels, locations, patterns, countries, reasons and the offer."""
    longest = (0, "")
    checked = 0
    for (level, locations, pattern), country in itertools.product(cases(), COUNTRIES):
        speaker = voice(engine, country)
        for reasons in reasons_for(level, locations, pattern):
            context = AdviceContext(level, locations, pattern, reasons=reasons)
            message = replies.advice(kb, speaker, context)
            checked += 1
            text = plain(message.text)
            assert len(text) <= MAX_FIRST_MESSAGE, f"{level} {locations} {pattern} {country}: {len(text)}\n{text}"
            longest = max(longest, (len(text), text))
    assert checked > 1000
    print(f"\n{checked} advice messages; the longest, {longest[0]} characters:\n{longest[1]}")


@pytest.mark.parametrize("level", [lv for lv in LEVELS if lv != "crisis"])
def test_a_headline_the_reason_three_actions_one_crisis_line_one_disclaimer(engine: Engine, kb: KnowledgeBase,
                                                                          level: str) -> None:
    context = AdviceContext(level, ("shin",), "recurring" if level == "see_pt" else None,
                            reasons=("your left shin pain comes back when you run again",))
    message = replies.advice(kb, voice(engine), context)
    lines = message.text.splitlines()
    assert re.fullmatch(r"\*\*[^*]+\*\*", lines[0])  # the level, bold
    assert lines[1].startswith("This is because")
    bullets = [line for line in lines if line.startswith("• ")]
    assert 1 <= len(bullets) <= 3
    assert "If you're struggling: call or text 988, any time. Emergency: 911." in message.text
    assert "741741" not in message.text  # the full block is the crisis conversation's
    assert message.text.count("Not a diagnosis") == 1
    assert [b.label for b in message.buttons] == [voice(engine).say(f"detail.{k}") for k in kb.level_details(level)]


def test_advice_is_about_the_runners_place_and_pattern(engine: Engine, kb: KnowledgeBase) -> None:
    ankle = replies.advice(kb, voice(engine), AdviceContext("see_pt", ("ankle",), "recurring"))
    assert "Ankle:" in ankle.text and "sole" not in ankle.text and "3/10" in ankle.text
    quads = replies.advice(kb, voice(engine), AdviceContext("self_care", ("quad",)))
    assert "Thighs:" in quads.text and "groin" not in quads.text and "hip" not in quads.text.lower()
    assert "advice-sore-thigh" in quads.sources


def test_the_crisis_level_keeps_the_full_block(engine: Engine, kb: KnowledgeBase) -> None:
    message = replies.advice(kb, voice(engine), AdviceContext("crisis"))
    assert "741741" in message.text and not message.buttons


def test_the_same_advice_again_is_one_line_not_the_same_block(engine: Engine, kb: KnowledgeBase) -> None:
    """The weekly check-in's call: `previous` is the last advice (the advice_context slot)."""
    speaker = voice(engine)
    last_week = AdviceContext("see_pt", ("knee",), "recurring", at="2026-11-23T09:00:00+00:00")
    now = AdviceContext("see_pt", ("knee",), "recurring", reasons=("you reported pain in two check-ins in a row",))
    first = replies.advice(kb, speaker, now)
    again = replies.advice(kb, speaker, now, previous=last_week)
    assert "Same advice as on 23 Nov" in again.text and len(again) < len(first) - 80
    assert "Knee:" not in again.text and "See a doctor today if" in again.text  # the safety net stays
    assert again.buttons == first.buttons
    other = replies.advice(kb, speaker, now, previous=AdviceContext("see_pt", ("shin",)))
    assert "Same advice" not in other.text


@pytest.mark.parametrize("level", [lv for lv in LEVELS if lv != "crisis"])
def test_every_detail_button_opens_something_with_its_sources(engine: Engine, kb: KnowledgeBase, level: str) -> None:
    speaker = voice(engine)
    flags = tuple(f.entry for f in RED_FLAGS if f.level == level and level in ("emergency", "urgent"))[:1]
    context = AdviceContext(level, ("calf",), "recurring" if level == "see_pt" else None, flags,
                            ("one swollen, warm, painful calf can be a blood clot (DVT)",))
    for kind in kb.level_details(level):
        detail = replies.detail(kb, speaker, kind, context)
        title = speaker.say(f"detail_title.{kind}")
        assert detail.text.startswith(f"**{title}**\n") and detail.sources, (level, kind, detail.text)
        assert re.search(r"^Sources?: ", detail.text, re.M)
        assert kind not in [b.payload for b in detail.buttons if b.payload.startswith("/detail")]
    if flags:
        assert kb.flag_entry(flags[0]).id in replies.detail(kb, speaker, "why", context).sources  # type: ignore[union-attr]


def test_a_detail_without_its_advice_says_so(engine: Engine, kb: KnowledgeBase) -> None:
    assert "no longer have" in replies.detail(kb, voice(engine), "why", None).text


def test_an_answer_has_a_bold_title_its_source_and_no_disclaimer(engine: Engine, kb: KnowledgeBase) -> None:
    answer = replies.answer(kb, voice(engine), "ice or heat?")
    assert answer is not None and answer.sources == ("ice-or-heat",)
    assert answer.text.startswith(f"**{kb.entry('ice-or-heat').title}**\n") and "Source" in answer.text
    assert "diagnosis" not in answer.text.lower()
    assert all(b.label == b.payload for b in answer.buttons)  # a suggested question's payload is itself


def test_telegram_shows_the_markup_as_html_and_the_terminal_plainly() -> None:
    text = "**See a physical therapist.**\nThis is because <your> pain & more: 2 ** 3"
    assert to_html(text) == ("<b>See a physical therapist.</b>\nThis is because &lt;your&gt; pain &amp; more: 2 ** 3")
    assert plain(text) == "See a physical therapist.\nThis is because <your> pain & more: 2 ** 3"
    assert message_chunks("**a**") == ["<b>a</b>"]


async def test_restart_asks_where_it_hurts_once(engine: Engine) -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 26, 9, tzinfo=UTC)
    first = await engine.handle({}, UserMessage("my shin hurts every run"), now)
    result = await engine.handle(first.record, UserMessage("/restart"), now)
    assert "\n".join(r.text for r in result.replies).count("Where does it hurt") == 1


def test_a_warning_signs_own_step_leads_the_actions(engine: Engine, kb: KnowledgeBase) -> None:
    """What not to do with this sign comes first; when not all fit it replaces the level's
    general "don't run on it" (issue 15)."""
    speaker = voice(engine)
    deformity = replies.advice(kb, speaker, AdviceContext("emergency", ("ankle",), flags=("redflag-deformity",)))
    bullets = [line for line in deformity.text.splitlines() if line.startswith("• ")]
    assert bullets[0] == "• Don't try to straighten it or walk on it; keep it still." and len(bullets) == 3
    dvt = replies.advice(kb, speaker, AdviceContext("urgent", ("calf",), flags=("redflag-dvt",)))
    bullets = [line for line in dvt.text.splitlines() if line.startswith("• ")]
    assert bullets[0] == "• Don't run on it or massage it." and "keep weight off it" not in dvt.text
    assert any("doctor" in b for b in bullets[1:])


def test_every_warning_sign_has_its_own_step(kb: KnowledgeBase) -> None:
    for rule in RED_FLAGS:
        if rule.level in ("emergency", "urgent"):
            assert kb.entry(rule.entry).actions, rule.entry


@pytest.mark.parametrize("text, asks", [
    ("what now", True), ("ok what should i do", True), ("wat do i do rn", True), ("so what do I do now?", True),
    ("ok do I need to go now? I have a run planned tonight", True), ("what's next", True),
    ("should I see a doctor today?", True),
    ("what should I do about my shoes?", False), ("what now for my training plan", False),
    ("what exercises should I do", False), ("should I go for a run tomorrow?", False),
])
def test_what_now_after_advice_is_read_only_when_it_is_the_whole_question(text: str, asks: bool) -> None:
    assert replies.asks_next_step(text) is asks
