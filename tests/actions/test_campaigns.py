"""Campaigns and replies: planned and shown before they are written, each error under its field."""

from __future__ import annotations

import pytest

from ccmtui.actions.campaigns import close_campaign, create_campaign, plan_campaign, record_state_reply
from ccmtui.domain.errors import FieldErrors, InputError

from .conftest import TODAY


def plan(db, **values):
    fields = {"title": "Letter on the 1RC", "to": ["category:I"], "date": "2015-01-10"} | values
    return plan_campaign(db.register, config=db.config, today=TODAY, **fields)


def test_a_campaign_without_title_or_targets_names_both(db):
    with pytest.raises(FieldErrors) as refused:
        plan(db, title=" ", to=[""], except_=["Atlantis"], date="2025-02-30")
    errors = refused.value.errors
    assert errors["title"] == "the campaign title is empty"
    assert errors["date"].startswith("bad --date '2025-02-30'")
    assert errors["except"].startswith("unknown state 'Atlantis'")
    assert errors["to"].startswith("choose the targets with --to")


def test_a_plan_shows_its_targets_then_creating_it_writes_a_pending_reply_for_each(db):
    before = db.ccm.dump()
    planned = plan(db, to=["category:II", "region:Asia"], except_=["thailand"], date="")
    assert planned.heading == "11 targets (category:II region:Asia except:THA)"
    assert db.ccm.dump() == before  # a plan writes nothing
    written = create_campaign(db.writing, planned)
    assert written.message == f"Created campaign {written.record['uuid'][:8]}: 11 pending replies."
    assert db.commands == ["campaign new 'Letter on the 1RC' to 11 states"]
    [row] = [r for r in db.reader.rows("campaigns_all", area=None) if r.uuid == written.record["uuid"]]
    assert (row.occurred_on.isoformat(), row.kind, row.pending) == ("2025-01-15", "demarche", 11)


def test_a_reply_through_the_campaigns_engagement_is_named_by_the_campaign(db):
    campaign = create_campaign(db.writing, plan(db)).record
    with pytest.raises(FieldErrors) as refused:
        record_state_reply(db.register, db.writing, to=campaign["uuid"][:8], state="", stance="maybe", today=TODAY)
    assert refused.value.errors == {
        "state": "name the state that replied",
        "stance": "unknown stance 'maybe'; valid: positive, neutral, negative",
    }
    # Checked against the record: not a field's error.
    with pytest.raises(InputError, match=r"the reply \(2015-01-01\) is dated before the engagement \(2015-01-10\)"):
        record_state_reply(
            db.register, db.writing, to=campaign["uuid"], state="VNM", stance="positive", date="2015-01-01"
        )
    written = record_state_reply(
        db.register,
        db.writing,
        to=campaign["engagement_uuid"],
        state="viet nam",
        stance="Positive",
        date="2015-02-03",
        category="i",
        classify=True,
    )
    assert written.message == "Reply from Viet Nam (positive) to 'Letter on the 1RC' recorded; Category I recorded."
    assert written.record["status"] == "replied"


def test_closing_says_how_many_replies_were_still_pending(db):
    campaign = create_campaign(db.writing, plan(db, to=["KEN", "UGA"])).record
    record_state_reply(db.register, db.writing, to=campaign["uuid"], state="KEN", stance="neutral", date="2015-02-01")
    written = close_campaign(db.reader, db.writing, campaign=campaign["uuid"][:6])
    assert written.message == "Letter on the 1RC: 1 pending reply marked as no reply."
    assert db.commands[-1] == "campaign close 'Letter on the 1RC'"
