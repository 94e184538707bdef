"""A team's PostgreSQL database set up for several logins: one group role owns every table.

`init_team` (run once, by whoever administers the server, as a superuser) creates the group
role, grants it to each member's login, creates ccm's tables if they are not there yet and
hands every one of them to the group, and sets default privileges so that a table a later
migration makes is shared too. Read-only logins (the ISU, the Presidency) get SELECT on
every table, now and later. `add_member` grants the group to one more login.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccmtui.db.target import Target
from ccmtui.domain.errors import DatabaseError, InputError

DEFAULT_GROUP = "ccm_team"


@dataclass
class TeamSetup:
    group: str
    members: list[str] = field(default_factory=list)
    readers: list[str] = field(default_factory=list)
    tables: int = 0


def _quoted(name: str) -> str:
    if not name or len(name) > 63 or "\0" in name:
        raise InputError(f"{name!r} is not a PostgreSQL role name")
    return '"' + name.replace('"', '""') + '"'


def _role_exists(connection, name: str) -> bool:
    from sqlalchemy import text

    return connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def _require_login(connection, name: str) -> None:
    if not _role_exists(connection, name):
        raise DatabaseError(
            f"there is no login {name!r} on the server: create it first "
            f"(CREATE ROLE {_quoted(name)} LOGIN PASSWORD '…'); nothing was changed"
        )


def team_group(connection) -> str | None:
    """The role owning ccm's alembic_version table in the current schema (the team's group, after `init_team`)."""
    from sqlalchemy import text

    return connection.execute(
        text("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'alembic_version'")
    ).scalar()


def _engine(target: Target):
    from sqlalchemy import create_engine

    if target.is_sqlite:
        raise InputError("a team is set up on a PostgreSQL server (postgresql+psycopg://…), not on a file")
    from ccmtui.db.target import need_postgres_driver

    need_postgres_driver()
    return create_engine(target.url)


def init_team(url: str, *, members: list[str], readers: list[str], group: str = DEFAULT_GROUP) -> TeamSetup:
    from sqlalchemy import text

    from ccmtui.db.session import Database, translate_errors

    target = Target.parse(url)
    engine = _engine(target)
    setup = TeamSetup(group=group, members=list(members), readers=list(readers))
    g = _quoted(group)
    try:
        with translate_errors(target.masked):
            with engine.begin() as connection:
                if not connection.execute(
                    text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
                ).scalar():
                    raise DatabaseError(
                        f"{target.masked}: `ccm team init` is run by the server's administrator "
                        "(a superuser such as postgres); nothing was changed"
                    )
                for name in (*members, *readers):
                    _require_login(connection, name)
                if not _role_exists(connection, group):
                    connection.execute(text(f"CREATE ROLE {g} NOLOGIN"))
                database = _quoted(connection.execute(text("SELECT current_database()")).scalar())
                connection.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {g}"))
                connection.execute(text(f"GRANT USAGE, CREATE ON SCHEMA public TO {g}"))
                for member in members:
                    connection.execute(text(f"GRANT {g} TO {_quoted(member)}"))
                for reader in readers:
                    connection.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {_quoted(reader)}"))
                    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {_quoted(reader)}"))
                _default_privileges(connection, [group, *members], group, readers)
            # The tables, if they are not there yet: made by this login, then handed to the group.
            Database(target).ensure().dispose()
            with engine.begin() as connection:
                setup.tables = _hand_over(connection, group, readers)
    finally:
        engine.dispose()
    return setup


def _default_privileges(connection, creators: list[str], group: str, readers: list[str]) -> None:
    """Tables (and sequences) any of `creators` makes later are the group's to write and the readers' to read."""
    from sqlalchemy import text

    g = _quoted(group)
    for creator in creators:
        c = _quoted(creator)
        connection.execute(text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT ALL ON TABLES TO {g}"))
        connection.execute(
            text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT ALL ON SEQUENCES TO {g}")
        )
        for reader in readers:
            r = _quoted(reader)
            connection.execute(
                text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT SELECT ON TABLES TO {r}")
            )


def _hand_over(connection, group: str, readers: list[str]) -> int:
    """Every table of the public schema to the group; SELECT on each to the readers."""
    from sqlalchemy import text

    g = _quoted(group)
    tables = connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
    for table in tables:
        connection.execute(text(f"ALTER TABLE public.{_quoted(table)} OWNER TO {g}"))
    for reader in readers:
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {_quoted(reader)}"))
    return len(tables)


def add_member(url: str, login: str, *, reader: bool = False) -> str:
    """Grant the team's group role (or, with `reader`, read access) to an existing login; returns the group."""
    from sqlalchemy import text

    from ccmtui.db.session import translate_errors

    target = Target.parse(url)
    engine = _engine(target)
    try:
        with translate_errors(target.masked), engine.begin() as connection:
            group = team_group(connection)
            if group is None:
                raise DatabaseError(f"{target.masked} holds no ccm database: run `ccm team init` first")
            if (
                not _role_exists(connection, group)
                or connection.execute(
                    text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :g"), {"g": group}
                ).scalar()
            ):
                raise DatabaseError(
                    f"{target.masked}: the tables belong to the login {group!r}, not to a group role: "
                    "run `ccm team init` first"
                )
            _require_login(connection, login)
            who = _quoted(login)
            if reader:
                database = _quoted(connection.execute(text("SELECT current_database()")).scalar())
                connection.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {who}"))
                connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {who}"))
                connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {who}"))
                _default_privileges(connection, [group], group, [login])
            else:
                connection.execute(text(f"GRANT {_quoted(group)} TO {who}"))
                _default_privileges(connection, [login], group, [])
    finally:
        engine.dispose()
    return group


def act_as_owner(connection) -> None:
    """Before a migration on a server: act as the role owning the tables when this login belongs to it,
    so that the tables a migration makes belong to the team's group too."""
    from sqlalchemy import text

    owner = team_group(connection)
    if owner is None:
        return
    allowed = connection.execute(
        text("SELECT current_user <> :o AND pg_has_role(current_user, :o, 'MEMBER')"), {"o": owner}
    ).scalar()
    if allowed:
        connection.execute(text(f"SET LOCAL ROLE {_quoted(owner)}"))
