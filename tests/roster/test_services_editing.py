"""Editing a month by hand: drafts and versions, stale saves, findings, publishing, the view."""

from __future__ import annotations

from datetime import date

import pytest
from roster_factories import network
from sqlalchemy.orm import Session

from models import Assignment, Gap, Roster, RosterStatus
from models.roster import AssignmentSource, GapReason
from roster import services as sv
from roster.services.editing import Token

CODE = "HRT-A"
APRIL = (2026, 4)  # Jueves Santo (2nd) and Viernes Santo (3rd) are feriados
THURSDAY, FRIDAY = date(2026, 4, 9), date(2026, 4, 10)


@pytest.fixture
def loaded(session: Session) -> Session:
    """A database with one small shelter, HRT-A."""
    sv.load_network(session, network(CODE))
    return session


def edit(
    session: Session,
    staff: str,
    day: date,
    shift: str | None,
    expected: Token | None,
    *,
    role: str | None = None,
    locked: bool = False,
) -> sv.EditOutcome:
    """One cell edit in April 2026 of the test shelter."""
    return sv.edit_cell(
        session,
        CODE,
        *APRIL,
        staff,
        day,
        shift=shift,
        role=role,
        locked=locked,
        expected=expected,
        user_id=None,
    )


def cell(session: Session, staff: str, day: date, version: int | None = None) -> list[Assignment]:
    """The stored assignments of one person's day (newest version by default)."""
    roster = sv.get_roster(session, CODE, *APRIL, version=version)
    assert roster is not None
    return [a for a in roster.assignments if (a.staff_id, a.day) == (staff, day)]


def test_the_first_edit_creates_a_draft_and_each_edit_raises_the_revision(loaded: Session) -> None:
    first = edit(loaded, "S1", THURSDAY, "M", (0, 0))
    second = edit(loaded, "S1", FRIDAY, "T", first.token)
    assert (first.token, second.token) == ((1, 1), (1, 2))
    assert second.roster.status == RosterStatus.DRAFT
    saved = cell(loaded, "S1", THURSDAY)
    assert [(a.shift, a.role, a.source) for a in saved] == [("M", "CUI", AssignmentSource.MANUAL)]


def test_a_stale_token_is_refused_and_nothing_changes(loaded: Session) -> None:
    seen = edit(loaded, "S1", THURSDAY, "M", (0, 0)).token
    edit(loaded, "S3", THURSDAY, "T", seen)  # someone else saves first
    with pytest.raises(sv.Conflict, match=r"Otra persona \(o usted en otra ventana\) guardó"):
        edit(loaded, "S1", THURSDAY, "N", seen)
    assert [a.shift for a in cell(loaded, "S1", THURSDAY)] == ["M"]
    assert sv.month_view(loaded, CODE, *APRIL).token == (1, 2)


def test_a_page_older_than_a_new_solve_says_the_optimizer_saved_it(loaded: Session) -> None:
    seen = edit(loaded, "S1", THURSDAY, "M", (0, 0)).token
    sv.save_roster(loaded, Roster(CODE, *APRIL), report_json="{}")  # a finished solve
    with pytest.raises(sv.Conflict, match="El optimizador guardó la versión 2 de este rol"):
        edit(loaded, "S1", THURSDAY, "N", seen)


def test_publishing_keeps_the_version_and_a_later_edit_makes_a_new_draft(loaded: Session) -> None:
    token = edit(loaded, "S1", THURSDAY, "M", (0, 0), locked=True).token
    published = sv.publish_month(loaded, CODE, *APRIL, token)
    assert (published.version, published.status) == (1, RosterStatus.PUBLISHED)
    after = edit(loaded, "S1", THURSDAY, "T", sv.month_view(loaded, CODE, *APRIL).token)
    assert after.token == (2, 1)
    assert [(a.shift, a.locked) for a in cell(loaded, "S1", THURSDAY, version=1)] == [("M", True)]
    assert [a.shift for a in cell(loaded, "S1", THURSDAY, version=2)] == ["T"]
    versions = sv.list_roster_versions(loaded, CODE, *APRIL)
    assert [(v.version, v.status) for v in versions] == [
        (1, RosterStatus.PUBLISHED),
        (2, RosterStatus.DRAFT),
    ]


