"""`ccm show`, `ccm edit` and `ccm delete`: any record by its id."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json, say

if TYPE_CHECKING:
    from ccmtui.cli._common import AppContext
    from ccmtui.db.read import Reader
from ccmtui.db.queries import Q
from ccmtui.domain.errors import FieldErrors, InputError

Id = Annotated[str, typer.Argument(metavar="ID", help="The record's id (or its first characters), of any kind.")]


def _plain(value):
    import datetime

    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def show(
    ctx: typer.Context,
    record: Id,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """Any record in full by its id: engagement, campaign, reply, milestone, change set…"""
    from ccmtui.actions.records import LABELS, open_record

    context = app_context(ctx)
    reader = context.reader()
    found = open_record(reader, record)
    if found.table == "engagements":
        from ccmtui.cli.lookup import show_engagement

        show_engagement(ctx, found.uuid, as_json or plain)
        return
    if found.table == "campaigns":
        from ccmtui.cli.campaigns import show as show_campaign

        show_campaign(ctx, found.uuid, as_json or plain)
        return
    if found.table == "changesets":
        show_changeset(reader, found.row, as_json or plain)
        return
    from ccmtui.actions.record_fields import _fields_of

    fields = {} if found.table == "states" else _fields_of(reader, found)
    if as_json or plain:
        print_json(
            {
                "kind": found.kind,
                "id": found.uuid,
                "fields": fields,
                "record": {k: _plain(v) for k, v in found.row.items()},
            }
        )
        return
    typer.echo(f"{LABELS[found.table].capitalize()} {found.uuid}")
    shown = fields or {k: _plain(v) for k, v in found.row.items() if k != "uuid"}
    for name, value in shown.items():
        typer.echo(f"  {name}: {value if value not in (None, '') else '—'}")
    if found.row.get("recorded_by"):
        typer.echo(f"  recorded by: {found.row['recorded_by']}")


def changeset_values(reader: Reader, uuid: str) -> list[dict]:
    """Each change of a change set with each field's value before and after."""
    from ccmtui.db.write import load_row

    result = []
    for change in reader.rows(Q.changes_of, changeset=uuid):
        before = load_row(change.table_name, change.before) or {}
        after = load_row(change.table_name, change.after) or {}
        names = [k for k in {**before, **after} if k not in ("created_at", "updated_at")]
        if change.action == "update":
            names = [k for k in names if before.get(k) != after.get(k)]
        result.append(
            {
                "table": change.table_name,
                "record": change.record_uuid,
                "action": change.action,
                "fields": {k: {"before": _plain(before.get(k)), "after": _plain(after.get(k))} for k in names},
            }
        )
    return result


def print_values(changes: list[dict], indent: str = "  ") -> None:
    for change in changes:
        typer.echo(f"{indent}{change['action']} {change['table']} {change['record'][:8]}")
        for name, pair in change["fields"].items():
            if change["action"] == "insert":
                typer.echo(f"{indent}  {name}: {pair['after']!r}")
            elif change["action"] == "delete":
                typer.echo(f"{indent}  {name}: {pair['before']!r}")
            else:
                typer.echo(f"{indent}  {name}: {pair['before']!r} → {pair['after']!r}")


def show_changeset(reader: Reader, row: dict, as_json: bool) -> None:
    changes = changeset_values(reader, row["uuid"])
    if as_json:
        print_json(
            {
                "kind": "change set", "id": row["uuid"], "made_at": _plain(row["made_at"]), "made_by": row["made_by"],
                "login": row.get("made_as"), "command": row["command"], "undone": row["reverted_by"] is not None,
                "reverts": row["reverts"], "changes": changes,
            }
        )  # fmt: skip
        return
    by = f" by {row['made_by']}" if row["made_by"] else ""
    typer.echo(f"Change set {row['uuid']}{by}, {row['made_at'].isoformat(sep=' ', timespec='seconds')} UTC")
    typer.echo(f"  {row['command']}" + (" (undone)" if row["reverted_by"] else ""))
    print_values(changes)


