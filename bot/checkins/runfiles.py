"""Run files a runner sends (a Telegram document from a watch or an app export): GPX, TCX, FIT.

`read_run_file(data, filename)` -> `RunFile` (the runs it holds: start time, distance, sport)
or `RunFileError` (a code and plain words: too big, empty, corrupt, unsafe, not a run file, no
distance, no date). `add_run(entries, run, tz, now)` puts one run into the right week's
check-in entry and says what changed, or returns a `RunFileError` and changes nothing. Pure:
bytes in, values out; no file system, no network, no clock (`now` is passed in).

Libraries (maintained, pure Python, permissive licences):

- GPX: **gpxpy** (Apache-2.0): the common GPX 1.0/1.1 reader; track length by haversine.
- FIT: **fitdecode** (MIT): a streaming FIT decoder that checks CRCs, handles chained files,
  compressed timestamps and developer fields. Garmin's own garmin-fit-sdk was the other
  candidate; its licence (the FIT Protocol License Agreement: "internal business purposes",
  non-sublicensable) does not sit well with this MIT project.
- TCX: plain XML, read with the standard library's ElementTree through **defusedxml** (PSF),
  which refuses DTDs, entity expansion and external references. The TCX libraries on PyPI
  (tcxreader, python-tcxparser) add little over the 30 lines below, and python-tcxparser needs
  lxml. The same defusedxml check runs before a GPX file reaches gpxpy, whose parser is the
  standard library's (or lxml's) without those guards.

Limits: 10 MB per file (a 5-hour GPX track with a point every second is about 4 MB; Telegram
lets a bot download up to 20 MB, so the adapter should check `document.file_size` first);
gzip-compressed exports (.gpx.gz, .fit.gz, as Strava sends them) are unpacked up to 50 MB.
"""

from __future__ import annotations

import io
import math
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RUN_KM = 350.0
#: Tracks closer than this are one run (a watch that split a run at a pause).
JOIN_GAP = timedelta(minutes=30)
#: A run this close in time and distance to one already added is the same run sent again
#: (or the same run exported in another format).
SAME_RUN_START = timedelta(minutes=3)
SAME_RUN_SHARE = 0.05
FUTURE_SLACK = timedelta(days=1)
OLDEST = timedelta(weeks=104)  # the check-in history keeps the last 104 entries
KEEP_ENTRIES = 104

RUNNING = {"running", "run", "trail_running", "trail running", "treadmill_running", "treadmill", "jogging",
           "street_running", "track_running", "virtual_run", "virtualrun", "9"}  # Strava's GPX <type>9</type> is a run
NOT_RUNNING = ("cycl", "bik", "ride", "swim", "walk", "hik", "row", "ski", "paddl", "kayak", "elliptical")

#: Why a file changed nothing (RunFileError.code); each is said by bot.checkins.render.run_file_error
#: from checkin.run_error.<code> in dialogues/texts/en.yml, with the error's facts.
ERROR_CODES = ("too-large", "empty", "unsupported", "corrupt", "unsafe", "no-runs", "no-date", "no-distance",
               "implausible", "not-a-run", "in-future", "too-old", "duplicate")


@dataclass(frozen=True)
class Run:
    start: datetime  # aware, UTC
    distance_km: float
    duration_s: float | None = None
    sport: str | None = None  # as the file says it ("running", "cycling", "Run", ...) or None
    source: str = ""  # "gpx" | "tcx" | "fit"

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.duration_s or 0)

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.astimezone(UTC).isoformat(), "km": round(self.distance_km, 3),
                "duration_s": self.duration_s, "sport": self.sport, "source": self.source}


@dataclass(frozen=True)
class RunFile:
    kind: str  # "gpx" | "tcx" | "fit"
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class RunFileError:
    code: str  # one of ERROR_CODES
    facts: Mapping[str, Any]  # what the message names: kind, km, start, sport, limit_mb, ...


def _error(code: str, **facts: Any) -> RunFileError:
    return RunFileError(code, facts)


# -- reading ------------------------------------------------------------------------------------

