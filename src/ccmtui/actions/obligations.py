"""Art. 3 and 4 obligations (and Art. 5's), and the extensions Art. 3(3) and 4(5) allow.

Each function checks everything before it writes, so a refused record leaves the database
untouched. Meetings are `meetings`, retention `retention`, Art. 7 reports and forms
`transparency`, national measures `measures`, cooperation `cooperation`; their names are
importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.cooperation import add_cooperation
from ccmtui.actions.measures import add_measure
from ccmtui.actions.meetings import add_meeting
from ccmtui.actions.recording import _correct, _free, _in_force, _not_future, _source, _year
from ccmtui.actions.retention import RetentionInput, add_retention
from ccmtui.actions.transparency import (
    FORM_COLUMNS,
    FormInput,
    add_transparency_forms,
    add_transparency_report,
    check_form,
    read_forms_csv,
)
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import (
    ARTICLES,
    EXTENSION_DECISIONS,
    check_extension,
    original_deadline,
)
from ccmtui.domain.words import possessive

if TYPE_CHECKING:
    from ccmtui.db.write import Writer

# Names moved to their own modules stay importable from here.
__all__ = [
    "FORM_COLUMNS",
    "ExtensionInput",
    "FormInput",
    "ObligationInput",
    "RetentionInput",
    "_check_obligation",
    "_correct",
    "_free",
    "_in_force",
    "_not_future",
    "_source",
    "_stored",
    "_year",
    "add_cooperation",
    "add_extension",
    "add_measure",
    "add_meeting",
    "add_obligation",
    "add_retention",
    "add_transparency_forms",
    "add_transparency_report",
    "check_form",
    "read_forms_csv",
    "update_obligation",
]


@dataclass
class ObligationInput:
    """What the coordinator gave for an obligation; None leaves a value as it is (or empty)."""

    deadline: date | None = None
    extension_requested: PartialDate | None = None
    extension_requested_to: date | None = None
    extension_granted: PartialDate | None = None
    extended_to: date | None = None
    completed: PartialDate | None = None
    status: str | None = None
    source: str | None = None
    notes: str | None = None


def _check_obligation(article: int, values: dict, today: date) -> dict:
    """The merged values of an obligation, checked against each other and the articles."""
    deadline = values["deadline"]
    if article == 5 and (deadline or values["extended_to"] or values["extension_requested_to"]):
        raise InputError("Art. 5 (victim assistance) sets no deadline and has no extensions")
    for key in ("extended_to", "extension_requested_to"):
        if values[key] and deadline and values[key] <= deadline:
            raise InputError(f"{key.replace('_', ' ')} {values[key]} is not after the deadline {deadline}")
    if values["extension_granted"] and not values["extended_to"]:
        raise InputError("an extension granted needs the new deadline (--extended-to)")
    requested = values["extension_requested"]
    granted = values["extension_granted"]
    if requested and granted and granted.latest < requested.earliest:
        raise InputError(f"the extension was granted ({granted}) before it was requested ({requested})")
    for key in ("extension_requested", "extension_granted", "completed"):
        _not_future(values[key], key.replace("_", " "), today)
    if values["status"] == "no stockpile reported" and article != 3:
        raise InputError("'no stockpile reported' applies to Art. 3 (stockpile destruction) only")
    if values["completed"] and values["status"] in (None, "outstanding"):
        values["status"] = "completed"
    elif values["completed"] and values["status"] != "completed":
        raise InputError(f"a completion date ({values['completed']}) goes with status 'completed'")
    values["status"] = values["status"] or "outstanding"
    return values


def _stored(values: dict) -> dict:
    return {k: str(v) if isinstance(v, PartialDate) else v for k, v in values.items()}


def add_obligation(writer: Writer, state, article: int, given: ObligationInput, today: date | None = None) -> dict:
    """Record a state's obligation under Art. 3, 4 or 5; the deadline defaults to the Convention's."""
    today = today or date.today()
    if writer.rows(Q.obligation_of_state, iso3=state.iso3, article=article):
        raise InputError(
            f"{state.name} already has an Art. {article} obligation recorded; change it with `ccm obligation update`"
        )
    deadline = given.deadline or original_deadline(article, _in_force(state))
    values = _check_obligation(
        article,
        {
            "deadline": deadline,
            "extension_requested": given.extension_requested,
            "extension_requested_to": given.extension_requested_to,
            "extension_granted": given.extension_granted,
            "extended_to": given.extended_to,
            "completed": given.completed,
            "status": given.status,
        },
        today,
    )
    return writer.insert(
        "obligations",
        _stored(
            {
                "uuid": stable_uuid("obligation", state.iso3, article),
                "iso3": state.iso3,
                "article": article,
                **values,
                "status_as_of": today,
                "source": _source(given.source),
                "notes": " ".join((given.notes or "").split()),
                "recorded_by": writer.by,
            }
        ),
    )


def update_obligation(writer: Writer, state, article: int, given: ObligationInput, today: date | None = None) -> dict:
    """Change an obligation: a completion declared, an extension requested or granted, a new status."""
    from ccmtui.domain.dates import optional_partial_date

    today = today or date.today()
    found = writer.rows(Q.obligation_of_state, iso3=state.iso3, article=article)
    if not found:
        raise InputError(f"{state.name} has no Art. {article} obligation recorded; add it with `ccm obligation add`")
    current = writer.get("obligations", found[0].uuid)
    merged = {
        "deadline": given.deadline or current["deadline"],
        "extension_requested": given.extension_requested or optional_partial_date(current["extension_requested"]),
        "extension_requested_to": given.extension_requested_to or current["extension_requested_to"],
        "extension_granted": given.extension_granted or optional_partial_date(current["extension_granted"]),
        "extended_to": given.extended_to or current["extended_to"],
        "completed": given.completed or optional_partial_date(current["completed"]),
        "status": given.status or (None if given.completed else current["status"]),
    }
    values = _check_obligation(article, merged, today)
    changes = _stored(values)
    if given.notes:
        changes["notes"] = " ".join(given.notes.split())
    if all(current.get(k) == v for k, v in changes.items()):
        raise InputError(
            f"nothing to change for {possessive(state.name, f'Art. {article} obligation')} ({ARTICLES[article]})"
        )
    if given.status or given.completed:
        changes["status_as_of"] = today
    if given.source:
        changes["source"] = "; ".join(filter(None, (current["source"], _source(given.source))))
    return writer.update("obligations", current["uuid"], changes)


@dataclass
class ExtensionInput:
    """An extension request to a Meeting of States Parties or Review Conference, and its decision."""

    requested: PartialDate | None = None
    requested_to: date | None = None
    meeting: str | None = None  # the meeting code that considers it
    decision: str | None = None  # granted, refused, pending, not recorded
    granted: PartialDate | None = None
    extended_to: date | None = None
    source: str | None = None
    notes: str | None = None


def add_extension(writer: Writer, state, article: int, given: ExtensionInput, today: date | None = None) -> dict:
    """Record an extension request under Art. 3(3) or 4(5) and what the meeting decided.

    Checked against the Convention before anything is written: granted after it was requested,
    to a date after the deadline it extends and within four years (Art. 3(3)) or five (Art. 4(5)),
    considered by a meeting that had not already met when the request came.
    """
    today = today or date.today()
    if article not in (3, 4):
        raise InputError(f"extensions exist only under Art. 3 (Art. 3(3)) and Art. 4 (Art. 4(5)), not Art. {article}")
    found = writer.rows(Q.obligation_of_state, iso3=state.iso3, article=article)
    if not found:
        raise InputError(f"{state.name} has no Art. {article} obligation recorded; add it with `ccm obligation add`")
    obligation = writer.get("obligations", found[0].uuid)
    earlier = [e for e in writer.rows(Q.obligation_extensions) if e.iso3 == state.iso3 and e.article == article]
    granted_before = [e.extended_to for e in earlier if e.decision == "granted" and e.extended_to]
    extends = granted_before[-1] if granted_before else obligation["deadline"]
    meetings = {m.code.upper(): m for m in writer.rows(Q.meetings)}
    meeting = None
    if given.meeting:
        meeting = meetings.get(given.meeting.strip().upper())
        if meeting is None:
            raise InputError(
                f"unknown meeting {given.meeting!r}; known: {', '.join(sorted(meetings))} (add one with `ccm meeting add`)"
            )
    decision = given.decision or (
        "granted"
        if given.extended_to or given.granted
        else "pending"
        if meeting is not None and meeting.end >= today
        else "not recorded"
    )
    if decision not in EXTENSION_DECISIONS:
        raise InputError(f"decision {decision!r} is not one of {', '.join(EXTENSION_DECISIONS)}")
    if decision != "granted" and (given.granted or given.extended_to):
        raise InputError(f"a grant date or new deadline goes with decision 'granted', not {decision!r}")
    if decision == "pending" and meeting is not None and meeting.end < today:
        raise InputError(f"the {meeting.code} ended on {meeting.end}: its decision is granted, refused or not recorded")
    for what, value in (("requested", given.requested), ("granted", given.granted)):
        _not_future(value, f"extension {what}", today)
    check_extension(
        article,
        extends,
        given.requested,
        given.requested_to,
        (meeting.code, meeting.start, meeting.end) if meeting is not None else None,
        given.granted,
        given.extended_to,
    )
    number = max((e.number for e in earlier), default=0) + 1
    return writer.insert(
        "obligation_extensions",
        {
            "uuid": stable_uuid("obligation-extension", state.iso3, article, number),
            "iso3": state.iso3,
            "article": article,
            "number": number,
            "requested": str(given.requested) if given.requested else None,
            "requested_to": given.requested_to,
            "meeting": meeting.code if meeting is not None else None,
            "decision": decision,
            "granted": str(given.granted) if given.granted else None,
            "extended_to": given.extended_to,
            "source": _source(given.source),
            "notes": " ".join((given.notes or "").split()),
            "recorded_by": writer.by,
        },
    )
