"""The summaries of the treaty's obligations drawn for the terminal: stockpile destruction and
retention (Art. 3), clearance (Art. 4), victim assistance (Art. 5), cooperation (Art. 6),
transparency (Art. 7) and national implementation measures (Art. 9)."""

from __future__ import annotations

from datetime import date

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ccmtui.domain.obligations import MEASURE_STATUSES
from ccmtui.reports import charts
from ccmtui.reports.render_parts import _chart, _figures, _heading, _names, _percent, _width
from ccmtui.reports.summary import (
    CooperationSummary,
    NationalMeasuresSummary,
    ObligationsSummary,
    StockpileSummary,
    TransparencySummary,
    VictimAssistanceSummary,
)


def _obligation_table(lines, today: date, title: str) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, header_style="bold", title_justify="left")
    for heading in ("State", "In force", "Deadline", "Extension", ""):
        table.add_column(heading, no_wrap=heading not in ("State", "Extension", ""))
    for line in lines:
        extension = ""
        if line.extended:
            extension = f"from {line.deadline.isoformat()}"
        if line.extension_requested:
            asked = f" to {line.extension_requested_to.isoformat()}" if line.extension_requested_to else ""
            extension = ", ".join(filter(None, [extension, f"requested {line.extension_requested}{asked}"]))
        elif line.deadline_status in ("decision not recorded", "extended, new deadline not recorded"):
            extension = ", ".join(filter(None, [extension, line.deadline_note]))
        flag = Text(f"overdue ({line.days_overdue} days)", style="bold red") if line.overdue else Text("")
        table.add_row(
            line.name,
            line.entry_into_force.isoformat() if line.entry_into_force else "",
            line.deadline_in_effect.isoformat() if line.deadline_in_effect else "",
            extension,
            flag,
        )
    return table


def obligations(summary: ObligationsSummary, width: int) -> list[RenderableType]:
    label = summary.period.since_label
    today = summary.period.as_of
    parts: list[RenderableType] = [_figures(summary)]
    parts += [
        _heading(f"Completed since {label}: {len(summary.completed_in_period)}"),
        _names(summary.completed_in_period, lambda line: f"{line.name} ({line.completed})"),
    ]
    if summary.completed_in_period_undetermined:
        parts.append(
            _names(
                summary.completed_in_period_undetermined,
                lambda line: f"{line.name} ({line.completed})",
                label="Completed around the start of the period (date too coarse to tell)",
            )
        )
    earlier = [line for line in summary.completed if line.completed_in_period is False]
    if earlier:
        parts += [
            _heading(f"Completed by {label}: {len(earlier)}"),
            _names(earlier, lambda line: f"{line.name} ({line.completed or 'date not recorded'})"),
        ]
    if summary.current:
        parts.append(Text(""))
        parts.append(_obligation_table(summary.current, today, f"Current obligations: {len(summary.current)}"))
        spans = [
            charts.Span(
                line.iso3,
                line.entry_into_force,
                line.deadline,
                line.deadline_in_effect if line.extended else None,
            )
            for line in summary.current
        ]
        parts += [_chart(charts.timeline(spans, today, _width(width, 8) + 10)), Text(charts.LEGEND, style="dim")]
    by_year = summary.completions_by_year()
    if by_year:
        parts += [
            _heading("Completions per year (dated ones)"),
            _chart(charts.bar_lines([(str(year), count) for year, count in by_year], _width(width)), "green"),
        ]
    if summary.undetermined:
        parts += [
            _heading(f"Completed, date not recorded: {len(summary.undetermined)}"),
            Text(
                "The record says these were completed by the day their status was last known, "
                "without the date; they are counted neither as completed nor as current.",
                style="dim",
            ),
            _names(summary.undetermined),
        ]
    if summary.none_held:
        parts += [_heading("Reported holding no stockpile"), _names(summary.none_held)]
    if summary.uncertain:
        parts += [_heading("Status uncertain (see the source)"), _names(summary.uncertain)]
    if summary.not_yet_party:
        parts += [
            _heading(f"Not yet party on {today.isoformat()}, with an obligation recorded"),
            _names(summary.not_yet_party, lambda line: f"{line.name} ({line.status})"),
        ]
    if isinstance(summary, StockpileSummary):
        parts += retention(summary)
    return parts


