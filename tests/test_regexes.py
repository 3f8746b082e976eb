"""The compiled-pattern cache (bot.regexes): what it hands back is what re.compile builds, and a
cache file it cannot trust is never used."""

from __future__ import annotations

import marshal
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import regexes
from bot.clinical.rules import default_rules
from bot.safety import crisis


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", str(tmp_path / "cache"))
    regexes.reset()
    yield tmp_path / "cache"
    regexes.reset()


def shipped_patterns() -> list[str]:
    """The crisis screen's and the clinical facts' patterns: the ones start-up compiles."""
    c = crisis._compiled()
    out = [p.pattern for _, _, alt in c.signals for p in alt.parts] + [rx.pattern for rx in c.blank]
    for fact in default_rules().facts.values():
        for p in fact.yes + fact.no:
            out.append(p.rx.pattern)
            out += [e.pattern for e in p.excepts]
    return list(dict.fromkeys(out))


def test_patterns_read_back_from_the_cache_are_the_ones_re_compiles(cache_dir: Path) -> None:
    patterns = shipped_patterns()
    assert len(patterns) > 500
    for p in patterns:
        regexes.compile(p)
    assert regexes.save()
    path = regexes.cache_path()
    assert path is not None and path.parent == cache_dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    regexes.reset()  # a new start: everything from the file
    for p in patterns:
        cached = regexes.compile(p)
        # Pattern equality compares the pattern, the flags and the compiled code itself.
        assert cached == re.compile(p), p
    assert not regexes.save(), "a start that compiled nothing new writes nothing"


def test_cached_patterns_find_the_same_things() -> None:
    text = "i dont want to be here anymore, took 20 paracetamol, my left shin hurts when i hop"
    for p in shipped_patterns()[:200]:
        assert [m.span() for m in regexes.compile(p).finditer(text)] == [m.span() for m in re.compile(p).finditer(text)]


def test_named_groups_and_flags_survive(cache_dir: Path) -> None:
    pattern = r"(?P<drug>\b(?:ibuprofen|paracetamol)\b)\s+(\d+)"
    regexes.compile(pattern, re.IGNORECASE)
    regexes.save()
    regexes.reset()
    rx = regexes.compile(pattern, re.IGNORECASE)
    m = rx.search("took PARACETAMOL 12")
    assert m is not None and m.group("drug") == "PARACETAMOL" and m.group(2) == "12"
    assert rx.groupindex == {"drug": 1} and rx.flags == re.compile(pattern, re.IGNORECASE).flags


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other_python", "wrong_shape"])
def test_a_cache_file_that_cannot_be_trusted_is_ignored_and_rewritten(cache_dir: Path, damage: str) -> None:
    pattern = r"\bkill(?:ing)? myself\b"
    regexes.compile(pattern)
    regexes.save()
    path = regexes.cache_path()
    assert path is not None
    good = path.read_bytes()
    bad = {
        "truncated": good[: len(good) // 2],
        "garbage": b"\x00\xffnot marshal at all",
        "other_python": marshal.dumps(("3.99.0 other|1", [((pattern, 0), (0, [1, 2, 3], 0, {}, (None,)))])),
        "wrong_shape": marshal.dumps((marshal.loads(good)[0], [((pattern, 0), (0, "not code"))])),
    }[damage]
    path.write_bytes(bad)
    regexes.reset()
    rx = regexes.compile(pattern)
    assert rx == re.compile(pattern) and rx.search("i want to kill myself")
    if damage != "wrong_shape":  # (a wrong entry is compiled afresh; the file is rewritten)
        assert regexes.save()
        regexes.reset()
        assert regexes.compile(pattern) == re.compile(pattern)


def test_off_and_an_unwritable_directory_only_cost_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", "off")
    regexes.reset()
    assert regexes.cache_path() is None
    assert regexes.compile(r"\bshin\b").search("my shin")
    assert not regexes.save()

    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", str(blocked / "cache"))
    regexes.reset()
    assert regexes.compile(r"\bcalf\b").search("my calf")
    assert not regexes.save()
    regexes.reset()
