"""Record ids derived from content, so the same record has the same id in every coordinator's file.

Kept apart from the reference loader so that writing commands can use it without SQLAlchemy.
"""

from __future__ import annotations

import uuid as uuidlib

NAMESPACE = uuidlib.uuid5(uuidlib.NAMESPACE_URL, "https://ccmtui.invalid/records")


def stable_uuid(*parts: object) -> str:
    """A UUIDv5 of the record's content: the same content gives the same id in every file."""
    return str(uuidlib.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))
