"""Deterministic record ids: the same content gives the same UUID in every coordinator's file."""

from __future__ import annotations

import uuid as uuidlib

NAMESPACE = uuidlib.uuid5(uuidlib.NAMESPACE_URL, "https://ccmtui.invalid/records")


def stable_uuid(*parts: object) -> str:
    """A UUIDv5 of the record's content."""
    return str(uuidlib.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))
