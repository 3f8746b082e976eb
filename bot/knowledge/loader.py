"""Reading and validating `knowledge/`: the only module here that touches the disk.

Every problem with the content raises `DefinitionError(file, key, problem)` so the person editing
the YAML knows exactly where to look.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.errors import DefinitionError
from bot.knowledge.model import MAX_ACTION_CHARS, ROLES, Entry
from bot.vocabulary import DETAILS, LEVELS, LOCATIONS, PATTERNS

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_ENTRY_FIELDS = {
    "id", "title", "text", "source", "keywords", "questions", "related", "locations", "levels",
    "role", "include_crisis_resources", "patterns", "detail", "actions", "actions_other", "only_about", "soon",
    "own_actions",
}


@dataclass(frozen=True)
class Sources:
    article_title: str
    sections: dict[str, str]
    clinical: dict[str, str]

    def resolves(self, ref: str) -> bool:
        if ref.startswith("article#"):
            return ref[len("article#"):] in self.sections
        if ref.startswith("clinical:"):
            return ref[len("clinical:"):] in self.clinical
        return False

    def citation(self, ref: str) -> str:
        if ref.startswith("article#"):
            return f'"{self.article_title}", section "{self.sections[ref[len("article#"):]]}"'
        return self.clinical[ref[len("clinical:"):]]

    def short_citation(self, ref: str) -> str:
        """The citation as a chat message gives it: who and when ("Bachmann et al., BMJ 2003"),
        or the article's title; what each found is in knowledge/sources.yml and the PDF summary."""
        if ref.startswith("article#"):
            return f'"{self.article_title}"'
        short = self.clinical[ref[len("clinical:"):]].split(": ", 1)[0]
        # "NHS guidance on stroke symptoms (FAST: face, ..." would end inside its bracket
        return short.split(" (", 1)[0] if short.count("(") > short.count(")") else short


@dataclass(frozen=True)
class Level:
    heading: str
    include_location: bool
    details: tuple[str, ...] = ()  # the detail buttons its advice offers (DETAILS), in order
    #: The heading when the only red flag behind the advice needs a doctor soon (Entry.soon).
    heading_soon: str | None = None
    #: The heading when the runner's country is not known: the number is said in the actions, with
    #: the local one beside it, and once is enough in a first message of 600 characters.
    heading_no_country: str | None = None


#: The country code a runner who chose "Somewhere else" has: the fallback block only.
OTHER_COUNTRY = "other"


@dataclass(frozen=True)
class CrisisCountry:
    code: str  # ISO 3166-1 alpha-2, or OTHER_COUNTRY for the fallback
    label: str  # the /settings button ("United Kingdom")
    name: str  # in a sentence ("the UK")
    emergency_number: str  # "999 or 112"; the fallback: "your local emergency number"
    crisis_line: str  # a verb phrase: "call Samaritans on 116 123"
    lines: tuple[str, ...]
    poison_control: str = ""  # a sentence on where to get poisoning advice; "" where none is listed
    #: where to get urgent (not emergency) medical advice, a noun phrase: "NHS 111 (call 111, any
    #: time)"; "" where none is listed (the fallback's is said then)
    urgent_advice: str = ""
    #: seeing a physical therapist there: a referral, what public cover or insurance pays; "" where
    #: none is listed (the fallback's is said then)
    pt_access: str = ""


