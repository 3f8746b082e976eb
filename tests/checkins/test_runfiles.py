"""Run files (bot.checkins.runfiles): GPX, TCX and FIT in, date and distance out; bad files a
clear error; a run added to the right week. Sample files are made here: GPX with gpxpy (the
reader's own library), TCX as text, FIT with the small independent writer in fitfile.py."""

from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.checkins.render import run_added, run_file_error
from bot.checkins.runfiles import (
    MAX_BYTES,
    Run,
    RunAdded,
    RunFile,
    RunFileError,
    add_run,
    read_run_file,
)
from bot.texts import english
from tests.checkins.samples import START, fit_file, gpx_file, tcx_file

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def only_run(result: RunFile | RunFileError) -> Run:
    assert isinstance(result, RunFile), result
    (run,) = result.runs
    return run


def test_gpx_date_and_distance() -> None:
    run = only_run(read_run_file(gpx_file(5.0), "Morning_Run.gpx"))
    assert run.source == "gpx" and run.start == START and run.sport == "running"
    assert run.distance_km == pytest.approx(5.0, abs=0.05)
    assert run.duration_s == pytest.approx(1500.0)


def test_gpx_tracks_split_at_a_pause_are_one_run_and_separate_runs_stay_apart() -> None:
    joined = only_run(read_run_file(gpx_file(3.0, tracks=2, gap=timedelta(minutes=25))))
    assert joined.distance_km == pytest.approx(6.0, abs=0.1)
    apart = read_run_file(gpx_file(3.0, tracks=2, gap=timedelta(hours=5)))
    assert isinstance(apart, RunFile) and len(apart.runs) == 2


def test_tcx_date_and_distance_from_laps() -> None:
    run = only_run(read_run_file(tcx_file([5000.0, 3200.5]), "activity.tcx"))
    assert run.source == "tcx" and run.start == START and run.sport == "Running"
    assert run.distance_km == pytest.approx(8.2005) and run.duration_s == 1200.0


def test_fit_date_and_distance_from_the_session() -> None:
    run = only_run(read_run_file(fit_file(10_012.5), "123456.fit"))
    assert run.source == "fit" and run.start == START and run.sport == "running"
    assert run.distance_km == pytest.approx(10.0125) and run.duration_s == 3000.0


def test_fit_without_a_session_uses_the_records() -> None:
    run = only_run(read_run_file(fit_file(7_500.0, session=False)))
    assert run.start == START and run.distance_km == pytest.approx(7.5)


def test_gzipped_exports_are_read() -> None:
    assert only_run(read_run_file(gzip.compress(fit_file()), "a.fit.gz")).distance_km == pytest.approx(10.0125)
    assert only_run(read_run_file(gzip.compress(gpx_file(4.0)), "a.gpx.gz")).distance_km == pytest.approx(4.0, abs=0.05)


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                  b'<gpx version="1.1"><trk><name>&lol2;</name></trk></gpx>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<TrainingCenterDatabase>&e;</TrainingCenterDatabase>')


@pytest.mark.parametrize("data, name, code", [
    (b"", "a.gpx", "empty"),
    (b"   \n", "a.gpx", "empty"),
    (b"\x00" * (MAX_BYTES + 1), "big.fit", "too-large"),
    (fit_file()[:60], "cut.fit", "corrupt"),  # cut short
    (fit_file()[:-2] + b"\x00\x00", "crc.fit", "corrupt"),  # wrong CRC
    (b"<gpx><trk>", "broken.gpx", "corrupt"),
    (b"hello, this is not a run", "run.gpx", "corrupt"),  # named .gpx, is not
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "photo.png", "unsupported"),
    (b"PK\x03\x04" + b"\x00" * 40, "export.zip", "unsupported"),
    (b'<kml xmlns="http://www.opengis.net/kml/2.2"></kml>', "route.kml", "unsupported"),
    (BILLION_LAUGHS, "lol.gpx", "unsafe"),
    (EXTERNAL, "x.tcx", "unsafe"),
    (gzip.compress(b"\x00" * (60 * 1024 * 1024)), "bomb.gpx.gz", "too-large"),
    (b"\x1f\x8b\x08\x00garbage", "bad.gz", "corrupt"),
    (gpx_file(start=None), "notime.gpx", "no-date"),
    (b'<gpx version="1.1" creator="x"><rte><rtept lat="0" lon="0"/><rtept lat="0.1" lon="0"/></rte></gpx>',
     "route.gpx", "no-runs"),
    (tcx_file([0.0]), "treadmill.tcx", "no-distance"),
    (fit_file(file_type="course"), "course.fit", "no-runs"),
    (fit_file(metres=500_000.0), "typo.fit", "implausible"),
])
def test_bad_files_are_a_clear_error(data: bytes, name: str, code: str) -> None:
    result = read_run_file(data, name)
    assert isinstance(result, RunFileError), result
    assert result.code == code
    message = run_file_error(result, english())
    assert message and "{" not in message and "_" not in message


