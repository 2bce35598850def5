"""Sick-call resilience of the gap analysis's scenarios (roster.gaps.resilience).

A caregiver shelter in miniature, February 2027: caregivers 1 on the morning shift Monday to
Friday (20 shifts), one caregiver (c1) who works them all, and a vacant operational assistant
post (AOP, also caregiver). Today every sick call of c1 leaves her shift empty: nobody else
is qualified. With the assistant, the repair gives the shift to her: no call leaves a gap.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exports.gaps_summary import shelter_sentence
from models import (
    CoverageRule,
    DayClass,
    NetworkData,
    Post,
    PostStatus,
    Role,
    Shelter,
    ShelterData,
    ShiftType,
    StaffMember,
)
from models.resilience import SickRates
from models.staffing import CandidatePost
from optimizer import SolverSettings, solve
from roster import services
from roster.cli import app
from roster.gaps import GapSettings, ShelterInputs, analyse_shelter
from roster.gaps.resilience import measure
from roster.gaps.settings import ResilienceSettings
from roster.storage import session_scope

CODE = "HRT-T9"
ROLES = [Role("CUI", "Cuidadora"), Role("AOP", "Asistente operativa")]
MORNING = ShiftType("M", "Mañana", time(7, 0), 480)
SOLVER = SolverSettings(time_limit_phase1=10, time_limit_phase2=2, threads=1)
SIMULATION = ResilienceSettings(draws=4, seed=7, repair_seconds=2.0)
SETTINGS = GapSettings(
    candidates=[
        CandidatePost("AOP", Decimal("1800"), also=("CUI",)),
        CandidatePost("CUI", Decimal("2200")),
    ],
    solver=SOLVER,
    workers=1,
    resilience=SIMULATION,
)


def shelter_data() -> ShelterData:
    shelter = Shelter(CODE, "Hogar de prueba", "Tacna", "Tacna")
    carer = StaffMember("c1", CODE, "Cuidadora 1", "CUI", ("CUI",))
    posts = [
        Post("PL1", CODE, "CUI", monthly_cost=Decimal("2000"), status=PostStatus.FILLED),
        Post("PL2", CODE, "AOP", monthly_cost=Decimal("1750"), status=PostStatus.VACANT),
    ]
    coverage = [CoverageRule("CUI", "M", DayClass.WEEKDAY, 1, 1)]
    return ShelterData(shelter, posts, [carer], [MORNING], coverage)


def shelter_inputs() -> ShelterInputs:
    problem = shelter_data().problem(ROLES, 2027, 2)
    return ShelterInputs(problem, Decimal("2230"), {"AOP": 1})


@pytest.fixture(scope="module")
def analysis():
    steps: list[tuple[int, int]] = []
    result = analyse_shelter(
        shelter_inputs(), SETTINGS, lambda done, total: steps.append((done, total))
    )
    return result, steps


def test_the_assistant_covers_the_sick_calls_today_leaves_open(analysis) -> None:
    result, steps = analysis
    today, assistant = result.scenario("today"), result.scenario("assistant")
    assert today.uncovered_hours == assistant.uncovered_hours == 0  # no gap either way
    assert today.resilience_pct == 0 and assistant.resilience_pct == 100
    # 20 weekdays x 1 person x 15/365 a day / 2 days a call, each call's first day lost at least
    calls = SickRates().expected_calls(shelter_inputs().problem)
    assert today.expected_uncovered_hours >= calls * 8
    assert assistant.expected_uncovered_hours == 0
    assert result.scenario("proposal").resilience_pct == 100  # the vacant post filled
    assert result.resilience_draws == 4
    # two distinct sets of posts (none; the vacant assistant), four calls each
    assert steps[-1] == (8, 8) and len(steps) == 8


def test_the_simulation_is_reproducible_with_its_seed() -> None:
    problem = shelter_inputs().problem
    plan = solve(problem, SOLVER).roster
    first = measure(problem, plan, SIMULATION, SOLVER)
    again = measure(problem, plan, SIMULATION, SOLVER)
    other = measure(problem, plan, replace(SIMULATION, seed=8), SOLVER)
    assert first == again
    assert [o.call for o in other.outcomes] != [o.call for o in first.outcomes]


def test_the_command_simulates_with_its_draws_and_seed(db_url: str, tmp_path: Path) -> None:
    with session_scope(db_url) as session:
        services.load_network(session, NetworkData(ROLES, [shelter_data()]))
    out = tmp_path / "brechas.json"
    args = ["gaps", "--month", "2027-02", "--shelter", CODE, "--time-limit", "10"]
    args += ["--resilience", "--draws", "3", "--seed", "5", "--json", str(out)]
    result = CliRunner().invoke(app, args, env={"ROSTER_DATABASE_URL": db_url})
    assert result.exit_code == 0, result.output
    shelter = json.loads(out.read_text(encoding="utf-8"))["shelters"][0]
    by_key = {s["key"]: s for s in shelter["scenarios"]}
    assert by_key["today"]["resilience_pct"] == 0 and by_key["proposal"]["resilience_pct"] == 100
    assert shelter["resilience"].startswith("3 ausencias imprevistas")
    bad = CliRunner().invoke(app, [*args[:9], "--draws", "0"], env={"ROSTER_DATABASE_URL": db_url})
    assert bad.exit_code != 0 and "--draws" in bad.output


def test_the_first_pages_sentence_says_what_the_assistant_buys(analysis) -> None:
    result, _ = analysis
    sentence = shelter_sentence(result)
    assert "cubren sin brecha el 100 % de las ausencias imprevistas simuladas (hoy 0 %)" in sentence
