"""Rich tables for `ccm momentum` and `ccm next`."""

from __future__ import annotations

from datetime import date

from rich import box
from rich.table import Table
from rich.text import Text

from ccmtui.reports.momentum import MomentumReport
from ccmtui.reports.next_contacts import Candidate


def bar(share: float, width: int = 10) -> str:
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def momentum_table(report: MomentumReport) -> Table:
    heading = "Grouping" if report.by == "grouping" else "Region"
    table = Table(
        title=f"Momentum by {report.by} as of {report.as_of.isoformat()} (change since {report.since_label})",
        caption="Joined: States Parties, those not yet in force included (Art. 17). Membership as on each day.",
        box=box.SIMPLE_HEAD,
        header_style="bold",
    )
    table.add_column(heading, overflow="fold", min_width=10)
    table.add_column("Joined", justify="right", no_wrap=True)
    table.add_column("Share", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    table.add_column("Newly joined", overflow="fold")
    for row in sorted(report.rows, key=lambda r: (-r.share, r.code)):
        change = f"{row.change:+.1f} pts"
        table.add_row(
            row.code if report.by == "grouping" else row.name,
            f"{row.joined}/{row.members}",
            f"{row.share:.0%}",
            bar(row.share),
            Text(change, style="green" if row.change > 0 else "red" if row.change < 0 else ""),
            ", ".join(row.newly_joined) or "—",
        )
    return table


def holdout_tables(report: MomentumReport) -> list[Table]:
    tables = []
    for row in report.rows:
        if not row.holdouts:
            continue
        table = Table(title=f"{row.name}: {len(row.holdouts)} not yet joined", box=box.SIMPLE_HEAD, header_style="bold")
        table.add_column("State", overflow="fold", min_width=10)
        table.add_column("Status", overflow="fold")
        for column in ("Cat.", "Since"):
            table.add_column(column, no_wrap=True)
        table.add_column("Reasons", overflow="fold", ratio=1, min_width=8)
        table.add_column("Last contact", min_width=10)
        table.add_column("UNGA vote", no_wrap=True)
        for h in row.holdouts:
            table.add_row(
                h.name,
                h.status,
                h.category or "—",
                h.category_since.isoformat() if h.category_since else "—",
                " ".join(h.reasons) or "—",
                h.last_contact.isoformat() if h.last_contact else "never",
                h.unga_vote.short() if h.unga_vote else "—",
            )
        if not any(h.unga_vote for h in row.holdouts):
            table.caption = "UNGA vote: none recorded (per-state votes are not shipped; ccm votes import)."
        tables.append(table)
    return tables


def next_table(ranked: list[Candidate], today: date) -> Table:
    table = Table(
        title=f"Who to contact next, as of {today.isoformat()}",
        caption="Weights: config.toml [next] (docs/universalization.md).",
        box=box.SIMPLE_HEAD,
        header_style="bold",
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("State", overflow="fold", min_width=12)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Because", overflow="fold", ratio=1)
    for c in ranked:
        because = "\n".join(f"+{points:.1f} {why}" for points, why in c.because)
        table.add_row(str(c.rank), f"{c.name}\n{c.status}", f"{c.score:.1f}", because)
    return table
