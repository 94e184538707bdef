"""Files a coordinator hands to ccm or gets from it: read as UTF-8 text, written owner-only."""

from __future__ import annotations

import os
from pathlib import Path

from ccmtui.domain.errors import InputError


def read_text(path: Path, hint: str = "") -> str:
    """A user's text file (a UTF-8 byte-order mark is allowed); one-line errors when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text{f' ({hint})' if hint else ''}") from None


def write_private(path: Path, content: str | bytes) -> Path:
    """Write `content` to `path` whole or not at all, through a temporary file, mode 0600 (exports may hold notes)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    return path