def test_the_new_draft_copies_the_published_locks(loaded: Session) -> None:
    token = edit(loaded, "S1", THURSDAY, "M", (0, 0), locked=True).token
    token = edit(loaded, "S3", THURSDAY, "T", token).token
    sv.publish_month(loaded, CODE, *APRIL, token)
    edit(loaded, "S3", FRIDAY, "M", sv.month_view(loaded, CODE, *APRIL).token)
    copied = cell(loaded, "S1", THURSDAY, version=2)
    assert [(a.shift, a.locked, a.source) for a in copied] == [("M", True, AssignmentSource.MANUAL)]
    assert [a.shift for a in cell(loaded, "S3", THURSDAY, version=2)] == ["T"]


def test_a_morning_right_after_a_night_is_saved_with_its_violation(loaded: Session) -> None:
    night = edit(loaded, "S3", THURSDAY, "N", (0, 0))
    assert night.findings == []
    morning = edit(loaded, "S3", FRIDAY, "M", night.token)
    assert [a.shift for a in cell(loaded, "S3", FRIDAY)] == ["M"]
    (finding,) = morning.findings
    assert (finding.rule, finding.staff_id, finding.staff_name) == ("H3", "S3", "Lucía Mamani")
    assert finding.days == (THURSDAY, FRIDAY)
    assert "Descanso" in finding.message and finding.label == "Descanso mínimo entre turnos"


def test_publishing_is_refused_while_a_hard_rule_is_broken(loaded: Session) -> None:
    token = edit(loaded, "S3", THURSDAY, "N", (0, 0)).token
    token = edit(loaded, "S3", FRIDAY, "M", token).token
    with pytest.raises(sv.InvalidInput, match="H3 Descanso mínimo entre turnos, Lucía Mamani"):
        sv.publish_month(loaded, CODE, *APRIL, token)
    assert sv.get_roster(loaded, CODE, *APRIL).status == RosterStatus.DRAFT  # type: ignore[union-attr]
    fixed = edit(loaded, "S3", FRIDAY, None, token)
    assert fixed.findings == []
    assert sv.publish_month(loaded, CODE, *APRIL, fixed.token).status == RosterStatus.PUBLISHED


def test_publishing_a_stale_page_is_refused(loaded: Session) -> None:
    token = edit(loaded, "S1", THURSDAY, "M", (0, 0)).token
    edit(loaded, "S1", FRIDAY, "M", token)
    with pytest.raises(sv.Conflict):
        sv.publish_month(loaded, CODE, *APRIL, token)
    assert sv.get_roster(loaded, CODE, *APRIL).status == RosterStatus.DRAFT  # type: ignore[union-attr]


def test_locking_and_unlocking_keep_the_shift_and_its_source(loaded: Session) -> None:
    token = edit(loaded, "S1", THURSDAY, "M", (0, 0)).token
    token = edit(loaded, "S1", THURSDAY, "M", token, locked=True).token
    assert [(a.shift, a.locked) for a in cell(loaded, "S1", THURSDAY)] == [("M", True)]
    edit(loaded, "S1", THURSDAY, "M", token, locked=False)
    assert [(a.shift, a.locked) for a in cell(loaded, "S1", THURSDAY)] == [("M", False)]


def test_the_role_defaults_to_one_the_shift_needs(loaded: Session) -> None:
    token = edit(loaded, "S2", THURSDAY, "M", (0, 0)).token
    token = edit(loaded, "S3", THURSDAY, "M", token).token
    edit(loaded, "S3", FRIDAY, "M", token, role="COO")
    assert [a.role for a in cell(loaded, "S2", THURSDAY)] == ["PSI"]
    assert [a.role for a in cell(loaded, "S3", THURSDAY)] == ["CUI"]
    assert [a.role for a in cell(loaded, "S3", FRIDAY)] == ["COO"]


