"""A stored file name is never a path: the safe base name an attachment is stored and written under."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 120  # characters; well under every file system's limit and the column's 255
FALLBACK = "attachment"
# Separators of every system, characters Windows refuses, and every control or format character.
_UNSAFE = re.compile(r'[/\\:*?"<>|]')


def _is_control(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")


def safe_filename(name: str | None) -> str:
    """`name` reduced to one harmless base name: no folder, no `..`, no leading dot or `~`, no controls.

    The last component of any path is kept (`../../x.pdf` is `x.pdf`, `C:\\a\\b.doc` is `b.doc`);
    what remains is cut to MAX_NAME characters keeping the extension. Never empty.
    """
    text = str(name or "")
    text = re.split(r"[/\\]", text)[-1]
    text = "".join("_" if _is_control(c) else c for c in text)
    text = _UNSAFE.sub("_", text)
    text = text.strip().lstrip(".~ ").rstrip(". ")
    text = text.replace("..", "_")
    if len(text) > MAX_NAME:
        stem, dot, extension = text.rpartition(".")
        if dot and 0 < len(extension) <= 16 and stem:
            text = stem[: MAX_NAME - len(extension) - 1].rstrip(". ") + "." + extension
        else:
            text = text[:MAX_NAME]
    return text or FALLBACK
