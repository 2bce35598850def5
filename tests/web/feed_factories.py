"""Helpers of the feed tests: a cheap published month (no solver) and reading feeds back."""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy.orm import Session

from models import Assignment, Gap, Roster
from roster import services
from roster.demo import generate_network

STAFF_EMAIL = "personal.ama01@demo.hogares.pe"  # the demo's staff account
STAFF_SHELTER = "HRT-AMA-01"


def simple_roster(session: Session, code: str, year: int, month: int, skip: int = 0) -> Roster:
    """Every active person works every third day, on a shift of her own, in her primary role;
    the first day's first shift is short of one caregiver. ``skip`` leaves out her n-th day."""
    people = services.list_staff(session, code)
    shifts = services.list_shift_types(session, code)
    days = calendar.monthrange(year, month)[1]
    assignments = []
    for index, person in enumerate(people):
        mine = [d for d in range(1, days + 1) if (d + index) % 3 == 0]
        for n, day in enumerate(mine):
            if skip and n == skip:
                continue
            shift = shifts[index % len(shifts)].code
            assignments.append(
                Assignment(person.id, date(year, month, day), shift, person.primary_role)
            )
    gaps = [Gap(date(year, month, 1), shifts[0].code, "CUI", 1, shifts[0].minutes)]
    return Roster(code, year, month, assignments=assignments, gaps=gaps)


def publish(session: Session, roster: Roster) -> Roster:
    """Store ``roster`` as a new version of its month and publish it."""
    services.save_roster(session, roster)
    return services.publish_roster(session, roster.shelter_code, roster.year, roster.month)


def demo_network_secrets() -> tuple[set[str], dict[str, set[str]]]:
    """Every address-like text of the demo (places, shelter names, codes, operators), and
    every person's full name by shelter: none may appear in a feed."""
    places: set[str] = set()
    names: dict[str, set[str]] = {}
    for data in generate_network().shelters:
        shelter = data.shelter
        places |= {
            shelter.name,
            shelter.code,
            shelter.department,
            shelter.province,
            shelter.operator,
        }
        names[shelter.code] = {person.name for person in data.staff}
    return {p for p in places if p}, names
