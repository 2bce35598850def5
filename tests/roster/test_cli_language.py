"""The CLI speaks Spanish throughout: help, usage and argument errors; English if asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_help import PATHS
from typer.testing import CliRunner, Result

from roster.cli import app
from roster.cli.language import cli_language, to_spanish

ENGLISH = [
    "Usage",
    "Show this message",
    "Missing option",
    "Missing argument",
    "No such command",
    "No such option",
    "Invalid value",
    "Options",
    "Commands",
    "Arguments",
    "Try ",
    "for help",
    "[default",
    "[required]",
    "<str>",
    "<float>",
    "<path>",
    "Input should",
]
LOCALE = ("ROSTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def run(*args: str, language: str = "") -> Result:
    """``roster args`` under a neutral locale, or ROSTER_LANG=``language``."""
    env = {name: "" for name in LOCALE} | {"LANG": "C.UTF-8", "ROSTER_LANG": language}
    return CliRunner().invoke(app, list(args), env=env)


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def flat(text: str) -> str:
    """``text`` without the error panel's borders and line breaks."""
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["plan", "--help"],
        ["plan"],
        ["plan", "--shelter", "HRT-A"],
        ["plan", "--shelter", "HRT-A", "--month", "2026-12", "--time-limit", "pronto"],
        ["plan", "--shelter", "HRT-A", "--month", "2026-13"],
        ["plan", "--shelter"],
        ["planear"],
        ["shelters", "--jsn"],
        ["shelters", "sobra"],
        ["serve", "--workers", "-1"],
        ["import"],
        ["import", "staff"],
        ["import", "nada"],
    ],
    ids=lambda args: " ".join(args) or "(nothing)",
)
def test_help_usage_and_argument_errors_are_spanish_only(args: list[str]) -> None:
    result = run(*args)
    assert result.output.strip()
    assert english_in(result.output) == []


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(path) for path in PATHS])
def test_every_commands_help_is_spanish_only(path: list[str]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert english_in(result.output) == []


def test_errors_say_what_to_do_next() -> None:
    missing = flat(run("plan", "--month", "2026-12").output)
    assert "Falta la opción '--shelter' / '-s': Código del hogar" in missing
    assert "roster plan --help" in missing
    assert "No existe la opción --jsn. ¿Quiso decir" in flat(run("shelters", "--jsn").output)
    assert "¿Quiso decir 'plan'?" in run("plam").output
    bad = run("plan", "-s", "X", "--month", "2026-12", "--time-limit", "y").output
    assert "Valor no válido para '--time-limit': debe ser un número" in flat(bad)


def test_english_when_the_locale_asks_for_it() -> None:
    result = run("plan", "--help", language="en")
    assert "Usage: roster plan [OPTIONS]" in result.output
    assert "Show this message and exit." in result.output
    english = flat(run("plan", "--month", "2026-12", language="en").output)
    assert "Missing option '--shelter'" in english
    assert english_in(run("plan", "--help").output) == []  # and back to Spanish


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "es"),
        ({"LANG": "C.UTF-8"}, "es"),
        ({"LANG": "es_PE.UTF-8"}, "es"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "es_PE.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"ROSTER_LANG": "en", "LANG": "es_PE.UTF-8"}, "en"),
        ({"ROSTER_LANG": "es", "LC_ALL": "en_GB.UTF-8"}, "es"),
    ],
)
def test_the_language_follows_roster_lang_then_the_locale(
    environ: dict[str, str], language: str
) -> None:
    assert cli_language(environ) == language


def test_the_catalogue_translates_the_frameworks_sentences() -> None:
    assert to_spanish("Usage: roster [OPTIONS] COMMAND [ARGS]...") == (
        "Uso: roster [OPCIONES] COMANDO [ARGUMENTOS]..."
    )
    assert to_spanish("No such command 'x'. Did you mean 'plan'?") == (
        "No existe el comando 'x'. ¿Quiso decir 'plan'?"
    )
    assert to_spanish("Got unexpected extra argument (sobra)") == (
        "Sobra: sobra (revise las comillas)."
    )


def test_the_installed_command_speaks_spanish() -> None:
    roster = Path(sys.executable).with_name("roster")  # the console script pip installed
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    done = subprocess.run([roster, "plan"], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert "Uso: roster plan" in done.stderr and "Falta la opción" in done.stderr
    assert english_in(done.stdout + done.stderr) == []
