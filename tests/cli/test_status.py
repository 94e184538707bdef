"""`ccm status` against the sample database and the public record."""

from __future__ import annotations

import json
import sqlite3

import pytest


def test_party_count_at_the_4msp_matches_the_2013_report(ccm):
    # The 2013 report counts 83 ratifications and accessions by the 4MSP (9 September 2013);
    # three of them (Andorra, Bolivia, Iraq) were not yet in force that day.
    assert ccm("status", "--as-of", "2013-09-09", "--count", "--status", "party").stdout.strip() == "80"
    assert ccm("status", "--as-of", "4MSP", "--count", "--status", "states-parties").stdout.strip() == "83"
    assert ccm("status", "--as-of", "4MSP", "--count", "--status", "pending").stdout.strip() == "3"


def test_signatories_at_the_4msp(ccm):
    # 108 signatures in all, 83 deposits (four of them accessions, no signature): 29 signatories yet to ratify.
    assert ccm("status", "--as-of", "4MSP", "--count", "-s", "signatory").stdout.strip() == "29"


def test_today_112_states_parties_and_lithuania_withdrawn(ccm):
    assert ccm("status", "--as-of", "2025-09-08", "--count", "-s", "states-parties").stdout.strip() == "112"
    result = ccm("status", "LTU", "--json", "--as-of", "2025-06-01")
    [lithuania] = json.loads(result.stdout)
    assert lithuania["status"] == "withdrawn"
    assert lithuania["withdrawal_effective"] == "2025-03-06"


def test_json_has_the_documented_keys_and_iso_dates(ccm):
    rows = json.loads(ccm("status", "--json").stdout)
    assert len(rows) == 197
    afghanistan = next(r for r in rows if r["iso3"] == "AFG")
    assert {"iso3", "name", "region", "status", "signed", "deposited", "entry_into_force", "category"} <= set(
        afghanistan
    )
    assert afghanistan["signed"] == "2008-12-03"
    assert afghanistan["entry_into_force"] == "2012-03-01"
    assert next(r for r in rows if r["iso3"] == "DZA")["deposited"] is None


def test_category_filter_uses_the_2013_lists(ccm):
    assert ccm("status", "--as-of", "4MSP", "-c", "I", "--count").stdout.strip() == "23"
    assert ccm("status", "--as-of", "4MSP", "-c", "II", "--count").stdout.strip() == "31"
    assert ccm("status", "--as-of", "4MSP", "-c", "III", "--count").stdout.strip() == "21"
    # Before the report nobody was classified.
    assert ccm("status", "--as-of", "2013-09-08", "-c", "I", "--count").stdout.strip() == "0"


def test_a_state_that_joined_is_no_longer_listed_under_its_category(ccm):
    # South Africa (Category I in 2013) ratified on 28 May 2015.
    assert "ZAF" in ccm("status", "-c", "I", "--as-of", "2015-05-27", "--json").stdout
    after = json.loads(ccm("status", "-c", "I", "--as-of", "2015-05-28", "--json").stdout)
    assert "ZAF" not in {r["iso3"] for r in after}
    [south_africa] = json.loads(ccm("status", "ZAF", "--json").stdout)
    assert south_africa["category"] is None


def test_region_and_subregion_filters(ccm):
    africa = json.loads(ccm("status", "--region", "africa", "--json").stdout)
    assert len(africa) == 54
    western = json.loads(ccm("status", "--region", "Western Europe", "--json").stdout)
    assert {r["iso3"] for r in western} >= {"FRA", "DEU", "CHE"}


def test_states_by_name_in_any_form(ccm):
    rows = json.loads(ccm("status", "lao pdr", "Ivory Coast", "kEn", "--json").stdout)
    assert [r["iso3"] for r in rows] == ["CIV", "KEN", "LAO"]


def test_table_shows_the_states_and_the_totals(ccm):
    result = ccm("status", "--as-of", "4MSP", "-c", "III")
    assert result.exit_code == 0
    assert "Register as of 2013-09-09 — 21 states" in result.stdout
    assert "China" in result.stdout and "United States" in result.stdout
    assert "21 non-signatories" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "Narnia"], "unknown state 'Narnia'"),
        (["status", "Keny"], "did you mean Kenya (KEN)"),
        (["status", "--as-of", "09/09/2013"], "expected YYYY-MM-DD"),
        (["status", "--as-of", "20MSP"], "4MSP"),
        (
            ["status", "--region", "Atlantis"],
            "Africa: Northern Africa, Sub-Saharan Africa (Eastern Africa, Middle Africa",
        ),
        (["status", "--status", "member"], "valid: party, pending, signatory"),
        (["status", "--category", "IV"], "valid: I, II, III"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(ccm, args, message):
    before = ccm.dump()
    result = ccm(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert ccm.dump() == before


@pytest.mark.sqlite_only
def test_first_use_creates_the_database_in_the_data_dir(isolated_environment):
    from ccmtui.paths import default_database_path

    from ..conftest import CCM

    result = CCM(None)("status", "--count")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "197"
    path = default_database_path()
    assert str(path).startswith(str(isolated_environment))
    assert sqlite3.connect(path).execute("SELECT count(*) FROM states").fetchone() == (197,)


@pytest.mark.sqlite_only
def test_database_order_option_then_env_then_config(tmp_path, monkeypatch, isolated_environment):
    from ccmtui import config
    from ccmtui.paths import resolve_database

    config.save({"db": str(tmp_path / "from-config.db")})
    assert resolve_database(None, config.load()["db"]) == str(tmp_path / "from-config.db")
    monkeypatch.setenv("CCM_DB", str(tmp_path / "from-env.db"))
    assert resolve_database(None, config.load()["db"]) == str(tmp_path / "from-env.db")
    assert resolve_database("explicit.db", config.load()["db"]) == "explicit.db"
    from ..conftest import CCM

    assert CCM(None)("status", "--count").stdout.strip() == "197"
    assert (tmp_path / "from-env.db").exists()


def test_intermediate_regions_filter_too(ccm):
    western = json.loads(ccm("status", "--region", "western africa", "--json").stdout)
    assert len(western) == 16 and {"GHA", "SEN", "CIV"} <= {r["iso3"] for r in western}
    both = json.loads(ccm("status", "--region", "the Caribbean", "--region", "Northern America", "--json").stdout)
    assert {"JAM", "CUB", "USA", "CAN"} <= {r["iso3"] for r in both} and len(both) == 15
