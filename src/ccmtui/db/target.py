"""Which database: a SQLite file or a server URL, parsed once from what the coordinator gave.

`Target.parse("ccm.db")`, `Target.parse("sqlite:///ccm.db")` and
`Target.parse("postgresql+psycopg://…")` give a value every layer reads the same way:
`.path` is the SQLite file (None for a server or an in-memory database), `.url` the
SQLAlchemy URL, `.is_sqlite` whether SQLite runs it. Standard library only: the light read
path uses it before (and instead of) SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path

from ccmtui.domain.errors import InputError

SQLITE_PREFIX = "sqlite:///"
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+")


def _masked_plainly(url: str) -> str | None:
    """A plain URL (scheme://user:password@host:port/name, no query) with its password as ***, as
    SQLAlchemy prints it, without importing SQLAlchemy; None for any other URL (SQLAlchemy masks it)."""
    scheme, separator, rest = url.partition("://")
    netloc, slash, database = rest.partition("/")
    user_info, at, host = netloc.rpartition("@")
    user, colon, _password = user_info.partition(":")
    plain = set(scheme) | set(user) | set(database) | set(host.strip("[]").replace(":", ""))
    if not (separator and scheme and host) or netloc.count("@") > 1 or "?" in url or "#" in url or not plain <= _PLAIN:
        return None
    shown = f"{user}:***@" if colon else (f"{user}@" if at else "")
    return f"{scheme}://{shown}{host}{slash}{database}"


class Target:
    """A database target as given (`text`), and what it names. Equal when given alike.

    A plain class rather than a dataclass: building one of those costs every command about
    a millisecond at start-up.
    """

    __slots__ = ("is_url", "path", "text")

    def __init__(self, text: str, path: Path | None, is_url: bool):
        self.text = text
        self.path = path  # the SQLite file, from a path or a sqlite:/// URL
        self.is_url = is_url  # given as a URL (sqlite:///…, postgresql+psycopg://…)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Target) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Target({self.text!r})"

    @classmethod
    def parse(cls, text: str | Path | Target) -> Target:
        if isinstance(text, Target):
            return text
        text = str(text)
        if "://" not in text:
            return cls(text, Path(text).expanduser(), False)
        scheme, _, rest = text.partition("://")
        if scheme.partition("+")[0] == "sqlite" and rest.startswith("/"):
            database = rest[1:].partition("?")[0]
            if database and database != ":memory:":
                return cls(text, Path(database), True)
        return cls(text, None, True)

    @property
    def is_sqlite(self) -> bool:
        """SQLite runs it: a file, or a sqlite:// URL (an in-memory one too)."""
        return self.path is not None or self.text.startswith("sqlite")

    @property
    def is_server(self) -> bool:
        """Neither a file nor SQLite: a PostgreSQL (or other) server."""
        return not self.is_sqlite

    @property
    def url(self) -> str:
        """The SQLAlchemy URL: the URL as given, or sqlite:/// and the file's absolute path."""
        if self.is_url:
            return self.text
        return f"{SQLITE_PREFIX}{self.path.resolve()}"

    @property
    def masked(self) -> str:
        """The target safe to print: a path as given, a URL with its password replaced by ***."""
        if not self.is_url:
            return self.text
        plainly = _masked_plainly(self.text)
        if plainly is not None:
            return plainly
        from ccmtui.db.session import mask_password

        return mask_password(self.text)

    @property
    def where(self) -> str:
        """Where the records are, to name in a report: a file's absolute path or the masked URL."""
        if self.is_url:
            return self.masked
        return str(self.path.resolve())

    @property
    def name(self) -> str:
        """The database as the coordinator knows it: a file name, or a server URL without credentials."""
        if not self.is_url:
            return self.path.name
        scheme, _, rest = self.text.partition("://")
        return f"{scheme}://{rest.rpartition('@')[2]}"

    def __str__(self) -> str:
        return self.text


# Database URLs ccm can open: PostgreSQL (psycopg) and SQLite files.
URL_KINDS = ("postgresql", "postgresql+psycopg", "sqlite")
MAX_PATH_BYTES = 4096


def check_database_target(target: str, what: str = "--db") -> str:
    """`target` (a file or a URL) checked before anything opens it: a one-line InputError otherwise."""
    if not str(target).strip():
        raise InputError(f"{what} is empty: give a database file or a postgresql+psycopg:// URL")
    try:
        encoded = str(target).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{what} is not valid UTF-8 text") from None
    if "\x00" in target:
        raise InputError(f"{what} holds a NUL character")
    if "://" in target:
        kind = target.split("://", 1)[0].lower()
        if kind not in URL_KINDS:
            raise InputError(
                f"{what}: a {kind or 'nameless'}:// URL is not supported; use postgresql+psycopg://USER@HOST/NAME or a file"
            )
        from urllib.parse import urlsplit

        # Checked with the standard library: a read on a server loads neither SQLAlchemy nor its models.
        try:
            parts = urlsplit(target)
            parts.port  # noqa: B018 - a bad port is only found when read
        except ValueError:
            raise InputError(f"{what}: not a valid database URL") from None
        if kind != "sqlite" and not parts.hostname and not parts.path.strip("/"):
            raise InputError(f"{what}: not a valid database URL")
        return target
    if len(encoded) > MAX_PATH_BYTES or any(len(part.encode("utf-8")) > 255 for part in Path(target).parts):
        raise InputError(f"{what}: the path is too long ({len(encoded):,} bytes)")
    if Path(target).expanduser().is_dir():
        raise InputError(f"{target} is a folder; give the database file's name")
    return target


POSTGRES_INSTALL = "pip install 'ccmtui[postgres]'"


def need_postgres_driver() -> None:
    """PostgreSQL's driver (psycopg) is an extra: without it, a one-line error naming the install command."""
    from importlib.util import find_spec

    if find_spec("psycopg") is None:
        from ccmtui.domain.errors import DatabaseError

        raise DatabaseError(f"a PostgreSQL database needs its driver, psycopg: {POSTGRES_INSTALL}")
