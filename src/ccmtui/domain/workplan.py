"""Work plans and their milestones: quarters, due dates, statuses and slips.

Pure rules, no database. A thematic work plan sets its timeline by quarter
("Fourth Quarter of 2024"); a milestone is due either by the end of a quarter
or on a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ccmtui.domain.errors import InputError, one_of

# slug -> label
MILESTONE_STATUSES: dict[str, str] = {
    "planned": "Planned",
    "in-progress": "In progress",
    "done": "Done",
    "slipped": "Slipped",
    "dropped": "Dropped",
}
OPEN_STATUSES = ("planned", "in-progress", "slipped")
TITLE_MAX = 300  # a milestone's title is one line; the rest goes in its notes
_STATUS_ALIASES = {
    "in progress": "in-progress",
    "started": "in-progress",
    "ongoing": "in-progress",
    "completed": "done",
}

ORDINALS = ("first", "second", "third", "fourth")

FIRST_YEAR, LAST_YEAR = 1990, 2100  # quarters a work plan can name
_QUARTER_FORMS = (
    re.compile(r"^(?P<year>\d{4})\s*-?\s*Q(?P<q>[1-4])$", re.IGNORECASE),  # 2025Q1, 2025-Q1
    re.compile(r"^Q(?P<q>[1-4])\s+(?P<year>\d{4})$", re.IGNORECASE),  # Q1 2025
)


@dataclass(frozen=True, order=True, slots=True)
class Quarter:
    """A calendar quarter: 2025Q1 runs from 1 January to 31 March 2025."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """`2025Q1`, `2025-Q1` or `Q1 2025`, in any case."""
        cleaned = " ".join(str(text).split())
        for form in _QUARTER_FORMS:
            found = form.match(cleaned)
            if found:
                year = int(found["year"])
                if not FIRST_YEAR <= year <= LAST_YEAR:
                    raise InputError(f"bad quarter {text!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}")
                return cls(year, int(found["q"]))
        raise InputError(f"bad quarter {text!r}: write it 2025Q1, 2025-Q1 or Q1 2025")

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        return self.next.start - timedelta(days=1)

    @property
    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    @property
    def code(self) -> str:
        """The form files and commands use: 2025Q1."""
        return f"{self.year}Q{self.number}"

    @property
    def label(self) -> str:
        """The form documents use: Q1 2025."""
        return f"Q{self.number} {self.year}"

    @property
    def long_label(self) -> str:
        """As work plans write it: first quarter of 2025."""
        return f"{ORDINALS[self.number - 1]} quarter of {self.year}"

    def index(self) -> int:
        return self.year * 4 + self.number - 1

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Due:
    """When a milestone is due: by the end of a quarter, or on a date."""

    on: date
    quarter: Quarter | None = None

    @classmethod
    def parse(cls, value, what: str = "due") -> Due:
        """A quarter (2025Q1, 2025-Q1, Q1 2025) or a date (YYYY-MM-DD)."""
        if isinstance(value, date):
            return cls(value)
        text = str(value).strip()
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            try:
                return cls(date.fromisoformat(text))
            except ValueError:
                pass
        else:
            try:
                return cls.by_quarter(Quarter.parse(text))
            except InputError:
                pass
        raise InputError(f"bad {what} {value!r}: give a quarter (2025Q1, 2025-Q1, Q1 2025) or a date (YYYY-MM-DD)")

    @classmethod
    def by_quarter(cls, quarter: Quarter) -> Due:
        return cls(quarter.end, quarter)

    @classmethod
    def stored(cls, on: date, quarter: str | None) -> Due:
        return cls(on, Quarter.parse(quarter) if quarter else None)

    @property
    def code(self) -> str:
        """As files store it: 2025Q1 or 2025-02-14."""
        return self.quarter.code if self.quarter else self.on.isoformat()

    @property
    def label(self) -> str:
        """As documents show it: Q1 2025 or 2025-02-14."""
        return self.quarter.label if self.quarter else self.on.isoformat()

    @property
    def value(self):
        """As TOML holds it: the quarter as text, a date as a date."""
        return self.quarter.code if self.quarter else self.on


def parse_status(text: str) -> str:
    key = " ".join(text.strip().lower().replace("_", "-").split())
    key = _STATUS_ALIASES.get(key, key)
    if key not in MILESTONE_STATUSES:
        raise one_of("milestone status", text, list(MILESTONE_STATUSES))
    return key


def period_label(starts_on: date, ends_on: date) -> str:
    """2024–2025 for whole years, otherwise the two dates."""
    if (starts_on.month, starts_on.day, ends_on.month, ends_on.day) == (1, 1, 12, 31):
        return str(starts_on.year) if starts_on.year == ends_on.year else f"{starts_on.year}–{ends_on.year}"
    return f"{starts_on.isoformat()} – {ends_on.isoformat()}"


def check_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise InputError(f"the work plan ends ({ends_on}) before it starts ({starts_on})")


def check_within_period(due: Due, starts_on: date, ends_on: date) -> None:
    """A milestone falls due inside its work plan's period (a quarter must lie wholly inside it)."""
    first = due.quarter.start if due.quarter else due.on
    if first < starts_on or due.on > ends_on:
        raise InputError(
            f"a milestone due {due.label} is outside its work plan's period "
            f"({period_label(starts_on, ends_on)}: {starts_on} to {ends_on})"
        )


