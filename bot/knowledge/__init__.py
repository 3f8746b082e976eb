"""The knowledge base: reviewed content from `knowledge/`, retrieval for questions, triage advice.

`KnowledgeBase.load(default_directory())` once at start-up; everything after that is pure.
"""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.model import REQUIRED_IDS, ROLES, Advice, Answer, Entry
from bot.vocabulary import DETAILS, LEVELS, LOCATIONS, PATTERNS

__all__ = [
    "DETAILS", "LEVELS", "LOCATIONS", "PATTERNS", "REQUIRED_IDS", "ROLES",
    "Advice", "Answer", "Entry", "KnowledgeBase", "default_directory",
]


def default_directory() -> Path:
    """`knowledge/`: inside the installed package (wheel) or at the top of the source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_data" / "knowledge"
    return installed if installed.is_dir() else package.parent / "knowledge"
