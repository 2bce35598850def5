"""Published sizes, lower bounds and best-known objectives of Instances 1-24.

Transcribed from benchmarks/curtois/README.md ("Best known values"), which
takes them from the benchmark's results page. Instances 1-4 have been re-proved
optimal with PuLP + HiGHS. For 15, 23 and 24 an older list gives 3829, 17428, 42463.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from models.curtois.instance import CurtoisInstance
from models.curtois.parse import parse_instance


class InstanceSize(NamedTuple):
    """Days, staff and shift types of a published instance."""

    days: int
    staff: int
    shift_types: int


SIZES: dict[int, InstanceSize] = {
    number: InstanceSize(*size)
    for number, size in {
        1: (14, 8, 1),
        2: (14, 14, 2),
        3: (14, 20, 3),
        4: (28, 10, 2),
        5: (28, 16, 2),
        6: (28, 18, 3),
        7: (28, 20, 3),
        8: (28, 30, 4),
        9: (28, 36, 4),
        10: (28, 40, 5),
        11: (28, 50, 6),
        12: (28, 60, 10),
        13: (28, 120, 18),
        14: (42, 32, 4),
        15: (42, 45, 6),
        16: (56, 20, 3),
        17: (56, 32, 4),
        18: (84, 22, 3),
        19: (84, 40, 5),
        20: (182, 50, 6),
        21: (182, 100, 8),
        22: (364, 50, 10),
        23: (364, 100, 16),
        24: (364, 150, 32),
    }.items()
}

LOWER_BOUNDS: dict[int, int] = {
    1: 607,
    2: 828,
    3: 1001,
    4: 1716,
    5: 1143,
    6: 1950,
    7: 1056,
    8: 1300,
    9: 439,
    10: 4631,
    11: 3443,
    12: 4040,
    13: 1348,
    14: 1278,
    15: 3828,
    16: 3225,
    17: 5746,
    18: 4459,
    19: 3149,
    20: 4769,
    21: 21133,
    22: 30241,
    23: 17285,
    24: 40438,
}

BEST_KNOWN: dict[int, int] = {**LOWER_BOUNDS, 24: 40439}


def instance_file(folder: str | Path, number: int) -> Path:
    """The path of ``Instance<number>.txt`` in ``folder``."""
    if number not in SIZES:
        raise ValueError(f"la instancia {number} no existe (1-24)")
    return Path(folder) / f"Instance{number}.txt"


def load_instance(folder: str | Path, number: int) -> CurtoisInstance:
    """Parse published instance ``number`` from ``folder``."""
    return parse_instance(instance_file(folder, number))


def gap_percent(objective: float, number: int) -> float:
    """The gap of ``objective`` to the best-known value of instance ``number``, in %."""
    best = BEST_KNOWN[number]
    return 100.0 * (objective - best) / best
