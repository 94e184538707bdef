"""ISO 8601 dates in and out of every interface."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from ccmtui.domain.errors import InputError


def parse_date(text: str, what: str = "date") -> date:
    """A calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InputError(f"bad {what} {text!r}: expected YYYY-MM-DD, e.g. 2013-09-09") from None


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
