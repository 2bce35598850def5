"""The 22 demo shelters: places from DOMAIN.md, fictional names and staff, designed profiles.

Every shelter has the same default coverage (``roster.demo.coverage``); what differs is the
staff. ``Profile.GAP`` shelters lack a role or the hours for one (``gap.py``),
``Profile.COVERED`` ones have a backup for every role (``covered.py``) and
``Profile.BORDERLINE`` ones are covered only while nobody is away (``borderline.py``).
"""

from __future__ import annotations

from roster.demo.blueprints import Blueprint, Profile
from roster.demo.catalog.borderline import BORDERLINE_SHELTERS
from roster.demo.catalog.covered import COVERED_SHELTERS
from roster.demo.catalog.gap import GAP_SHELTERS

BLUEPRINTS: tuple[Blueprint, ...] = tuple(
    sorted(GAP_SHELTERS + COVERED_SHELTERS + BORDERLINE_SHELTERS, key=lambda bp: bp.code)
)


def blueprint(code: str) -> Blueprint:
    """The blueprint of one demo shelter by its code."""
    return next(bp for bp in BLUEPRINTS if bp.code == code)


def shelters_with_profile(profile: Profile) -> set[str]:
    """Codes of the demo shelters designed with ``profile``."""
    return {bp.code for bp in BLUEPRINTS if bp.profile is profile}
