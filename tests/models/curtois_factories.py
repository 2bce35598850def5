"""A hand-made tiny Curtois & Qu instance, its legal baseline roster, and the real files' folder.

TINY: 7 days (day 0 a Monday, weekend = days 5 and 6), shifts E (480 min) and L
(600 min, E may not follow it), three employees. BASELINE breaks no rule; its
objective is 6: B's on-request for E on day 4 (3) is unmet, C works L on day 0
against her off-request (1) and A works L on day 6 against hers (2); cover is exact.
"""

from __future__ import annotations

from pathlib import Path

from models.curtois import CurtoisInstance, load_instance, parse_instance

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks" / "curtois"

TINY_TEXT = """# A tiny hand-made instance\r
SECTION_HORIZON\r
# days\r
7\r
\r
SECTION_SHIFTS\r
# ShiftID, Length in mins, Shifts which cannot follow this shift | separated\r
E,480,\r
L,600,E\r
\r
SECTION_STAFF\r
# ID, MaxShifts, MaxTotalMin, MinTotalMin, MaxConsec, MinConsec, MinConsecDaysOff, MaxWeekends\r
A,E=7|L=2,3200,1440,4,2,2,1\r
B,E=7|L=0,2400,480,3,1,1,1\r
C,E=5|L=5,3600,0,5,2,1,0\r
\r
SECTION_DAYS_OFF\r
# EmployeeID, DayIndexes (start at zero)\r
A,3\r
B\r
C,2\r
\r
SECTION_SHIFT_ON_REQUESTS\r
# EmployeeID, Day, ShiftID, Weight\r
A,0,E,2\r
B,4,E,3\r
\r
SECTION_SHIFT_OFF_REQUESTS\r
# EmployeeID, Day, ShiftID, Weight\r
C,0,L,1\r
A,6,L,2\r
\r
SECTION_COVER\r
# Day, ShiftID, Requirement, Weight for under, Weight for over\r
0,E,1,100,1\r
1,E,2,100,1\r
2,E,2,100,1\r
3,E,1,100,1\r
4,E,0,100,1\r
5,E,0,100,1\r
6,E,0,100,1\r
0,L,1,100,1\r
1,L,1,100,1\r
2,L,0,100,1\r
3,L,1,100,1\r
4,L,1,100,1\r
5,L,1,100,1\r
6,L,1,100,1\r
"""

Cells = dict[tuple[str, int], str]

BASELINE: Cells = {
    ("A", 0): "E",
    ("A", 1): "E",
    ("A", 2): "E",
    ("A", 5): "L",
    ("A", 6): "L",
    ("B", 1): "E",
    ("B", 2): "E",
    ("B", 3): "E",
    ("C", 0): "L",
    ("C", 1): "L",
    ("C", 3): "L",
    ("C", 4): "L",
}


def tiny() -> CurtoisInstance:
    """The tiny instance, parsed from its text."""
    return parse_instance(TINY_TEXT)


def changed(cells: Cells, **moves: str | None) -> Cells:
    """A copy of ``cells`` with ``A3="E"`` style changes; None removes the cell."""
    result = dict(cells)
    for key, shift in moves.items():
        cell = (key[0], int(key[1:]))
        if shift is None:
            result.pop(cell, None)
        else:
            result[cell] = shift
    return result


def real_instance(number: int) -> CurtoisInstance:
    """A published instance, from the project's benchmarks/curtois."""
    return load_instance(BENCHMARKS, number)
