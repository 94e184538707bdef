"""`ccm attach` and `ccm attachment`: the signed letter or note verbale, kept with its record."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, deliver, print_json, to_stdout
from ccmtui.db.queries import Q

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

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


def _load(reader: Reader, text: str):
    from ccmtui.db.ids import resolve_id
    from ccmtui.domain.errors import NotFoundError

    uuid = resolve_id(reader, Q.attachment_ids, text, "attachment")
    row = next(
        (r for r in reader.rows(Q.attachments_by_id, uuid=uuid)),
        None,
    )
    if row is None:
        raise NotFoundError(f"no attachment with id {text!r}")
    [blob] = reader.rows(Q.blob, sha256=row.sha256)
    return row, blob.content


@app.command("save")
def save(
    ctx: typer.Context,
    attachment: Annotated[str, typer.Argument(metavar="ID", help="The attachment's id (or its first characters).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where (default: its own name here).")] = None,
) -> None:
    """Save an attached file."""
    from ccmtui.domain.errors import InputError
    from ccmtui.domain.filenames import safe_filename
    from ccmtui.textsafe import visible

    row, content = _load(app_context(ctx).reader(), attachment)
    # The stored name is a base name only: it never chooses the folder.
    name = safe_filename(row.filename)
    if to_stdout(output):
        deliver(output, content)
        return
    target = output or Path(name)
    if target.is_dir():
        target = target / name
    if target.exists():
        raise InputError(f"{visible(str(target))} exists; choose another name with -o")
    _write_new(target, content)
    typer.echo(f"Saved {visible(str(target))} ({len(content):,} bytes).")


def _write_new(target: Path, content: bytes) -> None:
    """A new file (0600, never over an existing one), removed again if it cannot be written whole."""
    import os

    from ccmtui.domain.errors import InputError
    from ccmtui.textsafe import visible

    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise InputError(f"cannot write {visible(str(target))}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
    except OSError as error:
        target.unlink(missing_ok=True)
        raise InputError(f"cannot write {visible(str(target))}: {error.strerror or error}; nothing was kept") from None


@app.command("open")
def open_(
    ctx: typer.Context,
    attachment: Annotated[str, typer.Argument(metavar="ID", help="The attachment's id (or its first characters).")],
) -> None:
    """Open an attached file with the system's viewer (a private temporary copy)."""
    import shutil
    import subprocess
    import sys
    import tempfile

    from ccmtui.domain.errors import InputError
    from ccmtui.domain.filenames import safe_filename
    from ccmtui.textsafe import visible

    row, content = _load(app_context(ctx).reader(), attachment)
    folder = Path(tempfile.mkdtemp(prefix="ccm-")).resolve()
    target = folder / safe_filename(row.filename)
    # Only ever inside its own private folder.
    if target.parent != folder:
        raise InputError(f"attachment {row.uuid[:8]} has a name that is not a file name")
    _write_new(target, content)
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    if shutil.which(opener):
        subprocess.Popen([opener, str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        typer.echo(f"Opened {visible(str(target))}.")
    else:
        typer.echo(f"No viewer found ({opener}); the file is at {visible(str(target))}.")
