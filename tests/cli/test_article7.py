"""Art. 7 reports form by form (A-J of the 1MSP reporting format): recorded, imported whole or not
at all, checked against the state's obligations; annual reports late and missing per year."""

from __future__ import annotations

import json

LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def test_forms_are_recorded_and_gaps_flagged(ccm):
    assert (
        ccm("transparency", "add", "LAO", "--year", "2013", "--submitted", "2014-04-30", "--source", "x").exit_code == 0
    )
    result = ccm("article7", "add", "LAO", "--year", "2013", "--form", "A=changed", "--form", "F=not applicable",
                 "--form", "B=unchanged:2012", "--source", "Art. 7 report 2014")  # fmt: skip
    assert result.exit_code == 0, result.output
    check = json.loads(ccm("article7", "check", "--year", "2013", "--as-of", "2014-06-30", "--json").stdout)
    # Lao PDR has an Art. 4 obligation: forms F and G are expected (Art. 7(1)), A always.
    assert {(g["form"], g["problem"]) for g in check["gaps"]} == {("F", "not applicable"), ("G", "missing")}


def test_a_form_letter_outside_a_to_j_is_refused_and_nothing_written(ccm):
    assert (
        ccm("transparency", "add", "LAO", "--year", "2013", "--submitted", "2014-04-30", "--source", "x").exit_code == 0
    )
    before = ccm.dump(without=LOG_TABLES)
    result = ccm(
        "article7", "add", "LAO", "--year", "2013", "--form", "A=changed", "--form", "K=changed", "--source", "x"
    )
    assert result.exit_code != 0 and "outside A-J" in result.stderr and "Art. 7" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump(without=LOG_TABLES) == before


def test_an_import_is_all_or_nothing(ccm, tmp_path):
    assert (
        ccm("transparency", "add", "LAO", "--year", "2013", "--submitted", "2014-04-30", "--source", "x").exit_code == 0
    )
    before = ccm.dump(without=LOG_TABLES)
    bad = tmp_path / "forms.csv"
    bad.write_text(
        "iso3,kind,year,form,status,last_reported,source\n"
        "LAO,annual,2013,A,changed,,x\nLAO,annual,2013,Z,changed,,x\nLAO,initial,2013,B,unchanged,,x\n",
        encoding="utf-8",
    )
    result = ccm("article7", "import", str(bad))
    assert result.exit_code != 0 and "2 bad rows, nothing written" in result.stderr
    assert ccm.dump(without=LOG_TABLES) == before
    good = tmp_path / "good.csv"
    good.write_text(
        "iso3,kind,year,form,status,last_reported,source\nLAO,annual,2013,A,changed,,x\nLao PDR,annual,2013,F,changed,,x\n",
        encoding="utf-8",
    )
    assert ccm("article7", "import", str(good)).exit_code == 0
    assert len(json.loads(ccm("article7", "list", "--json").stdout)) == 2


def test_annual_reports_by_year_count_owed_on_time_late_and_missing(ccm):
    assert (
        ccm("transparency", "add", "LAO", "--year", "2013", "--submitted", "2014-04-30", "--source", "x").exit_code == 0
    )
    assert (
        ccm("transparency", "add", "FRA", "--year", "2013", "--submitted", "2014-06-01", "--source", "x").exit_code == 0
    )
    years = json.loads(ccm("article7", "check", "--as-of", "2014-06-30", "--json").stdout)["years"]
    [y2013] = [y for y in years if y["year"] == 2013]
    assert (y2013["on_time"], y2013["late"], y2013["recorded"]) == (1, 1, 2)
    assert y2013["missing"] == y2013["owed"] - 2
