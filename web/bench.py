"""Web benchmark: the month page's server-side render time, and generate to first roster.

Run ``python -m web.bench`` (options: ``--shelter``, ``--month``, ``--requests``,
``--time-limit``). It builds a temporary SQLite database with the demo network, solves the
month through the job queue as the web app does (the worker runs in a second process),
watching for the first roster version, then renders the month page through the app
signed in as the shelter's coordinator. It prints a table and asserts nothing: the targets
and the current figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from roster import jobs, services
from roster.demo import generate_network
from roster.demo.accounts import create_demo_accounts
from roster.planning import parse_month
from roster.storage import dispose_engines, init_database, session_scope


def _work(url: str) -> None:
    """The worker process: run every queued job, then end."""
    jobs.run_worker(url, once=True)


def first_roster_seconds(
    url: str, code: str, year: int, month: int, limit: float | None
) -> tuple[float, float]:
    """Seconds from 'generate' until a roster version is stored, and until the job ends."""
    with session_scope(url) as session:
        job = jobs.submit_plan(session, code, year, month, time_limit=limit)
    started = time.perf_counter()
    worker = multiprocessing.get_context("spawn").Process(target=_work, args=(url,))
    worker.start()
    first = None
    while worker.is_alive() or first is None:
        with session_scope(url) as session:
            if first is None and services.get_roster(session, code, year, month) is not None:
                first = time.perf_counter() - started
            if jobs.get_job(session, job.id).state in jobs.FINAL_STATES:
                break
        worker.join(timeout=0.1)
    worker.join()
    return first if first is not None else float("nan"), time.perf_counter() - started


def render_times(code: str, month_text: str, count: int) -> tuple[list[float], list[float]]:
    """Wall seconds of the page request, and of the service call alone, ``count`` times each."""
    from fastapi.testclient import TestClient

    from web.app import create_app

    year, month = parse_month(month_text)
    pages, views = [], []
    with TestClient(create_app()) as client:
        _sign_in(client, f"coord.{''.join(code.lower().split('-')[1:])}@demo.hogares.pe")
        for _ in range(count):
            started = time.perf_counter()
            answer = client.get(f"/hogares/{code}/rol/{month_text}")
            pages.append(time.perf_counter() - started)
            assert answer.status_code == 200
            with session_scope() as session:
                started = time.perf_counter()
                services.month_view(session, code, year, month)
                views.append(time.perf_counter() - started)
    return pages, views


def _sign_in(client: object, email: str) -> None:
    import re

    from roster.demo.accounts import DEMO_PASSWORD

    page = client.get("/entrar")  # type: ignore[attr-defined]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    data = {
        "email": email,
        "password": DEMO_PASSWORD,
        "csrf_token": token.group(1) if token else "",
    }
    client.post("/entrar", data=data)  # type: ignore[attr-defined]


def _ms(values: list[float], share: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000:.0f}"


def main() -> None:
    """Parse the options, run both measurements, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shelter", default="HRT-LIM-01", help="an 18-person demo shelter")
    parser.add_argument("--month", default="2027-03")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=None, help="seconds per phase")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="web-bench-"))
    url = f"sqlite:///{folder / 'roster.db'}"
    os.environ["ROSTER_DATABASE_URL"] = url
    init_database(url)
    network = generate_network()
    with session_scope(url) as session:
        services.load_network(session, network)
        create_demo_accounts(session, network)
    people = len(next(d for d in network.shelters if d.shelter.code == options.shelter).staff)
    year, month = parse_month(options.month)
    first, done = first_roster_seconds(url, options.shelter, year, month, options.time_limit)
    pages, views = render_times(options.shelter, options.month, options.requests)
    dispose_engines()
    table = Table(title=f"Web: {options.shelter} ({people} personas), {options.month}")
    for column in ("measure", "median ms", "p90 ms", "target"):
        table.add_column(column)
    table.add_row("month page, whole request", _ms(pages, 0.5), _ms(pages, 0.9), "< 150 ms")
    table.add_row("  of which month_view service", _ms(views, 0.5), _ms(views, 0.9), "")
    table.add_row("generate -> first roster stored", f"{first * 1000:.0f}", "", "< 15 s")
    table.add_row("generate -> job done", f"{done * 1000:.0f}", "", "")
    Console().print(table)
    Console().print(f"median request {statistics.median(pages) * 1000:.0f} ms over {len(pages)}")


if __name__ == "__main__":
    main()
