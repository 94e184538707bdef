"""The General Assembly's resolution on the Convention: votes as the UN Digital Library writes them, years, symbols."""

from __future__ import annotations

from datetime import date

import pytest

from ccmtui.domain.errors import InputError
from ccmtui.domain.unga import Resolution, check_symbol, check_year, parse_vote


@pytest.mark.parametrize(
    ("text", "vote"),
    [("Y", "yes"), ("n", "no"), (" A ", "abstain"), ("", "absent"), ("X", "absent"), ("Non member", "non-member")],
)
def test_the_digital_librarys_codes_and_the_words_are_votes(text, vote):
    assert parse_vote(text) == vote


def test_a_year_before_the_first_resolution_or_to_come_has_none():
    today = date(2026, 11, 27)
    assert check_year(2015, today) == 2015 and check_year(2026, today) == 2026
    for year in (2014, 2027):
        with pytest.raises(
            InputError, match=f"no General Assembly resolution on the Convention's implementation in {year}"
        ):
            check_year(year, today)


def test_a_symbol_must_be_the_years_own():
    known = Resolution(2016, "A/RES/71/45", date(2016, 12, 5), 141, 2, None, "source", "")
    assert check_symbol(" a/res/71/45 ", 2016, known) == "A/RES/71/45"
    assert check_symbol("", 2016, known) == ""
    with pytest.raises(InputError, match="A/RES/72/54 is not the 2016 resolution"):
        check_symbol("A/RES/72/54", 2016, known)
    # A year the shipped record has no symbol for: the session still tells.
    assert check_symbol("A/RES/74/XX", 2019, None) == "A/RES/74/XX"
    with pytest.raises(InputError, match="not of the 74th session"):
        check_symbol("A/RES/75/XX", 2019, None)
