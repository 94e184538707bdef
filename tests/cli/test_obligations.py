"""`ccm obligation`, `retention`, `transparency`, `measures`, `cooperation`: recorded with a source,
listed, undone; bad input refused whole."""

from __future__ import annotations

import csv
import json

import pytest

from tests import reference_facts as facts

LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def test_the_shipped_obligations_are_listed_with_their_source(ccm):
    rows = json.loads(ccm("obligation", "list", "--json").stdout)
    assert len(rows) == len(facts.OBLIGATIONS) == 63
    by_key = {(r["iso3"], str(r["article"])): r for r in rows}
    for row in facts.OBLIGATIONS:
        listed = by_key[row["iso3"], row["article"]]
        assert listed["deadline"] == row["deadline"]
        assert listed["extended_to"] == (row["extended_to"] or None)
        assert listed["completed"] == (row["completed"] or None)  # gaps stay empty, precision kept
        assert listed["status"] == row["status"]
        assert listed["source"] == row["source"]
        assert listed["status_as_of"] == facts.STATUS_KNOWN_ON.isoformat()
    article4 = json.loads(ccm("obligation", "list", "--article", "4", "--status", "outstanding", "--json").stdout)
    assert {r["iso3"] for r in article4} == {"AFG", "TCD", "CHL", "DEU", "IRQ", "LAO", "LBN", "MRT", "SOM", "SSD"}


def test_the_table_lists_obligations(ccm):
    result = ccm("obligation", "list", "BGR", "Lao PDR")
    assert result.exit_code == 0
    assert "Bulgaria" in result.stdout and "2023-06" in result.stdout and "Laos" in result.stdout


def test_add_a_victim_assistance_obligation_then_undo(ccm):
    before = ccm.dump(without=LOG_TABLES)
    result = ccm("obligation", "add", "Lao PDR", "--article", "5", "--source", "Art. 7 report 2013, Form H")
    assert result.exit_code == 0, result.output
    assert "Laos: Art. 5 (victim assistance) obligation recorded, outstanding." in result.stdout
    [row] = json.loads(ccm("obligation", "list", "LAO", "--article", "5", "--json").stdout)
    assert row["deadline"] is None and row["source"] == "Art. 7 report 2013, Form H"
    assert ccm("undo").exit_code == 0
    assert ccm.dump(without=LOG_TABLES) == before


def test_deadline_defaults_to_the_convention(ccm):
    # Kenya has not joined: no deadline runs. Somalia (in force 1 March 2016) already has Art. 4 in the data.
    assert ccm("obligation", "add", "KEN", "--article", "4", "--source", "Monitor").exit_code == 0
    [kenya] = json.loads(ccm("obligation", "list", "KEN", "--json").stdout)
    assert kenya["deadline"] is None
    # Chile: in force 1 June 2011, Art. 5 has none, an Art. 3 record exists already.
    result = ccm("obligation", "add", "CHL", "--article", "3", "--source", "x")
    assert result.exit_code == 1 and "already has an Art. 3 obligation" in result.stderr


def test_completion_and_extension_recorded_on_an_existing_obligation(ccm):
    result = ccm("obligation", "update", "MRT", "--article", "4", "--extension-requested", "2021-03",
                 "--requested-to", "2026-08-01", "--source", "2RC extension request")  # fmt: skip
    assert result.exit_code == 0, result.output
    result = ccm(
        "obligation", "update", "MRT", "--article", "4", "--extension-granted", "2RC", "--extended-to", "2026-08-01"
    )
    assert result.exit_code == 0, result.output
    [row] = json.loads(ccm("obligation", "list", "MRT", "--json").stdout)
    assert row["extension_granted"] == "2021-09-21"  # the 2RC closed on 21 September 2021
    assert row["extended_to"] == "2026-08-01"
    assert row["source"].endswith("; 2RC extension request")
    summary = json.loads(ccm("summary", "clearance", "--as-of", "2021-06-30", "--json").stdout)
    [line] = [ln for ln in summary["lines"] if ln["iso3"] == "MRT"]
    assert line["extension_requested"] == "2021-03" and line["deadline_in_effect"] == "2022-08-01"
    summary = json.loads(ccm("summary", "clearance", "--as-of", "2021-12-31", "--json").stdout)
    [line] = [ln for ln in summary["lines"] if ln["iso3"] == "MRT"]
    assert line["extension_requested"] is None and line["deadline_in_effect"] == "2026-08-01"
    result = ccm("obligation", "update", "MRT", "--article", "4", "--completed", "2024-11")
    assert result.exit_code == 0 and "now completed, completed 2024-11" in result.stdout


