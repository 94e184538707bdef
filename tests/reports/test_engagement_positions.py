"""Any position in the engagements list, found from the engagements counted per day."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.actions.journal import NewEngagement, add_engagement
from ccmtui.db.read import open_reader
from ccmtui.db.write import writing
from ccmtui.reports.engagements import EngagementFilter, engagements_per_day, list_engagements
from ccmtui.tui.pager import EngagementRows, count_days, fetch

# Several engagements a day, so that positions fall inside days.
DAYS = {date(2024, 6, 1): 7, date(2024, 5, 1): 5, date(2024, 4, 2): 1, date(2024, 4, 1): 9}

FILTERS = [
    EngagementFilter(),
    EngagementFilter(area="clearance"),
    EngagementFilter(kind="call"),
    EngagementFilter(kind="call", area="universalization"),
    EngagementFilter(state="PER"),
    EngagementFilter(state="PER", kind="email", since=date(2024, 4, 2)),
    EngagementFilter(until=date(2024, 5, 1), since=date(2011, 1, 1)),
]


@pytest.fixture
def reader(ccm):
    target = str(ccm.db)
    with writing(target, by="Test", command="fill") as writer:
        for day, number in DAYS.items():
            for i in range(number):
                add_engagement(
                    writer,
                    NewEngagement(
                        occurred_on=day,
                        kind="call" if i % 2 else "email",
                        area="universalization" if i % 3 else "clearance",
                        channel="geneva",
                        summary=f"Contact {day} #{i}",
                        states=["PER" if i % 4 else "KEN"],
                    ),
                )
    reader = open_reader(target)
    yield reader
    reader.close()


@pytest.mark.parametrize("chosen", FILTERS, ids=repr)
def test_every_position_reads_the_engagement_the_full_listing_has_there(reader, chosen):
    whole = [line.uuid for line in list_engagements(reader, EngagementFilter(**{**chosen.__dict__, "limit": None}))]
    days = count_days(reader, chosen)
    assert days.total == len(whole) > 0
    for position in range(len(whole)):
        [line] = fetch(reader, chosen, days.cursor(position), 1).lines
        assert line.uuid == whole[position], position


def test_the_counts_are_per_day_newest_first(reader):
    counts = engagements_per_day(reader, EngagementFilter(since=date(2024, 1, 1)))
    assert counts == sorted(DAYS.items(), reverse=True)


def test_rows_in_blocks_join_up_into_the_whole_list(reader):
    chosen = EngagementFilter(state="PER")
    whole = [line.uuid for line in list_engagements(reader, EngagementFilter(state="PER", limit=None))]
    rows = EngagementRows(chosen)
    register = type("Register", (), {"reader": reader, "index": None})()
    first = rows.read(register, 0, 4)
    rows.counted(count_days(reader, chosen))
    found = first + [row for start in range(4, len(whole), 4) for row in rows.read(register, start, 4)]
    assert [row.key for row in found] == whole
    assert rows.length == len(whole)
