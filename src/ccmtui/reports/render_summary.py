"""The summaries drawn with rich for the terminal: figures, bars, sparklines and a deadline timeline."""

from __future__ import annotations

from datetime import date

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ccmtui.domain.areas import AREAS
from ccmtui.domain.obligations import MEASURE_STATUSES
from ccmtui.reports import charts
from ccmtui.reports.summary import (
    CooperationSummary,
    NationalMeasuresSummary,
    ObligationsSummary,
    Overview,
    StockpileSummary,
    TransparencySummary,
    UniversalizationSummary,
    VictimAssistanceSummary,
)

NOT_RECORDED = Text("not recorded", style="dim")


def _title(summary) -> Group:
    period = summary.period
    since = period.since_label + (f" ({period.since.isoformat()})" if period.since_meeting else "")
    name = AREAS.get(summary.area, "All thematic areas")
    return Group(
        Text.assemble((name, "bold"), f" — as of {period.as_of.isoformat()}, changes since {since}"),
        Rule(style="dim"),
    )


def _figures(summary) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("Figure")
    table.add_column("Value", justify="right")
    for label, value in summary.figures():
        table.add_row(label, NOT_RECORDED if value is None else Text(f"{value:,}", style="bold"))
    return table


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold")


class NameList:
    """States as a paragraph, wrapped between names only, so no name is split across lines."""

    def __init__(self, names: list[str], label: str = ""):
        self.names = names
        self.label = label

    def __rich_console__(self, console, options):
        if not self.names:
            yield Text.assemble((self.label, "bold"), ("none", "dim"))
            return
        width = options.max_width
        line = Text(self.label, style="bold")
        last = len(self.names) - 1
        for index, name in enumerate(self.names):
            piece = name + ("," if index < last else "")
            if line.cell_len and line.cell_len + 1 + len(piece) > width and line.plain.strip() != self.label.strip():
                yield line
                line = Text(piece)
            else:
                line.append((" " if line.cell_len and not line.plain.endswith(" ") else "") + piece)
        yield line


def _names(items, describe=lambda item: item.name, label: str = "") -> NameList:
    return NameList([describe(item) for item in items], f"{label}: " if label else "")


def _chart(lines: list[str], style: str = "cyan") -> Text:
    text = Text()
    for line in lines:
        text.append(line + "\n", style=style)
    text.rstrip()
    return text


def _width(width: int, reserve: int = 30) -> int:
    return max(10, min(50, width - reserve))


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


# -- per area


# The latest rows of a long period a terminal shows (category changes, campaigns); --json has every one.
SHOWN = 40


