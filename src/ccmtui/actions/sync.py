"""`sync` and `merge`: bring a team database or a colleague's file in step with this one.

One action each, shared by `ccm sync` / `ccm merge` and the app's Sync dialog. Both return the
`SyncReport` (what came in, went out, was deleted, the conflicts recorded and what was left out).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.domain.errors import DatabaseError, InputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from ccmtui.db.sync_report import SyncReport
    from ccmtui.db.target import Target
    from ccmtui.workspace import Workspace


def _same_file(workspace: Workspace, other: Path) -> bool:
    here = workspace.target.path
    return here is not None and here.exists() and here.resolve() == other.resolve()


def merge_file(
    workspace: Workspace,
    other: Path | str,
    on_progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> SyncReport:
    """Bring another ccm file's records into this database; the other file is only read.

    `on_total(n)`, once known, is the number of records to compare; `on_progress(n)` says n more were.
    """
    from ccmtui.db.sync import synchronize
    from ccmtui.db.sync_files import reading_copy
    from ccmtui.db.write import writing

    other = Path(other)
    if not other.is_file():
        raise DatabaseError(f"{other}: no such file")
    if _same_file(workspace, other):
        raise InputError(f"{other} is the database in use; nothing to merge")
    # The other file is copied, and the copy read (upgraded first if an older ccm wrote it):
    # nothing is ever written into or beside the file itself. With push=False the copy is only read too.
    with reading_copy(other) as copy:
        with writing(str(copy), by=workspace.by, command="read for merge") as there:
            with workspace.writing(f"merge from {other.name}") as here:
                return synchronize(
                    here,
                    there,
                    here_label=workspace.target.where,
                    there_label=str(other.resolve()),
                    push=False,
                    on_progress=on_progress,
                    on_total=on_total,
                )


def check_ccm_file(path: Path) -> None:
    """A one-line error unless `path` is a ccm database this ccm can open; nothing is written into or beside it."""
    import sqlite3
    from urllib.parse import quote

    from ccmtui.db.compiled import SCHEMA_REVISION

    if not path.is_file():
        raise DatabaseError(f"{path}: no such file")
    if Path(f"{path}-wal").exists():
        return  # part of its content is in its log, which only a connection that may write reads: checked on opening
    try:
        # immutable: no lock and no -shm or -wal file beside it (the folder may be read-only).
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True)
        try:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            found = []
            if "alembic_version" in tables:
                found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        raise DatabaseError(f"{path} is not a ccm database (not an SQLite file); nothing was changed") from None
    if "states" not in tables:
        raise DatabaseError(f"{path} is not a ccm database (no states table); nothing was changed")
    for (revision,) in found:
        if revision == SCHEMA_REVISION:
            continue  # this ccm's own (known without loading the migrations)
        from ccmtui.db import migrate

        if revision not in migrate.known_revisions():
            raise DatabaseError(
                f"{path} was written by a newer ccm (schema revision {revision}); this ccm knows up to "
                f"{migrate.head()}: upgrade ccm (pip install -U ccmtui) to open it; nothing was changed"
            )


def _in_step(workspace: Workspace, team: Target) -> bool:
    """Whether both logs show there is nothing to carry either way, read without the write path's libraries."""
    from ccmtui.db.read import open_reader
    from ccmtui.db.sync_log import in_step

    here = workspace.open_reader()
    try:
        there = open_reader(team)
        try:
            return in_step(here, there, here_label=workspace.target.where, there_label=team.where)
        finally:
            there.close()
    finally:
        here.close()


def sync_with(
    workspace: Workspace,
    url: str,
    on_progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> SyncReport:
    """Push and pull between this database and `url` (a team server or a file): both end with every record.

    Only the change sets after the last sync travel (every record is compared on a first sync).
    `on_total(n)`, once known, is the number of records to compare; `on_progress(n)` says n more were.
    This database commits first, then the other: interrupted in between, the next sync completes it.
    """
    from ccmtui.db.target import Target, check_database_target
    from ccmtui.workspace import require_identity

    check_database_target(url, "the URL or file to sync with")
    team = Target.parse(url)
    if not team.is_url:
        other = team.path
        if not other.is_file():
            raise InputError(f"{url}: no such file")
        if _same_file(workspace, other):
            raise InputError(f"{url} is the database in use; nothing to sync")
        check_ccm_file(other)
        if not (os.access(other, os.W_OK) and os.access(other.resolve().parent, os.W_OK)):
            raise DatabaseError(
                f"{url} is read-only and sync writes to both sides; to bring its records in without writing to it, "
                f"use ccm merge {url}; nothing was changed"
            )
    if team.is_server or workspace.target.is_server:
        require_identity(workspace.by)
    if _in_step(workspace, team):
        from ccmtui.db.sync_report import SyncReport

        return SyncReport(here=workspace.target.where, there=team.where)
    from ccmtui.db.sync import synchronize
    from ccmtui.db.write import writing

    with writing(team, by=workspace.by, command=f"sync with {workspace.target.masked}") as there:
        with workspace.writing(f"sync with {team.where}") as here:
            return synchronize(
                here,
                there,
                here_label=workspace.target.where,
                there_label=team.where,
                push=True,
                on_progress=on_progress,
                on_total=on_total,
            )
