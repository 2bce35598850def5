"""The README's commands run as written, in order, after `make run`'s setup.

Each `roster` line of the README's bash blocks runs through the shell, as a newcomer
pastes it, in a scratch folder that sees the project's .venv and docs/ (the example
files) and a database of its own. Only commands that never end or run for minutes are
left out, each with its reason.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SETUP = [".venv/bin/roster init", ".venv/bin/roster demo --if-empty"]  # what `make run` runs
LEFT_OUT = {
    "roster serve": "starts the web server, which runs until stopped (the web tests cover it)",
    "roster bench": "benchmarks run for minutes by design (docs/benchmarks.md)",
}


def readme_commands() -> list[str]:
    """Every line of a ```bash block that calls roster, comments removed."""
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if ".venv/bin/roster" in line]


def left_out(command: str) -> str | None:
    """Why ``command`` is not run here, or None."""
    return next(
        (why for key, why in LEFT_OUT.items() if key in command.replace(".venv/bin/", "")), None
    )


def test_the_readme_shows_the_commands_a_newcomer_needs() -> None:
    commands = " ".join(readme_commands())
    for needed in ("init", "demo", "shelters", "staff", "import staff", "plan", "publish", "gaps"):
        assert f"roster {needed}" in commands
    assert "docs/examples/" in commands


@pytest.mark.slow
def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    for name in (".venv", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = os.environ | {
        "ROSTER_DATABASE_URL": f"sqlite:///{tmp_path / 'data' / 'roster.db'}",
        "ROSTER_LANG": "es",
    }
    ran = []
    for command in SETUP + readme_commands():
        if left_out(command):
            continue
        done = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {command}"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, command
        ran.append(command)
    assert len(ran) >= 12
    for written in ("rol.json", "brechas.pdf", "brechas.xlsx", "hogares.csv", "rol-2027-01.json"):
        assert (tmp_path / "salidas" / written).stat().st_size > 0, written
