"""A runner's check-in schedule and the time arithmetic around it. Pure: time is passed in.

A schedule is a weekday and a wall-clock time in the runner's own IANA timezone, so "Monday 07:30
in Europe/London" stays 07:30 local across daylight-saving changes (zoneinfo does the offsets).
Times are stored and compared as aware UTC datetimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.texts import text_family

#: Weekdays are numbers, 0 = Monday; their names are texts (weekday.<n>, weekdays.<n>).
WEEKDAYS = range(7)
UNITS = ("km", "mi")
KM_PER_MILE = 1.609344
#: A check-in that could not be sent at its time (the bot was down) is still sent if it is less
#: than this late; later than that it would arrive on the wrong day, so that week is skipped.
MAX_LATENESS = timedelta(hours=24)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ScheduleError(ValueError):
    """A schedule value a runner typed that we cannot use. `key` names the text that says what
    to type (checkin_settings.error.<key> in dialogues/texts/en.yml); str() is the English."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    @property
    def text_key(self) -> str:
        return f"{ERROR_TEXTS}.{self.key}"

    def __str__(self) -> str:
        from bot.texts import english

        return english().say(self.text_key, **self.values)


#: The units' names ("kilometres"), the {distance_unit} placeholder.
UNIT_NAMES = text_family("unit", UNITS)
ERROR_TEXTS = text_family("checkin_settings.error", ("not_a_timezone", "unknown_timezone", "not_a_time",
                                                     "pause_range", "pause_weeks", "day", "unit"), "name", "text")



@lru_cache(maxsize=1)
def zones_by_lower() -> dict[str, str]:
    """Every IANA zone name by its lower case. zoneinfo.available_timezones() walks the tz
    database's directory on each call (~600 files, a few ms): once is enough."""
    return {tz.lower(): tz for tz in available_timezones()}

def valid_timezone(name: str) -> str:
    """The IANA name as zoneinfo knows it, or ScheduleError ("Europe/Berlin", not "CET+1")."""
    cleaned = name.strip()
    if not cleaned or ".." in cleaned or cleaned.startswith("/"):
        raise ScheduleError("not_a_timezone", name=repr(name))
    try:
        ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        lowered = zones_by_lower()
        if cleaned.lower() in lowered:
            return lowered[cleaned.lower()]
        raise ScheduleError("unknown_timezone", name=repr(name)) from None
    return cleaned


def valid_time(text: str) -> str:
    """'7:30' -> '07:30'; ScheduleError otherwise."""
    match = _TIME.match(text.strip())
    if match is None:
        raise ScheduleError("not_a_time", text=repr(text))
    return f"{int(match.group(1)):02d}:{match.group(2)}"


@dataclass(frozen=True)
class CheckinSchedule:
    """When a runner wants their weekly check-in, and in which unit they count distance."""

    weekday: int  # 0 = Monday
    at: str  # "HH:MM", local wall-clock time
    tz: str  # IANA name
    unit: str = "km"
    active: bool = True
    paused_until: datetime | None = None  # aware UTC; no check-in before this moment

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}")
        valid_time(self.at)
        valid_timezone(self.tz)
        if self.unit not in UNITS:
            raise ValueError(f"unit must be km or mi, not {self.unit!r}")
        if self.paused_until is not None and self.paused_until.utcoffset() is None:
            raise ValueError("paused_until must be timezone-aware")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def to_json(self) -> dict[str, Any]:
        return {"weekday": self.weekday, "at": self.at, "tz": self.tz, "unit": self.unit,
                "active": self.active,
                "paused_until": None if self.paused_until is None else self.paused_until.astimezone(UTC).isoformat()}

    @classmethod
    def from_json(cls, data: Any) -> CheckinSchedule | None:
        """The schedule kept in a record, or None if there is none (or it is unusable)."""
        if not isinstance(data, dict):
            return None
        try:
            paused = data.get("paused_until")
            return cls(int(data["weekday"]), str(data["at"]), str(data["tz"]), str(data.get("unit", "km")),
                       bool(data.get("active", True)),
                       None if paused is None else datetime.fromisoformat(str(paused)))
        except (KeyError, TypeError, ValueError):
            return None

    def paused_for(self, weeks: int, now: datetime) -> CheckinSchedule:
        """No check-in for `weeks` weeks from `now` (0 ends a pause)."""
        if not 0 <= weeks <= 52:
            raise ScheduleError("pause_range")
        return replace(self, paused_until=None if weeks == 0 else (now + timedelta(weeks=weeks)).astimezone(UTC))


def local_slot(day: date, at: str, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone`, as UTC. In the spring-forward gap (02:30 that never happens) the
    time is read with the offset before the change, i.e. the check-in comes an hour later by the
    clock; in the autumn overlap (01:30 twice) the first one is used (fold=0)."""
    hour, minute = (int(x) for x in at.split(":"))
    local = datetime.combine(day, time(hour, minute), tzinfo=zone)
    return local.astimezone(UTC)


def next_due(schedule: CheckinSchedule, after: datetime) -> datetime | None:
    """The first check-in time strictly after `after` (and not before a pause ends), in UTC;
    None when check-ins are off."""
    if not schedule.active:
        return None
    start = after
    if schedule.paused_until is not None and schedule.paused_until > start:
        start = schedule.paused_until - timedelta(microseconds=1)  # a slot exactly at the end counts
    zone = schedule.zone
    local_day = start.astimezone(zone).date()
    day = local_day + timedelta(days=(schedule.weekday - local_day.weekday()) % 7)
    while True:
        slot = local_slot(day, schedule.at, zone)
        if slot > start:
            return slot
        day += timedelta(days=7)


def week_key(moment: datetime, tz: str) -> str:
    """The ISO week of `moment` in the runner's timezone: '2026-W49'. A check-in is sent at most
    once per key."""
    year, week, _ = moment.astimezone(ZoneInfo(tz)).isocalendar()
    return f"{year}-W{week:02d}"


def too_late(due: datetime, now: datetime) -> bool:
    """A missed check-in is still sent when it is less than 24 h late; not at 24 h or later."""
    return now - due >= MAX_LATENESS


def from_km(km: float, unit: str) -> float:
    return km / KM_PER_MILE if unit == "mi" else km
