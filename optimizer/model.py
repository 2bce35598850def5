"""The model's context: the PuLP problem, its variables, index maps and named terms.

Rule functions (optimizer/rules) receive a ``ModelContext`` and add constraints and
penalty terms through its helpers, which name every constraint deterministically
(``[A-Za-z0-9_]`` only) and map the name to (rule, person, day).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import pulp

from models.people import StaffMember
from models.problem import PlanningProblem
from models.report import Infeasibility
from models.rules import RuleSet
from models.shifts import ShiftType
from optimizer.timeline import Slot, Timeline
from optimizer.watch import Watch
from optimizer.wording import infeasibility_message

Cell = tuple[str, date, str, str]  # (staff id, day, shift code, role code)
Terms = list[tuple[pulp.LpVariable, float]]
AllowCell = Callable[["ModelContext", StaffMember, date, ShiftType, str], bool]


@dataclass(frozen=True)
class ConstraintInfo:
    """What a named constraint stands for."""

    rule: str
    staff_id: str | None
    day: date | None


@dataclass
class SoftTerm:
    """Unweighted units of one soft rule and the weight that prices them (S1: per tier)."""

    units: pulp.LpAffineExpression
    weight: float
    tier: str | None = None


@dataclass(frozen=True)
class Hotspot:
    """A penalty variable tied to one day and a person or a role: where a search may look."""

    var: pulp.LpVariable
    day: date
    staff_id: str | None = None
    role: str | None = None


@cache
def day_tag(day: date) -> str:
    """A date in names: yyyymmdd (kept: a large model names the same days many times)."""
    return day.strftime("%Y%m%d")


@dataclass
class ModelContext:
    """Everything rule functions need: problem, timeline, variables and their indexes."""

    problem: PlanningProblem
    timeline: Timeline
    lp: pulp.LpProblem
    staff: list[StaffMember]
    tags: dict[str, str]  # staff id -> p000, for names
    absent: dict[str, set[date]] = field(default_factory=dict)
    x: dict[Cell, pulp.LpVariable] = field(default_factory=dict)
    shift_vars: dict[tuple[str, date, str], list[pulp.LpVariable]] = field(
        default_factory=lambda: defaultdict(list)
    )
    day_vars: dict[tuple[str, date], list[pulp.LpVariable]] = field(
        default_factory=lambda: defaultdict(list)
    )
    cover: dict[tuple[date, str, str], list[pulp.LpVariable]] = field(
        default_factory=lambda: defaultdict(list)
    )
    locked: set[Cell] = field(default_factory=set)
    history: dict[str, list[Slot]] = field(default_factory=dict)
    short: dict[tuple[date, str, str, str], pulp.LpVariable] = field(default_factory=dict)
    empty: dict[tuple[date, str], tuple[pulp.LpVariable, float]] = field(default_factory=dict)
    soft_terms: dict[str, list[SoftTerm]] = field(default_factory=lambda: defaultdict(list))
    constraint_info: dict[str, ConstraintInfo] = field(default_factory=dict)
    infeasibilities: list[Infeasibility] = field(default_factory=list)
    hotspots: list[Hotspot] = field(default_factory=list)
    patterns: dict[tuple[str, str, date], pulp.LpVariable] = field(default_factory=dict)
    tightening: list[tuple[pulp.LpConstraint, str]] = field(default_factory=list)
    tightening_lp: pulp.LpProblem = field(default_factory=lambda: pulp.LpProblem("tightening"))
    _worked: dict[tuple[str, date], list[pulp.LpVariable]] = field(default_factory=dict)
    _indicators: dict[str, list[pulp.LpVariable]] = field(default_factory=dict)
    watch: Watch = field(default_factory=Watch)  # the caller's progress hooks and stop flag
    domain: tuple[tuple[str, AllowCell], ...] = ()  # the hard rules' cell filters, in order

    @property
    def rules(self) -> RuleSet:
        return self.problem.rules

    def refuses(self, person: StaffMember, day: date, shift: ShiftType, role: str) -> str | None:
        """The code of the first enabled hard rule whose domain filter refuses the cell."""
        for code, allows in self.domain:
            if self.rules.is_on(code) and not allows(self, person, day, shift, role):
                return code
        return None

    def name(self, *parts: object) -> str:
        """A PuLP-safe name from parts: dates become yyyymmdd, staff ids their tags."""
        rendered = []
        for part in parts:
            if isinstance(part, date):
                rendered.append(day_tag(part))
            elif isinstance(part, str) and part in self.tags:
                rendered.append(self.tags[part])
            else:
                rendered.append(str(part))
        return "__".join(rendered)

    def add_variable(self, cell: Cell) -> pulp.LpVariable:
        """The binary x[p,d,s,r]: person p works shift s of day d covering role r."""
        staff_id, day, shift, role = cell
        var = self.lp.add_variable(self.name("x", staff_id, day, shift, role), 0, 1, pulp.LpBinary)
        self.x[cell] = var
        self.shift_vars[(staff_id, day, shift)].append(var)
        self.day_vars[(staff_id, day)].append(var)
        self.cover[(day, shift, role)].append(var)
        return var

    def add_constraint(
        self,
        constraint: pulp.LpConstraint,
        name: str,
        rule: str,
        staff_id: str | None,
        day: date | None,
    ) -> None:
        """Add a named constraint and remember what it stands for."""
        self.lp.add(constraint, name)
        self.constraint_info[name] = ConstraintInfo(rule, staff_id, day)

    def tighten(self, constraint: pulp.LpConstraint, name: str) -> None:
        """Keep a row of the tighter formulation, for the bound model only (optimizer/bound.py)."""
        self.tightening.append((constraint, name))

    def adopt_tightening(self) -> None:
        """Move the tighter rows into the MIP itself (the weighted phase: they speed its proof)."""
        for constraint, name in self.tightening:
            self.lp.add(constraint, name)
        self.tightening = []

    def tightening_variable(self, name: str) -> pulp.LpVariable:
        """A continuous variable in [0, 1] of the tighter formulation (not in ``lp``)."""
        return self.tightening_lp.add_variable(name, 0, 1)

    def add_limit(
        self, terms: Terms, rhs: float, name: str, rule: str, staff_id: str, days: list[date]
    ) -> None:
        """Add ``sum(coef * var) <= rhs``, relaxed to what the locks already fill.

        When locked assignments alone exceed ``rhs`` the rule cannot hold for this
        person: the limit becomes the locked amount (no further work allowed) and
        the conflict is reported. A negative ``rhs`` from history alone becomes 0.
        """
        if not terms:
            return
        fixed = sum(coef for var, coef in terms if (var.lowBound or 0) > 0.5)
        if fixed > rhs + 1e-9 and fixed > 0:
            self.report(rule, staff_id, days, "locks")
        rhs = max(rhs, fixed, 0.0)
        if sum(coef for _, coef in terms if coef > 0) <= rhs + 1e-9:
            return  # never binding
        expression = pulp.LpAffineExpression(terms)
        self.add_constraint(expression <= rhs, name, rule, staff_id, days[0] if days else None)

    def report(self, rule: str, staff_id: str, days: list[date], cause: str) -> None:
        """Record that a hard rule cannot hold for a person on some dates."""
        span = tuple(sorted(set(days)))
        message = infeasibility_message(rule, staff_id, span, cause)
        item = Infeasibility(rule, staff_id, span, message)
        if item not in self.infeasibilities:
            self.infeasibilities.append(item)

    def work_slots(self, staff_id: str, day: date) -> list[tuple[Slot, list[pulp.LpVariable]]]:
        """Each shift of a month day with the person's variables for it (may be empty)."""
        return [
            (slot, self.shift_vars.get((staff_id, day, slot.code), []))
            for slot in self.timeline.slots_of_day(day)
        ]

    def indicator(self, variables: list[pulp.LpVariable], *name: object) -> list[pulp.LpVariable]:
        """Variables whose sum is 1 when any of ``variables`` is 1, and 0 otherwise.

        With H2 on, ``variables`` themselves (they share a day, so at most one is 1);
        with H2 off, one auxiliary variable squeezed between their maximum and sum, made
        once per ``name`` (a rule asking again for the same name gets the same one).
        """
        if len(variables) <= 1 or self.rules.one_shift_per_day.enabled:
            return variables
        key = self.name("any", *name)
        if key in self._indicators:
            return self._indicators[key]
        aux = self.lp.add_variable(key, 0, 1)
        for index, var in enumerate(variables):
            self.add_constraint(aux >= var, self.name("any_lb", *name, index), "H2", None, None)
        self.add_constraint(
            aux <= pulp.lpSum(variables), self.name("any_ub", *name), "H2", None, None
        )
        self._indicators[key] = [aux]
        return [aux]

    def worked(self, staff_id: str, day: date) -> list[pulp.LpVariable]:
        """Variables whose sum is 1 when the person works ``day`` (a shift starts on it)."""
        key = (staff_id, day)
        if key not in self._worked:
            self._worked[key] = self.indicator(self.day_vars.get(key, []), staff_id, day)
        return self._worked[key]

    def history_worked(self, staff_id: str, day: date) -> bool:
        return any(slot.day == day for slot in self.history.get(staff_id, []))

    def add_soft(
        self, code: str, units: pulp.LpAffineExpression, weight: float, tier: str | None = None
    ) -> None:
        """Register a soft rule's units with the weight that prices them (and S1's tier)."""
        self.soft_terms[code].append(SoftTerm(units, weight, tier))

    def tier_expression(
        self, tiers: tuple[str, ...], weighted: bool = True
    ) -> pulp.LpAffineExpression:
        """S1's shortfall of ``tiers``: weighted, or in plain units (person-hours)."""
        return pulp.lpSum(
            term.units * (term.weight if weighted else 1.0)
            for term in self.soft_terms.get("S1", [])
            if term.tier in tiers and (term.weight or not weighted)
        )

    def unstaffed_expression(self) -> pulp.LpAffineExpression:
        """The time with nobody on site (optimizer/rules/on_site.py), in coverage units."""
        return pulp.lpSum(var * size for var, size in self.empty.values())

    def soft_expression(self, codes: tuple[str, ...] | None = None) -> pulp.LpAffineExpression:
        """The weighted sum of the soft terms of ``codes`` (all when None)."""
        return pulp.lpSum(
            term.units * term.weight
            for code, terms in self.soft_terms.items()
            if codes is None or code in codes
            for term in terms
            if term.weight
        )
