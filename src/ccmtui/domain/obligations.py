"""What States Parties owe under the Convention beyond joining it, and where each stands on a day.

Article 3 (stockpile destruction) and Article 4 (clearance) obligations carry a
deadline that may be extended; Article 5 (victim assistance) has none. Completion
dates are kept at the precision the source gives (`2010`, `2023-06`), so whether
an obligation was complete on a day can be unknown; the standing says so rather
than guessing. Pure: no database, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ccmtui.domain import treaty
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.states import normalize

# article -> what it obliges
ARTICLES: dict[int, str] = {
    3: "stockpile destruction",
    4: "clearance",
    5: "victim assistance",
}

# Status of an obligation as last known (the `status_as_of` day).
OBLIGATION_STATUSES = ("outstanding", "completed", "no stockpile reported", "uncertain")
_STATUS_ALIASES = {
    "current": "outstanding",
    "open": "outstanding",
    "complete": "completed",
    "done": "completed",
    "fulfilled": "completed",
    "none": "no stockpile reported",
    "no stockpile": "no stockpile reported",
    "no stocks": "no stockpile reported",
    "unknown": "uncertain",
}

# Article 9 national implementation measures, as States Parties report them.
MEASURE_STATUSES: dict[str, str] = {
    "adopted": "specific legislation adopted",
    "existing-law": "existing law deemed sufficient",
    "in-progress": "measures under preparation",
    "none": "no measures reported",
}
_MEASURE_ALIASES = {
    "legislation": "adopted",
    "law": "adopted",
    "existing": "existing-law",
    "existing law": "existing-law",
    "sufficient": "existing-law",
    "drafting": "in-progress",
    "in progress": "in-progress",
    "pending": "in-progress",
    "no": "none",
}

# Article 6 international cooperation and assistance: a state reports needing it or providing it.
COOPERATION_ROLES: dict[str, str] = {
    "needs": "reported a need for cooperation and assistance",
    "provides": "reported providing cooperation and assistance",
}

REPORT_KINDS = ("initial", "annual")


def parse_article(text: str | int) -> int:
    value = str(text).strip().lower().removeprefix("art.").removeprefix("article").strip()
    if value.isdigit() and int(value) in ARTICLES:
        return int(value)
    raise one_of("article", str(text), [f"{number} ({what})" for number, what in ARTICLES.items()])


def parse_obligation_status(text: str) -> str:
    key = normalize(text).replace("-", " ")
    if key in OBLIGATION_STATUSES:
        return key
    if key in _STATUS_ALIASES:
        return _STATUS_ALIASES[key]
    raise one_of("obligation status", text, OBLIGATION_STATUSES)


def parse_measure_status(text: str) -> str:
    key = normalize(text)
    slug = key.replace(" ", "-")
    if slug in MEASURE_STATUSES:
        return slug
    if key in _MEASURE_ALIASES:
        return _MEASURE_ALIASES[key]
    raise one_of("measure status", text, list(MEASURE_STATUSES))


def parse_role(text: str) -> str:
    key = normalize(text)
    key = {"need": "needs", "provide": "provides", "donor": "provides", "provider": "provides"}.get(key, key)
    if key not in COOPERATION_ROLES:
        raise one_of("role", text, list(COOPERATION_ROLES))
    return key


def check_count(value: int | None, what: str) -> None:
    if value is not None and value < 0:
        raise InputError(f"{what} cannot be negative ({value})")


def check_retention(retained: int | None, used: int | None, what: str) -> None:
    """Art. 3(6)-(8): counts, and no more used than the stock declared."""
    check_count(retained, f"{what} retained")
    check_count(used, f"{what} used")
    if used is not None and retained is None:
        raise InputError(f"{what} used given without the number retained")
    if not treaty.in_retention_limits(retained, used):
        raise InputError(f"{what} used ({used}) is larger than the stock retained ({retained})")


class Standing(StrEnum):
    """Where an obligation stood on a day."""

    COMPLETED = "completed"  # completion declared on or before the day
    CURRENT = "current"  # not completed on the day
    UNDETERMINED = "undetermined"  # completed, but the record does not say whether by that day
    NONE_HELD = "no stockpile reported"  # the state reported holding none (Art. 3)
    UNCERTAIN = "uncertain"  # the record itself is in doubt


@dataclass(frozen=True, slots=True)
class ObligationFacts:
    """An obligation as recorded: the inputs to its standing on a day."""

    article: int
    deadline: date | None
    extended_to: date | None
    extension_granted: PartialDate | None
    completed: PartialDate | None
    status: str
    status_as_of: date


def standing_on(facts: ObligationFacts, on: date) -> Standing:
    """The obligation's standing on `on`, never more certain than the record.

    A completion dated `2023-06` is known on 30 June 2023; on 15 June 2023 it is
    undetermined. A completion recorded without a date is known from the day the
    status was recorded; before that it is undetermined. An outstanding
    obligation was not completed on any earlier day either.
    """
    if facts.status == "uncertain":
        return Standing.UNCERTAIN
    if facts.status == "no stockpile reported":
        return Standing.NONE_HELD
    if facts.completed is not None:
        if facts.completed.certainly_by(on):
            return Standing.COMPLETED
        if facts.completed.certainly_after(on):
            return Standing.CURRENT
        return Standing.UNDETERMINED
    if facts.status == "completed":
        return Standing.COMPLETED if facts.status_as_of <= on else Standing.UNDETERMINED
    return Standing.CURRENT


def deadline_on(facts: ObligationFacts, on: date) -> date | None:
    """The deadline in effect on `on` (Art. 3(3)-(5), Art. 4(5)-(8))."""
    granted = facts.extension_granted.latest if facts.extension_granted else None
    return treaty.deadline_in_effect(facts.deadline, facts.extended_to, granted, on)


def original_deadline(article: int, in_force: date | None) -> date | None:
    """Art. 3(2): eight years after entry into force; Art. 4(1): ten; Art. 5: none."""
    if in_force is None:
        return None
    if article == 3:
        return treaty.stockpile_destruction_deadline(in_force)
    if article == 4:
        return treaty.clearance_deadline(in_force)
    return None
