"""The expected figures, computed straight from the shipped CSV and TOML files.

Nothing here imports ccmtui: the files are read with `csv` and `tomllib`, and the few
rules of the Convention the figures need are written out again (Art. 3(2), 4(1), 7, 17,
20), so a test compares ccm's answer with an independent one.
"""

from __future__ import annotations

import calendar
import csv
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "src" / "ccmtui" / "db" / "reference"
SAMPLE_DATA = ROOT / "src" / "ccmtui" / "seed" / "sample_data"
STATUS_KNOWN_ON = date(2025, 9, 8)  # SOURCES.md: the data is current to this day


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _rows(name: str) -> list[dict]:
    with (REFERENCE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


STATES = {row["iso3"]: row for row in _rows("states.csv")}
MEETINGS = {row["code"]: row for row in _rows("meetings.csv")}
OBLIGATIONS = _rows("obligations.csv")
EXTENSIONS = _rows("obligation_extensions.csv")
RETENTION = _rows("retention.csv")


def meeting_day(code: str) -> date:
    return date.fromisoformat(MEETINGS[code]["start"])


def in_force(deposited: date) -> date:
    # Art. 17: 1 August 2010 for the first thirty (the 30th deposited 16 February 2010),
    # else the first day of the sixth month after the month of deposit.
    if deposited <= date(2010, 2, 16):
        return date(2010, 8, 1)
    month = deposited.month + 6
    return date(deposited.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def withdrawal_effective(iso3: str) -> date | None:
    notified = _day(STATES[iso3]["withdrawal_notified"])
    if notified is None:
        return None
    month = notified.month + 6  # Art. 20(2): six months after notification
    year, month = notified.year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, min(notified.day, calendar.monthrange(year, month)[1]))


def status(iso3: str, on: date) -> str:
    row = STATES[iso3]
    signed, deposited = _day(row["signed"]), _day(row["deposited"])
    notified = _day(row["withdrawal_notified"])
    if notified and notified <= on and withdrawal_effective(iso3) <= on:
        return "withdrawn"
    if deposited and deposited <= on:
        return "party" if in_force(deposited) <= on else "pending"
    if signed and signed <= on:
        return "signatory"
    return "non-signatory"


def states_parties(on: date) -> set[str]:
    return {iso3 for iso3 in STATES if status(iso3, on) in ("party", "pending")}


def with_status(on: date, wanted: str) -> set[str]:
    return {iso3 for iso3 in STATES if status(iso3, on) == wanted}


def joined_between(since: date, until: date) -> dict[str, set[str]]:
    """Deposits after `since` up to `until`, split as ccm's reports do: accession or not."""
    out: dict[str, set[str]] = {"ratified": set(), "acceded": set()}
    for iso3, row in STATES.items():
        deposited = _day(row["deposited"])
        if deposited and since < deposited <= until and status(iso3, until) in ("party", "pending"):
            out["acceded" if row["instrument"] == "accession" else "ratified"].add(iso3)
    return out


def categories_2013() -> dict[str, list[str]]:
    data = tomllib.loads((SAMPLE_DATA / "categories-2013.toml").read_text(encoding="utf-8"))
    return {label: group["states"] for label, group in data["categories"].items()}


def campaigns_2011_2013() -> list[dict]:
    return tomllib.loads((SAMPLE_DATA / "universalisation-2011-2013.toml").read_text(encoding="utf-8"))["campaigns"]


# -- obligations


def bounds(text: str) -> tuple[date, date] | None:
    """The first and last day a date written 2010, 2023-06 or 2014-03-20 can stand for."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    day = date(*parts)
    return day, day


@dataclass
class Standing:
    completed: set[str]
    completed_since: set[str]
    current: set[str]
    overdue: set[str]
    undetermined: set[str]
    none_held: set[str]
    uncertain: set[str]
    not_yet_party: set[str]
    deadline_in_effect: dict[str, date | None]
    requested: set[str] = None  # a request before its meeting (Art. 3(3), 4(5))
    not_recorded: set[str] = None  # a request whose decision the file does not give

    @property
    def with_obligations(self) -> set[str]:
        return self.completed | self.current | self.undetermined


def deadline_in_effect(iso3: str, article: str, on: date) -> tuple[date | None, str]:
    """The deadline as of `on` and what stands on it, from obligation_extensions.csv.

    An extension counts from its grant date; else from the last day of the meeting that granted
    it; else from the deadline it extends. A request known by `on` (its date, else its meeting's
    first day) and not granted by then is "requested" until its meeting ends, then "not recorded".
    """
    row = next(r for r in OBLIGATIONS if r["iso3"] == iso3 and r["article"] == article)
    effective = _day(row["deadline"])
    state, unknown_date = "original", False
    for ext in sorted(
        (e for e in EXTENSIONS if e["iso3"] == iso3 and e["article"] == article), key=lambda e: int(e["number"])
    ):
        meeting = MEETINGS.get(ext["meeting"])
        end = date.fromisoformat(meeting["end"]) if meeting else None
        if ext["decision"] == "granted":
            granted = bounds(ext["granted"])
            applies = granted[1] if granted else end or effective
            if applies is not None and applies <= on:
                effective, state, unknown_date = _day(ext["extended_to"]), "extended", not ext["extended_to"]
                continue
        asked = bounds(ext["requested"])
        known = asked[1] if asked else (date.fromisoformat(meeting["start"]) if meeting else None)
        if known is None or known > on:
            continue
        state = "requested" if ext["decision"] in ("pending", "granted") or end is None or end >= on else "not recorded"
    if state == "extended" and unknown_date:
        state = "not recorded"
    return effective, state


def obligations(article: str, since: date, on: date) -> Standing:
    """Where each obligation stood on `on`, read as ccm documents it (docs/summaries)."""
    result = Standing(set(), set(), set(), set(), set(), set(), set(), set(), {}, set(), set())
    parties = states_parties(on)
    for row in OBLIGATIONS:
        if row["article"] != article:
            continue
        iso3 = row["iso3"]
        if iso3 not in parties:
            if status(iso3, on) != "withdrawn":
                result.not_yet_party.add(iso3)
            continue
        effective, state = deadline_in_effect(iso3, article, on)
        result.deadline_in_effect[iso3] = effective
        span = bounds(row["completed"])
        reopened = bounds(row.get("reopened", ""))
        if reopened and reopened[0] > on:
            span = bounds(row["first_completed"])  # still in its first period
        if row["status"] == "uncertain":
            result.uncertain.add(iso3)
        elif row["status"] == "no stockpile reported":
            result.none_held.add(iso3)
        elif span and span[1] <= on:
            result.completed.add(iso3)
            if span[0] > since:
                result.completed_since.add(iso3)
        elif span and span[0] > on:
            result.current.add(iso3)
        elif span:
            result.undetermined.add(iso3)
        elif row["status"] == "completed":
            (result.completed if STATUS_KNOWN_ON <= on else result.undetermined).add(iso3)
        else:
            result.current.add(iso3)
        if iso3 in result.current:
            if state == "requested":
                result.requested.add(iso3)
            elif state == "not recorded":
                result.not_recorded.add(iso3)
            elif effective and effective < on:
                result.overdue.add(iso3)
    return result


# -- Art. 7


def initial_report_due(iso3: str) -> date:
    return in_force(_day(STATES[iso3]["deposited"])) + timedelta(days=180)


def annual_reports_owed(covering_year: int, on: date) -> set[str]:
    """States Parties owing the annual update covering a year by `on`: its 30 April due date has
    passed, and their initial report fell due in that year or before."""
    if date(covering_year + 1, 4, 30) > on:
        return set()
    return {iso3 for iso3 in states_parties(on) if initial_report_due(iso3).year <= covering_year}
