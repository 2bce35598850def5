"""Web benchmark: the network dashboard's server-side render time with the 22 demo shelters.

Run ``python -m web.bench_dashboard`` (options: ``--month``, ``--requests``). It builds a
temporary SQLite database with the demo network, stores a roster for every shelter's month
without solving (every minimum need left uncovered: the most gap rows the page can read,
half of them published, some with a newer draft), then requests ``/`` signed in as HR.
It prints a table and asserts nothing: the target and the current figures are in
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from models import Roster
from models.validator.soft_coverage import coverage_gaps
from roster import services
from roster.demo import generate_network
from roster.demo.accounts import create_demo_accounts
from roster.planning import parse_month
from roster.services.dashboard import network_dashboard
from roster.storage import dispose_engines, init_database, session_scope
from web.bench import _ms, _sign_in


def store_rosters(url: str, year: int, month: int) -> int:
    """A roster with every need uncovered for each shelter; half published. The gap rows."""
    rows = 0
    with session_scope(url) as session:
        for index, shelter in enumerate(services.list_shelters(session)):
            problem = services.planning_problem(session, shelter.code, year, month)
            roster = Roster(shelter.code, year, month)
            roster.gaps = coverage_gaps(problem, roster)
            rows += len(roster.gaps)
            services.save_roster(session, roster)
            if index % 2 == 0:
                services.publish_roster(session, shelter.code, year, month, audited=False)
            if index % 4 == 0:
                services.save_roster(session, roster)  # a newer draft after the published one
    return rows


def render_times(month_text: str, count: int) -> tuple[list[float], list[float]]:
    """Wall seconds of the dashboard request, and of the service call alone, ``count`` times."""
    from fastapi.testclient import TestClient

    from web.app import create_app

    year, month = parse_month(month_text)
    pages, views = [], []
    with TestClient(create_app()) as client:
        _sign_in(client, "rrhh@demo.hogares.pe")
        for _ in range(count):
            started = time.perf_counter()
            answer = client.get(f"/?mes={month_text}&orden=coverage")
            pages.append(time.perf_counter() - started)
            assert answer.status_code == 200
            with session_scope() as session:
                started = time.perf_counter()
                network_dashboard(session, year, month)
                views.append(time.perf_counter() - started)
    return pages, views


def main() -> None:
    """Parse the options, build the database, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2027-03")
    parser.add_argument("--requests", type=int, default=50)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    url = f"sqlite:///{folder / 'roster.db'}"
    os.environ["ROSTER_DATABASE_URL"] = url
    init_database(url)
    network = generate_network()
    with session_scope(url) as session:
        services.load_network(session, network)
        create_demo_accounts(session, network)
    gap_rows = store_rosters(url, *parse_month(options.month))
    pages, views = render_times(options.month, options.requests)
    dispose_engines()
    title = f"Dashboard: {len(network.shelters)} shelters, {options.month}, {gap_rows} gap rows"
    table = Table(title=title)
    for column in ("measure", "median ms", "p90 ms", "target"):
        table.add_column(column)
    table.add_row("dashboard page, whole request", _ms(pages, 0.5), _ms(pages, 0.9), "< 200 ms")
    table.add_row("  of which network_dashboard service", _ms(views, 0.5), _ms(views, 0.9), "")
    Console().print(table)
    Console().print(f"median request {statistics.median(pages) * 1000:.0f} ms over {len(pages)}")


if __name__ == "__main__":
    main()
