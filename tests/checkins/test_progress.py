"""/progress: the PNG chart (what it shows, as numbers, and that it is a phone-sized PNG) and the
text fallback, with dates as runners say them."""

from __future__ import annotations

import math
import struct
from typing import Any

import pytest

from bot.checkins.progress import chart_data, entry_line, progress_text, render_chart


def entries(n: int, first_week: int = 40) -> list[dict[str, Any]]:
    return [{"week": f"2026-W{first_week + i}", "at": "2026-10-01T09:00:00+00:00", "pain": i % 5,
             "location": ["knee"], "pattern": "fades", "distance_km": 20.0 + 3 * i, "longest_km": 8.0 + i,
             "findings": []} for i in range(n)]


def test_chart_is_a_phone_sized_png() -> None:
    png = render_chart(entries(8), "km")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert (width, height) == (1080, 1350)  # portrait, like the screen it is read on
    assert 10_000 < len(png) < 1_000_000


def test_chart_in_miles_with_a_missing_answer_a_gap_and_one_week() -> None:
    data = entries(3)
    data[1]["pain"] = None
    data[2]["distance_km"] = None
    data[2]["week"] = "2026-W45"
    assert render_chart(data, "mi")[:4] == b"\x89PNG"
    assert render_chart(entries(1), "km")[:4] == b"\x89PNG"
    assert render_chart([], "km")[:4] == b"\x89PNG"


def test_weeks_are_labelled_with_dates_never_week_codes() -> None:
    data = chart_data(entries(3, first_week=48), "km")
    assert data["labels"] == ["23 Nov\n2026", "30 Nov", "7 Dec"]
    across = chart_data([{"week": "2026-W53", "distance_km": 10.0}, {"week": "2027-W01", "distance_km": 12.0}], "km")
    assert across["labels"] == ["28 Dec\n2026", "4 Jan\n2027"]  # the year where it changes
    assert not any("W" in label for label in data["labels"] + across["labels"])


def test_a_week_without_a_check_in_is_a_gap_and_a_week_without_running_is_zero() -> None:
    data = [{"week": "2026-W40", "distance_km": 20.0, "longest_km": 8.0, "pain": 1},
            {"week": "2026-W42", "distance_km": 0.0, "longest_km": 0.0, "pain": 2}]
    shown = chart_data(data, "km")
    assert len(shown["weeks"]) == 3
    assert math.isnan(shown["distance"][1]) and math.isnan(shown["pain"][1])
    assert shown["distance"][2] == 0.0


def test_longest_run_band_and_warnings_are_in_the_chart() -> None:
    data = entries(6)
    data[4]["findings"] = ["load-week"]
    data[5]["findings"] = ["pain-pattern"]
    shown = chart_data(data, "mi")
    assert shown["longest"][0] == pytest.approx(8.0 / 1.609344)
    assert shown["band"][:2] == [None, None]  # two earlier weeks needed, as in the load-week rule
    low, high = shown["band"][4]
    assert low == pytest.approx((20 + 23 + 26 + 29) / 4 / 1.609344) and high == pytest.approx(low * 1.3)
    assert shown["load_warned"] == [False] * 4 + [True, False]
    assert shown["pain_warned"] == [False] * 5 + [True]


def test_only_the_last_26_weeks_are_drawn() -> None:
    long = [{"week": f"2026-W{w:02d}", "distance_km": 10.0, "pain": 1} for w in range(1, 41)]
    assert len(chart_data(long, "km")["weeks"]) == 26


def test_text_summary_says_dates_and_marks_warnings() -> None:
    assert "No check-ins yet" in progress_text([], "km")
    one = progress_text(entries(1), "mi")
    assert "week of 28 Sep" in one and "12.4 mi" in one and "next check-in" in one
    assert "2026-W" not in one
    assert "next check-in" not in progress_text(entries(2), "km")
    warned = entries(2)
    warned[1]["findings"] = ["load-week", "pain-rising"]
    assert "(pain flagged, load warning)" in progress_text(warned, "km")
    assert entry_line(entries(1)[0], "km") == "week of 28 Sep: pain 0/10, 20 km in the week, longest run 8 km"