def retention(summary: StockpileSummary) -> list[RenderableType]:
    heading = f"Retention under Art. 3(6)-(8): {len(summary.retaining)} States Parties retaining"
    if summary.retaining_none:
        heading += f", {len(summary.retaining_none)} with latest figures of none"
    parts: list[RenderableType] = [_heading(heading)]
    if not summary.retention:
        parts.append(
            Text("No retention figures recorded for a year before the day (ccm retention add …).", style="dim")
        )
        return parts
    table = Table(box=box.SIMPLE_HEAD, header_style="bold")
    for heading in ("State", "Year", "Munitions", "Used", "Submunitions", "Used", "Purpose"):
        table.add_column(heading, justify="right" if heading not in ("State", "Purpose") else "left")

    def count(value, retained):
        if not retained:
            return ""  # nothing kept, no use to report (Art. 3(8))
        return Text("not reported", style="yellow") if value is None else f"{value:,}"

    for line in summary.retention:
        table.add_row(
            line.name,
            str(line.year),
            "" if line.munitions_retained is None else f"{line.munitions_retained:,}",
            count(line.munitions_used, line.munitions_retained),
            "" if line.submunitions_retained is None else f"{line.submunitions_retained:,}",
            count(line.submunitions_used, line.submunitions_retained),
            line.purpose,
        )
    parts.append(table)
    if len(summary.retained_by_year) > 1:
        parts.append(
            Text.assemble(
                ("Submunitions retained, all States Parties, per year ", "dim"),
                (charts.sparkline([n for _, n in summary.retained_by_year]), "cyan"),
                (f"  {summary.retained_by_year[0][0]}–{summary.retained_by_year[-1][0]}", "dim"),
            )
        )
    parts.append(_names(summary.use_not_reported, label="Use not reported"))
    return parts


def victim_assistance(summary: VictimAssistanceSummary, width: int) -> list[RenderableType]:
    parts: list[RenderableType] = [_figures(summary)]
    if not summary.recorded:
        parts.append(
            Text("\nNo Art. 5 obligations are recorded (ccm obligation add STATE --article 5 --source …).", style="dim")
        )
        return parts + _engagement_chart(summary, width, "Victim assistance")
    parts += [
        _heading(f"States Parties: {len(summary.states_parties)}"),
        _names(summary.states_parties),
        _heading(f"Signatories: {len(summary.signatories)}"),
        _names(summary.signatories),
    ]
    if summary.others:
        parts += [_heading("States not party nor signatory"), _names(summary.others)]
    regions: dict[str, int] = {}
    for ref in summary.states_parties + summary.signatories:
        regions[ref.region] = regions.get(ref.region, 0) + 1
    parts += [_heading("By region"), _chart(charts.bar_lines(sorted(regions.items()), _width(width)))]
    return parts + _engagement_chart(summary, width, "Victim assistance")


def _engagement_chart(summary, width: int, area: str) -> list[RenderableType]:
    if not summary.engagements.total:
        return []
    return [
        _heading(f"{area} engagements since {summary.period.since_label}, by kind"),
        _chart(charts.bar_lines(sorted(summary.engagements.by_kind.items()), _width(width))),
    ]


def cooperation(summary: CooperationSummary, width: int) -> list[RenderableType]:
    parts: list[RenderableType] = [_figures(summary)]
    if not summary.recorded:
        parts.append(
            Text("\nNo reports of needing or providing assistance are recorded (ccm cooperation add …).", style="dim")
        )
    else:
        parts += [
            _heading("States Parties reporting a need"),
            _names(summary.in_need),
            _heading("Reporting providing assistance"),
            _names(summary.providing_states_parties + summary.providing_signatories),
        ]
    parts += [
        _heading("States Parties with obligations that may call for assistance (Art. 6)"),
        _names(summary.with_obligations),
    ]
    parts += _coalitions(summary)
    return parts + _engagement_chart(summary, width, "Cooperation")


