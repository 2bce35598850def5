"""Where the operational assistant stands by in a month's plan: the shelter's thinnest shifts.

The operational assistant (AOP) has no demand of her own (DOMAIN.md): she covers the shifts of
the roles she backs up (caregiver, educator) as ordinary cover. So that a month's plan puts
her where a sick call would hurt most, the shelter's setting ``assistant_standby`` (in
``RuleSet.extra``, default on; ``assistant_role`` names her role, default AOP) raises the
*desired* level (S2, never the minimum: no gap is created) by one person on the riskiest
shifts, as many as the assistants' contracts hold:

- risk of a (day, role): the qualified people present that day who are not assistants, minus
  the role's minimum shifts that day (the fewer to spare, the riskier);
- then shifts planned with nobody above the minimum (desired = minimum) before the others;
- equal risks are spread over the month (the day farthest from the chosen ones first);
- at most one standby shift a day per assistant present, none she could not work (nights).

Pure: reads the problem, returns the demand with the standby shifts marked up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from models.coverage import Demand
from models.people import StaffMember

if TYPE_CHECKING:
    from models.problem import PlanningProblem


ASSISTANT_ROLE = "AOP"


def assistant_role(problem: PlanningProblem) -> str:
    """The role code of the shelter's operational assistant (setting ``assistant_role``)."""
    return str(problem.rules.extra.get("assistant_role", ASSISTANT_ROLE))


def standby_on(problem: PlanningProblem) -> bool:
    """Whether the assistant stands by on the riskiest shifts (setting ``assistant_standby``)."""
    return bool(problem.rules.extra.get("assistant_standby", True))


def assistants_of(problem: PlanningProblem) -> list[StaffMember]:
    """The active staff whose own post is the shelter's assistant role."""
    role = assistant_role(problem)
    return [person for person in problem.staff if person.active and person.primary_role == role]


def standby_demand(problem: PlanningProblem, needs: list[Demand]) -> list[Demand]:
    """``needs`` with the desired level raised by one on the assistants' standby shifts."""
    assistants = assistants_of(problem)
    if not standby_on(problem) or not assistants:
        return needs
    chosen = set(standby_shifts(problem, needs, assistants))
    return [
        replace(need, desired=need.desired + 1)
        if (need.day, need.shift, need.role) in chosen
        else need
        for need in needs
    ]


def standby_shifts(
    problem: PlanningProblem, needs: list[Demand], assistants: list[StaffMember]
) -> list[tuple[date, str, str]]:
    """The (day, shift, role) cells the assistants stand by on, riskiest first."""
    own = assistant_role(problem)
    backed = {role for person in assistants for role in person.roles if role != own}
    nights_ok = any(person.night_work for person in assistants)
    threshold = problem.rules.night_shift_threshold_minutes
    cells = [
        need
        for need in needs
        if need.role in backed
        and need.minimum > 0
        and (nights_ok or not problem.shifts[need.shift].is_night(threshold))
    ]
    if not cells:
        return []
    slack = role_slack(problem, needs, backed, assistants)
    on_duty = Counter(
        day
        for person in assistants
        for day in problem.days
        if day not in problem.absent_days(person.id)
    )
    minutes = sorted(problem.shifts[need.shift].minutes for need in cells)[len(cells) // 2]
    budget = int(sum(problem.contract_target_minutes(p) for p in assistants) // max(minutes, 1))

    def risk(need: Demand) -> tuple[int, int]:
        return slack[(need.day, need.role)], need.desired - need.minimum

    chosen: list[tuple[date, str, str]] = []
    per_day: Counter[date] = Counter()
    for _, group in groupby(sorted(cells, key=risk), key=risk):
        spread_pick(list(group), chosen, per_day, on_duty, budget)
        if len(chosen) >= budget:
            break
    return chosen


def role_slack(
    problem: PlanningProblem,
    needs: list[Demand],
    roles: set[str],
    assistants: list[StaffMember],
) -> dict[tuple[date, str], int]:
    """Per (day, role): qualified non-assistants present minus the role's minimum shifts."""
    helpers = {person.id for person in assistants}
    others = [p for p in problem.staff if p.active and p.id not in helpers]
    absent = {person.id: problem.absent_days(person.id) for person in others}
    required: Counter[tuple[date, str]] = Counter()
    for need in needs:
        if need.role in roles:
            required[(need.day, need.role)] += need.minimum
    return {
        (day, role): sum(1 for p in others if p.can_cover(role) and day not in absent[p.id])
        - required[(day, role)]
        for day in problem.days
        for role in roles
    }


def spread_pick(
    group: list[Demand],
    chosen: list[tuple[date, str, str]],
    per_day: Counter[date],
    on_duty: Counter[date],
    budget: int,
) -> None:
    """Add cells of one risk level to ``chosen``, each time the one farthest from the chosen
    days (ties: the earliest), while the day has an assistant free and the budget lasts."""
    left = [need for need in group if per_day[need.day] < on_duty[need.day]]
    while left and len(chosen) < budget:

        def distance(need: Demand) -> int:
            return min((abs((need.day - day).days) for day, _, _ in chosen), default=0)

        best = max(left, key=lambda need: (distance(need), -need.day.toordinal()))
        chosen.append((best.day, best.shift, best.role))
        per_day[best.day] += 1
        left = [need for need in left if need is not best and per_day[need.day] < on_duty[need.day]]
