"""Looking things up: `ccm engagements`, `ccm show`, `ccm history`, `ccm due`, `ccm search`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, console, print_json
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact

if TYPE_CHECKING:
    from ccmtui.db.read import Reader


def engagements(
    ctx: typer.Context,
    state: Annotated[str | None, typer.Option("--state", help="With this state.")] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="In this thematic area.")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="demarche, meeting, letter, note-verbale, call…")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="Acting party: a state or an organisation.")] = None,
    campaign: Annotated[str | None, typer.Option("--campaign", metavar="ID", help="Sent in this campaign.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE|MEETING", help="On or after this day.")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE|MEETING", help="On or before this day.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many, newest first.")] = 50,
    all_: Annotated[
        bool, typer.Option("--all", help="No limit: printed as read, a plain line each beyond a screenful.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print JSON Lines: one object a line, as read.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """List engagements, newest first, filtered by state, area, kind, acting party, campaign or period."""
    options = {name: value for name, value in locals().items() if name != "ctx"}
    from ccmtui.cli.lookup_run import engagements as run

    run(app_context(ctx), **options)


def _met(reader: Reader, uuid: str) -> list[str]:
    """The people (by name) and organisations (by code) an engagement was with."""
    from ccmtui.reports.counterparts import counterpart_labels

    return counterpart_labels(reader, [uuid]).get(uuid, [])


def show_engagement(ctx: typer.Context, engagement: str, as_json: bool = False) -> None:
    """One engagement in full: states, acting parties, notes, action points, replies (`ccm show`)."""
    from ccmtui.db.ids import resolve_engagement
    from ccmtui.domain.areas import AREAS
    from ccmtui.domain.engagements import CHANNELS
    from ccmtui.reports.engagements import engagement_detail

    reader = app_context(ctx).reader()
    detail = engagement_detail(reader, resolve_engagement(reader, engagement))
    line = detail.line
    if as_json:
        print_json(
            {
                **line.as_json(),
                "notes": detail.notes,
                "action_points": detail.action_points,
                "campaign": detail.campaign[0] if detail.campaign else None,
                "with": _met(reader, line.uuid),
                "attachments": [{"id": a.uuid, "filename": a.filename, "size": a.size} for a in detail.attachments],
                "replies": [
                    {
                        "iso3": r.iso3,
                        "status": r.status,
                        "received": r.received_on.isoformat() if r.received_on else None,
                        "stance": r.stance,
                        "supports_category": r.supports_category,
                        "summary": r.summary,
                    }
                    for r in detail.replies
                ],
            }
        )
        return
    out = console()
    planned = " (planned)" if line.planned else ""
    out.print(f"[bold]{line.kind_label}[/] {line.uuid}{planned}", markup=True)
    out.print(f"Date: {line.occurred_on.isoformat()} · {AREAS[line.area]} · {CHANNELS[line.channel]}")
    out.print(f"With: {', '.join(line.states)}")
    if line.actors:
        out.print(f"By: {', '.join(line.actors)}")
    met = _met(reader, line.uuid)
    if met:
        out.print(f"Met: {', '.join(met)}", markup=False, soft_wrap=True)
    if detail.campaign:
        out.print(f"Campaign: {detail.campaign[1]} ({detail.campaign[0][:8]})")
    out.print(f"Summary: {line.summary}", markup=False, soft_wrap=True)
    if detail.notes:
        out.print(f"Notes: {detail.notes}", markup=False, soft_wrap=True)
    if detail.action_points:
        out.print(f"Action points: {', '.join(detail.action_points)}")
    if line.follow_up_on:
        out.print(f"Follow up: {line.follow_up_on.isoformat()}")
    if line.recorded_by:
        out.print(f"Recorded by: {line.recorded_by}", markup=False, soft_wrap=True)
    if line.illustrative:
        out.print("[dim]Illustrative record (sample data).[/]", markup=True)
    for attachment in detail.attachments:
        out.print(
            f"Attached: {attachment.filename} ({attachment.size:,} bytes), id {attachment.uuid[:8]}",
            markup=False,
            soft_wrap=True,
        )
    replied = [r for r in detail.replies if r.status != "pending"]
    if detail.replies:
        out.print(f"Replies: {len(replied)} of {len(detail.replies)}")
        for r in replied:
            out.print(
                f"  {r.name}: {r.status} {r.received_on or ''} {r.stance or ''} {r.summary} ({r.uuid[:8]})",
                markup=False,
                soft_wrap=True,
            )


def history(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many of the most recent engagements.")] = 200,
    all_: Annotated[
        bool, typer.Option("--all", help="Every engagement, however many: a plain line each beyond a screenful.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print JSON Lines: one object a line.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """One state's timeline: treaty events, engagements, replies, categories and General Assembly votes."""
    options = {name: value for name, value in locals().items() if name != "ctx"}
    from ccmtui.cli.lookup_run import history as run

    run(app_context(ctx), **options)


def due(
    ctx: typer.Context,
    days: Annotated[int, typer.Option("--days", min=1, help="Replies pending longer than this many days.")] = 60,
    within: Annotated[int, typer.Option("--within", min=1, help="Treaty deadlines in the next N days.")] = 90,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="The day to look from (default: today).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """What needs attention: overdue follow-ups, replies long pending, treaty deadlines passed and
    coming up, and the windows for extension requests (Art. 3(4), 4(6))."""
    options = {name: value for name, value in locals().items() if name != "ctx"}
    from ccmtui.cli.lookup_run import due as run

    run(app_context(ctx), **options)


def search(
    ctx: typer.Context,
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words that must all appear.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many matches at most.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """Full-text search over engagement summaries and notes (the best matches among the 1,000 most
    recently recorded) and over stockpile destruction practices."""
    from ccmtui.domain.practices import METHODS
    from ccmtui.reports.engagements import search as run_search
    from ccmtui.reports.practices import search_practices

    reader = app_context(ctx).reader()
    hits = run_search(reader, " ".join(text), limit)
    practices = search_practices(reader, " ".join(text), limit)
    if as_json or plain:
        print_json(
            [
                {
                    "id": h.uuid,
                    "date": h.occurred_on.isoformat(),
                    "kind": h.kind,
                    "area": h.area,
                    "summary": h.summary,
                    "excerpt": h.excerpt,
                }
                for h in hits
            ]
            + [
                {
                    "id": p.uuid,
                    "date": None,
                    "kind": "practice",
                    "area": "stockpile-destruction",
                    "summary": f"{p.name}: {METHODS[p.method]}" + (f" ({p.year})" if p.year else ""),
                    "excerpt": " ".join(filter(None, (p.safety, p.environment, p.efficiency))),
                }
                for p in practices
            ]
        )
        return
    out = console()
    found = len(hits) + len(practices)
    out.print(f"{found} match{'es' * (found != 1)}")
    for h in hits:
        out.print(f"{h.occurred_on} {h.uuid[:8]} [{h.kind}] {h.summary}", markup=False, highlight=False)
        if h.excerpt and h.excerpt != h.summary:
            out.print(f"    {h.excerpt}", markup=False, highlight=False)
    for p in practices:
        when = f" ({p.year})" if p.year else ""
        out.print(f"{p.uuid[:8]} [practice] {p.name}: {METHODS[p.method]}{when}", markup=False, highlight=False)
