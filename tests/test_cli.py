"""The `runner-triage` command as a user runs it: argv in; stdout, stderr and exit code out.

Commands run in-process through `bot.cli.main` (stdin and environment set per test, output
captured), which is what `runner-triage` and `python -m bot` call. The real process is checked
by a smoke test here and, among the slow tests, by a conversation spread over two processes.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable
from typing import Any

import pytest

from bot.cli import main
from bot.engine import Engine
from tests.conversation import CONVERSATIONS, check_step, load_conversation

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int | str | None
    out: str
    err: str


CLI = Callable[..., Run]  # cli(*argv, stdin="") -> Run


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path, engine: Engine) -> CLI:
    """`cli(*argv, stdin=...)` runs the command in this process, as a user's shell would: no
    Telegram token, the data directory from $RUNNER_TRIAGE_DATA_DIR. Usage errors from argparse
    (SystemExit) become the exit code, as they would for the process.

    The command gets the session's engine instead of loading a new one each time (the engine is
    pure, and loading it is most of a short chat's time); the process test below loads it for
    real, from outside the checkout."""
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("RUNNER_TRIAGE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(data_dir.parent / "xdg"))  # never the real home

    def load(dialogues_dir: Path | None = None, knowledge_dir: Path | None = None) -> Engine:
        assert dialogues_dir is None and knowledge_dir is None, "the command uses the packaged data"
        return engine

    monkeypatch.setattr(Engine, "load", load)

    def run(*argv: str, stdin: str = "") -> Run:
        capsys.readouterr()  # only this command's output
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code: int | str | None = main(list(argv))
        except SystemExit as exc:
            code = exc.code
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def chat_json(cli: CLI, lines: list[str], *argv: str) -> list[dict[str, Any]]:
    done = cli("chat", "--json", *argv, stdin="".join(line + "\n" for line in lines))
    assert done.code == 0, done.err
    out = done.out.splitlines()
    assert len(out) == len(lines), f"one output line per input line: {len(out)} for {len(lines)}"
    return [json.loads(line) for line in out]


def conversation_lines(name: str) -> tuple[list[dict[str, Any]], list[str]]:
    """A YAML conversation's steps and the lines a person would type for them (a button by its
    label; a line cannot hold a newline or NUL, so those become spaces)."""
    steps = load_conversation(CONVERSATIONS / f"{name}.yml")["steps"]
    lines = [str(step.get("user", step.get("press"))).replace("\n", " ").replace("\x00", " ") for step in steps]
    return steps, lines


def check_conversation(name: str, steps: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> None:
    for i, (step, output) in enumerate(zip(steps, outputs, strict=True)):
        # chat --json shows what the user sees; the stored state and slots are not part of it.
        expect = {k: v for k, v in step.get("expect", {}).items() if k not in ("slots", "state")}
        check_step(expect, output["replies"], None, f"{name} step {i}")


# -- chat --json ----------------------------------------------------------------------------------

def test_json_contract_and_buttons_by_label(cli: CLI) -> None:
    outputs = chat_json(cli, ["my left knee hurts", "Comes back when I run", "About the same", "No race planned", "No"])
    for output in outputs:
        assert set(output) == {"replies"}
        for reply in output["replies"]:
            assert set(reply) == {"text", "buttons", "asks", "triage", "sources", "safety"}
    assert outputs[0]["replies"][-1]["asks"] == "pain_pattern"
    assert "Comes back when I run" in outputs[0]["replies"][-1]["buttons"]
    assert outputs[1]["replies"][-1]["asks"] == "mileage_change"  # the short intake, by button label
    assert [r["triage"] for r in outputs[4]["replies"]][0] == "see_pt"  # the advice, then the check-in offer
    assert all(r["safety"] is None for o in outputs for r in o["replies"])


def test_json_contract_says_what_a_reply_is_in_the_crisis_protocol(cli: CLI) -> None:
    outputs = chat_json(cli, ["I want to kill myself", "no", "I'm safe right now"], "--memory")
    assert [[r["safety"] for r in o["replies"]] for o in outputs] == [["crisis"], ["emergency", "emergency"], ["crisis"]]
    assert outputs[0]["replies"][0]["buttons"] == ["I'm safe right now", "I'm not safe right now"]


def test_conversation_is_kept_between_runs_in_owner_only_files(cli: CLI, data_dir: Path) -> None:
    chat_json(cli, ["my knee keeps coming back every run"])
    outputs = chat_json(cli, ["about the same", "no", "no"])
    assert outputs[-1]["replies"][0]["triage"] == "see_pt"  # the advice, then the check-in offer
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert files and all(p.stat().st_mode & 0o077 == 0 for p in files), "data files are owner-only"
    assert data_dir.stat().st_mode & 0o077 == 0


def test_data_dir_option_beats_the_environment(cli: CLI, tmp_path: Path, data_dir: Path) -> None:
    chosen = tmp_path / "chosen"
    chat_json(cli, ["my knee keeps coming back every run"], "--data-dir", str(chosen))
    assert any(p.is_file() for p in chosen.rglob("*"))
    assert not data_dir.exists()


def test_memory_keeps_nothing_on_disk(cli: CLI, data_dir: Path) -> None:
    chat_json(cli, ["my knee keeps coming back every run"], "--memory")
    outputs = chat_json(cli, ["balance is fine"], "--memory")
    assert not any(r["triage"] for r in outputs[0]["replies"])  # a new conversation: nothing was kept
    assert not data_dir.exists()


@pytest.mark.parametrize("name", ["01_shin_recurring_skips_known", "16_buttons_all_the_way",
                                  "18_crisis_mid_form_resume", "26_bad_input_keeps_state"])
def test_yaml_conversations_through_chat_json(cli: CLI, name: str) -> None:
    steps, lines = conversation_lines(name)
    check_conversation(name, steps, chat_json(cli, lines))


# -- chat (interactive) and the default command ----------------------------------------------------

def test_interactive_chat_greets_numbers_buttons_and_says_bye(cli: CLI) -> None:
    first = cli("chat", stdin="my left knee hurts\n2\n3\n3\n2\n")
    assert first.code == 0, first.err
    assert first.out.startswith("Runner triage — terminal chat.")
    assert "bot> Hi, I'm a triage helper for runners." in first.out
    assert "[2] Comes back when I run" in first.out
    # "2" pressed "Comes back when I run", then "About the same", "No race planned", "No": a PT.
    assert "bot> See a physical therapist." in first.out
    assert "your left knee pain comes back when you run again" in first.out
    assert first.out.rstrip().endswith("run `runner-triage chat` to continue.")

    again = cli("chat", stdin="")
    assert again.code == 0
    assert "bot>" not in again.out  # a conversation is under way: no second welcome


def test_no_command_and_no_token_is_the_terminal_chat(cli: CLI, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here to supply a token
    done = cli(stdin="")
    assert done.code == 0, done.err
    assert "No TELEGRAM_BOT_TOKEN set" in done.err
    assert done.out.startswith("Runner triage — terminal chat.")


# -- flow, kb, eval --------------------------------------------------------------------------------

def test_flow_lists_states_and_draws_mermaid(cli: CLI) -> None:
    listed = cli("flow")
    assert listed.code == 0 and "idle:" in listed.out
    mermaid = cli("flow", "--mermaid")
    assert mermaid.code == 0 and mermaid.out.startswith("stateDiagram-v2")


def test_a_broken_dialogue_is_one_clear_line(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "domain.yml").write_text("intents: [\n")
    done = cli("flow", "--dir", str(tmp_path))
    assert done.code == 2
    assert done.err.count("\n") == 1 and "domain.yml" in done.err and "Traceback" not in done.err


def test_kb_check_show_list_and_unknown_id(cli: CLI) -> None:
    checked = cli("kb", "check")
    assert checked.code == 0 and " 0 problem(s)" in checked.out
    shown = cli("kb", "show", "pt-what")
    assert shown.code == 0 and "source" in shown.out.lower(), shown.err
    listed = cli("kb", "list")
    assert listed.code == 0 and any(line.startswith("pt-what ") for line in listed.out.splitlines())
    missing = cli("kb", "show", "no-such-entry")
    assert missing.code == 2 and "no-such-entry" in missing.err and missing.out == ""


def test_kb_check_reports_problems_and_fails(cli: CLI, tmp_path: Path) -> None:
    kb = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", kb)
    meta = kb / "entries" / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    keywords = next(line for line in text.splitlines() if line.startswith("  keywords:"))
    meta.write_text(text.replace(keywords, "  keywords: [disclaimer]", 1), encoding="utf-8")
    done = cli("kb", "check", "--dir", str(kb))
    assert done.code == 1, done.out + done.err
    assert done.out.splitlines()[0].endswith("entries/meta.yml: disclaimer.keywords: fewer than 3; retrieval will struggle")
    assert done.out.splitlines()[-1].endswith(f"1 problem(s) in {kb}")


def test_eval_prints_the_figures(cli: CLI) -> None:
    done = cli("eval", "safety", str(ROOT / "tests" / "data" / "safety_eval.yml"))
    assert done.code == 0 and "crisis recall" in done.out


def test_runs_from_any_directory(cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert chat_json(cli, ["hi"])[0]["replies"]
    done = cli("flow")
    assert done.code == 0, done.err
    assert "nlu_eval.yml" in cli("eval", "nlu").out  # finds the default labelled set


# -- errors a user can act on: one line, exit 2 ------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    (("eval", "safety", "/nonexistent/set.yml"), "cannot read"),
    (("chat", "--json", "--data-dir", "/proc/no-such-dir"), "cannot use data directory"),
    (("actions", "--port", "99999"), "not a port number"),
    (("run", "--webhook", "--port", "0"), "not a port number"),
])
def test_bad_arguments_get_one_clear_line(cli: CLI, args: tuple[str, ...], says: str) -> None:
    done = cli(*args)
    assert done.code == 2, done.err
    assert says in done.err and "Traceback" not in done.err


def test_a_taken_port_is_one_clear_line(cli: CLI) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # In a thread, so that a server which did start would fail the test rather than hang it.
        result: list[Run] = []
        worker = threading.Thread(target=lambda: result.append(cli("actions", "--port", str(port))), daemon=True)
        worker.start()
        worker.join(timeout=30)
    assert result, "the action server started on a port that was taken"
    assert result[0].code == 2
    assert result[0].err.strip().splitlines() == [
        f"runner-triage: error: port {port} on 127.0.0.1 is already in use; "
        "stop the other server or choose another with --port"]


# -- the real process ------------------------------------------------------------------------------

def run_process(*argv: str, stdin: str, data_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), RUNNER_TRIAGE_DATA_DIR=str(data_dir))
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run([sys.executable, "-m", "bot", *argv], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120)


def process_chat_json(lines: list[str], data_dir: Path, cwd: Path) -> list[dict[str, Any]]:
    proc = run_process("chat", "--json", stdin="".join(line + "\n" for line in lines), data_dir=data_dir, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert len(out) == len(lines), f"one output line per input line: {len(out)} for {len(lines)}"
    return [json.loads(line) for line in out]


def test_smoke_a_conversation_through_python_m_bot(tmp_path: Path) -> None:
    """The command's one real process in the default run: `python -m bot chat --json` over pipes, started
    outside the checkout, with a crisis in the middle of the triage questions."""
    name = "18_crisis_mid_form_resume"
    steps, lines = conversation_lines(name)
    check_conversation(name, steps, process_chat_json(lines, tmp_path / "data", cwd=tmp_path))


@pytest.mark.slow
def test_conversation_survives_a_new_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    process_chat_json(["my knee keeps coming back every run"], data, cwd=tmp_path)
    outputs = process_chat_json(["about the same", "no", "no"], data, cwd=tmp_path)
    assert outputs[-1]["replies"][0]["triage"] == "see_pt"  # the advice, then the check-in offer
    files = [p for p in data.rglob("*") if p.is_file()]
    assert files and all(p.stat().st_mode & 0o077 == 0 for p in files), "data files are owner-only"
