"""Importing a work-plan file: created, brought to what an edited file says, or left as it is."""

from __future__ import annotations

from ccmtui.actions.workplan import import_work_plan_file


def test_an_edited_file_is_counted_change_by_change(db, tmp_path):
    text = db.ccm("workplan", "export").stdout
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    unchanged = import_work_plan_file(db.register, db.writing, path)
    assert unchanged.message.endswith("is already as the file says; nothing changed.")
    assert not unchanged.record.changed

    edited = text.replace('"ICRC",\n', "")  # the partners list: one record changed
    edited = edited.replace(
        'due = "2025Q2"\nstatus = "planned"', 'due = "2025Q2"\nstatus = "in-progress"'
    )  # a milestone
    first = edited.index("[[milestones]]")
    second = edited.index("[[milestones]]", first + 1)
    edited = edited[:first] + edited[second:]  # the first milestone removed
    edited += '\n[[milestones]]\ntitle = "Regional workshop in Lusaka"\ndue = "2025Q3"\n'
    path.write_text(edited, encoding="utf-8")
    written = import_work_plan_file(db.register, db.writing, path)
    plan = written.record.uuid[:8]
    # Changed: the partners, and the three milestones left, each one place earlier (one also started).
    assert written.message == f"Updated work plan {plan}: 1 milestones added, 4 records changed, 1 milestones removed."
    assert db.commands[-1].startswith("import work plan CCM Thematic Working Group") and db.commands[-1].endswith(
        "from plan.toml"
    )
    titles = [row.title for row in db.reader.rows("milestones_of_work_plan", work_plan=written.record.uuid)]
    assert len(titles) == 4 and titles[-1] == "Regional workshop in Lusaka"