@pytest.mark.parametrize(
    ("staff", "day", "shift", "role", "field", "words"),
    [
        ("S9", THURSDAY, "M", None, "staff", "no es parte del personal"),
        ("S1", date(2026, 5, 1), "M", None, "day", "01/05/2026 no pertenece al mes 04/2026"),
        ("S1", THURSDAY, "X", None, "shift", "no tiene un turno 'X'"),
        ("S1", THURSDAY, "M", "PSI", "role", "Ana Quispe no está calificada"),
        ("S1", THURSDAY, "M", "ZZZ", "role", "no existe una función 'ZZZ'"),
    ],
)
def test_wrong_input_names_the_field_and_changes_nothing(
    loaded: Session, staff: str, day: date, shift: str, role: str | None, field: str, words: str
) -> None:
    with pytest.raises(sv.CellRefused, match=words) as refused:
        edit(loaded, staff, day, shift, (0, 0), role=role)
    assert refused.value.field == field
    assert sv.list_roster_versions(loaded, CODE, *APRIL) == []


def test_an_edit_recomputes_the_gaps_and_keeps_the_solver_reasons(loaded: Session) -> None:
    gaps = [Gap(day, "M", "CUI", 1, 480, GapReason.ALL_ABSENT) for day in (THURSDAY, FRIDAY)]
    solved = Roster(CODE, *APRIL, gaps=gaps)  # as a solve stores it, with its reasons
    sv.save_roster(loaded, solved)
    outcome = edit(loaded, "S1", THURSDAY, "M", (1, 0))
    stored = {(g.day, g.shift, g.role): g.reason for g in outcome.roster.gaps}
    assert (THURSDAY, "M", "CUI") not in stored
    assert stored[(FRIDAY, "M", "CUI")] == GapReason.ALL_ABSENT
    again = sv.get_roster(loaded, CODE, *APRIL)
    assert again is not None and len(again.gaps) == len(outcome.roster.gaps)


def test_the_month_view_marks_feriados_weekends_and_coverage(loaded: Session) -> None:
    edit(loaded, "S1", THURSDAY, "M", (0, 0), locked=True)
    view = sv.month_view(loaded, CODE, *APRIL)
    days = {d.day: d for d in view.days}
    assert days[date(2026, 4, 2)].feriado == "Jueves Santo"
    assert days[date(2026, 4, 4)].weekend and not days[THURSDAY].weekend
    assert view.cells[("S1", THURSDAY)].locked
    lines = {(line.role, line.shift): line for line in view.coverage}
    assert set(lines) == {("CUI", "M"), ("CUI", "N"), ("PSI", "M")}
    morning = lines[("CUI", "M")].cells
    assert (morning[THURSDAY].assigned, morning[THURSDAY].missing) == (1, 0)
    assert morning[FRIDAY].missing == 1 and morning[FRIDAY].reason_label
    ana = next(p for p in view.people if p.code == "S1")
    assert (ana.worked_hours, ana.nights, ana.weekend_days) == (8.0, 0, 0)
    assert ana.target_hours > 100
    assert (view.version, view.status, view.token, view.latest) == (
        1,
        RosterStatus.DRAFT,
        (1, 1),
        True,
    )
    assert view.publishable and view.solve is None


def test_an_older_version_is_shown_read_only(loaded: Session) -> None:
    token = edit(loaded, "S1", THURSDAY, "M", (0, 0)).token
    sv.publish_month(loaded, CODE, *APRIL, token)
    edit(loaded, "S1", THURSDAY, None, sv.month_view(loaded, CODE, *APRIL).token)
    old = sv.month_view(loaded, CODE, *APRIL, version=1)
    assert (old.version, old.latest, old.token) == (1, False, (2, 1))
    assert ("S1", THURSDAY) in old.cells
    assert ("S1", THURSDAY) not in sv.month_view(loaded, CODE, *APRIL).cells
    with pytest.raises(sv.NotFound):
        sv.month_view(loaded, CODE, *APRIL, version=7)


def test_the_month_view_shows_absences(loaded: Session) -> None:
    view = sv.month_view(loaded, CODE, 2026, 3)
    assert view.absences[("S1", date(2026, 3, 3))] == "vacation"
    assert ("S1", date(2026, 3, 9)) not in view.absences
    assert (view.version, view.status, view.token, view.latest) == (None, None, (0, 0), True)
