"""Category I / II / III: the coordinators' assessment of a state not yet party.

The classification is the one the universalisation coordinators used in their
2013 report (Portugal and Ghana): I, willing to join; II, interested but held
back by obstacles; III, unlikely to join soon.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from ccmtui.domain import treaty
from ccmtui.domain.errors import InputError, one_of


class Category(StrEnum):
    I = "I"  # noqa: E741 - the Convention's own numbering
    II = "II"
    III = "III"

    @property
    def meaning(self) -> str:
        return MEANINGS[self]


MEANINGS = {
    Category.I: "willing to join",
    Category.II: "interested, held back by obstacles",
    Category.III: "unlikely to join soon",
}

_ALIASES = {"1": "I", "2": "II", "3": "III"}


def parse_category(text: str) -> Category:
    value = text.strip().upper().removeprefix("CATEGORY").strip()
    value = _ALIASES.get(value, value)
    try:
        return Category(value)
    except ValueError:
        raise one_of("category", text, [c.value for c in Category]) from None


def check_classifiable(state, on: date) -> None:
    """A category assesses a state that has not joined: refused once it has deposited (Art. 17)."""
    status = treaty.status_on(
        on, signed=state.signed, deposited=state.deposited, withdrawal_notified=state.withdrawal_notified
    )
    if status in treaty.STATES_PARTIES_INCLUDING_PENDING:
        raise InputError(
            f"{state.name} is a State Party on {on} ({status.value}); categories are for states not yet party"
        )


# -- categories that age: an assessment older than `category_max_age` months is stale

DEFAULT_MAX_AGE_MONTHS = 24


def parse_max_age(text: str | int) -> int:
    """`category_max_age`: whole months, 1 to 240 (default 24)."""
    try:
        months = int(str(text).strip())
    except ValueError:
        raise InputError(f"bad category_max_age {text!r}: give whole months, e.g. 24") from None
    if not 1 <= months <= 240:
        raise InputError(f"category_max_age {months} is outside 1-240 months")
    return months


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has fewer days)."""
    import calendar

    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(since: date | None, as_of: date, months: int = DEFAULT_MAX_AGE_MONTHS) -> bool:
    """An assessment made more than `months` months before `as_of` (none: not stale, not assessed)."""
    return since is not None and since < months_before(as_of, months)
