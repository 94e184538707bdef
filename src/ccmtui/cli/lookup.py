"""Looking things up: `ccm engagements`, `ccm show`, `ccm history`, `ccm due`, `ccm search`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, console, print_json
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted
from ccmtui.db.queries import Q

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
    from ccmtui.actions.journal import parse_actors
    from ccmtui.db.ids import resolve_id
    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.engagements import parse_kind
    from ccmtui.domain.errors import InputError
    from ccmtui.reports.engagements import EngagementFilter, iter_engagements, list_engagements

    context = app_context(ctx)
    register = context.register()
    reader = context.reader()
    chosen = EngagementFilter(
        state=register.index.resolve(state) if state else None,
        actor=parse_actors(register.index, [by], register.organisations, strict=False)[0] if by else None,
        campaign=resolve_id(reader, Q.campaign_ids, campaign, "campaign") if campaign else None,
        area=parse_area(area) if area else None,
        kind=parse_kind(kind) if kind else None,
        since=register.resolve_day(since, "--since") if since else None,
        until=register.resolve_day(until, "--until", end=True) if until else None,
        limit=None if all_ else limit,
    )
    if chosen.since and chosen.until and chosen.since > chosen.until:
        raise InputError(f"--since {chosen.since} is after --until {chosen.until}")
    filtered = any((state, area, kind, by, campaign, since, until))
    if (all_ or as_jsonl) and not (plain or format_ or output):
        from ccmtui.cli._stream import stream_json, stream_text

        found = iter_engagements(reader, chosen)
        if as_json or as_jsonl:
            stream_json(found, lambda line: line.as_json(), lines=as_jsonl)
            return
        if not stream_text(found, line=_engagement_line, table=lambda few: _engagement_table(few, "")):
            _no_engagements(filtered)
        return
    if wanted(as_json, format_, output):
        # Every row (--all) is written as it is read.
        found = iter_engagements(reader, chosen) if all_ else list_engagements(reader, chosen)
        emit((line.as_json() for line in found), as_json, format_, output, "engagements", redact=redact)
        return
    lines = list_engagements(reader, chosen)
    if not lines:
        _no_engagements(filtered)
        return
    more = "" if len(lines) < limit else ", newest first; --all for more"
    console().print(_engagement_table(lines, more))


def _no_engagements(filtered: bool) -> None:
    typer.echo(
        "No engagement matches these filters."
        if filtered
        else 'No engagements logged yet. Log one with `ccm log meeting STATE -m "what was said" -a AREA`.'
    )


def _engagement_line(line) -> tuple[str, ...]:
    """One engagement's fields as a plain line has them: date, id, kind, states, by, summary, follow-up."""
    kind = line.kind + (" (planned)" if line.planned else "")
    follow_up = line.follow_up_on.isoformat() if line.follow_up_on else ""
    fields = (line.occurred_on.isoformat(), line.uuid, kind, ",".join(line.states), ",".join(line.actors))
    return (*fields, line.summary, follow_up)


