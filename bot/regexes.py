"""Compiled regular expressions kept on disk between runs, like Python's own __pycache__.

The crisis screen and the clinical facts hold ~1,000 patterns. Compiling them is `re`'s pure-Python
parser and code generator: ~0.35 s of every start-up (issue 18: start-up < 2 s). `compile` here
returns exactly what `re.compile` returns, built by `re`'s own compiler the first time; the
compiler's output (its opcode list and group tables) is then kept in a cache file and the next
start hands it straight to `_sre.compile`, the same call `re` ends with. Nothing is ever guessed:

- the file is named for the interpreter (``sys.implementation.cache_tag``) and holds the exact
  Python version and `_sre.MAGIC` (the opcode table's version); any other interpreter, a
  truncated or corrupt file, or an entry that fails is ignored and compiled afresh;
- an entry's key is the pattern text and flags themselves, never a hash;
- tests compare every cached entry with a fresh compile (tests/test_regexes.py).

Where: ``$RUNNER_TRIAGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/runner-triage``
(``~/.cache/runner-triage``); ``RUNNER_TRIAGE_CACHE_DIR=off`` turns it off. The file is written
(atomically, 0600) only when a start compiled something new. If the directory cannot be written
the bot runs as before, compiling at each start.
"""

from __future__ import annotations

import logging
import marshal
import re
import sys
import threading
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.paths import cache_directory
from bot.prefilter import Alternation, Gated, key_words, needed, trie_pattern

log = logging.getLogger(__name__)

try:  # CPython's own compiler pieces (re.compile = parse + _code + _sre.compile)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _MAGIC: str | None = f"{sys.version}|{_sre.MAGIC}|gates-5"
    if not hasattr(_compiler, "_code") or not hasattr(_sre, "compile") or array("I").itemsize != _sre.CODESIZE:
        _MAGIC = None
except ImportError:  # another Python: plain re.compile
    _MAGIC = None

#: What a cached entry holds: the arguments of _sre.compile after the pattern.
#: The opcodes as bytes (array "I": _sre's 32-bit SRE_CODE), not a list of ints: read back, a list
#: is 8 bytes a pointer plus an int object per opcode (~12 MiB for the whole cache, kept for the
#: life of the process by the allocator); bytes are 4 bytes an opcode.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_lock = threading.Lock()
_loaded: dict[tuple[str, int], Entry] | None = None
_new: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()
#: The prefilter of gated patterns, kept like the code: the gate's pattern (a trie of the literals
#: bot.prefilter.needed finds) and the literals' keys (bot.prefilter.key_words), each None when
#: there are none.
GateEntry = tuple[str | None, tuple[str, ...] | None]
_gates_loaded: dict[tuple[str, int], GateEntry] | None = None
_gates_new: dict[tuple[str, int], GateEntry] = {}
_gated: list[Gated] = []  # every Gated made here, for cache_gated


def cache_path() -> Path | None:
    base = cache_directory()
    if base is None or _MAGIC is None:
        return None
    return base / f"regexes.{sys.implementation.cache_tag}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name
    """re.compile(pattern, flags), from the cache when this interpreter compiled it before."""
    if _MAGIC is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    with _lock:
        entries = _entries()
        entry = entries.get(key) or _new.get(key)
        _used.add(key)
    if entry is not None:
        try:
            return _build(pattern, entry)
        except Exception:  # noqa: BLE001 - a bad entry is compiled afresh, never trusted
            log.warning("regex cache: an entry failed; compiling it again")
    entry = _fresh(pattern, int(flags))
    with _lock:
        _new[key] = entry
    return _build(pattern, entry)


def gated(pattern: str, flags: int = 0) -> Gated:
    """The pattern behind its literal prefilter (bot.prefilter): skipped on a text that cannot
    hold a match, otherwise run as it is. The literals are read from the parse once and kept in
    the cache file with the code; the pattern is compiled (from the cache) when first needed."""
    key = (pattern, int(flags))
    with _lock:
        entry = _gate_entries().get(key) or _gates_new.get(key)
        _used.add(key)
    if entry is None:
        literals = needed(pattern, flags)
        found = key_words(literals) if literals else None
        entry = (trie_pattern(literals) if literals else None, None if found is None else tuple(sorted(found)))
        with _lock:
            _gates_new[key] = entry
    gate, keys = entry
    made = Gated(pattern, flags, gate, None if keys is None else frozenset(keys), compile)
    with _lock:
        _gated.append(made)
    return made


