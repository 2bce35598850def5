"""Loading a whole network and reading a shelter's data back as domain objects."""

from __future__ import annotations

from dataclasses import replace

import pytest
from roster_factories import network, shelter_data
from sqlalchemy.orm import Session

from models import StaffMember
from roster.services import (
    InvalidInput,
    NotFound,
    clear_database,
    database_is_empty,
    get_shelter_data,
    list_roles,
    list_shelters,
    load_network,
)
from roster.storage import session_scope


def test_a_loaded_shelter_reads_back_unchanged(session: Session) -> None:
    load_network(session, network("HRT-A", "HRT-B"))
    assert get_shelter_data(session, "HRT-B") == shelter_data("HRT-B")
    assert [role.code for role in list_roles(session)] == ["COO", "CUI", "PSI"]


def test_the_data_survives_the_session(db_url: str) -> None:
    with session_scope(db_url) as session:
        load_network(session, network("HRT-A"))
    with session_scope(db_url) as session:
        assert get_shelter_data(session, "HRT-A") == shelter_data("HRT-A")


def test_database_is_empty_until_something_is_loaded(session: Session) -> None:
    assert database_is_empty(session)
    load_network(session, network())
    assert not database_is_empty(session)
    clear_database(session)
    assert database_is_empty(session)


def test_loading_an_existing_shelter_again_changes_nothing(session: Session) -> None:
    load_network(session, network("HRT-A"))
    with pytest.raises(InvalidInput, match="HRT-A"):
        load_network(session, network("HRT-B", "HRT-A"))
    assert [s.code for s in list_shelters(session)] == ["HRT-A"]


def test_a_bad_item_late_in_the_network_rolls_everything_back(session: Session) -> None:
    bad = network("HRT-A", "HRT-B")
    stranger = StaffMember("S9", "HRT-B", "Sin función", "XYZ", ("XYZ",))
    bad.shelters[1] = replace(bad.shelters[1], staff=[*bad.shelters[1].staff, stranger])
    with pytest.raises(NotFound, match="XYZ"):
        load_network(session, bad)
    assert database_is_empty(session)


def test_unknown_shelter_is_named_in_the_error(session: Session) -> None:
    with pytest.raises(NotFound, match="'HRT-NADA'"):
        get_shelter_data(session, "HRT-NADA")


def test_the_demo_network_reads_back_exactly(session: Session) -> None:
    demo = pytest.importorskip("roster.demo")
    if not hasattr(demo, "generate_network"):
        pytest.skip("roster.demo.generate_network is not written yet")
    generated = demo.generate_network()
    load_network(session, generated)
    assert list_roles(session) == sorted(generated.roles, key=lambda role: role.code)
    for data in generated.shelters:
        assert get_shelter_data(session, data.shelter.code) == data