# -- edit

FRONT = "+++"


def _toml_value(value) -> str:
    import json

    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def editor_text(kind: str, uuid: str, fields: dict) -> str:
    """A record as one text file: its fields as TOML front matter, an engagement's notes below as Markdown."""
    notes = fields.get("notes", "") if "states" in fields else None
    lines = [FRONT, f"# {kind} {uuid[:8]}: edit the values, save and close; an empty file changes nothing"]
    for name, value in fields.items():
        if name == "notes" and notes is not None:
            continue
        lines.append(f"{name} = {_toml_value(value)}")
    lines.append(FRONT)
    if notes is not None:
        lines.append("")
        lines.append(notes)
    return "\n".join(lines) + "\n"


def parse_editor_text(text: str, with_notes: bool) -> dict:
    """The fields of an edited file; a syntax error names its line."""
    import tomllib

    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT or FRONT not in [line.strip() for line in lines[1:]]:
        raise FieldErrors({"file": f"line 1: the file must begin with the fields between {FRONT} lines"})
    end = 1 + [line.strip() for line in lines[1:]].index(FRONT)
    try:
        values = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        import re

        found = re.search(r"line (\d+)", message)
        line = int(found.group(1)) + 1 if found else 1
        raise FieldErrors({"file": f"line {line}: {message.split(' (at')[0]}"}) from None
    if with_notes:
        values["notes"] = "\n".join(lines[end + 1 :]).strip()
    return {
        k: v if isinstance(v, list) else ("" if v is None else str(v) if not isinstance(v, str) else v)
        for k, v in values.items()
    }


def _line_of(text: str, field: str) -> int | None:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.split("=", 1)[0].strip() == field:
            return number
    return None


def _keep(text: str, uuid: str) -> str:
    import tempfile
    from datetime import datetime

    path = os.path.join(tempfile.gettempdir(), f"ccm-edit-{uuid[:8]}-{datetime.now():%Y%m%d-%H%M%S}.md")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def _run_editor(path: str) -> None:
    import shlex
    import subprocess

    command = os.environ.get("EDITOR") or os.environ.get("VISUAL") or ("notepad" if os.name == "nt" else "vi")
    result = subprocess.run([*shlex.split(command), path])
    if result.returncode != 0:
        raise InputError(f"the editor ({command}) exited with {result.returncode}; nothing changed")


def _in_editor(context: AppContext, record: str) -> None:
    import tempfile

    from ccmtui.actions.edit import edit_record
    from ccmtui.actions.record_fields import record_fields

    reader = context.reader()
    kind, fields = record_fields(reader, record)
    from ccmtui.actions.records import find_record

    _, uuid = find_record(reader, record)
    original = editor_text(kind, uuid, fields)
    handle, path = tempfile.mkstemp(prefix=f"ccm-{uuid[:8]}-", suffix=".md")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(original)
    try:
        _run_editor(path)
        with open(path, encoding="utf-8") as edited:
            text = edited.read()
    finally:
        os.unlink(path)
    if not text.strip() or text == original:
        typer.echo("Nothing changed.")
        return
    try:
        values = parse_editor_text(text, "states" in fields)
        changes = {k: v for k, v in values.items() if k not in fields or v != fields[k]}
        if not changes:
            typer.echo("Nothing changed.")
            return
        written = edit_record(context.register(), context.writing, record, changes)
    except FieldErrors as error:
        name, message = next(iter(error.errors.items()))
        line = _line_of(text, name)
        where = f"line {line}, {name}" if line else name
        if message.startswith("line "):
            where, message = "", message
        kept = _keep(text, uuid)
        typer.echo(
            f"Error: {where + ': ' if where else ''}{message}; nothing changed. Your text is kept in {kept}", err=True
        )
        raise typer.Exit(2) from None
    except InputError as error:
        kept = _keep(text, uuid)
        typer.echo(f"Error: {error}; nothing changed. Your text is kept in {kept}", err=True)
        raise typer.Exit(error.exit_code) from None
    say(written.message)


