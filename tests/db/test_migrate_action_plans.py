"""Revision 0016: an upgraded database gets the shipped actions, keeps its data, and action points in a known
spelling are rewritten as the canonical codes."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import create_engine

from ccmtui.db import migrate

from ..conftest import CCM, SAMPLE

pytestmark = pytest.mark.sqlite_only


def test_an_upgraded_database_holds_the_actions_and_respells_action_points(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(SAMPLE, path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        from alembic import command

        command.downgrade(migrate.config(connection), "0012")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        [(uuid, engagements)] = connection.execute(
            "SELECT min(uuid), count(*) FROM engagements WHERE action_points <> ''"
        ).fetchall()
        connection.execute("UPDATE engagements SET action_points = 'lap 17 VAP#3 XYZ-9' WHERE uuid = ?", (uuid,))
    ccm = CCM(path)
    assert ccm("status", "--count").exit_code == 0
    fresh = CCM(tmp_path / "fresh.db")
    assert fresh("status", "--count").exit_code == 0
    assert ccm.dump()["plan_actions"] == fresh.dump()["plan_actions"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT action_points FROM engagements WHERE uuid = ?", (uuid,)).fetchone() == (
            "LAP-17 VAP-3 XYZ-9",  # known spellings made canonical; free text left as written
        )
        assert connection.execute("SELECT count(*) FROM engagements WHERE action_points <> ''").fetchone() == (
            engagements,
        )
    assert ccm("indicator", "set", "LAO", "LAP-17", "--year", "2024", "--value", "done", "--source", "x").exit_code == 0
