"""The working document on cluster munitions retained under Art. 3(6), written once as blocks (blocks.py).

Art. 3(6) lets a State Party retain or acquire a limited number of cluster munitions and explosive
submunitions for developing and training in detection, clearance or destruction techniques and for
counter-measures; Art. 3(8) asks it to report their planned and actual use, type, quantity and lot
numbers. Action 17 of the Lausanne Action Plan asks for an annual review of the numbers retained.
Every figure carries the number of its source, listed at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.reports.blocks import Block, Bullets, Heading, Paragraph, Table

if TYPE_CHECKING:
    from ccmtui.reports.register import Register
    from ccmtui.reports.summary.common import Period

TITLE = "Working document: cluster munitions retained under Article 3(6)"
SILENT = "not reported"


@dataclass(frozen=True)
class RetentionDocument:
    title: str
    period: Period
    blocks: list[Block]
    retaining: list[str]  # the names of the States Parties retaining on the day
    unreported: list[str]  # those among them with no use reported in the period


def _count(value: int | None) -> str:
    return SILENT if value is None else f"{value:,}"


def _change(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return ""
    return f"{after - before:+,}" if after != before else "0"


class _Sources:
    """Each distinct source once, numbered in the order first cited."""

    def __init__(self):
        self.numbers: dict[str, int] = {}

    def cite(self, source: str | None) -> str:
        text = " ".join((source or "").split()) or "the public record gives no source"
        number = self.numbers.setdefault(text, len(self.numbers) + 1)
        return f"[{number}]"

    def listing(self) -> list[str]:
        return [f"[{n}] {text}" for text, n in self.numbers.items()]


def _used(row) -> bool:
    """Art. 3(8): a use is reported when a number used or the uses made are recorded."""
    return row.munitions_used is not None or row.submunitions_used is not None or bool(row.actual_use)


def build_retention_document(
    register: Register, as_of: date | str | None = None, since: date | str | None = None
) -> RetentionDocument:
    """The working document as of a day, on the figures for the years from `since` (default: all)."""
    from ccmtui.reports.summary.common import resolve_period

    period = resolve_period(register, as_of, since if since is not None else treaty.OPENED_FOR_SIGNATURE)
    first, last = period.since.year, period.as_of.year
    known = sorted((r for r in register.reader.rows(Q.retention) if r.year <= last), key=lambda r: (r.name, r.year))
    rows = [r for r in known if r.year >= first]
    by_state: dict[str, list] = {}
    for row in rows:
        by_state.setdefault(row.iso3, []).append(row)
    sources = _Sources()
    blocks: list[Block] = [
        Heading(TITLE, 0),
        Paragraph(
            f"As of {period.as_of.isoformat()}, on the figures for {first}–{last}. Article 3(6) of the Convention "
            "permits the retention or acquisition of a limited number of cluster munitions and explosive "
            "submunitions for the development of and training in detection, clearance or destruction "
            "techniques, and for counter-measures; Article 3(8) asks each State Party retaining them to report "
            "their planned and actual use. Action 17 of the Lausanne Action Plan asks for an annual review "
            "of the number retained. Numbers in brackets refer to the sources listed at the end."
        ),
    ]

    # 1. Who retains: each state's latest figures on the day, however old (Art. 3(6)).
    latest = {r.iso3: r for r in known}
    retaining = [r for r in latest.values() if (r.munitions_retained or 0) + (r.submunitions_retained or 0) > 0]
    blocks.append(Heading("1. States Parties retaining cluster munitions (Article 3(6))", 1))
    if retaining:
        blocks.append(
            Table(
                ("State Party", "Latest year", "Cluster munitions", "Explosive submunitions", "Purpose", "Source"),
                [
                    (
                        r.name,
                        str(r.year),
                        _count(r.munitions_retained),
                        _count(r.submunitions_retained),
                        r.purpose or SILENT,
                        sources.cite(r.source),
                    )
                    for r in retaining
                ],
                numeric=(1, 2, 3),
            )
        )
    else:
        blocks.append(Paragraph(f"No State Party is recorded as retaining cluster munitions on {period.as_of}."))
    stopped = [r for r in latest.values() if r not in retaining]
    if stopped:
        blocks.append(
            Bullets(
                [f"{r.name}: none retained in {r.year} {sources.cite(r.source)}" for r in stopped],
                intro="Recorded as retaining none in their latest figures:",
            )
        )

    # 2. Quantities by year, with the change from the state's previous figures.
    blocks.append(Heading("2. Quantities retained by year", 1))
    table_rows = []
    for states in by_state.values():
        previous = None
        for r in states:
            table_rows.append(
                (r.name, str(r.year), _count(r.munitions_retained),
                 _change(previous.munitions_retained, r.munitions_retained) if previous else "",
                 _count(r.submunitions_retained),
                 _change(previous.submunitions_retained, r.submunitions_retained) if previous else "",
                 sources.cite(r.source))
            )  # fmt: skip
            previous = r
    if table_rows:
        blocks.append(
            Table(
                ("State Party", "Year", "Cluster munitions", "Change", "Submunitions", "Change", "Source"),
                table_rows,
                numeric=(1, 2, 3, 4, 5),
            )
        )
    else:
        blocks.append(Paragraph(f"No retention figures are recorded for {first}–{last}."))

    # 3. Planned and actual use (Art. 3(8)).
    blocks.append(Heading("3. Planned and actual use (Article 3(8))", 1))
    use_rows = [
        (r.name, str(r.year),
         _count(r.munitions_planned) + " / " + _count(r.submunitions_planned),
         _count(r.munitions_used) + " / " + _count(r.submunitions_used),
         r.planned_use or SILENT, r.actual_use or SILENT, sources.cite(r.source))
        for states in by_state.values() for r in states
        if r.munitions_retained or r.submunitions_retained
    ]  # fmt: skip
    if use_rows:
        blocks.append(
            Paragraph(
                "Numbers are cluster munitions / explosive submunitions; 'not reported' where the record is silent."
            )
        )
        blocks.append(
            Table(
                ("State Party", "Year", "Planned", "Used", "Planned use", "Actual use", "Source"),
                use_rows,
                numeric=(1,),
            )
        )
    else:
        blocks.append(Paragraph("No retained stock, so no use to report."))

    # 4. The trend: first and latest figures of each state retaining in the period.
    blocks.append(Heading("4. Trend", 1))
    trend = []
    for states in by_state.values():
        head, tail = states[0], states[-1]
        if head is tail:
            trend.append(f"{tail.name}: one year of figures ({tail.year}), no trend yet.")
            continue
        parts = []
        for what, a, b in (
            ("cluster munitions", head.munitions_retained, tail.munitions_retained),
            ("submunitions", head.submunitions_retained, tail.submunitions_retained),
        ):
            if a is not None and b is not None:
                parts.append(f"{what} {a:,} → {b:,} ({_change(a, b)})")
        trend.append(f"{tail.name}, {head.year}–{tail.year}: " + ("; ".join(parts) or "figures not comparable") + ".")
    totals: dict[int, list[int]] = {}
    for row in rows:
        total = totals.setdefault(row.year, [0, 0])
        total[0] += row.munitions_retained or 0
        total[1] += row.submunitions_retained or 0
    blocks.append(Bullets(trend) if trend else Paragraph("No figures, no trend."))
    if totals:
        blocks.append(
            Table(
                ("Year", "Cluster munitions (states reporting)", "Submunitions (states reporting)"),
                [(str(y), f"{m:,}", f"{s:,}") for y, (m, s) in sorted(totals.items())],
                numeric=(0, 1, 2),
            )
        )
        blocks.append(
            Paragraph(
                "Totals add the figures of the states that reported for that year only; a year without a "
                "state's figures does not mean it retained none.",
                italic=True,
            )
        )

    # 5. Who has not reported use (Art. 3(8), Lausanne Action Plan action 17).
    unreported = [r for r in retaining if not any(_used(x) for x in by_state.get(r.iso3, []))]
    blocks.append(Heading("5. States Parties that have not reported use", 1))
    if unreported:
        blocks.append(
            Bullets(
                [
                    f"{r.name}: retains {_count(r.munitions_retained)} cluster munitions and "
                    f"{_count(r.submunitions_retained)} submunitions (figures for {r.year}); "
                    f"no use reported for {first}–{last}"
                    for r in unreported
                ],
                intro="Retaining, with no planned or actual use on record for the period (Article 3(8)):",
            )
        )
    else:
        blocks.append(Paragraph("Every State Party retaining has a use on record for the period."))

    blocks.append(Heading("Sources", 1))
    blocks.append(Bullets(sources.listing()) if sources.numbers else Paragraph("No figures cited."))
    return RetentionDocument(TITLE, period, blocks, [r.name for r in retaining], [r.name for r in unreported])
