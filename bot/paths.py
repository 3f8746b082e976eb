"""Where the data lives: packaged data (dialogues, knowledge) and the user's data directory."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parent


def data_directory(name: str) -> Path:
    """`name` (dialogues, knowledge) inside the installed wheel, else at the top of the checkout."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def dialogues_directory() -> Path:
    return data_directory("dialogues")


def knowledge_directory() -> Path:
    return data_directory("knowledge")


def user_data_directory() -> Path:
    """RUNNER_TRIAGE_DATA_DIR, else $XDG_DATA_HOME/runner-triage (~/.local/share/runner-triage)."""
    configured = os.environ.get("RUNNER_TRIAGE_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "runner-triage"


def cache_directory() -> Path | None:
    """Where derived files are kept between runs (compiled patterns, a font subset):
    RUNNER_TRIAGE_CACHE_DIR, else $XDG_CACHE_HOME/runner-triage (~/.cache/runner-triage); None
    when RUNNER_TRIAGE_CACHE_DIR is "off". Anything in it can be deleted at any time."""
    configured = os.environ.get("RUNNER_TRIAGE_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "runner-triage"


def digest(path: Path) -> str:
    """The SHA-256 of a file's content (~3 ms for 5 MB): what a kept file is named for, rather
    than its source's path and time, which every new virtualenv changes."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def kept_file(stem: str, suffix: str, identity: object, make: Callable[[], bytes]) -> Path | None:
    """A file derived from others (a font subset, a model unpacked), kept in the cache directory
    and named for `identity` (what it is made from: the sources' `digest`s, versions, options),
    so that anything else gets a file of its own and the same sources installed again share it.
    Made with `make` the first time (written 0600, atomically); None when there is no cache
    directory or it cannot be made there: the caller then works from the source, only slower."""
    directory = cache_directory()
    if directory is None:
        return None
    key = hashlib.sha256(repr(identity).encode()).hexdigest()[:16]
    target = directory / f"{stem}.{key}{suffix}"
    if target.is_file():
        return target
    from bot.store.files import atomic_write  # the store's: temp file 0600, rename

    try:
        data = make()
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(target, data)
    except Exception as exc:  # noqa: BLE001 - a derived file only saves time: never fail for it
        log.info("%s not kept in %s (%s); using the source", stem, directory, type(exc).__name__)
        return None
    return target
