"""Fixtures for the team server's tests: fresh databases on the test PostgreSQL server, and its superuser."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests import backends

_names = itertools.count()


def _with(url: str, **parts) -> str:
    return make_url(url).set(**parts).render_as_string(hide_password=False)


@pytest.fixture
def empty_database(postgres):
    """A new, empty database on the test server (as its URL for the `ccm` login), dropped afterwards."""
    name = f"ccm_server_{os.getpid()}_{next(_names)}"
    backends._admin(f'CREATE DATABASE "{name}"')
    url = _with(postgres, database=name)
    yield url
    backends.drop(url)


@pytest.fixture
def superuser(postgres) -> str:
    """The server's superuser (trusted on the loopback by scripts/pg-test-server); skipped on a server named by CCM_TEST_PG."""
    url = _with(postgres, username="postgres", password=None)
    try:
        backends._admin_on(url, "SELECT 1")
    except Exception as error:  # a server of someone else's: no superuser to set roles up
        pytest.skip(f"no superuser on the test server: {type(error).__name__}")
    return url


def as_login(url: str, login: str) -> str:
    """The same database reached as another login (trusted on the loopback, no password)."""
    return _with(url, username=login, password=None)


def pytest_collection_modifyitems(config, items):
    # The team server as its users meet it: long, run by .ci/run with the slow suites (`pytest -m slow`).
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.slow)
