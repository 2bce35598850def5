"""The gap analysis service: figures, scenarios, the recommendation, storage and the CLI.

The small shelter ("Huancavelica in miniature"), February 2027 (four whole weeks, no feriado):
one psychologist, also qualified as coordinator, and a vacant operational assistant post
(AOP: no demand of her own). Minimum demand, M 07-15: PSI Monday to Saturday (24 shifts),
COO Monday to Friday (20): 352 h.

- Today: the psychologist works at most six shifts a week (48 h), her own 24 PSI shifts; the
  20 COO shifts (160 h) stay uncovered.
- The programme's proposal: a new coordinator and the vacant assistant post filled: no gap.
- The cheapest set without it: one coordinator (S/ 4,800). A psychologist (S/ 3,800) would
  also close the gap, but psi1 would then carry 160 h of coordination, priced at what 160 h
  of a psychologist's post cost (3,800 / 192 h each: S/ 3,167), so 6,967 in all.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models import (
    CoverageRule,
    DayClass,
    Gap,
    NetworkData,
    PlanningProblem,
    Post,
    PostStatus,
    Role,
    Roster,
    Shelter,
    ShelterData,
    ShiftType,
    StaffMember,
)
from models.calendar import PeruCalendar
from models.coverage import Tier
from models.gaps import GapBreakdown, GapLine
from models.roster import Assignment, GapReason
from models.staffing import CandidatePost
from models.yearly import LeaveAllowance, annual_demand_hours, yearly_need
from optimizer import SolverSettings
from optimizer.staffing import StaffingSettings, solve_pool
from roster import services
from roster.cli import app
from roster.demo import generate_network
from roster.gaps import (
    GapSettings,
    ShelterInputs,
    analyse_network,
    analyse_shelter,
    default_candidates,
)
from roster.gaps.figures import contract_lines, coordination_carriers, gap_breakdown
from roster.storage import session_scope

CODE = "HRT-T8"
ROLES = [
    Role("COO", "Coordinadora"),
    Role("PSI", "Psicóloga"),
    Role("AOP", "Asistente"),
    Role("CUI", "Cuidadora"),
]
MORNING = ShiftType("M", "Mañana", time(7, 0), 480)
CANDIDATES = [
    CandidatePost("COO", Decimal("4800"), night_work=False),
    CandidatePost("AOP", Decimal("1800"), also=("CUI",)),
    CandidatePost("PSI", Decimal("3800"), night_work=False),
]
SETTINGS = GapSettings(
    candidates=CANDIDATES,
    solver=SolverSettings(time_limit_phase1=30, time_limit_phase2=2, threads=1),
    workers=1,
)
WEEKDAYS, SATURDAY = DayClass.WEEKDAY, DayClass.SATURDAY


def mini_data() -> ShelterData:
    """The shelter of the module docstring, with its posts (one filled, one vacant)."""
    shelter = Shelter(CODE, "Hogar de prueba", "Huancavelica", "Huancavelica")
    psychologist = StaffMember("psi1", CODE, "Psicóloga 1", "PSI", ("PSI", "COO"))
    coverage = [
        *(CoverageRule("PSI", "M", k, 1, 1) for k in (WEEKDAYS, SATURDAY)),
        CoverageRule("COO", "M", WEEKDAYS, 1, 1),
    ]
    posts = [
        Post("PL1", CODE, "PSI", monthly_cost=Decimal("3800"), status=PostStatus.FILLED),
        Post("PL2", CODE, "AOP", monthly_cost=Decimal("1800"), status=PostStatus.VACANT),
    ]
    return ShelterData(shelter, posts, [psychologist], [MORNING], coverage)


def mini_problem() -> PlanningProblem:
    return mini_data().problem(ROLES, 2027, 2)


@pytest.fixture(scope="module")
def analysis():
    inputs = ShelterInputs(mini_problem(), Decimal("3800"), {"AOP": 1})
    return analyse_shelter(inputs, SETTINGS)


def test_today_leaves_160_hours_with_their_proof(analysis) -> None:
    assert analysis.today.demand_hours == 352
    assert analysis.uncovered_hours == 160
    assert analysis.proof.status == "optimal"
    assert analysis.proof.proved_hours == 160
    assert analysis.today.coverage_pct == pytest.approx(100 * (1 - 160 / 352))
    assert analysis.today.tiers == {"essential": 0, "normal": 160, "optional": 0}
    assert analysis.today.unstaffed == []  # the psychologist is on site every weekday
    today = analysis.scenario("today")
    assert today.uncovered_by_tier == analysis.today.tiers and today.unstaffed_shifts == 0
    assert analysis.scenario("proposal").uncovered_by_tier["normal"] == 0


def test_the_programmes_proposal_comes_first_then_the_cheapest_sets(analysis) -> None:
    keys = [scenario.key for scenario in analysis.scenarios]
    assert keys == ["proposal", "proposal_plus", "recommended", "today", "coordinator", "assistant"]
    proposal = analysis.scenario("proposal")
    assert proposal.name == "Propuesta del programa: coordinadora dedicada + asistente operativo"
    assert proposal.added == {"COO": 1, "VAOP": 1}  # the vacant assistant post, filled
    assert proposal.uncovered_hours == 0 and proposal.diverted_hours == 0
    assert proposal.cost_month == Decimal("3800") + 4800 + 1800
    assert proposal.new_cost_month == Decimal("4800")  # the vacancy is already budgeted
    assert proposal.cost_year == proposal.cost_month * 12
    assert analysis.scenario("proposal_plus").added == {"COO": 1, "VAOP": 1}
    assert analysis.recommended_on_proposal == []
    assert analysis.scenario("assistant").uncovered_hours == 160  # she has no demand of her own
    assert analysis.scenario("today").cost_month == Decimal("3800")
    assert all(s.resilience_pct is None for s in analysis.scenarios)  # not asked for


def test_the_cheapest_posts_close_the_gap(analysis) -> None:
    posts = {post.role: post.count for post in analysis.recommended}
    assert posts == {"COO": 1}
    assert analysis.recommended_cost == Decimal("4800")
    assert analysis.staffing_status == "optimal"
    assert analysis.uncovered_hours_after == 0
    recommended = analysis.scenario("recommended")
    assert recommended.coverage_pct == 100
    assert recommended.added_cost_month == Decimal("4800")
    assert recommended.diverted_hours == 0


def test_the_report_lists_its_assumptions(analysis) -> None:
    text = " ".join(analysis.assumptions)
    assert "EsSalud 9 %" in text and "Aguinaldos" in text and "vacantes" in text


def test_the_quick_fte_estimate_sits_beside_the_proof(analysis) -> None:
    # one person's February: 48 h x 28 / 7 = 192 h; COO 160 h -> 0.83 FTE
    assert analysis.capacity_hours == 192
    assert analysis.fte_estimate["COO"] == pytest.approx(160 / 192)


def feb(day: int) -> date:
    return date(2027, 2, day)


def test_coordination_carried_and_what_it_costs_her_own_role() -> None:
    problem = mini_problem()
    roster = Roster(
        CODE,
        2027,
        2,
        [
            Assignment("psi1", feb(1), "M", "COO"),  # Monday: PSI left uncovered
            Assignment("psi1", feb(2), "M", "PSI"),
            Assignment("psi1", feb(3), "M", "COO"),  # Wednesday: PSI covered by nobody either
        ],
    )
    roster.gaps = [
        Gap(feb(1), "M", "PSI", 1, 480, GapReason.BUSY),
        Gap(feb(2), "M", "COO", 1, 480, GapReason.BUSY),
    ]
    [carrier] = coordination_carriers(problem, roster, "COO")
    assert carrier.coordination_hours == 16
    assert carrier.own_role_uncovered_hours == 8  # 3 Feb has no PSI gap recorded


def test_a_coordinator_is_not_her_own_carrier() -> None:
    problem = mini_problem()
    coordinator = StaffMember("coo1", CODE, "Coordinadora", "COO", ("COO",))
    problem.staff.append(coordinator)
    roster = Roster(CODE, 2027, 2, [Assignment("coo1", feb(1), "M", "COO")])
    assert coordination_carriers(problem, roster, "COO") == []


def test_breakdown_groups_by_role_shift_day_class_reason_and_tier() -> None:
    problem = mini_problem()
    worked = [Assignment("psi1", feb(1), "M", "PSI"), Assignment("psi1", feb(8), "M", "PSI")]
    roster = Roster(CODE, 2027, 2, worked)
    roster.gaps = [
        Gap(feb(6), "M", "PSI", 1, 480, GapReason.NOBODY_QUALIFIED, Tier.ESSENTIAL),  # Saturday
        Gap(feb(13), "M", "PSI", 1, 480, GapReason.NOBODY_QUALIFIED),  # Saturday
        Gap(feb(8), "M", "COO", 1, 480, GapReason.WEEKLY_HOURS, Tier.OPTIONAL),
    ]
    breakdown = gap_breakdown(problem, roster)
    assert breakdown.uncovered_hours == 24 and breakdown.uncovered_shifts == 3
    assert breakdown.by("role") == {"PSI": 16, "COO": 8}
    assert breakdown.by("day_class") == {"saturday": 16, "weekday": 8}
    assert breakdown.by("reason") == {"nobody_qualified": 16, "weekly_hours": 8}
    assert breakdown.tiers == {"essential": 8, "normal": 8, "optional": 8}
    assert breakdown.by("tier") == {"essential": 8, "normal": 8, "optional": 8}
    # the two Saturdays had nobody on site; on the 8th the psychologist was there
    assert [(u.day, u.role) for u in breakdown.unstaffed] == [(feb(6), "PSI"), (feb(13), "PSI")]
    first = next(c for c in breakdown.heat if c.day == feb(1))
    assert (first.required, first.covered) == (2, 1)  # PSI and COO needed; PSI there


def test_hours_above_contract_come_from_the_month_target() -> None:
    problem = mini_problem()  # psi1: 48 h x 28 / 7 = 192 h in February
    shifts = [Assignment("psi1", feb(d), "M", "PSI") for d in range(1, 26)]  # 25 x 8 = 200 h
    [line] = contract_lines(problem, Roster(CODE, 2027, 2, shifts))
    assert (line.worked_hours, line.contract_hours, line.above_hours) == (200, 192, 8)


def test_coverage_percent_of_an_empty_demand_is_full() -> None:
    assert GapBreakdown(0.0).coverage_pct == 100
    lines = [GapLine("CUI", "N", "weekday", "busy", 1, 8.0)]
    assert GapBreakdown(80.0, lines).coverage_pct == 90


def test_a_24_7_post_needs_about_four_people_a_year() -> None:
    need = yearly_need(2026, PeruCalendar(), allowance=LeaveAllowance())
    assert need.hours_per_post == 8760 and need.feriados == 16
    # 365 x 48/7 - 30 x 48/7 - 16 x 8 = 2,169.1 h offered
    assert need.offered_hours == pytest.approx(365 * 48 / 7 - 30 * 48 / 7 - 16 * 8)
    assert need.people_per_post == pytest.approx(4.04, abs=0.01)
    assert 4.3 <= need.people_per_post_with_leave <= 4.6
    leap = yearly_need(2028, PeruCalendar())
    assert leap.hours_per_post == 8784


def test_annual_demand_counts_each_day_class_of_the_year() -> None:
    data = mini_data()
    demand = annual_demand_hours(2026, PeruCalendar(), data.coverage, data.shift_types)
    assert "AOP" not in demand  # the assistant has no demand of her own
    # PSI every day but Sundays and feriados: 16 feriados, 3 of them on a Sunday in 2026
    assert demand["PSI"] == (365 - 52 - 13) * 8
    # COO only on weekdays that are not feriados: 261 weekdays in 2026, 13 feriados fall on
    # them (1 Jan, 2-3 Apr, 1 May, 29 Jun, 23 Jul, 28-29 Jul, 6 Aug, 8 Oct, 8-9 Dec, 25 Dec)
    assert demand["COO"] == (261 - 13) * 8


def test_the_network_runs_in_parallel_and_ranks_by_gap(analysis) -> None:
    covered = mini_data()
    covered.shelter = replace(covered.shelter, code="HRT-T7")
    covered.coverage = [rule for rule in covered.coverage if rule.role == "PSI"]  # 24 shifts
    inputs = [
        ShelterInputs(covered.problem(ROLES, 2027, 2), Decimal("3800")),
        ShelterInputs(mini_problem(), Decimal("3800")),
    ]
    network = analyse_network(2027, 2, inputs, replace(SETTINGS, workers=2))
    assert [item.shelter_code for item in network.ranked()] == [CODE, "HRT-T7"]
    assert network.ranked()[1].uncovered_hours == 0 and network.ranked()[1].recommended == []
    assert network.total_posts() == {"COO": 1}
    assert network.total_cost == analysis.recommended_cost == Decimal("4800")


def test_a_vacant_social_worker_post_needs_exactly_one_new_post() -> None:
    # HRT-PUN-02: nobody may cover TSO (Monday to Friday mornings, 40 h a week); a pool of
    # two copies must not come back fully hired (a regression: a MIP start did that)
    network = generate_network()
    [data] = [d for d in network.shelters if d.shelter.code == "HRT-PUN-02"]
    problem = data.problem(network.roles, 2026, 12)
    candidates = default_candidates()
    result = solve_pool(
        problem, candidates, {"TSO": 2}, 0.0, 1.0, SETTINGS.solver, StaffingSettings()
    )
    assert result.hires == {"TSO": 1} and result.status == "optimal"


def load_mini(url: str) -> None:
    with session_scope(url) as session:
        services.load_network(session, NetworkData(ROLES, [mini_data()]))


def test_cli_writes_json_pdf_and_excel_from_the_database(db_url: str, tmp_path: Path) -> None:
    load_mini(db_url)
    out = {kind: tmp_path / f"brechas.{kind}" for kind in ("json", "pdf", "xlsx")}
    result = CliRunner().invoke(
        app,
        [
            "gaps",
            "--month",
            "2027-02",
            "--shelter",
            CODE,
            "--time-limit",
            "20",
            "--json",
            str(out["json"]),
            "--pdf",
            str(out["pdf"]),
            "--xlsx",
            str(out["xlsx"]),
        ],
        env={"ROSTER_DATABASE_URL": db_url},
    )
    assert result.exit_code == 0, result.output
    assert CODE in result.output and "Total de la red" in result.output
    [shelter] = json.loads(out["json"].read_text(encoding="utf-8"))["shelters"]
    assert shelter["uncovered_hours"] == 160
    # pay 3,800 + EsSalud 9 % of 55 % of the UIT + aguinaldos 600 / 12
    assert shelter["cost_today_month"] == round(3800 + 0.09 * 0.55 * 5500 + 50)
    assert shelter["vacant_posts"] == {"AOP": 1}
    assert shelter["scenarios"][0]["name"].startswith("Propuesta del programa")
    assert shelter["assumptions"] and shelter["temporary_cover"] == []
    assert out["pdf"].read_bytes().startswith(b"%PDF")
    assert out["xlsx"].read_bytes().startswith(b"PK")


def test_cli_rejects_a_bad_month_and_an_unknown_shelter(db_url: str) -> None:
    env = {"ROSTER_DATABASE_URL": db_url}
    bad = CliRunner().invoke(app, ["gaps", "--month", "2027-13"], env=env)
    assert bad.exit_code != 0 and "AAAA-MM" in bad.output
    unknown = CliRunner().invoke(app, ["gaps", "--month", "2027-02", "--shelter", "NOPE"], env=env)
    assert unknown.exit_code == 1


def two_psychologists(psychologist_cost: str) -> tuple[ShelterInputs, GapSettings]:
    """Two psychologists (both qualified as coordinator) cover PSI and COO with no gap: 20
    coordination shifts (160 h) are carried by a psychologist every month."""
    data = mini_data()
    data.staff = [
        StaffMember(f"psi{n}", CODE, f"Psicóloga {n}", "PSI", ("PSI", "COO")) for n in (1, 2)
    ]
    candidates = [
        CandidatePost("COO", Decimal("4800"), night_work=False),
        CandidatePost("PSI", Decimal(psychologist_cost), night_work=False),
    ]
    return ShelterInputs(data.problem(ROLES, 2027, 2)), replace(SETTINGS, candidates=candidates)


@pytest.mark.parametrize(
    ("psychologist_cost", "coordinator"),
    [
        ("3800", False),  # 160 h x 3,800 / 192 h = S/ 3,167 a month < S/ 4,800
        ("6000", True),  # 160 h x 6,000 / 192 h = S/ 5,000 a month > S/ 4,800
    ],
)
def test_a_coordinator_is_recommended_when_the_diverted_hours_are_worth_her_cost(
    psychologist_cost: str, coordinator: bool
) -> None:
    inputs, settings = two_psychologists(psychologist_cost)
    analysis = analyse_shelter(inputs, settings)
    assert analysis.uncovered_hours == 0
    today = analysis.scenario("today")
    assert today.diverted_hours == 160 and today.diverted_by_role == {"PSI": 160}
    posts = {post.role: post.count for post in analysis.recommended}
    assert posts == ({"COO": 1} if coordinator else {})
    recommended = analysis.scenario("recommended")
    assert recommended.diverted_hours == (0 if coordinator else 160)
    assert recommended.hours_returned == (160 if coordinator else 0)


def test_coordination_forbidden_to_other_roles_is_a_gap() -> None:
    inputs, settings = two_psychologists("3800")
    analysis = analyse_shelter(inputs, replace(settings, coordination_by_other_roles="forbidden"))
    assert analysis.uncovered_hours == 160 and analysis.today.by("role") == {"COO": 160}
    assert {post.role: post.count for post in analysis.recommended} == {"COO": 1}


def test_a_vacancy_is_filled_before_a_new_post() -> None:
    # two psychologists a day, Monday to Saturday; one on staff, one post vacant. A new
    # psychologist would cost less (S/ 3,800) than the vacant post (S/ 4,172 with charges),
    # but the vacant post is already budgeted.
    data = mini_data()
    data.coverage = [CoverageRule("PSI", "M", k, 2, 2) for k in (WEEKDAYS, SATURDAY)]
    inputs = ShelterInputs(
        data.problem(ROLES, 2027, 2), vacant_posts={"PSI": 1}, vacant_pays={"PSI": Decimal(3850)}
    )
    settings = replace(SETTINGS, candidates=[CandidatePost("PSI", Decimal("3800"))])
    analysis = analyse_shelter(inputs, settings)
    assert analysis.uncovered_hours == 24 * 8
    [post] = analysis.recommended
    assert (post.role, post.count, post.vacancy) == ("PSI", 1, True)
    assert post.unit_cost == settings.charges.cost_month(Decimal(3850))
    assert analysis.uncovered_hours_after == 0
    assert analysis.scenario("recommended").new_cost_month == 0
