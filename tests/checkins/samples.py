"""Run files for the tests, made with the libraries the reader uses or an independent writer: GPX
with gpxpy, TCX as text, FIT with tests/checkins/fitfile.py (written from the protocol, not
with fitdecode, so a mistake in one is caught by the other)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import gpxpy.gpx

from tests.checkins.fitfile import FitWriter

START = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)  # a Sunday: ISO week 2026-W47


def gpx_file(km: float = 5.0, start: datetime | None = START, kind: str | None = "running", tracks: int = 1,
             gap: timedelta = timedelta(hours=3)) -> bytes:
    """Tracks heading north from the equator: 0.009° of latitude is about 1 km."""
    gpx = gpxpy.gpx.GPX()
    for t in range(tracks):
        track = gpxpy.gpx.GPXTrack(name="Morning run")
        track.type = kind
        segment = gpxpy.gpx.GPXTrackSegment()
        steps = 50
        for i in range(steps + 1):
            when = None if start is None else start + t * gap + timedelta(seconds=i * 6 * km)
            segment.points.append(gpxpy.gpx.GPXTrackPoint(km * 0.0089932 * i / steps, 0.0, elevation=10, time=when))
        track.segments.append(segment)
        gpx.tracks.append(track)
    return gpx.to_xml().encode()


def tcx_file(laps: list[float], sport: str = "Running", start: str = "2026-11-22T08:00:00Z") -> bytes:
    lap_xml = "".join(f'<Lap StartTime="{start}"><TotalTimeSeconds>600</TotalTimeSeconds>'
                      f"<DistanceMeters>{m}</DistanceMeters><Track><Trackpoint><Time>{start}</Time>"
                      f"<DistanceMeters>{m}</DistanceMeters></Trackpoint></Track></Lap>" for m in laps)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            f'<Activities><Activity Sport="{sport}"><Id>{start}</Id>{lap_xml}</Activity></Activities>'
            f"</TrainingCenterDatabase>").encode()


def fit_file(metres: float = 10_012.5, sport: str = "running", file_type: str = "activity",
             session: bool = True, start: datetime = START) -> bytes:
    writer = FitWriter()
    writer.file_id(start, file_type)
    writer.record(start, 0.0)
    writer.record(start + timedelta(minutes=50), metres)
    if session:
        writer.session(start, metres, 3000, sport)
    return writer.bytes()
