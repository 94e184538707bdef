"""Bilateral meetings in the margins of a meeting week: a slot's times, and when two slots clash.

Times are kept as "HH:MM" text, which sorts as time does; a slot runs from its start up to (not
including) its end, so 10:00-10:30 and 10:30-11:00 follow one another without clashing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ccmtui.domain.errors import InputError

SLOT_STATUSES = ("planned", "held", "cancelled")
ROOM_MAX = 60
OBJECTIVE_MAX = 300

_TIME = re.compile(r"^(\d{1,2})(?:[:h.]?(\d{2}))?$")


def parse_time(text: str, what: str = "time") -> str:
    """09:30, 9:30, 9h30, 0930 or 9 → "09:30"."""
    match = _TIME.match(text.strip())
    if not match:
        raise InputError(f"bad {what} {text.strip()!r}: expected HH:MM, e.g. 10:00")
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise InputError(f"bad {what} {text.strip()!r}: not a time of day")
    return f"{hours:02d}:{minutes:02d}"


def parse_slot(text: str) -> tuple[str, str]:
    """ "10:00-10:30" → ("10:00", "10:30"); the end must come after the start."""
    parts = [p for p in re.split(r"\s*[-–]\s*", text.strip()) if p]
    if len(parts) != 2:
        raise InputError(f"bad slot {text.strip()!r}: expected START-END, e.g. 10:00-10:30")
    start, end = parse_time(parts[0], "slot start"), parse_time(parts[1], "slot end")
    if end <= start:
        raise InputError(f"the slot ends ({end}) before it starts ({start})")
    return start, end


@dataclass(frozen=True)
class Slot:
    """What a clash is judged on: when, where and with whom."""

    uuid: str
    day: date
    starts: str
    ends: str
    room: str
    iso3: str

    def overlaps(self, other: Slot) -> bool:
        return self.day == other.day and self.starts < other.ends and other.starts < self.ends


def clash(slot: Slot, others: list[Slot], names: dict[str, str]) -> str | None:
    """Why `slot` cannot be held beside `others` (the same room, or the same counterpart, at the
    same time), or None."""
    for other in others:
        if other.uuid == slot.uuid or not slot.overlaps(other):
            continue
        when = f"{other.day.isoformat()} {other.starts}-{other.ends}"
        if slot.room and other.room.casefold() == slot.room.casefold():
            return f"room {other.room} is taken {when} (with {names.get(other.iso3, other.iso3)})"
        if other.iso3 == slot.iso3:
            return f"{names.get(slot.iso3, slot.iso3)} is already met {when} in {other.room or 'a room not given'}"
    return None
