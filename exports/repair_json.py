"""The repair JSON document (docs/roster-json.md, "Repair"): what changed, and the new month.

A pure function: the repair's summary (a JSON-ready dict from the roster services) and
the month's problem and proposed roster in, one document out. ``roster`` is the roster
JSON document of the repaired month (the same layout as ``roster plan --json``), so the
new roster can be re-checked from the file alone.
"""

from __future__ import annotations

import json
from typing import Any

from exports.roster_json import roster_document
from models import PlanningProblem, Roster, SolveReport

FORMAT_VERSION = 1


def repair_document(
    problem: PlanningProblem,
    roster: Roster,
    summary: dict[str, Any],
    report: SolveReport | None = None,
    proposal: int | None = None,
) -> dict[str, Any]:
    """``{"format", "kind": "repair", "proposal", "repair": summary, "roster": document}``."""
    return {
        "format": FORMAT_VERSION,
        "kind": "repair",
        "proposal": proposal,
        "repair": summary,
        "roster": roster_document(problem, roster, report),
    }


def repair_json(
    problem: PlanningProblem,
    roster: Roster,
    summary: dict[str, Any],
    report: SolveReport | None = None,
    proposal: int | None = None,
) -> str:
    """``repair_document`` as indented UTF-8 JSON text."""
    document = repair_document(problem, roster, summary, report, proposal)
    return json.dumps(document, ensure_ascii=False, indent=2)
