"""Hard rules H1, H2, H3, H6, H8, H9: who may work which cell, locks, history, overlaps, rest.

Each ``allows_*`` function filters the variable domain (a cell it refuses gets no
variable); each ``add_*`` function adds named constraints. The weekly rules H4, H5
and H7 live in ``hard_weekly.py``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pulp

from models.people import StaffMember
from models.problem import PlanningProblem
from models.rules import RuleSet
from models.shifts import ShiftType
from optimizer.model import ModelContext, Terms
from optimizer.timeline import DAY, Slot


def allows_qualification(
    ctx: ModelContext, person: StaffMember, day: date, shift: ShiftType, role: str
) -> bool:
    """H1 qualification: a person covers only roles she holds, and nights only if she works nights.

    Domain: x[p,d,s,r] exists only if r in roles(p) and (night_work(p) or s is not a night).
    Source: DESIGN.md §3 H1; the post's profile.
    """
    return role in person.roles and (person.night_work or not ctx.timeline.is_night(shift.code))


def allows_working_pattern(
    ctx: ModelContext, person: StaffMember, day: date, shift: ShiftType, role: str
) -> bool:
    """H12 working pattern: a person works only the days and shifts of her contract's pattern.

    Domain: x[p,d,s,r] exists only if pattern(p) allows (d, s): rotating, anything;
    nights, night shifts only; Monday-Friday or Monday-Saturday day shifts, those
    weekdays, no night, no feriado (models.people.WorkingPattern).
    Source: the person's contract or post (DESIGN.md §2, plaza).
    """
    night = ctx.timeline.is_night(shift.code)
    return person.working_pattern.allows(day, night, day in ctx.problem.holidays)


def allows_absence(
    ctx: ModelContext, person: StaffMember, day: date, shift: ShiftType, role: str
) -> bool:
    """H6 absences: no shift starts on a day of vacation, medical rest, leave or training.

    Domain: x[p,d,s,r] exists only if d is not in absences(p). Source: D.Leg. 713; Ley 29849.
    """
    return day not in ctx.absent.get(person.id, set())


def add_locks(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H8 locks: a hand-fixed assignment is kept.

    x[p,d,s,r] = 1 for every lock (lower bound 1). A lock that contradicts a fact about
    the person (an absence, a role she does not hold, an inactive person, an unknown
    shift) is dropped and reported. Source: DESIGN.md §3 H8.
    """
    staff = {person.id: person for person in ctx.staff}
    for lock in problem.locks:
        person, shift = staff.get(lock.staff_id), problem.shifts.get(lock.shift)
        if not ctx.timeline.in_month(lock.day):
            ctx.report("H8", lock.staff_id, [lock.day], "outside_month")
        elif person is None or shift is None:
            ctx.report(
                "H8", lock.staff_id, [lock.day], "unknown_staff" if shift else "unknown_shift"
            )
        elif blocker := ctx.refuses(person, lock.day, shift, lock.role):
            ctx.report(blocker, lock.staff_id, [lock.day], "dropped")
        else:
            cell = (lock.staff_id, lock.day, lock.shift, lock.role)
            var = ctx.x.get(cell) or ctx.add_variable(cell)
            var.lowBound = 1
            ctx.locked.add(cell)


