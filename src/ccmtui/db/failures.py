"""Database failures described in one line (no SQLAlchemy import: the fast read path uses it)."""

from __future__ import annotations


def describe_failure(error: BaseException | None, where: str) -> str:
    text = str(error).strip().splitlines()[0] if error and str(error).strip() else "unknown failure"
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"{where}: the database is locked by another program; try again in a moment"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{where}: the database is read-only; nothing was written"
    if "not a database" in lowered or "malformed" in lowered:
        return f"{where}: not a ccm database, or the file is damaged ({text})"
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"{where}: the disk is full or failing; nothing was written"
    if "unable to open" in lowered:
        return f"{where}: cannot open the database file (does its folder exist and may you write there?)"
    if "permission denied for" in lowered:
        return (
            f"{where}: {text}; this login may not do that: it needs the team's group role "
            "(the administrator runs `ccm team add-member URL LOGIN`), or it is a read-only login"
        )
    if "no such table" in lowered or "no such column" in lowered:
        return f"{where}: not a ccm database of this version ({text})"
    return f"{where}: {text}"
