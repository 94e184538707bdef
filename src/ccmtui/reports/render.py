"""Rich renderings of the reports for the terminal."""

from __future__ import annotations

from datetime import date

from rich import box
from rich.table import Table
from rich.text import Text

from ccmtui.domain.treaty import Status
from ccmtui.reports.register import StateStatus, status_counts

STATUS_STYLE = {
    Status.PARTY: "green",
    Status.PENDING: "cyan",
    Status.SIGNATORY: "yellow",
    Status.NON_SIGNATORY: "default",
    Status.WITHDRAWN: "red",
}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def register_table(rows: list[StateStatus], as_of: date, width: int = 120) -> Table:
    """The register; on a narrow terminal the region column gives way to the dates."""
    counts = status_counts(rows)
    parties, pending = counts[Status.PARTY], counts[Status.PENDING]
    summary = (
        f"{plural(parties + pending, 'State Party', 'States Parties')} ({parties} in force, {pending} pending) · "
        f"{plural(counts[Status.SIGNATORY], 'signatory', 'signatories')} · "
        f"{plural(counts[Status.NON_SIGNATORY], 'non-signatory', 'non-signatories')}"
    )
    if counts[Status.WITHDRAWN]:
        summary += f" · {counts[Status.WITHDRAWN]} withdrawn"
    table = Table(
        title=f"Register as of {as_of.isoformat()} — {plural(len(rows), 'state')}",
        caption=summary,
        box=box.SIMPLE_HEAD,
        header_style="bold",
    )
    wide, roomy = width >= 100, width >= 90
    table.add_column("State", min_width=14, overflow="fold")
    table.add_column("ISO3", no_wrap=True)
    if wide:
        table.add_column("Region", no_wrap=True)
    for heading in ("Status", "Signed", "Deposited", "In force") if roomy else ("Status", "Deposited", "In force"):
        table.add_column(heading, no_wrap=True)
    table.add_column("Cat.", justify="center", no_wrap=True)
    for state in rows:
        cells = [state.name, state.iso3]
        if wide:
            cells.append(state.region)
        cells.append(Text(state.status.value, style=STATUS_STYLE[state.status]))
        if roomy:
            cells.append(_day(state.signed))
        cells += [
            _day(state.deposited),
            _day(state.entry_into_force),
            state.category or "",
        ]
        table.add_row(*cells)
    return table
