"""Noticing how a runner feels ("so frustrating", "the PT I saw last year didn't help").

The cues and lines are content (knowledge/feelings.yml); this module only finds them. Matching is
on the raw text, not lemmas: lemmatising drops "n't", and "didn't help" must not match "did help".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.knowledge.loader import FeelingKind
from bot.knowledge.model import Feeling

_NEGATION = re.compile(r"(?:\b(?:not|never|no|dont|didnt|doesnt|isnt|wasnt|arent|aint|cant|wont)|n't)\s+(?:\w+\s+)?$")
_IRREGULAR = {"can't": ("cannot", "can not"), "won't": ("will not",), "don't": ("do not",)}


def _variants(cue: str) -> set[str]:
    """'didn't help' -> {"didn't help", "didnt help", "did not help"}."""
    cue = " ".join(cue.lower().replace("\u2019", "'").split())
    out = {cue}
    for word in cue.split():
        if word.endswith("n't"):
            spelled = _IRREGULAR.get(word, (word[:-3] + " not",))
            for variant in list(out):
                out.add(variant.replace(word, word.replace("'", "")))
                for s in spelled:
                    out.add(variant.replace(word, s))
    return out


class FeelingDetector:
    """The first feeling kind (in file order) whose cue occurs in a message."""

    def __init__(self, kinds: Mapping[str, FeelingKind]) -> None:
        self._kinds: list[tuple[str, str, re.Pattern[str], frozenset[str]]] = []
        for name, kind in kinds.items():
            variants = sorted({v for cue in kind.cues for v in _variants(cue)}, key=len, reverse=True)
            alternation = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants)
            single = frozenset(v for v in variants if " " not in v)
            self._kinds.append((name, kind.line, re.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])"), single))

    def detect(self, text: str) -> Feeling | None:
        lower = " ".join(text.lower().replace("\u2019", "'").split())
        for name, line, pattern, single in self._kinds:
            for match in pattern.finditer(lower):
                # "I'm not worried" is not worry; phrases carry their own sense ("didn't help").
                if match.group(0) in single and _NEGATION.search(lower[: match.start()]):
                    continue
                return Feeling(name, line)
        return None
