"""Compile the read queries to SQLite and PostgreSQL SQL: `python -m ccmtui.db.compile [--check]`.

Writes `compiled.py` (SQLite) and `compiled_postgresql.py` beside this module: a command on the
embedded SQLite default loads only the first. `--check` exits non-zero when either file differs
from what the queries compile to now.

A list parameter (`col.in_(bindparam("uuids", expanding=True))`) is compiled to
`col IN (SELECT value FROM json_each(:uuids))`: one statement whatever the list's length,
the list bound as a JSON array (`ccmtui.db.read.bind`). A list fixed in the query itself
(`col.in_(("insert", "delete"))`) becomes one parameter per value, kept with the constants.
For PostgreSQL (`POSTGRESQL`, run through psycopg alone), a list parameter is one array:
`col IN (SELECT unnest(%(uuids)s::VARCHAR[]))`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    String,
    bindparam,
    delete,
    func,
    insert,
    literal,
    literal_column,
    select,
    update,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql import visitors
from sqlalchemy.sql.elements import BindParameter, ClauseList, Grouping

from ccmtui.db.models import Base
from ccmtui.db.queries import READ_QUERIES

TARGET = Path(__file__).with_name("compiled.py")
TARGET_POSTGRESQL = Path(__file__).with_name("compiled_postgresql.py")


def _kind(column) -> str | None:
    kind = column.type
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Boolean):
        return "bool"
    return None


def _list_parameter(element, **_):
    """An expanding bind parameter in a form the SQLite path runs as it is (see the module's doc)."""
    if not (isinstance(element, BindParameter) and element.expanding):
        return None
    if element.value is not None:
        return Grouping(ClauseList(*(literal(value, element.type) for value in element.value)))
    values = func.json_each(bindparam(element.key, type_=String))
    return select(literal_column("value")).select_from(values).scalar_subquery()


def sqlite_form(statement):
    """The statement with its list parameters rewritten for the SQLite path."""
    return visitors.replacement_traverse(statement, {}, _list_parameter)


def compile_all() -> dict[str, tuple[str, tuple, dict]]:
    """name -> (SQL, ((column, converter kind), ...), values of the query's own constants)."""
    dialect = sqlite.dialect(paramstyle="named")
    compiled = {}
    for name, build in READ_QUERIES.items():
        query = build()
        statement = sqlite_form(query).compile(dialect=dialect)
        columns = tuple((column.name, _kind(column)) for column in query.selected_columns)
        # Anonymous parameters (LIMIT 1, literals) keep their values; named ones come from the caller.
        constants = {key: value for key, value in statement.params.items() if value is not None}
        compiled[name] = (str(statement), columns, constants)
    return compiled


def _postgresql_list_parameter(element, **_):
    """An expanding bind parameter as one array parameter: `col IN (SELECT unnest(%(uuids)s))`."""
    from sqlalchemy import ARRAY

    if not (isinstance(element, BindParameter) and element.expanding):
        return None
    if element.value is not None:
        return Grouping(ClauseList(*(literal(value, element.type) for value in element.value)))
    values = func.unnest(bindparam(element.key, type_=ARRAY(element.type)))
    return select(values).scalar_subquery()


def compile_postgresql() -> dict[str, tuple[str, dict]]:
    """name -> (PostgreSQL SQL with %(name)s parameters, constants): what psycopg runs without SQLAlchemy."""
    from sqlalchemy.dialects.postgresql import psycopg

    dialect = psycopg.dialect(paramstyle="pyformat")
    compiled = {}
    for name, build in READ_QUERIES.items():
        statement = visitors.replacement_traverse(build(), {}, _postgresql_list_parameter).compile(dialect=dialect)
        constants = {key: value for key, value in statement.params.items() if value is not None}
        compiled[name] = (str(statement), constants)
    return compiled


def compile_tables() -> dict[str, dict]:
    """Per table, parents before children: its columns (name, converter kind, scalar default), its
    references and the statements the writer uses."""
    dialect = sqlite.dialect(paramstyle="named")
    tables = {}
    for table in Base.metadata.sorted_tables:
        names = [column.name for column in table.columns]
        columns = tuple(
            (
                column.name,
                _kind(column),
                column.default.arg if column.default is not None and column.default.is_scalar else None,
            )
            for column in table.columns
        )
        tables[table.name] = {
            "columns": columns,
            # (column, table, column) for each reference to another record (a sync's order and screening)
            "references": tuple(
                sorted((fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys)
            ),
            "insert": str(insert(table).compile(dialect=dialect, column_keys=names)),
            "update": str(
                update(table).where(table.c.uuid == bindparam("uuid_")).compile(dialect=dialect, column_keys=names)
            ).replace(":uuid_", ":uuid"),
            "delete": str(delete(table).where(table.c.uuid == bindparam("uuid")).compile(dialect=dialect)),
            "select": str(select(*table.columns).where(table.c.uuid == bindparam("uuid")).compile(dialect=dialect)),
            "stamps": str(select(table.c.uuid, table.c.updated_at).compile(dialect=dialect)),
            "select_many": str(
                sqlite_form(select(*table.columns).where(table.c.uuid.in_(bindparam("uuids", expanding=True)))).compile(
                    dialect=dialect
                )
            ),
        }
    return tables


def render() -> str:
    lines = [
        '"""Generated by `python -m ccmtui.db.compile` from ccmtui.db.queries; do not edit."""',
        "",
        "# name -> (SQLite SQL with :named parameters, (column, converter kind) pairs, constants)",
        "QUERIES: dict[str, tuple[str, tuple, dict]] = {",
    ]
    for name, (sql, columns, constants) in compile_all().items():
        lines.append(f"    {name!r}: (")
        lines.append(f"        {sql!r},")
        lines.append(f"        {columns!r},")
        lines.append(f"        {constants!r},")
        lines.append("    ),")
    lines.append("}")
    lines.append("")
    from ccmtui.db.migrate import head

    lines.append("# The schema revision these statements are for (Alembic head).")
    lines.append(f"SCHEMA_REVISION = {head()!r}")
    lines.append("")
    lines.append("# table -> columns (name, converter kind, scalar default) and the writer's statements")
    lines.append("TABLES: dict[str, dict] = {")
    for name, spec in compile_tables().items():
        lines.append(f"    {name!r}: {{")
        for key, value in spec.items():
            lines.append(f"        {key!r}: {value!r},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_postgresql() -> str:
    lines = [
        '"""Generated by `python -m ccmtui.db.compile` from ccmtui.db.queries; do not edit."""',
        "",
        "# name -> (PostgreSQL SQL with %(named)s parameters, constants); columns as in compiled.QUERIES",
        "POSTGRESQL: dict[str, tuple[str, dict]] = {",
    ]
    for name, (sql, constants) in compile_postgresql().items():
        lines.append(f"    {name!r}: ({sql!r}, {constants!r}),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    files = {TARGET: render(), TARGET_POSTGRESQL: render_postgresql()}
    if "--check" in argv:
        stale = [p for p, text in files.items() if (p.read_text(encoding="utf-8") if p.exists() else "") != text]
        for path in stale:
            print(f"{path} is stale: run python -m ccmtui.db.compile", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
