"""The Convention's date rules, by property and against the real record."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ccmtui.domain import treaty
from ccmtui.domain.treaty import Status

from ..conftest import REFERENCE

deposits = st.dates(min_value=date(2008, 12, 3), max_value=date(2060, 12, 31))
days = st.dates(min_value=date(2008, 1, 1), max_value=date(2070, 12, 31))


@given(deposits)
def test_entry_into_force_is_first_day_of_sixth_month_after_deposit(deposited):
    in_force = treaty.entry_into_force(deposited)
    assert in_force.day == 1
    if deposited <= treaty.THIRTIETH_DEPOSIT:
        assert in_force == date(2010, 8, 1)
    else:
        months = (in_force.year - deposited.year) * 12 + in_force.month - deposited.month
        assert months == 6
        assert timedelta(days=150) < in_force - deposited <= timedelta(days=184)


@given(deposits, deposits)
def test_entry_into_force_never_earlier_for_a_later_deposit(first, second):
    early, late = sorted((first, second))
    assert treaty.entry_into_force(early) <= treaty.entry_into_force(late)


@given(deposits, days)
def test_status_follows_the_instruments(deposited, on):
    status = treaty.status_on(on, signed=None, deposited=deposited)
    in_force = treaty.entry_into_force(deposited)
    if on < deposited:
        assert status is Status.NON_SIGNATORY
    elif on < in_force:
        assert status is Status.PENDING
    else:
        assert status is Status.PARTY


@given(deposits, st.integers(min_value=0, max_value=4000), days)
def test_withdrawal_takes_effect_six_months_after_notification(deposited, gap, on):
    notified = deposited + timedelta(days=gap)
    status = treaty.status_on(on, signed=None, deposited=deposited, withdrawal_notified=notified)
    effective = treaty.withdrawal_effective(notified)
    assert (status is Status.WITHDRAWN) == (on >= effective)
    assert effective.month in ((notified.month + 5) % 12 + 1,)


@given(st.dates(min_value=date(2010, 8, 1), max_value=date(2060, 1, 1)))
def test_deadlines_count_from_entry_into_force(in_force):
    assert treaty.stockpile_destruction_deadline(in_force).year == in_force.year + 8
    assert treaty.clearance_deadline(in_force).year == in_force.year + 10
    assert treaty.initial_report_due(in_force) - in_force == timedelta(days=180)
    assert treaty.longest_extension(treaty.clearance_deadline(in_force), 4).year == in_force.year + 15
    assert treaty.longest_extension(treaty.stockpile_destruction_deadline(in_force), 3).year == in_force.year + 12


def test_real_entries_into_force():
    # Afghanistan deposited 8 September 2011: in force 1 March 2012.
    assert treaty.entry_into_force(date(2011, 9, 8)) == date(2012, 3, 1)
    # Saint Vincent and the Grenadines deposited 29 October 2010: in force 1 April 2011.
    assert treaty.entry_into_force(date(2010, 10, 29)) == date(2011, 4, 1)
    # Burkina Faso and Moldova deposited on 16 February 2010, the thirtieth instrument.
    assert treaty.entry_into_force(date(2010, 2, 16)) == date(2010, 8, 1)
    assert treaty.entry_into_force(date(2010, 2, 17)) == date(2010, 8, 1)
    assert treaty.entry_into_force(date(2010, 3, 1)) == date(2010, 9, 1)


def test_lithuania_withdrawal_took_effect_on_6_march_2025():
    kwargs = {"signed": date(2008, 12, 3), "deposited": date(2011, 3, 24), "withdrawal_notified": date(2024, 9, 6)}
    assert treaty.withdrawal_effective(date(2024, 9, 6)) == date(2025, 3, 6)
    assert treaty.status_on(date(2025, 3, 5), **kwargs) is Status.PARTY
    assert treaty.status_on(date(2025, 3, 6), **kwargs) is Status.WITHDRAWN


def test_deadlines_agree_with_the_published_obligations():
    """Each Art. 3 / Art. 4 deadline in obligations.csv follows from the state's deposit."""
    deposits = {
        row["iso3"]: date.fromisoformat(row["deposited"])
        for row in csv.DictReader((REFERENCE / "states.csv").open(encoding="utf-8"))
        if row["deposited"]
    }
    checked = 0
    for row in csv.DictReader((REFERENCE / "obligations.csv").open(encoding="utf-8")):
        in_force = treaty.entry_into_force(deposits[row["iso3"]])
        rule = treaty.stockpile_destruction_deadline if row["article"] == "3" else treaty.clearance_deadline
        assert rule(in_force) == date.fromisoformat(row["deadline"]), row["iso3"]
        checked += 1
    assert checked == 63


def test_extensions_exist_only_under_articles_3_and_4():
    import pytest

    with pytest.raises(ValueError):
        treaty.longest_extension(date(2020, 1, 1), 7)


def test_annual_report_is_due_on_30_april_of_the_next_year():
    assert treaty.annual_report_due(2013) == date(2014, 4, 30)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(min_value=-240, max_value=240))
def test_add_months_keeps_the_day_or_clamps_to_month_end(day, months):
    moved = treaty.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or moved.day < day.day
