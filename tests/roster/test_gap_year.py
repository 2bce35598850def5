"""Posts sized on the year (roster.gaps.year): structural gaps get posts, leave gets cover.

A shelter in miniature through 2027: caregivers 1 on the morning shift Monday to Friday,
which its one caregiver (c1) covers, except on 10 and 11 March (Wednesday and Thursday),
her vacation: 16 hours that March's leave alone leaves uncovered. A coordinator 1 on the
morning shift Monday to Friday, whom nobody on the staff can replace: a structural gap
every month, which the shelter's vacant coordinator post closes. A workshop (TAL) every
weekday morning is optional cover nobody gives: priced, not owed, it asks for nothing.
"""

from __future__ import annotations

import json
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exports.gaps_year import year_json, year_pdf, year_xlsx
from models import (
    Absence,
    AbsenceKind,
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
from models.coverage import Tier
from models.gap_year import NetworkYearAnalysis
from models.staffing import CandidatePost
from optimizer import SolverSettings
from roster import services
from roster.cli import app
from roster.gaps import GapSettings
from roster.gaps.network import shelter_inputs
from roster.gaps.year import YearInputs, analyse_shelter_year
from roster.storage import session_scope

CODE = "HRT-TA"
ROLES = [Role("CUI", "Cuidadora"), Role("COO", "Coordinadora"), Role("TAL", "Taller")]
MORNING = ShiftType("M", "Mañana", time(7, 0), 480)
SETTINGS = GapSettings(
    candidates=[
        CandidatePost("COO", Decimal("4800"), night_work=False),
        CandidatePost("CUI", Decimal("2200")),
    ],
    solver=SolverSettings(time_limit_phase1=10, time_limit_phase2=2, threads=1),
    workers=1,
)


def shelter_data() -> ShelterData:
    shelter = Shelter(CODE, "Hogar de prueba", "Puno", "Puno")
    carer = StaffMember("c1", CODE, "Cuidadora 1", "CUI", ("CUI",))
    posts = [
        Post("PL1", CODE, "CUI", monthly_cost=Decimal("2000"), status=PostStatus.FILLED),
        Post("PL2", CODE, "COO", monthly_cost=Decimal("4750"), status=PostStatus.VACANT),
    ]
    coverage = [CoverageRule(role, "M", DayClass.WEEKDAY, 1, 1) for role in ("CUI", "COO")]
    coverage.append(CoverageRule("TAL", "M", DayClass.WEEKDAY, 1, 1, Tier.OPTIONAL))
    vacation = Absence("c1", AbsenceKind.VACATION, date(2027, 3, 10), date(2027, 3, 11))
    return ShelterData(shelter, posts, [carer], [MORNING], coverage, absences=[vacation])


@pytest.fixture(scope="module")
def year():
    data = shelter_data()
    names = {role.code: role.name for role in ROLES}
    months = [shelter_inputs(data.problem(ROLES, 2027, m), data.posts, names) for m in range(1, 13)]
    return analyse_shelter_year(YearInputs(months), SETTINGS)


def test_a_structural_gap_gets_a_post_the_vacancy_first(year) -> None:
    assert [(p.role, p.count, p.vacancy) for p in year.recommended] == [("COO", 1, True)]
    assert all(month.structural_hours > 0 for month in year.months)
    assert all(month.after_hours == 0 for month in year.months if month.month != 3)


def test_a_gap_one_months_leave_alone_causes_gets_temporary_cover(year) -> None:
    march = year.months[2]
    assert march.leave_hours == 16 and march.after_hours == 16
    assert [(t.month, t.role, t.hours) for t in year.temporary_cover] == [(3, "CUI", 16.0)]


def test_the_year_reports_carry_the_posts_and_the_cover(year) -> None:
    analysis = NetworkYearAnalysis(2027, [year])
    document = json.loads(year_json(analysis))
    shelter = document["shelters"][0]
    assert document["year"] == 2027 and document["months_share"] == 1.0
    assert shelter["recommended_posts"][0]["role"] == "COO"
    assert shelter["temporary_cover"] == [
        {"month": 3, "role": "CUI", "hours": 16.0, "action": "cubrir con reemplazo temporal"}
    ]
    assert len(shelter["months"]) == 12 and shelter["months"][2]["leave_hours"] == 16
    assert year_pdf(analysis).startswith(b"%PDF")
    assert year_xlsx(analysis).startswith(b"PK")


def test_the_command_sizes_the_year_of_one_shelter(db_url: str, tmp_path: Path) -> None:
    with session_scope(db_url) as session:
        services.load_network(session, NetworkData(ROLES, [shelter_data()]))
    out = tmp_path / "anual.json"
    args = ["gaps", "--year", "2027", "--shelter", CODE, "--time-limit", "10", "--json", str(out)]
    result = CliRunner().invoke(app, args, env={"ROSTER_DATABASE_URL": db_url})
    assert result.exit_code == 0, result.output
    shelter = json.loads(out.read_text(encoding="utf-8"))["shelters"][0]
    assert [t["month"] for t in shelter["temporary_cover"]] == [3]
    both = CliRunner().invoke(app, ["gaps", "--year", "2027", "--month", "2027-03"])
    assert both.exit_code != 0 and "--year" in both.output
