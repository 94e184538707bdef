"""Logging and classifying: every field checked at once, each error under its field, nothing half written."""

from __future__ import annotations

import json

import pytest

from ccmtui.actions.journal import classify_state, log_engagement, mark_follow_up_done
from ccmtui.domain.errors import FieldErrors, InputError

from .conftest import TODAY


def log(db, **values):
    fields = {"kind": "call", "states": ["Kenya"], "summary": "Call with the mission", "area": None} | values
    return log_engagement(db.register, db.writing, config=db.config, today=TODAY, **fields)


def test_every_bad_field_is_named_at_once_and_nothing_is_written(db):
    before = db.ccm.dump()
    with pytest.raises(FieldErrors) as refused:
        log(
            db,
            kind="dance",
            states=["Narnia", ""],
            summary="  ",
            date="5 March",
            action_points=["XAP-1"],
            follow_up="soon",
        )
    errors = refused.value.errors
    assert list(errors) == ["states", "summary", "kind", "date", "action_points", "follow_up"]
    assert errors["states"].startswith("unknown state 'Narnia'; did you mean")
    assert errors["summary"] == "the summary is empty: say in one line what happened"
    assert errors["date"].startswith("bad --date '5 March': expected YYYY-MM-DD")
    assert errors["follow_up"] == "bad --follow-up 'soon': expected YYYY-MM-DD, e.g. 2013-09-09"
    # A command prints the first, as one line.
    assert str(refused.value) == errors["states"] and isinstance(refused.value, InputError)
    assert db.commands == [] and db.ccm.dump() == before


def test_a_follow_up_before_the_engagement_is_the_follow_up_fields_error(db):
    with pytest.raises(FieldErrors) as refused:
        log(db, date="2024-05-01", follow_up="2024-04-01")
    assert refused.value.errors == {"follow_up": "the follow-up date 2024-04-01 is before the engagement (2024-05-01)"}


def test_no_state_and_no_area_are_asked_for(db):
    db.config.pop("area")
    with pytest.raises(FieldErrors) as refused:
        log(db, states=["", " "])
    assert refused.value.errors["states"] == "name at least one state the engagement was with"
    assert refused.value.errors["area"].startswith("say which thematic area (--area")


def test_a_logged_engagement_comes_back_with_its_message(db):
    written = log(db, states=["ken", "Lao PDR"], date="", by=[""], action_points=["vap 3, LAP-17"])
    uuid = written.record["uuid"]
    # A blank date is the front end's today; a blank "by" is the coordinator's own state.
    assert written.message == f"Logged call {uuid[:8]} with Kenya, Laos on 2025-01-15."
    assert db.commands == ["log call with Kenya, Laos: Call with the mission"]
    detail = json.loads(db.ccm("show", uuid[:8], "--json").stdout)
    assert detail["by"] == ["PRT"] and detail["action_points"] == ["VAP-3", "LAP-17"]
    assert detail["area"] == "universalization" and detail["channel"] == "geneva"


def test_classify_names_the_missing_reason_and_refuses_a_state_party(db):
    with pytest.raises(FieldErrors) as refused:
        classify_state(db.register, db.writing, state="", category="IV", source="ab", today=TODAY)
    assert refused.value.errors == {
        "state": "name the state to classify",
        "category": "unknown category 'IV'; valid: I, II, III",
        "source": "bad engagement id 'ab': give at least 4 characters of the id shown in listings",
        "rationale": "give the reason for the category (--rationale)",
    }
    # A rule of the treaty, not a field: a plain InputError, which a form shows under itself.
    with pytest.raises(InputError) as party:
        classify_state(db.register, db.writing, state="France", category="II", rationale="x", today=TODAY)
    assert not isinstance(party.value, FieldErrors)
    assert str(party.value) == "France is a State Party on 2025-01-15 (party); categories are for states not yet party"
    assert db.commands == []


def test_classify_says_what_was_recorded(db):
    written = classify_state(
        db.register, db.writing, state="KEN", category="2", rationale=" Bill  stalled ", date="2014-02-01"
    )
    assert written.message == "Kenya: Category II (interested, held back by obstacles) as of 2014-02-01."
    assert (written.record["category"], written.record["rationale"]) == ("II", "Bill stalled")


def test_a_follow_up_done_by_its_short_id(db):
    uuid = log(db, date="2024-01-01", follow_up="2024-02-01").record["uuid"]
    written = mark_follow_up_done(db.reader, db.writing, engagement=uuid[:6])
    assert written.message == f"Follow-up of {uuid[:8]} done." and written.record["follow_up_on"] is None
