"""Sizing posts on the year's months (models.gap_year.size_posts)."""

from __future__ import annotations

import pytest

from models.gap_year import size_posts

# Three months with a structural gap out of twelve: two need one coordinator, one needs two
# coordinators and a caregiver; the other nine need nothing.
MONTHLY = [{"COO": 1}, {"COO": 1}, {"COO": 2, "CUI": 1}]


def test_every_month_asks_for_the_largest_count_a_month_needs() -> None:
    assert size_posts(MONTHLY, 12, 1.0) == {"COO": 2, "CUI": 1}


def test_a_share_of_the_months_leaves_the_rarest_needs_out() -> None:
    assert size_posts(MONTHLY, 12, 11 / 12) == {"COO": 1}  # 11 months close with one
    assert size_posts(MONTHLY, 12, 0.75) == {}  # nine months need nothing


def test_a_share_outside_zero_to_one_is_refused() -> None:
    for share in (0.0, 1.5):
        with pytest.raises(ValueError, match="months_share"):
            size_posts(MONTHLY, 12, share)
