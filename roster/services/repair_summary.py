"""What a repair proposal tells the coordinator: which cells change (who, which day, from
what to what), the coverage before and after, the gaps left with their reasons, and how
many cells a from-scratch re-plan of the same days would have changed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from models import Gap, PlanningProblem, Roster
from models.people import ABSENCE_LABELS_ES
from models.repair import CellChange, Uncovered, cell_changes, gaps_since, uncovered, without_absent
from models.validator import Violation, validate
from roster.services.labels import day_es


@dataclass(frozen=True)
class ChangeLine:
    """One changed cell, with the person's name (``before``/``after``: shift and role)."""

    staff_id: str
    name: str
    day: date
    before: tuple[str, str] | None
    after: tuple[str, str] | None

    def change(self) -> CellChange:
        return CellChange(self.staff_id, self.day, self.before, self.after)


@dataclass(frozen=True)
class GapLine:
    """Demand left below its minimum on or after the repair date, and why."""

    day: date
    shift: str
    role: str
    missing: int
    hours: float
    reason: str


@dataclass(frozen=True)
class RepairSummary:
    """The proposal in numbers and lines; ``scratch_changed`` is None when not compared."""

    start: date
    base_version: int
    status: str
    seconds: float
    causes: list[str]
    changes: list[ChangeLine]
    forced: int  # of the changes, shifts an absence removes (nobody could keep them)
    coverage_published: Uncovered
    coverage_without_repair: Uncovered
    coverage_after: Uncovered
    gaps: list[GapLine]
    findings: list[str] = field(default_factory=list)  # hard rules broken from ``start`` on
    earlier: list[str] = field(default_factory=list)  # broken only before it (left as it was)
    scratch_changed: int | None = None
    scratch_uncovered: Uncovered | None = None
    scratch_seconds: float | None = None
    method: str = "optimizer"  # or "greedy": the quick repair scored better (roster.repair)

    @property
    def changed(self) -> int:
        return len(self.changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO text."""
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["changed"] = self.changed
        for line in data["changes"] + data["gaps"]:
            line["day"] = line["day"].isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RepairSummary:
        """Rebuild from ``to_dict``'s output (as stored with a proposal; ``changed`` is
        the length of ``changes``)."""
        cell = lambda value: None if value is None else (value[0], value[1])  # noqa: E731
        scratch = data.get("scratch_uncovered")
        return cls(
            start=date.fromisoformat(data["start"]),
            base_version=data["base_version"],
            status=data["status"],
            seconds=data["seconds"],
            causes=list(data["causes"]),
            changes=[
                ChangeLine(
                    c["staff_id"],
                    c["name"],
                    date.fromisoformat(c["day"]),
                    cell(c["before"]),
                    cell(c["after"]),
                )
                for c in data["changes"]
            ],
            forced=data["forced"],
            coverage_published=Uncovered(**data["coverage_published"]),
            coverage_without_repair=Uncovered(**data["coverage_without_repair"]),
            coverage_after=Uncovered(**data["coverage_after"]),
            gaps=[GapLine(**{**g, "day": date.fromisoformat(g["day"])}) for g in data["gaps"]],
            findings=list(data.get("findings", [])),
            earlier=list(data.get("earlier", [])),
            scratch_changed=data.get("scratch_changed"),
            scratch_uncovered=None if scratch is None else Uncovered(**scratch),
            scratch_seconds=data.get("scratch_seconds"),
            method=data.get("method", "optimizer"),
        )


def causes(problem: PlanningProblem, published: Roster, start: date) -> list[str]:
    """The absences that take published shifts away from ``start`` on, in words."""
    names = {p.id: p.name for p in problem.staff}
    found = []
    for absence in problem.absences:
        hit = [
            a
            for a in published.assignments
            if a.day >= start and a.staff_id == absence.staff_id and absence.covers(a.day)
        ]
        if hit:
            who, kind = (
                names.get(absence.staff_id, absence.staff_id),
                ABSENCE_LABELS_ES[absence.kind],
            )
            found.append(
                f"{who}: {kind.lower()} del {day_es(absence.start)} al {day_es(absence.end)} "
                f"({len(hit)} turno(s) publicado(s))"
            )
    return found


def summarize(
    problem: PlanningProblem,
    published: Roster,
    proposal: Roster,
    start: date,
    *,
    status: str,
    seconds: float,
) -> RepairSummary:
    """The summary of ``proposal`` (the whole month) against ``published`` from ``start`` on.

    ``problem`` is the month's problem with every absence; the findings are the hard
    rules the proposed month breaks, by the independent validator.
    """
    names = {p.id: p.name for p in problem.staff}
    changes = cell_changes(published.assignments, proposal.assignments)
    removed = {(a.staff_id, a.day) for a in published.assignments} - {
        (a.staff_id, a.day) for a in without_absent(problem, published.assignments)
    }
    report = validate(problem, proposal)
    broken = [(any(d >= start for d in v.days), _finding(names, v)) for v in report.violations]
    return RepairSummary(
        start=start,
        base_version=published.version,
        status=status,
        seconds=round(seconds, 2),
        causes=causes(problem, published, start),
        changes=[
            ChangeLine(c.staff_id, names.get(c.staff_id, c.staff_id), c.day, c.before, c.after)
            for c in changes
        ],
        forced=sum(1 for c in changes if (c.staff_id, c.day) in removed and c.day >= start),
        coverage_published=uncovered(problem, published.assignments, start),
        coverage_without_repair=uncovered(
            problem, without_absent(problem, published.assignments), start
        ),
        coverage_after=uncovered(problem, proposal.assignments, start),
        gaps=[_gap_line(g) for g in gaps_since(proposal.gaps, start)],
        findings=[text for later, text in broken if later],
        earlier=[text for later, text in broken if not later],
    )


def _finding(names: dict[str, str], violation: Violation) -> str:
    days = ", ".join(day_es(d) for d in violation.days[:3])
    who = names.get(violation.staff_id, violation.staff_id)
    return f"{violation.rule} {who} ({days}): {violation.message}"


def _gap_line(gap: Gap) -> GapLine:
    return GapLine(gap.day, gap.shift, gap.role, gap.missing, round(gap.hours, 2), str(gap.reason))
