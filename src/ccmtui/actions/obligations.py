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
from ccmtui.domain.obligations import ARTICLES, check_retention, original_deadline

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


def _source(text: str | None) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise InputError("say where this comes from (--source), e.g. 'Art. 7 report 2014, Form B'")
    return cleaned


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
    if writer.rows(Q.retention_of_state, iso3=state.iso3, year=year):
        raise InputError(f"{state.name}'s retention for {year} is already recorded")
    return writer.insert(
        "retention",
        {
            "uuid": stable_uuid("retention", state.iso3, year),
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
    if any(r.kind == kind and (kind == "initial" or r.year == year) for r in existing):
        what = "initial report" if kind == "initial" else f"annual report covering {year}"
        raise InputError(f"{state.name}'s {what} is already recorded")
    return writer.insert(
        "transparency_reports",
        {
            "uuid": stable_uuid("transparency-report", state.iso3, kind, year),
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
    if writer.rows(Q.national_measure_of_state, iso3=state.iso3, status=status, dated=str(dated)):
        raise InputError(f"{state.name}: '{status}' dated {dated} is already recorded")
    return writer.insert(
        "national_measures",
        {
            "uuid": stable_uuid("national-measure", state.iso3, status, dated),
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
    if writer.rows(Q.cooperation_of_state, iso3=state.iso3, year=year, role=role):
        raise InputError(f"{state.name} is already recorded as '{role}' for {year}")
    return writer.insert(
        "cooperation_reports",
        {
            "uuid": stable_uuid("cooperation-report", state.iso3, year, role),
            "iso3": state.iso3,
            "year": year,
            "role": role,
            "details": " ".join(details.split()),
            "source": _source(source),
            "recorded_by": writer.by,
        },
    )
