"""The summaries drawn with rich for the terminal: figures, bars, sparklines and a deadline timeline."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ccmtui.domain.areas import AREAS
from ccmtui.reports import charts
from ccmtui.reports.render_obligations import (
    cooperation,
    national_measures,
    obligations,
    transparency,
    victim_assistance,
)
from ccmtui.reports.render_parts import (
    SHOWN,
    _chart,
    _earlier,
    _figures,
    _heading,
    _names,
    _percent,
    _width,
)
from ccmtui.reports.summary import (
    Overview,
    UniversalizationSummary,
)


def _title(summary) -> Group:
    period = summary.period
    since = period.since_label + (f" ({period.since.isoformat()})" if period.since_meeting else "")
    name = AREAS.get(summary.area, "All thematic areas")
    return Group(
        Text.assemble((name, "bold"), f" — as of {period.as_of.isoformat()}, changes since {since}"),
        Rule(style="dim"),
    )


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
    held = summary.category_moves_in_period
    moves_count = len(summary.category_moves) if held is None else held
    parts.append(_heading(f"Category changes since {label}: {moves_count}"))
    if summary.category_moves:
        # One line per move; the rationale in full is in --json.
        # Redacted (--redact), no move has a rationale: the column goes.
        reasoned = summary.category_moves_reasoned
        if reasoned is None:
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
        parts += _earlier(moves_count, "category changes")
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
        held = summary.campaigns_in_period
        parts += _earlier(len(summary.campaigns) if held is None else held, "campaigns")
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
