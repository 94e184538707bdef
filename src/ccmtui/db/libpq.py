"""The few libpq calls a read command needs, through ctypes: a query on a server without importing psycopg.

Importing psycopg costs a read command more than the query itself. A read needs little: connect
with a libpq URL, run one statement with text parameters, read text values back and turn them
into Python values by their type. The library is the system's libpq, or the copy psycopg's binary
package ships; without either, `available()` is False and the reader uses psycopg.
"""

from __future__ import annotations

import ctypes
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

_lib = None
CONNECTION_OK = 0
TUPLES_OK, COMMAND_OK = 2, 1


class LibpqError(Exception):
    """A failure libpq reported: its message, first line."""


def _load():
    global _lib
    if _lib is not None:
        return _lib or None
    candidates = ["libpq.so.5", "libpq.5.dylib", "libpq.dylib"]
    try:
        import importlib.util

        spec = importlib.util.find_spec("psycopg_binary")
        if spec and spec.origin:
            shipped = Path(spec.origin).parent.parent / "psycopg_binary.libs"
            candidates += [str(path) for path in sorted(shipped.glob("libpq*.so*"))]
    except (ImportError, ValueError):
        pass
    for name in candidates:
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        _declare(lib)
        _lib = lib
        return lib
    _lib = False
    return None


def _declare(lib) -> None:
    p, c, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, restype, argtypes in (
        ("PQconnectdb", p, [c]),
        ("PQstatus", i, [p]),
        ("PQerrorMessage", c, [p]),
        ("PQfinish", None, [p]),
        ("PQexecParams", p, [p, c, i, p, ctypes.POINTER(c), p, p, i]),
        ("PQresultStatus", i, [p]),
        ("PQresultErrorMessage", c, [p]),
        ("PQntuples", i, [p]),
        ("PQnfields", i, [p]),
        ("PQftype", ctypes.c_uint, [p, i]),
        ("PQgetvalue", ctypes.POINTER(ctypes.c_char), [p, i, i]),
        ("PQgetlength", i, [p, i, i]),
        ("PQgetisnull", i, [p, i, i]),
        ("PQclear", None, [p]),
        ("PQsetClientEncoding", i, [p, c]),
    ):
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes


def available() -> bool:
    return _load() is not None


def _message(raw: bytes | None) -> str:
    text = (raw or b"").decode("utf-8", "replace").strip()
    return text.removeprefix("ERROR:").strip() or "unknown failure"


def _bytea(text: str) -> bytes:
    return bytes.fromhex(text[2:]) if text.startswith("\\x") else text.encode()


_READ = {
    16: lambda v: v == "t",
    20: int,
    21: int,
    23: int,
    26: int,
    700: float,
    701: float,
    1700: Decimal,
    1082: date.fromisoformat,
    1114: datetime.fromisoformat,
    1184: datetime.fromisoformat,
    17: _bytea,
}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = []
        for item in value:
            text = _text(item)
            items.append("NULL" if text is None else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
        return "{" + ",".join(items) + "}"
    return str(value)


def positional(sql: str) -> tuple[str, list[str]]:
    """`%(name)s` placeholders as `$1`… (one number per name), `%%` as `%`; and the names in order."""
    names: list[str] = []

    def number(match) -> str:
        if match.group(0) == "%%":
            return "%"
        name = match.group(1)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return _PLACEHOLDER.sub(number, sql), names


class Connection:
    """One libpq connection, in autocommit (each statement its own transaction); one statement at a
    time, whichever thread asks (as psycopg does)."""

    def __init__(self, url: str):
        import threading

        self._lock = threading.Lock()
        lib = _load()
        if lib is None:
            raise LibpqError("libpq is not available")
        self.lib = lib
        self.handle = lib.PQconnectdb(url.encode())
        if lib.PQstatus(self.handle) != CONNECTION_OK:
            message = _message(lib.PQerrorMessage(self.handle))
            self.close()
            raise LibpqError(f"connection failed: {message}")
        lib.PQsetClientEncoding(self.handle, b"UTF8")

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        with self._lock:
            return self._execute(sql, params)

    def _execute(self, sql: str, params: dict[str, Any] | None) -> list[tuple]:
        if not self.handle:
            raise LibpqError("the connection is closed")
        statement, names = positional(sql)
        values = [_text((params or {}).get(name)) for name in names]
        encoded = [None if v is None else v.encode() for v in values]
        array = (ctypes.c_char_p * max(len(encoded), 1))(*encoded)
        lib = self.lib
        result = lib.PQexecParams(self.handle, statement.encode(), len(encoded), None, array, None, None, 0)
        if not result:
            raise LibpqError(_message(lib.PQerrorMessage(self.handle)))
        try:
            status = lib.PQresultStatus(result)
            if status not in (TUPLES_OK, COMMAND_OK):
                raise LibpqError(_message(lib.PQresultErrorMessage(result)))
            fields = lib.PQnfields(result)
            readers = [_READ.get(lib.PQftype(result, column)) for column in range(fields)]
            rows = []
            for row in range(lib.PQntuples(result)):
                values = []
                for column, read in enumerate(readers):
                    if lib.PQgetisnull(result, row, column):
                        values.append(None)
                        continue
                    length = lib.PQgetlength(result, row, column)
                    text = ctypes.string_at(lib.PQgetvalue(result, row, column), length).decode("utf-8")
                    values.append(read(text) if read else text)
                rows.append(tuple(values))
            return rows
        finally:
            lib.PQclear(result)

    def close(self) -> None:
        with self._lock:
            if self.handle:
                self.lib.PQfinish(self.handle)
                self.handle = None
