"""The reference data shipped with ccmtui: states, aliases and meetings (see SOURCES.md).

Every new database is filled from these files. Records get UUIDs derived from
their natural keys, so the same state has the same UUID in every coordinator's file.
"""

from __future__ import annotations

import csv
import io
import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ccmtui.db.models import DatabaseInfo, Meeting, State, StateAlias
from ccmtui.domain import treaty
from ccmtui.domain.errors import InputError
from ccmtui.domain.states import INSTRUMENTS

NAMESPACE = uuidlib.uuid5(uuidlib.NAMESPACE_URL, "https://ccmtui.invalid/records")
# Reference records are stamped with the date the data is current to (SOURCES.md).
REFERENCE_STAMP = datetime(2025, 9, 8)

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
OPTIONAL_STATE_COLUMNS = ("intermediate_region",)


def stable_uuid(*parts: object) -> str:
    """A UUIDv5 of the record's content: the same content gives the same id in every file."""
    return str(uuidlib.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@dataclass
class RowProblems:
    """Bad rows of a file, each with its line number and reason."""

    source: str
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, reason: str) -> None:
        self.problems.append((line, reason))

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        shown = "; ".join(f"line {line}: {reason}" for line, reason in self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        count = len(self.problems)
        raise InputError(f"{self.source}: {count} bad row{'s' * (count != 1)}, nothing written: {shown}{more}")


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
            }
        )
    return rows


def read_aliases(text: str) -> list[tuple[str, str]]:
    return [(row["iso3"], row["alias"]) for row in csv.DictReader(io.StringIO(text))]


def _stamped(values: dict, *key: object) -> dict:
    return {"uuid": stable_uuid(*key), "created_at": REFERENCE_STAMP, "updated_at": REFERENCE_STAMP, **values}


def load_all(session: Session) -> None:
    """Fill an empty database with the shipped reference data, and give it its own id."""
    session.add(DatabaseInfo(label=""))
    for values in read_states(_text("states.csv")):
        session.add(State(**_stamped(values, "state", values["iso3"])))
    session.flush()
    for iso3, alias in read_aliases(_text("aliases.csv")):
        session.add(StateAlias(**_stamped({"iso3": iso3, "alias": alias}, "alias", alias)))
    for values in read_meetings(_text("meetings.csv")):
        session.add(Meeting(**_stamped(values, "meeting", values["code"])))


@dataclass
class RegisterUpdate:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_file: list[str] = field(default_factory=list)


def update_register(session: Session, path: Path) -> RegisterUpdate:
    """Refresh the states from a file of states.csv's columns: all rows valid, or nothing written."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    rows = read_states(text, source=str(path))
    existing = {state.iso3: state for state in session.scalars(select(State))}
    result = RegisterUpdate()
    for values in rows:
        state = existing.pop(values["iso3"], None)
        if state is None:
            session.add(State(uuid=stable_uuid("state", values["iso3"]), **values))
            result.added.append(values["iso3"])
            continue
        differs = {k: v for k, v in values.items() if getattr(state, k) != v}
        if differs:
            for key, value in differs.items():
                setattr(state, key, value)
            result.changed.append(values["iso3"])
        else:
            result.unchanged += 1
    result.not_in_file = sorted(existing)
    return result
