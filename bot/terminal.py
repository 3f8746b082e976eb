"""The terminal channel: `runner-triage chat` (readable) and `chat --json` (one JSON line per input).

A thin adapter: a line in -> engine -> replies out; state loaded and saved through bot.store.
Buttons are shown as numbered options; typing the number presses the button (the engine itself
reads a typed label, or a typed answer such as "7pm", as the press: bot.engine.typed). Text is
shown plainly: bot.turn's **bold** markup is left out.
`/runfile PATH` sends a run file (GPX, TCX or FIT) as Telegram's document upload does: the
terminal reads the file (unless it is over the size limit) and hands its bytes to the engine.

JSON-lines contract (`chat --json`), stable for automated conversation checks: for every input
line exactly one output line is written and flushed:
    {"replies": [{"text": str, "buttons": [str], "asks": str|null, "triage": str|null, "sources": [str],
                  "safety": str|null}]}
A line equal to a button label (of the previous output) presses that button. EOF ends the session.
Texts are plain (no markup).
"""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from collections.abc import Sequence
from pathlib import Path
from datetime import datetime, timezone
from typing import IO, Any

from bot.checkins.progress import render_chart
from bot.checkins.runfiles import MAX_BYTES
from bot.commands import export_document, summary_pdf
from bot.engine import Engine
from bot.store import UserStore
from bot.texts import Voice
from bot.turn import Attachment, Button, Reply, TurnResult, UserMessage

TERMINAL_USER = "terminal"
RUN_FILE = "/runfile"


def read_attachment(path: Path) -> Attachment:
    """A run file from disk, as an adapter hands it over: not read when over the size limit.
    OSError (no such file, not readable) is the caller's to report."""
    size = path.stat().st_size
    return Attachment(path.name, size, None if size > MAX_BYTES else path.read_bytes())


def message_for(line: str, buttons: Sequence[Button]) -> UserMessage:
    """A typed line: a button's number presses it; anything else is text (which the engine reads
    as a press when it is a button's label)."""
    stripped = line.strip()
    # An exact label wins over a position: on the 0-10 pain scale "3" means the button "3".
    if any(stripped == button.label for button in buttons):
        return UserMessage(line)
    if stripped.isdigit() and 1 <= int(stripped) <= len(buttons):
        button = buttons[int(stripped) - 1]
        return UserMessage(button.label, payload=button.payload)
    return UserMessage(line)


class TerminalChat:
    """`state_dir` (the data directory): the last turn's buttons are kept there, so that "2" typed
    after a restart still presses the second button (tester round 12 ran one process per message:
    "2" for "I'm not safe right now" was read as text, and intake answers were lost)."""

    def __init__(self, engine: Engine, store: UserStore, user_id: str = TERMINAL_USER,
                 chart_dir: Path | None = None, state_dir: Path | None = None) -> None:
        self.engine = engine
        self.store = store
        self.user_id = user_id
        self.chart_dir = chart_dir or Path.cwd()
        self.buttons_file = state_dir / f"terminal-buttons-{user_id}.json" if state_dir else None
        self.buttons: tuple[Button, ...] = self._load_buttons()
        self.exports: list[str] = []  # /export documents, shown by the front end
        self.notes: list[str] = []  # what this channel did about effects, shown after the replies
        self.written: list[Path] = []  # files the runner asked for (/summary, /progress): said at exit

    async def send(self, line: str) -> TurnResult:
        message = message_for(line, self.buttons)
        if line.strip().split(maxsplit=1)[:1] == [RUN_FILE]:
            path = Path(line.strip()[len(RUN_FILE):].strip()).expanduser()
            try:
                message = UserMessage("", attachment=read_attachment(path))
            except OSError as exc:
                self.notes.append(f"(Could not read {path}: {exc.strerror or exc}. Usage: {RUN_FILE} PATH)")
                return TurnResult({}, ())
        async with self.store.session(self.user_id) as session:
            result = await self.engine.handle(session.record, message, datetime.now(timezone.utc), self.user_id)
            session.record.clear()
            session.record.update(result.record)
            await self._apply_effects(result, session.record)
        buttons = [b for r in result.replies for b in r.buttons]
        if any(e.kind == "delete_data" for e in result.effects):
            self.buttons = ()  # /forget: nothing of this chat is kept, its buttons neither
        elif buttons or result.replies:
            self.buttons = tuple(buttons)
            self._save_buttons()
        # (A number after a turn without buttons goes as text: the engine presses the advice menu
        # above it when that is the conversation's last one, bot.engine.typed.menu_item.)
        return result

    def _load_buttons(self) -> tuple[Button, ...]:
        if self.buttons_file is None:
            return ()
        try:
            data = json.loads(self.buttons_file.read_text(encoding="utf-8"))
            return tuple(Button(str(b["label"]), str(b["payload"])) for b in data)
        except (OSError, ValueError, TypeError, KeyError):
            return ()  # none yet, or unreadable: numbers are then read as text

    def _save_buttons(self) -> None:
        if self.buttons_file is None:
            return
        try:
            _write_private(self.buttons_file, json.dumps([{"label": b.label, "payload": b.payload} for b in self.buttons]).encode())
        except OSError:
            pass  # a read-only data directory: numbers work within this run only

    async def _apply_effects(self, result: TurnResult, record: dict[str, Any]) -> None:
        for effect in result.effects:
            if effect.kind == "delete_data":
                record.clear()
                await self.store.delete_user(self.user_id)
                if self.buttons_file is not None:
                    self.buttons_file.unlink(missing_ok=True)
                # The summaries and charts this chat wrote hold the same health data: /forget
                # deletes them too (tester round 29 found the PDF still there after "deleted
                # everything"). The Telegram bot keeps no copy: it sends them and forgets them.
                for path in (self.chart_dir / f"runner-triage-summary-{self.user_id}.pdf",
                             self.chart_dir / f"runner-triage-progress-{self.user_id}.png", *self.written):
                    path.unlink(missing_ok=True)
                self.written.clear()
            elif effect.kind == "export_data":
                self.exports.append(export_document(record, self.user_id, datetime.now(timezone.utc)).decode())
            elif effect.kind == "subscribe_checkins":
                # Nothing here can send a message next week; say so instead of pretending.
                self.notes.append("(In the terminal nobody sends weekly reminders: only the Telegram bot does. "
                                  "You can do a check-in here any time with /checkin_now.)")
            elif effect.kind == "send_summary_pdf":
                voice = Voice.for_record(self.engine.texts, self.engine.kb, record)
                now = datetime.now(timezone.utc)
                pdf = summary_pdf(record, now, now.astimezone().tzinfo or timezone.utc, voice)
                path = self.chart_dir / f"runner-triage-summary-{self.user_id}.pdf"
                _write_private(path, pdf)
                self.written.append(path)
                self.notes.append(f"(Summary saved as a PDF: {path})")
            elif effect.kind == "send_progress_chart":
                data = record.get("checkins") or {}
                entries = [e for e in data.get("entries") or [] if isinstance(e, dict)]
                png = render_chart(entries, str(effect.data.get("unit") or "km"))
                path = self.chart_dir / f"runner-triage-progress-{self.user_id}.png"
                _write_private(path, png)
                self.written.append(path)
                self.notes.append(f"(Progress chart saved to {path})")


