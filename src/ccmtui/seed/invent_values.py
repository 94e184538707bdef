"""The values an invented record is made of: ids, times, working days, the action plan in force,
a category's reasons (see `invent.py`)."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2025, 12, 31)


# Version 4, RFC 4122 variant: the version nibble and the two variant bits are fixed.
_UUID_MASK = 0xFFFFFFFFFFFF0FFF3FFFFFFFFFFFFFFF
_UUID_FIXED = 0x00000000000040008000000000000000


def uuid_text(value: int) -> str:
    h = "%032x" % ((value & _UUID_MASK) | _UUID_FIXED)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def spread(value: int) -> int:
    """122 random bits laid around the fixed ones, keeping their order."""
    return ((value >> 74) << 80) | (((value >> 62) & 0xFFF) << 64) | (value & ((1 << 62) - 1))


def weighted(rng: random.Random, weights: dict[str, int]) -> Callable[[], str]:
    """A picker over the keys of `weights`, cheap enough to call millions of times."""
    keys, cumulative, total = list(weights), [], 0
    for value in weights.values():
        total += value
        cumulative.append(total)
    uniform = rng.random

    def pick() -> str:
        return keys[bisect_right(cumulative, uniform() * total)]

    return pick


def stamp_on(day: str, random: Callable[[], float]) -> str:
    """A time on a working day, as the models store datetimes."""
    seconds = 7 * 3600 + int(random() * 12 * 3600)
    return f"{day} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000000"


def working_days() -> list[date]:
    days, day = [], FIRST_DAY
    while day <= LAST_DAY:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def action_plan(day: date) -> str:
    """The action plan in force on a day: Dubrovnik from the 1RC, Lausanne from the 2RC."""
    if day < date(2015, 9, 11):
        return "VAP"
    if day < date(2021, 9, 21):
        return "DAP"
    return "LAP"


# The reasons the 2013 report gives for each category (seed/sample_data/categories-2013.toml).
_REASONS_BY_CATEGORY = {
    "I": ("clearance-deadline", "administrative-burden"),
    "II": ("other-priorities", "regional-reciprocity", "cost", "prefers-ccw", "major-producers-first"),
    "III": ("security", "domestic-politics", "major-producers-first"),
}


def invented_reasons(category: str, uuid: str) -> str:
    """One or two of the category's reasons, chosen from the record's id (the random stream is left
    as it was, so a seed still gives the same engagements)."""
    choices = _REASONS_BY_CATEGORY.get(category, ())
    if not choices:
        return ""
    number = int(uuid.replace("-", "")[:8], 16)
    first = choices[number % len(choices)]
    second = choices[(number // 7) % len(choices)]
    return " ".join(dict.fromkeys((first, second)))


def optional_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
