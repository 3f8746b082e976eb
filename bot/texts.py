"""Everything the bot says, from YAML: the text catalog, locales, placeholders, and `Voice`.

- `dialogues/domain.yml` `responses:` hold the Rasa responses (utter_*), in English;
- `dialogues/texts/en.yml` holds every other text, keyed ("checkin.offer", "level.see_pt");
- `dialogues/texts/<locale>.yml` (es.yml, pt-BR.yml, ...) overrides any of those keys, and any
  response under `responses:`; what a locale leaves out is said in English.

Texts use `{placeholders}`. Any text may use the context ones (CONTEXT_PLACEHOLDERS: the
runner's country's crisis and emergency numbers from knowledge/crisis_resources.yml, the record
limits, the runner's distance unit); a key declared with `text_key("a.b", "x")` may also use the
values its code passes (`x`). No text may contain a phone number (`phone_like`): numbers come
from knowledge/crisis_resources.yml. bot.validation checks all of this at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bot.errors import DefinitionError
from bot.paths import dialogues_directory
from bot.record import CHECKIN_LIMIT, HISTORY_LIMIT

if TYPE_CHECKING:
    from bot.knowledge import KnowledgeBase
    from bot.knowledge.loader import CrisisCountry

DEFAULT_LOCALE = "en"
TEXTS_DIR = "texts"
#: Filled from knowledge/crisis_resources.yml for the runner's country (KnowledgeBase.country_values).
COUNTRY_PLACEHOLDERS = ("crisis_lines", "crisis_line", "crisis_line_compact", "emergency_number", "poison_control",
                        "urgent_advice", "pt_access", "country_name", "country_label")
#: Filled from the record and its limits (Voice.for_user).
RECORD_PLACEHOLDERS = ("history_limit", "checkin_limit", "distance_unit")
#: What every text may use.
CONTEXT_PLACEHOLDERS = COUNTRY_PLACEHOLDERS + RECORD_PLACEHOLDERS

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_KEY_PART = re.compile(r"^[A-Za-z0-9_-]+$")
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")  # "5,205 runners": a count
_DIGIT_RUN = re.compile(r"\d(?:[\d -]*\d)?")  # digits, with spaces or hyphens between them
_YEAR = re.compile(r"^(19|20)\d\d$")


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def fill(template: str, values: Mapping[str, Any]) -> str:
    """`template` with each {name} replaced by values[name]; other braces are left alone. A line
    that is only a placeholder whose value is empty is left out (e.g. {poison_control} in a
    country without a poison line)."""
    if "\n" in template:
        template = "\n".join(line for line in template.split("\n")
                             if not ((m := _PLACEHOLDER.fullmatch(line.strip())) and values.get(m.group(1)) == ""))

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"no value for {{{name}}} in {template[:60]!r}")
        return str(values[name])

    return _PLACEHOLDER.sub(one, template)


def phone_like(text: str) -> list[str]:
    """Digit strings that could be a phone number: a group of three or more digits, or three or
    more groups joined by spaces or hyphens ("116 123", "1-800-273-8255", "988"). Not: a year
    (1900-2099), a count with thousands commas ("5,205"), a range ("0-10", "2 3")."""
    found = []
    for match in _DIGIT_RUN.finditer(_THOUSANDS.sub(" ", text)):
        run = match.group(0).strip()
        groups = re.split(r"[ -]+", run)
        if (any(len(g) >= 3 for g in groups) or len(groups) >= 3) and not _YEAR.match(run):
            found.append(run)
    return found


# -- which keys the code uses ------------------------------------------------------------------

#: key -> the values its code passes (besides the context). Filled by text_key() at import.
DECLARED: dict[str, frozenset[str]] = {}
#: A family's members, given the start-up checks' sources (bot.validation.Sources).
Members = Callable[[Any], Iterable[str]]
#: prefix -> (its members, the values its code passes). Filled by text_family() at import.
FAMILIES: dict[str, tuple[Members, frozenset[str]]] = {}


def text_key(key: str, *params: str) -> str:
    """Declare a text key the code uses and the values it passes; returns the key.

    Module-level: `OFFER = text_key("checkin.offer")`, `NOTED = text_key("checkin.noted", "entry")`.
    Start-up checks that the key exists in texts/en.yml and that its placeholders can be filled.
    """
    DECLARED[key] = frozenset(params)
    return key


def text_family(prefix: str, members: Members | Iterable[str], *params: str) -> str:
    """Declare keys `prefix.<member>` for every member (e.g. `location.<location>`); returns prefix."""
    listed = None if callable(members) else tuple(members)
    FAMILIES[prefix] = ((lambda _sources: listed) if listed is not None else members,  # type: ignore[assignment]
                        frozenset(params))
    return prefix


#: Display names every module may use (the summary, advice reasons, check-in replies).
LOCATION = text_family("location", lambda s: s.vocabulary.locations)


# -- the catalog --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Texts:
    """The text catalog of one `dialogues/` directory: English and the locales over it."""

    catalogs: Mapping[str, Mapping[str, str]]  # locale -> key -> template ("en" is complete)
    responses: Mapping[str, Mapping[str, list[dict[str, Any]]]]  # locale -> name -> variants
    paths: Mapping[str, str] = field(default_factory=dict)  # locale -> file, for messages

    @classmethod
    def load(cls, directory: Path, responses: Mapping[str, Any] | None = None) -> Texts:
        """Read `directory`/texts/*.yml; `responses` are the domain's (read from domain.yml if not
        given). Raises DefinitionError naming the file and key."""
        if responses is None:
            from bot.dialogue import read_yaml

            responses = read_yaml(directory / "domain.yml").get("responses") or {}
        folder = directory / TEXTS_DIR
        english_path = folder / f"{DEFAULT_LOCALE}.yml"
        if not english_path.is_file():
            raise DefinitionError(str(english_path), "(file)", "not found: the English text catalog")
        catalogs: dict[str, dict[str, str]] = {}
        locale_responses: dict[str, dict[str, list[dict[str, Any]]]] = {DEFAULT_LOCALE: dict(responses)}
        paths: dict[str, str] = {}
        for path in sorted(folder.glob("*.yml")):
            locale = path.stem
            if not _LOCALE.match(locale):
                raise DefinitionError(str(path), "(file)", "name a catalog by its locale: es.yml, pt-BR.yml")
            data = _read(path)
            paths[locale] = str(path)
            own = data.pop("responses", None)
            if own is not None and locale == DEFAULT_LOCALE:
                raise DefinitionError(str(path), "responses", "English responses live in domain.yml")
            catalogs[locale] = _flatten(data, str(path))
            if own is not None:
                locale_responses[locale] = _locale_responses(own, responses, str(path))
        english = catalogs[DEFAULT_LOCALE]
        for locale, catalog in catalogs.items():
            for key, template in catalog.items():
                if key not in english:
                    raise DefinitionError(paths[locale], key, f"not a key of {english_path}")
                extra = placeholders(template) - placeholders(english[key])
                if extra:
                    raise DefinitionError(paths[locale], key, f"placeholder {{{sorted(extra)[0]}}} is not in the English text")
        return cls(catalogs, locale_responses, paths)

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self.catalogs)

    def locale(self, wanted: str | None) -> str:
        """The catalog to use for `wanted` ("es", "pt-BR"): itself, its language, or English."""
        for candidate in (wanted, (wanted or "").split("-")[0]):
            if candidate and candidate in self.catalogs:
                return candidate
        return DEFAULT_LOCALE

    def template(self, key: str, locale: str = DEFAULT_LOCALE) -> str:
        for candidate in (locale, locale.split("-")[0], DEFAULT_LOCALE):
            template = self.catalogs.get(candidate, {}).get(key)
            if template is not None:
                return template
        raise KeyError(f"no text {key!r} in {self.paths.get(DEFAULT_LOCALE, 'texts/en.yml')}")

    def render(self, key: str, locale: str = DEFAULT_LOCALE, values: Mapping[str, Any] | None = None) -> str:
        return fill(self.template(key, locale), values or {})

    def response(self, name: str, locale: str = DEFAULT_LOCALE) -> list[dict[str, Any]]:
        """A response's variants in `locale` (English where the locale does not translate it)."""
        for candidate in (locale, locale.split("-")[0]):
            variants = self.responses.get(candidate, {}).get(name)
            if variants:
                return variants
        return self.responses[DEFAULT_LOCALE][name]


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise DefinitionError(str(path), "(file)", f"not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DefinitionError(str(path), "(file)", "must be a mapping at the top level")
    return data


def _flatten(data: Mapping[str, Any], path: str, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for part, value in data.items():
        key = f"{prefix}{part}"
        if not isinstance(part, (str, int)) or not _KEY_PART.match(str(part)):
            raise DefinitionError(path, key, "key parts are letters, digits, _ and -")
        if isinstance(value, dict):
            out.update(_flatten(value, path, key + "."))
        elif isinstance(value, str) and value.strip():
            out[key] = value
        else:
            raise DefinitionError(path, key, "must be a non-empty text (or a mapping of texts)")
    return out


def _locale_responses(raw: Any, english: Mapping[str, Any], path: str) -> dict[str, list[dict[str, Any]]]:
    """A locale's translated responses: same buttons (payloads) as English, text translated."""
    if not isinstance(raw, dict):
        raise DefinitionError(path, "responses", "must be a mapping of response name -> variants")
    out: dict[str, list[dict[str, Any]]] = {}
    for name, variants in raw.items():
        where = f"responses.{name}"
        if name not in english:
            raise DefinitionError(path, where, "not a response of domain.yml")
        if not isinstance(variants, list) or not variants or not all(isinstance(v, dict) and v.get("text") for v in variants):
            raise DefinitionError(path, where, "must be a list of variants, each with text")
        wanted = [b["payload"] for b in english[name][0].get("buttons") or []]
        for i, variant in enumerate(variants):
            for j, button in enumerate(variant.get("buttons") or []):
                if not isinstance(button.get("title"), str) or not button["title"].strip():
                    raise DefinitionError(path, f"{where}[{i}].buttons[{j}].title",
                                          "must be text (quote titles YAML reads as true/false: \"No\", \"Sí\")")
            payloads = [b.get("payload") for b in variant.get("buttons") or []]
            if payloads != wanted:
                raise DefinitionError(path, f"{where}[{i}].buttons",
                                      f"must have the English buttons' payloads, in order: {wanted}")
            extra = placeholders(str(variant["text"])) - placeholders(str(english[name][0].get("text") or ""))
            if extra:
                raise DefinitionError(path, f"{where}[{i}].text", f"placeholder {{{sorted(extra)[0]}}} is not in the English text")
            meta = english[name][0].get("metadata")
            if meta and "metadata" not in variant:
                variant = {**variant, "metadata": meta}  # what the response asks is not translated
            out.setdefault(name, []).append(variant)
    return out


@lru_cache(maxsize=1)
def default_texts() -> Texts:
    """The packaged catalog (for pure modules that render English when no Voice is given)."""
    return Texts.load(dialogues_directory())


# -- what one runner hears --------------------------------------------------------------------

@dataclass(frozen=True)
class Voice:
    """The catalog in one runner's locale, with the placeholders that runner's context fills:
    their country's crisis resources (from the knowledge base), their unit, the record limits."""

    texts: Texts
    kb: KnowledgeBase | None = None  # None: no country placeholders (pure modules' English)
    locale: str = DEFAULT_LOCALE
    country: str | None = None  # a code of knowledge/crisis_resources.yml, "other", None = default
    unit: str = "km"
    #: Speaking to someone who reports for another person (a parent, partner, coach): advice
    #: lines say "them" where an entry has `actions_other`.
    other: bool = False

    @classmethod
    def for_record(cls, texts: Texts, kb: KnowledgeBase, record: Mapping[str, Any]) -> Voice:
        """How to speak to the runner whose stored record this is (profile and check-in unit)."""
        profile = record.get("profile") or {}
        schedule = (record.get("checkins") or {}).get("schedule") or {}
        # No country chosen or said: the check-in's time zone, when it points to one (Europe/London)
        country = profile.get("country") or (kb.country_for_zone(schedule.get("tz")) if kb is not None else None)
        return cls(texts, kb, texts.locale(profile.get("language")), country, str(schedule.get("unit") or "km"))

    def with_country(self, country: str) -> Voice:
        return replace(self, country=country)

    def in_language(self, language: str | None) -> Voice:
        """This voice in the catalog for `language` (the message's), English when there is none:
        "I only understand English" is said in the language it is said to, or in English."""
        return replace(self, locale=self.texts.locale(language or DEFAULT_LOCALE))

    @cached_property
    def context(self) -> dict[str, Any]:
        values: dict[str, Any] = {"history_limit": HISTORY_LIMIT, "checkin_limit": CHECKIN_LIMIT,
                                  "distance_unit": self.texts.render(f"unit.{self.unit}", self.locale)}
        if self.kb is not None:
            values.update(self.kb.country_values(self.country, self.locale))
        return values

    def say(self, key: str, **values: Any) -> str:
        """The text `key`, its placeholders filled from `values`, then from the context."""
        return fill(self.texts.template(key, self.locale), {**self.context, **values})

    def fill(self, template: str, **values: Any) -> str:
        return fill(template, {**self.context, **values})

    def has(self, key: str) -> bool:
        try:
            self.texts.template(key, self.locale)
        except KeyError:
            return False
        return True

    def name(self, family: str, value: Any) -> str:
        """A value's display name (`name(LOCATION, "it_band")` -> "IT band"); the value itself,
        underscores as spaces, when the catalog has none (e.g. an old record's value)."""
        key = f"{family}.{value}"
        return self.say(key) if self.has(key) else str(value).replace("_", " ")

    def names(self, family: str, values: Iterable[Any], sep: str = ", ") -> str:
        return sep.join(self.name(family, v) for v in values)

    def countries(self) -> tuple[CrisisCountry, ...]:
        """The countries a runner can choose in /settings, the fallback last."""
        if self.kb is None:
            raise ValueError("a Voice without a knowledge base knows no countries")
        return self.kb.countries(self.locale)


def english() -> Voice:
    """The packaged English catalog without a runner's context (pure modules' default)."""
    return Voice(default_texts())
