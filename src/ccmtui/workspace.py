"""Which database, and who is writing: what the commands and the app share.

A `Workspace` holds the database target (parsed once into a `Target`) and the coordinator's
configuration, and opens readers and write transactions on it. The command line's
`AppContext` (`ccmtui.cli._common`) resolves one lazily from `--db` and config.toml; the app's
`Source` (`ccmtui.tui.source`) is one, with a reader per worker thread. Nothing heavy is
imported here: SQLite reads stay on the standard library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccmtui.db.target import Target

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from ccmtui.db.read import OpenReader
    from ccmtui.db.write import Writer


class Workspace:
    """A database target and the configuration of the coordinator working on it."""

    def __init__(self, target: Target | str, config: dict | None = None):
        self.target = Target.parse(target)
        self.config = config if config is not None else {}

    @classmethod
    def resolve(cls, db_option: str | None, config: dict) -> Workspace:
        """The database by the usual order: `--db`, `CCM_DB`, `db` in config.toml, the data directory."""
        from ccmtui.db.target import check_database_target
        from ccmtui.paths import resolve_database

        if db_option is not None:
            check_database_target(db_option)  # an empty --db never falls back to the default
        return cls(check_database_target(resolve_database(db_option, config.get("db")), "the database"), config)

    @property
    def by(self) -> str | None:
        """Who is writing: 'Name (ISO3)' from the configuration, None when no name is set."""
        from ccmtui.actions.identity import identity

        return identity(self.config)

    def open_reader(self) -> OpenReader:
        """A reader of its own on the database (created on first use); the caller closes it."""
        from ccmtui.db.read import open_reader

        return open_reader(self.target)

    def writing(self, command: str) -> AbstractContextManager[Writer]:
        """One write transaction, stamped with who is writing and the command that wrote."""
        from ccmtui.db.write import writing

        if self.target.is_server:
            require_identity(self.by)
        return writing(self.target, by=self.by, command=command)


def require_identity(by: str | None) -> None:
    """A team's database records who wrote: a write there needs the coordinator's name configured."""
    if not by:
        from ccmtui.domain.errors import InputError

        raise InputError(
            'who you are is not configured, and the team database records who wrote: run ccm config set name "Your Name" '
            "(and ccm config set state ISO3); nothing was written"
        )
