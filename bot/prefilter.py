"""Skip a large regular expression when the text cannot hold a match: a literal prefilter.

The crisis screen runs ~50 alternations of a few hundred phrases each over every message, and the
clinical reader one per fact (issue 18: they are most of a long message's turn). `re` tries every
alternative at every position of the text, so a long runner's message about their calf costs
~1.5 ms of patterns that mostly cannot match it. This is the prefilter that regex engines built
for many patterns use (Hyperscan's and RE2's FilteredRE2 "atoms"): from the parsed pattern, a set
of literal strings at least one of which appears in every possible match. A text holding none of
them cannot match, so the pattern is not run; otherwise it runs exactly as before (the result is
always the pattern's own).

RE2's FilteredRE2 (the google-re2 package) would compute these atoms, but it cannot parse our
patterns (look-arounds); so the atoms are read here from `re`'s own parse tree
(`re._parser`, the same parser `re.compile` uses). Soundness, by construction:

- a literal run is only extended across zero-width items (\\b, look-arounds), which consume
  nothing, so the run is contiguous in every match;
- a group, a repeat with a minimum of at least one, or an alternation whose every branch has a
  set, contributes a set (an alternation: the union of its branches' sets); anything else
  (classes, optional parts, back-references, case-insensitive parts) contributes nothing;
- a sequence's set is one of its items' sets: every match of the sequence matches each item.

`tests/test_prefilter.py` checks the construction on crafted patterns and, for every shipped
pattern, that the gated search finds exactly what the pattern finds on every text in the repo's
conversations and evaluation sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

try:
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # another Python: no prefilter (every pattern runs)
    _parser = None

#: A gate is worth checking only if its rarest choice is at least this long.
MIN_SCORE = 2
#: Words that say little on their own: a gate made of them would let almost every text through.
_COMMON = frozenset("""
a an the and or but so to of in on at for with from by as is am are was were be been being it its it's
i i'm im i've i'd i'll me my myself you your he she they them his her their we us our this that
have has had having do does did doing done don't dont not no yes just like really very too
can can't cant could would will won't should get got go going gonna want wanna feel feeling felt
think know all any some more much about up out off now then when if what how there here one
down take took taking better gone sleep back last again still time day days run running after before
over even need help keep make made way good bad right left done
""".split()) - {"myself"}


#: The most strings one exact set may hold (a cross product is cut there).
LIMIT = 64
#: \b inside a literal (zero-width; the gate asserts it at the same place).
WORD_EDGE = "\x00"


def _score(literal: str) -> int:
    """How rare a literal is likely to be: its length; a common word alone counts as nothing and
    a phrase of common words as a third of its length."""
    words = re.findall(r"[\w']+", literal)
    if not words:
        return 0
    text = literal.replace(WORD_EDGE, "").strip()
    if all(w in _COMMON for w in words):
        return len(text) // 3 if len(words) > 1 else 0
    if literal.startswith(WORD_EDGE) and literal.endswith(WORD_EDGE):
        return max(len(text), MIN_SCORE)  # a whole word ("sh", "od"): rare even if short
    return len(text)


def _quality(strings: frozenset[str]) -> tuple[int, int]:
    return min(_score(x) for x in strings), -len(strings)


def _exact(op: Any, av: Any, ignorecase: bool) -> frozenset[str] | None:
    """Every string the item can match, when they are few and known; None otherwise."""
    c = _c
    if op is c.AT and av is c.AT_BOUNDARY:
        return frozenset([WORD_EDGE])  # kept: the gate checks it where the pattern does
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset([""])  # zero-width: matches the empty string
    if ignorecase:
        return None
    if op is c.LITERAL:
        return frozenset([chr(av)])
    if op is c.IN:
        if all(o is c.LITERAL for o, _ in av):
            return frozenset(chr(v) for _, v in av)
        return None
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, p = av
        if add_flags & c.SRE_FLAG_IGNORECASE:
            return None
        return _exact_seq(p, ignorecase)
    if op is c.BRANCH:
        out: set[str] = set()
        for b in av[1]:
            e = _exact_seq(b, ignorecase)
            if e is None:
                return None
            out |= e
            if len(out) > LIMIT:
                return None
        return frozenset(out)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 1:
        low, _high, p = av
        e = _exact_seq(p, ignorecase)
        if e is None:
            return None
        return e | {""} if low == 0 else e
    return None


def _exact_seq(items: Any, ignorecase: bool) -> frozenset[str] | None:
    out = frozenset([""])
    for op, av in items:
        e = _exact(op, av, ignorecase)
        if e is None:
            return None
        out = frozenset(a + b for a in out for b in e)
        if len(out) > LIMIT:
            return None
    return out


def _trim(literal: str) -> str:
    """Without word edges that stand alone at either end of nothing ("\\b" alone is no literal)."""
    return "" if not literal.replace(WORD_EDGE, "") else literal


def _need(items: Any, ignorecase: bool) -> frozenset[str] | None:
    """A set of literals one of which is in every match of the sequence `items`; None if none
    can be said. Consecutive items whose strings are known make one candidate (their cross
    product: every match holds one of them, contiguous); any other item with a set of its own
    is a candidate too; the rarest candidate wins."""
    c = _c
    candidates: list[frozenset[str]] = []
    run = frozenset([""])

    def flush(current: frozenset[str]) -> None:
        current = frozenset(_trim(x) for x in current)
        if current != frozenset([""]):
            candidates.append(current)

    for op, av in items:
        e = _exact(op, av, ignorecase)
        if e is not None:
            product = frozenset(a + b for a in run for b in e)
            if len(product) <= LIMIT:
                run = product
            else:
                flush(run)
                run = e
            continue
        flush(run)
        run = frozenset([""])
        sub: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, p = av
            sub = _need(p, ignorecase or bool(add_flags & c.SRE_FLAG_IGNORECASE))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            sub = _need(av, ignorecase)
        elif op is c.BRANCH:
            parts = [_need(b, ignorecase) for b in av[1]]
            if parts and all(p is not None for p in parts):
                sub = frozenset().union(*parts)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _high, p = av
            if low >= 1:
                sub = _need(p, ignorecase)
        if sub and "" not in sub:
            candidates.append(sub)
    flush(run)
    candidates = [x for x in candidates if "" not in x]
    return max(candidates, key=_quality) if candidates else None


def needed(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals one of which appears in every match of `pattern`, sorted; None when no useful
    set exists (then the pattern always runs)."""
    if _parser is None:
        return None
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _need(parsed, False)
    if not found or min(_score(x) for x in found) < MIN_SCORE:
        return None
    return tuple(sorted(found))


