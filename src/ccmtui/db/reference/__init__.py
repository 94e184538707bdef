"""The reference data shipped with ccmtui: states, aliases, meetings, obligations and the action plans' actions
(see SOURCES.md).

Every new database is filled from these files. Records get UUIDs derived from
their natural keys, so the same state has the same UUID in every coordinator's file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ccmtui.db.ids import stable_uuid
from ccmtui.db.models import (
    Meeting,
    Obligation,
    ObligationExtension,
    Organisation,
    PlanAction,
    Retention,
    State,
    StateAlias,
)
from ccmtui.domain import treaty
from ccmtui.domain.dates import optional_partial_date, parse_partial_date
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import EXTENSION_DECISIONS, OBLIGATION_STATUSES, check_extension, check_retention
from ccmtui.domain.states import INSTRUMENTS
from ccmtui.files import RowProblems, read_table

if TYPE_CHECKING:
    from ccmtui.db.write import Writer

# Reference records are stamped with the date the data is current to (SOURCES.md).
REFERENCE_STAMP = datetime(2025, 9, 8)

# The day the reference data is current to; the obligations' `status` is as known then.
REFERENCE_DAY = REFERENCE_STAMP.date()

REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")
STATE_COLUMNS = (
    "name",
    "iso3",
    "region",
    "subregion",
    "signed",
    "deposited",
    "instrument",
    "withdrawal_notified",
    "source",
)


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _optional_date(value: str, column: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a date (YYYY-MM-DD)") from None


def _check_state(row: dict[str, str]) -> dict:
    """One states.csv row as model values; ValueError names what is wrong."""
    iso3 = row["iso3"].strip().upper()
    if len(iso3) != 3 or not iso3.isalpha() or not iso3.isascii():
        raise ValueError(f"iso3 {row['iso3']!r} is not a three-letter code")
    name = row["name"].strip()
    if not name:
        raise ValueError("name is empty")
    region = row["region"].strip()
    if region not in REGIONS:
        raise ValueError(f"region {region!r} is not one of {', '.join(REGIONS)}")
    subregion = row["subregion"].strip()
    if not subregion:
        raise ValueError("subregion is empty")
    signed = _optional_date(row["signed"], "signed")
    deposited = _optional_date(row["deposited"], "deposited")
    withdrawal = _optional_date(row["withdrawal_notified"], "withdrawal_notified")
    instrument = row["instrument"].strip().lower() or None
    # Art. 15: open for signature from 3 December 2008 until entry into force.
    if signed and not (treaty.OPENED_FOR_SIGNATURE <= signed < treaty.CONVENTION_ENTRY_INTO_FORCE):
        raise ValueError(f"signed {signed} is outside the signature period (Art. 15: 2008-12-03 to 2010-07-31)")
    if deposited:
        if deposited < treaty.OPENED_FOR_SIGNATURE:
            raise ValueError(f"deposited {deposited} is before the Convention was opened (2008-12-03)")
        if signed and deposited < signed:
            raise ValueError(f"deposited {deposited} is before signed {signed}")
        if instrument not in INSTRUMENTS:
            raise ValueError(f"instrument must be one of {', '.join(INSTRUMENTS)} when deposited is set")
    elif instrument:
        raise ValueError(f"instrument {instrument!r} given without a deposit date")
    if withdrawal and (not deposited or withdrawal < deposited):
        raise ValueError("withdrawal_notified needs an earlier deposit date (Art. 20)")
    return {
        "iso3": iso3,
        "name": name,
        "region": region,
        "subregion": subregion,
        "intermediate_region": (row.get("intermediate_region") or "").strip() or None,
        "signed": signed,
        "deposited": deposited,
        "instrument": instrument,
        "withdrawal_notified": withdrawal,
        "source": row["source"].strip() or None,
    }


def read_states(text: str, source: str = "states.csv") -> list[dict]:
    """Validate every row of a states file; all rows or an error listing each bad one."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in STATE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{source}: missing column(s) {', '.join(missing)}; expected {', '.join(STATE_COLUMNS)}")
    problems = RowProblems(source)
    rows, seen = [], {}
    for row in reader:
        line = reader.line_num
        if None in row:  # a cell beyond the header's columns: the file's columns are not what they seem
            problems.add(line, "more cells than the header has columns")
            continue
        try:
            values = _check_state(row)
        except (ValueError, AttributeError) as error:
            problems.add(line, str(error) if isinstance(error, ValueError) else "too few columns")
            continue
        if values["iso3"] in seen:
            problems.add(line, f"{values['iso3']} already given on line {seen[values['iso3']]}")
            continue
        seen[values["iso3"]] = line
        rows.append(values)
    problems.raise_if_any()
    if not rows:
        raise InputError(f"{source}: no rows")
    return rows


