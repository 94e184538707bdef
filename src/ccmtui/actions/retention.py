"""Art. 3(6)-(8): cluster munitions and explosive submunitions a State Party retains, year by year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.recording import _correct, _free, _source, _year
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import check_count, check_retention
from ccmtui.domain.words import capital, possessive

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


@dataclass
class RetentionInput:
    year: int
    munitions_retained: int | None = None
    submunitions_retained: int | None = None
    munitions_used: int | None = None
    submunitions_used: int | None = None
    purpose: str = ""
    source: str | None = None
    munitions_planned: int | None = None
    submunitions_planned: int | None = None
    planned_use: str = ""
    actual_use: str = ""


def add_retention(writer: Writer, state, given: RetentionInput, today: date | None = None) -> dict:
    """Art. 3(6)-(8): cluster munitions and submunitions a State Party retained in a year, and their use."""
    today = today or date.today()
    year = _year(given.year, today)
    check_retention(given.munitions_retained, given.munitions_used, "cluster munitions")
    check_retention(given.submunitions_retained, given.submunitions_used, "explosive submunitions")
    check_count(given.munitions_planned, "cluster munitions planned for use")
    check_count(given.submunitions_planned, "explosive submunitions planned for use")
    if given.munitions_retained is None and given.submunitions_retained is None:
        raise InputError("give the number retained (--munitions and/or --submunitions)")
    if not state.deposited or state.deposited > date(year, 12, 31):
        raise InputError(f"{state.name} was not a State Party in {year}; Art. 3(6) retention is a State Party's")
    if same := writer.rows(Q.retention_of_state, iso3=state.iso3, year=year):
        raise InputError(
            f"{capital(possessive(state.name, 'retention'))} for {year} is already recorded{_correct(same)}"
        )
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
            "munitions_planned": given.munitions_planned,
            "submunitions_planned": given.submunitions_planned,
            "planned_use": " ".join(given.planned_use.split()),
            "actual_use": " ".join(given.actual_use.split()),
            "purpose": " ".join(given.purpose.split()),
            "source": _source(given.source),
            "recorded_by": writer.by,
        },
    )