@dataclass(frozen=True)
class CrisisResources:
    """knowledge/crisis_resources.yml in one language (English, or a locale over English)."""

    default: str
    heading: str
    default_heading: str  # "In {country_name}:", before the default country's lines
    #: after the default country's lines for a runner whose country is not known: the way to theirs
    elsewhere: str
    compact: str  # one line over a country's crisis_line and emergency_number (advice replies)
    #: the same for a runner whose country is not known: the default country's, said to be theirs
    compact_default: str
    #: {emergency_number} for a runner whose country is not known ("911 in the US or your local number")
    emergency_default: str
    aliases: dict[str, str]
    countries: dict[str, CrisisCountry]  # in the file's order (the /settings buttons)
    #: country code (or OTHER_COUNTRY) -> places a runner may say they are in (lower case)
    places: dict[str, tuple[str, ...]]
    #: country code -> words only people there use, said anywhere ("a&e"): probably there
    hints: dict[str, tuple[str, ...]]
    fallback: CrisisCountry
    #: country code -> time zones (or "Area/" prefixes) of the weekly check-in that point to it,
    #: when no country was chosen or said ("Europe/London" -> GB)
    zones: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    locations: dict[str, tuple[str, ...]]  # canonical location -> phrases
    groups: dict[str, tuple[str, ...]]  # group name -> phrases
    context_words: tuple[str, ...]  # words that refer back to the conversation ("it")


@dataclass(frozen=True)
class OutOfScopeTopic:
    triggers: tuple[str, ...]
    reply: str
    except_with: tuple[str, ...] = ()  # with one of these, a trigger does not refuse the question...
    still_refuse_with: tuple[str, ...] = ()  # ...unless it also has one of these
    not_in: tuple[str, ...] = ()  # phrases that hold a trigger without being about it ("cross trainer")


@dataclass(frozen=True)
class OutOfScope:
    topics: dict[str, OutOfScopeTopic]
    generic_words: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeData:
    entries: tuple[Entry, ...]
    sources: Sources
    levels: dict[str, Level]
    crisis: dict[str, CrisisResources]  # by locale; "en" is complete
    vocabulary: Vocabulary
    out_of_scope: OutOfScope


def load_data(directory: Path, levels: tuple[str, ...] = LEVELS,
              locations: tuple[str, ...] = LOCATIONS) -> KnowledgeData:
    """Read and validate every file of the knowledge base in `directory`.

    `levels` and `locations` are the shared vocabulary (bot.vocabulary) entries may name.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DefinitionError(str(directory), "(directory)", "the knowledge directory does not exist")
    sources = _load_sources(directory)
    entries = _load_entries(directory, sources, levels, locations)
    return KnowledgeData(
        entries=entries,
        sources=sources,
        levels=_load_levels(directory, levels),
        crisis=_load_crisis(directory),
        vocabulary=_load_vocabulary(directory, locations),
        out_of_scope=_load_out_of_scope(directory),
    )


# -- helpers ---------------------------------------------------------------------------------


def _display(directory: Path, path: Path) -> str:
    """The path as a person would look for it: relative to the knowledge directory's parent."""
    try:
        return str(path.relative_to(directory.parent))
    except ValueError:
        return str(path)


def _read(directory: Path, name: str) -> tuple[str, Any]:
    path = directory / name
    shown = _display(directory, path)
    if not path.is_file():
        raise DefinitionError(shown, "(file)", "file is missing")
    try:
        return shown, yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DefinitionError(shown, "(file)", f"not valid YAML: {exc}") from exc