def edit(
    ctx: typer.Context,
    record: Id,
    summary: Annotated[str | None, typer.Option("--summary", "-m", help="A new one-line summary.")] = None,
    date_: Annotated[str | None, typer.Option("--date", "-d", metavar="DATE", help="A new date (YYYY-MM-DD).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="A new kind (engagement).")] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="A new thematic area.")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="A new channel (engagement).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="A new title (campaign, work plan, milestone).")] = None,
    add_state: Annotated[
        list[str], typer.Option("--add-state", help="A state the engagement was also with (repeatable).")
    ] = [],  # noqa: B006
    remove_state: Annotated[
        list[str], typer.Option("--remove-state", help="A state to take off the engagement (repeatable).")
    ] = [],  # noqa: B006
    by: Annotated[list[str], typer.Option("--by", help="Who acted, replacing the acting parties (repeatable).")] = [],  # noqa: B006
    with_: Annotated[
        list[str],
        typer.Option(
            "--with", help="A person or organisation met, replacing those recorded (repeatable; '' for none)."
        ),
    ] = [],  # noqa: B006
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", metavar="DATE", help="A new follow-up date ('' clears it).")
    ] = None,
    notes_file: Annotated[
        str | None,
        typer.Option(
            "--notes-file", metavar="PATH|-", help="Replace the notes with a file's text ('-': standard input)."
        ),
    ] = None,
    set_: Annotated[
        list[str],
        typer.Option(
            "--set", metavar="FIELD=VALUE", help="Any field of the record (see `ccm show ID --json`), repeatable."
        ),
    ] = [],  # noqa: B006
) -> None:
    """Correct a record: in $EDITOR without options, or field by field with them (one change set, undoable)."""
    from ccmtui.actions.edit import edit_record

    context = app_context(ctx)
    changes: dict = {}
    for name, value in (("summary", summary), ("date", date_), ("kind", kind), ("area", area), ("channel", channel),
                        ("title", title), ("follow_up", follow_up)):  # fmt: skip
        if value is not None:
            changes[name] = value
    if by:
        changes["by"] = by
    if with_:
        changes["with"] = [w for w in with_ if w.strip()]
    if add_state:
        changes["add_states"] = add_state
    if remove_state:
        changes["remove_states"] = remove_state
    if notes_file is not None:
        from pathlib import Path

        if notes_file == "-":
            changes["notes"] = sys.stdin.read()
        else:
            from ccmtui.files import read_text

            changes["notes"] = read_text(Path(notes_file))
    for item in set_:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"bad --set {item!r}: expected FIELD=VALUE, e.g. --set stance=positive")
        key = name.strip().replace("-", "_")
        if key in ("states", "by", "with", "action_points"):
            changes.setdefault(key, []).append(value)
        else:
            changes[key] = value
    if not changes:
        _in_editor(context, record)
        return
    say(edit_record(context.register(), context.writing, record, changes).message)


def delete(
    ctx: typer.Context,
    record: Id,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
) -> None:
    """Delete a record with what goes with it (a campaign's replies, an engagement's states and attachments)."""
    from ccmtui.actions.delete import delete_record, what_goes_with

    context = app_context(ctx)
    reader = context.reader()
    goes = what_goes_with(reader, record)
    if not yes:
        extra = goes.describe()
        typer.echo(f"Delete {goes.kind} {goes.uuid[:8]} ({goes.title})" + (f" with {extra}" if extra else "") + "?")
        if not typer.confirm("Delete", default=False):
            typer.echo("Nothing deleted.")
            raise typer.Exit(1)
    say(delete_record(reader, context.writing, record).message)