# -- adding a run to its week ----------------------------------------------------------------------

def run(km: float, start: datetime = START, sport: str | None = "running") -> Run:
    return Run(start, km, 1800.0, sport, "fit")


def test_a_run_in_a_week_without_a_check_in_makes_its_entry() -> None:
    result = add_run([], run(10.0), "UTC", NOW)
    assert isinstance(result, RunAdded) and result.created and result.week == "2026-W47"
    (entry,) = result.entries
    assert entry["distance_km"] == 10.0 and entry["longest_km"] == 10.0 and entry["pain"] is None
    assert entry["runs"][0]["km"] == 10.0


def test_the_week_is_the_runners_own() -> None:
    late_sunday = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # already Monday in Berlin
    assert isinstance(r := add_run([], run(5.0, late_sunday), "UTC", NOW), RunAdded) and r.week == "2026-W47"
    assert isinstance(r := add_run([], run(5.0, late_sunday), "Europe/Berlin", NOW), RunAdded) and r.week == "2026-W48"


def test_runs_add_up_and_a_typed_answer_is_never_counted_twice() -> None:
    answered: list[dict[str, Any]] = [{"week": "2026-W47", "pain": 2, "distance_km": 20.0, "longest_km": 8.0}]
    first = add_run(answered, run(6.0), "UTC", NOW)
    assert isinstance(first, RunAdded) and first.kept_answer and first.after_km == 20.0
    second = add_run(first.entries, run(12.0, START + timedelta(days=-1)), "UTC", NOW)
    assert isinstance(second, RunAdded) and second.kept_answer  # 6 + 12 from files, 20 typed
    entry = second.entries[0]
    assert entry["distance_km"] == 20.0 and entry["longest_km"] == 12.0  # max(20 typed, 18 from files)
    third = add_run(second.entries, run(5.0, START + timedelta(days=-3)), "UTC", NOW)
    assert isinstance(third, RunAdded) and not third.kept_answer
    assert third.entries[0]["distance_km"] == 23.0  # the files now say more than the answer
    assert third.entries[0]["pain"] == 2 and third.entries[0]["answered_km"] == 20.0


@pytest.mark.parametrize("new, code", [
    (run(10.0, START + timedelta(minutes=1)), "duplicate"),  # the same run again (or as GPX too)
    (run(10.0, sport="cycling"), "not-a-run"),
    (run(10.0, sport="walking"), "not-a-run"),
    (run(10.0, NOW + timedelta(days=3)), "in-future"),
    (run(10.0, NOW - timedelta(weeks=110)), "too-old"),
])
def test_what_cannot_be_added_changes_nothing(new: Run, code: str) -> None:
    first = add_run([], run(10.0), "UTC", NOW)
    assert isinstance(first, RunAdded)
    before = [dict(e) for e in first.entries]
    result = add_run(first.entries, new, "UTC", NOW)
    assert isinstance(result, RunFileError) and result.code == code
    assert first.entries == before


def test_what_was_read_is_said_in_the_runners_unit() -> None:
    created = add_run([], run(10.0), "UTC", NOW)
    assert isinstance(created, RunAdded)
    assert run_added(created, replace(english(), unit="mi"), "UTC") == \
        "Read your FIT file: 6.2 mi on 22 Nov. Added to the week of 16 Nov: 6.2 mi so far that week."
    kept = add_run([{"week": "2026-W47", "distance_km": 30.0}], run(10.0), "UTC", NOW)
    assert isinstance(kept, RunAdded)
    assert "You told me 30 km for the week of 16 Nov, which already covers it" in run_added(kept, english(), "UTC")


def test_sports_as_files_name_them() -> None:
    for sport in ("running", "Running", "trail_running", "Run", "9", None, "Other"):
        assert isinstance(add_run([], run(5.0, sport=sport), "UTC", NOW), RunAdded), sport
    for sport in ("cycling", "Biking", "Ride", "swimming", "Hiking"):
        assert isinstance(add_run([], run(5.0, sport=sport), "UTC", NOW), RunFileError), sport
