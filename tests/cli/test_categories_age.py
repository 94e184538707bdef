"""Categories that age: since when, stale after `category_max_age` months, and empty listings that
say what is empty."""

from __future__ import annotations

import json

from tests.conftest import CCM


def test_status_stale_lists_the_2013_assessments(ccm):
    stale = json.loads(ccm("status", "--stale", "--json").stdout)
    assert stale and all(s["category_since"].startswith("2013") and s["category_stale"] for s in stale)
    assert len(stale) == int(ccm("status", "--stale", "--count").stdout)
    assessed = [s for s in json.loads(ccm("status", "--json").stdout) if s["category"]]
    assert {s["iso3"] for s in stale} == {s["iso3"] for s in assessed}
    table = ccm("status", "--stale").stdout
    assert "Since" in table and "2013-09-09*" in table and "* stale:" in table


def test_as_of_2014_the_2013_assessments_are_current_and_a_new_one_is_not_stale(ccm):
    assert ccm("status", "--stale", "--as-of", "2014-06-30", "--count").stdout.strip() == "0"
    nothing = ccm("status", "--stale", "--as-of", "2014-06-30")
    assert nothing.exit_code == 0 and "No assessment is older than 24 months as of 2014-06-30" in nothing.stdout
    assert ccm("classify", "THA", "II", "-r", "Talks resumed", "--date", "2026-11-01").exit_code == 0
    row = json.loads(ccm("status", "THA", "--json").stdout)[0]
    assert row["category_since"] == "2026-11-01" and row["category_stale"] is False
    assert "THA" not in {s["iso3"] for s in json.loads(ccm("status", "--stale", "--json").stdout)}


def test_category_max_age_is_read_from_the_config(ccm):
    assert ccm("config", "set", "category_max_age", "240").exit_code == 0
    assert ccm("status", "--stale", "--count").stdout.strip() == "0"
    bad = ccm("config", "set", "category_max_age", "two years")
    assert bad.exit_code != 0 and "whole months" in bad.output


def test_an_empty_database_says_what_is_empty_and_how_to_start(tmp_path):
    fresh = CCM(tmp_path / "new.db")
    result = fresh("status", "--category", "II")
    assert result.exit_code == 0
    assert "No state has been assessed yet" in result.stdout and "ccm classify" in result.stdout
    assert "0 states" not in result.stdout
    assert "ccm campaign new" in fresh("campaign", "list").stdout
    assert "ccm log" in fresh("engagements").stdout
    assert "ccm workplan new" in fresh("workplan", "list").stdout
    assert "ccm workplan new" in fresh("milestone", "list").stdout


def test_the_universalization_summary_lists_category_moves_and_stale_categories(ccm):
    assert ccm("classify", "THA", "I", "-r", "Cabinet approved accession", "--date", "2026-10-01").exit_code == 0
    data = json.loads(
        ccm("summary", "universalization", "--since", "2026-06-30", "--as-of", "2026-11-27", "--json").stdout
    )
    assert data["category_moves"] == [
        {
            "iso3": "THA",
            "name": "Thailand",
            "previous": "II",
            "category": "I",
            "assessed_on": "2026-10-01",
            "rationale": "Cabinet approved accession",
        }
    ]
    assert data["category_max_age"] == 24 and len(data["stale_categories"]) == 58
    text = ccm("summary", "universalization", "--since", "2026-06-30", "--as-of", "2026-11-27").stdout
    assert "Category changes since 2026-06-30: 1" in text and "Thailand" in text and "II" in text
    assert "stale: 58 of the categories" in text and "--stale" in text
    before = ccm("summary", "universalization", "--since", "2013-06-01", "--as-of", "2014-06-30").stdout
    assert "Category changes since 2013-06-01: 75" in before and "stale:" not in before