def test_each_record_kind_is_added_and_listed(ccm):
    commands = [
        (["retention", "add", "NLD", "--year", "2013", "--submunitions", "300", "--used-submunitions", "20",
          "--purpose", "training of EOD teams"], "Netherlands, 2013: retained 300 submunitions."),
        (["transparency", "add", "NLD", "--initial", "--submitted", "2012-01-10"],
         "Netherlands: initial report, due 2012-01-28, submitted 2012-01-10."),
        (["transparency", "add", "FRA", "--year", "2013", "--submitted", "2014-06-01"],
         "France: annual report covering 2013, due 2014-04-30, submitted 2014-06-01 (late)."),
        (["measures", "add", "NZL", "-s", "adopted", "-d", "2009-12", "--measure", "Cluster Munitions Prohibition Act 2009"],
         "New Zealand: specific legislation adopted (2009-12)."),
        (["cooperation", "add", "LBN", "needs", "--year", "2013", "--details", "clearance"],
         "Lebanon: reported a need for cooperation and assistance in 2013."),
    ]  # fmt: skip
    for args, said in commands:
        result = ccm(*args, "--source", "Art. 7 report")
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == said
    [added] = [
        r for r in json.loads(ccm("retention", "list", "--json").stdout) if (r["iso3"], r["year"]) == ("NLD", 2013)
    ]
    assert added["submunitions_used"] == 20
    reports = json.loads(ccm("transparency", "list", "--json").stdout)
    assert {(r["iso3"], r["kind"], r["late"]) for r in reports} == {("NLD", "initial", False), ("FRA", "annual", True)}
    assert json.loads(ccm("measures", "list", "--json").stdout)[0]["date"] == "2009-12"
    assert json.loads(ccm("cooperation", "list", "--year", "2013", "--json").stdout)[0]["role"] == "needs"
    shipped = len(facts.RETENTION)  # retention.csv ships with every new database
    for noun, count in (("retention", shipped + 1), ("transparency", 2), ("measures", 1), ("cooperation", 1)):
        listing = ccm(noun, "list")
        assert listing.exit_code == 0 and f"— {count} recorded" in listing.stdout


