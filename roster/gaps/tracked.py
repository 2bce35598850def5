"""The network's analysis as a background job runs it: in child processes, watched and stoppable.

Each shelter is analysed in a process of a pool (one solver thread each, ``workers`` at
once). The caller hears of every shelter that ends and may stop the whole run at any
moment: the pool's processes are then terminated, so a cancel takes effect at once
instead of after the shelters being solved.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from time import perf_counter

from models.gaps import NetworkGapAnalysis, ShelterGapAnalysis
from roster.gaps.analysis import ShelterInputs, analyse_shelter
from roster.gaps.settings import GapSettings

POLL_SECONDS = 0.25  # how often the stop request is read while shelters are being solved

OnShelter = Callable[[int, int], None]  # (shelters done, shelters in all)
Stopped = Callable[[], bool]


class AnalysisStopped(Exception):
    """The caller asked the analysis to stop; nothing is returned."""


def analyse_in_pool(
    inputs: list[ShelterInputs],
    settings: GapSettings,
    on_shelter: OnShelter,
    stopped: Stopped,
) -> list[ShelterGapAnalysis]:
    """Each shelter's analysis, in input order; ``AnalysisStopped`` once ``stopped()``."""
    if not inputs:
        return []
    found: list[ShelterGapAnalysis | None] = [None] * len(inputs)
    # spawn: the job's process runs threads (its heartbeat), which a fork would copy badly.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=min(settings.workers, len(inputs))) as pool:  # exit: terminate
        pending = {
            index: pool.apply_async(analyse_shelter, (item, settings))
            for index, item in enumerate(inputs)
        }
        while pending:
            if stopped():
                raise AnalysisStopped
            next(iter(pending.values())).wait(POLL_SECONDS)
            for index, result in list(pending.items()):
                if result.ready():
                    found[index] = result.get()  # a shelter's error is raised here
                    del pending[index]
                    on_shelter(len(inputs) - len(pending), len(inputs))
    return [item for item in found if item is not None]


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
