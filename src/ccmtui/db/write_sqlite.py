"""The Writer's backend on an SQLite file: the statements compiled from the models ahead of time
(`ccmtui.db.compiled`), run on the transaction's sqlite3 connection."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from itertools import islice
from operator import itemgetter
from typing import Any

from ccmtui.db.failures import describe_failure
from ccmtui.db.read import SQLiteReader, record
from ccmtui.db.write import SYNC_CACHE_KIB, complete_row, plain
from ccmtui.domain.errors import DatabaseError

_AS_STORED = frozenset({str, int, float, bytes, type(None)})  # values SQLite takes as they are (bool is not int here)
# Records arriving by the thousand (a sync, a merge) go in this many to a statement (see `insert_many`).
ROWS_PER_INSERT = 200
_MAX_VARIABLES = 32_766  # SQLite's limit on a statement's parameters


def _stored(value):
    return value if type(value) in _AS_STORED else int(value) if type(value) is bool else plain(value)


class SQLiteBackend:
    """Compiled statements on a sqlite3 connection."""

    def __init__(self, connection: sqlite3.Connection, reader: SQLiteReader):
        self.connection = connection
        self.reader = reader

    def _run(self, sql: str, params: dict) -> sqlite3.Cursor:
        # Failures name this database, even when another one's transaction is open around it.
        try:
            return self.connection.execute(sql, params)
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(error, str(self.reader.path))) from None

    def rows(self, name: str, /, **params: Any) -> list[Any]:
        return self.reader.rows(name, **params)

    @staticmethod
    def _table(table: str) -> dict:
        from ccmtui.db.compiled import TABLES

        return TABLES[table]

    def complete(self, table: str, values: dict, stamp: datetime) -> dict:
        return complete_row(table, values, stamp)

    def _bind(self, row: dict) -> dict:
        return {k: _stored(v) for k, v in row.items()}

    def insert(self, table: str, row: dict) -> None:
        self._run(self._table(table)["insert"], self._bind(row))

    def update(self, table: str, row: dict) -> None:
        self._run(self._table(table)["update"], self._bind(row))

    def delete(self, table: str, uuid: str) -> None:
        self._run(self._table(table)["delete"], {"uuid": uuid})

    def insert_many(self, table: str, rows: Iterable[dict]) -> None:
        """Records by the thousand, a few hundred to a statement rather than one each: every statement
        that fires a trigger opens a savepoint, and at each one the engagements' full-text index writes
        what it holds as a segment of its own (in a sync of 10,000 new engagements each way into the
        1,000,000-engagement file, one a record cost 0.7 s of CPU, a few hundred a statement 0.4 s);
        the triggers still run for every record. Only dates, datetimes and booleans are converted."""
        columns = self._table(table)["columns"]
        names = [name for name, _, _ in columns]
        converted = [i for i, (_, kind, _) in enumerate(columns) if kind is not None]
        values_of = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
        per = max(1, min(ROWS_PER_INSERT, _MAX_VARIABLES // len(names)))
        head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
        one = f"({', '.join('?' * len(names))})"
        rows = iter(rows)
        try:
            while chunk := list(islice(rows, per)):
                values = []
                for row in chunk:
                    found = list(values_of(row))
                    for i in converted:
                        found[i] = _stored(found[i])
                    values += found
                self.connection.execute(head + ", ".join([one] * len(chunk)), values)
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(error, str(self.reader.path))) from None

    def get_many(self, table: str, uuids: list[str]) -> list[dict]:
        from ccmtui.db.read import bind

        spec = self._table(table)
        return [record(table, found) for found in self._run(spec["select_many"], bind({"uuids": uuids})).fetchall()]

    def role(self) -> str | None:
        return None

    def lock_log(self) -> None:
        pass  # BEGIN IMMEDIATE holds the whole file already

    def expect_many(self) -> None:
        # Thousands of insertions into the random-uuid indexes of a large file touch tens of
        # thousands of pages: with SQLite's default 2 MiB page cache, the changed ones are written
        # to the WAL before the commit and read back again and again. A bounded larger cache for
        # this transaction (memory does not grow with the file).
        self._run(f"PRAGMA cache_size = -{SYNC_CACHE_KIB}", {})

    def set_aside_checks(self, tables: list[str]) -> None:
        pass  # SQLite checks each insertion; its indexes cannot be set aside and rebuilt within a transaction cheaply

    def restore_checks(self) -> None:
        pass

    def stamps(self, table: str) -> dict[str, str]:
        """uuid -> updated_at (as stored text) of every record of a table."""
        return dict(self._run(self._table(table)["stamps"], {}).fetchall())

    def stamps_of(self, table: str, uuids: list[str]) -> dict[str, str]:
        self._table(table)  # a known table: its name is safe in the statement
        sql = f"SELECT uuid, updated_at FROM {table} WHERE uuid IN (SELECT value FROM json_each(:uuids))"
        return dict(self._run(sql, {"uuids": json.dumps(uuids)}).fetchall())

    def stamps_page(self, table: str, after: str, limit: int) -> list[tuple[str, str]]:
        self._table(table)
        sql = f"SELECT uuid, updated_at FROM {table} WHERE uuid > :after ORDER BY uuid LIMIT :limit"
        return self._run(sql, {"after": after, "limit": limit}).fetchall()

    def page(self, table: str, after: str, limit: int) -> list[dict]:
        spec = self._table(table)
        names = [name for name, _, _ in spec["columns"]]
        sql = f"SELECT {', '.join(names)} FROM {table} WHERE uuid > :after ORDER BY uuid LIMIT :limit"
        return [record(table, found) for found in self._run(sql, {"after": after, "limit": limit}).fetchall()]

    def count(self, table: str) -> int:
        self._table(table)
        return self._run(f"SELECT count(*) FROM {table}", {}).fetchone()[0]

    def unused_blobs(self) -> list[str]:
        sql = (
            "SELECT uuid FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments) AND sha256 NOT IN "
            "(SELECT document_sha256 FROM practices WHERE document_sha256 IS NOT NULL) ORDER BY uuid"
        )
        return [uuid for (uuid,) in self._run(sql, {}).fetchall()]

    def get(self, table: str, uuid: str) -> dict | None:
        spec = self._table(table)
        found = self._run(spec["select"], {"uuid": uuid}).fetchone()
        if found is None:
            return None
        return record(table, found)
