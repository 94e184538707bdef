from __future__ import annotations

import pytest

from ccmtui.domain.areas import parse_area
from ccmtui.domain.categories import Category, parse_category
from ccmtui.domain.dates import parse_date
from ccmtui.domain.errors import InputError


@pytest.mark.parametrize("text", ["II", "ii", "2", "Category II", " category ii "])
def test_category_forms(text):
    assert parse_category(text) is Category.II


def test_unknown_category_lists_the_valid_ones():
    with pytest.raises(InputError, match="valid: I, II, III"):
        parse_category("IV")


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
