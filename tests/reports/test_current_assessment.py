"""A state's current assessment read on its own is the one read with every state's."""

from __future__ import annotations

from datetime import date

from ccmtui.db.read import open_reader
from ccmtui.reports.reasons import current_assessment, current_assessments

CAMPAIGN = "6407f7c8"  # the 2013 letter to 74 missions, Thailand among them


def test_one_states_assessment_is_its_entry_among_all(ccm):
    for command in (
        ("classify", "KEN", "II", "-r", "Other priorities", "--reason", "other-priorities", "--date", "2014-02-01"),
        ("classify", "KEN", "II", "-r", "Cost", "--reason", "cost", "--date", "2015-03-01"),
        ("reply", CAMPAIGN, "THA", "--stance", "neutral", "-m", "Cost", "--reason", "cost", "--date", "2014-01-10"),
    ):
        assert ccm(*command).exit_code == 0, command
    reader = open_reader(str(ccm.db))
    try:
        states = [row.iso3 for row in reader.rows("states_file")]
        for day in (date(2013, 9, 8), date(2013, 9, 9), date(2014, 6, 1), date(2030, 1, 1)):
            every = current_assessments(reader, day)
            if day.year == 2030:
                assert "cost" in every["THA"].reasons  # a reply's reasons added to its assessment's
            for iso3 in states:
                assert current_assessment(reader, iso3, day) == every.get(iso3), (iso3, day)
    finally:
        reader.close()
