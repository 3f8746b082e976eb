"""The literal prefilter (bot.prefilter): a pattern is skipped only on a text that cannot hold a
match, so what the screen and the clinical reader find is exactly what the patterns find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bot import prefilter, regexes
from bot.clinical import decisions
from bot.clinical.rules import default_rules
from bot.clinical.text import _scan_gates, _scan_plan, normalise as clinical_normalise
from bot.safety import crisis
from tests.corpus import corpus

ROOT = Path(__file__).resolve().parents[1]


def gate_of(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    literals = prefilter.needed(pattern, flags)
    return re.compile(prefilter.trie_pattern(literals)) if literals else None


def sound(pattern: str, texts: list[str]) -> None:
    rx, gate = re.compile(pattern), gate_of(pattern)
    for text in texts:
        if rx.search(text) is not None:
            assert gate is None or gate.search(text) is not None, (pattern, text, gate and gate.pattern)


@pytest.mark.parametrize(("pattern", "matching", "other"), [
    (r"\bkill(?:ing)? myself\b", ["i want to kill myself", "killing myself"], "my calf hurts"),
    (r"\b(?:very |so )?hopeless\b", ["so hopeless", "hopeless"], "hope so"),
    (r"(?:abc)*xyz", ["xyz", "abcxyz"], "abc"),
    (r"[ab]cdef", ["acdef", "bcdef"], "cdef"),
    (r"kill(?! time)myself", ["killmyself"], "kill myself"),
    (r"\bsh\b", ["sh", "i sh again", "(sh)"], "push she shin"),
    (r"x\b-harm", ["x-harm"], "harm"),
    (r"\bdon'?t want to (?:live|be here)\b", ["dont want to live", "don't want to be here"], "don't want to run"),
    (r"(?:suicide|\boverdose\b)", ["suicide", "an overdose"], "overdosed"),
])
def test_a_gate_lets_every_match_through_and_stops_texts_without_its_words(pattern: str, matching: list[str],
                                                                          other: str) -> None:
    gate = gate_of(pattern)
    assert gate is not None, pattern
    for text in matching:
        assert re.search(pattern, text), text
        assert gate.search(text), (text, gate.pattern)
    assert not re.search(pattern, other)
    assert gate.search(other) is None, (other, gate.pattern)


@pytest.mark.parametrize("pattern", [
    r"foo|\d+",  # a branch with no literal: every text may match
    r"(?i)suicide",  # case-insensitive literals are not compared
    r"(?a)\bcafé\b",  # another \b than the gate's
    r"(?a:\bxyz\b)",  # the same in a group
    r"(?:kill)?",  # may match nothing
    r"\b(?:i|me)\b",  # only common words: the gate would pass every text
    r"\w+\d",  # no literal at all
])
def test_no_gate_where_nothing_useful_can_be_said(pattern: str) -> None:
    assert prefilter.needed(pattern) is None


def test_random_patterns_are_never_skipped_on_a_text_they_match() -> None:
    """Soundness on patterns built at random from the constructs the shipped ones use (bounded
    repeats only: nested unbounded ones backtrack for minutes on some texts, in `re` itself)."""
    rng = random.Random(18)
    alphabet = "ab x-'"

    def lit() -> str:
        return "".join(rng.choice("abx") for _ in range(rng.randint(1, 4)))

    def piece(depth: int) -> str:
        kind = rng.randrange(11 if depth < 3 else 6)
        if kind <= 1:
            return re.escape(lit())
        if kind == 2:
            return r"\b"
        if kind == 3:
            return rng.choice([" ", "-", "'", r"\s", r"\s{1,2}", "[ab]", "[^x]", ".", r"\w"])
        if kind == 4:
            return rng.choice(["(?=a)", "(?!b)", "(?<=x)", "(?<!a)", r"\B", "^", "$"])
        if kind == 5:
            return re.escape(lit()) + rng.choice(["?", "{0,2}", "{1,2}", "{1,3}", "??"])
        if kind in (6, 7):
            return "(?:" + "|".join(seq(depth + 1) for _ in range(rng.randint(1, 4))) + ")" + rng.choice(["", "", "?", "{1,2}", "{0,2}"])
        if kind == 8:
            return "(" + seq(depth + 1) + ")"
        if kind == 9:
            return "(?:" + seq(depth + 1) + "){1,2}"
        return "(?:" + seq(depth + 1) + ")?"

    def seq(depth: int) -> str:
        return "".join(piece(depth) for _ in range(rng.randint(1, 4)))

    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(400)]
    gated = 0
    for _ in range(1500):
        pattern = seq(0)
        try:
            re.compile(pattern)
        except re.error:
            continue
        rx = re.compile(pattern)
        literals = prefilter.needed(pattern)
        if literals is None:
            continue
        gated += 1
        gate = re.compile(prefilter.trie_pattern(literals))
        keys = prefilter.key_words(literals)
        for text in texts + [m.group(0) for m in (rx.search(t) for t in texts) if m]:
            if rx.search(text) is not None:
                assert gate.search(text) is not None, (pattern, text, literals)
                if keys is not None:  # GateSet's index: the text holds one of the keys
                    assert keys & prefilter.text_keys(text), (pattern, text, keys)
    assert gated > 200  # the test saw many gates, not only patterns without one


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = corpus()
    assert len(out) > 3000
    return out


def shipped_alternations() -> list[prefilter.Alternation]:
    c = crisis._compiled()
    out = [a for _, _, a in c.signals] + [c.legacy_statements, c.legacy_ambiguous] + [a for _, a in c.feelings]
    for _, yes, no in _scan_plan(default_rules()):
        out += [p.rx for p in yes + no if isinstance(p.rx, prefilter.Alternation)]
    out += list(decisions._data()["_compiled"].values())
    return out


def shipped_gates() -> list[prefilter.Gated]:
    out = [p for a in shipped_alternations() for p in a.parts] + list(crisis._compiled().blank)
    for _, yes, no in _scan_plan(default_rules()):
        out += [p.rx for p in yes + no if isinstance(p.rx, prefilter.Gated)]
    return out


@pytest.mark.parametrize("every", [
    pytest.param(13, id="a sample"),
    # Every gate against every text of the repo: the work grows with the corpus (each new blind set
    # and conversation) and the patterns; on a busy 2-core machine it passed 300 s (fourteenth
    # session). A hang guard, not a speed target: 20 minutes.
    pytest.param(1, id="every text", marks=[pytest.mark.slow, pytest.mark.timeout(1200)]),
])
def test_shipped_patterns_find_exactly_what_they_found_before(texts: list[str], every: int) -> None:
    """On the repo's texts, as the screen and the clinical reader see them: a gated pattern is
    skipped only where the pattern itself finds nothing (so its matches are its own)."""
    texts = texts[::every]
    gates = shipped_gates()
    assert sum(g.gate is not None for g in gates) > 0.8 * len(gates)  # most patterns have a gate
    assert sum(g.keys is not None for g in gates) > 0.5 * len(gates)  # and most of those key words
    c = crisis._compiled()
    sets = [c.signal_gates, c.blank_gates, c.feeling_gates, _scan_gates(default_rules()), decisions._data()["_gates"]]
    seen = [crisis.normalise(t) for t in texts] + [clinical_normalise(t) for t in texts]
    in_sets = {g for s in sets for g in s.members}
    skipped = 0
    for text in seen:
        live = set().union(*(s.live(text) for s in sets))
        for g in gates:
            if g.may_match(text) and (g in live or g not in in_sets):
                continue
            skipped += 1
            assert g.rx.search(text) is None, (g.pattern[:80], text)
    assert skipped > 0.5 * len(gates) * len(seen)  # and it skips most of the work


@pytest.mark.parametrize("every", [
    pytest.param(29, id="a sample"),
    pytest.param(1, id="every text", marks=[pytest.mark.slow, pytest.mark.timeout(1200)]),  # as above
])
def test_shipped_alternations_find_what_the_whole_pattern_finds(texts: list[str], every: int) -> None:
    """Run with only the parts a text may hold, each alternation finds exactly what the whole
    ``(?:p1)|(?:p2)|...`` finds: the same spans, in order."""
    c = crisis._compiled()
    sets = [c.signal_gates, c.feeling_gates, _scan_gates(default_rules()), decisions._data()["_gates"]]
    alternations = [(a, re.compile(a.pattern)) for a in shipped_alternations() if a.parts]
    assert len(alternations) > 150
    in_sets = {g for s in sets for g in s.members}
    found = 0
    for text in [crisis.normalise(t) for t in texts[::every]] + [clinical_normalise(t) for t in texts[::every]]:
        live = set().union(*(s.live(text) for s in sets))
        for alt, whole in alternations:
            expected = [m.span() for m in whole.finditer(text)]
            if in_sets.issuperset(alt.parts):  # as the screen and the reader run it
                assert [m.span() for m in alt.finditer(text, live)] == expected, (alt.pattern[:80], text)
            assert [m.span() for m in alt.finditer(text)] == expected, (alt.pattern[:80], text)
            found += len(expected)
    assert found > 100


def test_an_alternation_of_random_parts_finds_what_the_whole_finds() -> None:
    """Ties at one position go to the earlier part, overlapping matches to the leftmost, empty
    matches to re itself: on random parts and texts, the same spans as the whole pattern."""
    rng = random.Random(42)

    def part() -> str:
        body = "".join(rng.choice(["a", "b", "ab", "ba", " ", r"\b", "x?", "[ab]", "a{1,2}", "(?!b)", "(?<=a)"])
                       for _ in range(rng.randint(1, 4)))
        return body

    texts = ["".join(rng.choice("ab x") for _ in range(rng.randint(0, 16))) for _ in range(200)]
    checked = 0
    for _ in range(400):
        parts = [part() for _ in range(rng.randint(2, 6))]
        alt = prefilter.Alternation(prefilter.Gated.of(p) for p in parts)
        whole = re.compile(alt.pattern)
        for text in texts:
            assert [m.span() for m in alt.finditer(text)] == [m.span() for m in whole.finditer(text)], (parts, text)
            checked += 1
    assert checked == 80_000


def test_gates_are_kept_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNNER_TRIAGE_CACHE_DIR", str(tmp_path / "cache"))
    regexes.reset()
    try:
        pattern = r"\b(?:took|swallowed) (?:all|a bunch) of (?:my )?pills\b"
        first = regexes.gated(pattern)
        assert first.gate is not None
        assert regexes.save()
        regexes.reset()
        calls: list[str] = []
        monkeypatch.setattr(regexes, "needed", lambda p, f=0: calls.append(p))  # must not be asked again
        again = regexes.gated(pattern)
        assert calls == []
        assert again.gate == first.gate and again.rx == first.rx
        assert list(again.finditer("i took all of my pills")) and not list(again.finditer("took a gel at mile 8"))
    finally:
        regexes.reset()


PROBE = """
from bot import regexes
from bot.engine import Engine

