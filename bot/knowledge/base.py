"""The knowledge base: load once, then answer questions and compose triage advice (no I/O)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from bot.knowledge.loader import OTHER_COUNTRY, CrisisCountry, CrisisResources, KnowledgeData, load_data
from bot.knowledge.model import REQUIRED_IDS, Advice, Answer, Entry
from bot.knowledge.retrieval import Retriever
from bot.texts import fill
from bot.vocabulary import LEVELS, LOCATIONS

_SENTENCE_END = re.compile(r"[.!?](\s|$)")


class KnowledgeBase:
    """Reviewed content from `knowledge/`, and the two things the bot does with it."""

    def __init__(self, data: KnowledgeData, levels: tuple[str, ...] = LEVELS,
                 locations: tuple[str, ...] = LOCATIONS) -> None:
        self._data = data
        self.levels = levels
        self.locations = locations
        self._entries = {e.id: e for e in data.entries}
        # The red-flag entries the clinical rules name (knowledge/clinical/rules.yml `entry:`).
        self._flags = {e.id: e for e in data.entries if e.role == "red_flag"}
        self._retriever = Retriever(data.entries, data.vocabulary, data.out_of_scope, locations)
        # Each canonical location's entry: the first `answer` entry that lists it.
        self._by_location: dict[str, Entry] = {}
        for entry in self._retriever.entries:
            for loc in entry.locations:
                self._by_location.setdefault(loc, entry)

    @classmethod
    def load(cls, directory: Path, levels: tuple[str, ...] = LEVELS,
             locations: tuple[str, ...] = LOCATIONS) -> KnowledgeBase:
        """Read and validate `directory`; raises DefinitionError naming the file and key.

        `levels` and `locations` default to the shared vocabulary (bot.vocabulary)."""
        return cls(load_data(Path(directory), levels, locations), levels, locations)

    # -- review ----------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._data.entries

    def problems(self) -> list[str]:
        """What `kb check` reports beyond load errors: gaps and lint, one line each."""
        found: list[str] = []
        for entry_id in REQUIRED_IDS:
            if entry_id not in self._entries:
                found.append(f"(entries): {entry_id}: required entry is missing")
        for loc in self.locations:
            if loc not in self._by_location:
                found.append(f"(entries): location {loc}: no answer entry lists this location")
            owners = [e.id for e in self._retriever.entries if loc in e.locations]
            if len(owners) > 1:
                found.append(f"(entries): location {loc}: listed by several answer entries {owners}; the first is used")
        for level in self.levels:
            if not any(e.role == "advice_now" and level in e.levels for e in self.entries):
                found.append(f"(entries): level {level}: no advice_now entry")
        for trigger in self._retriever.unusable_triggers:
            found.append(f"out_of_scope.yml: topics.{trigger}: has no word the tokenizer keeps; it is ignored")
        for entry in self.entries:
            where = f"{entry.file}: {entry.id}"
            sentences = len(_SENTENCE_END.findall(entry.text.replace("et al.", "et al")))
            if entry.role == "answer":
                if not 2 <= sentences <= 5:
                    found.append(f"{where}.text: {sentences} sentences; answers should have 2-5")
                if not entry.questions:
                    found.append(f"{where}.questions: none, so no related-question button can offer it")
                if len(entry.keywords) < 3:
                    found.append(f"{where}.keywords: fewer than 3; retrieval will struggle")
                if len(entry.related) < 2:
                    found.append(f"{where}.related: fewer than 2; answers should offer 2-3 related questions")
            if len(entry.text.split()) > 110:
                found.append(f"{where}.text: {len(entry.text.split())} words; keep it short (<= 110)")
        return found

    def entry(self, entry_id: str) -> Entry:
        try:
            return self._entries[entry_id]
        except KeyError:
            raise KeyError(f"no knowledge-base entry with id {entry_id!r} (try `runner-triage kb check` for the list)") from None

    def show(self, entry_id: str) -> str:
        """One entry as a reviewer reads it, with its sources spelled out."""
        e = self.entry(entry_id)
        lines = [f"{e.id}: {e.title}", f"file: {e.file}", f"role: {e.role}", "", e.text, ""]
        lines += [f"source: {ref} = {self._data.sources.citation(ref)}" for ref in e.source]
        for label, values in (
            ("keywords", e.keywords), ("questions", e.questions), ("related", e.related),
            ("locations", e.locations), ("levels", e.levels),
        ):
            if values:
                lines.append(f"{label}: {', '.join(values)}")
        return "\n".join(lines)

    def source_line(self, entry_ids: Iterable[str]) -> str:
        """'Source: ...' naming every distinct source of the given entries, in order."""
        refs: list[str] = []
        for entry_id in entry_ids:
            for ref in self.entry(entry_id).source:
                if ref not in refs:
                    refs.append(ref)
        citations = [self._data.sources.citation(r) for r in refs]
        return ("Sources: " if len(citations) > 1 else "Source: ") + "; ".join(citations)

    # -- questions -------------------------------------------------------------------------

    def best_entry(self, question: str, locations: Sequence[str] = ()) -> Entry | None:
        """The entry that answers `question` (None = out of scope); `locations` is context."""
        match = self._retriever.best(question, locations)
        return match.entry if match else None

    def answer(self, question: str, locations: Sequence[str] = (), country: str | None = "US",
               locale: str = "en") -> Answer | None:
        """A short answer with its source line and the disclaimer, or None when out of scope."""
        entry = self.best_entry(question, locations)
        if entry is None:
            return None
        parts = [self._text(entry, country, locale), self.source_line([entry.id]), self._disclaimer()]
        if entry.include_crisis_resources:
            parts.append(self.crisis_resources(country, locale))
        related = tuple(
            self._entries[r].questions[0]
            for r in entry.related
            if self._entries[r].role == "answer" and self._entries[r].questions
        )[:3]
        return Answer(text="\n\n".join(parts), sources=(entry.id,), related=related)

    def out_of_scope_reply(self, question: str) -> str:
        """What to say when `answer` returned None: that we can't answer, and who can."""
        topic = self._retriever.out_of_scope_topic(question) or "other"
        return self._data.out_of_scope.topics[topic].reply

    # -- advice ----------------------------------------------------------------------------

    def advice(
        self,
        level: str,
        locations: Sequence[str],
        reasons: Sequence[str],
        country: str | None = "US",
        *,
        flags: Sequence[str] = (),
        notes: Sequence[str] = (),
        locale: str = "en",
    ) -> Advice:
        """The triage advice message for `level`, composed from entries (see docs/knowledge.md).

        `reasons` are plain-language phrases from the triage ("your shin pain comes back on each
        run"); `flags` are the red-flag entries of the clinical findings ("redflag-dvt": each
        rule of knowledge/clinical/rules.yml names its entry); `notes` are extra paragraphs said
        after the reasons (the intake's advice notes, knowledge/clinical/intake.yml).
        """
        if level not in self.levels:
            raise ValueError(f"unknown triage level {level!r}; expected one of {', '.join(self.levels)}")
        unknown = [loc for loc in locations if loc not in self.locations]
        if unknown:
            raise ValueError(f"unknown location(s) {unknown}; expected canonical locations {', '.join(self.locations)}")
        used: list[Entry] = []

        def take(entries: Iterable[Entry]) -> list[str]:
            texts = []
            for e in entries:
                if e not in used:
                    used.append(e)
                    texts.append(self._text(e, country, locale))
            return texts

        def with_role(role: str) -> list[Entry]:
            return [e for e in self.entries if e.role == role and level in e.levels]

        parts = [self._data.levels[level].heading]
        why = _because(reasons)
        if level == "crisis":
            parts.append(self.crisis_resources(country, locale))
            used.append(self._entries["crisis-help"])
            if why:
                parts.append(why)
            parts += take(with_role("advice_now"))
        else:
            if why:
                parts.append(why)
            parts += [n for n in notes if n]
            parts += take(self._flag_entries(flags))
            parts += take(with_role("advice_now"))
            parts += take(with_role("advice_pt"))
            if self._data.levels[level].include_location:
                parts += take(self._by_location[loc] for loc in locations if loc in self._by_location)
            parts += take(with_role("advice_escalate"))
            parts.append(self.crisis_resources(country, locale))
            used.append(self._entries["crisis-help"])
        parts.append(self._disclaimer())
        used.append(self._entries["disclaimer"])
        return Advice(text="\n\n".join(parts), sources=tuple(dict.fromkeys(e.id for e in used)))

    def heading(self, level: str) -> str:
        """The advice's first line for `level` (knowledge/levels.yml)."""
        return self._data.levels[level].heading

    def cite(self, refs: Iterable[str]) -> str:
        """'Source: ...' for source references (`clinical:<id>`, `article#<section>`)."""
        citations = [self._data.sources.citation(r) for r in dict.fromkeys(refs)]
        return ("Sources: " if len(citations) > 1 else "Source: ") + "; ".join(citations)

    def disclaimer(self) -> str:
        return self._disclaimer()

    def flag_entry(self, entry_id: str) -> Entry | None:
        """The red_flag entry with this id (a clinical rule's `entry:`), or None."""
        return self._flags.get(entry_id)

    def _flag_entries(self, flags: Sequence[str]) -> list[Entry]:
        out = []
        for flag in flags:
            entry = self._flags.get(flag)
            if entry is None:
                known = sorted(self._flags)
                raise ValueError(f"unknown red flag {flag!r}; expected one of {', '.join(known)}")
            out.append(entry)
        return out

    # -- crisis resources and the runner's country ----------------------------------------

    def crisis(self, locale: str = "en") -> CrisisResources:
        """knowledge/crisis_resources.yml in `locale` (English where the locale says nothing)."""
        return self._data.crisis.get(locale) or self._data.crisis["en"]

    def country(self, country: str | None, locale: str = "en") -> CrisisCountry:
        """The country block for a code (case-insensitive, aliases applied: UK -> GB); "other"
        and unknown codes get the fallback (find a helpline, the local emergency number)."""
        crisis = self.crisis(locale)
        code = (country or crisis.default).strip().upper()
        return crisis.countries.get(crisis.aliases.get(code, code), crisis.fallback)

    def countries(self, locale: str = "en") -> tuple[CrisisCountry, ...]:
        """Every country a runner can choose in /settings, the fallback ("Somewhere else") last."""
        crisis = self.crisis(locale)
        return (*crisis.countries.values(), crisis.fallback)

    def crisis_resources(self, country: str | None = "US", locale: str = "en") -> str:
        """The crisis block for `country`: heading and lines.

        A runner who chose "Somewhere else" (`other`) gets the fallback lines only. Any other
        unknown code gets the fallback followed by the default country's lines, labelled, since
        the article's lines are US ones.
        """
        crisis = self.crisis(locale)
        block = self.country(country, locale)
        lines = [crisis.heading, *(f"- {line}" for line in block.lines)]
        if block.code == OTHER_COUNTRY and (country or "").strip().lower() != OTHER_COUNTRY:
            default = crisis.countries[crisis.default]
            lines.append(fill(crisis.default_heading, {"country_name": default.name}))
            lines += [f"- {line}" for line in default.lines]
        return "\n".join(lines)

    def country_values(self, country: str | None, locale: str = "en") -> dict[str, str]:
        """The placeholders any text may use about the runner's country (COUNTRY_PLACEHOLDERS)."""
        block = self.country(country, locale)
        return {"crisis_lines": self.crisis_resources(country, locale), "crisis_line": block.crisis_line,
                "emergency_number": block.emergency_number, "poison_control": block.poison_control,
                "country_name": block.name,
                "country_label": block.label}

    def _text(self, entry: Entry, country: str | None, locale: str = "en") -> str:
        """An entry's text with its country placeholders ({emergency_number}, ...) filled."""
        if "{" not in entry.text:
            return entry.text
        return fill(entry.text, self.country_values(country, locale))

    def _disclaimer(self) -> str:
        return self._entries["disclaimer"].text


def _because(reasons: Sequence[str]) -> str:
    """'Because a, b and c.' from the triage's reason phrases; '' when there are none."""
    cleaned = []
    for reason in reasons:
        text = reason.strip().rstrip(".!").strip()
        if text.lower().startswith("because "):
            text = text[len("because "):]
        if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
            text = text[0].lower() + text[1:]
        if text:
            cleaned.append(text)
    if not cleaned:
        return ""
    joined = cleaned[0] if len(cleaned) == 1 else ", ".join(cleaned[:-1]) + " and " + cleaned[-1]
    return f"This is because {joined}."
