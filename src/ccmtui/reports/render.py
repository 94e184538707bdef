"""Rich renderings of the reports for the terminal."""

from __future__ import annotations

from datetime import date

from rich import box
from rich.table import Table
from rich.text import Text

from ccmtui.domain.treaty import Status
from ccmtui.domain.words import plural
from ccmtui.reports.register import StateStatus, status_counts

STATUS_STYLE = {
    Status.PARTY: "green",
    Status.PENDING: "cyan",
    Status.SIGNATORY: "yellow",
    Status.NON_SIGNATORY: "default",
    Status.WITHDRAWN: "red",
}


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def register_table(
    rows: list[StateStatus],
    as_of: date,
    width: int = 120,
    max_age: int | None = None,
    reasons: dict[str, tuple[str, ...]] | None = None,
) -> Table:
    """The register; on a narrow terminal the region column gives way to the dates. A category
    assessed more than `max_age` months before `as_of` is marked stale (*). `reasons`, the
    assessed states' reasons, make a last column on a terminal of 100 columns or more."""
    from ccmtui.domain.categories import DEFAULT_MAX_AGE_MONTHS, is_stale

    months = max_age or DEFAULT_MAX_AGE_MONTHS
    counts = status_counts(rows)
    parties, pending = counts[Status.PARTY], counts[Status.PENDING]
    summary = (
        f"{plural(parties + pending, 'State Party', 'States Parties')} ({parties} in force, {pending} pending) · "
        f"{plural(counts[Status.SIGNATORY], 'signatory', 'signatories')} · "
        f"{plural(counts[Status.NON_SIGNATORY], 'non-signatory', 'non-signatories')}"
    )
    if counts[Status.WITHDRAWN]:
        summary += f" · {counts[Status.WITHDRAWN]} withdrawn"
    stale = sum(1 for state in rows if is_stale(state.category_since, as_of, months))
    if stale:
        summary += f"\n* stale: {plural(stale, 'category', 'categories')} assessed more than {months} months before (ccm status --stale)"
    table = Table(
        title=f"Register as of {as_of.isoformat()} — {plural(len(rows), 'state')}",
        caption=summary,
        box=box.SIMPLE_HEAD,
        header_style="bold",
    )
    wide, roomy, narrow, tiny = width >= 120, width >= 100, width < 72, width < 58
    # Ever narrower, the name, then the dates but the category's give way; the code always stays.
    table.pad_edge, table.collapse_padding = not tiny, tiny
    if not tiny:
        table.add_column("State", min_width=14, overflow="fold")
    table.add_column("ISO3", no_wrap=True)
    if wide:
        table.add_column("Region", no_wrap=True)
    # Narrow, the Since column takes the place of In force (six months after the deposit, Art. 17).
    headings = (
        ("Status", "Signed", "Deposited", "In force") if roomy else ("Status",) if narrow else ("Status", "Deposited")
    )
    for heading in headings:
        table.add_column(heading, no_wrap=True)
    table.add_column("Cat.", justify="center", no_wrap=True)
    table.add_column("Since", no_wrap=True)
    held = {s.iso3: " ".join(reasons.get(s.iso3, ())) for s in rows if s.category} if reasons and roomy else {}
    if any(held.values()):
        table.add_column("Reasons", overflow="fold", min_width=20)
    else:
        held = {}
    for state in rows:
        cells = [state.iso3] if tiny else [state.name, state.iso3]
        if wide:
            cells.append(state.region)
        cells.append(Text(state.status.value, style=STATUS_STYLE[state.status]))
        if roomy:
            cells.append(_day(state.signed))
        if not narrow:
            cells.append(_day(state.deposited))
        if roomy:
            cells.append(_day(state.entry_into_force))
        cells += [
            state.category or "",
            Text(_day(state.category_since) + "*", style="yellow")
            if is_stale(state.category_since, as_of, months)
            else _day(state.category_since),
        ]
        if held:
            cells.append(held.get(state.iso3, ""))
        table.add_row(*cells)
    return table


MILESTONE_STYLE = {"planned": "default", "in-progress": "cyan", "done": "green", "slipped": "yellow", "dropped": "dim"}


def milestone_table(lines, title: str, *, with_plan: bool = True) -> Table:
    """Milestones with their due date, status (overdue in red) and slips."""
    table = Table(title=title, box=box.SIMPLE_HEAD, header_style="bold", expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Due", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Milestone", ratio=4, min_width=24)
    if with_plan:
        table.add_column("Work plan", ratio=1, min_width=12)
    table.add_column("Points", no_wrap=True)
    for m in lines:
        status = Text(m.status_label, style="red" if m.overdue else MILESTONE_STYLE[m.status])
        title_cell = Text(m.title)
        for s in m.slips:
            title_cell.append(f"\n{s.phrase}" + (f": {s.reason}" if s.reason else ""), style="dim")
        plan = [m.work_plan] if with_plan else []
        table.add_row(m.id[:8], m.due.label, status, title_cell, *plan, " ".join(m.action_points))
    return table


def work_plan_view(detail, lines):
    """A work plan whole, in the order of the CCM work-plan template."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.rule import Rule

    from ccmtui.domain.areas import AREAS

    plan = detail.plan
    parts: list = [
        Text(plan["title"], style="bold"),
        Text(
            f"{AREAS[plan['area']]} · {detail.period} ({plan['starts_on']} to {plan['ends_on']}) · "
            f"coordinators: {', '.join(detail.names('coordinator')) or 'none named'} · id {plan['uuid'][:8]}",
            style="dim",
        ),
    ]

    def section(heading: str, body) -> None:
        if not body:
            return
        parts.append(Rule(heading, align="left", style="dim"))
        if isinstance(body, list):
            body = "\n".join(f"• {item}" for item in body)
        parts.append(Padding(Text(body), (0, 0, 0, 2)))

    section("Background", plan["background"])
    section("Objectives", detail.listed("objective"))
    section("Strategy", plan["strategy"])
    section("States the strategy focuses on", detail.names("focus"))
    section("Expected outputs", plan["expected_outputs"])
    if lines:
        parts.append(Rule("Timeline", align="left", style="dim"))
        parts.append(milestone_table(lines, "", with_plan=False))
    section("Estimated budget", plan["estimated_budget"])
    section("Implementers", detail.listed("implementer"))
    section("Potential implementing partners", detail.listed("partner"))
    section("Source", plan["source"])
    return Group(*parts)
