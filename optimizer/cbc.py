"""CBC runs watched: PuLP starts CBC as a subprocess, so the caller's thread follows its log.

The solve runs on a worker thread; the calling thread reads CBC's log every half
second (the incumbent from "Integer solution of", the bound from "best possible"),
reports progress, and when the caller stops the solve sends CBC an interrupt (SIGINT,
CBC's own Ctrl-C): CBC stops its search and writes its best solution, which PuLP reads
as usual. CBC acts on it only once its tree search runs: during its root (cuts,
heuristics) it is sent again every half second and after ``GRACE`` seconds CBC is
ended (SIGTERM), leaving no solution from that run (the phase reads "none"). The CBC
process is found as the child of this process whose command line holds the run's own
temporary folder (Linux's /proc); where that is not available the run ends at its time
limit instead.
"""

from __future__ import annotations

import math
import os
import re
import signal
import threading
from pathlib import Path
from time import perf_counter
from typing import Any

import pulp

from optimizer.watch import INTERVAL, Watch

INCUMBENT = re.compile(r"Integer solution of (\S+)")
BOUND = re.compile(r"best possible (\S+)")
NO_VALUE = 1e49  # CBC prints 1e+50 for "none yet"
GRACE = 1.5  # seconds CBC may ignore the interrupt (its root: cuts, heuristics) before it ends


def run_cbc(lp: pulp.LpProblem, solver: Any, folder: str, log_path: str, watch: Watch) -> None:
    """Solve ``lp`` with the CBC ``solver`` (its files in ``folder``), ticking ``watch``."""
    solver.tmpDir = folder  # its model and solution files: how its process is found
    outcome: dict[str, Any] = {}
    worker = threading.Thread(target=_solve, args=(lp, solver, outcome), daemon=True)
    worker.start()
    asked: float | None = None  # when CBC was first asked to stop
    try:
        while worker.is_alive():
            worker.join(INTERVAL / 2)
            note_log(log_path, watch)
            if watch.tick():
                asked = asked or perf_counter()
                interrupt(folder, perf_counter() - asked > GRACE)
    finally:
        while worker.is_alive():  # the caller's hook raised: stop CBC before leaving
            interrupt(folder, end=True)
            worker.join(INTERVAL / 2)
    if "error" in outcome:
        if not watch.cancelled:
            raise outcome["error"]
        lp.assignStatus(pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound)  # stopped early


def _solve(lp: pulp.LpProblem, solver: Any, outcome: dict[str, Any]) -> None:
    """The worker thread: PuLP writes the model, runs CBC and reads its solution."""
    try:
        lp.solve(solver)
    except BaseException as error:  # noqa: BLE001 - handed to the calling thread
        outcome["error"] = error


def note_log(log_path: str, watch: Watch) -> None:
    """Note CBC's latest incumbent and bound from its log (both without the constant)."""
    try:
        text = Path(log_path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    incumbents, bounds = INCUMBENT.findall(text), BOUND.findall(text)
    watch.note(last_value(incumbents), last_value(bounds))


def last_value(values: list[str]) -> float | None:
    """The last of CBC's printed numbers, unless it means "none yet"."""
    if not values:
        return None
    try:
        value = float(values[-1])
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) < NO_VALUE else None


def interrupt(folder: str, end: bool = False) -> bool:
    """Send SIGINT (``end``: SIGTERM) to this process's CBC child working in ``folder``;
    True if one was found."""
    found = False
    for pid in children_in(folder):
        try:
            os.kill(pid, signal.SIGTERM if end else signal.SIGINT)
            found = True
        except OSError:
            continue
    return found


def children_in(folder: str) -> list[int]:
    """Processes whose parent is this one and whose command line names ``folder``."""
    mine, needle, found = os.getpid(), folder.encode(), []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == mine and needle in command:
            found.append(int(entry))
    return found
