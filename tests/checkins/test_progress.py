"""/progress: the PNG chart and the text fallback."""

from __future__ import annotations

import struct
from typing import Any

from bot.checkins.progress import progress_text, render_chart


def entries(n: int) -> list[dict[str, Any]]:
    return [{"week": f"2026-W{40 + i}", "at": "2026-10-01T09:00:00+00:00", "pain": i % 5, "location": ["knee"],
             "pattern": "fades", "distance_km": 20.0 + 3 * i, "longest_km": 8.0 + i} for i in range(n)]


def test_chart_is_a_phone_sized_png() -> None:
    png = render_chart(entries(8), "km")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert (width, height) == (1000, 700)
    assert 10_000 < len(png) < 1_000_000


def test_chart_in_miles_and_with_a_missing_answer() -> None:
    data = entries(3)
    data[1]["pain"] = None
    data[2]["distance_km"] = None
    assert render_chart(data, "mi")[:4] == b"\x89PNG"


def test_text_summary_for_fewer_than_two_checkins() -> None:
    assert "No check-ins yet" in progress_text([], "km")
    one = progress_text(entries(1), "mi")
    assert "week of 28 Sep" in one and "12.4 mi" in one and "next check-in" in one
    assert "W40" not in one
    assert "next check-in" not in progress_text(entries(2), "km")
