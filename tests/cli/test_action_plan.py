"""`ccm actionplan` and `ccm indicator`: the plans' actions with their sources, indicator values per state and
year, `--ap` limited to known actions, and the progress report's per-action counts."""

from __future__ import annotations

import json

LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def test_the_shipped_actions_carry_their_source(reading):
    rows = json.loads(reading("actionplan", "list", "--json").stdout)
    codes = {r["code"] for r in rows}
    assert {f"VAP-{n}" for n in range(1, 67)} <= codes  # the Vientiane Action Plan's 66 actions
    assert {"DAP-2", "DAP-4.1", "LAP-12", "LAP-37"} <= codes
    assert all(r["source"] for r in rows)
    shown = reading("actionplan", "show", "lap 31")
    assert shown.exit_code == 0, shown.output
    assert "Victim assistance" in shown.stdout and "not shipped" in shown.stdout


def test_set_a_value_counts_it_and_undo_removes_it(ccm):
    before = ccm.dump(without=LOG_TABLES)
    done = ccm("indicator", "set", "Lebanon", "lap-31", "--year", "2024", "--value", "yes", "--source", "Art. 7 2024")
    assert done.exit_code == 0, done.output
    assert "Lebanon, LAP-31 indicator 1, 2024: recorded as done." in done.stdout
    ccm("indicator", "set", "IRQ", "LAP-31", "--year", "2024", "--value", "partly", "--source", "Art. 7 2024")
    [action] = [
        a for a in json.loads(ccm("actionplan", "list", "--plan", "LAP", "--json").stdout) if a["code"] == "LAP-31"
    ]
    assert (action["concerned"], action["done"]) == (2, 1)
    again = ccm("indicator", "set", "IRQ", "LAP-31", "--year", "2024", "--value", "done", "--source", "Art. 7 2024")
    assert "now done" in again.stdout  # the year's value is replaced, not doubled
    assert ccm("undo").exit_code == 0 and ccm("undo").exit_code == 0 and ccm("undo").exit_code == 0
    assert ccm.dump(without=LOG_TABLES) == before


def test_bad_indicator_input_is_refused_and_nothing_written(ccm):
    before = ccm.dump(without=LOG_TABLES)
    unknown = ccm("indicator", "set", "LAO", "VAP-99", "--year", "2012", "--value", "done", "--source", "x")
    assert unknown.exit_code == 1 and "unknown action 'VAP-99'; did you mean VAP-9" in unknown.stderr
    outside = ccm("indicator", "set", "USA", "VAP-21", "--year", "2012", "--value", "done", "--source", "x")
    assert outside.exit_code == 1
    assert "United States was not a State Party in 2012" in outside.stderr and "Art. 17" in outside.stderr
    early = ccm("indicator", "set", "Afghanistan", "VAP-21", "--year", "2011", "--value", "done", "--source", "x")
    assert "entered into force for it on 2012-03-01 (Art. 17)" in early.stderr
    gone = ccm("indicator", "set", "Lithuania", "LAP-31", "--year", "2026", "--value", "done", "--source", "x")
    assert "withdrawal took effect on 2025-03-06 (Art. 20(2))" in gone.stderr
    value = ccm("indicator", "set", "LAO", "VAP-21", "--year", "2012", "--value", "maybe", "--source", "x")
    assert value.exit_code == 1 and "unknown indicator value 'maybe'" in value.stderr
    assert "Traceback" not in unknown.output + outside.output + value.output
    assert ccm.dump(without=LOG_TABLES) == before


