"""Shell completion of values: states, meetings, areas, kinds, categories, statuses and record ids.

Loaded only when the shell asks for completions (`_CCM_COMPLETE` is set, by the script that
`ccm --install-completion` installs): an ordinary command never imports it. Each parameter is
matched by its name, so every command that takes a state completes states.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[1] / "db" / "reference"
STATUSES = ("party", "pending", "signatory", "non-signatory", "withdrawn", "states-parties")
CATEGORIES = ("I", "II", "III")
RECENT = 30  # record ids offered, the most recent first


def _fold(text: str) -> str:
    """Lower case without accents: `cote` finds `Côte d'Ivoire`."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    wanted = _fold(incomplete)
    return [value for value in values if _fold(value).startswith(wanted)]


@cache
def _reference(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def states(_ctx, _param, incomplete: str) -> list[str]:
    """ISO3 codes for `KE` (or nothing typed yet); names for `Ken`, `côte`, `lao`."""
    rows = _reference("states.csv")
    codes = [row["iso3"] for row in rows if row["iso3"].startswith(incomplete.upper())]
    if not incomplete or (incomplete.isupper() and codes):
        return codes
    names = _starting((row["name"] for row in rows), incomplete)
    return names or codes


def regions(_ctx, _param, incomplete: str) -> list[str]:
    rows = _reference("states.csv")
    found = {row[key] for row in rows for key in ("region", "subregion", "intermediate_region") if row.get(key)}
    return _starting(sorted(found), incomplete)


def meetings(_ctx, _param, incomplete: str) -> list[str]:
    """Meeting codes (`4MSP`, `2RC`), the latest first; a date may be typed instead."""
    rows = sorted(_reference("meetings.csv"), key=lambda row: row["start"], reverse=True)
    return _starting((row["code"] for row in rows), incomplete)


def _choices(values: Iterable[str]) -> Callable:
    fixed = tuple(values)

    def complete(_ctx, _param, incomplete: str) -> list[str]:
        return _starting(fixed, incomplete)

    return complete


def _from_metavar(_ctx, param, incomplete: str) -> list[str]:
    return _starting((param.metavar or "").split("|"), incomplete)


def areas(ctx, param, incomplete):
    from ccmtui.domain.areas import AREAS

    return _choices(AREAS)(ctx, param, incomplete)


def kinds(ctx, param, incomplete):
    from ccmtui.domain.engagements import KINDS

    return _choices(KINDS)(ctx, param, incomplete)


def config_keys(ctx, param, incomplete):
    from ccmtui import config

    return _choices(config.KEYS)(ctx, param, incomplete)


def _reader(ctx):
    """The database's reader, or None when there is no database yet (completion never creates one)."""
    from ccmtui.cli._common import AppContext

    root = ctx.find_root()
    context = root.obj if isinstance(root.obj, AppContext) else AppContext(db_option=root.params.get("db"))
    root.obj = context
    try:
        target = context.target
    except Exception:
        return None
    if target.path is not None and not target.path.exists():
        return None
    return context.reader()


def _ids(rows: Iterable, incomplete: str) -> list[str]:
    """Short ids (8 characters), in the order given (recent first), that start as typed."""
    return [row.uuid[:8] for row in rows if row.uuid.startswith(incomplete.lower())]


def engagements(ctx, _param, incomplete: str) -> list[str]:
    """The most recent engagements' ids (campaigns are engagements too)."""
    from ccmtui.db.queries import Q

    reader = _reader(ctx)
    if reader is None:
        return []
    rows = reader.rows(Q.engagements_recent, since=date.min, until=date.max, area=None, kind=None, limit=RECENT * 10)
    return _ids(rows, incomplete)[:RECENT]


def campaigns(ctx, _param, incomplete: str) -> list[str]:
    from ccmtui.db.queries import Q

    reader = _reader(ctx)
    if reader is None:
        return []
    rows = sorted(reader.rows(Q.campaigns_all, area=None), key=lambda row: str(row.occurred_on), reverse=True)
    return _ids(rows, incomplete)[:RECENT]


# A parameter's name (as the commands spell it) and what completes it.
BY_NAME: dict[str, Callable] = {
    "state": states,
    "states": states,
    "region": regions,
    "area": areas,
    "area_option": areas,
    "kind": kinds,
    "category": _choices(CATEGORIES),
    "status_": _choices(STATUSES),
    "meeting": meetings,
    "record": engagements,
    "engagement": engagements,
    "target": engagements,
    "source": engagements,
    "campaign": campaigns,
    "key": config_keys,
    "format_": _from_metavar,
    "role": _from_metavar,
    "which": _from_metavar,
}


def completer(param) -> Callable | None:
    """What completes this parameter's values (None: the shell's own, file names)."""
    if param.name == "source" and param.metavar != "ENGAGEMENT":
        return None  # a free-text source, not an engagement
    found = BY_NAME.get(param.name)
    if found is None and "MEETING" in (param.metavar or ""):
        return meetings
    return found


def attach(command) -> None:
    """Give every parameter of the command tree its completer (and Typer its shells)."""
    from typer.completion import completion_init

    completion_init()
    _attach(command)


def _attach(command) -> None:
    for param in command.params:
        found = completer(param)
        if found is not None and getattr(param, "_custom_shell_complete", None) is None:
            param._custom_shell_complete = found
    for sub in getattr(command, "commands", {}).values():
        _attach(sub)
