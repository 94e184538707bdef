"""The Convention's rules on dates: entry into force, status, deadlines.

Pure functions over dates; no database and no UI. Each function cites the
article of the Convention on Cluster Munitions (Dublin, 30 May 2008) it applies.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

# Art. 17(1): the Convention entered into force on the first day of the sixth
# month after the month in which the thirtieth instrument was deposited.
# The thirtieth instrument was deposited on 16 February 2010.
THIRTIETH_DEPOSIT = date(2010, 2, 16)
CONVENTION_ENTRY_INTO_FORCE = date(2010, 8, 1)
# Art. 15: open for signature at Oslo on 3 December 2008.
OPENED_FOR_SIGNATURE = date(2008, 12, 3)

STOCKPILE_DESTRUCTION_YEARS = 8  # Art. 3(2)
STOCKPILE_EXTENSION_MAX_YEARS = 4  # Art. 3(3) and 3(5)
CLEARANCE_YEARS = 10  # Art. 4(1)
CLEARANCE_EXTENSION_MAX_YEARS = 5  # Art. 4(5) and 4(8)
INITIAL_REPORT_DAYS = 180  # Art. 7(1)
WITHDRAWAL_NOTICE_MONTHS = 6  # Art. 20(2)


class Status(StrEnum):
    """Where a state stands towards the Convention on a given day."""

    PARTY = "party"  # in force for it
    PENDING = "pending"  # instrument deposited, not yet in force
    SIGNATORY = "signatory"
    NON_SIGNATORY = "non-signatory"
    WITHDRAWN = "withdrawn"


# CCM documents count states whose instrument is deposited among "States Parties".
STATES_PARTIES_INCLUDING_PENDING = frozenset({Status.PARTY, Status.PENDING})

# Meetings: the formal ones (Art. 11 Meetings of States Parties, Art. 12 Review Conferences) set
# request windows and "since the last meeting"; the others are a coordinator's own calendar.
MEETING_KINDS = ("msp", "rc", "intersessional", "first-committee", "regional", "other")
FORMAL_MEETING_KINDS = frozenset({"msp", "rc"})


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def first_day_of_sixth_month_after(day: date) -> date:
    """Art. 17: 'the first day of the sixth month after' a date."""
    return add_months(day.replace(day=1), 6)


def entry_into_force(deposited: date) -> date:
    """Entry into force of the Convention for a state that deposited on `deposited`.

    Art. 17(1): for the first thirty instruments, 1 August 2010.
    Art. 17(2): for a later instrument, the first day of the sixth month after
    the date of its deposit.
    """
    if deposited <= THIRTIETH_DEPOSIT:
        return CONVENTION_ENTRY_INTO_FORCE
    return first_day_of_sixth_month_after(deposited)


def withdrawal_effective(notified: date) -> date:
    """Art. 20(2): withdrawal takes effect six months after the depositary receives it."""
    return add_months(notified, WITHDRAWAL_NOTICE_MONTHS)


def status_on(
    on: date,
    *,
    signed: date | None,
    deposited: date | None,
    withdrawal_notified: date | None = None,
) -> Status:
    """The status of a state on a day (Art. 15-17 and 20).

    A notified withdrawal takes effect six months later (Art. 20(2)); until then
    the state remains a party.
    """
    if withdrawal_notified is not None and on >= withdrawal_effective(withdrawal_notified):
        return Status.WITHDRAWN
    if deposited is not None and deposited <= on:
        return Status.PARTY if entry_into_force(deposited) <= on else Status.PENDING
    if signed is not None and signed <= on:
        return Status.SIGNATORY
    return Status.NON_SIGNATORY


def stockpile_destruction_deadline(in_force: date) -> date:
    """Art. 3(2): destroy stockpiles no later than eight years after entry into force."""
    return add_years(in_force, STOCKPILE_DESTRUCTION_YEARS)


def clearance_deadline(in_force: date) -> date:
    """Art. 4(1)(a): clear contaminated areas no later than ten years after entry into force."""
    return add_years(in_force, CLEARANCE_YEARS)


def longest_extension(deadline: date, article: int) -> date:
    """The furthest date one extension request may reach.

    Art. 3(3): up to four years for stockpile destruction;
    Art. 4(5): up to five years for clearance.
    """
    if article == 3:
        return add_years(deadline, STOCKPILE_EXTENSION_MAX_YEARS)
    if article == 4:
        return add_years(deadline, CLEARANCE_EXTENSION_MAX_YEARS)
    raise ValueError(f"extensions exist only under Articles 3 and 4, not {article}")


def initial_report_due(in_force: date) -> date:
    """Art. 7(1): the initial transparency report, no later than 180 days after entry into force."""
    return in_force + timedelta(days=INITIAL_REPORT_DAYS)


def annual_report_due(covering_year: int) -> date:
    """Art. 7(2): annual updates by 30 April, covering the previous calendar year."""
    return date(covering_year + 1, 4, 30)


def first_annual_report_year(in_force: date) -> int:
    """Art. 7(2): the calendar year the first annual update covers.

    The initial report (Art. 7(1)) gives the situation at entry into force; the
    updates then cover each calendar year from the one in which the initial
    report fell due. Entry into force on 1 August 2010 (initial report due
    28 January 2011) gives a first update covering 2011, due 30 April 2012.
    """
    return initial_report_due(in_force).year


def annual_reports_due(in_force: date, on: date) -> list[int]:
    """Art. 7(2): the calendar years whose annual update was due by `on`."""
    first = first_annual_report_year(in_force)
    return [year for year in range(first, on.year) if annual_report_due(year) <= on]


def report_is_late(due: date, submitted: date | None, on: date) -> bool:
    """Art. 7(1)-(2): a report is late once its due date has passed without it, or it came after."""
    if submitted is None or submitted > on:
        return due < on
    return submitted > due


def in_retention_limits(retained: int | None, used: int | None) -> bool:
    """Art. 3(6)-(8): a retained stock and its use are counts; no more can be used than was retained."""
    if retained is not None and retained < 0:
        return False
    if used is None:
        return True
    return used >= 0 and (retained is None or used <= retained)


def deadline_in_effect(
    deadline: date | None, extended_to: date | None, granted_by: date | None, on: date
) -> date | None:
    """The deadline that applies on `on`, given an extension (Art. 3(3)-(5), Art. 4(5)-(8)).

    A granted extension applies from the day it was granted. When that day is not
    recorded, it applies from the original deadline: a request is decided by a
    Meeting of States Parties or Review Conference before the deadline expires.
    """
    if extended_to is None or deadline is None:
        return extended_to or deadline
    if granted_by is not None:
        return extended_to if granted_by <= on else deadline
    return extended_to if on >= deadline else deadline
