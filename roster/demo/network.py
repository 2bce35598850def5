"""The demo network: 22 shelters built from the catalogue with one seeded random generator each."""

from __future__ import annotations

import random

from models.network import NetworkData, ShelterData
from models.occupancy import Occupancy
from models.rules import RuleSet
from models.shelter import Shelter
from roster.demo.absences import demo_absences
from roster.demo.blueprints import Blueprint, Profile
from roster.demo.catalog import BLUEPRINTS
from roster.demo.coverage import DEMO_ROLES, demo_coverage, demo_shift_types
from roster.demo.names import NamePicker
from roster.demo.period import demo_months
from roster.demo.requests import demo_requests
from roster.demo.staffing import build_staff

MIN_RESIDENTS, MAX_RESIDENTS = 10, 35


def demo_shelter(plan: Blueprint, rng: random.Random) -> Shelter:
    """The shelter record: place, operator, capacity and a drawn occupancy (10 to its places)."""
    drawn = rng.randint(MIN_RESIDENTS, min(MAX_RESIDENTS, plan.place.capacity + 4))
    residents = min(drawn, plan.place.capacity)  # the same draws as before, never over capacity
    women = max(1, round(residents * rng.uniform(0.38, 0.48)))
    companions = rng.randint(0, 2)
    return Shelter(
        code=plan.code,
        name=f"Hogar Refugio Temporal {plan.place.name}",
        department=plan.place.department,
        province=plan.place.province,
        operator=plan.operator,
        capacity=plan.place.capacity,
        women=women,
        children=residents - women - companions,
        companions=companions,
        extra_holidays=plan.extra_holidays,
    )


def demo_occupancy(shelter: Shelter, rng: random.Random) -> list[Occupancy]:
    """Expected residents each demo month: today's occupancy (companions with the women),
    moving by up to two a month within the places, about a third of the children under six."""
    women, children = shelter.women + shelter.companions, shelter.children
    months = []
    for year, month in demo_months():
        women = max(1, women + rng.randint(-1, 1))
        children = max(0, min(shelter.capacity - women, children + rng.randint(-1, 1)))
        months.append(Occupancy(year, month, women, children, round(children * 0.35)))
    return months


def build_shelter_data(plan: Blueprint, seed: int, names: NamePicker) -> ShelterData:
    """One shelter's standing data: staff, posts, shifts, coverage, rules, absences, wishes."""
    rng = random.Random(f"{seed}:{plan.code}")
    staff, posts = build_staff(plan, names, rng)
    roles_on_staff = {role for person in staff for role in person.roles}
    data = ShelterData(
        shelter=demo_shelter(plan, rng),
        posts=posts,
        staff=staff,
        shift_types=demo_shift_types(plan.twelve_hour),
        coverage=demo_coverage(plan.twelve_hour, roles_on_staff),
        rules=RuleSet(averaging_weeks=plan.averaging_weeks),
    )
    data.absences = demo_absences(data, rng, guarded=plan.profile is Profile.COVERED)
    data.requests = demo_requests(data, rng)
    data.occupancy = demo_occupancy(data.shelter, random.Random(f"{seed}:{plan.code}:ocupacion"))
    return data


def generate_network(seed: int = 2026) -> NetworkData:
    """The demo network: pure and deterministic (the same seed gives identical data)."""
    names = NamePicker(random.Random(f"{seed}:names"))
    shelters = [build_shelter_data(plan, seed, names) for plan in BLUEPRINTS]
    return NetworkData(roles=list(DEMO_ROLES), shelters=shelters)
