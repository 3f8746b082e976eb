"""The text catalog: numbers come from knowledge/crisis_resources.yml for the runner's country,
no text carries a phone number, locales fall back to English, and every key is checked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import validation
from bot.engine import Engine
from bot.errors import DefinitionError
from bot.knowledge import KnowledgeBase
from bot.knowledge.loader import OTHER_COUNTRY
from bot.paths import dialogues_directory, knowledge_directory
from bot.texts import COUNTRY_PLACEHOLDERS, Texts, Voice, phone_like, placeholders
from bot.turn import UserMessage
from bot.vocabulary import command_menu
from tests.conversation import NOW

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(knowledge_directory())


@pytest.fixture(scope="module")
def texts() -> Texts:
    return Texts.load(dialogues_directory())


def numbers(text: str) -> set[str]:
    return {re.sub(r"\D", "", n) for n in phone_like(text)}


def country_numbers(kb: KnowledgeBase, code: str, locale: str = "en") -> set[str]:
    block = kb.country(code, locale)
    return numbers(" ".join((block.crisis_line, block.emergency_number, block.poison_control, *block.lines)))


def templates_naming_numbers(texts: Texts, kb: KnowledgeBase, locale: str = "en") -> list[tuple[str, str]]:
    """(where, template) for every text, response and knowledge entry with a country placeholder,
    as `locale` says it (a locale's own texts and responses; the knowledge base is English)."""
    found = [(key, t) for key, t in texts.catalogs[locale].items()]
    found += [(name, str(v[0].get("text"))) for name, v in texts.responses[locale].items()]
    if locale == "en":
        found += [(e.id, e.text) for e in kb.entries]
    return [(where, t) for where, t in found if placeholders(t) & set(COUNTRY_PLACEHOLDERS)]


COUNTRIES = ["US", "GB", "IE", OTHER_COUNTRY]


def test_the_texts_that_name_numbers_include_help_crisis_and_emergency_advice(texts: Texts, kb: KnowledgeBase) -> None:
    names = {where for where, _ in templates_naming_numbers(texts, kb)}
    assert {"utter_help", "utter_crisis_check_cleared", "utter_crisis", "utter_crisis_check", "utter_crisis_emergency",
            "utter_crisis_overdose", "utter_crisis_third_party", "advice-now-emergency"} <= names


@pytest.mark.parametrize("locale", ["en", "es"])
@pytest.mark.parametrize("country", COUNTRIES)
def test_every_text_that_names_a_number_renders_that_countrys_numbers(texts: Texts, kb: KnowledgeBase,
                                                                      country: str, locale: str) -> None:
    voice = Voice(texts, kb, locale=locale, country=country)
    mine = country_numbers(kb, country, locale)
    others = set().union(*(country_numbers(kb, c, locale) for c in COUNTRIES if c != country)) - mine
    for where, template in templates_naming_numbers(texts, kb, locale):
        text = voice.fill(template)
        shown = numbers(text)
        assert not shown & others, (country, where, text)
        assert shown <= mine, (country, where, text)
        if country == OTHER_COUNTRY:
            # the helpline finder and "your local number or 112" only (112: most mobiles, tester round 47)
            assert shown <= {"112"}, (where, text)
        elif placeholders(template) & {"crisis_line", "crisis_lines", "emergency_number"}:
            assert shown, (country, where, text)


def test_somewhere_else_gets_the_fallback_only(kb: KnowledgeBase) -> None:
    block = kb.crisis_resources(OTHER_COUNTRY)
    assert "findahelpline.com" in block and "local emergency number or 112" in block
    assert phone_like(block) == ["112"] and "In the US" not in block
    assert kb.country_values(OTHER_COUNTRY)["emergency_number"] == "your local number or 112"


@pytest.mark.parametrize("country", COUNTRIES)
async def test_the_engine_speaks_each_countrys_numbers(engine: Engine, country: str) -> None:
    record: dict[str, Any] = {"profile": {"country": country}}
    mine = country_numbers(engine.kb, country)
    for message in ("/help", "I've been thinking about ending it", "I fainted at the end of my run"):
        result = await engine.handle(record, UserMessage(message), NOW)
        shown = numbers("\n".join(r.text for r in result.replies))
        assert shown <= mine, (country, message, shown)
        assert shown <= {"112"} if country == OTHER_COUNTRY else bool(shown), (country, message)


def test_no_shipped_text_contains_a_phone_number() -> None:
    found = validation.problems(validation.load_sources())
    assert not [p for p in found if "phone-number-like" in str(p)]


@pytest.mark.parametrize("text, found", [
    ("call 988 now", ["988"]), ("Samaritans on 116 123.", ["116 123"]), ("1-800-273-8255", ["1-800-273-8255"]),
    ("text HOME to 741741", ["741741"]), ("pain (0-10)", []), ("2-3 days", []), ("in 2025, 5,205 runners", []),
    ("07:30", []), ("more than 30%", []),
])
def test_what_counts_as_a_phone_number(text: str, found: list[str]) -> None:
    assert phone_like(text) == found


# -- broken copies ---------------------------------------------------------------------------

@pytest.fixture
def dialogues(tmp_path: Path) -> Path:
    target = tmp_path / "dialogues"
    shutil.copytree(dialogues_directory(), target)
    return target


def edit(path: Path, change: Any) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def problems(dialogues: Path) -> list[str]:
    return [str(p) for p in validation.problems(validation.load_sources(dialogues_dir=dialogues))]


def assert_reported(found: list[str], *parts: str) -> None:
    assert any(all(part in line for part in parts) for line in found), found


def test_a_number_typed_into_a_text_or_response_is_reported(dialogues: Path) -> None:
    edit(dialogues / "texts" / "en.yml", lambda t: t["crisis"].update(english_only="English only; in danger? Call 911"))
    edit(dialogues / "domain.yml", lambda d: d["responses"]["utter_help"][0].update(
        text=d["responses"]["utter_help"][0]["text"] + " Call or text 988 (US)."))
    found = problems(dialogues)
    assert_reported(found, "en.yml", "crisis.english_only", "'911'", "{emergency_number}")
    assert_reported(found, "domain.yml", "responses.utter_help[0].text", "'988'")


def test_a_key_the_code_uses_must_exist_and_every_key_must_be_used(dialogues: Path) -> None:
    def change(t: dict[str, Any]) -> None:
        del t["forget"]["kept"]
        t["forget"]["maybe"] = "Maybe later."
        del t["location"]["it_band"]

    edit(dialogues / "texts" / "en.yml", change)
    found = problems(dialogues)
    assert_reported(found, "en.yml", "forget.kept", "missing")
    assert_reported(found, "en.yml", "forget.maybe", "not used by the code")
    assert_reported(found, "en.yml", "location.it_band", "missing")


def test_a_placeholder_nobody_fills_is_reported(dialogues: Path) -> None:
    edit(dialogues / "texts" / "en.yml", lambda t: t["forget"].update(kept="Okay, {name}, nothing was deleted."))
    edit(dialogues / "domain.yml", lambda d: d["responses"]["utter_goodbye"][0].update(text="Bye, {runner_name}!"))
    found = problems(dialogues)
    assert_reported(found, "en.yml", "forget.kept", "{name} cannot be filled")
    assert_reported(found, "domain.yml", "responses.utter_goodbye[0].text", "{runner_name} cannot be filled")


def test_help_must_name_every_command_and_every_menu_command_needs_a_help_line(dialogues: Path) -> None:
    edit(dialogues / "domain.yml", lambda d: d["responses"]["utter_help"][0].update(
        text=d["responses"]["utter_help"][0]["text"].replace("/forget", "the forget command")))
    edit(dialogues / "texts" / "en.yml", lambda t: t["command"].pop("summary"))
    found = problems(dialogues)
    assert_reported(found, "domain.yml", "responses.utter_help", "does not name /forget")
    assert_reported(found, "en.yml", "command.summary", "missing")


def test_the_command_menu_is_the_vocabulary_s_and_telegram_publishes_the_same() -> None:
    menu = command_menu()
    assert menu[0] == ("start", "Start, or start over")
    botfather = (REPO / "deploy" / "botfather-commands.txt").read_text().strip().splitlines()
    assert botfather == [f"{name} - {text}" for name, text in menu]


# -- locales ---------------------------------------------------------------------------------

PORTUGUESE = {
    "crisis": {"english_only": "Desculpe, só entendo inglês, então respondo em inglês."},
    "responses": {"utter_crisis_check_cleared": [
        {"text": "Obrigado por me dizer. Se isso mudar, você pode {crisis_line} a qualquer hora."}],
        "utter_crisis": [{"text": "Fico feliz que você me contou. Você está em segurança agora?\n\n{crisis_lines}",
                          "buttons": [{"title": "Estou em segurança", "payload": "/safe"},
                                      {"title": "Não estou em segurança", "payload": "/not_safe"}]}]},
}


def test_a_locale_overrides_keys_and_falls_back_to_english(dialogues: Path, kb: KnowledgeBase) -> None:
    edit(dialogues / "texts" / "pt.yml", lambda t: t.update(PORTUGUESE))
    texts = Texts.load(dialogues)
    assert texts.locales == ("en", "es", "pt") and texts.locale("pt-BR") == "pt" and texts.locale("de") == "en"
    voice = Voice(texts, kb, locale="pt", country="GB")
    assert voice.say("crisis.english_only").startswith("Desculpe")
    assert voice.say("engine.stale_button").startswith("That button")  # not translated: English
    assert texts.response("utter_crisis_check_cleared", "pt")[0]["text"].startswith("Obrigado")
    assert texts.response("utter_goodbye", "pt")[0]["text"].startswith("Bye")
    assert validation.problems(validation.load_sources(dialogues_dir=dialogues)) == []


async def test_the_engine_speaks_the_runner_s_locale(dialogues: Path) -> None:
    edit(dialogues / "texts" / "pt.yml", lambda t: t.update(PORTUGUESE))
    engine = Engine.load(dialogues)
    record = {"profile": {"country": "IE", "language": "pt"}}
    result = await engine.handle(record, UserMessage("I've been thinking about ending it"), NOW)
    (reply,) = result.replies
    assert reply.text.startswith("Fico feliz") and "50808" in reply.text and "988" not in reply.text
    assert [b.label for b in reply.buttons] == ["Estou em segurança", "Não estou em segurança"]


@pytest.mark.parametrize("content, key, problem", [
    ({"crisis": {"mesage": "Hola"}}, "crisis.mesage", "not a key of"),
    ({"crisis": {"english_only": "Hola {nombre}"}}, "crisis.english_only", "placeholder {nombre} is not in the English text"),
    ({"responses": {"utter_nothing": [{"text": "Nada"}]}}, "responses.utter_nothing", "not a response of domain.yml"),
    ({"responses": {"utter_crisis_resume_offer": [{"text": "Sigamos", "buttons": [{"title": "Sí", "payload": "/affirm"}]}]}},
     "responses.utter_crisis_resume_offer[0].buttons", "payloads"),
    # YAML reads an unquoted No as false: the button would say "False".
    ({"responses": {"utter_crisis_check": [{"text": "¿Sí o no?", "buttons": [
        {"title": False, "payload": "/deny"}, {"title": "Sí", "payload": "/affirm"}, {"title": "No sé", "payload": "/unsure"}]}]}},
     "responses.utter_crisis_check[0].buttons[0].title", "must be text"),
])
def test_locale_mistakes_are_named_with_file_and_key(dialogues: Path, content: dict[str, Any], key: str,
                                                     problem: str) -> None:
    edit(dialogues / "texts" / "es.yml", lambda t: t.update(content))
    with pytest.raises(DefinitionError) as caught:
        Texts.load(dialogues)
    assert caught.value.path.endswith("es.yml") and caught.value.key == key and problem in caught.value.problem
