"""Run files through the engine, as an adapter hands them over (a UserMessage with an attachment):
the run is added to its week in the turn and the reply says what was read; too big, damaged or
not a run changes nothing; a file in the middle of a check-in keeps the question pending; a week
known from files is not asked "replace or keep?", and its runs stay with the answers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pytest import approx

from bot.checkins.runfiles import MAX_BYTES
from bot.engine import Engine
from bot.turn import Attachment, TurnResult, UserMessage
from tests.checkins.samples import START, fit_file, gpx_file, tcx_file

NOW = START + timedelta(days=1)  # Monday 23 Nov 2026; the runs are from Sunday 22 Nov (week of 16 Nov)
SUBSCRIBED: dict[str, Any] = {"checkins": {"schedule": {"weekday": 0, "at": "09:00", "tz": "UTC", "unit": "km",
                                                        "active": True}}}


def upload(name: str, data: bytes) -> UserMessage:
    return UserMessage("", attachment=Attachment(name, len(data), data))


async def send(engine: Engine, record: dict[str, Any], *messages: UserMessage | str) -> TurnResult:
    result = TurnResult(record, ())
    for message in messages:
        msg = UserMessage(message) if isinstance(message, str) else message
        result = await engine.handle(result.record, msg, NOW)
    return result


def text(result: TurnResult) -> str:
    return "\n".join(r.text for r in result.replies)


def entries(result: TurnResult) -> list[dict[str, Any]]:
    return list((result.record.get("checkins") or {}).get("entries") or [])


async def test_a_run_file_is_added_to_its_week_and_the_reply_says_what_was_read(engine: Engine) -> None:
    result = await send(engine, SUBSCRIBED, upload("Morning_Run.gpx", gpx_file(8.0)))
    assert text(result) == "Read your GPX file: 8 km on 22 Nov. Added to the week of 16 Nov: 8 km so far that week."
    (entry,) = entries(result)
    assert entry["week"] == "2026-W47" and entry["distance_km"] == approx(8.0, abs=0.05) and entry["pain"] is None
    more = await send(engine, result.record, upload("long.fit", fit_file(16_000.0, start=START - timedelta(days=2))))
    assert "Read your FIT file: 16 km on 20 Nov. The week of 16 Nov now has 24 km (was 8 km)." in text(more)
    assert [e["distance_km"] for e in entries(more)] == [approx(24.0, abs=0.05)]
    again = await send(engine, more.record, upload("Morning_Run.tcx", tcx_file([8000.0])))
    assert "already have that run" in text(again) and entries(again) == entries(more)


async def test_what_cannot_be_read_changes_nothing_and_says_why(engine: Engine) -> None:
    start = await send(engine, SUBSCRIBED, upload("run.gpx", gpx_file(5.0)))
    cases = {
        "bigger than the 10 MB": UserMessage("", attachment=Attachment("huge.fit", MAX_BYTES + 1, None)),
        "damaged or cut short": upload("cut.fit", fit_file()[:-30]),
        "not a .jpg file": upload("photo.jpg", b"\xff\xd8\xff\xe0" + b"x" * 200),
        "cycling activity, not a run": upload("ride.fit", fit_file(30_000.0, sport="cycling")),
        "That file is empty": upload("empty.gpx", b""),
    }
    for says, message in cases.items():
        result = await send(engine, start.record, message)
        assert says in text(result), (says, text(result))
        assert result.record == start.record  # nothing changed
        assert not result.effects


async def test_a_file_in_the_middle_of_a_check_in_keeps_the_question(engine: Engine) -> None:
    asked = await send(engine, SUBSCRIBED, "/checkin_now", "2", "knee", "it faded")
    assert asked.replies[-1].asks == "checkin_distance"
    result = await send(engine, asked.record, upload("run.gpx", gpx_file(6.0)))
    assert "Read your GPX file: 6 km" in result.replies[0].text
    assert result.replies[-1].asks == "checkin_distance"  # asked again, still pending
    done = await send(engine, result.record, "20")
    assert "longest" in text(done).lower()


async def test_a_week_known_from_files_is_not_replace_or_keep_and_its_runs_stay(engine: Engine) -> None:
    files = await send(engine, SUBSCRIBED, upload("a.gpx", gpx_file(10.0)),
                       upload("b.fit", fit_file(12_000.0, start=START - timedelta(days=3))))
    assert [e["distance_km"] for e in entries(files)] == [approx(22.0, abs=0.05)]
    started = await engine.start_checkin(files.record, NOW - timedelta(days=1), "2026-W47")
    assert started is not None and started.replies[-1].asks == "checkin_pain"  # no "replace or keep?"
    done = await send(engine, started.record, "0", "20", "9")  # typed less than the files add up to
    (entry,) = entries(done)
    assert entry["pain"] == 0 and entry["answered_km"] == 20.0 and len(entry["runs"]) == 2
    assert entry["distance_km"] == approx(22.0, abs=0.05) and entry["longest_km"] == 12.0  # the files say more
