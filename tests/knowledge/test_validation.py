"""Invalid content is refused with a message naming the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.errors import DefinitionError
from bot.knowledge import KnowledgeBase, default_directory

GOOD = {
    "id": "extra-entry",
    "title": "An extra entry",
    "text": "Some text. More text.",
    "source": "article#recurring-pain",
    "keywords": ["extra"],
    "questions": ["What is extra?"],
    "related": ["pt-what"],
    "role": "answer",
}


@pytest.fixture()
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_directory(), target)
    return target


def write_extra(kb_dir: Path, **changes: object) -> Path:
    entry = {**GOOD, **changes}
    entry = {k: v for k, v in entry.items() if v is not None}
    path = kb_dir / "entries" / "zz_extra.yml"
    path.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    return path


def load_error(kb_dir: Path) -> DefinitionError:
    with pytest.raises(DefinitionError) as info:
        KnowledgeBase.load(kb_dir)
    return info.value


def test_a_valid_extra_entry_loads(kb_dir: Path) -> None:
    write_extra(kb_dir)
    assert KnowledgeBase.load(kb_dir).entry("extra-entry").title == "An extra entry"


def test_duplicate_id(kb_dir: Path) -> None:
    write_extra(kb_dir, id="pt-what")
    err = load_error(kb_dir)
    assert err.path.endswith("entries/zz_extra.yml") and err.key == "pt-what"
    assert "duplicate" in str(err) and "zz_extra.yml" in str(err) and "article.yml" in str(err)


def test_missing_source(kb_dir: Path) -> None:
    write_extra(kb_dir, source=None)
    err = load_error(kb_dir)
    assert err.path.endswith("zz_extra.yml") and err.key == "extra-entry.source"


def test_unknown_source_id(kb_dir: Path) -> None:
    write_extra(kb_dir, source="clinical:made-up-2024")
    err = load_error(kb_dir)
    assert err.key == "extra-entry.source" and "made-up-2024" in str(err)


def test_dangling_related_id(kb_dir: Path) -> None:
    write_extra(kb_dir, related=["pt-what", "no-such-entry"])
    err = load_error(kb_dir)
    assert err.path.endswith("zz_extra.yml") and err.key == "extra-entry.related"
    assert "no-such-entry" in str(err)


def test_unknown_location(kb_dir: Path) -> None:
    write_extra(kb_dir, locations=["elbow"])
    err = load_error(kb_dir)
    assert err.key == "extra-entry.locations" and "elbow" in str(err) and "zz_extra.yml" in str(err)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"levels": ["later"]}, "extra-entry.levels"),
        ({"role": "decoration"}, "extra-entry.role"),
        ({"text": "   "}, "extra-entry.text"),
        ({"id": "Not Kebab"}, "[0].id"),
        ({"colour": "blue"}, "extra-entry.colour"),
        ({"detail": "later"}, "extra-entry.detail"),
        ({"detail": "now", "role": "advice_now"}, "extra-entry.detail"),
        ({"patterns": ["sometimes"], "role": "advice_now"}, "extra-entry.patterns"),
        ({"patterns": ["fades"]}, "extra-entry.patterns"),
        ({"role": "advice_location"}, "extra-entry.locations"),
        # "a doctor soon" only for a red flag, with the lines that replace the level's, and a yes or no
        ({"soon": True}, "extra-entry.soon"),
        ({"soon": True, "role": "red_flag"}, "extra-entry.soon"),
        ({"soon": "yes", "role": "red_flag", "actions": ["Book a doctor this week."]}, "extra-entry.soon"),
    ],
)
def test_other_invalid_fields(kb_dir: Path, changes: dict[str, object], key: str) -> None:
    write_extra(kb_dir, **changes)
    err = load_error(kb_dir)
    assert err.path.endswith("zz_extra.yml") and err.key == key


def test_broken_yaml_names_the_file(kb_dir: Path) -> None:
    (kb_dir / "entries" / "zz_extra.yml").write_text("- id: [unclosed\n", encoding="utf-8")
    err = load_error(kb_dir)
    assert err.path.endswith("zz_extra.yml") and "YAML" in err.problem


def test_level_without_heading(kb_dir: Path) -> None:
    data = yaml.safe_load((kb_dir / "levels.yml").read_text(encoding="utf-8"))
    del data["levels"]["urgent"]
    (kb_dir / "levels.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    err = load_error(kb_dir)
    assert err.path.endswith("levels.yml") and err.key == "levels.urgent"


def test_crisis_default_must_exist(kb_dir: Path) -> None:
    path = kb_dir / "crisis_resources.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["default"] = "ZZ"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    err = load_error(kb_dir)
    assert err.path.endswith("crisis_resources.yml") and err.key == "default"


def test_missing_file(kb_dir: Path) -> None:
    (kb_dir / "sources.yml").unlink()
    err = load_error(kb_dir)
    assert err.path.endswith("sources.yml")


def test_lint_reports_gaps(kb_dir: Path) -> None:
    path = kb_dir / "entries" / "meta.yml"
    entries = [e for e in yaml.safe_load(path.read_text(encoding="utf-8")) if e["id"] != "crisis-help"]
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    # advice.yml relates to crisis-help, so the removal is a load error, not just a lint.
    assert load_error(kb_dir).key.endswith(".related")


def test_out_of_scope_fields_are_checked(kb_dir: Path) -> None:
    path = kb_dir / "out_of_scope.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"]["shoes"]["unless"] = ["sprain"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    err = load_error(kb_dir)
    assert err.path.endswith("out_of_scope.yml") and err.key == "topics.shoes.unless"


def test_lint_reports_a_question_shared_by_two_entries(kb_dir: Path) -> None:
    write_extra(kb_dir, questions=["Is it OK to run through the pain?"], keywords=["a", "b", "c"],
                related=["pt-what", "pt-when"])
    problems = KnowledgeBase.load(kb_dir).problems()
    assert any("also a question of run-through-pain" in p for p in problems), problems


def test_lint_reports_a_location_without_soreness_advice(kb_dir: Path) -> None:
    path = kb_dir / "entries" / "advice.yml"
    entries = [e for e in yaml.safe_load(path.read_text(encoding="utf-8")) if e["id"] != "advice-sore-toe"]
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    problems = KnowledgeBase.load(kb_dir).problems()
    assert any("location toe: 0 advice_location" in p for p in problems), problems


def test_a_check_in_zone_must_be_a_time_zone_and_one_countrys(kb_dir: Path) -> None:
    """knowledge/crisis_resources.yml `zones`: "Europe/London" -> GB; a typo is refused at start-up."""
    path = kb_dir / "crisis_resources.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["zones"]["GB"] = ["Europe/Londn"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_error(kb_dir).key == "zones.GB"
    data["zones"]["GB"] = ["Europe/Madrid"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_error(kb_dir).key == "zones.GB"


def test_check_in_zones_point_to_their_country() -> None:
    kb = KnowledgeBase.load(default_directory())
    assert kb.country_for_zone("Europe/London") == "GB"
    assert kb.country_for_zone("Australia/Perth") == "AU"
    assert kb.country_for_zone("Asia/Kolkata") == "IN"
    assert kb.country_for_zone("Asia/Tokyo") == "JP"
    assert kb.country_for_zone("Asia/Seoul") is None and kb.country_for_zone(None) is None
