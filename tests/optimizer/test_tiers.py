"""Coverage tiers: phase 1 fills essential cover first, then normal; optional cover never
overrides a request; the report carries each tier's shortfall and its proof."""

from __future__ import annotations

import pytest
from optimizer_factories import feb, make_problem, person, solved, without, works

from models import Demand, Request, RuleSet, Tier
from models.roster import tier_hours
from models.validator.soft_coverage import tier_units
from roster.bench.network import demo_problems


def essential(day: int, shift: str) -> Demand:
    return Demand(feb(day), shift, "CUI", 1, 1, essential=1)


def normal(day: int, shift: str) -> Demand:
    return Demand(feb(day), shift, "CUI", 1, 1)


def optional(day: int, shift: str) -> Demand:
    return Demand(feb(day), shift, "CUI", 1, 1, optional=1)


def test_one_carer_takes_the_essential_night_not_the_normal_day() -> None:
    """Binds: she can work one shift of the day; by hours alone M and N weigh the same."""
    problem = make_problem([person("a")], [normal(3, "M"), essential(3, "N")])
    result = solved(problem)
    assert works(result, "a", feb(3), "N") and not works(result, "a", feb(3), "M")
    [gap] = result.roster.gaps
    assert (gap.shift, gap.tier) == ("M", Tier.NORMAL)
    assert tier_hours(result.roster.gaps) == {"essential": 0.0, "normal": 8.0, "optional": 0.0}


def test_an_essential_hour_outweighs_more_normal_hours() -> None:
    """Binds: the normal day shift is twice as long, still the essential one is filled."""
    long_day = Demand(feb(3), "C", "CUI", 2, 2)  # 2 x 4 h of normal cover ...
    night = essential(3, "N")  # ... against 8 h of essential cover
    problem = make_problem([person("a"), person("b")], [long_day, night])
    result = solved(problem)
    assert sum(works(result, who, feb(3), "N") for who in "ab") == 1
    assert tier_units(problem, result.roster)[Tier.ESSENTIAL] == 0


def test_people_fill_the_essential_layer_of_a_layered_shift_first() -> None:
    """Holds: one carer on a shift needing 1 essential + 1 normal leaves the normal one short."""
    layered = Demand(feb(3), "M", "CUI", 2, 2, essential=1)
    result = solved(make_problem([person("a")], [layered]))
    [gap] = result.roster.gaps
    assert (gap.missing, gap.tier) == (1, Tier.NORMAL)
    assert result.report.tier("essential").uncovered == 0
    assert result.report.tier("normal").uncovered == 8


@pytest.mark.parametrize(("tier", "overridden"), [(Tier.OPTIONAL, False), (Tier.NORMAL, True)])
def test_a_request_is_never_overridden_only_to_fill_optional_cover(
    tier: Tier, overridden: bool
) -> None:
    """Optional cover leaves her day off alone; normal cover is worth overriding it for."""
    demand = [optional(3, "M") if tier is Tier.OPTIONAL else normal(3, "M")]
    rules = without(RuleSet(), "S3")  # her contract would count for working either way
    off = Request("a", feb(3), on=False)
    result = solved(make_problem([person("a")], demand, rules=rules, requests=[off]))
    assert works(result, "a", feb(3)) is overridden
    assert [gap.tier for gap in result.roster.gaps] == ([] if overridden else [Tier.OPTIONAL])


def test_optional_cover_is_filled_when_nothing_stands_against_it() -> None:
    result = solved(make_problem([person("a")], [optional(3, "M")], rules=without(RuleSet(), "S3")))
    assert works(result, "a", feb(3), "M")
    assert result.report.tier("optional").uncovered == 0


def test_the_report_proves_each_tier_and_prices_optional_cover() -> None:
    """Two essential nights and a normal day for one carer across two days with H3."""
    demand = [essential(3, "N"), essential(4, "N"), normal(4, "M"), optional(5, "M")]
    result = solved(make_problem([person("a")], demand, rules=without(RuleSet(), "S3")))
    report = result.report
    assert [item.tier for item in report.tiers] == ["essential", "normal", "optional"]
    assert report.tier("essential").proven and report.tier("essential").bound == 0
    normal_tier = report.tier("normal")
    assert normal_tier.proven and normal_tier.uncovered == normal_tier.bound == 8
    assert report.tier("optional").status in ("optimal", "priced")
    data = report.to_dict()
    assert data["tiers"][1]["uncovered"] == 8
    assert type(report).from_dict(data).tiers == report.tiers


@pytest.mark.slow
def test_hvc_march_2027_leaves_essential_cover_only_where_the_proof_says() -> None:
    """The demo's Huancavelica shelter: three carers for a 24/7 floor. The essential hours
    left uncovered are the proven least (none when the proof says 0), proven per tier."""
    problem = next(p for p in demo_problems(2027, 3) if p.shelter.code == "HRT-HVC-01")
    result = solved(problem, time_limit_phase1=60, time_limit_phase2=5)
    floor = result.report.tier("essential")
    assert floor.proven, floor
    assert floor.uncovered == floor.bound
    essential_gaps = [gap for gap in result.roster.gaps if gap.tier == Tier.ESSENTIAL]
    if floor.bound == 0:
        assert not essential_gaps
    assert sum(gap.hours for gap in essential_gaps) == floor.uncovered
    assert result.report.tier("normal").proven


def test_a_plain_demand_is_all_normal_and_solves_as_before() -> None:
    problem = make_problem([person("a")], [normal(3, "M")])
    result = solved(problem)
    assert [item.tier for item in result.report.tiers] == ["normal"]
    assert result.report.phase("coverage").status == "optimal"
