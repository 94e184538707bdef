"""Fixtures for the command-line tests."""

from __future__ import annotations

import shutil

import pytest

from tests import backends
from tests.conftest import CCM, SAMPLE


@pytest.fixture(scope="module")
def reading(tmp_path_factory):
    """One copy of the sample per module, for tests that only read it (the `ccm` fixture copies it per test)."""
    if backends.on_postgresql():
        url = backends.new_database()
        yield CCM(url)
        backends.drop(url)
    else:
        copy = tmp_path_factory.mktemp("read") / "sample.db"
        shutil.copy(SAMPLE, copy)
        yield CCM(copy)
