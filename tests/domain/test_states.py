"""Matching the names people write to the register's states."""

from __future__ import annotations

import csv

import pytest

from ccmtui.domain.errors import NotFoundError
from ccmtui.domain.states import StateIndex, normalize

from ..conftest import REFERENCE


@pytest.fixture(scope="module")
def index() -> StateIndex:
    aliases: dict[str, list[str]] = {}
    for row in csv.DictReader((REFERENCE / "aliases.csv").open(encoding="utf-8")):
        aliases.setdefault(row["iso3"], []).append(row["alias"])
    rows = csv.DictReader((REFERENCE / "states.csv").open(encoding="utf-8"))
    return StateIndex((r["iso3"], r["name"], aliases.get(r["iso3"], [])) for r in rows)


@pytest.mark.parametrize(
    ("written", "iso3"),
    [
        ("Lao PDR", "LAO"),
        ("Laos", "LAO"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("cote d’ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("Nigéria", "NGA"),
        ("NIGERIA", "NGA"),
        ("Papua New-Guinea", "PNG"),
        ("Saint-Vincent and Grenadines", "VCT"),
        ("St. Lucia", "LCA"),
        ("ken", "KEN"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("United Republic of Tanzania", "TZA"),
        ("Republic of Moldova", "MDA"),
        ("Cape Verde", "CPV"),
        ("Czech Republic", "CZE"),
        ("Slovak Republic", "SVK"),
        ("DR Congo", "COD"),
        ("Congo", "COG"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
    ],
)
def test_names_people_write_find_the_state(index, written, iso3):
    assert index.resolve(written) == iso3


def test_every_state_of_the_2013_table_is_found(index):
    # The signature/ratification table of the 2013 universalisation report, as written there.
    names = [
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Central African Republic",
        "Cook Islands",
        "Democratic Republic of the Congo",
        "Dominican Republic",
        "Guinea-Bissau",
        "Holy See",
        "Sao Tome and Principe",
        "Trinidad and Tobago",
    ]
    assert all(index.find(name) for name in names)


def test_unknown_state_names_the_closest_matches(index):
    with pytest.raises(NotFoundError) as raised:
        index.resolve("Keny")
    message = str(raised.value)
    assert "unknown state 'Keny'" in message and "Kenya (KEN)" in message
    assert "\n" not in message


def test_no_suggestion_for_nonsense_still_says_what_to_type(index):
    with pytest.raises(NotFoundError, match="ISO3"):
        index.resolve("qqqqqqq")


def test_normalize_ignores_case_accents_and_punctuation():
    assert normalize("  Côte  d'Ivoire ") == normalize("COTE D IVOIRE") == "cote d ivoire"
    assert normalize("St Kitts & Nevis") == "saint kitts and nevis"


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("ken", "KEN"),
        ("KEN", "KEN"),
        ("côte", "CIV"),
        ("ivory", "CIV"),
        ("laos", "LAO"),
        ("viet", "VNM"),
        ("macedonia", "MKD"),
    ],
)
def test_search_puts_the_likeliest_state_first(index, typed, first):
    assert index.search(typed)[0] == first


def test_search_matches_word_starts_and_ignores_accents(index):
    found = index.search("guinea")
    assert {"GIN", "GNB", "GNQ", "PNG"} <= set(found)
    assert found[0] == "GIN"
    assert index.search("  ") == []
    assert len(index.search("a", limit=5)) == 5
