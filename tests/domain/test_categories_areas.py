from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from ccmtui.domain.areas import parse_area
from ccmtui.domain.categories import Category, check_classifiable, parse_category
from ccmtui.domain.dates import parse_date
from ccmtui.domain.errors import InputError


@pytest.mark.parametrize("text", ["II", "ii", "2", "Category II", " category ii "])
def test_category_forms(text):
    assert parse_category(text) is Category.II


def test_unknown_category_lists_the_valid_ones():
    with pytest.raises(InputError, match="valid: I, II, III"):
        parse_category("IV")


def test_a_category_is_for_a_state_until_it_deposits():
    # Peru signed in 2008 and deposited on 26 September 2012: pending, a State Party in CCM's count.
    peru = SimpleNamespace(name="Peru", signed=date(2008, 12, 3), deposited=date(2012, 9, 26), withdrawal_notified=None)
    check_classifiable(peru, date(2012, 9, 25))
    with pytest.raises(
        InputError, match=r"^Peru is a State Party on 2012-09-26 \(pending\); categories are for states not yet party$"
    ):
        check_classifiable(peru, date(2012, 9, 26))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("universalisation", "universalization"),
        ("Stockpile destruction and retention", "stockpile-destruction"),
        ("victim assistance", "victim-assistance"),
        ("NIM", "national-implementation"),
    ],
)
def test_area_forms(text, slug):
    assert parse_area(text) == slug


def test_unknown_area_lists_the_valid_ones():
    with pytest.raises(InputError, match="universalization"):
        parse_area("gardening")


def test_bad_date_shows_the_expected_form():
    with pytest.raises(InputError, match="expected YYYY-MM-DD"):
        parse_date("09/09/2013")
