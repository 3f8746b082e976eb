"""The wheel carries its data: an installed runner-triage finds dialogues/ and knowledge/ anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # builds a wheel and starts two processes
def test_wheel_contains_the_data_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("runner_triage-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "bot/_data/dialogues/domain.yml" in names and "bot/_data/dialogues/flow.yml" in names
    assert any(n.startswith("bot/_data/knowledge/entries/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # Run the unpacked package from an unrelated directory: it must use its own packaged data.
    env = dict(os.environ, PYTHONPATH=str(site), RUNNER_TRIAGE_DATA_DIR=str(tmp_path / "data"))
    probe = subprocess.run(
        [sys.executable, "-c", "import bot.paths as p; print(p.dialogues_directory()); print(p.knowledge_directory())"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert probe.returncode == 0, probe.stderr
    assert all(line.startswith(str(site)) for line in probe.stdout.split()), probe.stdout
    chat = subprocess.run([sys.executable, "-m", "bot", "chat", "--json"], input="my shin hurts\n",
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert chat.returncode == 0, chat.stderr
    assert '"asks": "pain_pattern"' in chat.stdout
