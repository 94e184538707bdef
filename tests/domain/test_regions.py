"""Regions, sub-regions and intermediate regions (UN M49) as `region:…` and `--region` take them."""

from __future__ import annotations

import csv

import pytest

from ccmtui.domain.errors import InputError
from ccmtui.domain.states import Regions

from ..conftest import REFERENCE


@pytest.fixture(scope="module")
def regions() -> Regions:
    rows = csv.DictReader((REFERENCE / "states.csv").open(encoding="utf-8"))
    return Regions((r["iso3"], r["region"], r["subregion"], r.get("intermediate_region") or None) for r in rows)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Africa", ("region", "Africa")),
        ("americas", ("region", "Americas")),
        ("Sub-Saharan Africa", ("subregion", "Sub-Saharan Africa")),
        ("sub saharan africa", ("subregion", "Sub-Saharan Africa")),
        ("SOUTHEASTERN ASIA", ("subregion", "South-eastern Asia")),
        ("Western Africa", ("intermediate", "Western Africa")),
        ("the Caribbean", ("intermediate", "Caribbean")),
        ("Océania", ("region", "Oceania")),  # accents ignored
        ("Mélanésia", ("subregion", "Melanesia")),
        ("latin america & the caribbean", ("subregion", "Latin America and the Caribbean")),
    ],
)
def test_any_level_in_any_case_and_accent(regions, text, found):
    assert regions.match(text) == found


def test_an_unknown_region_lists_them_all_grouped_with_the_closest(regions):
    with pytest.raises(InputError) as raised:
        regions.match("Westen Afrika")
    message = str(raised.value)
    assert message.startswith("unknown region 'Westen Afrika'; did you mean Western Africa")
    assert (
        "Africa: Northern Africa, Sub-Saharan Africa (Eastern Africa, Middle Africa, Southern Africa, Western Africa)"
        in message
    )
    assert (
        "Americas: Latin America and the Caribbean (Caribbean, Central America, South America), Northern America"
        in message
    )
    assert "Oceania: Australia and New Zealand, Melanesia, Micronesia, Polynesia" in message
    assert "\n" not in message
    every = {name for (_, name) in regions.members}
    assert all(name in message for name in every)


def test_the_states_of_an_intermediate_region(regions):
    assert len(regions.states_in("intermediate", "Western Africa")) == 16
    assert "JAM" in regions.states_in("intermediate", "Caribbean")
