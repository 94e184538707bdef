"""ISO 8601 dates in and out of every interface."""

from __future__ import annotations

from datetime import date

from ccmtui.domain.errors import InputError


def parse_date(text: str, what: str = "date") -> date:
    """A calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InputError(f"bad {what} {text!r}: expected YYYY-MM-DD, e.g. 2013-09-09") from None


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
