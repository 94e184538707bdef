"""What every write action shares: raw values checked field by field, and what it wrote.

An action takes the values as typed (the command line's arguments, a form's fields), parses
each with the domain's parsers, and refuses with `FieldErrors` naming every field that does
not parse before anything is written. Written, it returns the record and the line that tells
the user so, which the command prints and the app shows as a notice.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ccmtui.domain.errors import FieldErrors, InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.reports.register import Register

T = TypeVar("T")


@dataclass(frozen=True)
class Written:
    """What a write action did: the record written (a row, as a dict) and the line that says so."""

    record: Any
    message: str


class Fields:
    """Parses the fields in turn, keeping each one's error under its name, so every field is
    checked at once: `day = fields("date", lambda: …)`, then `fields.check()`."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def __call__(self, name: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except (InputError, NotFoundError) as error:
            self.errors.setdefault(name, str(error))
            return None

    def fail(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def ok(self, *names: str) -> bool:
        """None of these fields has an error (so a check that needs them can run)."""
        return not any(name in self.errors for name in names)

    def check(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)


def given(text: str | None) -> str | None:
    """A value typed, or None for a blank one (a form's empty field, an option left out)."""
    return text.strip() if text and text.strip() else None


def named(text: str | None, missing: str) -> str:
    """A required value; `missing` says what to give when it is blank."""
    value = given(text)
    if value is None:
        raise InputError(missing)
    return value


def day(register: Register, text: str | None, today: datetime.date | None, what: str = "--date") -> datetime.date:
    """A date or a meeting code; a blank one is today (the app's "today" when it has one)."""
    value = given(text)
    if value is None:
        return today or datetime.date.today()
    return register.resolve_day(value, what)


def not_future(value: datetime.date, today: datetime.date | None = None) -> datetime.date:
    """A past event's date: one after today is refused ("2027-09-01 is in the future")."""
    if value > (today or datetime.date.today()):
        raise InputError(f"{value.isoformat()} is in the future")
    return value
