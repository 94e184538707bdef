"""Syncs with a real server that go wrong: ccm killed, the connection cut, two laptops at once.

Each leaves both sides consistent (each side is one transaction); the next sync completes the
work, with nothing lost and nothing copied twice.
"""

from __future__ import annotations

import json
import shutil
import signal
import time

import pytest
from sqlalchemy import create_engine, text

from tests import backends
from tests.reliability.conftest import ccm_process, run_ccm
from tests.teams import sample_laptop

from ..conftest import CCM

pytestmark = pytest.mark.sqlite_only
RECORD_TABLES_ONLY = ("changesets", "changes", "database_info", "sync_peers")


@pytest.fixture
def team(postgres):
    CCM(None)("config", "set", "name", "Coordinator")  # a team database records who wrote
    url = backends.new_database()
    yield url
    backends.drop(url)


def _count(url: str, sql: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def _biglaptop(tmp_path, engagements: int = 3000) -> CCM:
    from ccmtui.seed.generate import generate

    path = tmp_path / "big.db"
    generate(path, engagements)
    return CCM(path)


def _sync(laptop: CCM, team: str) -> dict:
    result = laptop("sync", team, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _in_step(laptop: CCM, team: str) -> None:
    """Every engagement on both sides once, and a further sync finds nothing to do (reading only the log)."""
    here = _count(f"sqlite:///{laptop.db}", "SELECT count(*) FROM engagements")
    assert _count(team, "SELECT count(*) FROM engagements") == here
    assert _count(team, "SELECT count(DISTINCT uuid) FROM engagements") == here
    quiet = _sync(laptop, team)
    assert not quiet["whole"] and not (quiet["came_in"] or quiet["went_out"]), quiet


@pytest.mark.slow
def test_ccm_killed_during_a_first_sync_leaves_the_server_untouched_and_the_next_sync_completes(tmp_path, team):
    laptop = _biglaptop(tmp_path)
    started = time.perf_counter()
    timed = run_ccm("--db", laptop.db, "sync", team)
    took = time.perf_counter() - started
    assert timed.returncode == 0, timed.stderr
    copy = tmp_path / "fresh.db"
    killed = 0
    for fraction in (0.3, 0.6, 0.85):
        # The same first sync again, from a fresh file to a fresh server, killed part way.
        fresh_team = backends.new_database()
        try:
            shutil.copy(laptop.db, copy)
            already = _count(fresh_team, "SELECT count(*) FROM engagements")  # the sample's
            process = ccm_process("--db", copy, "sync", fresh_team)
            time.sleep(took * fraction)
            killed += process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.communicate()
            # All of the laptop's records or none.
            assert _count(fresh_team, "SELECT count(*) FROM engagements") in (already, already + 3000)
            _sync(CCM(copy), fresh_team)
            _in_step(CCM(copy), fresh_team)
        finally:
            backends.drop(fresh_team)
    assert killed >= 2  # most of the kills came while it ran


@pytest.mark.slow
def test_the_connection_cut_during_a_sync_is_one_line_and_the_next_sync_completes(tmp_path, team, superuser):
    laptop = _biglaptop(tmp_path)
    already = _count(team, "SELECT count(*) FROM engagements")
    database = team.rsplit("/", 1)[1]
    # A lock that lets the sync read but holds its writes to the engagements, so its connection is
    # cut while it is copying however fast the machine (a server restarting or the network dropping
    # look the same to ccm).
    engine = create_engine(superuser.rsplit("/", 1)[0] + f"/{database}")
    cut = 0
    try:
        with engine.connect() as holder:
            holder.execute(text("LOCK TABLE engagements IN SHARE MODE"))
            process = ccm_process("--db", laptop.db, "sync", team)
            deadline = time.monotonic() + 60
            while process.poll() is None and time.monotonic() < deadline and not cut:
                time.sleep(0.1)
                cut = holder.execute(
                    text(
                        "SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l "
                        "WHERE l.relation = 'engagements'::regclass AND NOT l.granted"
                    )
                ).scalar_one()
            holder.rollback()
    finally:
        engine.dispose()
    _, err = process.communicate(timeout=120)
    assert cut, "the sync finished before its connection could be cut"
    assert process.returncode == 3, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("Error: ") and "Traceback" not in err
    assert _count(team, "SELECT count(*) FROM engagements") == already  # the server's transaction was rolled back
    _sync(laptop, team)
    _in_step(laptop, team)


def test_two_laptops_syncing_at_the_same_moment_take_turns_and_lose_nothing(tmp_path, team):
    from ccmtui.db.write import writing

    a, b, server = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b"), CCM(team)
    for laptop in (a, b):
        _sync(laptop, team)
    shared = json.loads(a("engagements", "--json", "--state", "TGO").stdout)[0]["id"]
    for laptop, name in ((a, "A"), (b, "B")):
        for n in range(3):
            made = laptop("log", "call", "KEN", "-m", f"{name}'s call {n}", "-a", "univ", "--date", "2024-06-02")
            assert made.exit_code == 0, made.output
        with writing(str(laptop.db), by=name, command="edit") as writer:
            writer.update("engagements", shared, {"notes": f"{name}'s notes"})
    processes = [ccm_process("--db", laptop.db, "sync", team) for laptop in (a, b)]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    for laptop in (a, b, a):
        _sync(laptop, team)
    summaries = sorted(
        e["summary"] for e in json.loads(server("engagements", "--json", "--since", "2024-06-01").stdout)
    )
    assert summaries == sorted(f"{name}'s call {n}" for name in "AB" for n in range(3))
    contents = [c.dump(without=RECORD_TABLES_ONLY, portable=True) for c in (a, b, server)]
    assert contents[0] == contents[1] == contents[2]
    assert json.loads(server("show", shared[:8], "--json").stdout)["notes"] in ("A's notes", "B's notes")
    assert json.loads(server("conflicts", "--json").stdout)  # the edit on both sides was recorded