def test_indicator_import_all_rows_or_none(ccm, tmp_path):
    good = tmp_path / "values.csv"
    good.write_text(
        "state,action,indicator,year,value,note,source\n"
        "LAO,VAP-22,1,2014,done,,Art. 7 2014\n"
        "Lebanon,VAP-22,1,2014,not done,,Art. 7 2014\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text() + "USA,VAP-22,1,2014,done,,x\n")
    before = ccm.dump(without=LOG_TABLES)
    refused = ccm("indicator", "import", str(bad))
    assert refused.exit_code == 1 and "line 4" in refused.stderr and "not a State Party" in refused.stderr
    assert ccm.dump(without=LOG_TABLES) == before
    assert ccm("indicator", "import", str(good)).exit_code == 0
    listed = json.loads(ccm("indicator", "list", "--action", "VAP-22", "--year", "2014", "--json").stdout)
    assert {(r["iso3"], r["value"]) for r in listed} == {("LAO", "done"), ("LBN", "not-done")}


def test_an_updated_plan_is_imported_and_its_actions_accepted(ccm, tmp_path):
    plan = tmp_path / "lap.csv"
    plan.write_text(
        "code,area,title,indicators,source\n"
        'LAP-3,universalization,Promote the Convention,"Number of States joining | Statements made",LAP text 2021\n'
    )
    refused = ccm("log", "meeting", "KEN", "-m", "On joining", "-a", "univ", "--ap", "LAP-3")
    assert refused.exit_code == 1 and "unknown action 'LAP-3'" in refused.stderr
    result = ccm("actionplan", "import", str(plan))
    assert result.exit_code == 0 and "1 added" in result.stdout
    shown = ccm("actionplan", "show", "LAP-3")
    assert "Indicator 2: Statements made" in shown.stdout
    logged = ccm("log", "meeting", "KEN", "-m", "On joining", "-a", "univ", "--ap", "lap 3")
    assert logged.exit_code == 0, logged.output


def test_progress_report_counts_each_action_as_computed_here(ccm):
    values = [
        ("LAO", "LAP-31", "done"),
        ("LBN", "LAP-31", "done"),
        ("IRQ", "LAP-31", "partly"),
        ("HRV", "LAP-31", "not-applicable"),
        ("AFG", "LAP-32", "not-done"),
    ]
    for iso3, action, value in values:
        assert ccm("indicator", "set", iso3, action, "--year", "2024", "--value", value, "--source", "s").exit_code == 0
    report = ccm("report", "progress", "--as-of", "2025-06-30").stdout
    for action in ("LAP-31", "LAP-32"):
        mine = [v for i, a, v in values if a == action]
        concerned = sum(v != "not-applicable" for v in mine)
        done = sum(v == "done" for v in mine)
        assert f"| {action} | Victim assistance | {concerned} | {done} |" in report
        whom = "one State Party" if concerned == 1 else f"{concerned} States Parties"
        assert f"Action {action}: {done} of the {whom} concerned" in report


def test_the_area_summary_counts_its_actions_of_the_plan_in_force(reading):
    # The sample's illustrative 2013 values: VAP-21 and VAP-22, both victim assistance.
    rows = json.loads(reading("indicator", "list", "--json").stdout)
    summary = json.loads(
        reading("summary", "victim-assistance", "--since", "4MSP", "--as-of", "2014-06-30", "--json").stdout
    )
    for action in summary["actions"]:
        mine = [r for r in rows if r["action"] == action["code"]]
        assert [s["iso3"] for s in action["concerned"]] == sorted(
            (r["iso3"] for r in mine if r["value"] != "not-applicable"),
            key=lambda i: next(r["name"] for r in mine if r["iso3"] == i),
        )
        assert {s["iso3"] for s in action["done"]} == {r["iso3"] for r in mine if r["value"] == "done"}
    assert [a["code"] for a in summary["actions"]] == ["VAP-21", "VAP-22"]
    universalization = json.loads(reading("summary", "universalization", "--as-of", "2014-06-30", "--json").stdout)
    assert universalization["actions"] == []


def test_a_value_is_edited_and_deleted_by_its_id(ccm):
    [laos] = json.loads(ccm("indicator", "list", "LAO", "--action", "VAP-22", "--json").stdout)
    assert ccm("edit", laos["id"][:8], "--set", "value=yes").exit_code == 0
    [action] = [
        a for a in json.loads(ccm("actionplan", "list", "--plan", "VAP", "--json").stdout) if a["code"] == "VAP-22"
    ]
    assert (action["concerned"], action["done"]) == (2, 2)
    refused = ccm("edit", laos["id"][:8], "--set", "value=maybe")
    assert refused.exit_code == 1 and "unknown indicator value 'maybe'" in refused.stderr
    deleted = ccm("delete", laos["id"][:8], "--yes")
    assert deleted.exit_code == 0, deleted.output
    assert json.loads(ccm("indicator", "list", "LAO", "--action", "VAP-22", "--json").stdout) == []
