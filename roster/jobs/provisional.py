"""A plan job's provisional draft: phase 1's roster stored at once, the final one in its place.

The optimiser offers its first complete roster (``SolveControl.on_roster``); the job stores
it as a draft marked provisional and notes its version in the job's result, so the month
page shows a roster seconds after "generate". When the solve ends, the final roster takes
that version's place unless someone edited it meanwhile (then it becomes a new version);
when the solve fails or is interrupted, an unedited provisional draft is removed.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import update

from models import PlanningProblem, Roster
from models.validator.soft_coverage import coverage_gaps
from roster import services
from roster.services.provisional import drop_untouched_draft, overwrite_untouched_draft
from roster.storage import JobRow, RosterRow, session_scope

log = logging.getLogger(__name__)
PROVISIONAL_REPORT = json.dumps({"status": "provisional", "provisional": True})


class ProvisionalDraft:
    """The provisional version of one job's month, if the solve offered a roster."""

    def __init__(self, url: str | None, job_id: int, created_by: int | None) -> None:
        self.url, self.job_id, self.created_by = url, job_id, created_by
        self.problem: PlanningProblem | None = None
        self.version: int | None = None

    def offer(self, roster: Roster) -> None:
        """Store the first roster offered as a provisional draft (later offers are ignored)."""
        if self.version is not None or self.problem is None:
            return
        roster.gaps = coverage_gaps(self.problem, roster)
        with session_scope(self.url) as session:
            stored = services.save_roster(session, roster, PROVISIONAL_REPORT)
            self.version = stored.version
            session.execute(
                update(RosterRow)
                .where(RosterRow.id == services.roster_row_id(session, stored))
                .values(created_by=self.created_by)
            )
            session.execute(
                update(JobRow)
                .where(JobRow.id == self.job_id)
                .values(result=json.dumps({"provisional_version": stored.version}))
            )
        log.info("Job %s: provisional roster stored as version %s", self.job_id, self.version)

    def settle(self, session: object, roster: Roster, report_json: str) -> Roster | None:
        """Put the final roster in the provisional version's place; None if it cannot go there."""
        if self.version is None:
            return None
        return overwrite_untouched_draft(session, roster, self.version, report_json)  # type: ignore[arg-type]

    def discard(self) -> None:
        """Remove the provisional draft if nobody edited it (the solve gave no final roster)."""
        if self.version is None or self.problem is None:
            return
        problem = self.problem
        with session_scope(self.url) as session:
            drop_untouched_draft(
                session, problem.shelter.code, problem.year, problem.month, self.version
            )
