"""Recording obligations, retention, Art. 7 reports, national measures and cooperation.

Each function checks everything before it writes, so a refused record leaves the
database untouched; every write goes through the Writer and can be undone. A record's
id derives from what it is about (the state and article, year or kind), so two
coordinators recording the same fact make the same record, and a sync merges them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import (
    ARTICLES,
    EXTENSION_DECISIONS,
    check_extension,
    check_retention,
    original_deadline,
    parse_form,
    parse_form_status,
)

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


def _source(text: str | None) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise InputError("say where this comes from (--source), e.g. 'Art. 7 report 2014, Form B'")
    return cleaned


def _free(writer: Writer, table: str, uuid: str) -> str:
    """The record's content-derived id, or a new one when an edited record already holds it."""
    import uuid as uuidlib

    return uuid if writer.get(table, uuid) is None else str(uuidlib.uuid4())


def _correct(same: list) -> str:
    """How to correct the record already there rather than record it twice."""
    uuid = same[0].uuid[:8]
    return f" (id {uuid}); correct it with `ccm edit {uuid}`"


def _not_future(value: date | PartialDate | None, what: str, today: date) -> None:
    if value is None:
        return
    earliest = value.earliest if isinstance(value, PartialDate) else value
    if earliest > today:
        raise InputError(f"{what} {value} is in the future")


def _in_force(state) -> date | None:
    return treaty.entry_into_force(state.deposited) if state.deposited else None


