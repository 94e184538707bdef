"""Art. 9: the national implementation measures a state reports (or that it has none or needs none)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.recording import _correct, _free, _not_future, _source
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


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
