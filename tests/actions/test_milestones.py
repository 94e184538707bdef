"""Milestones added and moved on: one action for each, each error under its field."""

from __future__ import annotations

import pytest

from ccmtui.actions.milestones import add_milestone, move_milestone
from ccmtui.actions.undo import undo
from ccmtui.domain.errors import FieldErrors, InputError

from .conftest import TODAY

DATABASE = "9c375ece"  # the sample plan's milestone due 2025Q1


def move(db, **values):
    return move_milestone(db.register, db.writing, today=TODAY, **values)


def test_adding_names_each_bad_field(db):
    with pytest.raises(FieldErrors) as refused:
        add_milestone(
            db.reader,
            db.writing,
            title=" ",
            due="soon",
            action_points=["XAP-1"],
            engagements=["zzzz"],
            config=db.config,
        )
    assert list(refused.value.errors) == ["title", "due", "action_points", "engagements"]
    assert refused.value.errors["title"] == "the milestone's title is empty: say what is to be achieved"
    assert refused.value.errors["due"].startswith("bad --due 'soon'")
    with pytest.raises(FieldErrors) as long:
        add_milestone(db.reader, db.writing, title="x" * 301, due="2025Q3", config=db.config)
    assert long.value.errors == {"title": "the title is 301 characters; keep it under 300 (put the rest in --notes)"}
    assert db.commands == []


def test_an_added_milestone_goes_to_the_plan_whose_period_holds_it(db):
    written = add_milestone(
        db.reader, db.writing, title=" Regional  workshop ", due="Q3 2025", action_points=["lap 17"], config=db.config
    )
    assert written.message == f"Added milestone {written.record['uuid'][:8]}, due Q3 2025: Regional workshop"
    assert (written.record["due_quarter"], written.record["action_points"]) == ("2025Q3", "LAP-17")
    with pytest.raises(InputError, match="outside its work plan's period"):
        add_milestone(db.reader, db.writing, title="Later", due="2026Q2", config=db.config)


def test_a_move_checks_only_the_fields_it_uses(db):
    with pytest.raises(FieldErrors) as refused:
        move(db, move="", milestone="abcd")
    assert refused.value.errors == {
        "move": "choose the change: start, done, slip or drop",
        "milestone": "no milestone with id 'abcd'",
    }
    # A new due date is read for a slip only, the engagements for done only.
    written = move(db, move="start", milestone=DATABASE, new_due="never", engagements=["zz"], note="begun")
    assert written.message.startswith("In progress: Develop a database")
    with pytest.raises(FieldErrors) as slip:
        move(db, move="slip", milestone=DATABASE, new_due="never")
    assert slip.value.errors == {
        "new_due": "bad new due 'never': give a quarter (2025Q1, 2025-Q1, Q1 2025) or a date (YYYY-MM-DD)"
    }


def test_each_move_says_what_it_did_and_undo_reverts_it(db):
    slipped = move(db, move="slip", milestone=DATABASE, new_due="2025Q3", note="awaiting replies", date="2025-03-28")
    assert slipped.message == "Slipped from Q1 2025 to Q3 2025 (2 quarters): " + slipped.record["title"]
    done = move(db, move="done", milestone=DATABASE, date="2025-10-10")
    assert done.message == "Done on 2025-10-10, 10 days after it was due (Q3 2025): " + done.record["title"]
    assert db.commands == ["slip milestone to Q3 2025", "milestone done"]
    undone = undo(db.writing)
    assert undone.message.startswith("Undid: milestone done (1 change by Ana Tester (PRT), ")
    assert move(db, move="drop", milestone=DATABASE, note="overtaken").message.startswith("Dropped: Develop a database")
