"""Accents folded away ("México" -> "Mexico", "me desmayé" -> "me desmaye"), written once.

The safety screen, the clinical facts, the answers to the crisis questions, the language guess and
the places a runner says they are in all read text with its accents folded, since their phrasings
are written without them.
"""

from __future__ import annotations

import unicodedata


def fold_accents(text: str) -> str:
    """`text` with every combining mark removed after NFKD decomposition."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
