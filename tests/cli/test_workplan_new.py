"""Work plans made in the tool: `ccm workplan new` (from nothing or from a previous plan), imports
that never overwrite a different plan, and slips past the period that ask to extend it."""

from __future__ import annotations

import json

import pytest

PLAN = "d0dc20c8"  # the sample's stockpile-destruction work plan 2024-2025, 4 milestones
SLIPPED = "9c375ece"


def _plans(ccm):
    return {p["id"][:8]: p for p in json.loads(ccm("workplan", "list", "--json").stdout)}


def test_a_new_plan_from_nothing(ccm):
    result = ccm(
        "workplan",
        "new",
        "clearance",
        "--title",
        "Clearance 2026-2027",
        "--period",
        "2026-2027",
        "--coordinators",
        "NOR,Lao PDR",
    )
    assert result.exit_code == 0, result.output
    assert "(Clearance and risk reduction education, 2026–2027): Clearance 2026-2027" in result.stdout
    new = result.stdout.split("Created work plan ")[1][:8]
    plan = _plans(ccm)[new]
    assert (plan["area"], plan["starts_on"], plan["ends_on"]) == ("clearance", "2026-01-01", "2027-12-31")
    assert plan["coordinators"] == ["Norway", "Laos"] and plan["milestones"] == 0
    added = ccm("milestone", "add", "Workshop on land release", "--due", "2026Q3", "--plan", new)
    assert added.exit_code == 0, added.output
    assert _plans(ccm)[new]["milestones"] == 1


def test_a_new_plan_from_the_previous_one_copies_its_objectives_and_milestones_with_new_ids(ccm):
    result = ccm(
        "workplan", "new", "--title", "Stockpile destruction 2026-2027", "--period", "2026-2027", "--from", PLAN
    )
    assert result.exit_code == 0, result.output
    assert "4 milestones copied from d0dc20c8" in result.stdout
    new = result.stdout.split("Created work plan ")[1][:8]
    old_plan = json.loads(ccm("workplan", "show", PLAN, "--json").stdout)
    new_plan = json.loads(ccm("workplan", "show", new, "--json").stdout)
    assert new_plan["objectives"] == old_plan["objectives"] and new_plan["area"] == "stockpile-destruction"
    old_ids = {m["id"] for m in old_plan["milestones"]}
    assert not old_ids & {m["id"] for m in new_plan["milestones"]}
    # Moved on by the two years between the periods (8 quarters), planned again.
    assert [m["due"] for m in new_plan["milestones"]] == [
        m["due"].replace("2024", "2026").replace("2025", "2027") for m in old_plan["milestones"]
    ]
    assert {m["status"] for m in new_plan["milestones"]} == {"planned"}
    # The old plan is untouched.
    assert json.loads(ccm("workplan", "show", PLAN, "--json").stdout) == old_plan


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("clearance", "--title", "x", "--period", "2026-2027", "--from", PLAN), "say so with --area clearance"),
        (("--title", "x", "--period", "2026-2027", "--from", PLAN, "--shift", "1"), "outside 2026–2027"),
        (("clearance", "--title", "x", "--period", "2027-2026"), "ends before it starts"),
        (("clearance", "--title", "x", "--period", "2101"), "outside 2008-2100"),
        (("clearance", "--title", "", "--period", "2026-2027"), "title"),
        (("--title", "x", "--period", "2026-2027"), "thematic area"),
        (("clearance", "--title", "x", "--period", "2026-2027", "--shift", "4"), "--from"),
        (("clearance", "--title", "x", "--period", "2026-2027", "--coordinators", "Atlantis"), "Atlantis"),
    ],
)
def test_bad_new_plans_are_refused_in_one_line_and_write_nothing(ccm, args, message):
    before = ccm("workplan", "list", "--json").stdout
    result = ccm("workplan", "new", *args)
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert ccm("workplan", "list", "--json").stdout == before


def test_a_plan_of_another_area_is_copied_with_area(ccm):
    result = ccm(
        "workplan",
        "new",
        "--area",
        "clearance",
        "--title",
        "Clearance from stockpiles",
        "--period",
        "2026-2027",
        "--from",
        PLAN,
    )
    assert result.exit_code == 0, result.output
    assert _plans(ccm)[result.stdout.split("Created work plan ")[1][:8]]["area"] == "clearance"


def _exported_with_a_new_title(ccm, tmp_path):
    path = tmp_path / "plan.toml"
    assert ccm("workplan", "export", PLAN, "-o", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    first, rest = text.split("\n", 2)[:2], text.split("\n", 2)[2]
    assert first[1].startswith("title = ")
    path.write_text(first[0] + '\ntitle = "Stockpile destruction 2026-2027"\n' + rest, encoding="utf-8")
    return path


def test_import_never_overwrites_a_different_plan(ccm, tmp_path):
    path = _exported_with_a_new_title(ccm, tmp_path)
    before = ccm("workplan", "show", PLAN, "--json").stdout
    refused = ccm("workplan", "import", path)
    assert refused.exit_code != 0 and len(refused.output.strip().splitlines()) == 1, refused.output
    assert "--replace" in refused.output and "--as-new" in refused.output and "title" in refused.output
    assert ccm("workplan", "show", PLAN, "--json").stdout == before
    as_new = ccm("workplan", "import", path, "--as-new")
    assert as_new.exit_code == 0, as_new.output
    plans = _plans(ccm)
    assert len(plans) == 2 and plans[PLAN]["title"].startswith("CCM Thematic Working Group")
    [new] = [p for key, p in plans.items() if key != PLAN]
    assert new["title"] == "Stockpile destruction 2026-2027" and new["milestones"] == 4
    assert ccm("workplan", "import", path, "--replace", "--as-new").exit_code != 0
    replaced = ccm("workplan", "import", path, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert _plans(ccm)[PLAN]["title"] == "Stockpile destruction 2026-2027"


def test_the_same_plan_imported_again_still_updates(ccm, tmp_path):
    path = tmp_path / "plan.toml"
    assert ccm("workplan", "export", PLAN, "-o", path).exit_code == 0
    again = ccm("workplan", "import", path)
    assert again.exit_code == 0 and "nothing changed" in again.stdout, again.output


def test_a_slip_past_the_period_asks_to_extend_it(ccm):
    refused = ccm("milestone", "slip", SLIPPED, "2026Q2")
    assert refused.exit_code != 0 and "--extend-period" in refused.output
    assert _plans(ccm)[PLAN]["ends_on"] == "2025-12-31"
    extended = ccm("milestone", "slip", SLIPPED, "2026Q2", "--extend-period", "--reason", "Funding came late")
    assert extended.exit_code == 0, extended.output
    assert _plans(ccm)[PLAN]["ends_on"] == "2026-06-30"
