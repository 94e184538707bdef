"""`ccm handover -o dossier.ccm`: the full record of a thematic area, as a ccm file a successor merges."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Written
from ccmtui.domain.errors import InputError
from ccmtui.domain.words import plural

if TYPE_CHECKING:
    from collections.abc import Callable

    from ccmtui.workspace import Workspace

# What the message counts, in this order: (table, one record, several).
COUNTED = (
    ("engagements", "engagement", None),
    ("replies", "reply", "replies"),
    ("campaigns", "campaign", None),
    ("classifications", "category", "categories"),
    ("work_plans", "work plan", None),
    ("milestones", "milestone", None),
    ("attachments", "attachment", None),
    ("obligations", "obligation", None),
    ("states", "state", None),
)


def hand_over(
    workspace: Workspace,
    area: str,
    output: Path | str,
    *,
    redact: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> Written:
    """Writes the area's records into a new ccm file; the database itself is only read.

    The record is the table -> count of what the file holds.
    """
    from ccmtui.db.dossier import dossier_from
    from ccmtui.domain.areas import AREAS, parse_area

    chosen = parse_area(area)
    output = Path(output).expanduser()
    if output.suffix.lower() != ".ccm":
        raise InputError(f"{output}: a dossier to merge is a .ccm file")
    if not output.parent.is_dir():
        raise InputError(f"cannot write {output}: no folder {output.parent}")
    if output.exists():
        raise InputError(
            f"{output} exists: give a new file name (a dossier never replaces a file); nothing was written"
        )
    here = workspace.target.path
    if here is not None and here.exists() and here.resolve() == output.resolve():
        raise InputError(f"{output} is the database in use; nothing was written")
    counts = dossier_from(workspace.target, output, chosen, redact=redact, on_progress=on_progress)
    held = ", ".join(plural(counts[table], one, several) for table, one, several in COUNTED if counts[table])
    message = (
        f"{output}: the record of {AREAS[chosen]} ({held or 'no record yet'})"
        + (", redacted" if redact else "")
        + f"; the successor takes it in with: ccm merge {output.name}"
    )
    return Written(counts, message)
