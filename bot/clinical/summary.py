"""/summary for a physical therapist: what the runner said or confirmed, as data, text and a
one-page PDF. Pure (the PDF is bytes; the adapter sends it).

Only what the runner said or confirmed goes in: findings with the runner's own words, signs they
denied, intake answers, where it hurts, the pattern, the balance test, the levels with their
reasons and dates, and the check-in trend. Never a sign the bot guessed.

What it reads from the record:
    record["conversation"]["slots"]   the conversation now: pain_location, pain_side, ... and
                                      `clinical` (bot.clinical.flow.Case.to_json())
    record["clinical"]                the case the last advice was based on (when the
                                      conversation has moved on: /start, a new pain)
    record["history"]                 [{at, level, reasons, pain_location, ...}], the advice given
    record["checkins"]["entries"]     [{week, pain, location, pattern, distance_km, longest_km}]

The labels are texts (dialogues/texts/en.yml, `summary.*`); the clinical content (reasons,
conditions, what a fact means) is the clinical data's, in English, like the triage reasons.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from bot.clinical.decisions import when
from bot.clinical.evaluate import ANSWERED, SAID, findings_for
from bot.clinical.flow import Case, facts_of
from bot.clinical.intake import AGE_BANDS, rise_sized
from bot.clinical.rules import default_rules
from bot.paths import digest, kept_file
from bot.texts import LOCATION, Voice, english, text_family, text_key

log = logging.getLogger(__name__)

MAX_LEVELS = 6
MAX_CHECKINS = 8
MAX_REPORTED = 10
INTAKE_ORDER = ("age_band", "sex", "periods", "mileage_change", "upcoming_race", "past_injury")
INTAKE_VALUES = ("regular", "irregular", "stopped", "not_applicable", "not_started", "up_a_lot", "up_a_little", "same", "down",
                 "up_unsized", "soon", "later", "none", "yes", "no", "female", "male", "not_said", "unknown")
SECTIONS = ("pain", "findings", "reported", "denied", "background", "balance", "levels", "checkins")

TITLE = text_key("summary.title", "date")
NOT_A_DIAGNOSIS = text_key("summary.not_a_diagnosis")
NOTHING = text_key("summary.nothing")
WHERE = text_key("summary.where", "places")
WHERE_SIDE = text_family("summary.where_side", lambda s: s.vocabulary.values("pain_side"), "places")
PATTERN_LINE = text_key("summary.pattern", "pattern")
SEVERITY = text_key("summary.severity", "severity")
SECTION = text_family("summary.section", SECTIONS)
FINDING = text_key("summary.finding", "level", "condition")
RUNNER_WORDS = text_key("summary.runner_words", "line", "words")
SAID_LINE = text_key("summary.said", "fact", "words")
#: A fact reported only as itself when a fact that explains it was not said in the same words.
_EXPLAINED_BY = {"bladder_bowel_change": ("stress_incontinence",)}
ANSWERED_LINE = text_key("summary.answered", "fact", "words")
INTAKE_LABEL = text_family("summary.intake", INTAKE_ORDER, "value")
INTAKE_VALUE = text_family("summary.intake_value", INTAKE_VALUES)
INTAKE_WORDS = text_key("summary.intake_words", "line", "words")
RACE_DAYS = text_key("summary.race_days", "value", "when")
BALANCE_TIMES = text_key("summary.balance_times", "times")
LEVEL_LINE = text_key("summary.level_line", "date", "level")
LEVEL_BECAUSE = text_key("summary.level_because", "date", "level", "reasons")
TIMES = text_key("summary.times", "line", "count")
TREND = text_key("summary.trend", "trend")
TREND_PAIN = text_family("summary.trend_pain", ("falling", "rising", "unchanged"), "first", "last", "count")
TREND_DISTANCE = text_key("summary.trend_distance", "first", "last", "unit")
DATE_UNKNOWN = text_key("summary.date_unknown")
DATE_FULL = text_key("date.full")
PDF_TITLE = text_key("summary.pdf_title")
MADE = text_key("summary.made", "date")
PDF_FOOTER = text_key("summary.pdf_footer")
PDF_SHORTENED = text_key("summary.pdf_shortened")
LEVEL = text_family("level", lambda s: s.vocabulary.levels)
PATTERN = text_family("pain_pattern", lambda s: s.vocabulary.values("pain_pattern"))
BALANCE = text_family("balance_change", lambda s: s.vocabulary.values("balance_change"))


@dataclass(frozen=True)
class Summary:
    """What the runner reported, ready to be said: titled sections of lines."""

    made: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def empty(self) -> bool:
        return not self.sections


_THIRD_PERSON = ((re.compile(r"\byou are\b"), "the runner is"), (re.compile(r"\byou have\b"), "the runner has"),
                 (re.compile(r"\byour\b"), "the"), (re.compile(r"\byou\b"), "the runner"))


def third_person(text: str) -> str:
    """'you fell or twisted it' -> 'the runner fell or twisted it': a PT reads the summary."""
    for rx, word in _THIRD_PERSON:
        text = rx.sub(word, text)
    return text[:1].upper() + text[1:]


def _condition(text: str) -> str:
    for article in ("a ", "an ", "the "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _when(at: Any, tz: tzinfo, voice: Voice) -> str:
    try:
        return datetime.fromisoformat(str(at)).astimezone(tz).strftime(voice.say(DATE_FULL))
    except ValueError:
        return voice.say(DATE_UNKNOWN)


def _current(record: Mapping[str, Any]) -> tuple[Mapping[str, Any], Case]:
    """The triage slots and the clinical case to report: the conversation's while it has a pain
    in it, else those of the last advice given (history and record["clinical"])."""
    slots = ((record.get("conversation") or {}).get("slots")) or {}
    if slots.get("pain_location") or isinstance(slots.get("clinical"), Mapping):
        stored = slots.get("clinical") if isinstance(slots.get("clinical"), Mapping) else record.get("clinical")
        return slots, Case.from_json(stored)
    history = [h for h in record.get("history") or [] if isinstance(h, Mapping)]
    return (history[-1] if history else {}), Case.from_json(record.get("clinical"))


def build(record: Mapping[str, Any], now: datetime, tz: tzinfo, voice: Voice | None = None) -> Summary:
    voice = voice or english()
    slots, case = _current(record)
    rules = default_rules()
    sections: list[tuple[str, list[str]]] = []

    pain = []
    locations = slots.get("pain_location") or []
    if isinstance(locations, str):
        locations = [locations]
    if locations:
        key = f"{WHERE_SIDE}.{slots.get('pain_side')}"
        pain.append(voice.say(key if voice.has(key) else WHERE, places=voice.names(LOCATION, locations)))
    if slots.get("pain_pattern"):
        pain.append(voice.say(PATTERN_LINE, pattern=voice.name(PATTERN, slots["pain_pattern"])))
    if isinstance(slots.get("severity"), (int, float)):
        pain.append(voice.say(SEVERITY, severity=f"{slots['severity']:g}"))
    sections.append(("pain", pain))

    facts = facts_of(case, slots)
    # A PT wants every sign that fits, but not the same warning twice (same entry, one more specific).
    found = findings_for(facts, rules, overrides=False)
    found = tuple(f for f in found if not any(g.entry == f.entry and f.rule in rules.rule(g.rule).overrides for g in found))
    lines = []
    for f in found:
        line = voice.say(FINDING, level=voice.name(LEVEL, f.level), condition=_condition(f.condition))
        line = line[:1].upper() + line[1:]
        lines.append(voice.say(RUNNER_WORDS, line=line, words="; ".join(f.words)) if f.words else line)
    sections.append(("findings", lines))

    reported, denied = [], []
    # Signs and context only: a fact that only explains a sign away ("a sting", "it passed") is
    # read from the runner's words, not something to report as what they said.
    reportable = {lit.fact for r in rules.rules for clause in r.sign + r.context for lit in clause}
    reportable |= {q.fact for q in rules.questions.values()}
    stated = case.state.facts
    for name, value in stated.items():
        if name not in rules.facts or name not in reportable or value.how not in (SAID, ANSWERED):
            continue
        if name in _EXPLAINED_BY and any(getattr(stated.get(e), "value", None) is True and stated[e].words == value.words
                                         for e in _EXPLAINED_BY[name]):
            # "i leak a little when i jump": a pelvic-floor leak said in the same words, not "new
            # bladder or bowel problems" for the physio to read (tester round 32)
            continue
        fact = rules.facts[name]
        if fact.quiet and value.value is not True:
            continue  # "it has not come back since", denied: context for a sign, not a report
        if value.value is True:
            key = SAID_LINE if value.how == SAID else ANSWERED_LINE
            reported.append(voice.say(key, fact=third_person(fact.said), words=value.words))
        elif value.value is False:
            denied.append(third_person(fact.unsaid))
    sections.append(("reported", reported[:MAX_REPORTED]))
    sections.append(("denied", denied[:MAX_REPORTED]))
    sections.append(("background", _intake(case, voice)))

    result = case.balance_result()
    balance = []
    if result is not None:
        balance.append(third_person(result.reason) if result.reason else voice.say(
            BALANCE_TIMES, times="/".join(f"{x:g}" for x in result.reading.sides)))
    elif slots.get("balance_change"):
        balance.append(voice.name(BALANCE, slots["balance_change"]))
    sections.append(("balance", balance))
    sections.append(("levels", _levels(record, tz, voice)))
    sections.append(("checkins", _checkins(record, voice)))
    made = now.astimezone(tz).strftime(voice.say(DATE_FULL))
    return Summary(made, tuple((voice.say(f"{SECTION}.{name}"), tuple(items)) for name, items in sections if items))


def _intake(case: Case, voice: Voice) -> list[str]:
    """The intake answers, as a clinician reads them; only what was answered."""
    out = []
    intake = case.intake
    for slot in INTAKE_ORDER:
        value = intake.get(slot)
        if value is None:
            continue
        if slot == "age_band":
            shown = f"{intake.age}" if intake.age is not None else (
                value.replace("_", "-").replace("-plus", "+") if value in AGE_BANDS else value)
        else:
            said = intake.words.get(slot)
            if slot == "mileage_change" and value == "up_a_lot" and said and not rise_sized(said):
                value = "up_unsized"  # "upped my mileage", "yes": read as a big rise, but not said so
            shown = voice.name(INTAKE_VALUE, value)
        if slot == "upcoming_race" and intake.race_in_days is not None and value != "none":
            shown = voice.say(RACE_DAYS, value=shown, when=when(intake.race_in_days))
        line = voice.say(f"{INTAKE_LABEL}.{slot}", value=shown)
        said = intake.words.get(slot)
        # The runner's words, unless they only repeat the value ("19" for "i'm 19").
        quote = said and shown.lower() not in said.lower() and said.lower() not in shown.lower()
        out.append(voice.say(INTAKE_WORDS, line=line, words=said) if quote else line)
    return out


def _levels(record: Mapping[str, Any], tz: tzinfo, voice: Voice) -> list[str]:
    """The advice given, newest first, with the reasons as told; the same advice again on the
    same day once, with a count."""
    # Not the crisis conversation: the summary is made to show a physio or a doctor, and talk of
    # self-harm is not theirs to read unless the person tells them (tester round 28: "crisis
    # support offered first (talk of self-harm)" in the PDF). /export still holds everything.
    history = [h for h in record.get("history") or [] if isinstance(h, Mapping) and h.get("level") != "crisis"]
    lines: list[str] = []
    repeats: list[int] = []
    for h in reversed(history):
        date, level = _when(h.get("at"), tz, voice), voice.name(LEVEL, h.get("level"))
        reasons = [str(r) for r in h.get("reasons") or []]
        line = (voice.say(LEVEL_BECAUSE, date=date, level=level, reasons="; ".join(r[:1].lower() + r[1:] for r in reasons))
                if reasons else voice.say(LEVEL_LINE, date=date, level=level))
        if lines and lines[-1] == line:
            repeats[-1] += 1
            continue
        if len(lines) == MAX_LEVELS:
            break
        lines.append(line)
        repeats.append(1)
    return [voice.say(TIMES, line=line, count=n) if n > 1 else line for line, n in zip(lines, repeats)]


def _checkins(record: Mapping[str, Any], voice: Voice) -> list[str]:
    from bot.checkins.progress import entry_line

    data = record.get("checkins") or {}
    entries = [e for e in data.get("entries") or [] if isinstance(e, Mapping)]
    if not entries:
        return []
    unit = str((data.get("schedule") or {}).get("unit") or "km")
    trend = _trend(entries, unit, voice)
    return ([voice.say(TREND, trend=trend)] if trend else []) + [entry_line(e, unit, voice) for e in entries[-MAX_CHECKINS:]]


def _trend(entries: Sequence[Mapping[str, Any]], unit: str, voice: Voice) -> str | None:
    pains = [e["pain"] for e in entries if isinstance(e.get("pain"), (int, float))]
    dist = [e["distance_km"] for e in entries if isinstance(e.get("distance_km"), (int, float))]
    parts = []
    if len(pains) >= 2:
        word = "falling" if pains[-1] < pains[0] else "rising" if pains[-1] > pains[0] else "unchanged"
        parts.append(voice.say(f"{TREND_PAIN}.{word}", first=f"{pains[0]:g}", last=f"{pains[-1]:g}", count=len(pains)))
    if len(dist) >= 2:
        factor = 0.621371 if unit == "mi" else 1.0
        parts.append(voice.say(TREND_DISTANCE, first=f"{dist[0] * factor:g}", last=f"{dist[-1] * factor:g}",
                               unit=voice.say(f"unit.{unit}")))
    return "; ".join(parts) or None


def text(s: Summary, voice: Voice | None = None) -> str:
    voice = voice or english()
    if s.empty:
        return voice.say(NOTHING)
    lines = [voice.say(TITLE, date=s.made), voice.say(NOT_A_DIAGNOSIS)]
    for title, items in s.sections:
        lines += ["", title] + [f"- {item}" for item in items]
    return "\n".join(lines)


def pdf(s: Summary, voice: Voice | None = None) -> bytes:
    """A one-page A4 PDF of the summary (fpdf2; DejaVu Sans from matplotlib for any language).
    Long sections are cut to fit one page, with a line saying so."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    voice = voice or english()
    regular, bold = _fonts(s, voice)
    doc = FPDF(format="A4", unit="mm")
    doc.set_auto_page_break(False)
    doc.set_margins(16, 14, 16)
    doc.add_page()
    doc.add_font("DejaVu", "", str(regular))
    doc.add_font("DejaVu", "B", str(bold))
    title = voice.say(PDF_TITLE)
    doc.set_title(title)
    doc.set_creator("runner-triage")
    width = doc.w - doc.l_margin - doc.r_margin
    bottom = doc.h - 18

    doc.set_font("DejaVu", "B", 16)
    doc.cell(width, 9, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_font("DejaVu", "", 9)
    doc.set_text_color(90, 90, 90)
    doc.multi_cell(width, 4.5, f"{voice.say(MADE, date=s.made)} {voice.say(NOT_A_DIAGNOSIS)}", align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_text_color(0, 0, 0)
    doc.ln(2)
    if s.empty:
        doc.set_font("DejaVu", "", 11)
        doc.multi_cell(width, 6, voice.say(NOTHING))
    cut = False
    for heading, items in s.sections:
        if doc.get_y() + 14 > bottom:
            cut = True
            break
        doc.set_font("DejaVu", "B", 11)
        doc.set_fill_color(235, 241, 247)
        doc.cell(width, 7, heading.rstrip(":"), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.set_font("DejaVu", "", 9.5)
        for item in items:
            height = doc.multi_cell(width - 4, 4.8, f"• {item}", dry_run=True, output="HEIGHT")
            if doc.get_y() + float(height) > bottom:  # type: ignore[arg-type]
                cut = True
                break
            doc.set_x(doc.l_margin + 4)
            doc.multi_cell(width - 4, 4.8, f"• {item}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.ln(1.5)
    doc.set_y(doc.h - 14)
    doc.set_font("DejaVu", "", 8)
    doc.set_text_color(110, 110, 110)
    footer = voice.say(PDF_FOOTER)
    if cut:
        footer = f"{voice.say(PDF_SHORTENED)} {footer}"
    doc.cell(width, 5, footer, align="C")
    return bytes(doc.output())


#: The characters the kept font subset covers: Latin with the letters of every European language,
#: Greek, Cyrillic, punctuation, currency signs, arrows, bullets and check marks. A summary with
#: any other character is set in the whole font.
SUBSET_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x4FF), (0x1E00, 0x1EFF), (0x2000, 0x206F),
                 (0x20A0, 0x20BF), (0x2100, 0x215F), (0x2190, 0x21FF), (0x2212, 0x2212),
                 (0x25A0, 0x25FF), (0x2713, 0x2717))
_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def covered(text: str) -> bool:
    """Does the font subset hold every character of `text` (line breaks aside)?"""
    return all(any(a <= ord(ch) <= b for a, b in SUBSET_RANGES) for ch in set(text) - {"\n"})


def _fonts(s: Summary, voice: Voice) -> tuple[Path, Path]:
    """Regular and bold: the kept subsets of DejaVu Sans when they hold every character of this
    summary, else the whole fonts. fontTools parses the whole font for each document (~27 ms a
    face, holding the GIL); a subset of the characters above parses in ~11."""
    fonts = _font_dir()
    full = (fonts / _FONTS[0], fonts / _FONTS[1])
    words = " ".join([voice.say(PDF_TITLE), voice.say(MADE, date=s.made), voice.say(NOT_A_DIAGNOSIS),
                      voice.say(NOTHING), voice.say(PDF_FOOTER), voice.say(PDF_SHORTENED), "•"]
                     + [f"{heading} {' '.join(items)}" for heading, items in s.sections])
    if not covered(words):
        return full
    return _subsets() or full


@lru_cache(maxsize=1)
def _subsets() -> tuple[Path, Path] | None:
    """The subsets, made once per machine into the cache directory (bot.paths.kept_file) and
    named for what they were made from; None (the whole fonts) if that cannot be done.
    Engine.load asks for them, so the first summary does not wait for them."""
    from importlib.metadata import version

    out: list[Path] = []
    try:
        for name in _FONTS:
            source = _font_dir() / name
            kept = kept_file(Path(name).stem, ".ttf", (digest(source), version("fonttools"), SUBSET_RANGES),
                             partial(_subset, source))
            if kept is None:
                return None
            out.append(kept)
    except OSError as exc:  # the whole font always works: never fail a summary for speed
        log.info("font subset not made (%s); the summary uses the whole font", type(exc).__name__)
        return None
    return out[0], out[1]


def prepare_fonts() -> None:
    """Make the font subsets now if they are not kept yet (once per machine: ~0.5 s)."""
    _subsets()


def _subset(source: Path) -> bytes:
    import io

    from fontTools import subset as ft_subset

    options = ft_subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing to subset
    font = ft_subset.load_font(str(source), options)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=[c for a, b in SUBSET_RANGES for c in range(a, b + 1)])
    subsetter.subset(font)
    data = io.BytesIO()
    font.save(data)
    return data.getvalue()


def _font_dir() -> Path:
    """matplotlib's DejaVu fonts, found without importing matplotlib (~0.2 s)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("matplotlib (for its DejaVu Sans) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"
