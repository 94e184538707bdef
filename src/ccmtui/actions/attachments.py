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
    from ccmtui.db.write import Writer

MAX_BYTES = 25 * 1024 * 1024  # a scanned letter, not an archive


def read_attachment(path: Path) -> bytes:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
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


def attach(writer: Writer, engagement_uuid: str, path: Path, content: bytes) -> dict:
    digest = hashlib.sha256(content).hexdigest()
    if not writer.rows(Q.blob, sha256=digest):
        writer.insert("blobs", {"uuid": stable_uuid("blob", digest), "sha256": digest, "content": content})
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
