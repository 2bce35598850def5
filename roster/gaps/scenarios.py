"""The candidates, prices and scenarios of one shelter's analysis (docs/gaps.md §6-7).

- The pool: the new posts HR may create, and the shelter's vacant posts (already budgeted,
  so filled first: the staffing model prices them at a token).
- The cheapest set never hires a new operational assistant to be a caregiver: she is the
  programme's proposal, judged by sick-call resilience, not a cheaper caregiver.
- Prices: an hour of coordination carried by a professional weighs what an hour of her own
  role's post costs (the post's monthly cost / one person's month), so a dedicated coordinator
  is recommended where returning those hours is worth her cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from models.people import StaffMember
from models.problem import PlanningProblem
from models.staffing import CandidatePost, monthly_capacity_hours, with_proposed_staff
from roster.gaps.settings import GapSettings

Hires = dict[str, int]
PROPOSAL_NAME = "Propuesta del programa: coordinadora dedicada + asistente operativo"
SCENARIO_NAMES = {
    "proposal": PROPOSAL_NAME,
    "proposal_plus": "Propuesta + plazas de menor costo para lo que queda",
    "recommended": "Plazas de menor costo, sin la propuesta",
    "today": "Hoy",
    "coordinator": "+ coordinadora dedicada",
    "assistant": "+ asistente operativo",
}


@dataclass
class ShelterInputs:
    """What the analysis of one shelter reads: the month's problem and today's posts.

    ``cost_today`` is the monthly cost of the filled posts; with ``filled_pays`` (their
    monthly pay) the analysis computes it with the employer's charges instead.
    ``vacant_pays`` holds the monthly pay of one vacant post per role.
    """

    problem: PlanningProblem
    cost_today: Decimal = Decimal(0)
    vacant_posts: dict[str, int] = field(default_factory=dict)  # role -> vacant posts
    role_names: dict[str, str] = field(default_factory=dict)
    filled_pays: list[Decimal] = field(default_factory=list)
    vacant_pays: dict[str, Decimal] = field(default_factory=dict)


def vacancy_candidates(inputs: ShelterInputs, settings: GapSettings) -> list[CandidatePost]:
    """One candidate per role with vacant posts: at most that many, at the post's cost."""
    found = []
    for role, count in sorted(inputs.vacant_posts.items()):
        if count <= 0:
            continue
        base = settings.candidate(role) or CandidatePost(role, Decimal(0))
        pay = inputs.vacant_pays.get(role)
        cost = settings.charges.cost_month(pay) if pay else base.monthly_cost
        found.append(replace(base, monthly_cost=cost, vacancy=True, max_count=count))
    return found


def pool_candidates(inputs: ShelterInputs, settings: GapSettings) -> list[CandidatePost]:
    """Every candidate: the vacant posts first, then the new posts HR may create."""
    return [*vacancy_candidates(inputs, settings), *settings.candidates]


def cheapest_candidates(pool: list[CandidatePost], settings: GapSettings) -> list[CandidatePost]:
    """The pool of the cheapest set: no new operational assistant (see the module docstring)."""
    return [c for c in pool if c.vacancy or c.role != settings.assistant_role]


def proposal_hires(pool: list[CandidatePost], settings: GapSettings) -> Hires:
    """A coordinator and an assistant, each a vacant post of the role where there is one."""
    hires: Hires = {}
    for role in (settings.coordinator_role, settings.assistant_role):
        vacant = next((c for c in pool if c.vacancy and c.role == role), None)
        new = next((c for c in pool if not c.vacancy and c.role == role), None)
        chosen = vacant or new
        if chosen is not None:
            hires[chosen.key] = 1
    return hires


def combined(*sets: Hires) -> Hires:
    """Hires added up."""
    total: Hires = {}
    for hires in sets:
        for key, count in hires.items():
            if count:
                total[key] = total.get(key, 0) + count
    return total


def scenario_plan(pool: list[CandidatePost], settings: GapSettings) -> list[tuple[str, Hires]]:
    """The scenarios solved before the staffing model: the proposal, today, each post alone."""
    proposal = proposal_hires(pool, settings)
    plan: list[tuple[str, Hires]] = [("proposal", proposal), ("today", {})]
    for key, role in (
        ("coordinator", settings.coordinator_role),
        ("assistant", settings.assistant_role),
    ):
        alone = {k: n for k, n in proposal.items() if k.endswith(role)}
        if alone:
            plan.append((key, alone))
    return plan


def problem_with(problem: PlanningProblem, pool: list[CandidatePost], hires: Hires):
    """The month's problem with the proposed members of ``hires`` on the staff."""
    chosen = [(c, hires[c.key]) for c in pool if hires.get(c.key)]
    return with_proposed_staff(problem, chosen)


def coordination_rules(problem: PlanningProblem, settings: GapSettings) -> PlanningProblem:
    """With coordination "forbidden" to other roles, nobody but a coordinator covers it."""
    if settings.coordination_by_other_roles != "forbidden":
        return problem
    role = settings.coordinator_role

    def own(person: StaffMember) -> StaffMember:
        if person.primary_role == role or role not in person.roles:
            return person
        return replace(person, roles=tuple(r for r in person.roles if r != role))

    return replace(problem, staff=[own(person) for person in problem.staff])


def diverted_prices(
    problem: PlanningProblem, settings: GapSettings, pool: list[CandidatePost]
) -> dict[str, float]:
    """Soles an hour of each role's post: what an hour of coordination she carries costs."""
    if settings.coordination_by_other_roles != "overload":
        return {}
    hours = max(monthly_capacity_hours(problem), 1.0)
    prices = {
        role: float(settings.charges.cost_month(line.monthly_pay)) / hours
        for role, line in settings.scale.items()
    }
    for candidate in pool:
        if not candidate.vacancy:
            prices[candidate.role] = float(candidate.monthly_cost) / hours
    prices.pop(settings.coordinator_role, None)
    return prices


def hires_cost(pool: list[CandidatePost], hires: Hires, vacancies: bool = True) -> Decimal:
    """Monthly cost of ``hires`` (vacant posts filled included unless ``vacancies`` False)."""
    return sum(
        (c.monthly_cost * hires.get(c.key, 0) for c in pool if vacancies or not c.vacancy),
        Decimal(0),
    )
