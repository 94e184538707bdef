"""Generated artefacts must match the models and queries they come from."""

from __future__ import annotations

import pytest

from ccmtui.db import compile as compile_queries
from ccmtui.db.schema import schema_sql

from ..conftest import ROOT


def test_schema_sql_is_what_the_models_produce():
    assert (ROOT / "schema.sql").read_text(encoding="utf-8") == schema_sql(), (
        "schema.sql is stale: run python -m ccmtui.db.schema > schema.sql"
    )


def test_compiled_queries_are_what_the_core_selects_compile_to():
    assert compile_queries.main(["--check"]) == 0, "run python -m ccmtui.db.compile"


@pytest.mark.sqlite_only
def test_fast_reader_and_sqlalchemy_reader_agree(sample_db):
    from datetime import date

    from ccmtui.db.read import AlchemyReader, SQLiteReader
    from ccmtui.db.session import Database

    fast = SQLiteReader(sample_db)
    slow = AlchemyReader(Database(sample_db))
    for name, params in (("register", {"as_of": date(2013, 9, 9)}), ("aliases", {}), ("meetings", {})):
        assert fast.rows(name, **params) == slow.rows(name, **params), name
    fast.close()
    slow.close()


def test_the_writer_leaves_unlogged_exactly_the_tables_the_models_say():
    from ccmtui.db import write
    from ccmtui.db.models import UNLOGGED_TABLES

    assert write.UNLOGGED == UNLOGGED_TABLES


def test_a_sync_carries_the_tables_and_references_the_models_say():
    from ccmtui.db import sync_tables
    from ccmtui.db.models import LOCAL_TABLES, Base

    assert sync_tables.LOCAL_TABLES == LOCAL_TABLES
    tables = Base.metadata.sorted_tables
    assert sync_tables.SYNCED_TABLES == tuple(t.name for t in tables if t.name not in LOCAL_TABLES)
    assert {name: set(keys) for name, keys in sync_tables.FOREIGN_KEYS.items()} == {
        t.name: {(fk.parent.name, fk.column.table.name, fk.column.name) for fk in t.foreign_keys} for t in tables
    }
