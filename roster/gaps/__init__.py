"""Gap analysis and new-post justification for HR (issue 5).

For a month: each shelter's uncovered demand with its reasons and the proof behind it, the
cheapest legal set of new posts that closes it (the staffing model), the scenarios side by
side (today, + coordinator, + operational assistant, + both, + recommended) and the yearly
arithmetic. Figures are defined in docs/gaps.md; reports live in exports/gaps_*.py.
"""

from roster.gaps.analysis import SCENARIO_NAMES, ShelterInputs, analyse_shelter
from roster.gaps.network import (
    analyse_network,
    gap_analysis,
    network_inputs,
    stored_inputs,
)
from roster.gaps.settings import GapSettings, default_candidates

__all__ = [
    "SCENARIO_NAMES",
    "GapSettings",
    "ShelterInputs",
    "analyse_network",
    "analyse_shelter",
    "default_candidates",
    "gap_analysis",
    "network_inputs",
    "stored_inputs",
]
