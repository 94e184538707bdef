"""What recording any of a state's Convention records shares: a source, a year, an id from its content.

Each recording function checks everything before it writes, so a refused record leaves the
database untouched; every write goes through the Writer and can be undone. A record's
id derives from what it is about (the state and article, year or kind), so two
coordinators recording the same fact make the same record, and a sync merges them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.domain import treaty
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError

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
