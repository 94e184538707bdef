"""Art. 6: international cooperation and assistance a state reported needing or providing, year by year."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.recording import _correct, _free, _source, _year
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


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
