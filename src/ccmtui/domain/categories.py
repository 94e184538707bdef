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
