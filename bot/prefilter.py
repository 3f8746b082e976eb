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
from collections.abc import Callable, Iterable, Iterator
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


#: Flags under which \b and \w are not the gate's (Unicode): such a part says nothing.
_OTHER_WORDS = re.ASCII | re.LOCALE
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
        if add_flags & (c.SRE_FLAG_IGNORECASE | _OTHER_WORDS):
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
            if not add_flags & _OTHER_WORDS:
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
    if parsed.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE):
        return None  # other case rules, or another \w than the gate's (str patterns: Unicode)
    found = _need(parsed, False)
    if not found or min(_score(x) for x in found) < MIN_SCORE:
        return None
    # \b\b is \b: one edge mark, so that the gate's rewriting of a first edge sees a character after it
    return tuple(sorted({re.sub(WORD_EDGE + "+", WORD_EDGE, x) for x in found}))


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


_WORD = re.compile(r"\w+")


def key_words(literals: Iterable[str]) -> frozenset[str] | None:
    """For each literal one key the text must hold wherever the literal is (text_keys): a word it
    holds as a whole token (one with a non-word character or a word edge on both sides inside the
    literal), else three letters inside one of its tokens ("ibuprofen" is in "ibuprofens").
    None if some literal has neither (then only the gate's own search can tell)."""
    keys = set()
    for literal in literals:
        spaced = literal.replace(WORD_EDGE, " ")
        runs = list(_WORD.finditer(spaced))
        whole = [m.group(0) for m in runs if m.start() > 0 and m.end() < len(spaced)]
        rare = [w for w in whole if w not in _COMMON]
        if rare:
            keys.add(max(rare, key=len))
            continue
        fragments = sorted((m.group(0) for m in runs if len(m.group(0)) >= 3 and m.group(0) not in _COMMON),
                           key=len, reverse=True)
        if fragments:
            keys.add(_GRAM + fragments[0][len(fragments[0]) // 2 - 1:][:3])  # the middle three letters
        elif whole:
            keys.add(max(whole, key=len))
        else:
            return None
    return frozenset(keys)


_GRAM = "\x00"  # a key of three letters inside a token, not a whole one


def text_keys(text: str) -> set[str]:
    """The keys a text holds: its words, and every three letters inside each of them."""
    words = set(_WORD.findall(text))
    keys = set(words)
    for w in words:
        if len(w) >= 3:
            keys.update(_GRAM + w[i:i + 3] for i in range(len(w) - 2))
    return keys


class Gated:
    """A pattern behind its prefilter: `finditer` as the pattern's own, skipped (no match) when
    the text holds none of the literals. `keys` (key_words) place it in a GateSet's
    index. The pattern and its gate are compiled when first needed (most never are, in a run)."""

    __slots__ = ("pattern", "flags", "gate_pattern", "keys", "_compile", "_rx", "_gate")

    def __init__(self, pattern: str, flags: int = 0, gate_pattern: str | None = None,
                 keys: frozenset[str] | None = None,
                 compile: Callable[[str, int], re.Pattern[str]] = re.compile) -> None:  # noqa: A002
        self.pattern = pattern
        self.flags = flags
        self.gate_pattern = gate_pattern  # trie_pattern(literals); None: no gate
        self.keys = keys if gate_pattern is not None else None
        self._compile = compile
        self._rx: re.Pattern[str] | None = None
        self._gate: re.Pattern[str] | None = None

    @classmethod
    def of(cls, pattern: str, flags: int = 0) -> Gated:
        """Straight from the pattern (bot.regexes.gated keeps the gate between runs)."""
        literals = needed(pattern, flags)
        if not literals:
            return cls(pattern, flags)
        return cls(pattern, flags, trie_pattern(literals), key_words(literals))

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = self._compile(self.pattern, self.flags)
        return self._rx

    @property
    def gate(self) -> re.Pattern[str] | None:
        if self._gate is None and self.gate_pattern is not None:
            self._gate = self._compile(self.gate_pattern, 0)
        return self._gate

    def may_match(self, text: str) -> bool:
        gate = self.gate
        return gate is None or gate.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.may_match(text):
            return iter(())
        return self.rx.finditer(text)

    def __repr__(self) -> str:
        return f"Gated({self.pattern[:40]!r}..., gate={(self.gate_pattern or '')[:40]!r})"


class Alternation:
    """``(?:p1)|(?:p2)|...`` without running the parts that cannot match: `finditer` yields
    exactly the matches (spans and text) of the whole alternation, found with only the parts the
    text may hold. At each position `re` takes the first part (in order) that matches there;
    a part that cannot match anywhere in the text cannot be that part, so leaving it out changes
    nothing. With one part left it is that part's own search; with several, the leftmost of the
    parts' next matches, the earlier part on a tie, and on from its end, as `re` does. (Group
    numbers differ from the whole pattern's: callers use spans and text only.)"""

    __slots__ = ("parts", "pattern", "_whole", "_members")

    def __init__(self, parts: Iterable[Gated]) -> None:
        self.parts = tuple(parts)
        self.pattern = "|".join(f"(?:{p.pattern})" for p in self.parts)
        self._whole: re.Pattern[str] | None = None
        self._members = frozenset(self.parts)  # most texts hold none of them: one set operation says so

    def finditer(self, text: str, live: set[Gated] | None = None) -> Iterator[re.Match[str]]:
        """`live`: the parts that may match `text` (GateSet.live over them), else each part's gate."""
        if live is None:
            parts = [p for p in self.parts if p.may_match(text)]
        elif live.isdisjoint(self._members):
            return iter(())
        else:
            parts = [p for p in self.parts if p in live]
        if not parts:
            return iter(())
        if len(parts) == 1:
            return parts[0].rx.finditer(text)
        found = self._leftmost(parts, text)
        if found is None:  # an empty match: re's rules for those are its own; ask it
            if self._whole is None:
                self._whole = re.compile(self.pattern)
            return self._whole.finditer(text)
        return iter(found)

    @staticmethod
    def _leftmost(parts: list[Gated], text: str) -> list[re.Match[str]] | None:
        nexts: list[re.Match[str] | None] = [p.rx.search(text) for p in parts]
        out: list[re.Match[str]] = []
        while True:
            best: re.Match[str] | None = None
            for m in nexts:
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return out
            if best.end() == best.start():
                return None
            out.append(best)
            pos = best.end()
            for i, m in enumerate(nexts):
                if m is not None and m.start() < pos:  # overlapped by the match: search on from its end
                    nexts[i] = parts[i].rx.search(text, pos)

    def __repr__(self) -> str:
        return f"Alternation({len(self.parts)} parts)"


class GateSet:
    """Many gated patterns run over the same text: which of them may match it, found with one
    pass over the text's words (an index from key words to patterns) and then each candidate's
    own gate, instead of every pattern's gate."""

    def __init__(self, patterns: Iterable[Gated]) -> None:
        self.members = tuple(dict.fromkeys(patterns))
        self._index: dict[str, list[Gated]] = {}
        self._rest: list[Gated] = []  # no key words: their gate (or nothing) decides
        for g in self.members:
            if g.keys is None:
                self._rest.append(g)
                continue
            for word in g.keys:
                self._index.setdefault(word, []).append(g)

    def live(self, text: str) -> set[Gated]:
        """The patterns that may match `text` (a superset of those that do)."""
        index = self._index
        candidates: set[Gated] = set()
        for key in text_keys(text):
            found = index.get(key)
            if found:
                candidates.update(found)
        out = {g for g in candidates if g.may_match(text)}
        out.update(g for g in self._rest if g.may_match(text))
        return out
