"""The Bot API transport: PTB's BaseRequest on aiohttp instead of its default, httpx.

Why (issue 18's profile of the real process with 100 runners at once): httpx's connection pool
(httpcore) asks every open connection "have you expired? is your socket readable?" on each call,
through anyio's socket attributes: a poll and a getpeername per connection per call, about a third
of the process's CPU, more than the whole turn engine. aiohttp's connector keeps idle connections
in a queue and learns of a closed one from its protocol callback, with no per-call scan. Measured
with tests/benchmarks/cpu_e2e.py: 6.6 -> 4.2 ms of CPU per update, 164 -> 275 updates/s.

PTB documents BaseRequest as the seam for another HTTP library (its ptbcontrib has an aiohttp
one, not published on PyPI; this is ours, ~100 lines, with PTB's timeouts and errors):

- read/write/connect/pool timeouts as PTB's HTTPXRequest takes them, per call or by default.
  aiohttp has one limit for waiting for a free connection and making one, so a call waits at
  most pool + connect for its connection; it has no write limit, so the call's whole time is
  bounded by the sum of all four;
- errors as PTB's: TimedOut for timeouts, NetworkError for the rest, the aiohttp error as the
  cause. `never_reached` says which of them certainly did not reach Telegram (no connection was
  made or free): only then may a send be repeated (bot.telegram.adapter.call_api).
"""

from __future__ import annotations

import ssl
from typing import Any

import aiohttp
import certifi
from telegram._utils.defaultvalue import DefaultValue  # PTB's own marker for "not given"
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

#: Errors raised before a request could be sent: no connection could be made, or none came free.
NEVER_SENT: tuple[type[BaseException], ...] = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
_FORM = "application/x-www-form-urlencoded"


def never_reached(error: BaseException) -> bool:
    """Did the call that raised `error` (a PTB error) certainly not reach Telegram?"""
    return isinstance(error.__cause__, NEVER_SENT)


class AiohttpRequest(BaseRequest):
    """One aiohttp session with up to `connections` keep-alive connections to the Bot API.

    Timeouts in seconds, None for no limit, as PTB's HTTPXRequest: `pool` waiting for a free
    connection, `connect` making one, `write` sending (`media_write` when files are sent),
    `read` waiting for the answer."""

    def __init__(self, connections: int = 1, *, read_timeout: float | None = 5.0, write_timeout: float | None = 5.0,
                 connect_timeout: float | None = 5.0, pool_timeout: float | None = 1.0,
                 media_write_timeout: float | None = 20.0) -> None:
        if connections < 1:
            raise ValueError(f"connections must be at least 1, not {connections}")
        self.connections = connections
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            # The certificates httpx trusted (certifi's bundle), not whatever the host has.
            tls = ssl.create_default_context(cafile=certifi.where())
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.connections, limit_per_host=self.connections, ssl=tls),
                headers={"User-Agent": self.USER_AGENT}, raise_for_status=False)

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data is not None and request_data.contains_files else None
        read = self._read if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool if isinstance(pool_timeout, DefaultValue) else pool_timeout
        write = (self._media_write if files else self._write) if isinstance(write_timeout, DefaultValue) else write_timeout
        parts = (pool, connect, write, read)
        timeout = aiohttp.ClientTimeout(
            total=None if None in parts else sum(p for p in parts if p is not None),
            connect=None if pool is None or connect is None else pool + connect,  # a free connection or a new one
            sock_connect=connect, sock_read=read)
        try:
            async with self._session.request(method, url, data=_body(request_data, files), timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as err:  # aiohttp's timeouts are TimeoutErrors (connect, read, total)
            raise TimedOut(f"aiohttp.{type(err).__name__}") from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err


def _body(request_data: RequestData | None, files: dict[str, Any] | None) -> Any:
    """What httpx would send for PTB's RequestData: the parameters form-encoded (encoded here:
    aiohttp would build a multipart writer, with a random boundary, for every dict it is given),
    or, with files, as multipart with the files (PTB's (name, bytes, MIME type) triples)."""
    if request_data is None:
        return None
    if not files:
        return aiohttp.BytesPayload(request_data.url_encoded_parameters().encode(), content_type=_FORM)
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime)
    return form


__all__ = ["AiohttpRequest", "NEVER_SENT", "never_reached"]
