"""`ccm reasons`, `ccm groupings`, `ccm momentum`, `ccm next`: where the next accession may come from, and why."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import app_context, console, print_json


def reasons(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """The reasons a state holds back (for --reason), the 2013 report's words, and the help that answers them."""
    from ccmtui.domain.reasons import vocabulary

    context = app_context(ctx)
    known = vocabulary(context.config.get("reasons"))
    if as_json:
        print_json([{"code": r.code, "meaning": r.meaning, "quote": r.quote, "help": r.help} for r in known.values()])
        return
    from rich import box
    from rich.table import Table

    table = Table(title="Reasons a state holds back", box=box.SIMPLE_HEAD, header_style="bold")
    table.add_column("Reason", no_wrap=True)
    table.add_column("Meaning", overflow="fold")
    table.add_column("Answered by", overflow="fold")
    for reason in known.values():
        table.add_row(reason.code, reason.meaning, reason.help or "—")
    out = console()
    out.print(table)
    out.print('Add your own in config.toml: [reasons] elections = "general elections ahead"', markup=False)


def groupings(
    ctx: typer.Context,
    grouping: Annotated[
        str | None, typer.Argument(metavar="[GROUPING]", help="A grouping's code or name: its members.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE|MEETING", help="Membership as it stood that day.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Political groupings and UN regional groups shipped with ccm, with their sources; or one grouping's members."""
    from ccmtui.reports.momentum import grouping_book

    context = app_context(ctx)
    book = grouping_book()
    register = context.register()
    day = register.resolve_day(as_of, "--as-of")
    if grouping is None:
        rows = [
            {
                "code": g.code,
                "name": g.name,
                "kind": g.kind,
                "members": len(book.members_on(g.code, day)),
                "source": g.source,
                "notes": g.notes,
            }
            for g in book.groupings.values()
        ]
        if as_json:
            print_json(rows)
            return
        from rich import box
        from rich.table import Table

        table = Table(title=f"Groupings as of {day.isoformat()}", box=box.SIMPLE_HEAD, header_style="bold")
        for heading in ("Code", "Name", "Members", "Notes"):
            table.add_column(heading, overflow="fold", no_wrap=heading in ("Code", "Members"))
        for row in rows:
            table.add_row(row["code"], row["name"], str(row["members"]), row["notes"])
        console().print(table)
        return
    chosen = book.resolve(grouping)
    names = {s.iso3: s.name for s in register.on(day)}
    members = sorted(book.members_on(chosen.code, day), key=lambda i: names.get(i, i))
    if as_json:
        print_json(
            {
                "code": chosen.code,
                "name": chosen.name,
                "as_of": day.isoformat(),
                "source": chosen.source,
                "notes": chosen.notes,
                "members": [{"iso3": i, "name": names.get(i, i)} for i in members],
                "changes": [
                    {
                        "iso3": m.iso3,
                        "joined": m.joined.isoformat() if m.joined else None,
                        "left": m.left.isoformat() if m.left else None,
                        "source": m.source,
                        "notes": m.notes,
                    }
                    for m in book.changes(chosen.code)
                ],
            }
        )
        return
    out = console()
    out.print(f"{chosen.name} ({chosen.code}) as of {day.isoformat()}: {len(members)} members", markup=False)
    out.print(", ".join(names.get(i, i) for i in members), markup=False, soft_wrap=True)
    for m in book.changes(chosen.code):
        what = f"joined {m.joined.isoformat()}" if m.joined else f"left {m.left.isoformat()}"
        out.print(f"  {names.get(m.iso3, m.iso3)}: {what}. {m.notes}", markup=False, soft_wrap=True)
    out.print(f"Source: {chosen.source}. {chosen.notes}", markup=False, soft_wrap=True)


def momentum(
    ctx: typer.Context,
    grouping: Annotated[
        list[str] | None,
        typer.Argument(metavar="[GROUPING]...", help="Only these groupings (or regions), with their holdouts."),
    ] = None,
    by: Annotated[str, typer.Option("--by", metavar="grouping|region", help="Political groupings or UN regions.")] = (
        "grouping"
    ),
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE|MEETING", help="The shares as they stood that day.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="MEETING|DATE", help="Compare with this day (default: the last meeting)."),
    ] = None,
    holdouts: Annotated[
        bool, typer.Option("--holdouts", help="List every group's holdouts (always when groups are named).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (with the holdouts).")] = False,
) -> None:
    """Share of each grouping or region that has joined, the change since a meeting, and the holdouts."""
    from ccmtui.domain.errors import one_of
    from ccmtui.reports.momentum import grouping_book
    from ccmtui.reports.momentum import momentum as build
    from ccmtui.reports.summary.common import resolve_period

    context = app_context(ctx)
    register = context.register()
    chosen_by = by.strip().lower()
    if chosen_by not in ("grouping", "region"):
        raise one_of("--by", by, ["grouping", "region"])
    period = resolve_period(register, as_of, since)
    only = None
    if grouping:
        if chosen_by == "region":
            regions = {s.region.casefold(): s.region for s in register.on(period.as_of)}
            only = []
            for text in grouping:
                if text.strip().casefold() not in regions:
                    raise one_of("region", text, sorted(regions.values()))
                only.append(regions[text.strip().casefold()])
        else:
            only = [grouping_book().resolve(text).code for text in grouping]
    report = build(
        register,
        as_of=period.as_of,
        since=period.since,
        since_label=period.since_label,
        by=chosen_by,
        only=only,
        holdouts=holdouts or bool(grouping) or as_json,
        extra_reasons=context.config.get("reasons"),
    )
    if as_json:
        print_json(report.as_json())
        return
    from ccmtui.reports.render_momentum import momentum_table

    out = console()
    out.print(momentum_table(report))
    if report.rows and any(row.holdouts for row in report.rows):
        from ccmtui.reports.render_momentum import holdout_tables

        for table in holdout_tables(report):
            out.print(table)


def next_(
    ctx: typer.Context,
    area: Annotated[
        str | None, typer.Option("--area", "-a", help="Count only engagements in this thematic area.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many states.")] = 15,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """States not yet party ranked by who to contact next, each with the reasons behind its score."""
    from datetime import date

    from ccmtui.config import category_max_age
    from ccmtui.domain.areas import parse_area
    from ccmtui.reports.next_contacts import rank_next

    context = app_context(ctx)
    chosen_area = parse_area(area) if area else None
    ranked = rank_next(
        context.register(),
        today=date.today(),
        config=context.config,
        area=chosen_area,
        limit=limit,
        max_age=category_max_age(context.config),
    )
    if as_json:
        print_json([c.as_json() for c in ranked])
        return
    from ccmtui.reports.render_momentum import next_table

    console().print(next_table(ranked, date.today()))
