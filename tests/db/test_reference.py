"""The shipped register agrees with its sources, and a bad file is refused whole."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.db.reference import _text, read_states
from ccmtui.domain import treaty
from ccmtui.domain.errors import InputError


def test_register_counts_match_sources_md():
    states = read_states(_text("states.csv"))
    assert len(states) == 197
    deposited = [s for s in states if s["deposited"]]
    assert len(deposited) == 113  # 112 States Parties + Lithuania, withdrawn
    assert sum(1 for s in states if s["signed"]) == 108
    assert sum(1 for s in states if s["signed"] and not s["deposited"]) == 12
    assert sum(1 for s in states if s["instrument"] == "accession") == 17
    assert [s["iso3"] for s in states if s["withdrawal_notified"]] == ["LTU"]


def _csv(*rows: str) -> str:
    header = "name,iso3,region,subregion,signed,deposited,instrument,withdrawal_notified,source"
    return "\n".join([header, *rows]) + "\n"


def test_every_bad_row_is_reported_with_its_line_number():
    text = _csv(
        "Kenya,KEN,Africa,Eastern Africa,2008-12-03,,,,ok",
        "Narnia,NA,Africa,Eastern Africa,,,,,bad code",
        "Chad,TCD,Africa,Middle Africa,2008-12-03,2013-26-03,ratification,,bad date",
        "Peru,PER,Americas,South America,2008-12-03,2012-09-26,,,no instrument",
        "Kenya,KEN,Africa,Eastern Africa,2008-12-03,,,,duplicate",
        "Mars,MRS,Space,Far,,,,,bad region",
    )
    with pytest.raises(InputError) as raised:
        read_states(text, "f.csv")
    message = str(raised.value)
    assert message.startswith("f.csv: 5 bad rows, nothing written")
    for line in (3, 4, 5, 6, 7):
        assert f"line {line}:" in message
    assert "line 2:" not in message


def test_a_signature_after_entry_into_force_is_refused():
    # Art. 15: the Convention was open for signature until it entered into force.
    with pytest.raises(InputError, match="signature period"):
        read_states(_csv("Kenya,KEN,Africa,Eastern Africa,2011-01-01,,,,late"))


def test_missing_columns_are_named():
    with pytest.raises(InputError, match="missing column"):
        read_states("name,iso3\nKenya,KEN\n")


def test_reference_status_today_matches_the_public_record():
    states = read_states(_text("states.csv"))
    on = date(2025, 9, 8)
    statuses = [
        treaty.status_on(on, signed=s["signed"], deposited=s["deposited"], withdrawal_notified=s["withdrawal_notified"])
        for s in states
    ]
    assert statuses.count(treaty.Status.PARTY) + statuses.count(treaty.Status.PENDING) == 112
    assert statuses.count(treaty.Status.SIGNATORY) == 12
    assert statuses.count(treaty.Status.WITHDRAWN) == 1
