"""`ccm workplan` and `ccm milestone` on the sample's 2024-2025 stockpile destruction work plan."""

from __future__ import annotations

import json

import pytest

from ..conftest import ROOT

SAMPLE_PLAN = ROOT / "src" / "ccmtui" / "seed" / "sample_data" / "workplan-2024-2025-stockpile-destruction.toml"
# The sample's milestones (stable ids), in the plan's timeline order.
ENGAGE, REPORTING, DATABASE, WORKING_DOCUMENT = "580eb712", "6f591ea5", "9c375ece", "969d758f"
RECORDS = (
    "work_plans",
    "work_plan_states",
    "work_plan_items",
    "milestones",
    "milestone_slips",
    "milestone_engagements",
)


def records(ccm) -> dict[str, list[tuple]]:
    """The work-plan tables without their timestamps: what a round trip must keep (either backend)."""
    from ccmtui.db.models import Base

    dump = ccm.dump(portable=True)
    out = {}
    for table in RECORDS:
        keep = [
            i for i, c in enumerate(Base.metadata.tables[table].columns) if c.name not in ("created_at", "updated_at")
        ]
        out[table] = [tuple(row[i] for i in keep) for row in dump[table]]
    return out


def milestone(ccm, prefix: str) -> dict:
    rows = json.loads(ccm("milestone", "list", "--json").stdout)
    return next(r for r in rows if r["id"].startswith(prefix))


def test_list_and_show_the_sample_work_plan(ccm):
    listing = ccm("workplan", "list")
    assert listing.exit_code == 0, listing.output
    assert "2024–2025" in listing.stdout and "Zambia" in listing.stdout and "0/4" in listing.stdout
    shown = ccm("workplan", "show", "stockpile")
    assert shown.exit_code == 0, shown.output
    for heading in ("Background", "Objectives", "Strategy", "Expected outputs", "Timeline", "Estimated budget"):
        assert heading in shown.stdout
    assert "Bosnia and Herzegovina" in shown.stdout
    plan = json.loads(ccm("workplan", "show", "--json").stdout)
    assert plan["coordinators"] == ["ZMB"] and plan["states"] == ["BIH", "NLD", "ESP"]
    assert [m["due"] for m in plan["milestones"]] == ["2024Q4", "2025Q1", "2025Q1", "2025Q2"]
    assert len(plan["objectives"]) == 4 and "ICRC" in plan["partners"]


def test_milestone_list_by_quarter_overdue_and_area(ccm):
    q1 = json.loads(ccm("milestone", "list", "--quarter", "Q1 2025", "--json").stdout)
    assert [m["id"][:8] for m in q1] == [REPORTING, DATABASE]
    assert all(m["overdue"] for m in q1)  # still planned, long past the quarter
    assert json.loads(ccm("milestone", "list", "-q", "2025-Q2", "--area", "clearance", "--json").stdout) == []
    overdue = json.loads(ccm("milestone", "list", "--overdue", "--area", "stockpile", "--json").stdout)
    assert len(overdue) == 4
    ccm("milestone", "done", REPORTING, "--date", "2025-03-20")
    overdue = json.loads(ccm("milestone", "list", "--overdue", "--quarter", "2025Q1", "--json").stdout)
    assert [m["id"][:8] for m in overdue] == [DATABASE]
    table = ccm("milestone", "list", "--quarter", "2025Q1")
    assert "Done 2025-03-20" in table.stdout and "Planned, overdue" in table.stdout


