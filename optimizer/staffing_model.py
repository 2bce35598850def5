"""The staffing MILP: the month's roster model plus a pool of candidate posts as virtual staff.

Every virtual person is a proposed member (models.staffing) under the same hard rules
as the real staff; a binary ``hire`` variable per virtual person switches her on:

- use:      sum_{s,r} x[v,d,s,r] <= hire[v] for every day d (x[v,d,s,r] <= hire[v] with H2 off)
- symmetry: hire[c,k] <= hire[c,k-1] for the k-th copy of candidate c
- hired(c) = sum_k hire[c,k]
- diverted(r) = sum of x[p,d,s,COO] x hours(s) over people p whose own post is role r != COO:
  coordination carried by another professional, priced like uncovered hours of her role
  (docs/gaps.md §4)

Soft rules other than the gap (S2-S7) are switched off: a proposed post is proved legal by
the hard rules, and contract hours or fairness of people not yet hired mean nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pulp

from models.coverage import Tier
from models.problem import PlanningProblem
from models.rules import RuleSet
from models.staffing import CandidatePost, proposed_count, proposed_id, with_proposed_staff
from optimizer.build import build_model
from optimizer.model import ModelContext

QUALITY_SWITCHES = (
    "coverage_desired",
    "contract_hours",
    "fairness",
    "requests",
    "patterns",
    "stability",
)


def staffing_rules(rules: RuleSet) -> RuleSet:
    """The shelter's rules with every soft rule but the gap (S1) switched off."""
    changes = {key: replace(getattr(rules, key), enabled=False) for key in QUALITY_SWITCHES}
    return replace(rules, **changes)


@dataclass
class PoolModel:
    """The built staffing model: its context, the hire variables and the gap in hours."""

    ctx: ModelContext
    hires: dict[str, list[pulp.LpVariable]]  # candidate key -> hire variable of each copy
    gap_hours: pulp.LpAffineExpression
    candidates: list[CandidatePost]
    first: dict[str, int]  # candidate key -> number of its first copy

    def cost_expression(self, vacancy_cost: float = 0.0) -> pulp.LpAffineExpression:
        """sum_c monthly_cost(c) * hired(c), in soles; a vacancy (already budgeted) costs
        ``vacancy_cost`` instead, so vacant posts are filled before new ones."""
        costs = {
            c.key: vacancy_cost if c.vacancy else float(c.monthly_cost) for c in self.candidates
        }
        return pulp.LpAffineExpression(
            [(var, costs[key]) for key, variables in self.hires.items() for var in variables]
        )

    def diverted_cost(
        self, prices: dict[str, float], coordinator_role: str
    ) -> pulp.LpAffineExpression:
        """sum_r price(r) x diverted(r): coordination carried by others, in soles."""
        return diverted_expression(self.ctx, coordinator_role, prices)

    def hired(self) -> dict[str, int]:
        """Copies hired per candidate role in the current solution."""
        return {
            role: sum(1 for var in variables if (var.varValue or 0) > 0.5)
            for role, variables in self.hires.items()
        }

    def working(self) -> dict[str, int]:
        """Copies per candidate role that work at least one shift in the current solution."""
        busy = {cell[0] for cell, var in self.ctx.x.items() if (var.varValue or 0) > 0.5}
        shelter = self.ctx.problem.shelter.code
        return {
            key: sum(
                1
                for n in range(len(variables))
                if proposed_id(shelter, key, self.first[key] + n) in busy
            )
            for key, variables in self.hires.items()
        }

    def gap_value(self) -> float:
        """Uncovered hours of the current solution."""
        return float(pulp.value(self.gap_hours) or 0.0)


def build_pool_model(
    problem: PlanningProblem, candidates: list[CandidatePost], pool: dict[str, int]
) -> PoolModel:
    """The roster model of ``problem`` with ``pool[role]`` virtual copies of each candidate."""
    offered = [(candidate, pool.get(candidate.key, 0)) for candidate in candidates]
    first = {candidate.key: proposed_count(problem, candidate.key) + 1 for candidate in candidates}
    augmented = replace(with_proposed_staff(problem, offered), rules=staffing_rules(problem.rules))
    ctx = build_model(augmented)
    hires = {
        candidate.key: add_hire_variables(ctx, candidate, count, first[candidate.key])
        for candidate, count in offered
    }
    gap = pulp.lpSum(  # posts close essential and normal cover; optional cover sizes none
        term.units for term in ctx.soft_terms.get("S1", []) if term.tier != Tier.OPTIONAL
    )
    return PoolModel(ctx, hires, pulp.LpAffineExpression(gap), list(candidates), first)


def diverted_expression(
    ctx: ModelContext, coordinator_role: str, prices: dict[str, float] | None = None
) -> pulp.LpAffineExpression:
    """Hours of coordination carried by people whose own post is another role, each hour
    weighted by ``prices[her role]`` (1 for every role without ``prices``)."""
    staff = ctx.problem.staff_by_id
    terms = []
    for (staff_id, _, shift, role), var in ctx.x.items():
        own = staff[staff_id].primary_role
        if role != coordinator_role or own == coordinator_role:
            continue
        price = 1.0 if prices is None else prices.get(own, 0.0)
        if price:
            terms.append((var, price * ctx.problem.shifts[shift].minutes / 60))
    return pulp.LpAffineExpression(terms)


def add_hire_variables(
    ctx: ModelContext, candidate: CandidatePost, count: int, first: int = 1
) -> list[pulp.LpVariable]:
    """hire[c,k] for the ``count`` copies from number ``first``, each copy's work bound by it,
    copies hired in order."""
    shelter = ctx.problem.shelter.code
    variables: list[pulp.LpVariable] = []
    for number in range(first, first + count):
        staff_id = proposed_id(shelter, candidate.key, number)
        hire = ctx.lp.add_variable(ctx.name("hire", staff_id), 0, 1, pulp.LpBinary)
        bind_work(ctx, staff_id, hire)
        if variables:
            name = ctx.name("hire_order", staff_id)
            ctx.add_constraint(hire - variables[-1] <= 0, name, "STAFF", staff_id, None)
        variables.append(hire)
    return variables


def bind_work(ctx: ModelContext, staff_id: str, hire: pulp.LpVariable) -> None:
    """A virtual person works only if hired: per day with H2 on, per cell otherwise."""
    for day in ctx.timeline.days:
        variables = ctx.day_vars.get((staff_id, day), [])
        if not variables:
            continue
        groups = [variables] if ctx.rules.one_shift_per_day.enabled else [[v] for v in variables]
        for index, group in enumerate(groups):
            expression = pulp.LpAffineExpression([(var, 1.0) for var in group] + [(hire, -1.0)])
            name = ctx.name("hire_use", staff_id, day, index)
            ctx.add_constraint(expression <= 0, name, "STAFF", staff_id, day)
