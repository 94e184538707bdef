"""Meetings of States Parties (Art. 11) and Review Conferences (Art. 12), which consider extension requests."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.recording import _source
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


def add_meeting(
    writer: Writer, code: str, name: str, start: date, end: date, city: str, country: str, source: str | None,
    president_state: str | None = None,
) -> dict:
    """A Meeting of States Parties (Art. 11) or Review Conference (Art. 12) once its dates are public."""
    code = code.strip().upper()
    if not code or len(code) > 10:
        raise InputError(f"meeting code {code!r} must be 1-10 characters, e.g. 3RC or 14MSP")
    if any(m.code.upper() == code for m in writer.rows(Q.meetings)):
        raise InputError(f"meeting {code} is already recorded")
    if end < start:
        raise InputError(f"the meeting ends ({end}) before it starts ({start})")
    return writer.insert(
        "meetings",
        {
            "uuid": stable_uuid("meeting", code),
            "code": code,
            "name": " ".join(name.split()) or code,
            "city": city.strip(),
            "country": country.strip(),
            "start": start,
            "end": end,
            "president_state": president_state,
            "source": _source(source),
            "notes": None,
        },
    )
