"""What every command shares: --quiet and --verbose, errors, the database, shelter codes, files.

Human output goes to standard output unless a command writes data there (``--json -``),
then to standard error; ``--quiet`` leaves only errors and the files asked for;
``--verbose`` adds the log (the optimiser's and the solver's) on standard error.
"""

from __future__ import annotations

import difflib
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from roster import services
from roster.storage import database_url, init_database, session_scope

STDOUT = "-"
OWN_LOGGERS = ("roster", "optimizer", "models", "exports", "web")


@dataclass
class Output:
    """This run's choices: --quiet, --verbose, and whether standard output carries data."""

    quiet: bool = False
    verbose: bool = False
    data_on_stdout: bool = False


OUTPUT = Output()


class _StderrHandler(logging.Handler):
    """Log records on whatever ``sys.stderr`` is when they are written."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # a log line must never stop a command
            self.handleError(record)


_LOG = _StderrHandler()
_LOG.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))


def configure_output(quiet: bool, verbose: bool) -> None:
    """Set this run's verbosity. The log goes to standard error: errors only, since the
    commands report what matters in their own words; with --verbose also the warnings and
    the product's own DEBUG lines (e.g. the optimiser's phases)."""
    OUTPUT.quiet, OUTPUT.verbose, OUTPUT.data_on_stdout = quiet, verbose and not quiet, False
    _LOG.setLevel(logging.DEBUG if OUTPUT.verbose else logging.ERROR)
    root = logging.getLogger()
    if _LOG not in root.handlers:
        root.addHandler(_LOG)
    for name in OWN_LOGGERS:  # other libraries stay at WARNING: their detail is not ours to show
        logging.getLogger(name).setLevel(logging.DEBUG if OUTPUT.verbose else logging.NOTSET)


def log_warnings() -> None:
    """Also log warnings (a server or worker: nobody reads its output as a report)."""
    if not OUTPUT.verbose:
        _LOG.setLevel(logging.WARNING)


def console(width: int | None = None, data: bool = False) -> Console:
    """The console for human output: stdout, or stderr when stdout carries data; silent with
    --quiet unless it prints the ``data`` the command was asked for (a list's table)."""
    quiet = OUTPUT.quiet and not data
    return Console(width=width, stderr=OUTPUT.data_on_stdout, quiet=quiet, soft_wrap=False)


def say(message: str) -> None:
    """Print one line of plain output, never wrapped mid-line (nothing with --quiet)."""
    Console(stderr=OUTPUT.data_on_stdout, quiet=OUTPUT.quiet, soft_wrap=True).print(
        message, highlight=False
    )


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a Spanish error on stderr and stop with ``code`` (no traceback)."""
    Console(stderr=True, soft_wrap=True).print(f"[bold red]Error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn service and database errors into a clear message and exit code 1."""
    try:
        yield
    except services.ImportFailed as failure:
        fail("\n".join([str(failure).splitlines()[0], *(f"  {e}" for e in failure.errors)]))
    except services.ServiceError as error:
        fail(str(error))
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        fail(
            f"No se pudo usar la base de datos ({reason}). Revise ROSTER_DATABASE_URL "
            "o cree la base con: roster init"
        )


def ready_url() -> str:
    """The configured database URL, its schema created or migrated to the newest version."""
    url = database_url()
    init_database(url)
    return url


def shelter_code(code: str) -> str:
    """The stored code of shelter ``code`` (any case); else an error naming the closest codes."""
    with cli_errors(), session_scope(ready_url()) as session:
        codes = [shelter.code for shelter in services.list_shelters(session, True)]
    by_key = {known.casefold(): known for known in codes}
    wanted = code.strip().casefold()
    if wanted in by_key:
        return by_key[wanted]
    if not codes:
        fail(
            f"No existe el hogar con código '{code}': no hay hogares. Cargue la demostración "
            "con 'roster demo' o importe los suyos."
        )
    close = difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.5)
    hint = f" ¿Quiso decir {', '.join(by_key[key] for key in close)}?" if close else ""
    fail(f"No existe el hogar con código '{code}'.{hint} Vea los códigos con: roster shelters")


def json_text(data: Any) -> str:
    """``data`` as indented JSON (dates as yyyy-mm-dd)."""

    def default(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else str(value)

    return json.dumps(data, ensure_ascii=False, indent=2, default=default)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON on standard output (also with --quiet: it was asked for)."""
    typer.echo(json_text(data))


def to_stdout(path: Path | None) -> bool:
    """Whether an output option names standard output ('-')."""
    return path is not None and str(path) == STDOUT


def write_output(path: Path, content: str | bytes, what: str) -> None:
    """Write ``content`` to ``path`` (its folder made if needed) or to stdout for '-'."""
    if to_stdout(path):
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            typer.echo(content)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as error:
        fail(f"No se pudo escribir {path} ({error.strerror}). Elija otra ruta.")
    say(f"{what} escrito en {path}")
