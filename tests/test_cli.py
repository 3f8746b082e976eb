"""The `runner-triage` command as a user runs it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conversation import CONVERSATIONS, check_step, load_conversation

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, stdin: str = "", data_dir: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("TELEGRAM_BOT_TOKEN", None)
    if data_dir is not None:
        env["RUNNER_TRIAGE_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd or ROOT, timeout=120)


def chat_json(lines: list[str], data_dir: Path) -> list[dict[str, Any]]:
    proc = run_cli("chat", "--json", stdin="".join(line + "\n" for line in lines), data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert len(out) == len(lines), f"one output line per input line: {len(out)} for {len(lines)}"
    return [json.loads(line) for line in out]


def test_json_contract_and_buttons_by_label(tmp_path: Path) -> None:
    outputs = chat_json(["my left shin hurts", "Comes back when I run", "Not sure"], tmp_path)
    for output in outputs:
        for reply in output["replies"]:
            assert set(reply) == {"text", "buttons", "asks", "triage", "sources"}
    assert outputs[0]["replies"][-1]["asks"] == "pain_pattern"
    assert "Comes back when I run" in outputs[0]["replies"][-1]["buttons"]
    assert outputs[1]["replies"][-1]["asks"] == "balance_change"
    assert outputs[2]["replies"][-1]["triage"] == "see_pt"


def test_conversation_survives_a_new_process(tmp_path: Path) -> None:
    chat_json(["my knee keeps coming back every run"], tmp_path)
    outputs = chat_json(["balance is fine"], tmp_path)
    assert outputs[0]["replies"][-1]["triage"] == "see_pt"
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files and all(p.stat().st_mode & 0o077 == 0 for p in files), "data files are owner-only"
    assert tmp_path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("name", ["01_shin_recurring_skips_known", "16_buttons_all_the_way",
                                  "18_crisis_mid_form_resume", "26_bad_input_keeps_state"])
def test_yaml_conversations_through_the_process(tmp_path: Path, name: str) -> None:
    conversation = load_conversation(CONVERSATIONS / f"{name}.yml")
    lines = [str(step.get("user", step.get("press"))) for step in conversation["steps"]]
    if any("\n" in line or "\x00" in line for line in lines):
        lines = [line.replace("\n", " ").replace("\x00", " ") for line in lines]
    for i, (step, output) in enumerate(zip(conversation["steps"], chat_json(lines, tmp_path), strict=True)):
        expect = {k: v for k, v in step.get("expect", {}).items() if k not in ("slots", "state")}
        check_step(expect, output["replies"], None, f"{name} step {i}")


def test_flow_mermaid() -> None:
    proc = run_cli("flow", "--mermaid")
    assert proc.returncode == 0 and proc.stdout.startswith("stateDiagram-v2")


def test_a_broken_dialogue_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "domain.yml").write_text("intents: [\n")
    proc = run_cli("flow", "--dir", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "domain.yml" in proc.stderr and "Traceback" not in proc.stderr


def test_kb_check_show_and_unknown_id() -> None:
    assert run_cli("kb", "check").returncode == 0
    shown = run_cli("kb", "show", "pt-what")
    assert shown.returncode == 0 and "source" in shown.stdout.lower(), shown.stderr
    missing = run_cli("kb", "show", "no-such-entry")
    assert missing.returncode == 2 and "no-such-entry" in missing.stderr and "Traceback" not in missing.stderr


def test_eval_prints_the_figures() -> None:
    proc = run_cli("eval", "safety", str(ROOT / "tests" / "data" / "safety_eval.yml"))
    assert proc.returncode == 0 and "crisis recall" in proc.stdout


def test_runs_from_any_directory(tmp_path: Path) -> None:
    outputs = chat_json(["hi"], tmp_path)
    assert outputs[0]["replies"]
    proc = run_cli("flow", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("args, says", [
    (("eval", "safety", "/nonexistent/set.yml"), "cannot read"),
    (("chat", "--json", "--data-dir", "/proc/no-such-dir"), "cannot use data directory"),
    (("actions", "--port", "99999"), "not a port number"),
    (("run", "--webhook", "--port", "0"), "not a port number"),
])
def test_bad_arguments_get_one_clear_line(args: tuple[str, ...], says: str) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert says in proc.stderr and "Traceback" not in proc.stderr
