"""Coordinators' files and a team to sync them through, as the sync tests set them up: each
laptop a copy of the sample, the team another file or a new database on the test server."""

from __future__ import annotations

import shutil

import pytest

from tests import backends
from tests.conftest import CCM, SAMPLE


def sample_laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def team_of_kind(tmp_path, request: pytest.FixtureRequest, kind: str) -> str:
    """A team database: a file beside the laptops, or (`postgresql`) a new database on the test
    server, dropped when the test ends."""
    if kind != "postgresql":
        return str(sample_laptop(tmp_path, "team").db)
    request.getfixturevalue("postgres")
    team = backends.new_database()
    request.addfinalizer(lambda: backends.drop(team))
    return team
