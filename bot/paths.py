"""Where the data lives: packaged data (dialogues, knowledge) and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

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
