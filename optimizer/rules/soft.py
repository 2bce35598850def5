"""Soft rules on coverage and hours: S1 minimum coverage (the gap), S2 desired and over, S3 hours.

Each function adds auxiliary variables and registers its unweighted units with the
weight from the RuleSet (``ctx.add_soft``); the objective is the weighted sum.
"""

from __future__ import annotations

import pulp

from models.coverage import TIERS, Tier
from models.problem import PlanningProblem
from models.rules import RuleSet
from optimizer.model import Hotspot, ModelContext, Terms
from optimizer.rules.on_site import add_someone_on_site


def add_coverage_minimum(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S1 coverage shortfall (the gap): people missing below the minimum, per tier, in person-hours.

    For every demand (d, s, r) and tier t with a minimum m_t > 0: short[d,s,r,t] integer in
    [0, m_t] (so phase 2's tolerance cannot shave fractions off it), and for each such t
    sum_p x[p,d,s,r] + sum_{t' <= t} short[t'] >= sum_{t' <= t} m_t' (tiers in the order
    essential, normal, optional: the people present fill essential need first);
    units_t = sum size(s) * short_t, size = hours(s) (or 1 with coverage_unit "shifts");
    penalty = sum_t coverage_tier_weight(t) * units_t.
    Elastic: the optimiser always returns a roster. Phase 1 minimises the essential units,
    then the time with nobody on site (optimizer/rules/on_site.py), then the normal
    units; the optional ones join phase 2's objective.
    Source: R.M. 150-2016-MIMP; DOMAIN.md default coverage and tiers.
    """
    units: dict[Tier, Terms] = {tier: [] for tier in TIERS}
    for need in problem.demand:
        key = (need.day, need.shift, need.role)
        cover = pulp.LpAffineExpression([(var, 1.0) for var in ctx.cover.get(key, [])])
        size = rules.coverage_size(problem.shifts[need.shift].minutes)
        needed, shorts = 0, list[pulp.LpVariable]()
        for tier in TIERS:
            minimum = need.tier_minimum(tier)
            if minimum <= 0:
                continue
            short = ctx.lp.add_variable(ctx.name("short", *key, tier), 0, minimum, pulp.LpInteger)
            ctx.short[(*key, tier)] = short
            needed, shorts = needed + minimum, [*shorts, short]
            name = ctx.name("cover_min", *key, tier)
            ctx.add_constraint(cover + pulp.lpSum(shorts) >= needed, name, "S1", None, need.day)
            units[tier].append((short, size))
    for tier, terms in units.items():
        weight = rules.coverage_tier_weight(tier)
        ctx.add_soft("S1", pulp.LpAffineExpression(terms), weight, tier)
    add_someone_on_site(ctx, problem, rules)  # the floor: shifts with nobody on site


def add_coverage_desired(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S2 coverage below the desired level, and over-coverage, in person-hours.

    under[d,s,r] >= desired - max(n, minimum) with n = sum_p x[p,d,s,r]: when S1 is on,
    under >= desired - n - short (short is exact at the lexicographic optimum); when S1
    is off, through e <= max(n, minimum) with one binary. over[d,s,r] >= n - desired;
    a cell with no demand (a lock) is all over-coverage. Units are person-hours (person-
    shifts with coverage_unit "shifts"). Penalty: coverage_desired.weight
    per under hour plus over_coverage_weight per over hour. Source: DOMAIN.md coverage.
    """
    under_units: Terms = []
    over_units: Terms = []
    demanded = set()
    for need in problem.demand:
        key = (need.day, need.shift, need.role)
        demanded.add(key)
        size = rules.coverage_size(problem.shifts[need.shift].minutes)
        cover = pulp.LpAffineExpression([(var, 1.0) for var in ctx.cover.get(key, [])])
        if need.desired > need.minimum:
            under = ctx.lp.add_variable(ctx.name("under", *key), 0, need.desired - need.minimum)
            reach = desired_reach(ctx, key, cover, need.minimum, need.desired)
            ctx.add_constraint(
                under + reach >= need.desired, ctx.name("cover_des", *key), "S2", None, need.day
            )
            under_units.append((under, size))
            ctx.hotspots.append(Hotspot(under, need.day, role=need.role))
        if len(ctx.cover.get(key, [])) > need.desired:
            over = ctx.lp.add_variable(ctx.name("over", *key), 0)
            ctx.add_constraint(
                over - cover >= -need.desired, ctx.name("cover_over", *key), "S2", None, need.day
            )
            over_units.append((over, size))
    for key, variables in ctx.cover.items():
        if key not in demanded:
            size = rules.coverage_size(problem.shifts[key[1]].minutes)
            over_units += [(var, size) for var in variables]
    ctx.add_soft("S2", pulp.LpAffineExpression(under_units), rules.coverage_desired.weight)
    ctx.add_soft("S2", pulp.LpAffineExpression(over_units), rules.over_coverage_weight)


def desired_reach(
    ctx: ModelContext, key: tuple, cover: pulp.LpAffineExpression, minimum: int, desired: int
) -> pulp.LpAffineExpression:
    """An expression that may reach max(n, minimum) and no further (see S2)."""
    shorts = [ctx.short[(*key, tier)] for tier in TIERS if (*key, tier) in ctx.short]
    if shorts:
        return cover + pulp.lpSum(shorts)
    if minimum == 0:
        return cover
    reach = ctx.lp.add_variable(ctx.name("reach", *key), 0, desired)
    above = ctx.lp.add_variable(ctx.name("above", *key), 0, 1, pulp.LpBinary)
    ctx.add_constraint(
        reach - (desired - minimum) * above <= minimum,
        ctx.name("reach_min", *key),
        "S2",
        None,
        key[0],
    )
    ctx.add_constraint(
        reach - cover + minimum * above <= minimum, ctx.name("reach_n", *key), "S2", None, key[0]
    )
    return reach + 0


def add_contract_hours(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S3 contracted hours: each person's worked hours as close as possible to her target.

    plus[p] - minus[p] = sum_{d,s,r} hours(s) x[p,d,s,r] - target(p)/60, hours(s) the
    shift's length less its unpaid meal break, with the target
    from problem.contract_target_minutes (pro rata for absences and feriados); a shift
    on a day of her breastfeeding period counts breastfeeding_minutes less (Ley 27240);
    units = sum_p plus + minus; penalty = contract_hours.weight * units.
    Source: D.Leg. 1057 art. 6 (CAS, 48 h a week).
    """
    units: Terms = []
    hours: dict[str, Terms] = {}
    short = {person.id: problem.shortened_days(person.id) for person in ctx.staff}
    for (staff_id, day, shift, _), var in ctx.x.items():
        cut = rules.breastfeeding_minutes if day in short.get(staff_id, ()) else 0
        minutes = problem.shifts[shift].worked_minutes - cut
        hours.setdefault(staff_id, []).append((var, minutes / 60))
    for person in ctx.staff:
        target = problem.contract_target_minutes(person) / 60
        worked = hours.get(person.id, [])
        plus = ctx.lp.add_variable(ctx.name("hours_over", person.id), 0)
        minus = ctx.lp.add_variable(ctx.name("hours_under", person.id), 0)
        balance = pulp.LpAffineExpression(worked + [(plus, -1.0), (minus, 1.0)])
        ctx.add_constraint(
            balance == target, ctx.name("contract", person.id), "S3", person.id, None
        )
        units += [(plus, 1.0), (minus, 1.0)]
    ctx.add_soft("S3", pulp.LpAffineExpression(units), rules.contract_hours.weight)