def add_continuity(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H9 continuity: the previous month's published shifts enter the month-spanning rules.

    History shifts of the last ``history_days`` days are constants in H2, H3, H4, H5, H7
    and S6 (their terms move to the right-hand side). Source: DESIGN.md §3 H9.
    """
    for assignment in problem.history_window():
        shift = problem.shifts.get(assignment.shift)
        if shift is not None and assignment.staff_id in ctx.tags:
            slot = ctx.timeline.slot(assignment.day, shift)
            ctx.history.setdefault(assignment.staff_id, []).append(slot)


KnownSlot = tuple[
    Slot, Terms, int
]  # a shift, the person's variables for it, 1 if worked in history
SlotPair = tuple[KnownSlot, KnownSlot]


def known_slots(ctx: ModelContext, staff_id: str, day: date) -> list[KnownSlot]:
    """The shifts of ``day`` for a person with their variable terms and constant (history) part."""
    if day < ctx.timeline.known_from or day > ctx.timeline.last_day:
        return []
    if ctx.timeline.in_month(day):
        return [(slot, [(var, 1.0) for var in vs], 0) for slot, vs in ctx.work_slots(staff_id, day)]
    worked = {slot.code for slot in ctx.history.get(staff_id, []) if slot.day == day}
    return [(slot, [], int(slot.code in worked)) for slot in ctx.timeline.slots_of_day(day)]


def add_one_shift_per_day(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H2 one shift a day and no overlap.

    For every person p and day d: sum_{s,r} x[p,d,s,r] <= 1; for shifts of different
    days whose intervals overlap (history included): work[a] + work[b] <= 1.
    Source: D.S. 007-2002-TR art. 1 (the working day).
    """
    for person in ctx.staff:
        for day in ctx.timeline.days:
            terms = [(var, 1.0) for var in ctx.day_vars.get((person.id, day), [])]
            name = ctx.name("one_shift", person.id, day)
            ctx.add_limit(terms, 1, name, "H2", person.id, [day])
        for first, second in conflicting_pairs(ctx, person.id, minimum_gap=0):
            terms, constant = first[1] + second[1], first[2] + second[2]
            name = ctx.name(
                "overlap", person.id, first[0].day, first[0].code, second[0].day, second[0].code
            )
            ctx.add_limit(terms, 1 - constant, name, "H2", person.id, [first[0].day, second[0].day])


def conflicting_pairs(ctx: ModelContext, staff_id: str, minimum_gap: float) -> list[SlotPair]:
    """Shift pairs on different days, the later starting less than ``minimum_gap`` minutes
    after the earlier ends, with at least one of them in the month."""
    reach = int((ctx.timeline.longest_shift + minimum_gap) // DAY) + 1
    known: dict[date, list[KnownSlot]] = {}

    def slots(day: date) -> list[KnownSlot]:
        if day not in known:
            known[day] = known_slots(ctx, staff_id, day)
        return known[day]

    pairs = []
    day = ctx.timeline.known_from
    while day <= ctx.timeline.last_day:
        for first in slots(day):
            for offset in range(1, reach + 1):
                for second in slots(day + timedelta(days=offset)):
                    if second[0].start - first[0].end < minimum_gap and (first[1] or second[1]):
                        pairs.append((first, second))
        day += timedelta(days=1)
    return pairs


def add_min_rest(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H3 minimum rest: the next shift starts at least min_rest_hours after the previous ends.

    For shifts a (day d) and b (day d' > d) with start(b) - end(a) < min_rest:
    work[a] + work[b] <= 1. With H2 on, the pairs of two days are merged into cliques:
    sum_{a' on d, end(a') >= end(a)} work[a'] + sum_{b in C(a)} work[b] <= 1.
    History shifts are constants. Source: programme policy (DOMAIN.md, 12 h default).
    """
    rest = rules.min_rest_hours * 60
    for person in ctx.staff:
        pairs = conflicting_pairs(ctx, person.id, minimum_gap=rest)
        if rules.one_shift_per_day.enabled:
            add_rest_cliques(ctx, person.id, pairs)
            continue
        for (a, a_terms, a_const), (b, b_terms, b_const) in pairs:
            name = ctx.name("min_rest", person.id, a.day, a.code, b.day, b.code)
            ctx.add_limit(
                a_terms + b_terms, 1 - a_const - b_const, name, "H3", person.id, [a.day, b.day]
            )
        add_same_day_rest(ctx, person.id, rest)


def add_rest_cliques(ctx: ModelContext, staff_id: str, pairs: list[SlotPair]) -> None:
    """Merge the H3 conflict pairs of two days into cliques (valid because of H2).

    If a on day d conflicts with the set C(a) of day d', every a' on d ending no
    earlier than a conflicts with C(a) too, and shifts of one day exclude each other.
    """
    groups: dict[tuple[date, date], dict[str, tuple[KnownSlot, set[str]]]] = {}
    for first, second in pairs:
        group = groups.setdefault((first[0].day, second[0].day), {})
        group.setdefault(first[0].code, (first, set()))[1].add(second[0].code)
    for (day, later), group in groups.items():
        firsts = sorted((item for item, _ in group.values()), key=lambda item: item[0].end)
        seconds = {item[0].code: item for item in known_slots(ctx, staff_id, later)}
        seen: set[tuple[frozenset[str], frozenset[str]]] = set()
        for item in firsts:
            blocked = group[item[0].code][1]
            members = [other for other in firsts if other[0].end >= item[0].end]
            key = (frozenset(other[0].code for other in members), frozenset(blocked))
            if key in seen:
                continue
            seen.add(key)
            chosen = members + [seconds[code] for code in sorted(blocked)]
            terms = [term for _, item_terms, _ in chosen for term in item_terms]
            constant = sum(item_constant for _, _, item_constant in chosen)
            name = ctx.name("min_rest", staff_id, day, item[0].code, later)
            ctx.add_limit(terms, 1 - constant, name, "H3", staff_id, [day, later])


def add_same_day_rest(ctx: ModelContext, staff_id: str, rest: float) -> None:
    """H3 with H2 off: two shifts of the same day also need the rest between them."""
    for day in ctx.timeline.days:
        slots = ctx.work_slots(staff_id, day)
        for a, a_vars in slots:
            for b, b_vars in slots:
                if (a.start, a.code) < (b.start, b.code) and b.start - a.end < rest:
                    for va in a_vars:
                        for vb in b_vars:
                            name = ctx.name("min_rest", va.name, vb.name)
                            constraint = pulp.LpAffineExpression([(va, 1), (vb, 1)]) <= 1
                            ctx.add_constraint(constraint, name, "H3", staff_id, day)
