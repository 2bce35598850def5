"""Working patterns of posts and people, and meal breaks of shift types, stored and read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from roster_factories import network
from sqlalchemy.orm import Session

from models import ShiftType
from models.people import WorkingPattern
from roster import services as sv

OFFICE = WorkingPattern.WEEKDAYS_DAY


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, network("HRT-A"))
    return session


def test_a_person_follows_her_posts_pattern_until_she_has_her_own(loaded: Session) -> None:
    post = sv.get_post(loaded, "HRT-A", "P1")
    assert post.working_pattern is WorkingPattern.ROTATING
    sv.update_post(loaded, replace(post, working_pattern=OFFICE))
    assert sv.get_staff(loaded, "HRT-A", "S1").working_pattern is OFFICE  # holds P1
    assert sv.get_staff(loaded, "HRT-A", "S3").working_pattern is WorkingPattern.ROTATING
    own = replace(sv.get_staff(loaded, "HRT-A", "S1"), working_pattern=WorkingPattern.NIGHTS)
    sv.update_staff(loaded, own)
    sv.update_post(loaded, replace(post, working_pattern=WorkingPattern.MON_SAT_DAY))
    assert sv.get_staff(loaded, "HRT-A", "S1").working_pattern is WorkingPattern.NIGHTS


def test_a_shift_types_unpaid_break_is_kept(loaded: Session) -> None:
    long_day = ShiftType("D", "Día", time(7), 720, break_minutes=60)
    sv.create_shift_type(loaded, "HRT-A", long_day)
    assert sv.get_shift_type(loaded, "HRT-A", "D").worked_minutes == 660
    sv.update_shift_type(loaded, "HRT-A", replace(long_day, break_minutes=30))
    assert sv.get_shift_type(loaded, "HRT-A", "D").break_minutes == 30