def _mapping(value: Any, path: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DefinitionError(path, key, "expected a mapping")
    return value


def _text(value: Any, path: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DefinitionError(path, key, "must be non-empty text")
    return " ".join(value.split())


def _strings(value: Any, path: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise DefinitionError(path, key, "must be a list of strings")
    out = tuple(str(v).strip() for v in value)
    if any(not v for v in out):
        raise DefinitionError(path, key, "contains an empty string")
    return out


# -- files -----------------------------------------------------------------------------------


def _load_sources(directory: Path) -> Sources:
    path, data = _read(directory, "sources.yml")
    data = _mapping(data, path, "(top level)")
    article = _mapping(data.get("article"), path, "article")
    sections = _mapping(article.get("sections"), path, "article.sections")
    clinical = _mapping(data.get("clinical"), path, "clinical")
    return Sources(
        article_title=_text(article.get("title"), path, "article.title"),
        sections={str(k): _text(v, path, f"article.sections.{k}") for k, v in sections.items()},
        clinical={str(k): _text(v, path, f"clinical.{k}") for k, v in clinical.items()},
    )


def _load_entries(directory: Path, sources: Sources, levels: tuple[str, ...],
                  locations: tuple[str, ...]) -> tuple[Entry, ...]:
    files = sorted((directory / "entries").glob("*.yml"))
    if not files:
        raise DefinitionError(_display(directory, directory / "entries"), "(directory)", "no entry files (*.yml)")
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for file in files:
        path, data = _read(directory, f"entries/{file.name}")
        if data is None:
            continue
        if not isinstance(data, list):
            raise DefinitionError(path, "(top level)", "expected a list of entries")
        for index, raw in enumerate(data):
            entry = _entry(raw, path, index, sources, levels, locations)
            if entry.id in seen:
                raise DefinitionError(path, entry.id, f"duplicate id (also defined in {seen[entry.id]})")
            seen[entry.id] = path
            entries.append(entry)
    ids = set(seen)
    for entry in entries:
        for ref in entry.related:
            if ref not in ids:
                raise DefinitionError(entry.file, f"{entry.id}.related", f"'{ref}' is not an entry id")
    return tuple(entries)


def _entry(raw: Any, path: str, index: int, sources: Sources, known_levels: tuple[str, ...],
           known_locations: tuple[str, ...]) -> Entry:
    raw = _mapping(raw, path, f"[{index}]")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise DefinitionError(path, f"[{index}].id", f"missing or not kebab-case: {entry_id!r}")
    unknown = sorted(set(raw) - _ENTRY_FIELDS)
    if unknown:
        raise DefinitionError(path, f"{entry_id}.{unknown[0]}", f"unknown field (known: {', '.join(sorted(_ENTRY_FIELDS))})")
    source = _strings(raw.get("source"), path, f"{entry_id}.source")
    if not source:
        raise DefinitionError(path, f"{entry_id}.source", "every entry needs a source (article#<section> or clinical:<id>)")
    for ref in source:
        if not sources.resolves(ref):
            raise DefinitionError(path, f"{entry_id}.source", f"'{ref}' is not defined in sources.yml")
    locations = _strings(raw.get("locations"), path, f"{entry_id}.locations")
    for loc in locations:
        if loc not in known_locations:
            raise DefinitionError(path, f"{entry_id}.locations",
                                  f"unknown location '{loc}' (known: {', '.join(known_locations)})")
    levels = _strings(raw.get("levels"), path, f"{entry_id}.levels")
    for level in levels:
        if level not in known_levels:
            raise DefinitionError(path, f"{entry_id}.levels", f"unknown level '{level}' (known: {', '.join(known_levels)})")
    role = raw.get("role", "answer")
    if role not in ROLES:
        raise DefinitionError(path, f"{entry_id}.role", f"unknown role {role!r} (known: {', '.join(ROLES)})")
    patterns = _strings(raw.get("patterns"), path, f"{entry_id}.patterns")
    for pattern in patterns:
        if pattern not in PATTERNS:
            raise DefinitionError(path, f"{entry_id}.patterns", f"unknown pattern '{pattern}' (known: {', '.join(PATTERNS)})")
    detail = raw.get("detail")
    if detail is not None and detail not in DETAILS:
        raise DefinitionError(path, f"{entry_id}.detail", f"unknown detail {detail!r} (known: {', '.join(DETAILS)})")
    if detail is not None and role != "answer":
        raise DefinitionError(path, f"{entry_id}.detail", "only answer entries fill detail buttons")
    if patterns and not role.startswith("advice_"):
        raise DefinitionError(path, f"{entry_id}.patterns", "only advice_* entries are specific to a pain pattern")
    if role == "advice_location" and not locations:
        raise DefinitionError(path, f"{entry_id}.locations", "an advice_location entry needs the locations it is for")
    actions = _strings(raw.get("actions"), path, f"{entry_id}.actions")
    if actions and not (role.startswith("advice_") or role == "red_flag"
                        or (role == "answer" and locations and detail is None)):
        raise DefinitionError(path, f"{entry_id}.actions", "only advice_* entries, red_flag entries and location "
                              "entries (answers with locations and no detail) have actions: the advice's first "
                              "message lists them")
    actions_other = _strings(raw.get("actions_other"), path, f"{entry_id}.actions_other")
    if actions_other and not actions:
        raise DefinitionError(path, f"{entry_id}.actions_other", "the lines for someone reporting for another "
                              "person replace `actions`: give `actions` too")
    for key, lines in (("actions", actions), ("actions_other", actions_other)):
        for action in lines:
            if len(action) > MAX_ACTION_CHARS:
                raise DefinitionError(path, f"{entry_id}.{key}", f"{action[:40]!r}... is {len(action)} characters; "
                                      f"an action is one short line on a phone (at most {MAX_ACTION_CHARS})")
    soon = raw.get("soon", False)
    if not isinstance(soon, bool):
        raise DefinitionError(path, f"{entry_id}.soon", "must be true or false")
    if soon and (role != "red_flag" or not actions):
        raise DefinitionError(path, f"{entry_id}.soon", "only a red_flag entry with its own actions can need a doctor "
                              "soon rather than today: its actions replace the level's")
    own_actions = raw.get("own_actions", False)
    if not isinstance(own_actions, bool):
        raise DefinitionError(path, f"{entry_id}.own_actions", "must be true or false")
    if own_actions and (role != "red_flag" or not actions):
        raise DefinitionError(path, f"{entry_id}.own_actions", "only a red_flag entry with its own actions can replace the level's")
    crisis = raw.get("include_crisis_resources", False)
    if not isinstance(crisis, bool):
        raise DefinitionError(path, f"{entry_id}.include_crisis_resources", "must be true or false")
    return Entry(
        id=entry_id,
        title=_text(raw.get("title"), path, f"{entry_id}.title"),
        text=_text(raw.get("text"), path, f"{entry_id}.text"),
        source=source,
        keywords=_strings(raw.get("keywords"), path, f"{entry_id}.keywords"),
        questions=_strings(raw.get("questions"), path, f"{entry_id}.questions"),
        related=_strings(raw.get("related"), path, f"{entry_id}.related"),
        locations=locations,
        levels=levels,
        role=role,
        include_crisis_resources=crisis,
        file=path,
        patterns=patterns,
        detail=detail,
        actions=actions,
        actions_other=actions_other,
        only_about=_strings(raw.get("only_about"), path, f"{entry_id}.only_about"),
        soon=soon,
        own_actions=own_actions,
    )


def _load_levels(directory: Path, known: tuple[str, ...]) -> dict[str, Level]:
    path, data = _read(directory, "levels.yml")
    levels = _mapping(_mapping(data, path, "(top level)").get("levels"), path, "levels")
    for name in levels:
        if name not in known:
            raise DefinitionError(path, f"levels.{name}", f"unknown level (known: {', '.join(known)})")
    out: dict[str, Level] = {}
    for name in known:
        if name not in levels:
            raise DefinitionError(path, f"levels.{name}", "missing: every triage level needs a heading")
        raw = _mapping(levels[name], path, f"levels.{name}")
        details = _strings(raw.get("details"), path, f"levels.{name}.details")
        for kind in details:
            if kind not in DETAILS:
                raise DefinitionError(path, f"levels.{name}.details", f"unknown detail '{kind}' (known: {', '.join(DETAILS)})")
        out[name] = Level(
            heading=_text(raw.get("heading"), path, f"levels.{name}.heading"),
            include_location=bool(raw.get("include_location", False)),
            details=details,
            heading_soon=_text(raw["heading_soon"], path, f"levels.{name}.heading_soon") if "heading_soon" in raw else None,
            heading_no_country=(_text(raw["heading_no_country"], path, f"levels.{name}.heading_no_country")
                                if "heading_no_country" in raw else None),
        )
    return out


_COUNTRY_FIELDS = ("label", "name", "emergency_number", "crisis_line", "lines")
_OPTIONAL_COUNTRY_FIELDS = ("poison_control", "urgent_advice", "pt_access")
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")


def _load_crisis(directory: Path) -> dict[str, CrisisResources]:
    path, data = _read(directory, "crisis_resources.yml")
    data = _mapping(data, path, "(top level)")
    countries_raw = _mapping(data.get("countries"), path, "countries")
    countries: dict[str, CrisisCountry] = {}
    for code, raw in countries_raw.items():
        if not isinstance(code, str) or not _COUNTRY.match(code):
            raise DefinitionError(path, f"countries.{code}", "country codes are two capital letters (ISO 3166-1)")
        countries[code] = _crisis_country(code, raw, path, f"countries.{code}")
    default = data.get("default")
    if default not in countries:
        raise DefinitionError(path, "default", f"{default!r} is not one of the countries")
    aliases = {str(k): str(v) for k, v in _mapping(data.get("aliases", {}), path, "aliases").items()}
    for alias, target in aliases.items():
        if target not in countries:
            raise DefinitionError(path, f"aliases.{alias}", f"{target!r} is not one of the countries")
    seen: dict[str, str] = {}  # a place or hint -> its country: each names one
    places = _place_words(data, path, "places", (*countries, OTHER_COUNTRY), seen)
    hints = _place_words(data, path, "hints", tuple(countries), seen)  # "a&e": only one country's people say it
    zones = _zones(data, path, tuple(countries))
    english = CrisisResources(
        default=default,
        heading=_text(data.get("heading"), path, "heading"),
        default_heading=_text(data.get("default_heading"), path, "default_heading"),
        elsewhere=_text(data.get("elsewhere"), path, "elsewhere"),
        compact=_compact(data.get("compact"), path, "compact"),
        compact_default=_compact(data.get("compact_default"), path, "compact_default"),
        emergency_default=_emergency_default(data.get("emergency_default"), path, "emergency_default"),
        aliases=aliases,
        countries=countries,
        places=places,
        hints=hints,
        fallback=_crisis_country(OTHER_COUNTRY, data.get("fallback"), path, "fallback"),
        zones=zones,
    )
    for needed in ("urgent_advice", "pt_access"):
        if not getattr(english.fallback, needed):
            raise DefinitionError(path, f"fallback.{needed}", "the fallback needs one: it is said for every "
                                  "country that lists none")
    out = {"en": english}
    for locale, raw in _mapping(data.get("locales", {}), path, "locales").items():
        if not isinstance(locale, str) or not _LOCALE.match(locale):
            raise DefinitionError(path, f"locales.{locale}", "a locale is a language code like es or pt-BR")
        out[locale] = _crisis_locale(english, _mapping(raw, path, f"locales.{locale}"), path, f"locales.{locale}")
    return out


#: What the compact crisis line may name: the country's own fields.
COMPACT_PLACEHOLDERS = ("crisis_line", "emergency_number", "country_name")


def _compact(raw: Any, path: str, key: str) -> str:
    text = _text(raw, path, key)
    unknown = sorted(set(re.findall(r"\{([a-z_]+)\}", text)) - set(COMPACT_PLACEHOLDERS))
    if unknown:
        raise DefinitionError(path, key, f"placeholder {{{unknown[0]}}} is not a country field "
                              f"(known: {', '.join(COMPACT_PLACEHOLDERS)})")
    if "{crisis_line}" not in text or "{emergency_number}" not in text:
        raise DefinitionError(path, key, "must name {crisis_line} and {emergency_number}")
    return text


def _emergency_default(raw: Any, path: str, key: str) -> str:
    text = _text(raw, path, key)
    unknown = sorted(set(re.findall(r"\{([a-z_]+)\}", text)) - {"emergency_number", "country_name"})
    if unknown:
        raise DefinitionError(path, key, f"placeholder {{{unknown[0]}}}: only {{emergency_number}} and "
                              "{country_name}")
    if "{emergency_number}" not in text:
        raise DefinitionError(path, key, "must name {emergency_number}")
    return text


def _place_words(data: Mapping[str, Any], path: str, key: str, codes: tuple[str, ...],
                 seen: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """`places:` or `hints:` of crisis_resources.yml: country code -> lower-case words, each word
    one country's (`seen` is shared between the two lists)."""
    out: dict[str, tuple[str, ...]] = {}
    for code, words in _mapping(data.get(key, {}), path, key).items():
        if code not in codes:
            raise DefinitionError(path, f"{key}.{code}", f"{code!r} is not one of {', '.join(codes)}")
        names = _strings(words, path, f"{key}.{code}")
        for name in names:
            if name != name.lower().strip() or not name:
                raise DefinitionError(path, f"{key}.{code}", f"{name!r}: {key} are lower case, without spaces around")
            if seen.setdefault(name, str(code)) != code:
                raise DefinitionError(path, f"{key}.{code}", f"{name!r} is also a word of {seen[name]}")
        out[str(code)] = tuple(names)
    return out


def _zones(data: Mapping[str, Any], path: str, codes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`zones:` of crisis_resources.yml: country code -> time zone names or "Area/" prefixes, each
    a zone the tz database knows (or a prefix of some), each one country's."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    out: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for code, raw in _mapping(data.get("zones", {}), path, "zones").items():
        if code not in codes:
            raise DefinitionError(path, f"zones.{code}", f"{code!r} is not one of {', '.join(codes)}")
        names = _strings(raw, path, f"zones.{code}")
        for name in names:
            if not name.endswith("/"):
                try:
                    ZoneInfo(name)
                except (ZoneInfoNotFoundError, ValueError):
                    raise DefinitionError(path, f"zones.{code}", f"{name!r} is not a time zone (an Area/Place name, "
                                          "or an 'Area/' prefix)") from None
            if seen.setdefault(name, str(code)) != code:
                raise DefinitionError(path, f"zones.{code}", f"{name!r} is also a zone of {seen[name]}")
        out[str(code)] = tuple(names)
    return out


def _crisis_country(code: str, raw: Any, path: str, key: str) -> CrisisCountry:
    raw = _mapping(raw, path, key)
    known = _COUNTRY_FIELDS + _OPTIONAL_COUNTRY_FIELDS
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise DefinitionError(path, f"{key}.{unknown[0]}", f"unknown field (known: {', '.join(known)})")
    lines = _strings(raw.get("lines"), path, f"{key}.lines")
    if not lines:
        raise DefinitionError(path, f"{key}.lines", "at least one line is needed")
    label, name, emergency, line = (_text(raw.get(f), path, f"{key}.{f}") for f in _COUNTRY_FIELDS[:-1])
    poison, urgent, pt_access = (_text(raw[f], path, f"{key}.{f}") if raw.get(f) is not None else ""
                                 for f in _OPTIONAL_COUNTRY_FIELDS)
    return CrisisCountry(code, label, name, emergency, line, lines, poison, urgent, pt_access)


def _crisis_locale(english: CrisisResources, raw: dict[str, Any], path: str, key: str) -> CrisisResources:
    """English with a locale's texts laid over it; a country or field it leaves out stays English."""
    unknown = sorted(set(raw) - {"heading", "default_heading", "elsewhere", "compact", "compact_default",
                                 "emergency_default", "countries", "fallback"})
    if unknown:
        raise DefinitionError(path, f"{key}.{unknown[0]}", "unknown field")

    def country(base: CrisisCountry, over: Any, where: str) -> CrisisCountry:
        merged: dict[str, Any] = {f: getattr(base, f) for f in _COUNTRY_FIELDS}
        merged["lines"] = list(base.lines)
        for optional in _OPTIONAL_COUNTRY_FIELDS:
            if getattr(base, optional):
                merged[optional] = getattr(base, optional)
        merged.update(_mapping(over, path, where))
        return _crisis_country(base.code, merged, path, where)

    countries = dict(english.countries)
    for code, over in _mapping(raw.get("countries", {}), path, f"{key}.countries").items():
        if code not in countries:
            raise DefinitionError(path, f"{key}.countries.{code}", "not one of the countries")
        countries[code] = country(countries[code], over, f"{key}.countries.{code}")
    fallback = country(english.fallback, raw["fallback"], f"{key}.fallback") if "fallback" in raw else english.fallback
    return CrisisResources(
        default=english.default,
        heading=_text(raw.get("heading", english.heading), path, f"{key}.heading"),
        default_heading=_text(raw.get("default_heading", english.default_heading), path, f"{key}.default_heading"),
        elsewhere=_text(raw.get("elsewhere", english.elsewhere), path, f"{key}.elsewhere"),
        compact=_compact(raw.get("compact", english.compact), path, f"{key}.compact"),
        compact_default=_compact(raw.get("compact_default", english.compact_default), path, f"{key}.compact_default"),
        emergency_default=_emergency_default(raw.get("emergency_default", english.emergency_default), path,
                                             f"{key}.emergency_default"),
        aliases=english.aliases,
        countries=countries,
        places=english.places,
        hints=english.hints,
        fallback=fallback,
        zones=english.zones,
    )


def _load_vocabulary(directory: Path, known: tuple[str, ...]) -> Vocabulary:
    path, data = _read(directory, "synonyms.yml")
    data = _mapping(data, path, "(top level)")
    locations_raw = _mapping(data.get("locations"), path, "locations")
    for name in locations_raw:
        if name not in known:
            raise DefinitionError(path, f"locations.{name}", f"unknown location (known: {', '.join(known)})")
    groups_raw = _mapping(data.get("groups"), path, "groups")
    clash = sorted(set(groups_raw) & set(known))
    if clash:
        raise DefinitionError(path, f"groups.{clash[0]}", "group names must not be location names")
    return Vocabulary(
        locations={k: _strings(v, path, f"locations.{k}") for k, v in locations_raw.items()},
        groups={str(k): _strings(v, path, f"groups.{k}") for k, v in groups_raw.items()},
        context_words=_strings(data.get("context_words"), path, "context_words"),
    )


def _load_out_of_scope(directory: Path) -> OutOfScope:
    path, data = _read(directory, "out_of_scope.yml")
    data = _mapping(data, path, "(top level)")
    topics: dict[str, OutOfScopeTopic] = {}
    for name, raw in _mapping(data.get("topics"), path, "topics").items():
        raw = _mapping(raw, path, f"topics.{name}")
        triggers = _strings(raw.get("triggers"), path, f"topics.{name}.triggers")
        if not triggers:
            raise DefinitionError(path, f"topics.{name}.triggers", "at least one trigger is needed")
        unknown = sorted(set(raw) - {"triggers", "reply", "except_with", "still_refuse_with", "not_in"})
        if unknown:
            raise DefinitionError(path, f"topics.{name}.{unknown[0]}",
                                  "unknown field (known: triggers, reply, except_with, still_refuse_with, not_in)")
        topics[str(name)] = OutOfScopeTopic(
            triggers,
            _text(raw.get("reply"), path, f"topics.{name}.reply"),
            except_with=_strings(raw.get("except_with"), path, f"topics.{name}.except_with"),
            still_refuse_with=_strings(raw.get("still_refuse_with"), path, f"topics.{name}.still_refuse_with"),
            not_in=_strings(raw.get("not_in"), path, f"topics.{name}.not_in"),
        )
    return OutOfScope(topics, _strings(data.get("generic_words"), path, "generic_words"))
