"""Attaching files to engagements: stored in the database by content hash, so they sync."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError
from ccmtui.domain.filenames import safe_filename

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer

MAX_BYTES = 25 * 1024 * 1024  # a scanned letter, not an archive


def read_attachment(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        size = path.stat().st_size
    except OSError as error:  # a name too long, a folder that cannot be entered
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if size > MAX_BYTES:
        raise InputError(
            f"{path} is {size / 1024 / 1024:.1f} MiB; attachments are limited to {MAX_BYTES // 1024 // 1024} MiB"
        )
    if size == 0:
        raise InputError(f"{path} is empty")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None


def store_blob(writer: Writer, content: bytes) -> str:
    """The content's hash, its bytes stored once under it (a copy already stored is kept)."""
    digest = hashlib.sha256(content).hexdigest()
    if not writer.rows(Q.blob, sha256=digest):
        writer.insert("blobs", {"uuid": stable_uuid("blob", digest), "sha256": digest, "content": content})
    return digest


def attach(writer: Writer, engagement_uuid: str, path: Path, content: bytes) -> dict:
    digest = store_blob(writer, content)
    name = safe_filename(path.name)
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return writer.insert(
        "attachments",
        {
            "engagement_uuid": engagement_uuid,
            "filename": name,
            "media_type": media_type,
            "size": len(content),
            "sha256": digest,
            "recorded_by": writer.by,
        },
    )


def load_attachment(reader: Reader, text: str):
    """(the attachment's row, its content) for an id or its first characters."""
    from ccmtui.db.ids import resolve_id
    from ccmtui.domain.errors import NotFoundError

    uuid = resolve_id(reader, Q.attachment_ids, text, "attachment")
    row = next(iter(reader.rows(Q.attachments_by_id, uuid=uuid)), None)
    if row is None:
        raise NotFoundError(f"no attachment with id {text!r}")
    [blob] = reader.rows(Q.blob, sha256=row.sha256)
    return row, blob.content


def write_new(target: Path, content: bytes) -> None:
    """A new file (0600, never over an existing one), removed again if it cannot be written whole."""
    import os

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


def save_attachment(reader: Reader, attachment: str, output: Path | None) -> tuple[Path, int]:
    """Save an attached file under its own name (in `output` when it is a folder), never over another file."""
    from ccmtui.textsafe import visible

    row, content = load_attachment(reader, attachment)
    # The stored name is a base name only: it never chooses the folder.
    name = safe_filename(row.filename)
    target = Path(output).expanduser() if output else Path(name)
    if target.is_dir():
        target = target / name
    if target.exists():
        raise InputError(f"{visible(str(target))} exists; choose another name")
    write_new(target, content)
    return target, len(content)


def open_attachment(reader: Reader, attachment: str) -> tuple[Path, bool]:
    """A private temporary copy opened with the system's viewer: (its path, whether a viewer was found)."""
    import shutil
    import subprocess
    import sys
    import tempfile

    row, content = load_attachment(reader, attachment)
    folder = Path(tempfile.mkdtemp(prefix="ccm-")).resolve()
    target = folder / safe_filename(row.filename)
    # Only ever inside its own private folder.
    if target.parent != folder:
        raise InputError(f"attachment {row.uuid[:8]} has a name that is not a file name")
    write_new(target, content)
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    if not shutil.which(opener):
        return target, False
    subprocess.Popen([opener, str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return target, True
