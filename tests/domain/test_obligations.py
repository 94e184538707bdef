"""Reduced-precision dates, an obligation's standing on a day, and the Art. 3, 4 and 7 rules."""

from __future__ import annotations

from datetime import date, timedelta
from datetime import date as _date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccmtui.domain import treaty
from ccmtui.domain.dates import parse_partial_date
from ccmtui.domain.dates import parse_partial_date as _partial
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import (
    DeadlineStatus,
    Extension,
    ObligationFacts,
    Standing,
    check_retention,
    deadline_as_of,
    deadline_on,
    original_deadline,
    parse_article,
    parse_obligation_status,
    standing_on,
)

days = st.dates(min_value=date(2008, 1, 1), max_value=date(2040, 12, 31))


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2010", date(2010, 1, 1), date(2010, 12, 31), "year"),
        ("2023-06", date(2023, 6, 1), date(2023, 6, 30), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2014-03-20", date(2014, 3, 20), date(2014, 3, 20), "day"),
    ],
)
def test_partial_dates_keep_their_precision(text, earliest, latest, precision):
    value = parse_partial_date(text)
    assert (value.earliest, value.latest, value.precision, str(value)) == (earliest, latest, precision, text)


@pytest.mark.parametrize(
    "text", ["", "June 2023", "2023-6", "2023-13", "2023-02-30", "23-06", "2023/06", "2023-06-15T00"]
)
def test_bad_partial_dates_are_refused(text):
    with pytest.raises(InputError, match="expected YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_partial_date(text, "--completed")


@given(st.dates(min_value=date(2008, 1, 1), max_value=date(2040, 12, 31)), days)
def test_a_partial_date_is_never_both_before_and_after_a_day(day, on):
    for text in (day.isoformat()[:4], day.isoformat()[:7], day.isoformat()):
        value = parse_partial_date(text)
        assert not (value.certainly_by(on) and value.certainly_after(on))
        assert value.earliest <= day <= value.latest


def _facts(**changes) -> ObligationFacts:
    base = {
        "article": 3,
        "deadline": date(2019, 10, 1),
        "extended_to": None,
        "extension_granted": None,
        "completed": None,
        "status": "outstanding",
        "status_as_of": date(2025, 9, 8),
    }
    return ObligationFacts(**{**base, **changes})


def test_standing_follows_the_completion_date_at_its_precision():
    june = _facts(completed=parse_partial_date("2023-06"), status="completed")
    assert standing_on(june, date(2023, 5, 31)) is Standing.CURRENT
    assert standing_on(june, date(2023, 6, 15)) is Standing.UNDETERMINED
    assert standing_on(june, date(2023, 6, 30)) is Standing.COMPLETED


def test_a_completion_without_date_is_known_from_the_day_the_status_was_recorded():
    undated = _facts(status="completed")
    assert standing_on(undated, date(2014, 6, 30)) is Standing.UNDETERMINED
    assert standing_on(undated, date(2025, 9, 8)) is Standing.COMPLETED
    assert standing_on(_facts(), date(2014, 6, 30)) is Standing.CURRENT
    assert standing_on(_facts(status="uncertain"), date(2030, 1, 1)) is Standing.UNCERTAIN
    assert standing_on(_facts(status="no stockpile reported"), date(2030, 1, 1)) is Standing.NONE_HELD


def test_an_extension_applies_once_granted_or_from_the_original_deadline():
    granted = _facts(extended_to=date(2023, 12, 31), extension_granted=parse_partial_date("2019-09-04"))
    assert deadline_on(granted, date(2019, 9, 3)) == date(2019, 10, 1)
    assert deadline_on(granted, date(2019, 9, 30)) == date(2023, 12, 31)  # the 9MSP closed 4 September 2019
    ungranted_date = _facts(extended_to=date(2023, 12, 31))
    assert deadline_on(ungranted_date, date(2019, 9, 30)) == date(2019, 10, 1)
    assert deadline_on(ungranted_date, date(2019, 10, 1)) == date(2023, 12, 31)


@given(days)
def test_deadlines_are_eight_and_ten_years_after_entry_into_force(in_force):
    assert original_deadline(3, in_force) == treaty.add_years(in_force, 8)  # Art. 3(2)
    assert original_deadline(4, in_force) == treaty.add_years(in_force, 10)  # Art. 4(1)
    assert original_deadline(5, in_force) is None
    assert original_deadline(3, None) is None


def test_initial_and_annual_reports():
    in_force = date(2010, 8, 1)
    assert treaty.initial_report_due(in_force) == date(2011, 1, 28)  # Art. 7(1): 180 days
    assert treaty.first_annual_report_year(in_force) == 2011
    assert treaty.annual_reports_due(in_force, date(2012, 4, 29)) == []
    assert treaty.annual_reports_due(in_force, date(2012, 4, 30)) == [2011]
    assert treaty.annual_reports_due(in_force, date(2014, 6, 30)) == [2011, 2012, 2013]
    # Saint Kitts and Nevis: in force 1 March 2014, initial report due 28 August 2014.
    assert treaty.annual_reports_due(date(2014, 3, 1), date(2015, 4, 30)) == [2014]


@given(days, days)
def test_annual_reports_fall_due_each_30_april_after_the_initial_report(in_force, on):
    years = treaty.annual_reports_due(in_force, on)
    assert years == sorted(set(years))
    for year in years:
        assert treaty.annual_report_due(year) <= on
        assert treaty.annual_report_due(year) > treaty.initial_report_due(in_force) - timedelta(days=366)


def test_lateness():
    due = date(2014, 4, 30)
    assert not treaty.report_is_late(due, date(2014, 4, 30), date(2014, 6, 30))
    assert treaty.report_is_late(due, date(2014, 5, 1), date(2014, 6, 30))
    assert treaty.report_is_late(due, None, date(2014, 5, 1))
    assert not treaty.report_is_late(due, None, date(2014, 4, 30))


@pytest.mark.parametrize(
    ("retained", "used", "message"),
    [
        (-1, None, "cannot be negative"),
        (5, -1, "cannot be negative"),
        (5, 6, "larger than the stock"),
        (None, 2, "without"),
    ],
)
def test_retention_figures_are_checked(retained, used, message):
    with pytest.raises(InputError, match=message):
        check_retention(retained, used, "cluster munitions")


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_any_use_within_the_stock_is_accepted(retained, used):
    if used <= retained:
        check_retention(retained, used, "submunitions")
    else:
        with pytest.raises(InputError):
            check_retention(retained, used, "submunitions")


def test_articles_and_statuses_in_any_usual_form():
    assert parse_article("Art. 3") == 3 and parse_article("article 4") == 4 and parse_article(5) == 5
    assert parse_obligation_status("Complete") == "completed"
    assert parse_obligation_status("no-stockpile") == "no stockpile reported"
    with pytest.raises(InputError, match="valid: 3"):
        parse_article("7")


# -- the deadline as of a day (Art. 3(3)-(5), 4(5)-(8))


_MEETINGS = {"11MSP": (_date(2023, 9, 11), _date(2023, 9, 14))}


def _iraq(decision="not recorded", **kwargs) -> Extension:
    values = {
        "number": 1,
        "requested": _partial("2022-11-16"),
        "requested_to": _date(2028, 11, 1),
        "meeting": "11MSP",
        "decision": decision,
        "granted": None,
        "extended_to": None,
    }
    values.update(kwargs)
    return Extension(**values)


def test_a_request_is_requested_before_its_meeting_and_undecided_after():
    before = deadline_as_of(_date(2023, 11, 1), [_iraq()], _date(2023, 6, 1), _MEETINGS)
    after = deadline_as_of(_date(2023, 11, 1), [_iraq()], _date(2024, 6, 1), _MEETINGS)
    assert before.status is DeadlineStatus.REQUESTED and not before.passed
    assert after.status is DeadlineStatus.NOT_RECORDED and not after.passed and after.in_effect == _date(2023, 11, 1)


def test_once_the_date_asked_has_passed_the_deadline_has_passed_either_way():
    late = deadline_as_of(_date(2023, 11, 1), [_iraq()], _date(2028, 11, 2), _MEETINGS)
    assert late.passed


def test_a_grant_counts_from_the_meetings_last_day_when_its_own_day_is_not_recorded():
    granted = _iraq(decision="granted", extended_to=_date(2028, 11, 1))
    assert deadline_as_of(_date(2023, 11, 1), [granted], _date(2023, 9, 13), _MEETINGS).in_effect == _date(2023, 11, 1)
    on_the_day = deadline_as_of(_date(2023, 11, 1), [granted], _date(2023, 9, 14), _MEETINGS)
    assert on_the_day.in_effect == _date(2028, 11, 1) and on_the_day.status is DeadlineStatus.EXTENDED
