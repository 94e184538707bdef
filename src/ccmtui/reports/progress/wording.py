"""The report's words: dates written out, counts of states, agreement of verbs."""

from __future__ import annotations

from datetime import date

from ccmtui.domain.states import normalize

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
NUMBER_WORDS = (
    "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty",
)  # fmt: skip


def long_date(day: date) -> str:
    """30 June 2014, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def states(count: int, singular: str = "State Party", plural: str = "States Parties") -> str:
    """'no States Parties', '1 State Party', '17 States Parties'."""
    if count == 0:
        return f"no {plural}"
    return f"{count} {singular if count == 1 else plural}"


def some(count: int) -> str:
    """'none' for zero, the number otherwise."""
    return "none" if count == 0 else str(count)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def state_names(items) -> list[str]:
    """The states behind a figure, in alphabetical order."""
    return sorted((item.name for item in items), key=normalize)
