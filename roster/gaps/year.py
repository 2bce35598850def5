"""Posts sized on the year (docs/gaps.md §12): ``roster gaps --year 2027 [--shelter CODE]``.

For each month of the year, with its recorded leave (the planned vacations and any leave
entered ahead: maternity, paternity, training...), the shelter's coverage is solved (phase
1 only, as a scenario's). Where a month has a gap, it is solved again without its leave:
what remains is structural, and the cheapest set of posts that closes it is found for that
month (vacant posts first, the month's analysis's staffing model). The posts are then sized
on the months (``size_posts``: the count every month needs, or a share of them, the
setting ``months_share``), and each month with a gap is solved once more with them: what
its leave still leaves uncovered is "cubrir con reemplazo temporal" with its hours
(``temporary_cover``), not a permanent post.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from time import perf_counter

from sqlalchemy.orm import Session

from models.coverage import Tier
from models.gap_year import MonthGap, NetworkYearAnalysis, YearGapAnalysis, size_posts
from models.gaps import TemporaryCover
from models.problem import PlanningProblem
from models.roster import Gap
from models.staffing import CandidatePost, minimum_demand_hours
from roster import services
from roster.gaps.analysis import (
    ScenarioSolver,
    assumptions,
    cheapest,
    recommended_posts,
    today_cost,
)
from roster.gaps.network import in_parallel, shelter_inputs
from roster.gaps.scenarios import Hires, ShelterInputs, coordination_rules, pool_candidates
from roster.gaps.settings import GapSettings
from roster.storage import session_scope

OnProgress = Callable[[int, int], None]  # (steps done, steps in all)
MONTHS = 12


@dataclass
class YearInputs:
    """A shelter's twelve months, January first (each with that month's absences)."""

    months: list[ShelterInputs]

    @property
    def problem(self) -> PlanningProblem:
        """January's problem: it names the shelter (as a month's inputs do)."""
        return self.months[0].problem


@dataclass
class MonthSolve:
    """One month as solved: its solver (phase 1 with any set of posts) and its gaps."""

    solver: ScenarioSolver
    gaps: list[Gap]
    structural_hours: float


def owed(gaps: list[Gap]) -> list[Gap]:
    """The essential and normal gaps: optional cover is priced, not owed (§3)."""
    return [gap for gap in gaps if gap.tier != Tier.OPTIONAL]


def hours_of(gaps: list[Gap]) -> float:
    return sum(gap.hours for gap in gaps)


def by_role(gaps: list[Gap]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for gap in gaps:
        totals[gap.role] = totals.get(gap.role, 0.0) + gap.hours
    return dict(sorted(totals.items()))


def solve_month(
    item: ShelterInputs, settings: GapSettings, pool: list[CandidatePost], found: list[Hires]
) -> MonthSolve:
    """Today's gap of a month, its structural part, and (into ``found``) the cheapest set
    of posts that closes the structural part."""
    problem = coordination_rules(item.problem, settings)
    solver = ScenarioSolver(problem, settings, pool)
    gaps = owed(solver.result({}).roster.gaps)
    if not gaps:
        return MonthSolve(solver, gaps, 0.0)
    bare = solver
    if any(absence.day_off for absence in problem.absences):
        bare = ScenarioSolver(replace(problem, absences=[]), settings, pool)
    structural = hours_of(owed(bare.result({}).roster.gaps))
    if structural > 0:
        found.append(cheapest(bare.problem, settings, pool, {}, bare).hires)
    return MonthSolve(solver, gaps, structural)


def analyse_shelter_year(
    inputs: YearInputs, settings: GapSettings, on_progress: OnProgress | None = None
) -> YearGapAnalysis:
    """The year's months, the posts sized on them, and the temporary cover left."""
    started = perf_counter()
    first = inputs.months[0]
    pool = pool_candidates(first, settings)
    steps = 2 * len(inputs.months)
    found: list[Hires] = []
    solved = []
    for index, item in enumerate(inputs.months, start=1):
        solved.append(solve_month(item, settings, pool, found))
        if on_progress:
            on_progress(index, steps)
    posts = size_posts(found, len(inputs.months), settings.months_share)
    months, temporary = [], []
    for index, (item, month) in enumerate(zip(inputs.months, solved, strict=True), start=1):
        after = owed(month.solver.result(posts).roster.gaps) if month.gaps else []
        number = item.problem.month
        temporary += [TemporaryCover(number, role, h) for role, h in by_role(after).items()]
        months.append(
            MonthGap(
                month=number,
                demand_hours=minimum_demand_hours(item.problem),
                uncovered_hours=hours_of(month.gaps),
                structural_hours=month.structural_hours,
                after_hours=hours_of(after),
                uncovered_by_role=by_role(month.gaps),
            )
        )
        if on_progress:
            on_progress(len(inputs.months) + index, steps)
    shelter = first.problem.shelter
    return YearGapAnalysis(
        shelter_code=shelter.code,
        shelter_name=shelter.name,
        department=shelter.department,
        year=first.problem.year,
        months=months,
        recommended=recommended_posts(pool, posts),
        temporary_cover=temporary,
        months_share=settings.months_share,
        cost_today=today_cost(first, settings),
        role_names=dict(first.role_names) or {r.code: r.name for r in first.problem.roles},
        assumptions=year_assumptions(settings),
        seconds=perf_counter() - started,
    )


def year_assumptions(settings: GapSettings) -> list[str]:
    """The month's assumptions and the year's own."""
    share = f"{settings.months_share * 100:.0f} %"
    return [
        *assumptions(settings),
        "Cada mes se resuelve con sus vacaciones y licencias registradas; la brecha que queda "
        "sin ellas es estructural y la cierran plazas permanentes, dimensionadas para cerrar "
        f"la brecha estructural en el {share} de los meses.",
        "La brecha que solo las licencias de un mes causan se cubre con reemplazo temporal "
        "(sus horas por función y mes), no con una plaza permanente.",
        "Las ausencias imprevistas no se sortean aquí: su efecto lo mide --resilience.",
    ]


def year_inputs(session: Session, year: int, shelter_code: str | None = None) -> list[YearInputs]:
    """Each stored shelter's twelve months (one shelter with ``shelter_code``)."""
    codes = (
        [services.get_shelter(session, shelter_code).code]
        if shelter_code
        else [shelter.code for shelter in services.list_shelters(session)]
    )
    names = {role.code: role.name for role in services.list_roles(session)}
    found = []
    for code in codes:
        posts = services.list_posts(session, code)
        months = [
            shelter_inputs(services.planning_problem(session, code, year, month), posts, names)
            for month in range(1, MONTHS + 1)
        ]
        found.append(YearInputs(months))
    return found


def year_gap_analysis(
    year: int,
    shelter_code: str | None = None,
    settings: GapSettings | None = None,
    url: str | None = None,
    on_progress: OnProgress | None = None,
) -> NetworkYearAnalysis:
    """Read the shelters' year in one short transaction, then analyse each shelter.

    ``on_progress(done, total)`` hears of each shelter done (of a single shelter: of each
    month solved, twice: the gaps, then with the posts).
    """
    settings = settings or GapSettings()
    with session_scope(url) as session:
        inputs = year_inputs(session, year, shelter_code)
    started = perf_counter()
    if len(inputs) == 1:
        shelters = [analyse_shelter_year(inputs[0], settings, on_progress)]
    else:
        shelters = in_parallel(analyse_shelter_year, inputs, settings, on_progress)
    return NetworkYearAnalysis(year, shelters, perf_counter() - started)
