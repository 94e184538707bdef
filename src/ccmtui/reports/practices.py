"""Stockpile destruction practices (Art. 3(2)) to list, search and share: records, and a document as blocks.

The table is small (a practice a state and a method), so filtering and searching are done here, on
every row: by method, by state, and by words in any of the texts, accent- and case-insensitively.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.practices import METHODS
from ccmtui.domain.states import normalize

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.blocks import Block

SILENT = "the public record is silent"
TEXTS = ("name", "safety", "environment", "efficiency", "notes", "source", "document")


def practices(reader: Reader, method: str | None = None, iso3: str | None = None) -> list:
    """The practices, by method, year and state; only a method's or a state's when given."""
    return [
        row
        for row in reader.rows(Q.practices)
        if (method is None or row.method == method) and (iso3 is None or row.iso3 == iso3)
    ]


def search_practices(reader: Reader, text: str, limit: int = 50) -> list:
    """The practices whose texts hold every word (as a word's beginning), most recent first."""
    words = [normalize(word) for word in text.split() if normalize(word)]
    found = []
    for row in reader.rows(Q.practices):
        haystack = normalize(" ".join([METHODS[row.method], *(str(getattr(row, t) or "") for t in TEXTS)]))
        tokens = haystack.replace("/", " ").replace("(", " ").replace(")", " ").split()
        if words and all(any(token.startswith(word) for token in tokens) for word in words):
            found.append(row)
    found.sort(key=lambda row: (-(row.year or 0), row.name))
    return found[:limit]


def cost(row) -> str:
    if row.cost_per_unit is None:
        return ""
    return f"{row.cost_per_unit:,.2f} {row.currency}".strip()


def record(row, redact: bool = False) -> dict:
    """A practice as a listing's record (JSON, CSV, XLSX); redacted, without its notes."""
    found = {
        "id": row.uuid,
        "iso3": row.iso3,
        "name": row.name,
        "method": row.method,
        "year": row.year,
        "cost_per_unit": row.cost_per_unit,
        "currency": row.currency,
        "safety": row.safety,
        "environment": row.environment,
        "efficiency": row.efficiency,
        "notes": row.notes,
        "source": row.source or "",
        "document": row.document or "",
        "engagement": row.engagement_uuid or "",
        "illustrative": bool(row.illustrative),
    }
    if redact:
        del found["notes"]
    return found


def practices_document(rows: list, redact: bool = False, title: str = "Stockpile destruction practices") -> list[Block]:
    """The practices to share, grouped by method: what each cost, how safe, clean and efficient it was."""
    from ccmtui.reports.blocks import Bullets, Heading, Paragraph, Table

    blocks: list[Block] = [
        Heading(title, 0),
        Paragraph(
            "How States Parties destroyed their stockpiled cluster munitions (Article 3(2) of the Convention; "
            "Action 16 of the Lausanne Action Plan), with the cost per unit, safety measures, environmental "
            f"impact and efficiency where the record gives them ('{SILENT}' where it does not)."
        ),
    ]
    if not rows:
        blocks.append(Paragraph("No practice recorded."))
        return blocks
    by_method: dict[str, list] = {}
    for row in rows:
        by_method.setdefault(row.method, []).append(row)
    blocks.append(
        Table(
            ("Method", "State", "Year", "Cost per unit", "Source"),
            [
                (METHODS[r.method], r.name, str(r.year or ""), cost(r) or SILENT, r.source or r.document or "")
                for r in rows
            ],
            numeric=(2, 3),
        )
    )
    for method, group in by_method.items():
        blocks.append(Heading(METHODS[method][:1].upper() + METHODS[method][1:], 1))
        for r in group:
            when = f", {r.year}" if r.year else ""
            blocks.append(Heading(f"{r.name}{when}" + (" (illustrative)" if r.illustrative else ""), 2))
            items = [
                f"Cost per unit: {cost(r) or SILENT}",
                f"Safety measures: {r.safety or SILENT}",
                f"Environmental impact: {r.environment or SILENT}",
                f"Efficiency: {r.efficiency or SILENT}",
                f"Source: {r.source or SILENT}" + (f" (document: {r.document})" if r.document else ""),
            ]
            if r.notes and not redact:
                items.append(f"Notes: {r.notes}")
            blocks.append(Bullets(items))
    return blocks
