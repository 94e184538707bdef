"""The register's counts on past days, read from the instruments once (the dashboard's chart)."""

from __future__ import annotations

from datetime import date

from ccmtui.db.read import open_reader
from ccmtui.domain.treaty import STATES_PARTIES_INCLUDING_PENDING, Status
from ccmtui.reports.register import Register, status_counts


def test_count_on_a_day_agrees_with_the_register_of_that_day(sample_db):
    reader = open_reader(str(sample_db))
    try:
        register = Register(reader)
        # The 2013 report counts 83 States Parties (pending included) at the 4MSP.
        assert register.count_on(date(2013, 9, 9), STATES_PARTIES_INCLUDING_PENDING) == 83
        for day in (date(2008, 12, 31), date(2010, 8, 1), date(2016, 12, 31), date(2025, 3, 6)):
            counted = status_counts(register.on(day))
            for status in Status:
                assert register.count_on(day, {status}) == counted[status], (day, status)
    finally:
        reader.close()
