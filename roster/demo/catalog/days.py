"""Operators and extra non-working days used by the demo catalogue."""

from __future__ import annotations

from datetime import date

from roster.demo.blueprints import OPERATOR

NON_WORKING_DAY = date(2026, 1, 2)  # public-sector non-working day, D.S. 042-2025-PCM
AREQUIPA_DAY = date(2026, 8, 15)  # regional non-working day (anniversary of Arequipa)
TACNA_DAY = date(2026, 8, 28)  # regional non-working day (reincorporation of Tacna)
SAN_JUAN = date(2026, 6, 24)  # regional non-working day in Loreto (Fiesta de San Juan)


def with_partner(partner: str) -> str:
    """The operator label of a shelter co-run with a Beneficencia or a regional government."""
    return f"{OPERATOR} y {partner}"
