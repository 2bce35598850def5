"""Per-person checks of one extra shift against the hard rules (pure Python, no PuLP).

Used to explain gaps: "what stops this person from taking that shift?". Each check
answers whether adding ``candidate`` to the person's known shifts (history window
and roster) newly breaks the rule, with the validator's reading of the rule.
"""

from __future__ import annotations

from datetime import date, timedelta

from models.roster import GapReason
from models.rules import RuleSet
from optimizer.timeline import Slot, Timeline, clipped


def blocking_rule(
    timeline: Timeline, rules: RuleSet, slots: list[Slot], candidate: Slot
) -> str | None:
    """The first rule, in GapReason order, that ``candidate`` would break; None if none."""
    if rules.max_weekly_hours.enabled and breaks_weekly_hours(timeline, rules, slots, candidate):
        return GapReason.WEEKLY_HOURS
    if rules.min_rest.enabled and breaks_min_rest(slots, candidate, rules.min_rest_hours * 60):
        return GapReason.MIN_REST
    if rules.weekly_rest.enabled and breaks_weekly_rest(timeline, rules, slots, candidate):
        return GapReason.WEEKLY_REST
    if rules.max_consecutive.enabled and breaks_consecutive(timeline, rules, slots, candidate):
        return GapReason.CONSECUTIVE
    if rules.one_shift_per_day.enabled and any(
        slot.day == candidate.day or (slot.start < candidate.end and candidate.start < slot.end)
        for slot in slots
    ):
        return GapReason.BUSY
    return None


def breaks_min_rest(slots: list[Slot], candidate: Slot, rest: float) -> bool:
    """H3: fewer than ``rest`` minutes between the candidate and a neighbouring shift."""
    for slot in slots:
        first, second = (slot, candidate) if slot.start <= candidate.start else (candidate, slot)
        if second.start - first.end < rest:
            return True
    return False


def breaks_weekly_hours(
    timeline: Timeline, rules: RuleSet, slots: list[Slot], candidate: Slot
) -> bool:
    """H5: a guard where none is allowed, or a window of weeks over the cap."""
    if candidate.shift.is_guard and not rules.allow_24h_guards:
        return True
    span = rules.averaging_weeks
    cap = rules.weekly_hours_cap * 60 * span
    for week in timeline.averaging_windows():
        window = timeline.week_window(week, span)
        if not clipped(candidate.start, candidate.end, window):
            continue
        total = sum(clipped(slot.start, slot.end, window) for slot in [*slots, candidate])
        if total > cap + 1e-6:
            return True
    return False


def longest_free(slots: list[Slot], window: tuple[int, int]) -> int:
    """The longest stretch of ``window`` free of every slot."""
    busy = sorted(
        (max(s.start, window[0]), min(s.end, window[1]))
        for s in slots
        if clipped(s.start, s.end, window)
    )
    longest, cursor = 0, window[0]
    for start, end in busy:
        longest = max(longest, start - cursor)
        cursor = max(cursor, end)
    return max(longest, window[1] - cursor)


def breaks_weekly_rest(
    timeline: Timeline, rules: RuleSet, slots: list[Slot], candidate: Slot
) -> bool:
    """H4: a checked week whose longest free stretch falls below weekly_rest_hours."""
    rest = rules.weekly_rest_hours * 60
    for week in timeline.rest_weeks():
        window = timeline.week_window(week)
        if not clipped(candidate.start, candidate.end, window):
            continue
        if longest_free(slots, window) >= rest > longest_free([*slots, candidate], window):
            return True
    return False


def breaks_consecutive(
    timeline: Timeline, rules: RuleSet, slots: list[Slot], candidate: Slot
) -> bool:
    """H7: the run of worked days (or of nights) through the candidate's day grows too long."""
    limits = [(rules.max_consecutive_days, {slot.day for slot in slots})]
    if timeline.is_night(candidate.code):
        nights = {slot.day for slot in slots if timeline.is_night(slot.code)}
        limits.append((rules.max_consecutive_nights, nights))
    return any(run_through(days | {candidate.day}, candidate.day) > limit for limit, days in limits)


def run_through(days: set[date], day: date) -> int:
    """The length of the run of consecutive days in ``days`` that contains ``day``."""
    length = 1
    for step in (timedelta(days=-1), timedelta(days=1)):
        cursor = day + step
        while cursor in days:
            length, cursor = length + 1, cursor + step
    return length
