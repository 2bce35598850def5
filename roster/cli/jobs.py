"""The ``worker`` command: run the background jobs (solves asked for from the web app)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from roster.cli.common import cli_errors, log_warnings, ready_url
from roster.jobs import STATE_LABELS_ES, JobInfo, run_worker, watch_parent


@contextmanager
def stop_on_signals(shutdown: threading.Event) -> Iterator[None]:
    """Set ``shutdown`` on SIGTERM or Ctrl+C during the block, instead of dying mid-write."""
    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.getsignal(number) for number in stops}
    for number in stops:
        signal.signal(number, lambda *_: shutdown.set())
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def say_job(job: JobInfo) -> None:
    """One line on a job starting or ending, for the worker's output."""
    what = f"Trabajo {job.id} ({job.kind} {job.shelter_code} {job.month_key})"
    line = f"{what}: {STATE_LABELS_ES.get(job.state, job.state)}"
    if job.result is not None and "version" in job.result:
        line += f", borrador versión {job.result['version']}"
    if job.error:
        line += f" — {job.error}"
    typer.echo(line)


def worker(
    once: bool = typer.Option(False, "--once", help="Atiende los trabajos en cola y termina."),
    poll: float = typer.Option(0.5, min=0.05, help="Segundos entre dos consultas de la cola."),
    parent_pid: int | None = typer.Option(
        None, hidden=True, help="Termina cuando termina este proceso padre (roster serve)."
    ),
) -> None:
    """Calcula en segundo plano los trabajos en cola: los roles pedidos desde la web.

    Al iniciar marca como interrumpidos los trabajos de un servidor que se detuvo.
    'roster serve' ya inicia uno; use este comando para más, o en otra máquina.

    Ejemplo: roster worker --poll 0.5
    """
    log_warnings()
    shutdown = threading.Event()
    with cli_errors(), stop_on_signals(shutdown):
        url = ready_url()
        if parent_pid is not None:
            watch_parent(parent_pid, shutdown, poll)
        count = run_worker(url, once=once, poll=poll, shutdown=shutdown, on_job=say_job)
    noun = "trabajo atendido" if count == 1 else "trabajos atendidos"
    typer.echo(f"Trabajador detenido ({count} {noun}).")


def register(app: typer.Typer) -> None:
    """Add the ``worker`` command to ``app``."""
    app.command()(worker)
