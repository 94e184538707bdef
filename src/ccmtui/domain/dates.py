"""ISO 8601 dates in and out of every interface, and dates as people type them.

Every interface shows dates back as ISO 8601 (YYYY-MM-DD); on the way in it also takes the
words and offsets of everyday use, each relative to today: `today`, `yesterday`, `tomorrow`,
`-3d`, `+2w`, `-1m`, `+1y`, a weekday (`monday`, `mon`: the most recent one, today included),
and, where a date range is meant, a quarter, a year or a month (`2026Q4`, `2026`, `2026-06`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ccmtui.domain.errors import InputError

WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSET = re.compile(r"([+-])\s*(\d{1,5})\s*(d|w|m|y)", re.IGNORECASE)
_QUARTER = re.compile(r"(\d{4})-?Q([1-4])", re.IGNORECASE)
EXPECTED = "expected YYYY-MM-DD, e.g. 2013-09-09"  # the everyday forms are in docs/shell.md


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the month's last day when it has fewer days."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def relative_day(text: str, today: date | None = None) -> date | None:
    """A day typed as people say it, relative to `today`; None when `text` is not one of these forms."""
    cleaned = " ".join(str(text).split()).casefold()
    today = today or date.today()
    if cleaned in WORDS:
        return today + timedelta(days=WORDS[cleaned])
    weekday = next((i for i, name in enumerate(WEEKDAYS) if cleaned in (name, name[:3])), None)
    if weekday is not None:
        return today - timedelta(days=(today.weekday() - weekday) % 7)
    offset = _OFFSET.fullmatch(cleaned)
    if offset is None:
        return None
    sign, count, unit = offset.groups()
    amount = int(count) * (-1 if sign == "-" else 1)
    try:
        if unit == "d":
            return today + timedelta(days=amount)
        if unit == "w":
            return today + timedelta(weeks=amount)
        return add_months(today, amount * (12 if unit == "y" else 1))
    except OverflowError:
        return None


def parse_date(text: str, what: str = "date", today: date | None = None) -> date:
    """A calendar date written YYYY-MM-DD, or as people type it (`yesterday`, `-3d`, `monday`)."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        pass
    found = relative_day(text, today) if isinstance(text, str) else None
    if found is None:
        raise InputError(f"bad {what} {text!r}: {EXPECTED}")
    return found


def parse_period(text: str) -> tuple[date, date] | None:
    """The first and last day of a quarter (`2026Q4`, `2026-Q4`), a year (`2026`) or a month (`2026-06`)."""
    cleaned = str(text).strip()
    quarter = _QUARTER.fullmatch(cleaned)
    if quarter:
        year, number = int(quarter.group(1)), int(quarter.group(2))
        first = date(year, 3 * number - 2, 1)
        last_month = 3 * number
        return first, date(year, last_month, calendar.monthrange(year, last_month)[1])
    if re.fullmatch(r"\d{4}(-\d{2})?", cleaned):
        try:
            partial = parse_partial_date(cleaned)
        except InputError:
            return None
        return partial.earliest, partial.latest
    return None


def utc_timestamp(value):
    """A stored moment (naive, in UTC) as ISO 8601 with its offset: `2026-11-27T10:15:38+00:00`.

    Takes a datetime or the text a database gives back (`2026-11-27 10:15:38.123456`); anything
    else (None, a date, other text) is returned as it is.
    """
    from datetime import UTC, datetime

    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return value
    if not isinstance(value, datetime):
        return value
    moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return moment.isoformat(timespec="seconds")


def iso(value):
    """A date as YYYY-MM-DD for JSON; anything else (None, text, numbers) as it is."""
    return value.isoformat() if isinstance(value, date) else value


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """An ISO 8601 date of reduced precision, kept as given: `2010`, `2023-06` or `2023-06-15`.

    Sources often date a declaration by year or month only; the value is never
    completed with a guessed day. It covers the days from `earliest` to `latest`.
    """

    earliest: date
    latest: date
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.text), "day")

    def certainly_by(self, day: date) -> bool:
        """Every day it may stand for is on or before `day`."""
        return self.latest <= day

    def certainly_after(self, day: date) -> bool:
        """Every day it may stand for is after `day`."""
        return self.earliest > day


def parse_partial_date(text: str, what: str = "date") -> PartialDate:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; an InputError for anything else."""
    cleaned = (text or "").strip()
    parts = cleaned.split("-")
    problem = InputError(f"bad {what} {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2010, 2023-06, 2014-03-20)")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(not p.isdigit() for p in parts):
        raise problem
    if any(len(p) != 2 for p in parts[1:]):
        raise problem
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return PartialDate(date(year, 1, 1), date(year, 12, 31), cleaned)
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return PartialDate(date(year, month, 1), date(year, month, last), cleaned)
        day = date(year, month, int(parts[2]))
        return PartialDate(day, day, cleaned)
    except ValueError:
        raise problem from None


def optional_partial_date(text: str | None, what: str = "date") -> PartialDate | None:
    """A stored reduced-precision date (None when empty)."""
    if text is None or not str(text).strip():
        return None
    return parse_partial_date(str(text), what)
