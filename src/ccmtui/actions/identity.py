"""Who is writing: the coordinator identity from config.toml, stamped on every record."""

from __future__ import annotations


def identity(config: dict) -> str | None:
    """'Name (ISO3)' from config, or None when no name is set."""
    name = str(config.get("name") or "").strip()
    if not name:
        return None
    state = str(config.get("state") or "").strip()
    return f"{name} ({state})" if state else name