def universalization(summary: UniversalizationSummary, width: int) -> list[RenderableType]:
    label = summary.period.since_label
    parts: list[RenderableType] = [_figures(summary)]
    years = summary.states_parties_by_year
    if years:
        parts += [
            _heading("States Parties at each year's end"),
            Text.assemble(
                (f"{years[0][0]} ", "dim"),
                (charts.sparkline([count for _, count in years]), "green"),
                (f" {years[-1][0]}", "dim"),
                f"   {years[0][1]} → {years[-1][1]}",
            ),
        ]
    parts.append(_heading(f"Joined since {label}: {len(summary.joined)}"))
    if summary.joined:
        parts.append(_chart(charts.bar_lines(list(summary.joined_by_region.items()), _width(width)), "green"))
        parts.append(_names(summary.ratified, lambda j: f"{j.name} ({j.deposited.isoformat()})", label="Ratified"))
        parts.append(_names(summary.acceded, lambda j: f"{j.name} ({j.deposited.isoformat()})", label="Acceded"))
    if summary.withdrawals:
        parts.append(
            _names(summary.withdrawals, lambda w: f"{w.name} (effective {w.effective.isoformat()})", label="Withdrawn")
        )
    parts += [
        _heading(f"Signatories yet to ratify: {len(summary.signatories_yet_to_ratify)}"),
        _names(summary.signatories_yet_to_ratify),
    ]
    assessed = {k: v for k, v in summary.signatories_by_category.items() if v and k != "unassessed"}
    if assessed:
        parts.append(
            Text(
                "assessed: "
                + ", ".join(f"Category {k} {len(v)}" for k, v in assessed.items())
                + f", not assessed {len(summary.signatories_by_category['unassessed'])}",
                style="dim",
            )
        )
    categories = summary.non_signatories_by_category
    parts += [
        _heading(f"Non-signatories by category: {sum(len(v) for v in categories.values())}"),
        _chart(
            charts.bar_lines(
                [(f"Category {k}" if k != "unassessed" else "unassessed", len(v)) for k, v in categories.items()],
                _width(width),
            ),
            "yellow",
        ),
    ]
    for key in ("I", "II", "III"):
        if categories[key]:
            parts.append(_names(categories[key], label=f"Category {key}"))
    if summary.category_ii_by_reason:
        parts.append(
            Text(
                "Category II held back by: "
                + ", ".join(f"{reason} {count}" for reason, count in summary.category_ii_by_reason.items()),
                style="dim",
            )
        )
    if summary.stale_categories:
        oldest = min(s.since for s in summary.stale_categories)
        parts.append(
            Text(
                f"stale: {len(summary.stale_categories)} of the categories were assessed more than "
                f"{summary.category_max_age} months before (the oldest on {oldest.isoformat()}); "
                "re-assess them (ccm status --stale)",
                style="yellow",
            )
        )
    parts.append(_heading(f"Category changes since {label}: {len(summary.category_moves)}"))
    if summary.category_moves:
        # One line per move; the rationale in full is in --json.
        # Redacted (--redact), no move has a rationale: the column goes.
        reasoned = any(move.rationale for move in summary.category_moves)
        moves = Table(box=box.SIMPLE_HEAD, header_style="bold", expand=reasoned)
        for heading in ("State", "From", "To", "Date"):
            moves.add_column(heading, no_wrap=True, max_width=24 if heading == "State" else None)
        if reasoned:
            moves.add_column("Rationale", no_wrap=True, overflow="ellipsis", ratio=1)
        for move in summary.category_moves[-SHOWN:]:
            cells = [move.name, move.previous or "–", move.category, move.assessed_on.isoformat()]
            moves.add_row(*cells, *([move.rationale] if reasoned else []))
        parts.append(moves)
        parts += _earlier(len(summary.category_moves), "category changes")
    else:
        parts.append(Text("No category assessed in the period (ccm classify STATE II -r …).", style="dim"))
    tally = summary.demarches
    parts.append(_heading(f"Démarches since {label}: {tally.demarches}"))
    if tally.demarches:
        parts.append(
            Text(
                f"to {tally.states_reached} states · replies: {tally.replied} replied, {tally.pending} pending, "
                f"{tally.no_reply} no reply · reply rate {_percent(tally.reply_rate)}"
            )
        )
        if len(tally.by_month) > 1:
            parts.append(
                Text.assemble(
                    ("per month ", "dim"),
                    (charts.sparkline([count for _, count in tally.by_month]), "magenta"),
                    (f"  {tally.by_month[0][0]} … {tally.by_month[-1][0]}", "dim"),
                )
            )
    else:
        parts.append(Text("No universalization démarches logged in the period (ccm log demarche …).", style="dim"))
    if summary.campaigns:
        table = Table(
            title=f"Campaigns since {label}",
            box=box.SIMPLE_HEAD,
            header_style="bold",
            title_justify="left",
            expand=True,
        )
        for heading in ("Date", "Campaign", "Targets", "Replied", "Pending", "No reply", "Rate"):
            if heading == "Campaign":
                table.add_column(heading, ratio=1, min_width=20)
            else:
                table.add_column(heading, justify="left" if heading == "Date" else "right", no_wrap=True)
        for c in summary.campaigns[-SHOWN:]:
            table.add_row(
                c.occurred_on.isoformat(),
                c.title,
                str(c.targets),
                str(c.replied),
                str(c.pending),
                str(c.no_reply),
                _percent(c.reply_rate),
            )
        parts.append(table)
        parts += _earlier(len(summary.campaigns), "campaigns")
    return parts


def _earlier(count: int, what: str) -> list[RenderableType]:
    """The line saying how many of a long period's rows the terminal leaves out (the earliest)."""
    if count <= SHOWN:
        return []
    return [Text(f"… and {count - SHOWN:,} earlier {what} (every one: --json)", style="dim")]


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


RENDERERS = {
    "universalization": universalization,
    "stockpile-destruction": obligations,
    "clearance": obligations,
    "victim-assistance": victim_assistance,
    "cooperation": cooperation,
    "transparency": transparency,
    "national-implementation": national_measures,
}


def render(summary, width: int = 100) -> RenderableType:
    """The whole summary (or the overview) as one rich renderable."""
    if isinstance(summary, Overview):
        parts: list[RenderableType] = [_title(summary)]
        for area, item in summary.summaries.items():
            parts += [Text(""), Text(AREAS[area], style="bold underline"), _figures(item)]
            if area == "universalization" and item.states_parties_by_year:
                parts.append(
                    Text.assemble(
                        ("States Parties per year ", "dim"),
                        (charts.sparkline([n for _, n in item.states_parties_by_year]), "green"),
                    )
                )
        parts.append(Text("\nccm summary AREA shows an area in full.", style="dim"))
        return Group(*parts)
    return Group(_title(summary), *RENDERERS[summary.area](summary, width), *_actions(summary))


def _actions(summary) -> list[RenderableType]:
    """The area's actions of the action plan in force: States Parties concerned, and those that have done each."""
    if not summary.actions:
        return []
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for heading in ("Action", "Concerned", "Done", "States Parties that have done it"):
        table.add_column(heading, overflow="fold", justify="right" if heading in ("Concerned", "Done") else "left")
    for tally in summary.actions:
        table.add_row(
            tally.code, str(len(tally.concerned)), str(len(tally.done)), ", ".join(s.name for s in tally.done) or "—"
        )
    from ccmtui.domain.action_plan import ACTION_PLANS, plan_of

    plan = ACTION_PLANS[plan_of(summary.actions[0].code)]
    return [_heading(f"The {plan}: values up to {summary.period.as_of.year} (ccm actionplan show ACTION)"), table]
