"""Quarters, due dates, statuses and slips: the pure rules of work plans."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.domain.errors import InputError
from ccmtui.domain.workplan import (
    Due,
    Quarter,
    check_move,
    check_slip,
    check_within_period,
    is_overdue,
    parse_status,
    period_label,
    slip_length,
)


@pytest.mark.parametrize("text", ["2025Q1", "2025-Q1", "Q1 2025", "2025q1", " q1  2025 ", "2025 Q1"])
def test_quarter_forms(text):
    assert Quarter.parse(text) == Quarter(2025, 1)


@pytest.mark.parametrize("text", ["2025Q5", "Q0 2025", "2025-1", "first quarter 2025", "25Q1", "", "2025/Q1"])
def test_unknown_quarter_forms_name_the_valid_ones(text):
    with pytest.raises(InputError, match="2025Q1, 2025-Q1 or Q1 2025"):
        Quarter.parse(text)


def test_quarter_bounds_and_next():
    q = Quarter.parse("2024Q4")
    assert (q.start, q.end) == (date(2024, 10, 1), date(2024, 12, 31))
    assert q.next == Quarter(2025, 1)
    assert Quarter(2024, 1).end == date(2024, 3, 31)
    assert Quarter.of(date(2025, 5, 15)).code == "2025Q2"
    assert Quarter(2025, 1).label == "Q1 2025"
    assert Quarter(2025, 1).long_label == "first quarter of 2025"


def test_due_by_quarter_or_date():
    assert Due.parse("Q1 2025") == Due(date(2025, 3, 31), Quarter(2025, 1))
    assert Due.parse("2025-02-14") == Due(date(2025, 2, 14))
    assert Due.parse(date(2025, 2, 14)).code == "2025-02-14"
    assert Due.parse("2025-q2").value == "2025Q2"
    with pytest.raises(InputError, match="bad due 'next spring'"):
        Due.parse("next spring")
    with pytest.raises(InputError):
        Due.parse("2025-02-30")


def test_slip_arithmetic():
    assert slip_length(Due.parse("2025Q1"), Due.parse("2025Q2")) == "1 quarter"
    assert slip_length(Due.parse("2024Q4"), Due.parse("2025Q3")) == "3 quarters"
    assert slip_length(Due.parse("2025Q1"), Due.parse("2025-04-30")) == "30 days"
    with pytest.raises(InputError, match="moves the due date later"):
        check_slip(Due.parse("2025Q2"), Due.parse("2025-06-30"))


def test_a_milestone_falls_inside_its_work_plan():
    start, end = date(2024, 1, 1), date(2025, 12, 31)
    check_within_period(Due.parse("2024Q1"), start, end)
    check_within_period(Due.parse("2025-12-31"), start, end)
    with pytest.raises(InputError, match="outside its work plan's period"):
        check_within_period(Due.parse("2026Q1"), start, end)
    # A quarter must lie wholly inside: a plan from September does not hold Q3 as a whole.
    with pytest.raises(InputError):
        check_within_period(Due.parse("2024Q3"), date(2024, 9, 13), end)


def test_status_moves():
    check_move("done", "planned", "x")
    check_move("start", "slipped", "x")
    with pytest.raises(InputError, match="cannot mark done the milestone 'x': it was dropped"):
        check_move("done", "dropped", "x")
    with pytest.raises(InputError, match="already done"):
        check_move("slip", "done", "x")
    with pytest.raises(InputError, match="already in progress"):
        check_move("start", "in-progress", "x")


def test_statuses_and_overdue():
    assert parse_status("In progress") == "in-progress"
    with pytest.raises(InputError, match="valid: planned, in-progress, done, slipped, dropped"):
        parse_status("finished-ish")
    assert is_overdue("planned", date(2025, 3, 31), date(2025, 4, 1))
    assert not is_overdue("done", date(2025, 3, 31), date(2025, 4, 1))
    assert not is_overdue("planned", date(2025, 3, 31), date(2025, 3, 31))


def test_period_label():
    assert period_label(date(2024, 1, 1), date(2025, 12, 31)) == "2024–2025"
    assert period_label(date(2024, 9, 13), date(2025, 9, 19)) == "2024-09-13 – 2025-09-19"
