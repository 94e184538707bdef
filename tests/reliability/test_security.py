"""Security: files holding notes are the owner's alone, and text reaches SQL only as bound values."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from ccmtui.seed.sample import logical_dump

from ..conftest import CCM, REFERENCE
from .conftest import run_ccm

pytestmark = pytest.mark.sqlite_only

HOSTILE = "O'Brien said \"no\"; '); DROP TABLE engagements; -- "


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """A umask that would leave new files readable by everyone: ccm must not rely on the user's."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_database_and_its_journal_files_are_owner_only(tmp_path, identity, open_umask):
    database = tmp_path / "new.db"
    ccm = CCM(database)
    assert ccm("status", "--count").exit_code == 0
    assert mode(database) == 0o600
    connection = sqlite3.connect(database)  # keeps the -wal and -shm files while open
    connection.execute("SELECT count(*) FROM states").fetchone()
    try:
        assert ccm("log", "call", "KEN", "-m", "Private notes", "--notes", "Confidential").exit_code == 0
        for suffix in ("-wal", "-shm"):
            journal = Path(f"{database}{suffix}")
            assert journal.exists() and mode(journal) == 0o600, suffix
    finally:
        connection.close()


def test_the_default_database_lives_in_an_owner_only_folder(isolated_environment, identity, open_umask):
    result = CCM(None)("status", "--count")
    assert result.exit_code == 0
    database = isolated_environment / "data" / "ccmtui" / "ccm.db"
    assert mode(database) == 0o600
    assert mode(database.parent) == 0o700


def test_config_is_owner_only_even_over_a_leftover_from_an_interrupted_save(isolated_environment, open_umask):
    path = Path(os.environ["CCM_CONFIG"])
    path.parent.mkdir(parents=True)
    leftover = path.with_name(path.name + ".tmp")
    leftover.write_text("half written", encoding="utf-8")
    leftover.chmod(0o644)
    assert CCM(None)("config", "set", "name", "Ana Silva").exit_code == 0
    assert mode(path) == 0o600
    assert "Ana Silva" in path.read_text(encoding="utf-8")
    assert not leftover.exists()


def test_a_large_generated_database_is_owner_only(tmp_path, open_umask):
    from ccmtui.seed.generate import generate

    built = generate(tmp_path / "large.db", 50, seed=1)
    assert mode(built.path) == 0o600


def test_a_saved_attachment_is_owner_only(sample_db, identity, tmp_path, open_umask, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ccm = CCM(sample_db)
    engagement = ccm("engagements", "--json").output
    uuid = __import__("json").loads(engagement)[0]["id"]
    document = tmp_path / "minutes.txt"
    document.write_text("Minutes: confidential.", encoding="utf-8")
    assert ccm("attach", uuid[:8], document).exit_code == 0
    listed = __import__("json").loads(ccm("attachment", "list", uuid[:8], "--json").output)
    saved = tmp_path / "copy.txt"
    result = ccm("attachment", "save", listed[0]["id"][:8], "-o", saved)
    assert result.exit_code == 0, result.output
    assert mode(saved) == 0o600


def test_quotes_and_sql_in_what_users_type_land_verbatim(sample_db, identity):
    ccm = CCM(sample_db)
    tables = set(logical_dump(sample_db))
    assert ccm("person", "add", HOSTILE, "--state", "KEN", "--role", HOSTILE, "--notes", HOSTILE).exit_code == 0
    assert ccm("log", "call", "KEN", "-m", HOSTILE, "--notes", HOSTILE * 2, "--with", HOSTILE).exit_code == 0
    assert ccm("classify", "USA", "II", "-r", HOSTILE, "--date", "2025-01-01").exit_code == 0
    result = ccm("campaign", "new", HOSTILE, "--to", "KEN", "--to", "UGA", "--yes", "--notes", HOSTILE)
    assert result.exit_code == 0, result.output
    for text in (HOSTILE, "'", '"', "') OR 1=1 --", "NEAR(", "*"):
        search = ccm("search", text)
        assert search.exit_code in (0, 1), search.output
        assert "Traceback" not in search.output
    connection = sqlite3.connect(sample_db)
    try:
        summaries = [
            s for (s,) in connection.execute("SELECT summary FROM engagements WHERE summary = ?", (HOSTILE.strip(),))
        ]
        assert len(summaries) == 2  # the engagement and the campaign's
        assert connection.execute(
            "SELECT count(*) FROM engagements WHERE notes = ?", ((HOSTILE * 2).strip(),)
        ).fetchone() == (1,)
        assert connection.execute(
            "SELECT count(*) FROM people JOIN engagement_counterparts ON person_uuid = people.uuid WHERE name = ?",
            (" ".join(HOSTILE.split()),),
        ).fetchone() == (1,)
        assert connection.execute(
            "SELECT count(*) FROM classifications WHERE rationale = ?", (HOSTILE.strip(),)
        ).fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM campaigns WHERE title = ?", (HOSTILE.strip(),)).fetchone() == (
            1,
        )
        assert connection.execute("SELECT count(*) FROM states").fetchone() == (197,)
    finally:
        connection.close()
    assert set(logical_dump(sample_db)) == tables
    found = ccm("search", "O'Brien")
    assert found.exit_code == 0 and "DROP TABLE" in found.output


def test_a_state_name_with_quotes_and_sql_lands_verbatim(sample_db, identity, tmp_path):
    rows = list(csv.DictReader((REFERENCE / "states.csv").read_text(encoding="utf-8").splitlines()))
    name = "Côte d'Ivoire'; DELETE FROM states; --"
    for row in rows:
        if row["iso3"] == "CIV":
            row["name"] = name
    path = tmp_path / "states.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert run_ccm("--db", sample_db, "states", "update", path).returncode == 0
    connection = sqlite3.connect(sample_db)
    try:
        assert connection.execute("SELECT name FROM states WHERE iso3 = 'CIV'").fetchone() == (name,)
        assert connection.execute("SELECT count(*) FROM states").fetchone() == (197,)
    finally:
        connection.close()
    shown = CCM(sample_db)("status", "CIV", "--json")
    assert shown.exit_code == 0 and name in shown.output
