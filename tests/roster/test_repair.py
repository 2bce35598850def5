"""A sick call on day 10: the repair keeps the past, every hard rule, and changes little."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from repair_factories import CODE, MONTH, QUICK, SICK_FROM, SICK_TO, YEAR, load, publish, sick

from models import Roster
from models.repair import cell_changes
from models.validator import validate
from roster import services
from roster.planning import plan_month
from roster.repair import RepairOutcome, repair_month
from roster.services.audit import audit_trail
from roster.services.repair import accept_proposal, discard_proposal, open_proposal
from roster.storage import session_scope


@pytest.fixture
def repaired(db_url: str) -> tuple[str, Roster, str, RepairOutcome]:
    """The month planned and published, a week's sick call from day 10, and its repair."""
    load(db_url)
    planned = plan_month(CODE, YEAR, MONTH, QUICK, db_url).roster
    published = publish(db_url, planned.assignments)
    week = Counter(a.staff_id for a in published.assignments if SICK_FROM <= a.day <= SICK_TO)
    absent = week.most_common(1)[0][0]
    sick(db_url, absent)
    outcome = repair_month(CODE, YEAR, MONTH, SICK_FROM, QUICK, db_url, created_by=1)
    return db_url, published, absent, outcome


@pytest.mark.slow
def test_a_sick_call_is_repaired_from_its_day_with_the_past_kept(
    repaired: tuple[str, Roster, str, RepairOutcome],
) -> None:
    url, published, absent, outcome = repaired
    new = outcome.roster.assignments
    assert not [a for a in new if a.staff_id == absent and SICK_FROM <= a.day <= SICK_TO]
    before = [a for a in published.assignments if a.day < SICK_FROM]
    assert cell_changes(before, [a for a in new if a.day < SICK_FROM]) == []
    with session_scope(url) as session:
        problem = services.planning_problem(session, CODE, YEAR, MONTH)
    checked = replace(problem, locks=[a for a in new if a.locked])
    assert validate(checked, outcome.roster).violations == []
    summary = outcome.summary
    assert summary.changed == len(cell_changes(published.assignments, new))
    assert summary.scratch_changed is not None and summary.changed < summary.scratch_changed
    assert summary.forced == sum(
        1 for a in published.assignments if a.staff_id == absent and SICK_FROM <= a.day <= SICK_TO
    )
    assert all(line.day >= SICK_FROM for line in summary.changes)
    assert summary.findings == []
    assert len(summary.causes) == 1 and "ausencia imprevista del 10/03/2026" in summary.causes[0]


@pytest.mark.slow
def test_accepting_publishes_the_next_version_and_records_every_change(
    repaired: tuple[str, Roster, str, RepairOutcome],
) -> None:
    url, published, _absent, outcome = repaired
    assert outcome.proposal is not None
    with session_scope(url) as session:
        accepted = accept_proposal(session, CODE, YEAR, MONTH, outcome.proposal.id, user_id=1)
        trail = audit_trail(session, CODE, YEAR, MONTH)
        assert open_proposal(session, CODE, YEAR, MONTH) is None
    assert accepted.version == published.version + 1
    assert accepted.status == "published"
    assert cell_changes(outcome.roster.assignments, accepted.assignments) == []
    repairs = [entry for entry in trail if entry.kind == "repair"]
    assert len(repairs) == outcome.summary.changed
    assert {entry.actor for entry in repairs} == {"coord@ejemplo.pe"}
    assert all(
        entry.version == accepted.version and "Reparación desde" in entry.note for entry in repairs
    )
    with (
        session_scope(url) as session,
        pytest.raises(services.InvalidInput, match="ya fue aceptada"),
    ):
        discard_proposal(session, CODE, YEAR, MONTH, outcome.proposal.id, user_id=1)
