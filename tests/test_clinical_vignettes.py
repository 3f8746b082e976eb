"""The development vignettes (tests/data/vignettes_dev.yml) through the clinical rules alone.

Written by the rules' author and tuned on: a regression test, not an estimate (docs/triage.md).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from bot.evals.driver import load_cases
from bot.evals.vignettes import FACT_KEYS, SLOT_ANSWERS, evaluate

DEV = Path(__file__).parent / "data" / "vignettes_dev.yml"


def test_the_dev_set_covers_every_row_with_phrasings_and_traps() -> None:
    cases = load_cases(DEV)
    assert len(cases) >= 150
    real = Counter(c["condition"] for c in cases if not c["trap"] and c["expect"] in ("emergency", "urgent"))
    traps = Counter(c["condition"] for c in cases if c["trap"])
    rows = ["cardiac_chest", "cardiac_palpitations", "exertional_syncope", "breathless_rest", "heat_stroke",
            "hyponatraemia", "rhabdomyolysis", "cauda_equina", "dvt", "fracture_ottawa", "stress_fracture",
            "femoral_neck", "reds", "neuro", "compartment", "achilles_rupture", "knee_pop", "deformity",
            "stroke", "septic_joint"]
    for row in rows:
        assert real[row] >= 3 and traps[row] >= 2, (row, real[row], traps[row])
    for c in cases:
        assert set(c.get("facts") or {}) <= set(FACT_KEYS), c["id"]
        assert set(c.get("answers") or {}) <= set(SLOT_ANSWERS.values()), c["id"]


def test_targets_on_the_dev_set() -> None:
    counts, misses = asyncio.run(evaluate(load_cases(DEV), rules_only=True))
    assert counts["exact"] / counts["n"] >= 0.97, misses
    assert counts["serious:under"] == 0, misses
    assert counts["ordinary:emergency"] == 0, misses


@pytest.mark.slow
def test_the_engine_matches_the_rules_on_the_dev_set() -> None:
    """The same vignettes end to end, as a runner sees them (the screens, the forms, the questions):
    the engine should reach what the rules alone reach."""
    cases = load_cases(DEV)
    engine, _ = asyncio.run(evaluate(cases, rules_only=False))
    rules, _ = asyncio.run(evaluate(cases, rules_only=True))
    assert engine["exact"] == rules["exact"] and engine["serious:under"] == rules["serious:under"] == 0
    assert engine["ordinary:emergency"] == 0
