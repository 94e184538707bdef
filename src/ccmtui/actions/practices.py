"""Stockpile destruction practices (Art. 3(2); Lausanne Action Plan action 16): added, edited, deleted.

The fields parse as an edit parses them (`record_fields`), so a practice is checked the same way
whether it is added or corrected; editing and deleting go through `ccm edit` and `ccm delete`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written
from ccmtui.db.ids import short
from ccmtui.domain.errors import InputError
from ccmtui.domain.practices import METHODS

if TYPE_CHECKING:
    from ccmtui.reports.register import Register


@dataclass
class PracticeInput:
    """A practice as typed: every value raw text, as the command line and the form give it."""

    state: str
    method: str
    year: str | None = None
    cost: str | None = None
    currency: str | None = None
    safety: str = ""
    environment: str = ""
    efficiency: str = ""
    notes: str = ""
    source: str | None = None
    engagement: str | None = None
    document: str | None = None


def check_practice(fields: Fields, values: dict) -> None:
    """A cost is in a currency, and a currency is a cost's; a practice says where it comes from."""
    if values.get("cost_per_unit") is not None and not values.get("currency"):
        fields.fail("currency", "give the cost's currency (--currency EUR, USD…)")
    if values.get("currency") and values.get("cost_per_unit") is None:
        fields.fail("cost", "a currency was given without a cost per unit (--cost)")
    if not values.get("source") and not values.get("document"):
        fields.fail("source", "say where this practice comes from (--source), e.g. 'Art. 7 report 2015, Form B'")


def add_practice(register: Register, writing, given: PracticeInput, today: datetime.date | None = None) -> Written:
    """Record how a state destroyed cluster munitions, checked field by field before anything is written."""
    from ccmtui.actions.record_fields import _state, fields_of

    today = today or datetime.date.today()
    fields = Fields()
    iso3 = fields("state", lambda: _state(register, given.state, today))
    raw = {
        "method": given.method,
        "year": given.year,
        "cost": given.cost,
        "currency": given.currency,
        "safety": given.safety,
        "environment": given.environment,
        "efficiency": given.efficiency,
        "notes": given.notes,
        "source": given.source,
        "engagement": given.engagement,
    }
    values: dict = {}
    for spec in fields_of("practices"):
        values[spec.column] = fields(spec.name, lambda spec=spec: spec.parse(register, raw[spec.name], today))
    content = None
    if given.document:
        from ccmtui.actions.attachments import read_attachment
        from ccmtui.domain.filenames import safe_filename

        path = Path(given.document)
        content = fields("document", lambda: read_attachment(path))
        values["document"] = safe_filename(path.name) if content is not None else None
    check_practice(fields, values)
    fields.check()
    if iso3 is None:  # pragma: no cover - a failed state is in fields.errors
        raise InputError("name the state")
    name = register.index.name(iso3)
    with writing(f"practice {name} {values['method']}") as writer:
        if content is not None:
            from ccmtui.actions.attachments import store_blob

            values["document_sha256"] = store_blob(writer, content)
        row = writer.insert("practices", {"iso3": iso3, **values, "illustrative": False, "recorded_by": writer.by})
    when = f" ({row['year']})" if row["year"] else ""
    return Written(row, f"Practice {short(row['uuid'])}: {name}, {METHODS[row['method']]}{when} recorded.")