_AFTER_NON_WORD = "\x01"  # the character before the one just read is not a word character
_AFTER_WORD = "\x02"
_EMIT = {WORD_EDGE: r"\b", _AFTER_NON_WORD: r"(?<!\w[\s\S])", _AFTER_WORD: r"(?<=\w[\s\S])"}


def trie_pattern(literals: Iterable[str]) -> str:
    """One regular expression that finds any of `literals`, as a trie (`re` tries alternatives
    one by one; a trie tries one character per level)."""
    trie: dict[str, Any] = {}
    for word in literals:
        if word.startswith(WORD_EDGE) and len(word) > 1:
            # \b first would stop `re` from skipping to the positions where a literal can start;
            # the same test made after the first character: the character before it is (not) one
            # of a word.
            word = word[1] + (_AFTER_NON_WORD if re.match(r"\w", word[1]) else _AFTER_WORD) + word[2:]
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:  # a literal ends here: any longer one holds it ("kill" finds "killing")
            return ""
        parts = [(_EMIT.get(ch) or re.escape(ch)) + emit(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(trie)


class Gated:
    """A compiled pattern behind its prefilter: `finditer`, `search` and `sub` as the pattern's
    own, skipped (no match) when the text holds none of the literals."""

    __slots__ = ("rx", "gate", "pattern", "flags")

    def __init__(self, rx: re.Pattern[str], gate: re.Pattern[str] | None) -> None:
        self.rx = rx
        self.gate = gate
        self.pattern = rx.pattern
        self.flags = rx.flags

    def may_match(self, text: str) -> bool:
        return self.gate is None or self.gate.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.gate is not None and self.gate.search(text) is None:
            return iter(())
        return self.rx.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        if self.gate is not None and self.gate.search(text) is None:
            return None
        return self.rx.search(text)

    def __repr__(self) -> str:
        return f"Gated({self.rx.pattern[:40]!r}..., gate={'none' if self.gate is None else self.gate.pattern[:40]!r})"
