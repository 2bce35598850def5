"""A second served app for browser tests that need their own, smaller network.

The session's server (conftest.py) holds the whole demo network; a network gap analysis
of it solves 22 shelters for minutes. ``served`` starts ``roster serve`` on a database
the test prepares, with the settings it gives, and stops it when the block ends.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROSTER = Path(sys.executable).parent / "roster"


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"roster serve ended with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/salud", timeout=1):
                return
        except OSError:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
    raise RuntimeError("roster serve did not answer within 30 s")


def roster_command(env: dict[str, str], *args: str) -> None:
    """Run one ``roster`` command with ``env`` (its output kept for the failure message)."""
    subprocess.run([ROSTER, *args], env=env, check=True, capture_output=True)


@contextlib.contextmanager
def served(database_url: str, **settings: str) -> Iterator[str]:
    """``roster serve`` on ``database_url`` with extra ``ROSTER_*`` settings; its base URL."""
    env = {**os.environ, "ROSTER_DATABASE_URL": database_url, **settings}
    port = free_port()
    process = subprocess.Popen(
        [ROSTER, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
