"""Files derived once per machine into the cache directory (bot.paths.kept_file): the language
identifier's model unpacked (bot.safety.language) and read back mapped. Each must give exactly
what its source gives, and a missing, foreign or damaged one must only cost time."""

from __future__ import annotations

import logging
import random
import stat
from pathlib import Path

import pytest

from bot import paths
from bot.safety import language
from tests.corpus import corpus


def _texts() -> list[str]:
    return random.Random(7).sample(corpus(), 1500)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", str(tmp_path))
    return tmp_path


def _from_wheel() -> object:
    from py3langid.langid import LanguageIdentifier

    return LanguageIdentifier(**language._unpack(), norm_probs=True)


def test_the_kept_language_model_classifies_as_the_wheels_does(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    language._read_model()  # the first start: unpacks the wheel's and keeps it
    kept = list(cache.glob("langid.*.bin"))
    assert len(kept) == 1 and stat.S_IMODE(kept[0].stat().st_mode) == 0o600

    def unpack() -> None:
        raise AssertionError("the wheel's model was unpacked again")

    wheel = _from_wheel()
    monkeypatch.setattr(language, "_unpack", unpack)
    model = language._read_model()  # every later start: mapped from the kept file
    for text in _texts() + ["", "ok", "hola", "me duele la rodilla desde ayer", "ich will nicht mehr leben"]:
        assert model.classify(text) == wheel.classify(text), text  # type: ignore[attr-defined]


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
def test_a_damaged_kept_model_is_not_trusted(cache: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    language._read_model()
    (kept,) = cache.glob("langid.*.bin")
    data = kept.read_bytes()
    kept.write_bytes({"truncate": data[: len(data) // 2], "garble": b"X" * 64 + data[64:], "empty": b""}[damage])
    with caplog.at_level(logging.WARNING):
        model = language._read_model()
    assert "unreadable" in caplog.text
    assert model.classify("me duele la rodilla cuando corro")[0] == "es"
    language._read_model()  # the next start makes it again
    assert kept.read_bytes() == data


def test_without_a_cache_directory_the_wheels_model_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", "off")
    assert language._kept_model() is None
    assert language._read_model().classify("my knee hurts when I run")[0] == "en"


def test_kept_file_is_named_for_what_it_was_made_from(cache: Path) -> None:
    made: list[str] = []

    def make(text: str) -> bytes:
        made.append(text)
        return text.encode()

    first = paths.kept_file("thing", ".txt", ("source", 1), lambda: make("one"))
    again = paths.kept_file("thing", ".txt", ("source", 1), lambda: make("not made"))
    other = paths.kept_file("thing", ".txt", ("source", 2), lambda: make("two"))
    assert first == again and first is not None and other is not None and other != first
    assert made == ["one", "two"] and other.read_text() == "two"

    def fails() -> bytes:
        raise RuntimeError("cannot make it")

    assert paths.kept_file("thing", ".txt", ("source", 3), fails) is None


def test_kept_file_where_the_directory_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blocked").write_text("a file where the cache directory should be")
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", str(tmp_path / "blocked" / "cache"))
    assert paths.kept_file("thing", ".txt", ("source", 1), lambda: b"x") is None
    assert language._read_model().classify("my knee hurts when I run")[0] == "en"


def test_the_same_model_installed_again_shares_the_kept_file(cache: Path, monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    """Named for the source's content, not its path or time: every new virtualenv (pip sets new
    times) would otherwise add another 41 MB file to the cache directory."""
    import shutil

    language._read_model()
    first = language._kept_model()
    elsewhere = tmp_path / "another-venv" / "model.npz.xz"
    elsewhere.parent.mkdir()
    shutil.copy(language._model_source(), elsewhere)  # a new path and a new time
    monkeypatch.setattr(language, "_model_source", lambda: elsewhere)
    assert language._kept_model() == first
    assert len(list(cache.glob("langid.*.bin"))) == 1