def read_meetings(text: str) -> list[dict]:
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        rows.append(
            {
                "code": row["code"],
                "name": row["name"],
                "city": row["city"],
                "country": row["country"],
                "start": date.fromisoformat(row["start"]),
                "end": date.fromisoformat(row["end"]),
                "president_state": row["president_state"] or None,
                "source": row["source"] or None,
                "notes": row["notes"] or None,
                "kind": "rc" if row["code"].upper().endswith("RC") else "msp",
            }
        )
    return rows


def read_aliases(text: str) -> list[tuple[str, str]]:
    return [(row["iso3"], row["alias"]) for row in csv.DictReader(io.StringIO(text))]


OBLIGATION_COLUMNS = ("iso3", "article", "deadline", "extended_to", "completed", "source", "status")


def read_obligations(text: str, known_states: set[str], source: str = "obligations.csv") -> list[dict]:
    """The Art. 3 and 4 obligations file, every row checked; dates kept at the precision given."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in OBLIGATION_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{source}: missing column(s) {', '.join(missing)}")
    problems = RowProblems(source)
    rows, seen = [], {}
    for row in reader:
        line = reader.line_num
        try:
            iso3 = row["iso3"].strip().upper()
            if iso3 not in known_states:
                raise ValueError(f"unknown state {iso3!r}")
            article = int(row["article"])
            if article not in (3, 4):
                raise ValueError(f"article {row['article']!r} is not 3 or 4")
            status = row["status"].strip()
            if status not in OBLIGATION_STATUSES:
                raise ValueError(f"status {status!r} is not one of {', '.join(OBLIGATION_STATUSES)}")
            completed = row["completed"].strip()
            if completed:
                parse_partial_date(completed, "completed")
                if status != "completed":
                    raise ValueError(f"completed {completed} with status {status!r}")
            deadline = _optional_date(row["deadline"], "deadline")
            extended_to = _optional_date(row["extended_to"], "extended_to")
            if extended_to and deadline and extended_to <= deadline:
                raise ValueError(f"extended_to {extended_to} is not after the deadline {deadline}")
            # A reopened obligation (Art. 3(2), 4(1)): a first completion, then a second period.
            first_completed = (row.get("first_completed") or "").strip() or None
            reopened = (row.get("reopened") or "").strip() or None
            if (first_completed is None) != (reopened is None):
                raise ValueError("first_completed and reopened go together")
            if reopened:
                first, again = (
                    parse_partial_date(first_completed, "first_completed"),
                    parse_partial_date(reopened, "reopened"),
                )
                if again.latest < first.earliest:
                    raise ValueError(f"reopened {reopened} is before first_completed {first_completed}")
        except InputError as error:
            problems.add(line, str(error))
            continue
        except (ValueError, AttributeError, TypeError) as error:
            problems.add(line, str(error) if isinstance(error, ValueError) else "too few columns")
            continue
        if (iso3, article) in seen:
            problems.add(line, f"{iso3} Art. {article} already given on line {seen[iso3, article]}")
            continue
        seen[iso3, article] = line
        rows.append(
            {
                "iso3": iso3,
                "article": article,
                "deadline": deadline,
                "extended_to": extended_to,
                "completed": completed or None,
                "first_completed": first_completed,
                "reopened": reopened,
                "status": status,
                "status_as_of": REFERENCE_DAY,
                "source": row["source"].strip() or None,
            }
        )
    problems.raise_if_any()
    return rows


EXTENSION_COLUMNS = (
    "iso3",
    "article",
    "number",
    "requested",
    "requested_to",
    "meeting",
    "decision",
    "granted",
    "extended_to",
    "source",
    "notes",
)


def read_extensions(
    text: str, obligations: list[dict], meetings: list[dict], source: str = "obligation_extensions.csv"
) -> list[dict]:
    """Extension requests and decisions (Art. 3(3)-(5), 4(5)-(8)), each checked against the Convention's limits.

    Each request extends the deadline left by the one before it (the original for the first).
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in EXTENSION_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{source}: missing column(s) {', '.join(missing)}")
    deadlines = {(o["iso3"], o["article"]): o["deadline"] for o in obligations}
    by_code = {m["code"]: (m["code"], m["start"], m["end"]) for m in meetings}
    problems = RowProblems(source)
    rows: list[dict] = []
    last: dict[tuple[str, int], date | None] = {}
    for row in reader:
        line = reader.line_num
        try:
            iso3 = row["iso3"].strip().upper()
            article = int(row["article"])
            if (iso3, article) not in deadlines:
                raise ValueError(f"no Art. {article} obligation recorded for {iso3}")
            number = int(row["number"])
            decision = row["decision"].strip()
            if decision not in EXTENSION_DECISIONS:
                raise ValueError(f"decision {decision!r} is not one of {', '.join(EXTENSION_DECISIONS)}")
            meeting = row["meeting"].strip() or None
            if meeting and meeting not in by_code:
                raise ValueError(f"unknown meeting {meeting!r}")
            requested = optional_partial_date(row["requested"], "requested")
            granted = optional_partial_date(row["granted"], "granted")
            requested_to = _optional_date(row["requested_to"], "requested_to")
            extended_to = _optional_date(row["extended_to"], "extended_to")
            if decision != "granted" and (granted or extended_to):
                raise ValueError(f"granted or extended_to given with decision {decision!r}")
            before = last.get((iso3, article), deadlines[iso3, article])
            check_extension(article, before, requested, requested_to, by_code.get(meeting or ""), granted, extended_to)
        except InputError as error:
            problems.add(line, str(error))
            continue
        except (ValueError, AttributeError, TypeError) as error:
            problems.add(line, str(error) if isinstance(error, ValueError) else "too few columns")
            continue
        if decision == "granted":
            last[iso3, article] = extended_to
        rows.append(
            {
                "iso3": iso3,
                "article": article,
                "number": number,
                "requested": str(requested) if requested else None,
                "requested_to": requested_to,
                "meeting": meeting,
                "decision": decision,
                "granted": str(granted) if granted else None,
                "extended_to": extended_to,
                "source": row["source"].strip() or None,
                "notes": row["notes"].strip(),
            }
        )
    problems.raise_if_any()
    return rows


