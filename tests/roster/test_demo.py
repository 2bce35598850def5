"""The demo network: shape, determinism, and the capacity arithmetic behind its gaps."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest

import roster.demo
from models.coverage import DayClass, Tier
from models.network import NetworkData, ShelterData
from models.people import AbsenceKind, PostStatus, WorkingPattern
from models.shelter import Shelter
from roster.demo import (
    DEMO_END,
    DEMO_START,
    Profile,
    certain_gap_shelters,
    expected_covered_shelters,
    expected_gap_shelters,
    generate_network,
    shelter_profiles,
)
from roster.demo.capacity import ShelterCapacity, hall_shortfall
from roster.demo.period import days_between, demo_months, month_bounds
from roster.demo.profiles import (
    certain_gap_months,
    has_certain_gap,
    has_structural_gap,
    is_covered,
    measured_profile,
)

# DOMAIN.md, "Departments with an HRT confirmed in public sources", as (department, province).
DOMAIN_PLACES = {
    ("Huancavelica", "Huancavelica"),
    ("Lima", "Lima"),
    ("Lima", "Cañete"),
    ("Arequipa", "Arequipa"),
    ("Apurímac", "Chincheros"),
    ("San Martín", "Rioja"),
    ("Tumbes", "Zarumilla"),
    ("Ucayali", "Coronel Portillo"),
    ("Loreto", "Maynas"),
    ("Pasco", "Oxapampa"),
    ("Amazonas", "Bagua"),
    ("Piura", "Sullana"),
    ("Tacna", "Tacna"),
    ("Huánuco", "Huánuco"),
    ("Puno", "Puno"),
    ("Áncash", "Santa"),
    ("Madre de Dios", "Tambopata"),
}
ROLE_CODES = {"COO", "PSI", "TSO", "EDU", "CUI", "AOP", "TAL", "ENF"}


@pytest.fixture(scope="module")
def network() -> NetworkData:
    return generate_network()


@pytest.fixture(scope="module")
def by_code(network: NetworkData) -> dict[str, ShelterData]:
    return {data.shelter.code: data for data in network.shelters}


def month_days(year: int, month: int) -> list[date]:
    return days_between(*month_bounds(year, month))


def test_same_seed_gives_identical_network_and_another_seed_differs(network):
    assert generate_network(2026) == network
    other = generate_network(7)
    assert [s.shelter.code for s in other.shelters] == [s.shelter.code for s in network.shelters]
    assert other.shelters[0].staff != network.shelters[0].staff


def test_22_shelters_in_the_places_of_domain_md(network):
    shelters = [data.shelter for data in network.shelters]
    assert len(shelters) == 22
    assert len({s.code for s in shelters}) == 22
    assert all(re.fullmatch(r"HRT-[A-Z]{3}-0\d", s.code) for s in shelters)
    assert {(s.department, s.province) for s in shelters} <= DOMAIN_PLACES
    assert len({s.department for s in shelters}) >= 16
    assert all(s.name.startswith("Hogar Refugio Temporal ") for s in shelters)
    assert all("Warmi Ñan (ex Aurora)" in s.operator for s in shelters)


def test_a_shelter_keeps_no_address():
    names = {field.name for field in dataclasses.fields(Shelter)}
    forbidden = {"address", "street", "district", "direccion", "latitude", "longitude"}
    assert not names & forbidden


def test_staff_size_capacity_and_occupancy(network):
    for data in network.shelters:
        active = [person for person in data.staff if person.active]
        assert 8 <= len(active) <= 18, data.shelter.code
        assert 24 <= data.shelter.capacity <= 31
        assert 10 <= data.shelter.residents <= 35
        assert data.shelter.residents <= data.shelter.capacity
        assert not data.shelter.over_capacity
        assert min(data.shelter.women, data.shelter.children) > 0


def test_roles_are_known_and_named_in_both_languages(network):
    assert {role.code for role in network.roles} == ROLE_CODES
    assert all(role.name and role.name_en for role in network.roles)
    for data in network.shelters:
        for person in data.staff:
            assert set(person.roles) <= ROLE_CODES
            assert re.fullmatch(re.escape(data.shelter.code) + r"-P\d\d", person.id)
        assert {post.role for post in data.posts} <= ROLE_CODES


def test_one_filled_post_per_person_and_some_vacant_posts(network):
    shelters_with_vacancies = 0
    for data in network.shelters:
        held = [post_id for person in data.staff for post_id in person.post_ids]
        filled = {post.id for post in data.posts if post.status is PostStatus.FILLED}
        vacant = {post.id for post in data.posts if post.status is PostStatus.VACANT}
        assert sorted(held) == sorted(filled)
        assert not vacant & set(held)
        shelters_with_vacancies += bool(vacant)
    assert shelters_with_vacancies >= 4


def test_post_costs_are_realistic_cas_pay(network):
    ranges = {"CUI": (1800, 2200), "PSI": (3500, 4200), "COO": (4500, 5000), "AOP": (1600, 1900)}
    for data in network.shelters:
        for post in data.posts:
            if post.role in ranges and post.weekly_hours == 48:
                low, high = ranges[post.role]
                assert Decimal(low) <= post.monthly_cost <= Decimal(high), post.id


def test_some_shelters_lack_a_coordinator_or_an_operational_assistant(network):
    def lacks(data: ShelterData, role: str) -> bool:
        return all(post.role != role for post in data.posts)

    no_coordinator = [data for data in network.shelters if lacks(data, "COO")]
    no_assistant = [data for data in network.shelters if lacks(data, "AOP")]
    assert 6 <= len(no_coordinator) <= 8
    assert 6 <= len(no_assistant) <= 8
    assert set(map(id, no_coordinator)) & set(map(id, no_assistant))
    for data in no_coordinator:  # a psychologist carries coordination
        assert any(p.primary_role == "PSI" and p.can_cover("COO") for p in data.staff)
    for data in network.shelters:  # the assistant backs up caregivers and the educator
        for person in data.staff:
            if person.primary_role == "AOP":
                assert person.can_cover("CUI") and person.can_cover("EDU")


def test_contracts_are_mostly_full_time_cas(network):
    staff = [person for data in network.shelters for person in data.staff]
    full_week = {WorkingPattern.WEEKDAYS_DAY: 40.0}  # 5 x 8 h; every other pattern 48 h
    full = [p for p in staff if p.weekly_hours == full_week.get(p.working_pattern, 48.0)]
    assert len(full) >= 0.9 * len(staff)
    hours = Counter(person.weekly_hours for person in staff)
    assert hours[30.0] >= 1 and hours[40.0] >= 1
    assert 1 <= sum(not person.night_work for person in staff) <= 2
    assert all(post.regime == "CAS" for data in network.shelters for post in data.posts)


def test_coverage_rules_follow_domain_md(network):
    twelve_hour = 0
    for data in network.shelters:
        shifts = {shift.code for shift in data.shift_types}
        twelve_hour += "D" in shifts
        rules = {(r.role, r.shift, r.day_class, r.tier): r for r in data.coverage}
        assert all(r.role in ROLE_CODES and r.shift in shifts for r in data.coverage)
        caregiver_shifts = ("D", "N") if "D" in shifts else ("M", "T", "N")
        for shift in caregiver_shifts:
            for klass in DayClass:  # the 24/7 floor is essential
                assert rules["CUI", shift, klass, Tier.ESSENTIAL].minimum == 1
        assert rules["PSI", "M", DayClass.SATURDAY, Tier.NORMAL].minimum == 1
        assert ("TSO", "M", DayClass.SUNDAY, Tier.NORMAL) not in rules
        assert not any(key[0] == "AOP" for key in rules)  # no demand of her own
        optional = {key[0] for key in rules if key[3] is Tier.OPTIONAL}
        assert optional <= {"TAL", "ENF"}  # workshops and the nurse
        for (role, shift, klass, tier), rule in rules.items():  # feriados: the Sunday pattern
            if klass in (DayClass.SUNDAY, DayClass.HOLIDAY):
                other = DayClass.HOLIDAY if klass is DayClass.SUNDAY else DayClass.SUNDAY
                assert dataclasses.replace(rule, day_class=other) == rules[role, shift, other, tier]
    assert 2 <= twelve_hour <= 3


SAMPLE_DAYS = {  # a day of each class, and whether it is a feriado
    DayClass.WEEKDAY: (date(2027, 3, 1), False),
    DayClass.SATURDAY: (date(2027, 3, 6), False),
    DayClass.SUNDAY: (date(2027, 3, 7), False),
    DayClass.HOLIDAY: (date(2027, 5, 1), True),
}


def test_working_patterns_follow_the_cover_people_give(network):
    patterns: dict[str, Counter[WorkingPattern]] = {}
    for data in network.shelters:
        night = {
            shift.code
            for shift in data.shift_types
            if shift.is_night(data.rules.night_shift_threshold_minutes)
        }
        for person in data.staff:
            patterns.setdefault(person.primary_role, Counter())[person.working_pattern] += 1
            for rule in data.coverage:  # she may give every cover her roles are needed for
                if person.can_cover(rule.role) and (rule.minimum or rule.desired):
                    day, feriado = SAMPLE_DAYS[rule.day_class]
                    assert person.working_pattern.allows(day, rule.shift in night, feriado), (
                        person.id,
                        rule,
                    )
        posts = {post.id: post for post in data.posts}
        assert all(posts[p.post_ids[0]].working_pattern == p.working_pattern for p in data.staff)
    assert set(patterns["CUI"]) == set(patterns["AOP"]) == {WorkingPattern.ROTATING}
    assert set(patterns["PSI"]) == {WorkingPattern.MON_SAT_DAY}
    assert set(patterns["TSO"]) == {WorkingPattern.WEEKDAYS_DAY}
    assert patterns["COO"][WorkingPattern.WEEKDAYS_DAY] >= 8  # a few also back a psychologist
    # an educator on the caregivers' rota works it; one who only educates, Monday to Friday
    assert set(patterns["EDU"]) == {WorkingPattern.ROTATING, WorkingPattern.WEEKDAYS_DAY}


def test_twelve_hour_shifts_carry_the_unpaid_refrigerio(network):
    for data in network.shelters:
        breaks = {shift.code: shift.break_minutes for shift in data.shift_types}
        if "D" in breaks:
            assert breaks == {"D": 45, "N": 45, "M": 0}  # D.S. 007-2002-TR art. 7
        else:
            assert set(breaks.values()) == {0}


def test_rules_and_extra_holidays(network):
    averaging = [data.rules.averaging_weeks for data in network.shelters]
    assert sorted(averaging) == [1] * 21 + [3]
    extra = {day for data in network.shelters for day in data.shelter.extra_holidays}
    assert date(2026, 1, 2) in extra and len(extra) >= 3


def test_absences_stay_in_the_period_and_never_overlap(network):
    vacation_months: Counter[int] = Counter()
    for data in network.shelters:
        ids = {person.id for person in data.staff}
        by_person: dict[str, list] = {}
        for absence in data.absences:
            assert absence.staff_id in ids
            assert DEMO_START <= absence.start <= absence.end <= DEMO_END
            by_person.setdefault(absence.staff_id, []).append(absence)
            if absence.kind is AbsenceKind.VACATION and absence.start.year == 2026:
                vacation_months[absence.start.month] += 1
        for absences in by_person.values():
            absences.sort(key=lambda a: a.start)
            assert all(a.end < b.start for a, b in zip(absences, absences[1:], strict=False))
        assert {a.kind for a in data.absences} >= {AbsenceKind.VACATION, AbsenceKind.TRAINING}
    assert all(vacation_months[month] >= 5 for month in range(1, 13))
    kinds = Counter(a.kind for data in network.shelters for a in data.absences)
    assert kinds[AbsenceKind.MEDICAL] >= 10


def test_requests_are_a_handful_per_month_and_never_on_an_absent_day(network):
    for data in network.shelters:
        shifts = {shift.code for shift in data.shift_types}
        per_month = Counter((r.day.year, r.day.month) for r in data.requests)
        assert set(per_month) == set(demo_months())
        assert max(per_month.values()) <= 6
        for request in data.requests:
            assert 1 <= request.weight <= 3
            assert request.shift is None or request.shift in shifts
            assert not any(
                a.staff_id == request.staff_id and a.covers(request.day) for a in data.absences
            )


def test_hall_shortfall_on_tiny_cases():
    # One key needing 56 h (7 day shifts) and one person offering 48 h: 8 h short.
    assert hall_shortfall({1: 56.0}, {1: 48.0}) == 8.0
    assert hall_shortfall({1: 56.0}, {1: 48.0, 3: 48.0}) == -40.0
    # Two keys of 40 h served only by one person qualified for both: 32 h short together.
    assert hall_shortfall({1: 40.0, 2: 40.0}, {3: 48.0}) == 32.0
    assert hall_shortfall({1: 40.0, 2: 40.0}, {3: 48.0, 2: 48.0}) <= 0


def test_caregiver_hours_arithmetic(by_code):
    # A 24/7 post at one person a shift needs 720 person-hours in a 30-day month.
    capacity = ShelterCapacity(by_code["HRT-TAC-01"], absences=())
    needed, _ = capacity.pool_hours({"CUI"}, month_days(2026, 6))
    assert needed == 720
    # One CAS 48-hour caregiver offers at most about 205 h (June 2026: 4 weeks and 2 days).
    person = next(p for p in capacity.people if p.primary_role == "CUI")
    weeks = [month_days(2026, 6)[i : i + 7] for i in range(0, 30, 7)]
    assert sum(capacity.hours_cap(person, week, contract=False) for week in weeks) == 208
    # Shelters with three caregivers can never cover the minimum; covered ones have plenty.
    for code in ("HRT-HVC-01", "HRT-TUM-01"):
        capacity = ShelterCapacity(by_code[code])
        for year, month in demo_months():
            needed, available = capacity.pool_hours({"CUI"}, month_days(year, month))
            assert available < needed, (code, year, month)
    for code in expected_covered_shelters():
        capacity = ShelterCapacity(by_code[code])
        for year, month in demo_months():
            needed, available = capacity.pool_hours({"CUI", "AOP", "EDU"}, month_days(year, month))
            assert available >= 1.5 * needed, (code, year, month)


def test_the_arithmetic_reads_patterns_and_worked_hours(by_code):
    week = [date(2027, 3, 1) + timedelta(days=k) for k in range(7)]  # Monday to Sunday
    capacity = ShelterCapacity(by_code["HRT-TAC-01"], absences=())
    coordinator = next(p for p in capacity.people if p.primary_role == "COO")
    assert coordinator.working_pattern is WorkingPattern.WEEKDAYS_DAY
    assert [capacity.works_on(coordinator, day) for day in week] == [True] * 5 + [False] * 2
    assert capacity.hours_cap(coordinator, week, contract=False) == 40  # 5 days x 8 h
    twelve = ShelterCapacity(by_code["HRT-PIU-01"], absences=())
    carer = next(p for p in twelve.people if p.primary_role == "CUI")
    assert twelve.longest_shift(carer) == 11.25  # 12 h on site less the 45-minute refrigerio
    needed, _ = twelve.pool_hours({"CUI"}, week)
    assert needed == 14 * 11.25  # D and N every day, in worked hours


def test_gap_shelters_have_a_certain_gap_in_every_month(by_code):
    gap = expected_gap_shelters()
    assert 6 <= len(gap) <= 8
    for code in gap:
        assert has_structural_gap(by_code[code]), code
        assert certain_gap_months(by_code[code], demo_months()) == set(demo_months()), code
        assert code in roster.demo.__doc__


def test_covered_shelters_pass_the_arithmetic_with_every_absence(by_code):
    covered = expected_covered_shelters()
    assert 6 <= len(covered) <= 8
    assert not covered & expected_gap_shelters()
    for code in covered:
        assert is_covered(by_code[code]), code
        assert certain_gap_months(by_code[code], demo_months()) == set(), code


def test_borderline_shelters_are_covered_only_at_full_strength(by_code):
    borderline = {code for code, p in shelter_profiles().items() if p is Profile.BORDERLINE}
    assert len(borderline) >= 6
    for code in borderline:
        full_strength = ShelterCapacity(by_code[code], absences=())
        assert not has_certain_gap(full_strength, DEMO_START, DEMO_END), code
        assert not is_covered(by_code[code]), code


def test_certain_gap_shelters_of_a_month_bound_the_optimiser_from_below(network):
    certain = certain_gap_shelters(network, 2026, 6)
    assert expected_gap_shelters() <= certain
    assert not certain & expected_covered_shelters()


@pytest.mark.parametrize("seed", [2026, 11])
def test_the_measured_profiles_match_the_design_whatever_the_seed(seed):
    network = generate_network(seed)
    measured = {data.shelter.code: measured_profile(data) for data in network.shelters}
    assert measured == shelter_profiles()
