"""Feed benchmark: calendar feed latency with 50 concurrent clients on loopback.

Run ``python -m web.bench_feeds`` (options: ``--shelter``, ``--clients``, ``--requests``,
``--seconds``). It builds a temporary SQLite database with the demo network, publishes
five months (last month to three ahead) for one shelter, makes a link for each of its
staff and one for the shelter, starts ``roster serve`` on a free loopback port (no job
worker), and lets the clients fetch the feeds as calendar apps do: first without a
conditional header (every answer a 200 with the body), then with the ETag they were given
(every answer a 304). Each client makes at most ``--requests`` requests and the whole run
stops after ``--seconds``, whichever comes first. It prints a table and asserts nothing:
the target and the current figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from models import Assignment, Gap, Roster
from roster import services
from roster.demo import generate_network
from roster.services import feeds
from roster.services.calendars import feed_months
from roster.storage import dispose_engines, init_database, session_scope

ROSTER = Path(sys.executable).parent / "roster"


def month_roster(session: object, code: str, year: int, month: int) -> Roster:
    """A cheap published month (no solver): each person every third day, one gap a week."""
    people = services.list_staff(session, code)  # type: ignore[arg-type]
    shifts = services.list_shift_types(session, code)  # type: ignore[arg-type]
    days = calendar.monthrange(year, month)[1]
    items = [
        Assignment(p.id, date(year, month, d), shifts[i % len(shifts)].code, p.primary_role)
        for i, p in enumerate(people)
        for d in range(1, days + 1)
        if (d + i) % 3 == 0
    ]
    gaps = [Gap(date(year, month, d), shifts[0].code, "CUI", 1, 480) for d in range(1, days, 7)]
    return Roster(code, year, month, items, gaps)


def prepare(url: str, code: str) -> list[str]:
    """The database: demo network, five published months, every link; the tokens (the
    shelter's first)."""
    init_database(url)
    with session_scope(url) as session:
        services.load_network(session, generate_network())
        for year, month in feed_months(date.today()):
            services.save_roster(session, month_roster(session, code, year, month))
            services.publish_roster(session, code, year, month)
        tokens = [feeds.rotate_shelter_feed(session, code)]
        tokens += [
            feeds.rotate_staff_feed(session, code, p.id) for p in services.list_staff(session, code)
        ]
    dispose_engines()
    return tokens


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    """``roster serve`` on a free loopback port, once it answers."""
    port = _free_port()
    env = {**os.environ, "ROSTER_DATABASE_URL": url}
    process = subprocess.Popen(
        [ROSTER, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "0"],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{base}/salud", timeout=1):
                return process, base
        except OSError:
            time.sleep(0.1)  # the server is starting; the benchmark waits for it
    process.terminate()
    raise RuntimeError("roster serve did not answer within 30 s")


class Connection:
    """One keep-alive HTTP/1.1 connection, as light as a client can be (plain asyncio), so
    the clients' own cost does not hide the server's on a small machine."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str):
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, base: str) -> Connection:
        host, port = base.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        return cls(reader, writer, f"{host}:{port}")

    async def get(self, path: str, etag: str | None = None) -> tuple[int, dict[str, str], bytes]:
        lines = [f"GET {path} HTTP/1.1", f"Host: {self.host}", "User-Agent: feed-bench"]
        if etag:
            lines.append(f"If-None-Match: {etag}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
        await self.writer.drain()
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        size = int(headers.get("content-length", "0"))
        body = await self.reader.readexactly(size) if size else b""
        return status, headers, body

    def close(self) -> None:
        self.writer.close()


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_clients(
    base: str, paths: list[str], clients: int, requests: int, seconds: float, conditional: bool
) -> tuple[list[float], dict[int, int], float]:
    """Each client fetches feeds in turn; returns latencies, status counts and wall seconds."""
    connections = [await Connection.open(base) for _ in range(clients)]
    etags = {path: (await connections[0].get(path))[1]["etag"] for path in paths}
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    deadline = time.perf_counter() + seconds

    async def one(index: int) -> None:
        for n in range(requests):
            if time.perf_counter() > deadline:
                return
            path = paths[(index + n) % len(paths)]
            started = time.perf_counter()
            status, _, _ = await connections[index].get(path, etags[path] if conditional else None)
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(clients)))
    wall = time.perf_counter() - started
    for connection in connections:
        connection.close()
    return latencies, statuses, wall


def _ms(values: list[float], share: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000:.0f}"


def main() -> None:
    """Parse the options, prepare the data, run both rounds, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shelter", default="HRT-LIM-01", help="an 18-person demo shelter")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=60, help="per client and round")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most, per round")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="feed-bench-"))
    url = f"sqlite:///{folder / 'roster.db'}"
    tokens = prepare(url, options.shelter)
    paths = [feeds.feed_url("", token) for token in tokens]
    process, base = start_server(url)
    table = Table(title=f"Feeds: {options.shelter}, {len(paths) - 1} staff feeds + 1 shelter feed")
    columns = (
        "round",
        "answers",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "req/s",
        "server CPU ms/req",
    )
    for column in (*columns, "target"):
        table.add_column(column)
    try:
        for conditional in (False, True):
            used = cpu_seconds(process.pid)
            latencies, statuses, wall = asyncio.run(
                run_clients(
                    base, paths, options.clients, options.requests, options.seconds, conditional
                )
            )
            cpu = (cpu_seconds(process.pid) - used) / (len(latencies) + len(paths))
            target = "p95 < 100 ms" if conditional else ""
            label = "If-None-Match (304)" if conditional else "no conditional (200)"
            counts = ", ".join(f"{n}×{code}" for code, n in sorted(statuses.items()))
            table.add_row(
                f"{options.clients} clients, {label}", counts, _ms(latencies, 0.5),
                _ms(latencies, 0.95), _ms(latencies, 0.99), _ms(latencies, 1.0),
                f"{len(latencies) / wall:.0f}", f"{cpu * 1000:.1f}", target,
            )  # fmt: skip
        bodies = [urllib.request.urlopen(base + path, timeout=30).read() for path in paths]
    finally:
        process.terminate()
        process.wait(timeout=20)
    Console(width=150).print(table)
    staff = sorted(len(body) for body in bodies[1:])
    Console().print(
        f"Shelter feed {len(bodies[0]) / 1024:.0f} KB ({bodies[0].count(b'BEGIN:VEVENT')} events); "
        f"staff feeds {staff[len(staff) // 2] / 1024:.0f} KB median "
        f"({bodies[1].count(b'BEGIN:VEVENT')} events in the first)."
    )


if __name__ == "__main__":
    main()