def _coalitions(summary: CooperationSummary) -> list[RenderableType]:
    """The country coalitions' board in lines, and the needs no one answers."""
    from ccmtui.domain.coalitions import money

    parts: list[RenderableType] = []
    if not summary.coalitions:
        parts.append(Text("\nNo country coalitions are recorded (ccm coalition new …).", style="dim"))
    lines = []
    for line in summary.coalitions:
        needed = money(line.needed) or "amounts not known"
        lead = ", ".join(line.lead_donors) or "no lead donor"
        mark = " (illustrative in part)" if line.illustrative else ""
        lines.append(
            f"{line.state}: lead {lead}; {len(line.partners)} partners; {line.open_needs} open needs ({needed}); "
            f"funding {money(line.funded) or 'not known'}{mark}"
        )
    if lines:
        parts += [_heading("Country coalitions"), Text("\n".join(lines))]
    if summary.needs_without_offer:
        parts += [
            _heading("Needs without an offer (ccm cooperation match)"),
            Text("\n".join(f"{n.state}: {n.details} ({n.where})" for n in summary.needs_without_offer)),
        ]
    return parts


def transparency(summary: TransparencySummary, width: int) -> list[RenderableType]:
    parts: list[RenderableType] = [_figures(summary)]
    if not summary.recorded:
        parts.append(
            Text(
                "\nNo Art. 7 reports are recorded (ccm transparency add …): the deadlines above follow from the "
                "Convention; submissions are not known.",
                style="dim",
            )
        )
        not_due = summary.initial_not_yet_due
        if not_due:
            parts += [
                _heading("Initial reports not yet due"),
                _names(not_due, lambda r: f"{r.name} (due {r.due.isoformat()})"),
            ]
        return parts
    parts += [
        _heading(f"Initial reports overdue: {len(summary.initial_overdue)}"),
        _names(summary.initial_overdue, lambda r: f"{r.name} (due {r.due.isoformat()})"),
        _heading(f"Initial reports not yet due: {len(summary.initial_not_yet_due)}"),
        _names(summary.initial_not_yet_due, lambda r: f"{r.name} (due {r.due.isoformat()})"),
    ]
    latest = summary.latest_round
    if latest:
        parts += [
            _heading(f"Annual reports covering {latest.year} (due {latest.due.isoformat()})"),
            _chart(
                charts.bar_lines(
                    [("on time", len(latest.on_time)), ("late", len(latest.late)), ("missing", len(latest.missing))],
                    _width(width),
                )
            ),
            _names(latest.missing, label="Missing"),
            _names(latest.late, label="Late"),
        ]
    if len(summary.rounds) > 1:
        parts.append(_heading("Share of annual reports on time, per year covered"))
        rates = [len(r.on_time) / r.owed if r.owed else 0 for r in summary.rounds]
        parts.append(
            Text.assemble(
                (f"{summary.rounds[0].year} ", "dim"),
                (charts.sparkline(rates), "green"),
                (f" {summary.rounds[-1].year}", "dim"),
                f"   {_percent(rates[0])} → {_percent(rates[-1])}",
            )
        )
    return parts


def national_measures(summary: NationalMeasuresSummary, width: int) -> list[RenderableType]:
    parts: list[RenderableType] = [_figures(summary)]
    if not summary.recorded:
        parts.append(Text("\nNo Art. 9 measures are recorded (ccm measures add …).", style="dim"))
        return parts
    counts = summary.by_status()
    labels = {**MEASURE_STATUSES, "no record": "nothing recorded"}
    parts += [
        _heading("States Parties by latest status"),
        _chart(charts.bar_lines([(labels[k], v) for k, v in counts.items()], _width(width, 40))),
        _heading(f"Adopted since {summary.period.since_label}"),
        _names(summary.adopted_in_period, lambda line: f"{line.name} ({line.dated})"),
    ]
    for status in ("in-progress", "existing-law", "none"):
        lines = summary.with_status(status)
        if lines:
            parts.append(_names(lines, label=f"{MEASURE_STATUSES[status].capitalize()}"))
    return parts