def test_a_milestone_moves_on_and_undo_reverts_each_step(ccm):
    before = records(ccm)
    added = ccm("milestone", "add", "Circulate the draft Working Document", "--due", "2025-05-15", "--ap", "LAP-17")
    assert added.exit_code == 0, added.output
    assert "due 2025-05-15" in added.stdout
    assert ccm("milestone", "start", WORKING_DOCUMENT).exit_code == 0
    slipped = ccm("milestone", "slip", DATABASE, "2025Q3", "--reason", "awaiting replies", "--date", "2025-03-28")
    assert slipped.stdout.startswith("Slipped from Q1 2025 to Q3 2025 (2 quarters)")
    done = ccm("milestone", "done", REPORTING, "--date", "2025-04-10", "--note", "letters sent to BIH, NLD, ESP")
    assert "10 days after it was due (Q1 2025)" in done.stdout
    assert ccm("milestone", "drop", ENGAGE, "--reason", "overtaken by the 13MSP").exit_code == 0
    database = milestone(ccm, DATABASE)
    assert database["status"] == "slipped" and database["due"] == "2025Q3"
    assert database["slips"] == [
        {
            "recorded_on": "2025-03-28",
            "from": "2025Q1",
            "to": "2025Q3",
            "by": "2 quarters",
            "reason": "awaiting replies",
        }
    ]
    reporting = milestone(ccm, REPORTING)
    assert reporting["done_on"] == "2025-04-10" and reporting["notes"] == "2025-04-10: letters sent to BIH, NLD, ESP"
    for _ in range(5):
        assert ccm("undo").exit_code == 0
    assert records(ccm) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["milestone", "list", "--quarter", "2025Q5"], "bad quarter '2025Q5': write it 2025Q1, 2025-Q1 or Q1 2025"),
        (["milestone", "list", "--quarter", "spring 2025"], "bad quarter"),
        (["milestone", "add", "Workshop", "--due", "2026Q2"], "outside its work plan's period (2024–2025"),
        (["milestone", "add", "Workshop", "--due", "soon"], "bad --due 'soon'"),
        (["milestone", "add", "  ", "--due", "2025Q3"], "title is empty"),
        (
            ["milestone", "slip", DATABASE, "2026Q1"],
            "after the work plan's period ends (2025-12-31); extend the period to 2026-03-31 with --extend-period",
        ),
        (["milestone", "slip", DATABASE, "2024Q4"], "moves the due date later"),
        (["milestone", "done", REPORTING, "--date", "2999-01-01"], "in the future"),
        (["milestone", "done", "zzzz"], "bad milestone id"),
        (["milestone", "done", "abcd"], "no milestone with id 'abcd'"),
        (["workplan", "show", "victim assistance"], "no work plan for Victim assistance"),
        (["workplan", "show", "nonsense"], "unknown thematic area 'nonsense'"),
        (["export", "quarter", "2025Q9"], "bad quarter"),
        (["export", "quarter", "2025Q1", "--format", "pdf"], "unknown format 'pdf'; valid: md, toml, json, csv, docx"),
        (["export", "quarter", "2025Q1", "--format", "docx"], "a .docx needs a file"),
        (["export", "quarter", "2025Q1", "--area", "space"], "unknown thematic area"),
        (["export", "ics", "--since", "2026-01-01", "--until", "2025-01-01"], "is before --since"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(ccm, args, message):
    before = ccm.dump()
    result = ccm(*args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert ccm.dump() == before


def test_marking_done_a_dropped_milestone_is_refused(ccm):
    ccm("milestone", "drop", ENGAGE)
    before = ccm.dump()
    result = ccm("milestone", "done", ENGAGE)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot mark done the milestone 'Engage bilaterally")
    assert "it was dropped" in result.stderr
    assert ccm.dump() == before


# -- TOML in and out


def test_export_then_import_gives_identical_data(ccm, tmp_path):
    # Give the plan every kind of content first: progress, a slip, a dated note, a linked engagement.
    logged = ccm(
        "log",
        "letter",
        "BIH",
        "NLD",
        "ESP",
        "-m",
        "Letters on Article 3(8) reporting",
        "--area",
        "stockpile",
        "--date",
        "2025-02-10",
        "--ap",
        "LAP-17",
        "--by",
        "Zambia",
    )
    assert logged.exit_code == 0, logged.output
    engagement = logged.stdout.split()[2]
    ccm("milestone", "slip", DATABASE, "2025-08-31", "--reason", "partners' input | pending", "--date", "2025-03-28")
    ccm(
        "milestone",
        "done",
        REPORTING,
        "--date",
        "2025-03-20",
        "--note",
        "all three replied",
        "--engagement",
        engagement,
    )
    ccm("milestone", "add", "Circulate the draft Working Document", "--due", "2025-05-15")
    exported = tmp_path / "plan.toml"
    assert ccm("workplan", "export", "stockpile", "-o", exported).exit_code == 0
    assert exported.stat().st_mode & 0o777 == 0o600
    assert f'engagements = [\n    "{engagement}' in exported.read_text(encoding="utf-8")
    as_exported = records(ccm)

    # Work goes on, then the file is imported again: the plan is exactly as exported.
    ccm("milestone", "drop", ENGAGE)
    ccm("milestone", "slip", DATABASE, "2025Q4")
    ccm("milestone", "start", WORKING_DOCUMENT)
    ccm("milestone", "add", "A milestone the file does not have", "--due", "2025Q3")
    imported = ccm("workplan", "import", exported)
    assert imported.exit_code == 0, imported.output
    assert "1 milestones removed" in imported.stdout
    assert records(ccm) == as_exported
    again = tmp_path / "again.toml"
    ccm("workplan", "export", "-o", again)
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")
    assert "nothing changed" in ccm("workplan", "import", exported).stdout


def test_a_work_plan_moves_to_another_database_unchanged(ccm, ccm_fresh, tmp_path):
    ccm("milestone", "slip", DATABASE, "2025Q3", "--reason", "awaiting partners", "--date", "2025-03-28")
    ccm("milestone", "done", REPORTING, "--date", "2025-03-20", "--note", "letters sent")
    exported = tmp_path / "plan.toml"
    ccm("workplan", "export", "-o", exported)
    imported = ccm_fresh("workplan", "import", exported)
    assert imported.exit_code == 0, imported.output
    assert "with 4 milestones" in imported.stdout
    assert ccm_fresh("workplan", "export").stdout == exported.read_text(encoding="utf-8")
    assert records(ccm_fresh) == records(ccm)


def test_importing_an_edited_file_updates_the_plan(ccm, tmp_path):
    text = ccm("workplan", "export").stdout
    edited = text.replace('due = "2025Q2"\nstatus = "planned"', 'due = "2025Q2"\nstatus = "in-progress"')
    edited = edited.replace('"ICRC",\n', "")
    path = tmp_path / "edited.toml"
    path.write_text(edited, encoding="utf-8")
    result = ccm("workplan", "import", path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Updated work plan")
    plan = json.loads(ccm("workplan", "show", "--json").stdout)
    assert plan["milestones"][3]["status"] == "in-progress"
    assert "ICRC" not in plan["partners"]
    assert ccm("undo").exit_code == 0
    assert json.loads(ccm("workplan", "show", "--json").stdout)["milestones"][3]["status"] == "planned"


def test_a_hand_written_file_without_ids_imports_into_a_new_database(ccm_fresh, tmp_path):
    result = ccm_fresh("workplan", "import", SAMPLE_PLAN)
    assert result.exit_code == 0, result.output
    assert json.loads(ccm_fresh("milestone", "list", "--json").stdout)[0]["id"].startswith(ENGAGE)


BAD_FILES = [
    # (replace this, with that, the error's key and line)
    ('title = "CCM', 'titel = "CCM', "line 9: titel: unknown key (did you mean 'title'?)"),
    (
        "starts_on = 2024-01-01",
        'starts_on = "January 2024"',
        "line 11: starts_on: expected a date (YYYY-MM-DD), got the text 'January 2024'",
    ),
    (
        "ends_on = 2025-12-31",
        "ends_on = 2023-12-31",
        "line 12: ends_on: the work plan ends (2023-12-31) before it starts",
    ),
    ('coordinators = ["Zambia"]', "coordinators = []", "line 13: coordinators: name at least one coordinator state"),
    ('coordinators = ["Zambia"]', 'coordinators = ["Zambai"]', "line 13: coordinators: unknown state 'Zambai'"),
    ('area = "stockpile-destruction"', 'area = "stockpiles and such"', "line 10: area: unknown thematic area"),
    (
        'due = "2025Q2"',
        'due = "2026Q2"',
        "line 88: milestones[4].due: a milestone due Q2 2026 is outside its work plan's period",
    ),
    ('due = "2024Q4"', 'due = "next spring"', "line 73: milestones[1].due: expected a quarter (2025Q1) or a date"),
    (
        'due = "2024Q4"',
        "due = 2024",
        "line 73: milestones[1].due: expected a quarter (2025Q1) or a date (YYYY-MM-DD), got 2024",
    ),
    (
        'due = "2024Q4"',
        'due = "2024Q4"\nstatus = "finished"',
        "line 74: milestones[1].status: unknown milestone status 'finished'",
    ),
    ('due = "2024Q4"', 'due = "2024Q4"\nstatus = "done"', "line 71: milestones[1]: a done milestone needs done_on"),
    (
        'action_points = ["LAP-16"]\n\n[[milestones]]\ntitle = "Encourage',
        'action_points = ["LAP-16"]\n\n[[milestones]]\ntitel = "Encourage',
        "line 76: milestones[2]: missing key 'title'",
    ),
    (
        'action_points = ["LAP-16"]',
        'action_points = "LAP-16"',
        "line 74: milestones[1].action_points: expected a list of texts",
    ),
    (
        'action_points = ["LAP-16"]',
        'action_points = ["Lausanne 16"]',
        "line 74: milestones[1].action_points: bad action 'Lausanne 16'",
    ),
    (
        'due = "2024Q4"',
        'due = "2024Q4"\nengagements = ["not-an-id"]',
        "line 74: milestones[1].engagements: 'not-an-id' is not a record id",
    ),
    ('area = "stockpile-destruction"', 'area = "stockpile', "not valid TOML"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_FILES)
def test_a_bad_file_names_the_key_and_line_and_writes_nothing(ccm, tmp_path, old, new, message):
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = ccm.dump()
    result = ccm("workplan", "import", bad)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert result.stderr.rstrip().endswith("nothing written")
    assert len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump() == before


def test_a_file_naming_an_unknown_engagement_writes_nothing(ccm, tmp_path):
    text = SAMPLE_PLAN.read_text(encoding="utf-8").replace(
        'due = "2024Q4"', 'due = "2024Q4"\nengagements = ["00000000-0000-4000-8000-000000000000"]', 1
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    before = ccm.dump()
    result = ccm("workplan", "import", bad)
    assert result.exit_code == 1
    assert "names engagement 00000000-0000-4000-8000-000000000000, which is not in the database" in result.stderr
    assert ccm.dump() == before
