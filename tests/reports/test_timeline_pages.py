"""A state's timeline read by position, a block at a time, is the whole timeline turned round."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.actions.journal import NewEngagement, add_engagement
from ccmtui.db.read import open_reader
from ccmtui.db.write import writing
from ccmtui.reports.history import TimelinePages, state_history
from ccmtui.reports.register import Register

LOME = "480d530f-8be0-5842-a038-cce0d90cd619"  # the Lomé conference (2013-05-22), Togo among its states


@pytest.fixture
def reader(ccm, tmp_path):
    for name in ("letter.pdf", "annex.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 " + name.encode())
        assert ccm("attach", LOME[:8], str(tmp_path / name)).exit_code == 0
    with writing(str(ccm.db), by="Test", command="fill") as writer:
        # Several a day, one on the day of the conference, so that blocks start and end inside days.
        for day, number in ((date(2013, 5, 22), 2), (date(2014, 1, 1), 5), (date(2014, 2, 1), 3)):
            for i in range(number):
                add_engagement(
                    writer,
                    NewEngagement(
                        occurred_on=day,
                        kind="call",
                        area="universalization",
                        channel="geneva",
                        summary=f"Call on {day} #{i}",
                        states=["TGO"],
                    ),
                )
    reader = open_reader(str(ccm.db))
    yield reader
    reader.close()


def test_every_block_holds_what_the_whole_timeline_has_there(reader):
    record = Register(reader).record("TGO")
    whole = state_history(reader, record)[::-1]
    assert {"attachment", "engagement", "treaty"} <= {entry.kind for entry in whole}
    pages = TimelinePages(reader, record)
    assert pages.total == len(whole)
    for size in (1, 2, 3, 7):
        for start in range(len(whole)):
            assert pages.entries(reader, start, size) == whole[start : start + size], (size, start)
    assert pages.entries(reader, len(whole), 5) == []
