"""Read queries on stockpile destruction practices (Art. 3(2))."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, select

from ccmtui.db.models import Practice, State
from ccmtui.db.queries import Q


def practices() -> Select:
    """Every practice with its state's name, by method, year and state (a small table: filtered in Python)."""
    return (
        select(
            Practice.uuid,
            Practice.iso3,
            State.name,
            Practice.method,
            Practice.year,
            Practice.cost_per_unit,
            Practice.currency,
            Practice.safety,
            Practice.environment,
            Practice.efficiency,
            Practice.notes,
            Practice.source,
            Practice.document,
            Practice.document_sha256,
            Practice.engagement_uuid,
            Practice.illustrative,
        )
        .join(State, State.iso3 == Practice.iso3)
        .order_by(Practice.method, Practice.year, State.name, Practice.uuid)
    )


QUERIES: dict[str, Callable[[], Select]] = {Q.practices: practices}