def _goodbye(chat: TerminalChat, memory: bool) -> str:
    """The last line: what stays on this computer. With --memory the conversation is gone, but a
    summary or chart the runner asked for stays where it was saved: say so, never "nothing was
    kept" over a health summary on disk (tester round 19)."""
    files = list(dict.fromkeys(p for p in chat.written if p.exists()))
    if not memory:
        return "\nBye. Your conversation is saved; run `runner-triage chat` to continue.\n"
    if not files:
        return "\nBye. Nothing was kept (--memory).\n"
    listed = ", ".join(str(p) for p in files)
    return (f"\nBye. The conversation was not kept (--memory), but the file{'s' if len(files) > 1 else ''} "
            f"you asked for {'are' if len(files) > 1 else 'is'} still here: {listed}. Delete "
            f"{'them' if len(files) > 1 else 'it'} when you no longer need {'them' if len(files) > 1 else 'it'}.\n")


def _write_private(path: Path, data: bytes) -> None:
    """A file of someone's health data: readable by its owner only (0600), even when it existed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        os.fchmod(out.fileno(), 0o600)
        out.write(data)


def render_text(replies: Sequence[Reply], width: int = 100) -> str:
    """Replies as terminal text: paragraphs wrapped to `width`, buttons numbered from 1."""
    out: list[str] = []
    number = 1
    for reply in replies:
        for line in reply.plain_text.splitlines():
            bullet = line[:2] if line.startswith(("- ", "• ")) else ""
            out.append(textwrap.fill(line, width, subsequent_indent=" " * len(bullet)) if line.strip() else "")
        if reply.buttons and all(b.label.strip().isdigit() for b in reply.buttons):
            # A number scale (the check-in's 0-10 pain): each button shown as its number, which is
            # what typing it presses ("[5] 4" read as five; tester round 23).
            out.append(textwrap.fill("  ".join(f"[{b.label.strip()}]" for b in reply.buttons), width,
                                     initial_indent="  ", subsequent_indent="  "))
            number += len(reply.buttons)
            continue
        for button in reply.buttons:
            out.append(f"  [{number}] {button.label}")
            number += 1
    return "\n".join(out)


def _terminal_width() -> int:
    return max(40, min(100, shutil.get_terminal_size((100, 24)).columns - 6))


async def run_interactive(chat: TerminalChat, stdin: IO[str], stdout: IO[str]) -> int:
    stdout.write("Runner triage — terminal chat. Type your message; /help for help, Ctrl-D to quit.\n")
    result = await chat.send("/start") if not await _has_conversation(chat) else None
    if result:
        stdout.write("\nbot> " + render_text(result.replies, _terminal_width()).replace("\n", "\n     ") + "\n")
    while True:
        stdout.write("\nyou> ")
        stdout.flush()
        line = stdin.readline()
        if not line:
            from bot.store.memory import MemoryStore

            stdout.write(_goodbye(chat, isinstance(chat.store, MemoryStore)))
            return 0
        result = await chat.send(line.rstrip("\n"))
        stdout.write("bot> " + render_text(result.replies, _terminal_width()).replace("\n", "\n     ") + "\n")
        while chat.exports:
            stdout.write(chat.exports.pop(0))
        while chat.notes:
            stdout.write("     " + chat.notes.pop(0) + "\n")


async def _has_conversation(chat: TerminalChat) -> bool:
    record = await chat.store.export_user(chat.user_id)
    return bool(record and record.get("conversation"))


async def run_json(chat: TerminalChat, stdin: IO[str], stdout: IO[str]) -> int:
    for line in stdin:
        result = await chat.send(line.rstrip("\n"))
        stdout.write(json.dumps({"replies": [r.to_json() for r in result.replies]}, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0
