"""Meetings: the formal ones (Art. 11, Art. 12) and a coordinator's own (a regional conference, a
First Committee session). Each is a record with its own id, so it syncs, and its code stands for
its opening day wherever a date is asked for (`--as-of 14MSP`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, given, named
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.dates import parse_date
from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.treaty import FORMAL_MEETING_KINDS, MEETING_KINDS

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer

FIRST_YEAR, LAST_YEAR = 2008, 2100
CODE_MAX = 10


def parse_kind(text: str | None) -> str:
    """msp, rc, intersessional, first-committee, regional or other (default msp)."""
    value = (given(text) or "msp").lower().replace("_", "-").replace(" ", "-")
    if value not in MEETING_KINDS:
        raise one_of("meeting kind", value, MEETING_KINDS)
    return value


def parse_code(text: str | None) -> str:
    code = named(text, "give the meeting a short code, e.g. 14MSP or RC-LOME-2026").upper()
    if len(code) > CODE_MAX or any(c.isspace() for c in code):
        raise InputError(f"meeting code {code!r} must be 1-{CODE_MAX} characters without spaces, e.g. 3RC or 14MSP")
    if code[:1].isdigit() and "-" in code and code.replace("-", "").isdigit():
        raise InputError(f"meeting code {code!r} reads as a date; use a code such as 14MSP")
    if code.casefold() == "today":
        raise InputError("'today' already stands for today's date; choose another meeting code")
    return code


def meeting_day(text: str | None, what: str) -> date:
    value = parse_date(named(text, f"give {what} as YYYY-MM-DD"), what)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InputError(f"{what} {value.isoformat()} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return value


def _source(text: str | None, kind: str) -> str | None:
    cleaned = " ".join((text or "").split())
    if not cleaned and kind in FORMAL_MEETING_KINDS:
        raise InputError("say where the dates come from (--source), e.g. 'ISU 14MSP page, 2026-03-01'")
    return cleaned or None


def add_meeting(
    reader: Reader,
    writing,
    *,
    code: str,
    start: str,
    end: str | None = None,
    name: str = "",
    city: str = "",
    country: str = "",
    kind: str | None = None,
    source: str | None = None,
) -> Written:
    """Record a meeting once its dates are known; `end` defaults to `start` (a one-day meeting)."""
    fields = Fields()
    chosen = fields("code", lambda: parse_code(code))
    sort = fields("kind", lambda: parse_kind(kind))
    first = fields("start", lambda: meeting_day(start, "--start"))
    last = fields("end", lambda: meeting_day(end, "--end")) if given(end) else first
    cited = fields("source", lambda: _source(source, sort)) if sort else None
    if chosen and any(m.code.upper() == chosen for m in reader.rows(Q.meetings)):
        fields.fail("code", f"meeting {chosen} is already recorded (see `ccm meeting list`)")
    if first and last and last < first:
        fields.fail("end", f"the meeting ends ({last}) before it starts ({first})")
    fields.check()
    with writing(f"meeting add {chosen}") as writer:
        row = insert_meeting(writer, chosen, name, first, last, city, country, cited, kind=sort)
    span = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
    return Written(row, f"{row['code']} ({sort}): {span} recorded.")


def insert_meeting(
    writer: Writer,
    code: str,
    name: str,
    start: date,
    end: date,
    city: str,
    country: str,
    source: str | None,
    *,
    kind: str = "msp",
    president_state: str | None = None,
) -> dict:
    """The meeting's record (its fields already checked)."""
    if any(m.code.upper() == code for m in writer.rows(Q.meetings)):
        raise InputError(f"meeting {code} is already recorded")
    return writer.insert(
        "meetings",
        {
            "uuid": stable_uuid("meeting", code),
            "code": code,
            "name": " ".join(name.split()) or code,
            "city": " ".join(city.split()),
            "country": " ".join(country.split()),
            "start": start,
            "end": end,
            "kind": kind,
            "president_state": president_state,
            "source": source,
            "notes": None,
        },
    )
