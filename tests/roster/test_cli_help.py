"""Every command of the ``roster`` CLI documents itself with an example (STYLE.md)."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from roster.cli import app


def command_paths() -> list[list[str]]:
    """The path of every leaf command, e.g. ["import", "staff"], registered on ``app``."""
    paths: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)  # a group (typer vendors click)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*path, name])
        else:
            paths.append(path)

    walk(typer.main.get_command(app), [])
    return paths


PATHS = command_paths()


def test_the_standing_data_commands_are_registered() -> None:
    names = {" ".join(path) for path in PATHS}
    expected = {"init", "demo", "shelters", "staff"}
    expected |= {"import staff", "import absences", "import coverage"}
    assert expected <= names


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(path) for path in PATHS])
def test_every_command_has_help_with_an_example(path: list[str]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Ejemplo" in result.output
    assert f"roster {' '.join(path)}" in result.output
