"""The public Curtois & Qu staff-scheduling benchmark: instances, their judge, the adapter.

- ``parse_instance`` reads an instance file (benchmarks/curtois/README.md);
- ``evaluate`` is the benchmark's own, independent judge of a roster (rules 1-9 and the
  official objective); it does not use the adapter or the validator;
- ``to_problem`` / ``to_roster`` / ``from_roster`` carry an instance and its rosters
  into and out of the product's domain, where the validator and optimiser work;
- ``BEST_KNOWN`` / ``LOWER_BOUNDS`` / ``SIZES`` are the published values.
"""

from models.curtois.adapter import (
    CURTOIS_START,
    benchmark_rules,
    cover_weights,
    from_roster,
    roster_rows,
    to_problem,
    to_roster,
)
from models.curtois.best_known import (
    BEST_KNOWN,
    LOWER_BOUNDS,
    SIZES,
    InstanceSize,
    gap_percent,
    instance_file,
    load_instance,
)
from models.curtois.evaluate import CurtoisEvaluation, CurtoisViolation, evaluate
from models.curtois.instance import (
    Cover,
    CurtoisInstance,
    CurtoisShift,
    CurtoisStaff,
    ShiftRequest,
)
from models.curtois.parse import InstanceError, parse_instance

__all__ = [
    "BEST_KNOWN",
    "CURTOIS_START",
    "LOWER_BOUNDS",
    "SIZES",
    "Cover",
    "CurtoisEvaluation",
    "CurtoisInstance",
    "CurtoisShift",
    "CurtoisStaff",
    "CurtoisViolation",
    "InstanceError",
    "InstanceSize",
    "ShiftRequest",
    "benchmark_rules",
    "cover_weights",
    "evaluate",
    "from_roster",
    "gap_percent",
    "instance_file",
    "load_instance",
    "parse_instance",
    "roster_rows",
    "to_problem",
    "to_roster",
]
