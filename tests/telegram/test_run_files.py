"""A run file sent as a Telegram document, through Application.process_update with an offline
request: the adapter checks the size Telegram reports, downloads the file (getFile, then the file
URL) and hands the bytes to the engine; a file over the limit is never downloaded; a caption is
read as a message of its own."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from bot.checkins.runfiles import MAX_BYTES
from bot.engine import Engine
from bot.store import MemoryStore
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from tests.checkins.samples import gpx_file
from tests.telegram.conftest import NOW, FakeClock, Harness
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest, message_dict

USER = 4242
_file_ids = itertools.count(1)


class FilesTelegram(FakeTelegram):
    """The fake Bot API plus what documents need: getFile and the file download URL."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}
        self.downloads: list[str] = []

    def document(self, user_id: int, name: str, data: bytes, size: int | None = None,
                 caption: str | None = None) -> dict[str, Any]:
        file_id = f"file{next(_file_ids)}"
        self.files[file_id] = data
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                    "file_size": len(data) if size is None else size}
        extra: dict[str, Any] = {"document": document}
        if caption is not None:
            extra["caption"] = caption
        return self.user_update({"message": message_dict(user_id, None, **extra)})

    def _getFile(self, params: dict[str, Any]) -> Any:
        file_id = str(params["file_id"])
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}"}


class FilesRequest(OfflineRequest):
    async def do_request(self, url: str, method: str, request_data: Any = None, read_timeout: Any = None,
                         write_timeout: Any = None, connect_timeout: Any = None,
                         pool_timeout: Any = None) -> tuple[int, bytes]:
        if "/file/bot" in url:  # the download itself
            assert isinstance(self.fake, FilesTelegram)
            file_id = url.rsplit("/", 1)[-1]
            self.fake.downloads.append(file_id)
            return 200, self.fake.files[file_id]
        return await super().do_request(url, method, request_data, read_timeout, write_timeout, connect_timeout,
                                        pool_timeout)


@pytest.fixture
async def files_harness(engine: Engine) -> AsyncIterator[Harness]:
    fake = FilesTelegram()
    store = MemoryStore()
    clock = FakeClock()
    channel = TelegramChannel(flood=FloodGate(limit=5, window=10.0, clock=clock), clock=lambda: NOW,
                              typing_delay=0)
    app = build_application(TelegramConfig(token=TOKEN, rate_limiter=False), engine=engine, store=store,
                            request=FilesRequest(fake), channel=channel)
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        yield Harness(app, fake, store, channel, clock)
        assert app.post_shutdown is not None
        await app.post_shutdown(app)


async def send_document(h: Harness, name: str, data: bytes, **kw: Any) -> list[str]:
    fake = h.fake
    assert isinstance(fake, FilesTelegram)
    before = len(fake.sent())
    await h.feed(fake.document(USER, name, data, **kw))
    return [p["text"] for p in fake.sent()[before:]]


async def test_a_gpx_document_is_downloaded_read_and_added_to_its_week(files_harness: Harness) -> None:
    h = files_harness
    run_day = NOW - timedelta(days=1)  # the harness's clock: Monday 2 March 2026
    texts = await send_document(h, "Morning_Run.gpx", gpx_file(7.5, start=run_day))
    assert texts == ["Read your GPX file: 7.5 km on 1 Mar. Added to the week of 23 Feb: 7.5 km so far that week."]
    record = await h.record(USER)
    assert record is not None
    (entry,) = record["checkins"]["entries"]
    assert entry["week"] == "2026-W09" and entry["runs"][0]["source"] == "gpx"


async def test_a_document_over_the_limit_is_not_downloaded_and_changes_nothing(files_harness: Harness) -> None:
    h = files_harness
    texts = await send_document(h, "whole_year.fit", b"x" * 100, size=MAX_BYTES + 1)
    assert len(texts) == 1 and "bigger than the 10 MB" in texts[0]
    assert isinstance(h.fake, FilesTelegram) and h.fake.downloads == [] and h.fake.sent("getFile") == []
    record = await h.record(USER)
    assert record is None or not (record.get("checkins") or {}).get("entries")


async def test_a_damaged_file_says_so_and_a_caption_is_read_as_a_message(files_harness: Harness) -> None:
    h = files_harness
    texts = await send_document(h, "run.gpx", b"<gpx><trk><trkseg><trkpt lat=", caption="my knee hurts")
    assert "damaged or cut short" in texts[0]
    assert any("Does the pain fade" in t or "fade" in t for t in texts[1:]), texts  # the triage started
    record = await h.record(USER)
    assert record is not None and not (record.get("checkins") or {}).get("entries")
    assert record["conversation"]["slots"]["pain_location"] == ["knee"]
    assert json.dumps(record)  # still a plain JSON record
