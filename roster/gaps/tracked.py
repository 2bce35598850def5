"""The network's analysis as a background job runs it: in child processes, watched and stoppable.

Each shelter is analysed in a child process of its own (one solver thread, ``workers``
at once). The caller hears of every shelter that ends and may stop the whole run at any
moment: the running children are then terminated, so a cancel takes effect at once
instead of after the shelters being solved. A child that dies without an answer (killed,
out of memory, a crash in the solver library) ends the run with an error naming the
shelter, instead of leaving it waiting for ever as a process pool would.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from time import perf_counter
from typing import Any

from models.gaps import NetworkGapAnalysis, ShelterGapAnalysis
from roster.gaps.analysis import ShelterInputs, analyse_shelter
from roster.gaps.settings import GapSettings

POLL_SECONDS = 0.25  # how often the stop request is read while shelters are being solved

OnShelter = Callable[[int, int], None]  # (shelters done, shelters in all)
Stopped = Callable[[], bool]
Analyse = Callable[[ShelterInputs, GapSettings], ShelterGapAnalysis]


class AnalysisStopped(Exception):
    """The caller asked the analysis to stop; nothing is returned."""


class ShelterFailed(RuntimeError):
    """One shelter's analysis raised, or its process ended without an answer."""


def _child(answer: Connection, target: Analyse, item: ShelterInputs, settings: GapSettings) -> None:
    """In the child process: analyse one shelter and send back the result, or the error."""
    try:
        answer.send(("ok", target(item, settings)))
    except BaseException as error:  # the parent reports it; the child just ends
        answer.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        answer.close()


class _Running:
    """The child processes analysing shelters now, by input index."""

    def __init__(self, target: Analyse) -> None:
        # spawn: the job's process runs threads (its heartbeat), which a fork copies badly.
        self.context = multiprocessing.get_context("spawn")
        self.target = target
        self.children: dict[int, tuple[BaseProcess, Connection]] = {}

    def start(self, index: int, item: ShelterInputs, settings: GapSettings) -> None:
        receiver, sender = self.context.Pipe(duplex=False)
        args = (sender, self.target, item, settings)
        process = self.context.Process(target=_child, args=args, daemon=True)
        process.start()
        sender.close()
        self.children[index] = (process, receiver)

    def wait(self) -> None:
        """Until a child answers or ends, or ``POLL_SECONDS`` pass."""
        handles: list[Any] = [receiver for _, receiver in self.children.values()]
        handles += [process.sentinel for process, _ in self.children.values()]
        wait(handles, timeout=POLL_SECONDS)

    def collect(self, code_of: Callable[[int], str]) -> list[tuple[int, ShelterGapAnalysis]]:
        """The analyses that arrived; ``ShelterFailed`` for an error or a silent death."""
        done = []
        for index, (process, receiver) in list(self.children.items()):
            if not receiver.poll() and process.is_alive():
                continue
            del self.children[index]
            try:
                status, value = receiver.recv()
            except EOFError:  # it ended (or was killed) before answering
                process.join()
                raise ShelterFailed(
                    f"el cálculo del hogar '{code_of(index)}' terminó sin resultado "
                    f"(código de salida {process.exitcode})"
                ) from None
            process.join()
            if status != "ok":
                raise ShelterFailed(f"hogar '{code_of(index)}': {value}")
            done.append((index, value))
        return done

    def stop(self) -> None:
        """Terminate every child still running."""
        for process, receiver in self.children.values():
            process.terminate()
            process.join()
            receiver.close()
        self.children.clear()


def analyse_in_pool(
    inputs: list[ShelterInputs],
    settings: GapSettings,
    on_shelter: OnShelter,
    stopped: Stopped,
    target: Analyse = analyse_shelter,
) -> list[ShelterGapAnalysis]:
    """Each shelter's analysis, in input order; ``AnalysisStopped`` once ``stopped()``.

    ``target`` replaces ``analyse_shelter`` (tests); it must be importable by name.
    """
    found: dict[int, ShelterGapAnalysis] = {}
    waiting = list(enumerate(inputs))
    running = _Running(target)
    try:
        while waiting or running.children:
            if stopped():
                raise AnalysisStopped
            while waiting and len(running.children) < settings.workers:
                running.start(*waiting.pop(0), settings)
            running.wait()
            for index, analysis in running.collect(lambda k: inputs[k].problem.shelter.code):
                found[index] = analysis
                on_shelter(len(found), len(inputs))
    finally:
        running.stop()
    return [found[index] for index in range(len(inputs))]


def analyse_tracked(
    year: int,
    month: int,
    inputs: list[ShelterInputs],
    settings: GapSettings,
    on_shelter: OnShelter,
    stopped: Stopped,
) -> NetworkGapAnalysis:
    """The month's analysis of every shelter in ``inputs``, with the wall time it took."""
    started = perf_counter()
    shelters = analyse_in_pool(inputs, settings, on_shelter, stopped)
    return NetworkGapAnalysis(year, month, shelters, perf_counter() - started)
