"""Staff members and posts (plazas) of a demo shelter, drawn from its blueprint."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from models.people import Post, PostStatus, StaffMember
from roster.demo.blueprints import Blueprint, Team
from roster.demo.coverage import PATTERN_WEEK_HOURS, demo_pattern
from roster.demo.names import NamePicker

# Monthly CAS pay in soles for a 48-hour post, lowest and highest (demo assumption).
MONTHLY_PAY = {
    "COO": (4500, 5000),
    "PSI": (3500, 4200),
    "TSO": (3200, 3800),
    "EDU": (2500, 3000),
    "CUI": (1800, 2200),
    "AOP": (1600, 1900),
    "TAL": (1800, 2300),
    "ENF": (2300, 3200),
}
FULL_TIME_HOURS = 48.0


def monthly_cost(role: str, weekly_hours: float, rng: random.Random | None = None) -> Decimal:
    """A post's monthly cost: a draw in the role's range (midpoint without ``rng``), pro rata."""
    low, high = MONTHLY_PAY[role]
    full = rng.randrange(low, high + 1, 50) if rng else (low + high) // 100 * 50
    share = Decimal(str(weekly_hours)) / Decimal(str(FULL_TIME_HOURS))
    tens = (Decimal(full) * share / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return tens * 10


def post_id(shelter_code: str, number: int) -> str:
    """Posts are numbered like their holders: HRT-HVC-01-PL03 is held by HRT-HVC-01-P03."""
    return f"{shelter_code}-PL{number:02d}"


def staff_id(shelter_code: str, number: int) -> str:
    """A stable staff id, e.g. HRT-HVC-01-P03."""
    return f"{shelter_code}-P{number:02d}"


def _hire(code: str, number: int, team: Team, names: NamePicker, rng: random.Random):
    """A person and her filled post: her pattern from the roles she covers, her weekly hours
    no more than it holds (pay stays the role's monthly pay: a CAS salary is monthly)."""
    pattern = demo_pattern((team.role, *team.also))
    hours = min(team.hours, PATTERN_WEEK_HOURS.get(pattern, team.hours))
    post = Post(
        id=post_id(code, number),
        shelter_code=code,
        role=team.role,
        weekly_hours=hours,
        monthly_cost=monthly_cost(team.role, team.hours, rng),
        status=PostStatus.FILLED,
        working_pattern=pattern,
    )
    person = StaffMember(
        id=staff_id(code, number),
        shelter_code=code,
        name=names.pick(team.role),
        primary_role=team.role,
        roles=(team.role, *team.also),
        weekly_hours=hours,
        night_work=team.night_work,
        post_ids=(post.id,),
        working_pattern=pattern,
    )
    return person, post


def build_staff(
    plan: Blueprint, names: NamePicker, rng: random.Random
) -> tuple[list[StaffMember], list[Post]]:
    """One filled post per person of the blueprint, then its vacant posts."""
    staff: list[StaffMember] = []
    posts: list[Post] = []
    for team in plan.teams:
        for _ in range(team.count):
            person, post = _hire(plan.code, len(posts) + 1, team, names, rng)
            staff.append(person)
            posts.append(post)
    for role in plan.vacant:
        number = len(posts) + 1
        cost = monthly_cost(role, FULL_TIME_HOURS)
        pattern = demo_pattern((role,))
        hours = PATTERN_WEEK_HOURS.get(pattern, FULL_TIME_HOURS)
        posts.append(
            Post(
                post_id(plan.code, number),
                plan.code,
                role,
                "CAS",
                hours,
                cost,
                working_pattern=pattern,
            )
        )
    return staff, posts
