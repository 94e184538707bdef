"""The coordinator's config.toml: read with tomllib, written with tomli-w (owner-only)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from ccmtui.domain.errors import InputError, one_of
from ccmtui.paths import config_path

# key -> what it holds
KEYS = {
    "db": "database file or URL used when --db and CCM_DB are not given",
    "name": "your name, stamped on every record you make",
    "state": "the State Party you coordinate for (ISO3 or name)",
    "area": "your thematic area (e.g. universalization)",
    "theme": "the app's colours: textual-dark, textual-light or another Textual theme",
    "kind": "the app's Log form opens on this kind (default demarche); last keeps the last one logged",
    "category_max_age": "months after which a Category I/II/III assessment is stale (default 24)",
    "paper": "the paper size of Word documents: a4 (default) or letter",
}

LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"


def parse_theme(text: str) -> str:
    """A theme the app knows by name."""
    from textual.theme import BUILTIN_THEMES

    cleaned = text.strip().lower()
    if cleaned in ("light", "dark"):
        cleaned = LIGHT_THEME if cleaned == "light" else DARK_THEME
    if cleaned not in BUILTIN_THEMES:
        raise one_of("theme", text, sorted(BUILTIN_THEMES))
    return cleaned


def parse_kind(text: str) -> str:
    """The Log form's kind: one of the kinds, or `last` (the last one logged)."""
    from ccmtui.domain.engagements import KINDS

    cleaned = text.strip().lower()
    if cleaned != "last" and cleaned not in KINDS:
        raise one_of("kind", text, [*KINDS, "last"])
    return cleaned


def load(path: Path | None = None) -> dict:
    path = path or config_path()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML ({error})") from None


def save(values: dict, path: Path | None = None) -> Path:
    """Write atomically, readable by the owner only (it may hold a database password)."""
    import tomli_w

    path = path or config_path()
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        # O_CREAT's mode applies only to a new file: a leftover from an interrupted save keeps its own.
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            tomli_w.dump(values, handle)
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def category_max_age(values: dict) -> int:
    """How many months an assessment stays current (`category_max_age`, default 24)."""
    from ccmtui.domain.categories import DEFAULT_MAX_AGE_MONTHS, parse_max_age

    given = values.get("category_max_age")
    return DEFAULT_MAX_AGE_MONTHS if given is None else parse_max_age(given)


def check_key(key: str) -> str:
    if key not in KEYS:
        raise one_of("config key", key, list(KEYS))
    return key