def oversized(size: Any) -> RunFileError:
    """The error for a file the adapter did not download: over MAX_BYTES (or of unknown size)."""
    if isinstance(size, int) and size > MAX_BYTES:
        return _error("too-large", limit_mb=MAX_BYTES // (1024 * 1024))
    return _error("empty")


def _gunzip(data: bytes) -> bytes | RunFileError:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_UNPACKED_BYTES + 1)
    except zlib.error as exc:
        return _error("corrupt", kind="gzip", detail=str(exc))
    if len(out) > MAX_UNPACKED_BYTES or inflater.unconsumed_tail:
        return _error("too-large", limit_mb=MAX_UNPACKED_BYTES // (1024 * 1024), unpacked=True)
    if not inflater.eof:
        return _error("corrupt", kind="gzip", detail="cut short")
    return out


def _is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[0] in (12, 14) and data[8:12] == b".FIT"


def _xml_root(data: bytes) -> Any:
    """The parsed root through defusedxml (no DTDs, entities or external references), or an error."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return _error("unsafe", detail=type(exc).__name__)
    except (ParseError, ValueError) as exc:
        return _error("corrupt", kind="XML", detail=str(exc)[:80])


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.utcoffset() is None else moment.astimezone(UTC)


def read_run_file(data: bytes, filename: str | None = None) -> RunFile | RunFileError:
    """The runs in a GPX, TCX or FIT file (optionally gzipped), or why not."""
    if len(data) > MAX_BYTES:
        return _error("too-large", limit_mb=MAX_BYTES // (1024 * 1024))
    if not data.strip():
        return _error("empty")
    if data[:2] == b"\x1f\x8b":
        unpacked = _gunzip(data)
        if isinstance(unpacked, RunFileError):
            return unpacked
        data = unpacked
        if not data.strip():
            return _error("empty")
    try:
        if _is_fit(data):
            return _read_fit(data)
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if head == b"<":
            root = _xml_root(data)
            if isinstance(root, RunFileError):
                return root
            name = _local(root.tag)
            if name == "gpx":
                return _read_gpx(data)
            if name == "TrainingCenterDatabase":
                return _read_tcx(root)
            return _error("unsupported", xml=name)
    except Exception as exc:  # noqa: BLE001 - a library meeting a strange file: an error value, never a crash
        kind = "FIT" if _is_fit(data) else "GPX or TCX"
        return _error("corrupt", kind=kind, detail=f"{type(exc).__name__}: {str(exc)[:60]}")
    ext = (filename or "").lower().rsplit(".", 1)[-1] if filename and "." in filename else None
    if ext in ("fit", "gpx", "tcx"):
        return _error("corrupt", kind=ext.upper(), detail="it is not what its name says")
    return _error("unsupported", ext=ext) if ext else _error("unsupported")


def _sport_of(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _join(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Consecutive pieces of one run (a watch split it at a pause) become one run."""
    out: list[Run] = []
    for run in sorted(runs, key=lambda r: r.start):
        last = out[-1] if out else None
        if last is not None and last.duration_s is not None and timedelta(0) <= run.start - last.end <= JOIN_GAP:
            total = (run.end - last.start).total_seconds()
            out[-1] = replace(last, distance_km=last.distance_km + run.distance_km, duration_s=total)
        else:
            out.append(run)
    return tuple(out)


def _checked(kind: str, runs: Iterable[Run], why_none: str) -> RunFile | RunFileError:
    """The runs found, or why none: `why_none` names checkin.run_no_runs.<why> (a route, no track, ...)."""
    found = _join(list(runs))
    if not found:
        return _error("no-runs", kind=kind.upper(), detail=why_none)
    if all(r.distance_km <= 0 for r in found):
        return _error("no-distance", kind=kind.upper())
    found = tuple(r for r in found if r.distance_km > 0)
    worst = max(r.distance_km for r in found)
    if worst > MAX_RUN_KM:
        return _error("implausible", kind=kind.upper(), km=worst)
    return RunFile(kind, found)


def _read_gpx(data: bytes) -> RunFile | RunFileError:
    import gpxpy

    gpx = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    runs = []
    missing_time = False
    for track in gpx.tracks:
        bounds = track.get_time_bounds()
        start = _utc(bounds.start_time) or _utc(gpx.time)
        if start is None:
            missing_time = missing_time or track.get_points_no() > 0
            continue
        end = _utc(bounds.end_time)
        runs.append(Run(start, track.length_2d() / 1000.0, (end - start).total_seconds() if end else None,
                        _sport_of(track.type), "gpx"))
    if not runs and missing_time:
        return _error("no-date", kind="GPX")
    why = "route" if gpx.routes else "no-track"
    return _checked("gpx", runs, why)


def _read_tcx(root: Any) -> RunFile | RunFileError:
    def children(node: Any, name: str) -> list[Any]:
        return [c for c in node if _local(c.tag) == name]

    def text(node: Any, name: str) -> str | None:
        found = children(node, name)
        return found[0].text.strip() if found and found[0].text else None

    def moment(value: str | None) -> datetime | None:
        if not value:
            return None
        try:
            return _utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return None

    runs = []
    no_date = False
    activities = [a for group in children(root, "Activities") for a in children(group, "Activity")]
    for activity in activities:
        laps = children(activity, "Lap")
        start = moment(text(activity, "Id")) or (moment(laps[0].get("StartTime")) if laps else None)
        if start is None:
            no_date = True
            continue
        metres = [float(v) for lap in laps if (v := text(lap, "DistanceMeters")) is not None]
        seconds = [float(v) for lap in laps if (v := text(lap, "TotalTimeSeconds")) is not None]
        distance = sum(metres) if metres else _tcx_track_distance(laps)
        runs.append(Run(start, distance / 1000.0, sum(seconds) if seconds else None, activity.get("Sport"), "tcx"))
    if not runs and no_date:
        return _error("no-date", kind="TCX")
    return _checked("tcx", runs, "no-activity")


def _tcx_track_distance(laps: Sequence[Any]) -> float:
    """The largest cumulative DistanceMeters of the trackpoints (laps without a total)."""
    best = 0.0
    for lap in laps:
        for node in lap.iter():
            if _local(node.tag) == "DistanceMeters" and node.text:
                try:
                    best = max(best, float(node.text))
                except ValueError:
                    continue
    return best


def _read_fit(data: bytes) -> RunFile | RunFileError:
    import fitdecode

    sessions: list[Run] = []
    laps: list[Run] = []
    first_record: datetime | None = None
    last_record: datetime | None = None
    record_metres = 0.0
    file_type: Any = None
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                             error_handling=fitdecode.ErrorHandling.RAISE) as fit:
        for frame in fit:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue

            def get(field: str, frame: Any = frame) -> Any:
                return frame.get_value(field, fallback=None)

            if frame.name == "file_id":
                file_type = get("type")
            elif frame.name in ("session", "lap"):
                start = _utc(get("start_time")) if isinstance(get("start_time"), datetime) else None
                metres = get("total_distance")
                seconds = get("total_elapsed_time") or get("total_timer_time")
                if start is not None:
                    run = Run(start, float(metres or 0.0) / 1000.0, float(seconds) if seconds else None,
                              _sport_of(get("sport")), "fit")
                    (sessions if frame.name == "session" else laps).append(run)
            elif frame.name == "record":
                stamp = get("timestamp")
                if isinstance(stamp, datetime):
                    first_record = first_record or _utc(stamp)
                    last_record = _utc(stamp)
                metres = get("distance")
                if isinstance(metres, (int, float)) and not math.isnan(metres):
                    record_metres = max(record_metres, float(metres))
    if file_type not in (None, "activity", 4):
        return _error("no-runs", kind="FIT", detail="not-activity", file_type=str(file_type))
    if sessions:
        return _checked("fit", sessions, "no-records")
    if laps:
        return _checked("fit", _join(laps), "no-records")
    if first_record is None:
        return _error("no-date", kind="FIT") if record_metres else _error("no-runs", kind="FIT", detail="no-records")
    seconds = (last_record - first_record).total_seconds() if last_record else None
    return _checked("fit", [Run(first_record, record_metres / 1000.0, seconds, None, "fit")], "no-records")


