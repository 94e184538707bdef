"""The shipped obligations agree with the register and the Convention, and a bad file is refused whole."""

from __future__ import annotations

import pytest

from ccmtui.db.reference import _text, read_obligations
from ccmtui.domain.errors import InputError
from tests import reference_facts as facts


def test_every_deadline_is_entry_into_force_plus_eight_or_ten_years():
    # SOURCES.md: deadlines are computed from entry into force (Art. 17) + 8 years (Art. 3(2)) or 10 (Art. 4(1)).
    for row in facts.OBLIGATIONS:
        deposited = facts._day(facts.STATES[row["iso3"]]["deposited"])
        start = facts.in_force(deposited)
        years = 8 if row["article"] == "3" else 10
        assert row["deadline"] == start.replace(year=start.year + years).isoformat(), row["iso3"]


def test_the_file_reads_as_shipped():
    rows = read_obligations(_text("obligations.csv"), set(facts.STATES))
    assert len(rows) == 63
    assert sum(1 for r in rows if r["article"] == 3) == 41
    assert sum(1 for r in rows if r["article"] == 4) == 22
    completed = {(r["iso3"], r["article"]): r["completed"] for r in rows}
    assert completed["BGR", 3] == "2023-06" and completed["HRV", 3] == "2018" and completed["BEL", 3] is None


HEADER = "iso3,article,deadline,extended_to,completed,source,status"


def test_bad_rows_are_listed_and_nothing_is_read():
    text = "\n".join(
        [
            HEADER,
            "AUT,3,2018-08-01,,2010,ok,completed",
            "XXX,3,2018-08-01,,,unknown state,completed",
            "AUT,6,2018-08-01,,,bad article,completed",
            "AUT,4,2020-08-01,,June 2020,bad completion,completed",
            "AUT,4,2020-08-01,2019-01-01,,extension before the deadline,outstanding",
            "AUT,4,2020-08-01,,2020,completion with another status,outstanding",
            "AUT,3,2018-08-01,,,duplicate,completed",
        ]
    )
    with pytest.raises(InputError) as raised:
        read_obligations(text, set(facts.STATES), "f.csv")
    message = str(raised.value)
    assert message.startswith("f.csv: 6 bad rows, nothing written")
    for line in range(3, 9):
        assert f"line {line}:" in message