def _engagement_table(lines: list, more: str):
    from rich import box
    from rich.table import Table

    wide = console().width >= 110
    table = Table(title=f"Engagements ({len(lines)}{more})", header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("Id", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", max_width=12)
    table.add_column("States", max_width=16 if wide else 11)
    if wide:
        table.add_column("By", max_width=12)
    table.add_column("Summary", min_width=24, ratio=1)
    if wide:
        table.add_column("Follow-up", no_wrap=True)
    for line in lines:
        states = ", ".join(line.states[:6]) + (f" +{len(line.states) - 6}" if len(line.states) > 6 else "")
        kind = line.kind_label if wide else line.kind
        cells = [line.uuid[:8], line.occurred_on.isoformat(), kind + (" (planned)" if line.planned else ""), states]
        if wide:
            cells.append(", ".join(line.actors))
        cells.append(line.summary + ("" if wide or not line.follow_up_on else f" (follow up {line.follow_up_on})"))
        if wide:
            cells.append(line.follow_up_on.isoformat() if line.follow_up_on else "")
        table.add_row(*cells)
    return table


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
    from datetime import date

    from ccmtui.reports.history import counterparts, help_on_offer, iter_state_history, vote_events

    context = app_context(ctx)
    record = context.register().resolve(state)
    extra = context.config.get("reasons")
    reader = context.reader()
    votes = vote_events(reader, record.iso3)

    def timeline():
        yield from iter_state_history(
            reader, record, None if all_ else limit, redact=redact, extra_reasons=extra, votes=votes
        )
        # Last: the help on offer for the reasons that hold it back now.
        yield from help_on_offer(reader, record, date.today(), extra)
        # And whom to talk to: its people, and the people and organisations met.
        yield from counterparts(reader, record, date.today(), redact=redact)

    if (as_jsonl or (as_json and all_)) and not (plain or format_ or output):
        from ccmtui.cli._stream import stream_json

        stream_json(timeline(), lambda entry: entry.as_json(), lines=as_jsonl)
        return
    if wanted(as_json, format_, output):
        emit([entry.as_json() for entry in timeline()], as_json, format_, output, "history", redact=redact)
        return
    title = f"{record.name} ({record.iso3}) — history"
    caption = None
    if not votes:
        caption = "General Assembly votes: none recorded (per-state votes are not shipped: ccm votes import)."
    if all_:
        from ccmtui.cli._stream import stream_text

        # Printed as it is read.
        stream_text(
            timeline(),
            line=lambda entry: (entry.on.isoformat(), entry.kind, entry.what, entry.ref or ""),
            table=lambda few: _history_table(few, title, caption),
        )
        return
    entries = list(timeline())
    shown = sum(1 for entry in entries if entry.kind == "engagement")
    more = "" if shown < limit else f" (the {limit} most recent engagements; --all for every one)"
    console().print(_history_table(entries, title + more, caption))


def _history_table(entries: list, title: str, caption: str | None = None):
    from rich import box
    from rich.table import Table

    table = Table(title=title, caption=caption, header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("Date", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("What", overflow="fold", min_width=30, ratio=1)
    table.add_column("Id", no_wrap=True)
    from rich.text import Text

    style = {
        "treaty": "green",
        "category": "magenta",
        "engagement": "default",
        "attachment": "blue",
        "reply": "cyan",
        "vote": "blue",
        "offer": "yellow",
        "counterpart": "bright_blue",
    }
    for entry in entries:
        table.add_row(
            entry.on.isoformat(), Text(entry.kind, style=style[entry.kind]), entry.what, (entry.ref or "")[:8]
        )
    return table


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
    from datetime import date

    from ccmtui.domain.dates import parse_date
    from ccmtui.reports.due import due as build_due

    context = app_context(ctx)
    today = parse_date(as_of, "--as-of") if as_of else date.today()
    result = build_due(context.reader(), context.register(), today, days, within)
    if format_ or output:  # one sheet: a row per item, its section first
        sections = {k: v for k, v in result.as_json().items() if isinstance(v, list)}
        emit(
            [{"section": k, **item} for k, items in sections.items() for item in items],
            as_json,
            format_,
            output,
            "due",
            redact=redact,
        )
        return
    if as_json or plain:
        print_json(result.as_json())
        return
    out = console()
    out.print(f"[bold]Overdue follow-ups[/] ({len(result.overdue_follow_ups)})", markup=True)
    for line in result.overdue_follow_ups:
        out.print(
            f"  {line.follow_up_on} {line.uuid[:8]} {', '.join(line.states[:5])}: {line.summary}",
            markup=False,
            soft_wrap=True,
        )
    if result.upcoming_follow_ups:
        out.print(f"[bold]Follow-ups in the next 14 days[/] ({len(result.upcoming_follow_ups)})", markup=True)
        for line in result.upcoming_follow_ups:
            out.print(
                f"  {line.follow_up_on} {line.uuid[:8]} {', '.join(line.states[:5])}: {line.summary}",
                markup=False,
                soft_wrap=True,
            )
    out.print(f"[bold]Replies pending more than {days} days[/] ({len(result.pending_replies)})", markup=True)
    for r in result.pending_replies:
        waited = (result.today - r.occurred_on).days
        out.print(f"  {r.name} ({r.iso3}), {waited} days: {r.engagement_summary}", markup=False, soft_wrap=True)
    _print_obligation_deadlines(out, result, within)
    out.print(f"[bold]Treaty deadlines in the next {within} days[/] ({len(result.deadlines)})", markup=True)
    for d in result.deadlines:
        out.print(f"  {d.on} {d.what} ({d.article})", markup=False, soft_wrap=True)


def _print_obligation_deadlines(out, result, within: int) -> None:
    """Art. 3 and 4: passed and not met, under a request, request windows, ahead."""
    sections = (
        ("overdue", "Treaty deadlines passed and not met", lambda ln: f"{ln.days} days since"),
        ("not recorded", "Extension requested, decision not recorded", lambda ln: ""),
        ("requested", "Extension requested, before the meeting", lambda ln: ""),
        ("window", f"Extension-request windows closing in the next {within} days", lambda ln: f"in {ln.days} days"),
        ("ahead", f"Art. 3 and 4 deadlines in the next {within} days", lambda ln: f"in {ln.days} days"),
    )
    for kind, title, when in sections:
        lines = result.obligations_of(kind)
        if not lines and kind not in ("overdue", "window"):
            continue
        out.print(f"[bold]{title}[/] ({len(lines)})", markup=True)
        for line in lines:
            extra = when(line)
            day = "" if kind == "not recorded" and not line.days else f"{line.on} "
            out.print(
                f"  {day}{line.name} ({line.iso3}): {line.what}{f', {extra}' if extra else ''}",
                markup=False,
                soft_wrap=True,
            )


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
