"""/summary for a physical therapist: what the runner said or confirmed, as data, text and a
one-page PDF. Pure (the PDF is bytes; the adapter sends it).

Only what the runner said or confirmed goes in: findings with the runner's own words, signs they
denied, intake answers, where it hurts, the pattern, the balance test, the levels with their
reasons and dates, and the check-in trend. Never a sign the bot guessed.

The record it reads (phase B stores these):
    record["conversation"]["slots"]   pain_location, pain_side, pain_pattern, severity, ...
    record["clinical"]                bot.clinical.flow.Case.to_json()
    record["history"]                 [{at, level, reasons?, ...}], the triage results
    record["checkins"]["entries"]     [{week, pain, location, pattern, distance_km, longest_km}]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from bot.clinical.evaluate import ANSWERED, SAID, findings_for
from bot.clinical.flow import Case, facts_of
from bot.clinical.intake import describe as describe_intake
from bot.clinical.rules import default_rules

LEVEL_WORDS = {"crisis": "crisis support first", "emergency": "emergency services",
               "urgent": "see a doctor today", "see_pt": "see a physical therapist", "self_care": "self-care"}
PATTERN_WORDS = {"fades": "fades within days, like soreness", "recurring": "comes back when running again",
                 "persistent": "does not fade"}
MAX_LEVELS = 6
MAX_CHECKINS = 8
MAX_REPORTED = 10


@dataclass(frozen=True)
class FindingLine:
    level: str
    reason: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    made: str
    where: str | None
    pattern: str | None
    severity: str | None
    findings: tuple[FindingLine, ...]
    reported: tuple[str, ...]  # signs and context the runner said or confirmed, with their words
    denied: tuple[str, ...]  # signs the runner said they do not have
    intake: tuple[str, ...]
    balance: str | None
    levels: tuple[str, ...]  # "02 Dec 2026: see a doctor today, because ..."
    checkins: tuple[str, ...]
    trend: str | None

    @property
    def empty(self) -> bool:
        return not (self.where or self.findings or self.reported or self.intake or self.levels or self.checkins)


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


def _when(at: Any, tz: tzinfo) -> str:
    try:
        return f"{datetime.fromisoformat(str(at)).astimezone(tz):%d %b %Y}"
    except ValueError:
        return "date unknown"


def build(record: Mapping[str, Any], now: datetime, tz: tzinfo) -> Summary:
    slots = ((record.get("conversation") or {}).get("slots")) or {}
    case = Case.from_json(record.get("clinical"))
    rules = default_rules()

    locations = slots.get("pain_location") or []
    if isinstance(locations, str):
        locations = [locations]
    side = slots.get("pain_side")
    where = ", ".join(str(x).replace("_", " ") for x in locations) or None
    if where and side in ("left", "right", "both"):
        where += " (both sides)" if side == "both" else f" ({side} side)"
    pattern = PATTERN_WORDS.get(str(slots.get("pain_pattern"))) if slots.get("pain_pattern") else None
    severity = f"{slots['severity']:g}/10" if isinstance(slots.get("severity"), (int, float)) else None

    facts = facts_of(case, slots)
    # A PT wants every sign that fits, but not the same warning twice (same entry, one more specific).
    found = findings_for(facts, rules, overrides=False)
    found = tuple(f for f in found if not any(
        g.entry == f.entry and f.rule in rules.rule(g.rule).overrides for g in found))
    findings = tuple(FindingLine(f.level, f"possible {_condition(f.condition)}", f.words) for f in found)
    reported, denied = [], []
    for name, value in case.state.facts.items():
        if name not in rules.facts or value.how not in (SAID, ANSWERED):
            continue
        fact = rules.facts[name]
        if value.value is True:
            quote = f'"{value.words}"' if value.how == SAID else f'answered "{value.words}" when asked'
            reported.append(f"{third_person(fact.said)}: {quote}")
        elif value.value is False:
            denied.append(third_person(fact.unsaid))
    result = case.balance_result()
    balance = None
    if result is not None:
        balance = third_person(result.reason) if result.reason else (
            f"{'/'.join(f'{x:g}' for x in result.reading.sides)} s (age not given, so not compared with the norm)")
    elif slots.get("balance_change"):
        balance = {"worse": "Worse than before (runner's impression)", "same": "Unchanged (runner's impression)",
                   "unsure": "Not sure; test not done"}.get(str(slots["balance_change"]))

    history = [h for h in record.get("history") or [] if isinstance(h, Mapping)]
    levels: list[str] = []
    repeats: list[int] = []
    for h in reversed(history):
        line = f"{_when(h.get('at'), tz)}: {LEVEL_WORDS.get(str(h.get('level')), str(h.get('level')))}"
        reasons = [str(r) for r in h.get("reasons") or []]  # as told to the runner
        if reasons:
            line += ", because " + "; ".join(r[:1].lower() + r[1:] for r in reasons)
        if levels and levels[-1] == line:  # the same advice again on the same day: once, counted
            repeats[-1] += 1
            continue
        if len(levels) == MAX_LEVELS:
            break
        levels.append(line)
        repeats.append(1)
    levels = [line + (f" ({n} times)" if n > 1 else "") for line, n in zip(levels, repeats)]

    entries = [e for e in (record.get("checkins") or {}).get("entries") or [] if isinstance(e, Mapping)]
    checkins = tuple(_checkin_line(e) for e in entries[-MAX_CHECKINS:])
    return Summary(
        made=f"{now.astimezone(tz):%d %b %Y}", where=where, pattern=pattern, severity=severity,
        findings=findings, reported=tuple(reported[:MAX_REPORTED]), denied=tuple(denied[:MAX_REPORTED]),
        intake=tuple(describe_intake(case.intake)), balance=balance, levels=tuple(levels),
        checkins=checkins, trend=_trend(entries),
    )


def _checkin_line(e: Mapping[str, Any]) -> str:
    pain = e.get("pain")
    parts = [str(e.get("week", "?")), f"pain {pain:g}/10" if isinstance(pain, (int, float)) else "pain not given"]
    if isinstance(e.get("distance_km"), (int, float)):
        parts.append(f"{e['distance_km']:g} km")
    if isinstance(e.get("longest_km"), (int, float)):
        parts.append(f"longest {e['longest_km']:g} km")
    if e.get("pattern"):
        parts.append(PATTERN_WORDS.get(str(e["pattern"]), str(e["pattern"])))
    return ", ".join(parts)


def _trend(entries: Sequence[Mapping[str, Any]]) -> str | None:
    pains = [e["pain"] for e in entries if isinstance(e.get("pain"), (int, float))]
    dist = [e["distance_km"] for e in entries if isinstance(e.get("distance_km"), (int, float))]
    if len(pains) < 2 and len(dist) < 2:
        return None
    parts = []
    if len(pains) >= 2:
        word = "falling" if pains[-1] < pains[0] else "rising" if pains[-1] > pains[0] else "unchanged"
        parts.append(f"pain {word} ({pains[0]:g} to {pains[-1]:g}/10 over {len(pains)} check-ins)")
    if len(dist) >= 2:
        parts.append(f"weekly distance {dist[0]:g} to {dist[-1]:g} km")
    return "; ".join(parts)


DISCLAIMER = ("What the runner reported to a triage chatbot, in their own words where quoted. "
              "Not a diagnosis; the levels are the chatbot's triage advice.")


def sections(s: Summary) -> list[tuple[str, list[str]]]:
    """The summary as titled sections of lines: one source for the message and the PDF."""
    out: list[tuple[str, list[str]]] = []
    pain = [x for x in (f"Where: {s.where}" if s.where else "", f"Pattern: {s.pattern}" if s.pattern else "",
                        f"Severity: {s.severity}" if s.severity else "") if x]
    if pain:
        out.append(("Pain", pain))
    if s.findings:
        out.append(("Warning signs and findings", [
            f"{LEVEL_WORDS.get(f.level, f.level).capitalize()}: {f.reason}"
            + (f' (runner: "{"; ".join(f.words)}")' if f.words else "") for f in s.findings]))
    if s.reported:
        out.append(("What the runner said or confirmed", list(s.reported)))
    if s.denied:
        out.append(("What the runner said they do not have", list(s.denied)))
    if s.intake:
        out.append(("Background", list(s.intake)))
    if s.balance:
        out.append(("Single-leg balance", [s.balance]))
    if s.levels:
        out.append(("Triage advice given (most recent first)", list(s.levels)))
    if s.checkins:
        out.append(("Weekly check-ins", ([f"Trend: {s.trend}"] if s.trend else []) + list(s.checkins)))
    return out


def text(s: Summary) -> str:
    if s.empty:
        return ("There is nothing to summarise yet. Tell me what hurts, answer a few questions, "
                "and /summary will list what you reported and the advice you got.")
    lines = [f"Runner triage summary, made {s.made}", DISCLAIMER]
    for title, items in sections(s):
        lines += ["", f"{title}:"] + [f"- {item}" for item in items]
    return "\n".join(lines)


def pdf(s: Summary) -> bytes:
    """A one-page A4 PDF of the summary (fpdf2; DejaVu Sans from matplotlib for any language).
    Long sections are cut to fit one page, with a line saying so."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    font_dir = _font_dir()
    doc = FPDF(format="A4", unit="mm")
    doc.set_auto_page_break(False)
    doc.set_margins(16, 14, 16)
    doc.add_page()
    doc.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
    doc.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    doc.set_title("Runner triage summary")
    doc.set_creator("runner-triage")
    width = doc.w - doc.l_margin - doc.r_margin
    bottom = doc.h - 18

    doc.set_font("DejaVu", "B", 16)
    doc.cell(width, 9, "Runner triage summary", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_font("DejaVu", "", 9)
    doc.set_text_color(90, 90, 90)
    doc.multi_cell(width, 4.5, f"Made {s.made}. {DISCLAIMER}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_text_color(0, 0, 0)
    doc.ln(2)
    if s.empty:
        doc.set_font("DejaVu", "", 11)
        doc.multi_cell(width, 6, "Nothing reported yet.")
    cut = False
    for title, items in sections(s):
        if doc.get_y() + 14 > bottom:
            cut = True
            break
        doc.set_font("DejaVu", "B", 11)
        doc.set_fill_color(235, 241, 247)
        doc.cell(width, 7, title, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.set_font("DejaVu", "", 9.5)
        for item in items:
            height = doc.multi_cell(width - 4, 4.8, item, dry_run=True, output="HEIGHT")
            if doc.get_y() + float(height) > bottom:  # type: ignore[arg-type]
                cut = True
                break
            doc.set_x(doc.l_margin + 4)
            doc.multi_cell(width - 4, 4.8, f"• {item}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.ln(1.5)
    doc.set_y(doc.h - 14)
    doc.set_font("DejaVu", "", 8)
    doc.set_text_color(110, 110, 110)
    footer = "runner-triage · forwarded by the runner"
    if cut:
        footer = "Shortened to one page; /summary in the chat has the full list. " + footer
    doc.cell(width, 5, footer, align="C")
    return bytes(doc.output())


def _font_dir() -> Any:
    from pathlib import Path

    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"
