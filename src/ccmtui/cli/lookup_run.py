"""What `ccm engagements`, `ccm history` and `ccm due` do with their options.

Typer's commands (`ccmtui.cli.lookup`) and the lean start (`ccmtui.cli.lean`) both run them: they
need no command-line parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccmtui.cli._context import AppContext, console, echo, print_json, wanted

if TYPE_CHECKING:
    from pathlib import Path


def engagements(
    context: AppContext,
    state: str | None = None,
    area: str | None = None,
    kind: str | None = None,
    by: str | None = None,
    campaign: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    all_: bool = False,
    as_json: bool = False,
    as_jsonl: bool = False,
    plain: bool = False,
    format_: str | None = None,
    output: Path | None = None,
    redact: bool = False,
) -> None:
    """The engagements chosen, as the options ask (`ccm engagements --help` says what each does)."""
    from ccmtui.actions.journal import parse_actors
    from ccmtui.db.ids import resolve_id
    from ccmtui.db.queries import Q
    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.engagements import parse_kind
    from ccmtui.domain.errors import InputError
    from ccmtui.reports.engagements import EngagementFilter, iter_engagements, list_engagements

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
        from ccmtui.cli._tables import emit

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
    echo(
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


def history(
    context: AppContext,
    state: str,
    limit: int = 200,
    all_: bool = False,
    as_json: bool = False,
    as_jsonl: bool = False,
    plain: bool = False,
    format_: str | None = None,
    output: Path | None = None,
    redact: bool = False,
) -> None:
    """One state's timeline, as the options ask (`ccm history --help` says what each does)."""
    from datetime import date

    from ccmtui.reports.history import counterparts, help_on_offer, iter_state_history, vote_events

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
        from ccmtui.cli._tables import emit

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
    context: AppContext,
    days: int = 60,
    within: int = 90,
    as_of: str | None = None,
    as_json: bool = False,
    plain: bool = False,
    format_: str | None = None,
    output: Path | None = None,
    redact: bool = False,
) -> None:
    """What needs attention as of a day, as the options ask (`ccm due --help` says what each does)."""
    from datetime import date

    from ccmtui.domain.dates import parse_date
    from ccmtui.reports.due import due as build_due

    today = parse_date(as_of, "--as-of") if as_of else date.today()
    result = build_due(context.reader(), context.register(), today, days, within)
    if format_ or output:  # one sheet: a row per item, its section first
        from ccmtui.cli._tables import emit

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
