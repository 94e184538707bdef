"""The actions on a private copy of the sample (SQLite, or PostgreSQL with CCM_TEST_BACKEND)."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.db.read import open_reader
from ccmtui.db.write import writing
from ccmtui.reports.register import Register

TODAY = date(2025, 1, 15)
CONFIG = {"name": "Ana Tester", "state": "PRT", "area": "universalization"}


class Database:
    """What a front end hands an action: a register to read, a way to write, the coordinator's config."""

    def __init__(self, ccm):
        self.ccm = ccm
        self.target = str(ccm.db)
        self.register = Register(open_reader(self.target))
        self.config = dict(CONFIG)
        self.commands: list[str] = []

    @property
    def reader(self):
        return self.register.reader

    def writing(self, command: str):
        self.commands.append(command)
        return writing(self.target, by="Ana Tester (PRT)", command=command)

    def close(self) -> None:
        self.register.reader.close()


@pytest.fixture
def db(ccm):
    database = Database(ccm)
    yield database
    database.close()