def test_the_same_fact_recorded_in_two_files_is_one_record(tmp_path):
    # Ids derive from the fact (state, article, year), so a sync merges rather than duplicates.
    from tests.conftest import CCM

    ids = []
    for name in ("a.db", "b.db"):
        ccm = CCM(tmp_path / name)
        assert ccm("retention", "add", "ESP", "--year", "2014", "--munitions", "44", "--source", "x").exit_code == 0
        ids.append(ccm.dump()["retention"][0][0])
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["retention", "add", "NLD", "--year", "2013", "--munitions", "-3"],
            "cluster munitions retained cannot be negative (-3)",
        ),
        (
            ["retention", "add", "NLD", "--year", "2013", "--munitions", "10", "--used-munitions", "12"],
            "cluster munitions used (12) is larger than the stock retained (10)",
        ),
        (
            ["retention", "add", "NLD", "--year", "2013", "--submunitions", "10", "--used-submunitions", "-1"],
            "cannot be negative",
        ),
        (
            ["retention", "add", "NLD", "--year", "2013", "--used-munitions", "1"],
            "used given without the number retained",
        ),
        (["retention", "add", "NLD", "--year", "2013"], "give the number retained"),
        (["retention", "add", "USA", "--year", "2013", "--munitions", "5"], "was not a State Party in 2013"),
        (["retention", "add", "NLD", "--year", "2099", "--munitions", "5"], "year 2099 is outside"),
        (["obligation", "add", "LAO", "--article", "6"], "unknown article '6'"),
        (["obligation", "add", "Narnia", "--article", "5"], "unknown state 'Narnia'"),
        (["obligation", "add", "LAO", "--article", "4"], "already has an Art. 4 obligation"),
        (
            ["obligation", "add", "KEN", "--article", "5", "--deadline", "2030-01-01"],
            "Art. 5 (victim assistance) sets no deadline",
        ),
        (
            ["obligation", "update", "LAO", "--article", "4", "--completed", "June 2023"],
            "expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            ["obligation", "update", "LAO", "--article", "4", "--completed", "2023-13"],
            "expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (["obligation", "update", "LAO", "--article", "4", "--extended-to", "2019-01-01"], "is not after the deadline"),
        (["obligation", "update", "LAO", "--article", "4", "--extension-granted", "20MSP"], "unknown meeting '20MSP'"),
        (["obligation", "update", "KEN", "--article", "3", "--completed", "2020"], "has no Art. 3 obligation recorded"),
        (
            ["obligation", "update", "LAO", "--article", "4", "--status", "finished"],
            "unknown obligation status 'finished'",
        ),
        (["obligation", "update", "GBR", "--article", "3", "--completed", "2013-12-17"], "nothing to change"),
        (["obligation", "list", "--article", "9"], "unknown article '9'"),
        (["transparency", "add", "KEN", "--initial"], "has deposited no instrument"),
        (["transparency", "add", "NLD"], "--year: give the calendar year the annual report covers"),
        (["transparency", "add", "NLD", "--initial", "--submitted", "2010-01-01"], "before Netherlands deposited"),
        (["transparency", "add", "NLD", "--year", "2013", "--submitted", "2099-01-01"], "is in the future"),
        (["measures", "add", "NLD", "-s", "adopted", "-d", "2011"], "name the measure adopted"),
        (["measures", "add", "NLD", "-s", "passed", "-d", "2011"], "unknown measure status 'passed'"),
        (["cooperation", "add", "LAO", "wants", "--year", "2013"], "unknown role 'wants'"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(ccm, args, message):
    if args[:2] == ["obligation", "list"]:
        full = args
    else:
        full = [*args, "--source", "a source"]
    before = ccm.dump()
    result = ccm(*full)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert ccm.dump() == before


def test_a_source_is_required(ccm):
    before = ccm.dump()
    result = ccm("retention", "add", "NLD", "--year", "2013", "--munitions", "5")
    assert result.exit_code == 1 and "say where this comes from (--source)" in result.stderr
    assert ccm.dump() == before


@pytest.mark.sqlite_only
def test_every_new_database_holds_the_obligations(ccm_fresh):
    rows = json.loads(ccm_fresh("obligation", "list", "--json").stdout)
    with (facts.REFERENCE / "obligations.csv").open(encoding="utf-8") as handle:
        shipped = list(csv.DictReader(handle))
    assert len(rows) == len(shipped)
    assert sum(1 for r in rows if r["article"] == 3) == 41
    assert sum(1 for r in rows if r["article"] == 4) == sum(1 for r in facts.OBLIGATIONS if r["article"] == "4") == 22


def test_the_calendar_follows_recorded_extensions_and_completions(ccm):
    from icalendar import Calendar

    def summaries():
        text = ccm(
            "export", "ics", "--state", "Lao PDR", "--state", "MRT", "--since", "2025-01-01", "--until", "2027-12-31"
        ).stdout
        return {str(event["SUMMARY"]) for event in Calendar.from_ical(text.encode()).walk("VEVENT")}

    assert "Laos: clearance of contaminated areas deadline (as extended) (Art. 4(1))" in summaries()
    assert (
        ccm("obligation", "update", "MRT", "--article", "4", "--extended-to", "2026-08-01", "--source", "x").exit_code
        == 0
    )
    assert (
        ccm("obligation", "update", "LAO", "--article", "4", "--completed", "2025-06", "--source", "x").exit_code == 0
    )
    after = summaries()
    assert "Mauritania: clearance of contaminated areas deadline (as extended) (Art. 4(1))" in after
    assert not any(s.startswith("Laos: clearance") for s in after)
