"""`ccm org` and `ccm person`: the organisations and the people a coordinator works with."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, say
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted

org_app = typer.Typer(
    help="Organisations: the ISU, the ICRC, the ICBL-CMC, UN bodies, operators, regional bodies, your own.",
    no_args_is_help=True,
)
person_app = typer.Typer(
    help="People: at a state (Geneva mission or capital) or an organisation; met in engagements (`ccm log --with`).",
    no_args_is_help=True,
)

Json = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
Helps = Annotated[
    list[str] | None,
    typer.Option(
        "--helps",
        help="A kind of help it offers (repeatable): clearance, risk-education, victim-assistance, "
        "stockpile-destruction, legal-drafting, reporting.",
    ),
]
Aliases = Annotated[list[str] | None, typer.Option("--alias", help="Another name people write for it (repeatable).")]
Kind = Annotated[
    str | None,
    typer.Option(
        "--kind", help="convention, humanitarian, un, mine-action, operator, civil-society, regional or other."
    ),
]
Source = Annotated[str | None, typer.Option("--source", help="Where its description comes from: a page or a document.")]
Notes = Annotated[str | None, typer.Option("--notes", help="Free notes (left out of redacted outputs).")]
Role = Annotated[str | None, typer.Option("--role", help="Their position: 'Deputy Permanent Representative'.")]
StateOpt = Annotated[str | None, typer.Option("--state", help="The state they work for (ISO3 code or name).")]
OrgOpt = Annotated[str | None, typer.Option("--org", help="The organisation they work for (code or name).")]
Where = Annotated[
    str | None,
    typer.Option("--where", metavar="geneva|capital", help="A state's person: its Geneva mission or capital."),
]
Email = Annotated[str | None, typer.Option("--email", help="E-mail address.")]
Phone = Annotated[str | None, typer.Option("--phone", help="Phone number.")]


def _table(title: str, headings: tuple[str, ...], rows: list[tuple], keep: int = 1, caption: str | None = None) -> None:
    """A listing whose first `keep` columns never wrap (codes, ids); the others fold to fit."""
    from rich import box
    from rich.table import Table

    from ccmtui.cli._common import console

    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, header_style="bold")
    for number, heading in enumerate(headings):
        if number < keep:
            table.add_column(heading, no_wrap=True)
        else:
            table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console().print(table)


def _org_json(org, shipped: set[str], people: int) -> dict:
    return {
        "code": org.code,
        "name": org.name,
        "kind": org.kind,
        "helps": list(org.helps),
        "aliases": list(org.aliases),
        "shipped": org.code in shipped,
        "people": people,
        "source": org.source,
        "notes": org.notes,
    }


@org_app.command("list")
def org_list(
    ctx: typer.Context,
    helps: Annotated[str | None, typer.Option("--helps", help="Only those offering this kind of help.")] = None,
    as_json: Json = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """List the organisations with the kinds of help they offer."""
    from ccmtui.domain.counterparts import parse_helps
    from ccmtui.reports.counterparts import People, shipped_codes

    context = app_context(ctx)
    reader = context.reader()
    index = context.register().organisations
    wanted_helps = set(parse_helps([helps])) if helps else None
    people = People(reader)
    shipped = shipped_codes(reader)
    orgs = [o for o in index if wanted_helps is None or wanted_helps & set(o.helps)]
    if wanted(as_json, format_, output):
        records = [_org_json(o, shipped, len(people.of_organisation(o.code))) for o in orgs]
        emit(records, as_json, format_, output, "organisations", redact=redact)
        return
    _table(
        f"Organisations — {len(orgs)}",
        ("Code", "Name", "Kind", "Helps with", "People"),
        [(o.code, o.name, o.kind, ", ".join(o.helps) or "—", len(people.of_organisation(o.code))) for o in orgs],
        caption="Helps with: as the organisation's public description says (— where the record is silent).",
    )


@org_app.command("show")
def org_show(
    ctx: typer.Context,
    organisation: Annotated[str, typer.Argument(help="Code, name or alias: ICRC, 'Red Cross', ISU.")],
    as_json: Json = False,
) -> None:
    """Show an organisation: its names, the help it offers, its source and its people."""
    from ccmtui.cli._common import print_json
    from ccmtui.domain.counterparts import HELP_KINDS
    from ccmtui.reports.counterparts import People, shipped_codes, works_for

    context = app_context(ctx)
    reader = context.reader()
    org = context.register().organisations.resolve(organisation)
    staff = People(reader).of_organisation(org.code)
    if as_json:
        record = _org_json(org, shipped_codes(reader), len(staff))
        record["people"] = [{"id": p.uuid, "name": p.name, "role": p.role} for p in staff]
        print_json(record)
        return
    lines = [f"{org.code} — {org.name}", f"Kind: {org.kind}"]
    if org.aliases:
        lines.append(f"Also written: {', '.join(org.aliases)}")
    if org.helps:
        lines.append("Helps with: " + "; ".join(HELP_KINDS[h] for h in org.helps if h in HELP_KINDS))
    else:
        lines.append("Helps with: the public record here is silent")
    if org.notes:
        lines.append(f"Notes: {org.notes}")
    lines.append(f"Source: {org.source or 'none given'}")
    if staff:
        lines.append("People:")
        lines += [f"  {p.name}{' — ' + p.role if p.role else ''} ({p.uuid[:8]}, {works_for(p)})" for p in staff]
    for line in lines:
        say(line)


@org_app.command("add")
def org_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="A short code, unique: APOPO.")],
    name: Annotated[str, typer.Option("--name", help="Its full name.")] = "",
    kind: Kind = None,
    helps: Helps = None,
    alias: Aliases = None,
    source: Source = None,
    notes: Notes = None,
) -> None:
    """Record an organisation of your own (the shipped ones are there already)."""
    from ccmtui.actions.counterparts import add_organisation

    context = app_context(ctx)
    written = add_organisation(
        context.register(),
        context.writing,
        code=code,
        name=name,
        kind=kind or "other",
        helps=helps or [],
        aliases=alias or [],
        source=source,
        notes=notes or "",
    )
    say(written.message)


@org_app.command("edit")
def org_edit(
    ctx: typer.Context,
    organisation: Annotated[str, typer.Argument(help="Code, name or alias.")],
    name: Annotated[str | None, typer.Option("--name", help="Its full name.")] = None,
    kind: Kind = None,
    helps: Annotated[
        list[str] | None, typer.Option("--helps", help="The kinds of help it offers, replacing them (repeatable).")
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Its other names, replacing them (repeatable).")
    ] = None,
    source: Source = None,
    notes: Notes = None,
) -> None:
    """Correct an organisation: name, kind, help offered, other names, source, notes (undo: `ccm undo`)."""
    from ccmtui.actions.counterparts import edit_organisation

    context = app_context(ctx)
    written = edit_organisation(
        context.register(),
        context.writing,
        organisation=organisation,
        name=name,
        kind=kind,
        helps=helps,
        aliases=alias,
        source=source,
        notes=notes,
    )
    say(written.message)


def _person_json(p, redact: bool = False) -> dict:
    record = {
        "id": p.uuid,
        "name": p.name,
        "role": p.role,
        "iso3": p.iso3,
        "organisation": p.organisation,
        "where": p.location or None,
        "email": p.email,
        "phone": p.phone,
        "notes": p.notes,
        "illustrative": bool(p.illustrative),
    }
    if redact:  # individuals never appear in a redacted output
        for key in ("id", "name", "email", "phone", "notes"):
            record.pop(key)
    return record


@person_app.command("list")
def person_list(
    ctx: typer.Context,
    state: Annotated[str | None, typer.Option("--state", help="Only the people of this state.")] = None,
    org: Annotated[str | None, typer.Option("--org", help="Only the people of this organisation.")] = None,
    as_json: Json = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: Annotated[
        bool,
        typer.Option("--redact", help="Leave out names, ids, e-mails, phones and notes: roles and employers only."),
    ] = False,
) -> None:
    """List the people, by name."""
    from ccmtui.reports.counterparts import People, works_for

    context = app_context(ctx)
    register = context.register()
    rows = People(context.reader()).rows
    if state:
        iso3 = register.index.resolve(state)
        rows = [r for r in rows if r.iso3 == iso3]
    if org:
        code = register.organisations.resolve(org).code
        rows = [r for r in rows if r.organisation == code]
    if wanted(as_json, format_, output):
        emit([_person_json(r, redact) for r in rows], as_json, format_, output, "people")
        return
    if redact:
        _table(f"People — {len(rows)}", ("Role", "Works for"), [(r.role or "—", works_for(r)) for r in rows], keep=0)
        return
    _table(
        f"People — {len(rows)}",
        ("Id", "Name", "Role", "Works for", "E-mail", "Phone"),
        [(r.uuid[:8], r.name, r.role, works_for(r), r.email, r.phone) for r in rows],
    )


@person_app.command("show")
def person_show(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Their name or id.")],
    as_json: Json = False,
) -> None:
    """Show a person: role, employer, where, how to reach them, and the engagements they were met in."""
    from ccmtui.cli._common import print_json
    from ccmtui.db.queries import Q
    from ccmtui.reports.counterparts import People, works_for

    context = app_context(ctx)
    reader = context.reader()
    found = People(reader).resolve(person)
    links = reader.rows(Q.counterpart_links_of_person, person_uuid=found.uuid)
    lines = reader.rows(Q.engagement_summaries, uuids=[link.engagement_uuid for link in links]) if links else []
    if as_json:
        record = _person_json(found)
        record["met"] = [{"id": e.uuid, "date": e.occurred_on.isoformat(), "summary": e.summary} for e in lines]
        print_json(record)
        return
    say(f"{found.name}{' — ' + found.role if found.role else ''}")
    say(f"Id: {found.uuid}")
    say(f"Works for: {works_for(found)}")
    for label, value in (("E-mail", found.email), ("Phone", found.phone), ("Notes", found.notes)):
        if value:
            say(f"{label}: {value}")
    if lines:
        say(f"Met in {len(lines)} engagement{'s' * (len(lines) != 1)}:")
        for e in lines:
            say(f"  {e.occurred_on.isoformat()}  {e.uuid[:8]}  {e.summary}")
    else:
        say("Met in no engagement recorded (`ccm log … --with NAME`).")


@person_app.command("add")
def person_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Their name: 'Ana Costa'.")],
    role: Role = None,
    state: StateOpt = None,
    org: OrgOpt = None,
    where: Where = None,
    email: Email = None,
    phone: Phone = None,
    notes: Notes = None,
) -> None:
    """Record a person at a state or an organisation (not both)."""
    from ccmtui.actions.counterparts import add_person

    context = app_context(ctx)
    written = add_person(
        context.register(),
        context.writing,
        name=name,
        role=role or "",
        state=state,
        organisation=org,
        location=where,
        email=email,
        phone=phone,
        notes=notes or "",
    )
    say(written.message)


@person_app.command("edit")
def person_edit(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Their name or id.")],
    name: Annotated[str | None, typer.Option("--name", help="Their name, corrected.")] = None,
    role: Role = None,
    state: StateOpt = None,
    org: OrgOpt = None,
    where: Where = None,
    email: Email = None,
    phone: Phone = None,
    notes: Notes = None,
) -> None:
    """Correct a person; a new --state moves them off their organisation and the other way round."""
    from ccmtui.actions.counterparts import edit_person

    context = app_context(ctx)
    written = edit_person(
        context.register(),
        context.writing,
        person=person,
        name=name,
        role=role,
        state=state,
        organisation=org,
        location=where,
        email=email,
        phone=phone,
        notes=notes,
    )
    say(written.message)


@person_app.command("delete")
def person_delete(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Their name or id.")],
) -> None:
    """Delete a person and the record of meeting them (the engagements stay); `ccm undo` brings them back."""
    from ccmtui.actions.counterparts import delete_person

    context = app_context(ctx)
    say(delete_person(context.register(), context.writing, person=person).message)
