"""Create, read, update and deactivate every kind of standing data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest
from roster_factories import ROLES, network
from sqlalchemy.orm import Session

from models import (
    Absence,
    AbsenceKind,
    CoverageRule,
    DayClass,
    Post,
    PostStatus,
    Request,
    Role,
    RuleSet,
    Shelter,
    ShiftType,
    StaffMember,
)
from roster import services as sv


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, network("HRT-A"))
    return session


def test_shelter_round_trip_update_and_deactivation(session: Session) -> None:
    shelter = Shelter("HRT-X", "Hogar X", "Puno", "Puno", capacity=30)
    assert sv.create_shelter(session, shelter) == shelter
    changed = replace(shelter, women=12, extra_holidays=(date(2026, 11, 4), date(2026, 1, 2)))
    assert sv.update_shelter(session, changed).extra_holidays == (
        date(2026, 1, 2),
        date(2026, 11, 4),
    )
    assert sv.update_shelter(session, replace(changed, extra_holidays=(date(2026, 1, 2),)))
    assert sv.get_shelter(session, "HRT-X").extra_holidays == (date(2026, 1, 2),)
    assert sv.deactivate_shelter(session, "HRT-X").active is False
    assert sv.list_shelters(session) == []
    assert [s.code for s in sv.list_shelters(session, include_inactive=True)] == ["HRT-X"]
    assert sv.get_rule_set(session, "HRT-X") == RuleSet()


def test_duplicate_shelter_code_is_refused_in_spanish(session: Session) -> None:
    sv.create_shelter(session, Shelter("HRT-X", "Hogar X", "Puno", "Puno"))
    with pytest.raises(sv.InvalidInput, match="Ya existe un hogar con código 'HRT-X'"):
        sv.create_shelter(session, Shelter("HRT-X", "Otro", "Puno", "Puno"))


def test_roles_rename_and_deactivate(session: Session) -> None:
    for role in ROLES:
        sv.create_role(session, role)
    sv.update_role(session, Role("CUI", "Cuidadora de turno", "Carer"))
    assert sv.get_role(session, "CUI").name == "Cuidadora de turno"
    sv.deactivate_role(session, "COO")
    assert [r.code for r in sv.list_roles(session)] == ["CUI", "PSI"]
    assert len(sv.list_roles(session, include_inactive=True)) == 3
    with pytest.raises(sv.NotFound, match="'ZZZ'"):
        sv.get_role(session, "ZZZ")


def test_posts_update_and_deactivate(loaded: Session) -> None:
    new = Post("P3", "HRT-A", "COO", monthly_cost=Decimal("4200"), status=PostStatus.PROPOSED)
    sv.create_post(loaded, new)
    assert sv.get_post(loaded, "HRT-A", "P3") == new
    sv.update_post(loaded, replace(new, status=PostStatus.FILLED, weekly_hours=36))
    assert sv.get_post(loaded, "HRT-A", "P3").weekly_hours == 36
    sv.deactivate_post(loaded, "HRT-A", "P3")
    assert [p.id for p in sv.list_posts(loaded, "HRT-A")] == ["P1", "P2"]
    assert len(sv.list_posts(loaded, "HRT-A", include_inactive=True)) == 3


def test_staff_roles_and_posts_change_on_update(loaded: Session) -> None:
    member = sv.get_staff(loaded, "HRT-A", "S2")
    changed = replace(member, roles=("COO", "PSI", "CUI"), post_ids=("P1", "P2"), name="Rosa H.")
    assert sv.update_staff(loaded, changed) == changed
    narrowed = replace(changed, roles=("PSI",), post_ids=())
    sv.update_staff(loaded, narrowed)
    assert sv.get_staff(loaded, "HRT-A", "S2") == narrowed


def test_deactivated_staff_leave_the_list_but_stay_stored(loaded: Session) -> None:
    assert sv.deactivate_staff(loaded, "HRT-A", "S3").active is False
    assert [m.id for m in sv.list_staff(loaded, "HRT-A")] == ["S1", "S2"]
    assert sv.get_staff(loaded, "HRT-A", "S3").active is False
    data = sv.get_shelter_data(loaded, "HRT-A")
    assert [m.id for m in data.problem(ROLES, 2026, 3).staff] == ["S1", "S2"]


def test_active_staff_counts_leave_out_deactivated_people(loaded: Session) -> None:
    assert sv.active_staff_counts(loaded) == {"HRT-A": 3}
    sv.deactivate_staff(loaded, "HRT-A", "S3")
    assert sv.active_staff_counts(loaded) == {"HRT-A": 2}


def test_staff_with_unknown_post_or_duplicate_code_is_refused(loaded: Session) -> None:
    with pytest.raises(sv.NotFound, match="plaza 'P9'"):
        sv.create_staff(loaded, StaffMember("S9", "HRT-A", "X", "CUI", ("CUI",), post_ids=("P9",)))
    with pytest.raises(sv.InvalidInput, match="'S1'"):
        sv.create_staff(loaded, StaffMember("S1", "HRT-A", "X", "CUI", ("CUI",)))


def test_shift_types_update_and_deactivate(loaded: Session) -> None:
    guard = ShiftType("G", "Guardia", time(8), 1440, is_guard=True)
    sv.create_shift_type(loaded, "HRT-A", guard)
    assert sv.get_shift_type(loaded, "HRT-A", "G") == guard
    sv.update_shift_type(loaded, "HRT-A", replace(guard, start=time(7, 30)))
    assert sv.get_shift_type(loaded, "HRT-A", "G").start == time(7, 30)
    sv.deactivate_shift_type(loaded, "HRT-A", "N")
    assert [s.code for s in sv.list_shift_types(loaded, "HRT-A")] == ["M", "T", "G"]
    assert all(rule.shift != "N" for rule in sv.list_coverage(loaded, "HRT-A"))


def test_coverage_rules_are_set_replaced_and_deleted(loaded: Session) -> None:
    rule = CoverageRule("COO", "M", DayClass.WEEKDAY, 1, 1)
    sv.set_coverage_rule(loaded, "HRT-A", rule)
    sv.set_coverage_rule(loaded, "HRT-A", replace(rule, desired=2))
    rules = sv.list_coverage(loaded, "HRT-A")
    assert replace(rule, desired=2) in rules and rule not in rules
    sv.delete_coverage_rule(loaded, "HRT-A", "COO", "M", DayClass.WEEKDAY)
    assert all(r.role != "COO" for r in sv.list_coverage(loaded, "HRT-A"))
    with pytest.raises(sv.NotFound, match="laborable"):
        sv.delete_coverage_rule(loaded, "HRT-A", "COO", "M", DayClass.WEEKDAY)


def test_absences_add_filter_update_delete(loaded: Session) -> None:
    sick = Absence("S3", AbsenceKind.MEDICAL, date(2026, 4, 1), date(2026, 4, 3), "reposo")
    sv.add_absence(loaded, "HRT-A", sick)
    assert sv.list_absences(loaded, "HRT-A", staff_id="S3") == [sick]
    assert sv.list_absences(loaded, "HRT-A", first=date(2026, 3, 9)) == [sick]
    longer = replace(sick, end=date(2026, 4, 10))
    sv.update_absence(loaded, "HRT-A", sick, longer)
    assert sv.list_absences(loaded, "HRT-A", staff_id="S3") == [longer]
    sv.delete_absence(loaded, "HRT-A", longer)
    assert sv.list_absences(loaded, "HRT-A", staff_id="S3") == []
    with pytest.raises(sv.NotFound, match="01/04/2026"):
        sv.delete_absence(loaded, "HRT-A", longer)


def test_requests_add_update_delete(loaded: Session) -> None:
    wish = Request("S1", date(2026, 3, 20), on=True, shift="T")
    sv.add_request(loaded, "HRT-A", wish)
    sv.update_request(loaded, "HRT-A", wish, replace(wish, shift=None, weight=3))
    assert replace(wish, shift=None, weight=3) in sv.list_requests(loaded, "HRT-A")
    sv.delete_request(loaded, "HRT-A", replace(wish, shift=None, weight=3))
    assert len(sv.list_requests(loaded, "HRT-A")) == 2
    assert sv.list_requests(loaded, "HRT-A", first=date(2026, 3, 11)) == [
        Request("S3", date(2026, 3, 11), on=True, shift="N")
    ]


def test_rule_set_is_replaced_whole(loaded: Session) -> None:
    rules = RuleSet().with_changes(averaging_weeks=3, fairness={"enabled": False}, extra={"a": 1})
    sv.set_rule_set(loaded, "HRT-A", rules)
    assert sv.get_rule_set(loaded, "HRT-A") == rules