RETENTION_COLUMNS = (
    "iso3",
    "year",
    "munitions_retained",
    "submunitions_retained",
    "munitions_used",
    "submunitions_used",
    "purpose",
    "source",
)


def read_retention(text: str, known_states: set[str], source: str = "retention.csv") -> list[dict]:
    """Retained cluster munitions per state and year (Art. 3(6)-(8)), as the Monitor gives them."""
    reader = csv.DictReader(io.StringIO(text))
    problems = RowProblems(source)
    rows = []
    for row in reader:
        try:
            iso3 = row["iso3"].strip().upper()
            if iso3 not in known_states:
                raise ValueError(f"unknown state {iso3!r}")
            counts = {
                c: int(row[c]) if row[c].strip() else None
                for c in ("munitions_retained", "submunitions_retained", "munitions_used", "submunitions_used")
            }
            check_retention(counts["munitions_retained"], counts["munitions_used"], "cluster munitions")
            check_retention(counts["submunitions_retained"], counts["submunitions_used"], "submunitions")
        except InputError as error:
            problems.add(reader.line_num, str(error))
            continue
        except (ValueError, AttributeError) as error:
            problems.add(reader.line_num, str(error) if isinstance(error, ValueError) else "too few columns")
            continue
        rows.append(
            {
                "iso3": iso3,
                "year": int(row["year"]),
                **counts,
                "purpose": row["purpose"].strip(),
                "source": row["source"].strip() or None,
            }
        )
    problems.raise_if_any()
    return rows


