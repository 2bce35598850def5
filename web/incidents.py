"""What the month page's incidents section reads: the open repair proposal, the month's swap
requests and its newest audit entries (kept apart so every page render stays one call)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from roster.services.audit import audit_trail
from roster.services.repair import open_proposal
from roster.services.swaps import list_swaps

TRAIL_SHOWN = 30


def incidents(db: Session, code: str, year: int, month: int) -> dict[str, Any]:
    """The open proposal, the month's swaps (newest first) and its last changes."""
    return {
        "proposal": open_proposal(db, code, year, month),
        "swaps": list_swaps(db, code, year=year, month=month),
        "trail": audit_trail(db, code, year, month, limit=TRAIL_SHOWN + 1),
        "trail_shown": TRAIL_SHOWN,
    }