# What each command may do from each status.
_MOVES = {
    "start": ("planned", "slipped"),
    "done": ("planned", "in-progress", "slipped"),
    "slip": ("planned", "in-progress", "slipped"),
    "drop": ("planned", "in-progress", "slipped"),
}
_VERBS = {"start": "start", "done": "mark done", "slip": "slip", "drop": "drop"}


def check_move(move: str, status: str, title: str) -> None:
    """Refuse a change the milestone's status does not allow, saying why."""
    if status in _MOVES[move]:
        return
    verb = _VERBS[move]
    if status == "dropped":
        raise InputError(f"cannot {verb} the milestone {title!r}: it was dropped")
    if status == "done":
        raise InputError(f"cannot {verb} the milestone {title!r}: it is already done")
    raise InputError(f"cannot {verb} the milestone {title!r}: it is already {MILESTONE_STATUSES[status].lower()}")


def check_slip(old: Due, new: Due) -> None:
    if new.on <= old.on:
        raise InputError(f"a slip moves the due date later: {new.label} is not after {old.label}")


def slip_length(old: Due, new: Due) -> str:
    """How far a milestone slipped: in quarters when both are quarters, otherwise in days."""
    if old.quarter and new.quarter:
        count = new.quarter.index() - old.quarter.index()
        return f"{count} quarter{'s' * (count != 1)}"
    days = (new.on - old.on).days
    return f"{days} day{'s' * (days != 1)}"


def is_overdue(status: str, due_on: date, on: date) -> bool:
    """Still open after its due date."""
    return status in OPEN_STATUSES and due_on < on


# -- work plans made in the tool: a period, and a previous plan's timeline moved on


def parse_period(text: str | None, what: str = "--period") -> tuple[date, date]:
    """`2026-2027` (1 January 2026 to 31 December 2027) or `2026` (one year), within 2008-2100."""
    cleaned = (text or "").strip().replace("–", "-")
    found = re.match(r"^(\d{4})(?:\s*-\s*(\d{4}))?$", cleaned)
    if not found:
        raise InputError(f"bad {what} {text!r}: give the years, e.g. 2026-2027 (or 2026)")
    first, last = int(found[1]), int(found[2] or found[1])
    if last < first:
        raise InputError(f"bad {what} {text!r}: it ends before it starts")
    if first < 2008 or last > 2100:
        raise InputError(f"bad {what} {text!r}: outside 2008-2100")
    return date(first, 1, 1), date(last, 12, 31)


def quarter_of_index(index: int) -> Quarter:
    return Quarter(index // 4, index % 4 + 1)


def shift_due(due: Due, quarters: int) -> Due:
    """A due moved by whole quarters: a quarter to the quarter `quarters` later, a date by 3 months each."""
    if due.quarter:
        return Due.by_quarter(quarter_of_index(due.quarter.index() + quarters))
    import calendar

    total = due.on.year * 12 + due.on.month - 1 + 3 * quarters
    year, month = divmod(total, 12)
    return Due(date(year, month + 1, min(due.on.day, calendar.monthrange(year, month + 1)[1])))


def quarters_between(earlier: date, later: date) -> int:
    """Whole quarters from one day's quarter to another's (the default --shift of `--from`)."""

    def index(day: date) -> int:
        return day.year * 4 + (day.month - 1) // 3

    return index(later) - index(earlier)
