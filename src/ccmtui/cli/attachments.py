"""`ccm attach` and `ccm attachment`: the signed letter or note verbale, kept with its record."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, deliver, print_json, to_stdout
from ccmtui.db.queries import Q

app = typer.Typer(help="List, open and save attached files.", no_args_is_help=True)


def attach(
    ctx: typer.Context,
    engagement: Annotated[
        str, typer.Argument(metavar="ENGAGEMENT", help="The engagement's id (or its first characters).")
    ],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The document (at most 25 MiB).")],
) -> None:
    """Attach a document to an engagement; it is stored in the database, so it syncs."""
    from ccmtui.actions.attachments import attach as attach_file
    from ccmtui.actions.attachments import read_attachment
    from ccmtui.db.ids import resolve_engagement, short
    from ccmtui.domain.filenames import safe_filename

    context = app_context(ctx)
    uuid = resolve_engagement(context.reader(), engagement)
    if to_stdout(file):
        from ccmtui.domain.errors import InputError

        raise InputError("an attachment needs its file name: give the file, not - (stdin)")
    content = read_attachment(file)
    with context.writing(f"attach {safe_filename(file.name)} to engagement {uuid[:8]}") as writer:
        row = attach_file(writer, uuid, file, content)
    typer.echo(f"Attached {row['filename']} ({len(content):,} bytes) as {short(row['uuid'])} to engagement {uuid[:8]}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    engagement: Annotated[
        str, typer.Argument(metavar="ENGAGEMENT", help="The engagement's id (or its first characters).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """The files attached to an engagement."""
    from ccmtui.db.ids import resolve_engagement, short
    from ccmtui.textsafe import visible

    reader = app_context(ctx).reader()
    uuid = resolve_engagement(reader, engagement)
    rows = reader.rows(Q.attachments_of_engagements, uuids=[uuid])
    if as_json or plain:
        print_json(
            [
                {
                    "id": r.uuid,
                    "filename": r.filename,
                    "media_type": r.media_type,
                    "size": r.size,
                    "sha256": r.sha256,
                    "attached": r.created_at.isoformat(sep=" ", timespec="seconds"),
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        typer.echo(f"{short(r.uuid)}  {visible(r.filename)}  {r.size:,} bytes  {visible(r.media_type)}")


@app.command("save")
def save(
    ctx: typer.Context,
    attachment: Annotated[str, typer.Argument(metavar="ID", help="The attachment's id (or its first characters).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where (default: its own name here).")] = None,
) -> None:
    """Save an attached file."""
    from ccmtui.actions.attachments import save_attachment
    from ccmtui.textsafe import visible

    reader = app_context(ctx).reader()
    if to_stdout(output):
        from ccmtui.actions.attachments import load_attachment

        deliver(output, load_attachment(reader, attachment)[1])
        return
    target, size = save_attachment(reader, attachment, output)
    typer.echo(f"Saved {visible(str(target))} ({size:,} bytes).")


@app.command("open")
def open_(
    ctx: typer.Context,
    attachment: Annotated[str, typer.Argument(metavar="ID", help="The attachment's id (or its first characters).")],
) -> None:
    """Open an attached file with the system's viewer (a private temporary copy)."""
    from ccmtui.actions.attachments import open_attachment
    from ccmtui.textsafe import visible

    target, opened = open_attachment(app_context(ctx).reader(), attachment)
    if opened:
        typer.echo(f"Opened {visible(str(target))}.")
    else:
        typer.echo(f"No viewer found; the file is at {visible(str(target))}.")