def read_organisations(text: str) -> list[dict]:
    """organisations.csv: code, name, aliases and kinds of help (';'-separated), kind, source."""
    from ccmtui.domain.counterparts import join_list, parse_code, parse_helps, parse_kind, split_list

    rows = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            if not row["source"].strip():
                raise InputError("every organisation needs its source")
            rows.append(
                {
                    "code": parse_code(row["code"]),
                    "name": " ".join(row["name"].split()),
                    "aliases": join_list(split_list(row["aliases"])),
                    "kind": parse_kind(row["kind"]),
                    "helps": join_list(parse_helps(split_list(row["helps"]))),
                    "source": row["source"].strip(),
                    "notes": " ".join((row["notes"] or "").split()),
                    "shipped": True,
                }
            )
        except InputError as error:
            raise InputError(f"organisations.csv line {number}: {error}") from None
    return rows


def shipped_organisations() -> list[dict]:
    return read_organisations(_text("organisations.csv"))


def _stamped(values: dict, *key: object) -> dict:
    return {"uuid": stable_uuid(*key), "created_at": REFERENCE_STAMP, "updated_at": REFERENCE_STAMP, **values}


def load_all(session: Session) -> None:
    """Fill an empty database with the shipped reference data."""
    for values in read_states(_text("states.csv")):
        session.add(State(**_stamped(values, "state", values["iso3"])))
    session.flush()
    for iso3, alias in read_aliases(_text("aliases.csv")):
        session.add(StateAlias(**_stamped({"iso3": iso3, "alias": alias}, "alias", alias)))
    meetings = read_meetings(_text("meetings.csv"))
    for values in meetings:
        session.add(Meeting(**_stamped(values, "meeting", values["code"])))
    known = set(session.scalars(select(State.iso3)))
    obligations = read_obligations(_text("obligations.csv"), known)
    for values in obligations:
        session.add(Obligation(**_stamped(values, "obligation", values["iso3"], values["article"])))
    for values in read_extensions(_text("obligation_extensions.csv"), obligations, meetings):
        key = ("obligation-extension", values["iso3"], values["article"], values["number"])
        session.add(ObligationExtension(**_stamped(values, *key)))
    for values in read_retention(_text("retention.csv"), known):
        session.add(Retention(**_stamped(values, "retention", values["iso3"], values["year"])))
    for values in shipped_organisations():
        session.add(Organisation(**_stamped(values, "organisation", values["code"])))

    from ccmtui.db.reference.plans import read_plan_actions

    for values in read_plan_actions(_text("action_plan.csv")):
        session.add(PlanAction(**_stamped(values, "plan-action", values["code"])))


@dataclass
class RegisterUpdate:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_file: list[str] = field(default_factory=list)


def update_register(writer: Writer, path: Path) -> RegisterUpdate:
    """Refresh the states from a file of states.csv's columns: all rows valid, or nothing written."""
    rows = read_states(read_table(path), source=str(path))
    existing = {state["iso3"]: state for state in writer.get_many("states", list(writer.stamps("states")))}
    result = RegisterUpdate()
    for values in rows:
        state = existing.pop(values["iso3"], None)
        if state is None:
            writer.insert("states", {"uuid": stable_uuid("state", values["iso3"]), **values})
            result.added.append(values["iso3"])
        elif any(state[key] != value for key, value in values.items()):
            writer.update("states", state["uuid"], values)
            result.changed.append(values["iso3"])
        else:
            result.unchanged += 1
    result.not_in_file = sorted(existing)
    return result