# -- adding a run to its week --------------------------------------------------------------------

@dataclass(frozen=True)
class RunAdded:
    """What adding a run did: the new entries, the week, the distance before and after (km), and
    whether the runner's own answer for that week was kept because it already covers the files."""

    entries: list[dict[str, Any]]
    week: str
    run: Run
    before_km: float | None
    after_km: float
    longest_km: float
    created: bool  # a new entry for a week without a check-in
    kept_answer: bool  # the typed total was more than the files add up to, so it stays


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def is_running(sport: str | None) -> bool:
    if sport is None:
        return True  # many GPX exports say nothing: the runner sent it as a run
    lowered = sport.lower().replace("-", "_")
    if lowered in RUNNING or "run" in lowered or "jog" in lowered:
        return True
    return not any(word in lowered for word in NOT_RUNNING)


def add_run(entries: Sequence[Mapping[str, Any]], run: Run, tz: str, now: datetime) -> RunAdded | RunFileError:
    """`entries` (oldest first, as stored) with `run` added to the check-in entry of its ISO week
    in the runner's zone `tz`. The week's distance becomes the larger of the runner's typed
    answer and the sum of the runs from files (a typed total already counts the runs the runner
    did, so a file never adds to it twice); the longest run likewise. Nothing changes on error."""
    from bot.checkins.schedule import week_key

    if not is_running(run.sport):
        return _error("not-a-run", sport=str(run.sport).lower())
    if run.start > now + FUTURE_SLACK:
        return _error("in-future", start=run.start)
    if run.start < now - OLDEST:
        return _error("too-old", start=run.start)
    week = week_key(run.start, tz)
    out = [dict(e) for e in entries]
    index = next((i for i in range(len(out) - 1, -1, -1) if out[i].get("week") == week), None)
    created = index is None
    entry: dict[str, Any] = ({"week": week, "at": run.start.astimezone(UTC).isoformat(), "pain": None, "location": [],
                              "pattern": None, "distance_km": None, "longest_km": None, "findings": []}
                             if index is None else dict(out[index]))
    runs = [dict(r) for r in entry.get("runs") or [] if isinstance(r, dict)]
    for seen in runs:
        try:
            start = datetime.fromisoformat(str(seen.get("start")))
        except ValueError:
            continue
        km = _num(seen.get("km")) or 0.0
        if abs(start - run.start) <= SAME_RUN_START and abs(km - run.distance_km) <= SAME_RUN_SHARE * max(km, run.distance_km):
            return _error("duplicate", km=run.distance_km, start=run.start)
    if "answered_km" not in entry:  # the first file for this week: keep what the runner typed
        entry["answered_km"] = None if runs else _num(entry.get("distance_km"))
        entry["answered_longest_km"] = None if runs else _num(entry.get("longest_km"))
    runs.append(run.to_json())
    runs.sort(key=lambda r: str(r.get("start")))
    files_km = sum(_num(r.get("km")) or 0.0 for r in runs)
    files_longest = max(_num(r.get("km")) or 0.0 for r in runs)
    answered = _num(entry.get("answered_km"))
    answered_longest = _num(entry.get("answered_longest_km"))
    before = _num(entry.get("distance_km"))
    entry["runs"] = runs
    entry["distance_km"] = round(max(answered or 0.0, files_km), 2)
    entry["longest_km"] = round(max(answered_longest or 0.0, files_longest), 2)
    if index is None:
        out.append(entry)
        out.sort(key=lambda e: str(e.get("week")))
    else:
        out[index] = entry
    return RunAdded(out[-KEEP_ENTRIES:], week, run, before, entry["distance_km"], entry["longest_km"], created,
                    kept_answer=answered is not None and answered >= files_km)


def with_runs(entry: Mapping[str, Any], existing: Mapping[str, Any] | None) -> dict[str, Any]:
    """A check-in's new `entry` for a week whose `existing` entry holds runs from files: the runs
    stay, and the week's distance is the larger of the typed answer and the files' sum (as in
    `add_run`: a typed total already counts the runs the runner did); the longest run likewise."""
    out = dict(entry)
    runs = [dict(r) for r in (existing or {}).get("runs") or [] if isinstance(r, dict)]
    if not runs:
        return out
    files_km = sum(_num(r.get("km")) or 0.0 for r in runs)
    files_longest = max(_num(r.get("km")) or 0.0 for r in runs)
    typed, typed_longest = _num(entry.get("distance_km")), _num(entry.get("longest_km"))
    out.update(runs=runs, answered_km=typed, answered_longest_km=typed_longest,
               distance_km=round(max(typed or 0.0, files_km), 2),
               longest_km=round(max(typed_longest or 0.0, files_longest), 2))
    return out
