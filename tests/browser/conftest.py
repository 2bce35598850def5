"""Browser tests: the real server (``roster serve`` with its worker) and Debian's Chromium.

Chromium runs headless with the flags this machine needs (no sandbox as root, no GPU,
no /dev/shm, no background networking: the network is closed). Screenshots go to
artifacts/screenshots/ (git-ignored; CI keeps the folder). Without /usr/bin/chromium the
tests are skipped with the reason, unless ROSTER_REQUIRE_BROWSER=1 (CI) makes that a failure.
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

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]
ROSTER = Path(sys.executable).parent / "roster"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test here ``browser``; skip (or fail, in CI) without Chromium."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists() and os.environ.get("ROSTER_REQUIRE_BROWSER") != "1":
                item.add_marker(pytest.mark.skip(reason="Chromium no está en /usr/bin/chromium"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    """Poll the health URL until the server answers (it needs a few seconds to start)."""
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"roster serve ended with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/salud", timeout=1):
                return
        except OSError:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)  # give it a moment without busy-waiting
    raise RuntimeError("roster serve did not answer within 30 s")


@pytest.fixture(scope="session")
def server_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The served app's SQLite file (tests may add data the pages then show)."""
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'roster.db'}"


@pytest.fixture(scope="session")
def server(server_database: str) -> Iterator[str]:
    """A served app on a free port, on its own SQLite file with the demo network."""
    # Short solves: the tests watch the flow, not the roster's quality.
    env = {
        **os.environ,
        "ROSTER_DATABASE_URL": server_database,
        "ROSTER_TIME_LIMIT_SECONDS": "4",
    }
    subprocess.run([ROSTER, "init"], env=env, check=True, capture_output=True)
    subprocess.run([ROSTER, "demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen(
        [ROSTER, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, from Debian's package."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies) at 1280 x 900."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-PE")
    yield context.new_page()
    context.close()
