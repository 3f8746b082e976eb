"""Accents folded away ("México" -> "Mexico", "me desmayé" -> "me desmaye"), written once.

The safety screen, the clinical facts, the answers to the crisis questions, the language guess and
the places a runner says they are in all read text with its accents folded, since their phrasings
are written without them.
"""

from __future__ import annotations

import unicodedata


#: Letters with no decomposition: NFKD keeps them whole, so they are written out ("siły" -> "sily",
#: "chłopak" -> "chlopak", "Fuß" -> "Fuss"; blind safety set 35: Polish "nie mam już siły" was
#: read as "si y").
_WHOLE_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
                                "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


def fold_accents(text: str) -> str:
    """`text` with every combining mark removed after NFKD decomposition, and the letters that do
    not decompose written out."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).translate(_WHOLE_LETTERS)
