"""A stronger lower bound: the LP relaxation of the model plus its tightening rows.

Rule functions may keep rows of a tighter, larger formulation (``ModelContext.tighten``,
e.g. the run paths of S6 in rules/soft_runs.py). The search works on the lean model,
where HiGHS moves fast; the bound model adds those rows and is solved once as an LP by
the interior-point method, whose value is a valid lower bound for the same objective
because every integral roster satisfies the extra rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np

from optimizer.highs import WarmHiGHS, run_highs
from optimizer.model import ModelContext
from optimizer.settings import SolverSettings

TOLERANCE = 1e-6  # relative slack for the interior-point method's optimality tolerance


@dataclass(frozen=True)
class Relaxation:
    """The tight LP's value (a lower bound, with the objective's constant) and its
    assignments, in the order of ``ctx.x`` (they guide the search's "guided" kind)."""

    bound: float
    assignments: np.ndarray


def tight_bound(
    ctx: ModelContext, settings: SolverSettings, objective: Any, seconds: float
) -> Relaxation | None:
    """The LP bound of ``objective`` over the model with its tightening rows (None: not solved).

    Runs before any other HiGHS model is built from ``ctx.lp``: building a PuLP model
    numbers its variables, and the assignments are read by those numbers here.
    """
    if not ctx.tightening or seconds <= 0:
        return None
    model = ctx.lp.copy()
    model.setObjective(objective)
    for constraint, name in ctx.tightening:
        model.addConstraint(constraint, name)
    solver = WarmHiGHS(mip=False, msg=settings.msg, threads=settings.threads, timeLimit=seconds)
    solver.createAndConfigureSolver(model)
    solver.buildSolverModel(model)
    highs = model.solverModel
    highs.setOptionValue("solver", "ipm")
    if not run_highs(highs, ctx.watch, incumbent=False):
        return None
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    value = float(highs.getInfo().objective_function_value)
    values = np.array(highs.getSolution().col_value)
    assignments = values[[var.index for var in ctx.x.values()]]
    return Relaxation(value - TOLERANCE * abs(value) + float(objective.constant), assignments)
