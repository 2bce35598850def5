"""The search core's plans: how a search spends its time and which neighbourhoods it draws.

The shelters' phase 2 (``SHELTER``) and the benchmark's weighted phase (``WEIGHTED``, or
``WHOLE`` below ``SEARCH_FROM`` assignment columns) are the two configurations of the
one search (optimizer/search.py). Shares are of the phase's time budget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from optimizer.neighbourhoods import Size
from optimizer.settings import SolverSettings

SHAPE_CODES = ("S2", "S3", "S5", "S7")  # the objective without S4 and S6: a quick first shape
SEARCH_FROM = 1_500  # assignment columns from which the weighted phase searches
CONSTRUCT_FROM = 20_000  # ... from which its run paths stay out and a constructive start leads


@dataclass(frozen=True)
class SearchPlan:
    """How a search spends its time (shares of its budget) and which neighbourhoods it draws."""

    kinds: tuple[str, ...] = ()  # names in optimizer.neighbourhoods.NEIGHBOURHOODS
    explore: float = 0.0  # the share of kinds drawn evenly rather than by payoff
    probe_share: float = 0.1  # the first run of the whole model, from the start
    probe_seconds: float = math.inf  # at most this long
    shape_share: float = 0.0  # a run on the shape's costs (``shape_codes``) before the search
    shape_codes: tuple[str, ...] = SHAPE_CODES
    search_share: float = 0.8  # the neighbourhoods run for at most this share ...
    search_end: float = 0.9  # ... and end by this share of the budget
    final: bool = True  # the rest: a run of the whole model from the best roster
    construct_share: float = 0.0  # a constructive start (no start given), at most
    relax_share: float = 0.0  # the LP relaxation (a bound, and the "guided" kind), at most
    size: Size = field(default_factory=lambda: Size(3, 7))  # the first neighbourhoods
    sub_seconds: float = 3.0  # the time limit of one neighbourhood (at first)
    most_seconds: float = 24.0  # ... and at most, once escalated
    adaptive: bool = True  # sizes adapt and escalate (NeighbourhoodSize)
    stall_share: float = 0.1  # escalate after this share of the budget without improving
    stall_seconds: float = 10.0  # ... but never sooner than this


# The shelters' phase 2: a probe (small months are proven here), a quick shape without
# fairness and patterns, then short neighbourhoods drawn by payoff until the end. No last
# whole run: on the 16-18-person months it found nothing the search had not, and the
# time is worth more to the roster than to the bound (docs/experiments.md, 2026-12-02).
SHELTER = SearchPlan(
    kinds=("hotspot", "people", "days", "both", "guided", "fairness", "weekend"),
    probe_share=0.05,
    shape_share=0.35,
    search_share=1.0,
    search_end=1.0,
    final=False,
    size=Size(4, 6),
    sub_seconds=0.4,
    adaptive=False,
)
# The benchmark's weighted phase from 1,500 assignment columns (docs/model.md). Its kinds
# are drawn evenly: by payoff the shortfall kind, slow but the only one that moves the
# cover, lost its turns and Instances 8 and 9 stalled (docs/experiments.md).
WEIGHTED = SearchPlan(
    kinds=("people", "days", "both", "guided", "shortfall"),
    explore=1.0,
    probe_share=0.1,
    probe_seconds=15.0,
    relax_share=0.05,
    construct_share=0.1,
)
# Below that, HiGHS alone: its tree is its strength (docs/benchmarks.md).
WHOLE = SearchPlan(probe_share=1.0, search_share=0.0, final=False)


def weighted_plan(columns: int, settings: SolverSettings) -> SearchPlan:
    """HiGHS alone below ``SEARCH_FROM`` assignment columns (its tree is its strength);
    the weighted search from there, led by a longer constructive start and without the
    LP relaxation from ``CONSTRUCT_FROM`` (minutes on the largest models)."""
    if not settings.neighbourhood_search or columns < SEARCH_FROM:
        return WHOLE
    if columns >= CONSTRUCT_FROM:
        return replace(WEIGHTED, construct_share=0.6, relax_share=0.0)
    return WEIGHTED
