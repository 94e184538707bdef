"""A screenshot of the Margins screen: the 12MSP's week on a copy of sample.db with four bilateral
meetings, one held and one cancelled, "today" fixed at 2025-01-15 (update as tests/tui/test_snapshots.py says)."""

from __future__ import annotations

import pytest

from ..conftest import CCM
from .test_snapshots import go

# Every picture of the app, compared: .ci/run runs them with the slow suites (`pytest -m slow`).
pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

WEEK = (
    ("TUV", "2024-09-10", "10:00-10:30", "Room XXIII", "Accession timetable"),
    ("MHL", "2024-09-10", "10:00-10:30", "Room XX", "Article 7 report"),
    ("LAO", "2024-09-11", "11:00-11:30", "Room XXIII", "Clearance deadline"),
    ("FJI", "2024-09-12", "09:30-10:00", "Delegates' lounge", ""),
)


class TestMargins:
    def test_week(self, snap_compare, make_app, sample_db):
        ccm = CCM(sample_db)
        for iso3, day, slot, room, objective in WEEK:
            added = ccm("margins", "add", "12MSP", "--with", iso3, "--day", day, "--slot", slot, "--room", room,
                        "--objective", objective)  # fmt: skip
            assert added.exit_code == 0, added.output
        held = ccm("margins", "outcome", "12MSP", "TUV", "-m", "Cabinet to consider accession in 2025",
                   "--follow-up", "2024-12-01", "-a", "universalization")  # fmt: skip
        assert held.exit_code == 0, held.output
        assert ccm("margins", "cancel", "12MSP", "FJI").exit_code == 0
        assert snap_compare(make_app(), terminal_size=(100, 30), run_before=go("8", "M", "G", "k", "B"))
