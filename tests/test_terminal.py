"""The terminal adapter's button handling, as a person types."""

from __future__ import annotations

from bot.terminal import message_for
from bot.turn import Button

SCALE = tuple(Button(str(n), f"/inform{{\"checkin_pain\":{n}}}") for n in range(11))
CHOICES = (Button("Worse than before", "/a"), Button("About the same", "/b"), Button("Not sure", "/c"))


def test_a_label_wins_over_a_position() -> None:
    # "3" on the 0-10 scale is the button "3", not the third: sent as typed, which the engine
    # reads as that button's press (bot.engine.typed), as in every channel.
    message = message_for("3", SCALE)
    assert message.payload is None and message.text == "3"


def test_a_number_scale_is_shown_as_its_numbers() -> None:
    from bot.terminal import render_text
    from bot.turn import Reply

    shown = render_text((Reply("How much has running hurt this week?", buttons=SCALE),), width=45)
    assert "[0]" in shown and "[10]" in shown and "[11]" not in shown  # "[5] 4" read as five (tester round 23)


def test_a_number_presses_that_button() -> None:
    assert message_for("2", CHOICES).payload == "/b"
    assert message_for(" Not sure ", CHOICES).payload is None  # a label: the engine's to read


def test_anything_else_is_text() -> None:
    message = message_for("9", CHOICES)
    assert message.payload is None and message.text == "9"
    assert message_for("my knee", CHOICES).payload is None


async def test_progress_chart_is_saved_as_a_png_and_reminders_are_explained(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.store import MemoryStore
    from bot.terminal import TerminalChat

    entry = {"pain": 5, "pattern": "recurring", "location": ["shin"], "distance_km": 30.0, "longest_km": 12.0}
    store = MemoryStore()
    async with store.session("terminal") as session:
        session.record["checkins"] = {"entries": [dict(entry, week="2026-W47"), dict(entry, week="2026-W48", pain=3)]}
    chat = TerminalChat(engine, store, chart_dir=tmp_path)
    await chat.send("/progress")
    chart = tmp_path / "runner-triage-progress-terminal.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert any(str(chart) in note for note in chat.notes)


async def test_runfile_sends_a_file_from_disk_as_telegram_sends_a_document(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from bot.store import MemoryStore
    from bot.terminal import TerminalChat
    from tests.checkins.samples import gpx_file

    run = tmp_path / "Evening Run.gpx"
    run.write_bytes(gpx_file(6.0, start=datetime.now(UTC) - timedelta(hours=5)))
    chat = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path)
    result = await chat.send(f"/runfile {run}")
    assert result.replies[0].text.startswith("Read your GPX file: 6 km on ")
    record = await chat.store.export_user("terminal")
    assert record is not None and len(record["checkins"]["entries"]) == 1
    missing = await chat.send(f"/runfile {tmp_path / 'nope.gpx'}")
    assert missing.replies == () and "Could not read" in chat.notes[-1]


async def test_the_summary_pdf_is_readable_by_its_owner_only(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.store.memory import MemoryStore
    from bot.terminal import TerminalChat

    chat = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path)
    for line in ("my left knee hurts when I run", "Comes back when I run"):
        await chat.send(line)
    stale = tmp_path / "runner-triage-summary-terminal.pdf"
    stale.write_bytes(b"old")
    stale.chmod(0o644)  # an earlier file, made readable by others
    await chat.send("/summary")
    assert stale.read_bytes().startswith(b"%PDF")
    assert stale.stat().st_mode & 0o077 == 0, "health data: owner only"
    assert any("PDF" in note for note in chat.notes)


async def test_a_button_number_typed_after_a_restart_still_presses_it(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Tester round 12 ran one process per message: "2" for "I'm not safe right now" was text."""
    from bot.store.memory import MemoryStore
    from bot.terminal import TerminalChat

    store = MemoryStore()
    first = TerminalChat(engine, store, chart_dir=tmp_path, state_dir=tmp_path)
    await first.send("i dont want to live anymore")
    assert [b.label for b in first.buttons][-1] == "I'm not safe right now"
    again = TerminalChat(engine, store, chart_dir=tmp_path, state_dir=tmp_path)  # a new process
    result = await again.send("2")
    assert any(r.safety == "emergency" for r in result.replies)
    assert (tmp_path / "terminal-buttons-terminal.json").stat().st_mode & 0o077 == 0


async def test_forget_leaves_no_buttons_file_behind(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.store.memory import MemoryStore
    from bot.terminal import TerminalChat

    chat = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path, state_dir=tmp_path)
    await chat.send("my left knee hurts when I run")
    assert (tmp_path / "terminal-buttons-terminal.json").exists()
    await chat.send("/forget")
    for button in chat.buttons:  # /forget may ask to confirm: press its "yes"
        if "delete" in button.label.lower() or "yes" in button.label.lower():
            await chat.send(button.label)
            break
    assert not (tmp_path / "terminal-buttons-terminal.json").exists()


async def test_forget_deletes_the_summary_it_wrote(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Tester round 29: "I've deleted everything I kept about you", then at exit "the file you asked
    # for is still here: runner-triage-summary-terminal.pdf", the runner's own words in it.
    import io

    from bot.store.memory import MemoryStore
    from bot.terminal import TerminalChat, run_interactive

    chat = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path)
    out = io.StringIO()
    await run_interactive(chat, io.StringIO("my left knee hurts when I run\n/summary\n/forget\nYes, delete everything\n"), out)
    assert "deleted everything" in out.getvalue()
    assert not (tmp_path / "runner-triage-summary-terminal.pdf").exists()
    assert "Nothing was kept" in out.getvalue().rstrip().splitlines()[-1]


async def test_with_memory_the_goodbye_names_the_summary_left_on_disk(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Tester round 19: "/summary" wrote a PDF, then "Bye. Nothing was kept (--memory)."
    import io

    from bot.store.memory import MemoryStore
    from bot.terminal import TerminalChat, run_interactive

    chat = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path)
    out = io.StringIO()
    await run_interactive(chat, io.StringIO("my left knee hurts when I run\n/summary\n"), out)
    goodbye = out.getvalue().rstrip().splitlines()[-1]
    assert "Nothing was kept" not in goodbye
    assert str(tmp_path / "runner-triage-summary-terminal.pdf") in goodbye

    quiet = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path / "none")
    out = io.StringIO()
    await run_interactive(quiet, io.StringIO("my left knee hurts when I run\n"), out)
    assert out.getvalue().rstrip().endswith("Nothing was kept (--memory).")


async def test_a_number_after_an_answer_without_buttons_presses_the_advice_menu_above(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Tester round 21: after urgent advice for a possible broken knee and a short answer without
    buttons, "2" (the advice menu's "What can I do now?") was read as text and got "Soreness after
    a run is normal ... an easy walk"; the engine presses the advice menu above (typed.menu_item)."""
    from bot.store.memory import MemoryStore
    from bot.terminal import TerminalChat

    chat = TerminalChat(engine, MemoryStore(), chart_dir=tmp_path)
    advice = await chat.send("I'm 62, twisted my knee on a trail yesterday, it swelled up fast and I can't bend it properly")
    assert any(r.triage == "urgent" for r in advice.replies)
    menu = [b.label for b in chat.buttons]
    answer = await chat.send("So given I can walk, can I just rest it at home and see how it is Monday?")
    assert not any(r.buttons for r in answer.replies)
    result = await chat.send(str(menu.index("What can I do now?") + 1))
    text = "\n".join(r.text for r in result.replies)
    assert "What you can do now" in text and "Soreness after a run is normal" not in text
