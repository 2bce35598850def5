"""The audit trail after each kind of change, and the code never edits or deletes an entry."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from repair_factories import CODE, MONTH, QUICK, SICK_FROM, SICK_TO, YEAR, load, publish, sick

from models import (
    Absence,
    AbsenceKind,
    Assignment,
    PlanningProblem,
    PlanResult,
    Roster,
    SolveReport,
)
from roster import services
from roster.repair import solve_repair
from roster.services.audit import COMMAND_LINE, audit_trail
from roster.services.candidates import shift_candidates
from roster.services.repair import accept_proposal, repair_setup, store_proposal
from roster.services.sick_calls import report_absence
from roster.storage import session_scope

ROOT = Path(__file__).resolve().parents[2]
D12 = date(2026, 3, 12)


@pytest.fixture
def url(db_url: str) -> str:
    """A published month: C1 works M and C2 works T from the 10th to the 14th."""
    load(db_url)
    days = [date(2026, 3, d) for d in range(10, 15)]
    publish(
        db_url,
        [Assignment("C1", d, "M", "CUI") for d in days]
        + [Assignment("C2", d, "T", "CUI") for d in days],
    )
    return db_url


def kinds(url: str) -> list[str]:
    with session_scope(url) as session:
        return [entry.kind for entry in audit_trail(session, CODE, YEAR, MONTH)]


def test_publishing_and_hand_edits_are_recorded(url: str) -> None:
    with session_scope(url) as session:
        token = services.month_view(session, CODE, YEAR, MONTH).token
        edited = services.edit_cell(
            session,
            CODE,
            YEAR,
            MONTH,
            "C3",
            D12,
            shift="N",
            role=None,
            locked=False,
            expected=token,
            user_id=1,
        )
        services.publish_month(session, CODE, YEAR, MONTH, edited.token, user_id=1)
        trail = audit_trail(session, CODE, YEAR, MONTH)
    assert [e.kind for e in trail] == ["publish", "hand_edit", "publish"]
    newest, edit, first = trail
    assert (edit.staff_id, edit.day, edit.before, edit.after) == ("C3", D12, None, ("N", "CUI"))
    assert edit.actor == "coord@ejemplo.pe" and edit.version == 2
    assert "1 celda(s) distintas de la versión 1" in newest.note
    assert first.actor == COMMAND_LINE and "primera publicación" in first.note


def test_a_sick_call_is_recorded_with_the_shifts_it_takes(url: str) -> None:
    with session_scope(url) as session:
        absence = Absence("C1", AbsenceKind.UNPLANNED, SICK_FROM, SICK_TO, "llamó a las 6:00")
        call = report_absence(session, CODE, absence, user_id=1)
        entry = audit_trail(session, CODE, YEAR, MONTH)[0]
    assert [a.day.day for a in call.shifts] == [10, 11, 12, 13, 14]
    assert (entry.kind, entry.staff_id, entry.staff_name) == ("absence", "C1", "Ana Quispe")
    assert "5 turno(s)" in entry.note and "llamó a las 6:00" in entry.note


def test_an_accepted_repair_records_each_changed_cell(url: str) -> None:
    sick(url, "C1")

    def cover(problem: PlanningProblem, settings: Any, control: Any = None) -> PlanResult:
        """A stand-in for the solve: C3 takes C1's mornings, C2 keeps her afternoons."""
        mornings = [a for a in problem.reference if a.staff_id == "C1"]
        planned = [replace(a, staff_id="C3") for a in mornings]
        planned += [a for a in problem.reference if a.staff_id == "C2"]
        return PlanResult(Roster(CODE, YEAR, MONTH, planned), SolveReport("optimal", "highs"))

    with session_scope(url) as session:
        setup = repair_setup(session, CODE, YEAR, MONTH, SICK_FROM)
    outcome = solve_repair(setup, QUICK, compare=False, solve_fn=cover)
    with session_scope(url) as session:
        proposal = store_proposal(session, setup, outcome.roster, outcome.summary, None, 1)
        accept_proposal(session, CODE, YEAR, MONTH, proposal.id, user_id=1)
        repairs = [e for e in audit_trail(session, CODE, YEAR, MONTH) if e.kind == "repair"]
    assert len(repairs) == 10 and outcome.summary.changed == 10
    assert {(e.staff_id, e.after) for e in repairs} == {("C1", None), ("C3", ("M", "CUI"))}


def test_candidates_for_a_shift_of_the_published_month(url: str) -> None:
    with session_scope(url) as session:
        found = shift_candidates(session, CODE, D12, "N")
    assert (found.role, found.needed, found.assigned, found.missing) == ("CUI", 1, 0, 1)
    by_id = {c.staff_id: c for c in found.candidates}
    assert by_id["C1"].feasible is False and by_id["C1"].blockers[0].rule == "H2"
    assert by_id["C4"].feasible
    assert found.candidates[0].feasible


def test_no_code_updates_or_deletes_an_audit_entry() -> None:
    sources = [p for p in (ROOT / "roster").rglob("*.py") if "migrations" not in p.parts]
    sources += list((ROOT / "web").rglob("*.py"))
    pattern = re.compile(r"(update|delete)\(\s*RosterChangeRow|RosterChangeRow\)\.(update|delete)")
    offending = [str(p) for p in sources if pattern.search(p.read_text(encoding="utf-8"))]
    assert offending == []
    audit = (ROOT / "roster/services/audit.py").read_text(encoding="utf-8")
    assert "session.delete" not in audit and ".update(" not in audit


def test_a_repair_keeps_the_greedy_one_when_the_solve_moves_everyone(url: str) -> None:
    sick(url, "C1")

    def shuffle(problem: PlanningProblem, settings: Any, control: Any = None) -> PlanResult:
        """A stand-in for a solve cut short far from the published roster: everyone moves."""
        moved = {"C1": "C4", "C2": "C5"}
        planned = [replace(a, staff_id=moved[a.staff_id]) for a in problem.reference]
        return PlanResult(Roster(CODE, YEAR, MONTH, planned), SolveReport("feasible", "highs"))

    with session_scope(url) as session:
        setup = repair_setup(session, CODE, YEAR, MONTH, SICK_FROM)
    outcome = solve_repair(setup, QUICK, compare=False, solve_fn=shuffle)
    assert outcome.summary.method == "greedy"
    assert outcome.summary.changed == 10  # C1's five mornings, and who takes each
    assert {line.staff_id for line in outcome.summary.changes} - {"C1"} <= {"C3", "C4", "C5"}
