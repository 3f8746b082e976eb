"""The knowledge base: load once, then answer questions and compose triage advice (no I/O)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path

from bot.knowledge.classifier import MODEL_FILE, QuestionModel
from bot.knowledge.loader import OTHER_COUNTRY, CrisisCountry, CrisisResources, KnowledgeData, load_data
from bot.knowledge.model import REQUIRED_IDS, Advice, Answer, Entry
from bot.knowledge.retrieval import LEMMAS_FILE, MODEL_LEAVE_PLACE, Explanation, Retriever, after_pleasantry, prime_lemmas
from bot.folding import fold_accents
from bot.texts import fill
from bot.vocabulary import DETAILS, LEVELS, LOCATIONS, PATTERNS

_SENTENCE_END = re.compile(r"[.!?](\s|$)")
#: An action on when to call the emergency number ("Call {emergency_number} if ...", "... for chest pain").
_WHEN_TO_CALL = re.compile(r"Call \{emergency_number\} (?:if|for|when)\b")


#: Words as place names are written (lower case, Latin letters with accents: "méxico", "españa").
_PLACE_WORD = re.compile(r"[a-zà-ÿ]+")


#: How close a runner-up's score must be to the chosen entry's for it to answer instead, when the
#: chosen entry's subject (`only_about`) is not in the question and the runner-up's is.
RUNNER_UP_SHARE = 0.85


#: Where the runner is, said of themself just before a place ("i am in hamburg", "we live in",
#: "based in"): it wins over a place said otherwise in the same message (the race's city).
_HERE = re.compile(r"\b(?:i'?m|im|i am|we'?re|we are|i live|we live|living|based|staying|ich bin|wohne|estoy|estamos|vivo|"
                   r"vivimos|eu moro|moro|je suis|j'habite|here)\s+(?:\w+\s+)?(?:in\s+|at\s+|en\s+|em\s+|à\s+|a\s+)?(?:the\s+)?$",
                   re.IGNORECASE)


#: ... said of where they are now, strictly ("i'm in", "we are in", "here in", "i live in", "estoy en"):
#: not "i'm from" (where they come from) nor "i'm running in" (a race somewhere, perhaps later).
_HERE_NOW = re.compile(r"(?:\b(?:i'?m|im|i am|we'?re|we are)(?:\s+(?:now|actually|currently|still|right now|already|back|here))?"
                       r"\s+(?:in|at)|\bhere in|\b(?:i|we) (?:live|stay|am staying|are staying) in|\b(?:living|based|staying) in|"
                       r"\b(?:estoy|estamos|vivo|vivimos) en|\b(?:eu )?(?:moro|estou) em|\bje suis à|\bj'habite à|\bich (?:bin|wohne) in)"
                       r"\s+(?:the\s+|la\s+|el\s+|a\s+|o\s+)?$", re.IGNORECASE)


#: A crisis word said to deny it ("no not suicide. my head. what i do??": tester round 56, a confused
#: marathoner got the crisis card), or a pregnancy ("what?? im not pregnant lol": tester round 58 got
#: the pregnancy card again): not what the question is about, so not read for retrieval.
_DENIED_CRISIS = re.compile(r"\b(?:no,?\s+)?(?:not|isn'?t|wasn'?t|it'?s not|its not|nothing to do with|not about)\s+(?:about\s+|a\s+)?"
                            r"(?:suicid\w*|self[- ]?harm\w*|crisis|depress\w*|mental health|pregnant|pregnancy)\b", re.IGNORECASE)


class KnowledgeBase:
    """Reviewed content from `knowledge/`, and the two things the bot does with it."""

    def __init__(self, data: KnowledgeData, levels: tuple[str, ...] = LEVELS,
                 locations: tuple[str, ...] = LOCATIONS, model: QuestionModel | None = None) -> None:
        self._data = data
        self.levels = levels
        self.locations = locations
        self._entries = {e.id: e for e in data.entries}
        # An entry's `only_about` words, as one pattern ("word*" = any ending).
        self._only_about = {e.id: re.compile(r"\b(" + "|".join(
            re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in e.only_about) + r")\b",
            re.IGNORECASE) for e in data.entries if e.only_about}
        # The red-flag entries the clinical rules name (knowledge/clinical/rules.yml `entry:`).
        self._flags = {e.id: e for e in data.entries if e.role == "red_flag"}
        self._retriever = Retriever(data.entries, data.vocabulary, data.out_of_scope, locations, model)
        # Each canonical location's entry: the first location entry (an `answer` entry without a
        # `detail`) that lists it. Detail entries (calf-raises) list places too but are not theirs.
        self._location_entries = tuple(e for e in self._retriever.entries if e.locations and e.detail is None)
        self._by_location: dict[str, Entry] = {}
        for entry in self._location_entries:
            for loc in entry.locations:
                self._by_location.setdefault(loc, entry)

    @classmethod
    def load(cls, directory: Path, levels: tuple[str, ...] = LEVELS,
             locations: tuple[str, ...] = LOCATIONS) -> KnowledgeBase:
        """Read and validate `directory`; raises DefinitionError naming the file and key.

        `levels` and `locations` default to the shared vocabulary (bot.vocabulary)."""
        directory = Path(directory)
        prime_lemmas(directory / LEMMAS_FILE)  # the build's lemmas: no spaCy for ~3,000 texts
        return cls(load_data(directory, levels, locations), levels, locations,
                   QuestionModel.load(directory / MODEL_FILE))

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
                found.append(f"(entries): location {loc}: no location entry (answer without detail) lists this location")
            owners = [e.id for e in self._location_entries if loc in e.locations]
            if len(owners) > 1:
                found.append(f"(entries): location {loc}: listed by several location entries {owners}; the first is used")
            snippets = [e.id for e in self.entries if e.role == "advice_location" and loc in e.locations
                        and "fades" in e.patterns]
            if len(snippets) != 1:
                found.append(f"(entries): location {loc}: {len(snippets)} advice_location entries for pattern "
                             f"fades {snippets}; expected one (soreness advice for that area)")
        for level in self.levels:
            if not any(e.role == "advice_now" and level in e.levels and not e.patterns for e in self.entries):
                found.append(f"(entries): level {level}: no advice_now entry for every pattern")
        for kind in DETAILS:
            if not any(e.detail == kind and not e.locations for e in self.entries):
                found.append(f"(entries): detail {kind}: no general entry (without locations) for this button")
        # The advice's first message lists actions (bot/replies.py): each area and level needs some.
        for entry in self._location_entries + tuple(e for e in self.entries if e.role == "advice_location"):
            if not entry.actions:
                found.append(f"{entry.file}: {entry.id}.actions: none; the advice's first message has no line for this area")
        for level in self.levels:
            if level != "crisis" and not any(e.actions for e in self.advice_entries("advice_now", level)):
                found.append(f"(entries): level {level}: no advice_now entry with actions for the first message")
        for trigger in self._retriever.unusable_triggers:
            found.append(f"out_of_scope.yml: topics.{trigger}: has no word the tokenizer keeps; it is ignored")
        for question, first, other in self._retriever.duplicate_questions:
            found.append(f"(entries): {other}.questions: {question!r} is also a question of {first}; "
                         "a suggested-question button must name one entry")
        for entry in self.entries:
            where = f"{entry.file}: {entry.id}"
            # (counted as said to a runner in the default country: a placeholder can be a sentence)
            sentences = len(_SENTENCE_END.findall(self.text(entry).replace("et al.", "et al")))
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
            ("locations", e.locations), ("levels", e.levels), ("patterns", e.patterns),
            ("detail", (e.detail,) if e.detail else ()),
        ):
            if values:
                lines.append(f"{label}: {', '.join(values)}")
        return "\n".join(lines)

    def source_line(self, entry_ids: Iterable[str]) -> str:
        """'Source: ...' naming every distinct source of the given entries, in order, shortly
        ("Bachmann et al., BMJ 2003"); the article once, by its title."""
        refs: list[str] = []
        for entry_id in entry_ids:
            for ref in self.entry(entry_id).source:
                if ref not in refs:
                    refs.append(ref)
        # Short citations (who and when; the article by its title, once): on a phone the full
        # citations doubled an answer's length (tester round 5). The full ones: knowledge/sources.yml.
        citations = list(dict.fromkeys(self._data.sources.short_citation(r) for r in refs))
        return ("Sources: " if len(citations) > 1 else "Source: ") + "; ".join(citations)

    # -- questions -------------------------------------------------------------------------

    def best_entry(self, question: str, locations: Sequence[str] = (), about: str = "") -> Entry | None:
        """The entry that answers `question` (None = out of scope); `locations` is context;
        `about`: words said of the patient earlier ("child"), read only for an entry's subject
        (`only_about`), never for retrieval."""
        explained = self._retriever.explain(_DENIED_CRISIS.sub(" ", question), locations)
        match = explained.chosen
        if match is None:
            return None
        text = question.replace("\u2019", "'") + (f" {about}" if about else "")
        if self._is_about(match.entry, text):
            return match.entry
        # A word of it, not its subject ("feel sick" is not disordered eating). A runner-up about
        # as good whose subject it is answers instead: "ok calling now. what do i tell them?" is
        # what to say on the phone, not whether anyone will be told (tester round 41).
        for other in explained.ranked:
            if other.entry.id != match.entry.id and other.score >= RUNNER_UP_SHARE * match.score \
                    and other.entry.only_about and self._is_about(other.entry, text):
                return other.entry
        # ... or the classifier's sure guess, when it is one of the close runners-up and its subject
        # is there: "but ibuprofen would stop it hurting so whats the problem" is the painkillers
        # entry (0.92), not "blood thinners" (ibuprofen a word of it) turned away as out of scope
        # (tester round 51's conversation 762, once new entries moved the word weights)
        close = {m.entry.id for m in (*explained.ranked, *explained.plain) if m.score >= RUNNER_UP_SHARE * match.score}
        guess = explained.guesses[0] if explained.guesses else None
        if guess is not None and guess.probability >= MODEL_LEAVE_PLACE and guess.label in close and guess.label != match.entry.id:
            entry = self._entries.get(guess.label)
            if entry is not None and self._is_about(entry, text):
                return entry
        return None

    def _is_about(self, entry: Entry, text: str) -> bool:
        about = self._only_about.get(entry.id)
        return about is None or bool(about.search(text))

    def explain(self, question: str, locations: Sequence[str] = ()) -> Explanation:
        """How `best_entry` decided: refusal, exact question, terms, rankings (for tuning)."""
        return self._retriever.explain(question, locations)

    @staticmethod
    def after_pleasantry(text: str) -> str | None:
        """The question after a leading "thanks"/"ok"/"great" ("thanks. what shoes should I get"
        -> "what shoes should I get"), or None when the message does not start with one."""
        return after_pleasantry(text)

    def answer(self, question: str, locations: Sequence[str] = (), country: str | None = "US",
               locale: str = "en") -> Answer | None:
        """A short answer with its source line, or None when out of scope. No disclaimer: that is
        said once per advice and in /help, not on every answer (issue 16)."""
        entry = self.best_entry(question, locations)
        if entry is None:
            return None
        parts = [self._text(entry, country, locale), self.source_line([entry.id])]
        if entry.include_crisis_resources:
            parts.append(self.crisis_resources(country, locale))
        related = tuple(
            self._entries[r].questions[0]
            for r in entry.related
            if self._entries[r].role == "answer" and self._entries[r].questions
        )[:3]
        return Answer(text="\n\n".join(parts), sources=(entry.id,), related=related)

    def refusal_topic(self, text: str) -> str | None:
        """The out-of-scope topic a message asks about (a trigger without its exceptions: "find
        me a PT near me" -> booking, "tell me a joke" -> other), or None."""
        return self._retriever.refusal_topic(_DENIED_CRISIS.sub(" ", after_pleasantry(text) or text))

    def out_of_scope_reply(self, question: str) -> str:
        """What to say when `answer` returned None: that we can't answer, and who can."""
        topic = self._retriever.out_of_scope_topic(_DENIED_CRISIS.sub(" ", question)) or "other"
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
        pattern: str | None = None,
        locale: str = "en",
    ) -> Advice:
        """The triage advice message for `level`, composed from entries (see docs/knowledge.md).

        `reasons` are plain-language phrases from the triage ("your shin pain comes back on each
        run"); `flags` are the red-flag entries of the clinical findings ("redflag-dvt": each
        rule of knowledge/clinical/rules.yml names its entry); `notes` are extra paragraphs said
        after the reasons (the intake's advice notes, knowledge/clinical/intake.yml); `pattern` is
        the triage's pain pattern (fades, recurring, persistent; self_care implies fades):
        pattern-specific snippets replace the general ones, and only the paragraphs for the
        runner's own locations are used.
        """
        if level not in self.levels:
            raise ValueError(f"unknown triage level {level!r}; expected one of {', '.join(self.levels)}")
        unknown = [loc for loc in locations if loc not in self.locations]
        if unknown:
            raise ValueError(f"unknown location(s) {unknown}; expected canonical locations {', '.join(self.locations)}")
        if pattern is not None and pattern not in PATTERNS:
            raise ValueError(f"unknown pain pattern {pattern!r}; expected one of {', '.join(PATTERNS)}")
        if pattern is None and level == "self_care":
            pattern = "fades"
        used: list[Entry] = []

        def take(entries: Iterable[Entry]) -> list[str]:
            texts = []
            for e in entries:
                if e not in used:
                    used.append(e)
                    texts.append(self._text(e, country, locale))
            return texts

        def with_role(role: str) -> list[Entry]:
            return self.advice_entries(role, level, pattern)

        heading = self._data.levels[level].heading
        parts = [fill(heading, self.country_values(country, locale)) if "{" in heading else heading]
        why = reason_sentence(reasons)
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
            parts += take(self.flag_entries(flags))
            parts += take(with_role("advice_now"))
            parts += take(with_role("advice_pt"))
            if self._data.levels[level].include_location:
                parts += take(self.location_advice(loc, level, pattern) for loc in locations)
            parts += take(with_role("advice_escalate"))
            parts.append(self.crisis_resources(country, locale))
            used.append(self._entries["crisis-help"])
        parts.append(self._disclaimer())
        used.append(self._entries["disclaimer"])
        return Advice(text="\n\n".join(parts), sources=tuple(dict.fromkeys(e.id for e in used)))

    def advice_entries(self, role: str, level: str, pattern: str | None = None,
                       locations: Sequence[str] = ()) -> list[Entry]:
        """The advice snippets of `role` for `level`: those for the runner's pain `pattern` if there
        are any, otherwise the level's general ones (self_care implies the pattern fades). An
        entry with `locations` is only for those areas and comes first (the back's own safety net)."""
        if pattern is None and level == "self_care":
            pattern = "fades"
        fitting = [e for e in self.entries if e.role == role and level in e.levels
                   and (not e.locations or set(e.locations) & set(locations))]
        specific = [e for e in fitting if pattern is not None and pattern in e.patterns]
        chosen = specific or [e for e in fitting if not e.patterns]
        return sorted(chosen, key=lambda e: not e.locations)

    def location_advice(self, loc: str, level: str, pattern: str | None = None) -> Entry:
        """What the advice says about `loc`: the area's snippet for the pattern (soreness that
        fades gets soreness advice for that area), else the area's location entry."""
        if pattern is None and level == "self_care":
            pattern = "fades"
        for e in self.entries:
            if (e.role == "advice_location" and loc in e.locations and pattern in e.patterns
                    and (not e.levels or level in e.levels)):
                return e
        return self._by_location[loc]

    def details(self, kind: str, level: str | None = None, locations: Sequence[str] = ()) -> tuple[Entry, ...]:
        """Answer entries for an advice message's detail button `kind` (DETAILS: why, now,
        exercises, run_again): those about the runner's `locations` first, then the general ones
        (no locations); an entry with `levels` is offered only at those levels."""
        if kind not in DETAILS:
            raise ValueError(f"unknown detail {kind!r}; expected one of {', '.join(DETAILS)}")
        fitting = [e for e in self._retriever.entries
                   if e.detail == kind and (level is None or not e.levels or level in e.levels)]
        specific = [e for e in fitting if set(e.locations) & set(locations)]
        return tuple(specific + [e for e in fitting if not e.locations])

    def cite(self, refs: Iterable[str]) -> str:
        """'Source: ...' for source references (`clinical:<id>`, `article#<section>`)."""
        citations = list(dict.fromkeys(self._data.sources.short_citation(r) for r in refs))
        return ("Sources: " if len(citations) > 1 else "Source: ") + "; ".join(citations)

    def disclaimer(self) -> str:
        return self._disclaimer()

    def flag_entry(self, entry_id: str) -> Entry | None:
        """The red_flag entry with this id (a clinical rule's `entry:`), or None."""
        return self._flags.get(entry_id)

    def flag_entries(self, flags: Sequence[str]) -> list[Entry]:
        """The red_flag entries with these ids (the clinical rules' `entry:`, "redflag-dvt"), in
        order; ValueError for an unknown one."""
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

    @cached_property
    def _places(self) -> tuple[dict[str, str], frozenset[str], re.Pattern[str] | None]:
        """Place name -> country code (knowledge/crisis_resources.yml `places`), the last word of
        every place (a message without one names none: most messages, checked in a few µs), and
        the pattern that finds a place said after a cue; None without places."""
        codes = {name: code for code, names in self.crisis().places.items() for name in names}
        # each name also without its accents: "Ciudad de México" said, "ciudad de mexico" listed
        # (tester round 45 kept the US numbers for Mexico City)
        codes |= {fold_accents(name): code for name, code in list(codes.items()) if fold_accents(name) not in codes}
        last_words = frozenset(name.split()[-1] for name in codes)
        if not codes:
            return codes, last_words, None
        alternatives = "|".join(re.escape(n) for n in sorted(codes, key=len, reverse=True))
        return codes, last_words, re.compile(
            r"(?:\b(?:i'm|im|i am|i live|i've lived|i have lived|living|live|based|we're|we are|were|we live|here|currently|"
            r"staying|located|i'm based|im based|i'm from|im from|i am from|from)\b(?:\s+\w+){0,2}?\s+"
            r"(?:in|near|outside|from)\s+(?:the\s+)?|\b(?:here|back) in\s+(?:the\s+)?|"
            # "I in Singapore not US" (learner's English; tester round 26 was set to the UK by "A&E")
            r"\bi\s+in\s+(?:the\s+)?|"
            # "cross country at school in auckland" (tester round 23: told 988)
            r"\b(?:school|uni|university|college|club|work|team)\s+(?:in|near)\s+(?:the\s+)?|"
            # "physio in Wellington said do calf raises", "most mornings in Edinburgh" (tester round 26: 911)
            r"\b(?:physio|physiotherapist|pt|doctor|gp|clinic|hospital|coach|mornings|evenings|weekends|days|nights|athletes|runners|"
            r"students|squad|parkrun|saturdays|sundays|mondays|tuesdays|wednesdays|thursdays|fridays)\s+(?:in|near)\s+(?:the\s+)?|"
            # "I do the parkrun most Saturdays in Dublin" (tester round 63: told 911)
            r"\b(?:most|every|each)\s+(?:saturday|sunday|week|weekend|morning|evening|day)s?\s+(?:in|near|at)\s+(?:the\s+)?|"
            # "out on a run along the canal in Dublin" (tester round 30: "A&E" then set the UK)
            r"\b(?:out on a run|on a run|on my run|out running|running|jogging)\b[^.!?,]{0,30}?\bin\s+(?:the\s+)?|"
            # "runner from Leeds here", "hiya from Sydney" (tester round 5)
            # ... "a 58 year old lady from Leeds" (tester round 34: told 988)
            r"\b(?:runner|runners|lad|lass|guy|girl|bloke|woman|man|lady|gent|gentleman|fella|chap|grandad|grandma|granny|nan|"
            r"student|teen|teenager|boy|mum|mom|dad|parent|coach|hello|hi|hiya|greetings)\s+"
            r"(?:from|in)\s+(?:the\s+)?|"
            # "Hi, 45 from Leeds", "45yo from leeds, back pain" (tester round 43: told 911 and 988)
            r"\b\d{1,2}\s*(?:yo|y/o|yrs?(?: old)?|years? old|m|f)?\s+(?:from|in)\s+(?:the\s+)?|"
            # ("estoy en la cdmx": tester round 59 kept the US numbers)
            r"\b(?:estoy|estamos|vivo|vivimos|soy de|somos de|desde)\s+(?:en\s+)?(?:la\s+|el\s+)?|"
            # where something happened, in Spanish, Portuguese or French: "me he torcido el tobillo
            # en Madrid", "torci o tornozelo em Lisboa", "je cours à Lyon" (tester round 52: 911 and
            # 988 in Madrid); a race's own name comes with "de" ("la maratón de Madrid"), not "en"
            # ... not a place denied: "estoy en Ciudad de México, no en USA" (tester round 45)
            r"(?<!\bno )(?<!\bnao )(?<!\bnão )(?<!\bnot )(?<!\bpas )\b(?:en|em|à)\s+(?:la\s+|el\s+|a\s+|o\s+)?|"
            # "I live Madrid", "living Lagos" (learner's English; tester round 48 was told 911 in Madrid)
            r"\b(?:i live|i'm living|im living|i am living|we live|i stay|i am staying|i'm staying|im staying)\s+|"
            # German: "ich bin in Berlin", "wohne in München" (tester round 39 got "your local emergency number")
            r"\b(?:ich bin|bin|wohne|ich wohne|lebe|ich lebe|komme aus|ich komme aus|bin aus)\s+(?:in\s+)?|"
            # "what number do i call in canada?" (tester round 7)
            r"\b(?:call|ring|dial|phone|text|number|numbers|helpline|hotline|lines?)\s+(?:is it\s+|do i use\s+)?(?:in|for)\s+(?:the\s+)?|"
            # "what is the number for emergency in germany" (tester round 37: told 911)
            r"\b(?:number|numbers)\s+(?:for|to call|to ring|to dial)\s+(?:an?\s+)?(?:emergency|emergencies|ambulance|help|police)\s+in\s+(?:the\s+)?|"
            r"\b(?:emergency|ambulance)\s+(?:number|numbers|services?)\s+(?:is it\s+)?in\s+(?:the\s+)?|"
            # "hey from toronto", "from brisbane, aus" at the start; "im australian", "a fellow
            # aussie", "as a canadian" (tester round 7)
            r"^\W*(?:(?:hey|hi|hello|hiya|g'?day|gday|morning|evening|yo|howdy)\W+(?:there\W+|all\W+|guys\W+|mate\W+)?)?from\s+(?:the\s+)?|"
            r"\b(?:i'm|im|i am|as an?|fellow|proud|a)\s+(?:an?\s+|fellow\s+|proud\s+)?(?=(?:aussie|australian|canadian|american|"
            r"british|brit|scottish|scot|welsh|irish|kiwi)\b)|"
            # "running in scotland", "training in sydney" (tester round 8)
            # ... and "doing running since 2 years in Bangalore" (tester round 19: told 911)
            # ... and "she ran 15km at noon in mumbai" (tester round 42: 911 and 988 in a heat stroke)
            r"\b(?:running|run|ran|training|racing|jogging)(?:\s+(?!(?:a|the|my|this)\b)\w+){0,3}?\s+(?:in|around)\s+(?:the\s+)?|"
            # "just got back from Perth to Sydney", "flew home to Dublin" (tester round 19: told 911)
            r"\b(?:got back|came back|back home|flew|flown|flying|arrived|landed|moved)\b(?:\s+\w+){0,3}?\s+(?:to|in)\s+(?:the\s+)?|"
            # "my mate just finished a half in brisbane" (tester round 9: told 911)
            # ... "just finished a 50k in phoenix" (review of tester round 43)
            r"\b(?:race|half|marathon|half marathon|10k|5k|\d{2,3} ?k|\d{2,3} ?km|\d{2,3} ?milers?|parkrun|ultra|trail race|event|fun run)\s+(?:in|at|around)\s+(?:the\s+)?|"
            # "did my first marathon yesterday in auckland", "at parkrun this morning in cork" (tester
            # round 25: told 911 and 988)
            r"\b(?:yesterday|today|tonight|this (?:morning|afternoon|arvo|evening)|last night|earlier(?: today)?)\s+(?:in|at|around)\s+(?:the\s+)?)"
            rf"(?P<place>{alternatives})(?![\w-])|\b(?P<based>{alternatives})[- ]based\b"
            # a place said first, as an aside: "dublin if that matters", "leeds btw" (tester round 34: 911)
            rf"|^\W*(?:(?:i'm|im|i am|in|from)\s+)?(?P<aside>{alternatives})\W*(?:if (?:that|it) (?:matters|helps)|btw|by the way|fwiw|"
            r"in case (?:that|it) matters)\b"
            # ... or said anywhere with "btw": "rolled my ankle on a kerb yesterday. toronto btw" (tester
            # round 43: US lines for a Canadian)
            rf"|\b(?P<btw>{alternatives})\W{{0,2}}\s*(?:btw|by the way|fwiw)\b"
            # a place in brackets, as an aside: "knee swelling after a twist on the trail (dublin)"
            # (tester round 39: 988 and 911)
            rf"|\((?:\s*(?:i'm |im |i am |in |from |based in |live in ))?(?P<bracket>{alternatives})\s*\)"
            # "melbourne runner here", "glasgow runner", "aussie runner" (tester round 7)
            rf"|\b(?P<runner>{alternatives})\s+(?:runner|runners|lad|lass|girl|guy|bloke|mum|mom|dad|parkrunner|trail runner|here(?!\s+(?:we|i)\s+come))\b"
            # "chest pain at the gold coast marathon" (tester round 9): at the race now, not "ran
            # the London marathon" some time
            rf"|\b(?:at|during|doing|running|racing|mid|(?:finish|end|start|finish line) of)\s+(?:the\s+|my\s+|this\s+)?(?P<event>{alternatives})\s+(?:marathon|half marathon|half|parkrun|10k|5k|ultra|race|fun run)\b"
            # ... or run there today: "we did the Brisbane half this morning" (forecast vignettes 13: told 911)
            rf"|\b(?:did|ran|raced|finished|completed|done)\s+(?:the\s+|my\s+)?(?P<today>{alternatives})\s+(?:marathon|half marathon|half|parkrun|10k|5k|ultra|race|fun run)"
            # ... or lately: "did the glasgow marathon yesterday, legs are in bits" (tester round 44: 911)
            r"\s+(?:this (?:morning|afternoon|arvo|evening)|today|earlier today|just now|yesterday|last (?:night|weekend|sunday|saturday)|"
            r"on (?:sunday|saturday))\b"
            # a clause that only says where: "lower back's been crook since sunday. in perth. today
            # i've got pins and needles" (tester round 12: told 911)
            rf"|(?:^|[.,;:!?(]\s*|\s-\s*)(?:(?:i'm|im|i am|we're|were)\s+)?(?:in|from)\s+(?:the\s+)?(?P<clause>{alternatives})(?=\s*(?:[.,;:!?)]|$))"
            # ... or the place alone as a clause: "sorry, leeds. uk" (tester round 35: 911 again)
            rf"|(?:^|[.,;:!?]\s*)(?P<bare>{alternatives})(?=\s*(?:[.,;:!?)]|$))",
            re.IGNORECASE,
        )

    @cached_property
    def _home_rx(self) -> re.Pattern[str]:
        """A place said as home: "flew home to Auckland", "back home in Leeds" (see place_said)."""
        alternatives = "|".join(re.escape(n) for n in sorted(self._places[0], key=len, reverse=True)) or "(?!)"
        return re.compile(rf"\b(?:flew|flown|flying|got|came|coming|went|drove|driving|travelled|traveled|headed|heading|back)\s+"
                          rf"(?:back\s+)?home\s+(?:to|in)\s+(?:the\s+)?(?P<home>{alternatives})(?![\w-])", re.IGNORECASE)

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Every word of every place name (knowledge/crisis_resources.yml `places`), lower case."""
        return frozenset(w for name in self._places[0] for w in _PLACE_WORD.findall(name))

    def place_said(self, text: str) -> str | None:
        """The country code (or "other") of a place the runner says they are in: "I'm in
        Manchester" -> GB, "based in Dublin" -> IE, "vivo en Madrid" -> other; None when the
        message says no such thing. A place named otherwise ("the London marathon") is not read."""
        found = self._place_in(text)
        if found is None and (folded := fold_accents(text)) != text:
            found = self._place_in(folded)  # "Córdoba" said, "cordoba" listed
        return found

    def place_here(self, text: str) -> str | None:
        """The country of a place the runner says they are in now, said of themselves ("im in
        singapore btw", "I'm in São Paulo, Brasil!", "estoy en Madrid"), or None: stronger than
        `place_said`, it may change a country set before (tester round 53 got Mexico's 911 in
        Singapore and the UK's lines in Brazil)."""
        found = self._place_in(text, here_only=True)
        if found is None and (folded := fold_accents(text)) != text:
            found = self._place_in(folded, here_only=True)
        return found

    def _place_in(self, text: str, here_only: bool = False) -> str | None:
        codes, last_words, rx = self._places
        if rx is None or last_words.isdisjoint(_PLACE_WORD.findall(text.lower())):
            return None
        # home, said of where they came back to: "flew home to Auckland from a half marathon in
        # Sydney" is New Zealand (tester round 44 got Australia's lines); it wins over the rest
        home = self._home_rx.search(text)
        if home:
            return codes[home.group("home").lower()]
        matches = list(rx.finditer(text))
        # where they are, said plainly ("i am in hamburg ... after long flight back from marathon in
        # boston": tester round 50 was given 911), wins over an event's place; else the last one said
        groups = ("place", "based", "runner", "event", "today", "clause", "aside", "btw", "bracket", "bare")
        spans = [next(m.span(g) for g in groups if m.group(g)) for m in matches]
        found = [text[a:b] for a, b in spans]
        here = [word for (a, _), word in zip(spans, found) if _HERE.search(text[max(0, a - 30):a])]
        if here_only:
            now = [word for (a, _), word in zip(spans, found) if _HERE_NOW.search(text[max(0, a - 30):a])]
            return codes[now[-1].lower()] if now else None
        return codes[(here or found)[-1].lower()] if found else None

    @cached_property
    def _hints(self) -> tuple[dict[str, str], re.Pattern[str] | None]:
        codes = {word: code for code, words in self.crisis().hints.items() for word in words}
        if not codes:
            return codes, None
        alternatives = "|".join(re.escape(w) for w in sorted(codes, key=len, reverse=True))
        return codes, re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])", re.IGNORECASE)

    def zones_of(self, country: str | None) -> tuple[str, ...]:
        """The full time-zone names listed for a country (crisis_resources.yml `zones`; "Area/"
        prefixes left out), in their order; () for none."""
        return tuple(n for n in self.crisis().zones.get(country or "", ()) if not n.endswith("/"))

    def country_for_zone(self, zone: str | None) -> str | None:
        """The country a check-in time zone points to ("Europe/London" -> GB,
        knowledge/crisis_resources.yml `zones`), or None."""
        if not zone:
            return None
        for code, names in self.crisis().zones.items():
            if any(zone == n or (n.endswith("/") and zone.startswith(n)) for n in names):
                return code
        return None

    def place_hinted(self, text: str) -> str | None:
        """The country a word only people there use points to ("should I go to A&E?" -> GB,
        knowledge/crisis_resources.yml `hints`), or None. Weaker than `place_said`: ask that first."""
        codes, rx = self._hints
        m = rx.search(text) if rx is not None else None
        return codes[m.group(0).lower()] if m else None

    def countries(self, locale: str = "en") -> tuple[CrisisCountry, ...]:
        """Every country a runner can choose in /settings, the fallback ("Somewhere else") last."""
        crisis = self.crisis(locale)
        return (*crisis.countries.values(), crisis.fallback)

    def crisis_resources(self, country: str | None = "US", locale: str = "en") -> str:
        """The crisis block for `country`: heading and lines.

        A runner whose country is not known (None) gets the default country's lines, labelled, and
        the file's `elsewhere` line. A runner who chose "Somewhere else" (`other`) gets the fallback
        lines only. Any other unknown code gets the fallback followed by the default country's lines, labelled, since
        the article's lines are US ones.
        """
        crisis = self.crisis(locale)
        block = self.country(country, locale)
        if country is None:
            # no country chosen or said: the default's lines, said to be that country's, then the way
            # to the runner's own
            return "\n".join([crisis.heading, fill(crisis.default_heading, {"country_name": block.name}),
                              *(f"- {line}" for line in block.lines), crisis.elsewhere])
        lines = [crisis.heading, *(f"- {line}" for line in block.lines)]
        if block.code == OTHER_COUNTRY and (country or "").strip().lower() != OTHER_COUNTRY:
            default = crisis.countries[crisis.default]
            lines.append(fill(crisis.default_heading, {"country_name": default.name}))
            lines += [f"- {line}" for line in default.lines]
        return "\n".join(lines)

    def crisis_compact(self, country: str | None = "US", locale: str = "en") -> str:
        """The crisis resources as one line, for advice replies (issue 16): the file's `compact`
        over the country's crisis_line and emergency number. The full block (crisis_resources)
        is for crisis and distress. An unknown code gets the fallback's line (findahelpline.com,
        the local emergency number) without the block's added US lines: one line stays one line."""
        block = self.country(country, locale)
        # None: no country chosen or said; the default's numbers, said to be that country's
        line = self.crisis(locale).compact_default if country is None else self.crisis(locale).compact
        return fill(line, {"crisis_line": block.crisis_line, "emergency_number": block.emergency_number,
                           "country_name": block.name})

    def country_values(self, country: str | None, locale: str = "en") -> dict[str, str]:
        """The placeholders any text may use about the runner's country (COUNTRY_PLACEHOLDERS)."""
        block = self.country(country, locale)
        # no country chosen or said: the default's number, said to be that country's, and the local one
        emergency = (fill(self.crisis(locale).emergency_default, {"emergency_number": block.emergency_number,
                                                                   "country_name": block.name})
                     if country is None else block.emergency_number)
        return {"crisis_lines": self.crisis_resources(country, locale), "crisis_line": block.crisis_line,
                "crisis_line_compact": self.crisis_compact(country, locale),
                "emergency_number": emergency, "poison_control": block.poison_control,
                "urgent_advice": block.urgent_advice or self.crisis(locale).fallback.urgent_advice,
                # no country known: the default's (the article's country), then what holds elsewhere
                "pt_access": (f"{block.pt_access} {self.crisis(locale).fallback.pt_access}" if country is None and block.pt_access
                              else block.pt_access or self.crisis(locale).fallback.pt_access),
                "country_name": block.name,
                "country_label": block.label}

    def text(self, entry: Entry, country: str | None = "US", locale: str = "en") -> str:
        """An entry's text with its country placeholders filled."""
        return self._text(entry, country, locale)

    def actions(self, entry: Entry, country: str | None = "US", locale: str = "en", *, other: bool = False,
                calling_now: bool = False) -> tuple[str, ...]:
        """An entry's actions with their country placeholders filled; `other`: said to someone
        reporting for another person (`actions_other`, when the entry has them); `calling_now`: the
        advice already is to call the emergency number now, so its lines on when to call ("Call
        {emergency_number} if you pass little or no urine") are left out (a second "Call 911" under
        "Call emergency services now" read as a slower option: tester round 59)."""
        lines = entry.actions_other if other and entry.actions_other else entry.actions
        if calling_now:
            lines = tuple(a for a in lines if not _WHEN_TO_CALL.match(a))
        # (the entries are English: their numbers in English words, whatever the runner's language;
        # "Call 911 en Estados Unidos o tu número local for chest pain" read as one sentence: tester round 57)
        return tuple(fill(a, self.country_values(country, "en")) if "{" in a else a for a in lines)

    def level_heading(self, level: str, soon: bool = False, country_known: bool = True) -> str:
        """The level's first line of advice (levels.yml), placeholders unfilled; `soon`: its
        `heading_soon` (see `soon`); not `country_known`: its `heading_no_country`, if any."""
        data = self._data.levels[level]
        if soon:
            return data.heading_soon or data.heading
        return data.heading if country_known else (data.heading_no_country or data.heading)

    def soon(self, level: str, flags: Sequence[str]) -> bool:
        """Does advice at `level` for these red flags need a doctor soon rather than today (every
        flag's entry says `soon`, and the level has a `heading_soon`)?"""
        entries = [self._entries.get(f) for f in flags]
        return (bool(entries) and self._data.levels[level].heading_soon is not None
                and all(e is not None and e.soon for e in entries))

    def level_details(self, level: str) -> tuple[str, ...]:
        """The detail buttons advice at `level` offers (levels.yml `details`), in order."""
        return self._data.levels[level].details

    def includes_location(self, level: str) -> bool:
        """Does advice at `level` talk about the runner's area (levels.yml include_location)?"""
        return self._data.levels[level].include_location

    def _text(self, entry: Entry, country: str | None, locale: str = "en") -> str:
        """An entry's text with its country placeholders ({emergency_number}, ...) filled."""
        if "{" not in entry.text:
            return entry.text
        return fill(entry.text, self.country_values(country, "en"))  # English text, English placeholders

    def _disclaimer(self) -> str:
        return self._entries["disclaimer"].text


def reason_phrases(reasons: Sequence[str]) -> list[str]:
    """The triage's reason phrases tidied for "This is because ...": no leading "because", no
    trailing full stop, a lower-case start."""
    cleaned = []
    for reason in reasons:
        text = reason.strip().rstrip(".!").strip()
        if text.lower().startswith("because "):
            text = text[len("because "):]
        if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
            text = text[0].lower() + text[1:]
        if text:
            cleaned.append(text)
    return cleaned


def reason_sentence(reasons: Sequence[str]) -> str:
    """'This is because a, b and c.' from the triage's reason phrases; '' when there are none."""
    cleaned = reason_phrases(reasons)
    if not cleaned:
        return ""
    joined = cleaned[0] if len(cleaned) == 1 else ", ".join(cleaned[:-1]) + " and " + cleaned[-1]
    return f"This is because {joined}."
