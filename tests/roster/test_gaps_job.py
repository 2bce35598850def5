"""Gap analyses as jobs: queued per shelter or network, progress by shelter, cancel, the result."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from roster_factories import network

from models.gaps import NetworkGapAnalysis
from roster import services
from roster.gaps.network import stored_inputs
from roster.gaps.settings import limited_settings
from roster.gaps.stored import analysis_from_plain, analysis_to_plain
from roster.gaps.tracked import AnalysisStopped, ShelterFailed, analyse_in_pool
from roster.jobs import claim_next, latest_job, request_cancel, run_job, submit_plan
from roster.jobs.gaps import latest_gaps_analysis, latest_gaps_job, submit_gaps
from roster.storage import session_scope

SHELTER, YEAR, MONTH = "HRT-T1", 2026, 3


def _gap_factories() -> ModuleType:
    """tests/exports/gaps_factories.py: hand-made analyses (no solver)."""
    path = Path(__file__).resolve().parents[1] / "exports" / "gaps_factories.py"
    spec = importlib.util.spec_from_file_location("gaps_factories_for_jobs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def url(db_url: str) -> str:
    """A database with one tiny shelter."""
    with session_scope(db_url) as session:
        services.load_network(session, network(SHELTER))
    return db_url


def claimed(url: str, shelter: str | None = None) -> int:
    with session_scope(url) as session:
        submit_gaps(session, shelter, YEAR, MONTH, time_limit=1)
    with session_scope(url) as session:
        job = claim_next(session)
    assert job is not None
    return job.id


def test_the_stored_form_gives_the_same_analysis_back() -> None:
    analysis = _gap_factories().network_analysis()
    again = analysis_from_plain(analysis_to_plain(analysis))
    assert again == analysis
    assert again.ranked()[0].today.heat == analysis.ranked()[0].today.heat


def test_one_analysis_at_a_time_per_scope_and_month(url: str) -> None:
    with session_scope(url) as session:
        network_job = submit_gaps(session, None, YEAR, MONTH)
        shelter_job = submit_gaps(session, SHELTER, YEAR, MONTH)
        with pytest.raises(services.InvalidInput, match="Ya se están analizando"):
            submit_gaps(session, None, YEAR, MONTH)
        assert network_job.params["shelters"] == 1 and network_job.shelter_code is None
        assert shelter_job.shelter_code == SHELTER
        assert latest_gaps_job(session, None, YEAR, MONTH) == network_job


def test_a_gap_job_is_not_the_roster_page_job(url: str) -> None:
    with session_scope(url) as session:
        submit_gaps(session, SHELTER, YEAR, MONTH)
        assert latest_job(session, SHELTER, YEAR, MONTH) is None
        submit_plan(session, SHELTER, YEAR, MONTH)  # not refused by the running analysis


def test_a_gap_job_reports_each_shelter_and_keeps_the_analysis(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _gap_factories().network_analysis()
    seen: list[Any] = []

    def fake(year: int, month: int, inputs: list[Any], settings: Any, on_shelter: Any, *_: Any):
        seen.append((year, month, [item.problem.shelter.code for item in inputs], settings))
        on_shelter(1, 1)
        return made

    monkeypatch.setattr("roster.jobs.gaps_runner.analyse_tracked", fake)
    job = run_job(claimed(url), url)
    assert job.state == "done", job.error
    assert job.fraction == 1.0
    assert seen[0][:3] == (YEAR, MONTH, [SHELTER])
    assert seen[0][3].solver.time_limit_phase1 == 1
    with session_scope(url) as session:
        found = latest_gaps_analysis(session, None, YEAR, MONTH)
    assert found is not None and found[1] == made


def test_a_cancelled_gap_job_keeps_nothing(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    job_id = claimed(url, SHELTER)

    def fake(*args: Any) -> NetworkGapAnalysis:
        with session_scope(url) as session:
            request_cancel(session, job_id)
        stopped = args[-1]
        while not stopped():
            pass
        raise AnalysisStopped

    monkeypatch.setattr("roster.jobs.gaps_runner.analyse_tracked", fake)
    job = run_job(job_id, url)
    assert job.state == "cancelled" and job.result is None
    with session_scope(url) as session:
        assert latest_gaps_analysis(session, SHELTER, YEAR, MONTH) is None


def test_a_failed_gap_job_says_why_in_spanish(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any) -> NetworkGapAnalysis:
        raise services.InvalidInput("El hogar no tiene turnos.")

    monkeypatch.setattr("roster.jobs.gaps_runner.analyse_tracked", broken)
    job = run_job(claimed(url), url)
    assert job.state == "failed"
    assert job.error == "No se pudo analizar las brechas: El hogar no tiene turnos."


@pytest.fixture
def spawnable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Child processes import the product's packages, not the test folders named like them.

    A spawned child starts from this process's sys.path, where pytest puts tests/ when it
    collects tests/test_*.py: there tests/optimizer would shadow optimizer/.
    """
    tests = Path(__file__).resolve().parents[1]
    kept = [entry for entry in sys.path if Path(entry or ".").resolve() != tests]
    monkeypatch.setattr(sys, "path", kept)


def dies(_item: Any, _settings: Any) -> Any:
    """An analysis whose process ends at once without an answer (as if killed)."""
    os._exit(3)


def breaks(_item: Any, _settings: Any) -> Any:
    """An analysis that raises in its process."""
    raise ValueError("sin turnos")


def inputs_of(url: str) -> list[Any]:
    with session_scope(url) as session:
        return stored_inputs(session, YEAR, MONTH, SHELTER)


def test_a_shelter_whose_process_dies_fails_the_run_instead_of_hanging(
    url: str, spawnable: None
) -> None:
    settings = limited_settings(1, workers=1)
    with pytest.raises(ShelterFailed, match="'HRT-T1' terminó sin resultado .*código de salida 3"):
        analyse_in_pool(inputs_of(url), settings, lambda *_: None, lambda: False, dies)
    with pytest.raises(ShelterFailed, match="'HRT-T1': ValueError: sin turnos"):
        analyse_in_pool(inputs_of(url), settings, lambda *_: None, lambda: False, breaks)


@pytest.mark.slow
def test_a_real_gap_job_solves_in_child_processes(url: str, spawnable: None) -> None:
    job = run_job(claimed(url, SHELTER), url)
    assert job.state == "done", job.error
    with session_scope(url) as session:
        found = latest_gaps_analysis(session, SHELTER, YEAR, MONTH)
    assert found is not None
    shelter = found[1].shelters[0]
    assert shelter.shelter_code == SHELTER
    keys = [s.key for s in shelter.scenarios]
    assert keys[0] == "proposal" and "today" in keys  # the programme's proposal comes first
    assert job.result is not None and job.result["shelters"] == 1