def cache_gated() -> int:
    """Make sure the cache holds every gated pattern made so far and its gate, compiling those it
    lacks (their code only: the patterns themselves are built from the cache when first needed,
    ~30 us each, and most never are). Engine.load calls it before saving, so no runner's turn
    ever runs re's parser; the number compiled."""
    with _lock:
        made = list(_gated)
        known = _entries().keys() | _new.keys()
    missing = {(g.pattern, int(g.flags)) for g in made} | {(g.gate_pattern, 0) for g in made if g.gate_pattern}
    missing -= known
    for pattern, flags in missing:
        entry = _fresh(pattern, flags)
        with _lock:
            _new[(pattern, flags)] = entry
    with _lock:
        _used.update((g.pattern, int(g.flags)) for g in made)
        _used.update((g.gate_pattern, 0) for g in made if g.gate_pattern)
    return len(missing)


def alternation(parts: Iterable[str]) -> Alternation:
    """``(?:p1)|(?:p2)|...`` as bot.prefilter.Alternation: only the parts a text may hold run."""
    return Alternation(gated(p) for p in parts)


def save() -> bool:
    """Write the cache if this process compiled anything new; True if written. Keeps the
    entries used by this process and those of the file (up to a bound), so that processes which
    compile only some of the patterns (tests, tools) do not throw the others away."""
    global _loaded, _gates_loaded
    path = cache_path()
    if path is None or not (_new or _gates_new):
        return False
    with _lock:
        kept = {k: v for k, v in (_loaded or {}).items()}
        if len(kept) > 4 * max(1, len(_used)):
            kept = {k: v for k, v in kept.items() if k in _used}
        kept.update(_new)
        kept_gates = dict(_gates_loaded or {})
        if len(kept_gates) > 4 * max(1, len(_used)):
            kept_gates = {k: v for k, v in kept_gates.items() if k in _used}
        kept_gates.update(_gates_new)
        data = marshal.dumps((_MAGIC, list(kept.items()), list(kept_gates.items())))
        _new.clear()
        _gates_new.clear()
        _loaded, _gates_loaded = kept, kept_gates
    from bot.store.files import atomic_write  # the store's: temp file 0600, rename

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(path, data)
    except OSError as exc:
        log.info("regex cache: not written (%s); patterns are compiled at each start", exc.strerror or exc)
        return False
    log.debug("regex cache: %d patterns written to %s", len(kept), path)
    return True


def reset() -> None:
    """Forget what was read and compiled (tests: another cache directory)."""
    global _loaded, _gates_loaded
    with _lock:
        _loaded = None
        _new.clear()
        _used.clear()
        _gates_loaded = None
        _gates_new.clear()


# -- internals ---------------------------------------------------------------------------------

def _entries() -> dict[tuple[str, int], Entry]:
    global _loaded, _gates_loaded
    if _loaded is None:
        _loaded, _gates_loaded = _read(cache_path())
    return _loaded


def _gate_entries() -> dict[tuple[str, int], GateEntry]:
    _entries()
    assert _gates_loaded is not None
    return _gates_loaded


def _read(path: Path | None) -> tuple[dict[tuple[str, int], Entry], dict[tuple[str, int], GateEntry]]:
    if path is None:
        return {}, {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}, {}
    try:
        loaded = marshal.loads(data)
        if not isinstance(loaded, tuple) or not loaded or loaded[0] != _MAGIC:
            return {}, {}  # another interpreter's or an older format's: compiled afresh, quietly
        _magic, items, gates = loaded
        return ({(str(k[0]), int(k[1])): tuple(v) for k, v in items},
                {(str(k[0]), int(k[1])): _gate_entry(v) for k, v in gates})
    except Exception:  # noqa: BLE001 - truncated, corrupt or foreign: compile afresh
        log.warning("regex cache %s unreadable; compiling the patterns again", path)
        return {}, {}


def _gate_entry(value: Any) -> GateEntry:
    gate, keys = value
    return (None if gate is None else str(gate), None if keys is None else tuple(str(x) for x in keys))


def _fresh(pattern: str, flags: int) -> Entry:
    """What re._compiler.compile computes before it calls _sre.compile (CPython 3.11)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # Plain ints: the opcodes are int subclasses (_NamedIntConstant) and the flags a RegexFlag.
    return (int(flags | p.state.flags), array("I", [int(c) for c in code]).tobytes(), int(p.state.groups - 1),
            {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    if not isinstance(code, bytes):
        raise TypeError("opcodes are not bytes")
    opcodes = array("I")
    opcodes.frombytes(code)
    compiled: Any = _sre.compile(pattern, flags, opcodes.tolist(), groups, groupindex, indexgroup)
    return compiled  # type: ignore[no-any-return]
