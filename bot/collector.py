"""The cyclic garbage collector while a serving process starts (`run`, `chat`).

Imports and Engine.load build only what is kept (or freed by reference counts): a collection
then finds nothing and a full one costs ~70 ms on the loaded heap. So collection is paused from
the command line's start to the end of Engine.load_serving, which then freezes what was loaded
(gc.freeze: later collections never scan the models, patterns and tables) and resumes it.

Paused by a threshold of 0, not gc.disable(): libraries turn the collector back on behind our
back (srsly calls gc.enable() after every msgpack read, i.e. each spaCy model and lookup table),
and the full collections that followed cost ~0.1-0.2 s of each start. gc.enable() does not touch
the thresholds.
"""

from __future__ import annotations

import gc

_saved: tuple[int, int, int] | None = None


def pause() -> None:
    """No automatic collection until `resume` (calls nest: the first one's thresholds are kept)."""
    global _saved
    if _saved is None:
        _saved = gc.get_threshold()
    gc.set_threshold(0)


def resume(freeze: bool = False) -> None:
    """Automatic collection as before `pause`, after moving every object there is now into the
    permanent generation if `freeze`."""
    global _saved
    if freeze:
        gc.freeze()
    if _saved is not None:
        gc.set_threshold(*_saved)
        _saved = None
    gc.enable()
