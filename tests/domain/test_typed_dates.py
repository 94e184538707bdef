"""Dates as people type them, each shown back as ISO 8601."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.domain.dates import parse_date, parse_period, relative_day
from ccmtui.domain.errors import InputError

FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("today", "2026-11-27"),
        ("Yesterday", "2026-11-26"),
        ("tomorrow", "2026-11-28"),
        ("-3d", "2026-11-24"),
        ("+2w", "2026-12-11"),
        ("-1m", "2026-10-27"),
        ("+1y", "2027-11-27"),
        ("monday", "2026-11-23"),
        ("fri", "2026-11-27"),  # today is a Friday: the most recent Friday is today
        ("saturday", "2026-11-21"),
        ("2013-09-09", "2013-09-09"),
    ],
)
def test_a_typed_date_is_a_calendar_day(typed, day):
    assert parse_date(typed, "--date", today=FRIDAY).isoformat() == day


def test_a_month_offset_keeps_to_the_last_day_of_a_shorter_month():
    assert relative_day("-1m", date(2026, 3, 31)) == date(2026, 2, 28)
    assert relative_day("+1y", date(2028, 2, 29)) == date(2029, 2, 28)


@pytest.mark.parametrize("typed", ["next week", "5 March", "-3x", "+99999y", "2026-02-30", ""])
def test_anything_else_is_refused_in_one_line(typed):
    with pytest.raises(InputError, match=r"^bad --date .*: expected YYYY-MM-DD, e.g. 2013-09-09$"):
        parse_date(typed, "--date", today=FRIDAY)


def test_a_quarter_a_year_or_a_month_is_a_range():
    assert parse_period("2026Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert parse_period("2026-q1") == (date(2026, 1, 1), date(2026, 3, 31))
    assert parse_period("2025") == (date(2025, 1, 1), date(2025, 12, 31))
    assert parse_period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse_period("2026Q5") is None and parse_period("today") is None
