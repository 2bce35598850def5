"""The network's gap analysis: every shelter analysed in parallel processes, one thread each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from decimal import Decimal
from time import perf_counter
from typing import TypeVar

from sqlalchemy.orm import Session

from models.gaps import NetworkGapAnalysis, ShelterGapAnalysis
from models.network import NetworkData
from models.people import Post, PostStatus
from models.problem import PlanningProblem
from roster import services
from roster.gaps.analysis import ShelterInputs, analyse_shelter
from roster.gaps.resilience import OnProgress
from roster.gaps.settings import GapSettings
from roster.storage import session_scope

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_parallel(
    target: Callable[[Item, GapSettings], Result],
    inputs: list[Item],
    settings: GapSettings,
    on_done: OnProgress | None = None,
) -> list[Result]:
    """``target(item, settings)`` of each item, in input order, over ``settings.workers``
    processes (in this process with one worker or one item); ``on_done(done, total)``
    hears of each one that ends."""
    report = on_done or (lambda done, total: None)
    if settings.workers == 1 or len(inputs) <= 1:
        results = []
        for item in inputs:
            results.append(target(item, settings))
            report(len(results), len(inputs))
        return results
    found: dict[int, Result] = {}
    with ProcessPoolExecutor(max_workers=settings.workers) as pool:
        futures = {pool.submit(target, item, settings): k for k, item in enumerate(inputs)}
        for future in as_completed(futures):
            found[futures[future]] = future.result()
            report(len(found), len(inputs))
    return [found[k] for k in range(len(inputs))]


def analyse_all(inputs: list[ShelterInputs], settings: GapSettings) -> list[ShelterGapAnalysis]:
    """Each shelter's analysis, in input order, over ``settings.workers`` processes."""
    return in_parallel(analyse_shelter, inputs, settings)


def analyse_network(
    year: int, month: int, inputs: list[ShelterInputs], settings: GapSettings | None = None
) -> NetworkGapAnalysis:
    """The month's analysis of every shelter in ``inputs``, with the wall time it took."""
    settings = settings or GapSettings()
    started = perf_counter()
    shelters = analyse_all(inputs, settings)
    return NetworkGapAnalysis(year, month, shelters, perf_counter() - started)


def shelter_inputs(
    problem: PlanningProblem, posts: list[Post], role_names: dict[str, str]
) -> ShelterInputs:
    """A shelter's inputs: today's cost is its filled posts, and its vacant posts by role."""
    filled = [post for post in posts if post.status == PostStatus.FILLED]
    vacant_posts = [post for post in posts if post.status == PostStatus.VACANT]
    vacant = Counter(post.role for post in vacant_posts)
    return ShelterInputs(
        problem=problem,
        cost_today=sum((post.monthly_cost for post in filled), Decimal(0)),
        vacant_posts=dict(sorted(vacant.items())),
        role_names=role_names,
        filled_pays=[post.monthly_cost for post in filled],
        vacant_pays={post.role: post.monthly_cost for post in vacant_posts if post.monthly_cost},
    )


def stored_inputs(
    session: Session, year: int, month: int, shelter_code: str | None = None
) -> list[ShelterInputs]:
    """The inputs of one stored shelter, or of every active one, read from the database."""
    codes = (
        [services.get_shelter(session, shelter_code).code]
        if shelter_code
        else [shelter.code for shelter in services.list_shelters(session)]
    )
    names = {role.code: role.name for role in services.list_roles(session)}
    return [
        shelter_inputs(
            services.planning_problem(session, code, year, month),
            services.list_posts(session, code),
            names,
        )
        for code in codes
    ]


def network_inputs(network: NetworkData, year: int, month: int) -> list[ShelterInputs]:
    """The inputs of every shelter of an in-memory network (the demo), first month, no history."""
    names = {role.code: role.name for role in network.roles}
    return [
        shelter_inputs(data.problem(network.roles, year, month), data.posts, names)
        for data in network.shelters
    ]


def gap_analysis(
    year: int,
    month: int,
    shelter_code: str | None = None,
    settings: GapSettings | None = None,
    url: str | None = None,
    on_progress: OnProgress | None = None,
) -> NetworkGapAnalysis:
    """Read the shelters from the database in one short transaction, then analyse them.

    ``on_progress(done, total)`` hears of each shelter done (of a single shelter: of each
    simulated sick call).
    """
    with session_scope(url) as session:
        inputs = stored_inputs(session, year, month, shelter_code)
    settings = settings or GapSettings()
    started = perf_counter()
    if len(inputs) == 1:
        shelters = [analyse_shelter(inputs[0], settings, on_progress)]
    else:
        shelters = in_parallel(analyse_shelter, inputs, settings, on_progress)
    return NetworkGapAnalysis(year, month, shelters, perf_counter() - started)
