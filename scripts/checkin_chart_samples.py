"""Render sample /progress charts to look at (issue 17: "look at the PNG before calling it done").

    python scripts/checkin_chart_samples.py [OUT_DIR]     # default: /tmp/checkin-charts

Writes half_year_km.png, half_year_mi.png (26 weeks with a missed week, a rest week, load
warnings and pain advice), two_weeks.png (the first chart a runner gets) and new_year.png (a
span across the new year), plus phone.png: half_year_mi.png scaled to 390 px wide, about what a
phone shows in the chat before the runner taps it.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.checkins.progress import render_chart
from bot.checkins.rules import evaluate


def weeks(distance: list[float], pain: list[float], longest: list[float], start: date,
          missed: tuple[int, ...] = ()) -> list[dict[str, Any]]:
    """Check-in entries as the action stores them, each with the findings the rules gave it."""
    out: list[dict[str, Any]] = []
    for i, (km, p, long_km) in enumerate(zip(distance, pain, longest, strict=True)):
        if i in missed:
            continue
        day = start + timedelta(weeks=i)
        year, week, _ = day.isocalendar()
        entry = {"week": f"{year}-W{week:02d}", "at": datetime(day.year, day.month, day.day, 9, tzinfo=UTC).isoformat(),
                 "pain": p, "location": ["knee"] if p else [], "pattern": "recurring" if p >= 4 else "fades",
                 "distance_km": km, "longest_km": long_km}
        entry["findings"] = [f.rule for f in evaluate([*out, entry])]
        out.append(entry)
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "/tmp/checkin-charts")
    out.mkdir(parents=True, exist_ok=True)
    half_year = weeks([20, 22, 21, 25, 24, 35, 26, 28, 30, 29, 38, 45, 30, 20, 0, 10, 15, 18, 20, 22, 24, 26, 25, 30, 32, 28],
                      [1, 1, 2, 1, 2, 3, 2, 2, 3, 3, 4, 5, 5, 3, 2, 1, 1, 1, 2, 1, 1, 2, 2, 3, 3, 2],
                      [8, 9, 8, 10, 10, 14, 11, 12, 12, 12, 16, 21, 13, 8, 0, 6, 7, 8, 9, 10, 10, 12, 11, 14, 15, 12],
                      date(2026, 6, 1), missed=(8,))
    (out / "half_year_km.png").write_bytes(render_chart(half_year, "km"))
    (out / "half_year_mi.png").write_bytes(render_chart(half_year, "mi"))
    (out / "two_weeks.png").write_bytes(render_chart(weeks([20, 27], [2, 5], [8, 12], date(2026, 11, 16)), "km"))
    (out / "new_year.png").write_bytes(render_chart(weeks(
        [30, 32, 31, 45, 33, 34, 36, 40, 41, 43], [0, 0, 1, 2, 4, 6, 3, 2, 1, 0],
        [10, 11, 12, 18, 12, 12, 13, 15, 16, 16], date(2026, 11, 16)), "km"))
    from PIL import Image  # matplotlib's own dependency

    with Image.open(out / "half_year_mi.png") as image:
        image.resize((390, 487), Image.Resampling.LANCZOS).save(out / "phone.png")
    print(f"wrote {', '.join(sorted(p.name for p in out.glob('*.png')))} to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