def _year(year: int, today: date) -> int:
    if not treaty.OPENED_FOR_SIGNATURE.year <= year <= today.year:
        raise InputError(f"year {year} is outside {treaty.OPENED_FOR_SIGNATURE.year}-{today.year}")
    return year


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
        raise InputError(f"nothing to change for {state.name}'s Art. {article} obligation ({ARTICLES[article]})")
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
            raise InputError(f"unknown meeting {given.meeting!r}; known: {', '.join(sorted(meetings))} (add one with `ccm meeting add`)")
    decision = given.decision or (
        "granted" if given.extended_to or given.granted else
        "pending" if meeting is not None and meeting.end >= today else "not recorded"
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


@dataclass
class RetentionInput:
    year: int
    munitions_retained: int | None = None
    submunitions_retained: int | None = None
    munitions_used: int | None = None
    submunitions_used: int | None = None
    purpose: str = ""
    source: str | None = None


def add_retention(writer: Writer, state, given: RetentionInput, today: date | None = None) -> dict:
    """Art. 3(6)-(8): cluster munitions and submunitions a State Party retained in a year, and their use."""
    today = today or date.today()
    year = _year(given.year, today)
    check_retention(given.munitions_retained, given.munitions_used, "cluster munitions")
    check_retention(given.submunitions_retained, given.submunitions_used, "explosive submunitions")
    if given.munitions_retained is None and given.submunitions_retained is None:
        raise InputError("give the number retained (--munitions and/or --submunitions)")
    if not state.deposited or state.deposited > date(year, 12, 31):
        raise InputError(f"{state.name} was not a State Party in {year}; Art. 3(6) retention is a State Party's")
    if same := writer.rows(Q.retention_of_state, iso3=state.iso3, year=year):
        raise InputError(f"{state.name}'s retention for {year} is already recorded{_correct(same)}")
    return writer.insert(
        "retention",
        {
            "uuid": _free(writer, "retention", stable_uuid("retention", state.iso3, year)),
            "iso3": state.iso3,
            "year": year,
            "munitions_retained": given.munitions_retained,
            "submunitions_retained": given.submunitions_retained,
            "munitions_used": given.munitions_used,
            "submunitions_used": given.submunitions_used,
            "purpose": " ".join(given.purpose.split()),
            "source": _source(given.source),
            "recorded_by": writer.by,
        },
    )


def add_transparency_report(
    writer: Writer,
    state,
    kind: str,
    year: int | None,
    submitted: date | None,
    due: date | None,
    source: str | None,
    today: date | None = None,
) -> dict:
    """An Art. 7 report: the initial one (due 180 days after entry into force) or an annual update."""
    today = today or date.today()
    in_force = _in_force(state)
    if in_force is None:
        raise InputError(f"{state.name} has deposited no instrument; Art. 7 reports are due from States Parties")
    if kind == "initial":
        due = due or treaty.initial_report_due(in_force)
        if year is not None and year != due.year:
            raise InputError(f"the initial report of {state.name} fell due in {due.year}, not {year}")
        year = due.year
    else:
        if year is None:
            raise InputError("say which calendar year the annual report covers (--year)")
        year = _year(year, today)
        due = due or treaty.annual_report_due(year)
    if submitted is not None:
        _not_future(submitted, "submitted", today)
        if submitted < state.deposited:
            raise InputError(f"submitted {submitted} is before {state.name} deposited its instrument ({state.deposited})")
    existing = writer.rows(Q.transparency_of_state, iso3=state.iso3)
    if same := [r for r in existing if r.kind == kind and (kind == "initial" or r.year == year)]:
        what = "initial report" if kind == "initial" else f"annual report covering {year}"
        raise InputError(f"{state.name}'s {what} is already recorded{_correct(same)}")
    return writer.insert(
        "transparency_reports",
        {
            "uuid": _free(writer, "transparency_reports", stable_uuid("transparency-report", state.iso3, kind, year)),
            "iso3": state.iso3,
            "kind": kind,
            "year": year,
            "due": due,
            "submitted": submitted,
            "source": _source(source),
            "recorded_by": writer.by,
        },
    )


def add_measure(
    writer: Writer, state, status: str, dated: PartialDate, measure: str, source: str | None, today: date | None = None
) -> dict:
    """An Art. 9 national implementation measure, or a state's report that it has none or needs none."""
    today = today or date.today()
    _not_future(dated, "date", today)
    measure = " ".join(measure.split())
    if status == "adopted" and not measure:
        raise InputError("name the measure adopted (--measure), e.g. 'Law No. 29 of 2012'")
    if len(measure) > 300:
        raise InputError(f"the measure's name is {len(measure)} characters; keep it under 300")
    if same := writer.rows(Q.national_measure_of_state, iso3=state.iso3, status=status, dated=str(dated)):
        raise InputError(f"{state.name}: '{status}' dated {dated} is already recorded{_correct(same)}")
    return writer.insert(
        "national_measures",
        {
            "uuid": _free(writer, "national_measures", stable_uuid("national-measure", state.iso3, status, dated)),
            "iso3": state.iso3,
            "status": status,
            "dated": str(dated),
            "measure": measure,
            "source": _source(source),
            "recorded_by": writer.by,
        },
    )


def add_cooperation(
    writer: Writer, state, year: int, role: str, details: str, source: str | None, today: date | None = None
) -> dict:
    """Art. 6: a state reported, for a year, needing or providing cooperation and assistance."""
    today = today or date.today()
    year = _year(year, today)
    if same := writer.rows(Q.cooperation_of_state, iso3=state.iso3, year=year, role=role):
        raise InputError(f"{state.name} is already recorded as '{role}' for {year}{_correct(same)}")
    return writer.insert(
        "cooperation_reports",
        {
            "uuid": _free(writer, "cooperation_reports", stable_uuid("cooperation-report", state.iso3, year, role)),
            "iso3": state.iso3,
            "year": year,
            "role": role,
            "details": " ".join(details.split()),
            "source": _source(source),
            "recorded_by": writer.by,
        },
    )


# -- Art. 7 reports, form by form


FORM_COLUMNS = ("iso3", "kind", "year", "form", "status", "last_reported", "source")


@dataclass(frozen=True)
class FormInput:
    iso3: str
    kind: str  # initial or annual
    year: int
    form: str  # A-J
    status: str  # reported, changed, unchanged, not applicable
    last_reported: int | None
    source: str


def check_form(given: FormInput) -> FormInput:
    """One form's record, checked: a letter A-J, a status, and 'unchanged' only on an annual report."""
    form = parse_form(given.form)
    status = parse_form_status(given.status)
    if given.kind not in ("initial", "annual"):
        raise InputError(f"report kind {given.kind!r} is not initial or annual (Art. 7(1), 7(2))")
    if given.kind == "initial" and status in ("changed", "unchanged"):
        raise InputError(f"form {form}: an initial report (Art. 7(1)) reports each form; 'changed' and 'unchanged' are for annual ones (Art. 7(2))")
    if form == "A" and status == "not applicable":
        raise InputError("form A (national implementation measures, Art. 9) cannot be 'not applicable' (Art. 7(1)(a))")
    if given.last_reported is not None and (status != "unchanged" or given.last_reported > given.year):
        raise InputError(f"form {form}: a last reporting year goes with 'unchanged' and is not after {given.year}")
    return FormInput(given.iso3, given.kind, given.year, form, status, given.last_reported, _source(given.source))


def add_transparency_forms(writer: Writer, forms: list[FormInput]) -> list[dict]:
    """Record what Art. 7 reports say per form: every row checked first, then all written or none."""
    checked = [check_form(f) for f in forms]
    seen: set[tuple] = set()
    existing = {(r.iso3, r.kind, r.year, r.form) for r in writer.rows(Q.transparency_forms)}
    reports = {(r.iso3, r.kind, r.year) for r in writer.rows(Q.transparency_reports)}
    for f in checked:
        key = (f.iso3, f.kind, f.year, f.form)
        if key in seen or key in existing:
            raise InputError(f"{f.iso3} {f.kind} report {f.year}: form {f.form} is already recorded")
        if (f.iso3, f.kind, f.year) not in reports:
            raise InputError(
                f"{f.iso3}: no {f.kind} report for {f.year} recorded; record it first with `ccm transparency add`"
            )
        seen.add(key)
    return [
        writer.insert(
            "transparency_forms",
            {
                "uuid": stable_uuid("transparency-form", f.iso3, f.kind, f.year, f.form),
                "iso3": f.iso3,
                "kind": f.kind,
                "year": f.year,
                "form": f.form,
                "status": f.status,
                "last_reported": f.last_reported,
                "source": f.source,
                "recorded_by": writer.by,
            },
        )
        for f in checked
    ]