def parse(*args):
    raise AssertionError(f"parsed again: {args[0][:60]!r}")

regexes._fresh = parse  # from here on, a pattern missing from the cache fails
Engine.load()
for g in regexes._gated:
    g.rx, g.gate
print(len(regexes._gated))
"""


def test_after_one_load_every_part_and_gate_comes_from_the_cache(tmp_path: Path) -> None:
    """Engine.load leaves every gated pattern and its gate in the cache (regexes.cache_gated), so
    a later process builds them from it when first needed and never runs re's parser mid-turn;
    and the next start compiles nothing at all, even with another string hash seed (a pattern
    joined from a set in set order was compiled, and the cache rewritten, at every start)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "RUNNER_TRIAGE_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", "from bot.engine import Engine; Engine.load()"],
                   env={**env, "PYTHONHASHSEED": "1"}, check=True, capture_output=True, timeout=120)
    out = subprocess.run([sys.executable, "-c", PROBE], env={**env, "PYTHONHASHSEED": "2"}, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.split()[-1]) > 1000


def test_the_clinical_reader_scans_only_entries_that_may_match(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """read_mentions scans only the plan entries holding a live pattern: the same mentions, in
    the same order, as scanning every entry."""
    from bot.clinical import text as clinical_text

    rules = default_rules()
    sample = [clinical_normalise(t) for t in texts[::7]]
    skipping = [clinical_text.read_mentions(n, rules) for n in sample]
    every = tuple(range(len(clinical_text._scan_plan(rules))))
    monkeypatch.setattr(clinical_text, "_scan_entries", lambda r: ({}, every))
    assert [clinical_text.read_mentions(n, rules) for n in sample] == skipping
    assert sum(len(m) for m, _ in skipping) > 300
