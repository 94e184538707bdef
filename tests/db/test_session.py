"""Creating and opening the database."""

from __future__ import annotations

import sqlite3

import pytest

from ccmtui.db.session import Database
from ccmtui.domain.errors import DatabaseError

pytestmark = pytest.mark.sqlite_only


def test_a_new_database_holds_the_reference_data_and_uses_wal(fresh_db):
    Database(fresh_db).ensure().dispose()
    connection = sqlite3.connect(fresh_db)
    assert connection.execute("SELECT count(*) FROM states").fetchone() == (197,)
    assert connection.execute("SELECT count(*) FROM meetings").fetchone() == (15,)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert not list(fresh_db.parent.glob(".*building*"))


def test_reference_uuids_are_the_same_in_every_file(tmp_path):
    uuids = []
    for name in ("a.db", "b.db"):
        Database(tmp_path / name).ensure().dispose()
        uuids.append(sqlite3.connect(tmp_path / name).execute("SELECT uuid FROM states ORDER BY iso3").fetchall())
    assert uuids[0] == uuids[1]


def test_foreign_keys_are_enforced(fresh_db):
    from ccmtui.db.models import Classification

    database = Database(fresh_db).ensure()
    with pytest.raises(DatabaseError, match="FOREIGN KEY"):
        with database.transaction() as session:
            session.add(Classification(iso3="XXX", category="I", assessed_on=__import__("datetime").date(2020, 1, 1)))
    database.dispose()


def test_a_file_that_is_not_a_database_gives_one_line(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(DatabaseError, match="not a ccm database"):
        with Database(bogus).transaction() as session:
            session.execute(__import__("sqlalchemy").text("SELECT * FROM states"))
    assert bogus.read_text().startswith("these are my notes")


def test_an_empty_file_becomes_a_new_database(tmp_path):
    for name, make in (("zero.db", lambda p: p.write_bytes(b"")), ("blank.db", _blank_sqlite)):
        path = tmp_path / name
        make(path)
        Database(path).ensure().dispose()
        assert sqlite3.connect(path).execute("SELECT count(*) FROM states").fetchone() == (197,)
    assert not list(tmp_path.glob("*.bak"))


def _blank_sqlite(path):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "photos.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE albums (name TEXT)")
    connection.execute("INSERT INTO albums VALUES ('Holidays')")
    connection.commit()
    connection.close()
    image = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"not a ccm database .*albums.*nothing was changed"):
        Database(path).ensure()
    assert path.read_bytes() == image
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]


def test_a_database_that_cannot_be_created_is_named_as_asked(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(DatabaseError, match=r"file/ccm.db: cannot create the database there"):
        Database(tmp_path / "file" / "ccm.db").ensure()
