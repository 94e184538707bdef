"""Every read query gives the same rows on SQLite (the compiled SQL) and on PostgreSQL.

A copy of the sample gets a record of each kind the sample lacks, written through the commands
(an attachment, a done and a slipped milestone, Art. 7 records, an undone entry, pending replies,
a synchronised peer); it is then copied table by table into a new PostgreSQL database. Each query in `Q` runs on
both with the parameters below, and must return equal rows in the same order. Without a
PostgreSQL server these tests are skipped saying why (`CCM_REQUIRE_PG=1` makes that a failure).
"""

from __future__ import annotations

import ast
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from ccmtui.db.queries import Q, names
from ccmtui.domain.workplan import MILESTONE_STATUSES
from tests import backends
from tests.cli.unga import write

from ..conftest import CCM, SAMPLE

SRC = Path(__file__).resolve().parents[2] / "src" / "ccmtui"
LOME = "480d530f-8be0-5842-a038-cce0d90cd619"  # the Lomé conference, with states, actors and an attachment
LETTER = "511eb125-15c1-5d54-88b8-49eaaf448df9"  # the 2013 letter: a campaign's engagement, with replies
CAMPAIGN = "6407f7c8-cf0b-5c2b-a107-8fe32e677447"
DONE, SLIPPED = "6f591ea5", "9c375ece"  # milestones of the sample's work plan
EVER = {"since": date(2000, 1, 1), "until": date(2030, 12, 31)}
PERIOD = {"since": date(2011, 9, 14), "until": date(2013, 9, 9)}


def parameters(facts: dict) -> dict[str, dict]:
    """Each query's parameters on the prepared sample (`facts`: ids read from it)."""
    every = {"low": "", "high": "~"}
    listing = {**EVER, "area": None, "kind": None, "limit": 50}
    return {
        Q.register: {"as_of": date(2013, 9, 9)},
        Q.state_regions: {},
        Q.states_file: {},
        Q.aliases: {},
        Q.meetings: {},
        Q.margin_slots: {"meeting": facts["meeting"]},
        Q.margin_follow_ups: {"since": date(2013, 1, 1), "until": date(2013, 12, 31), "limit": 10},
        Q.state_regions: {},
        Q.assessments_until: {"as_of": date(2013, 9, 9)},
        Q.last_contact_of_state: {"iso3": "THA", "as_of": date(2013, 9, 9)},
        Q.last_contact_of_state_in_area: {"iso3": "THA", "as_of": date(2013, 9, 9), "area": "universalization"},
        Q.recent_contacts: {"as_of": date(2013, 9, 9), "limit": 100},
        Q.recent_contacts_in_area: {"as_of": date(2013, 9, 9), "limit": 100, "area": "universalization"},
        Q.replies_pending_by_state: {"as_of": date(2014, 12, 31)},
        Q.reply_reasons: {"as_of": date(2013, 9, 9)},
        Q.unga_votes: {},
        Q.unga_votes_of_state: {"iso3": "THA"},
        Q.obligation_extensions: {},
        Q.transparency_forms: {},
        Q.attachments_of_engagements: {"uuids": facts["engagements"]},
        Q.attachment_ids: every,
        Q.blob: {"sha256": facts["sha256"]},
        Q.attachments_by_id: {"uuid": facts["attachment"]},
        Q.engagements_recent: listing,
        Q.engagements_of_state: {**listing, "iso3": "GHA"},
        Q.engagements_of_state_oldest: {**listing, "iso3": "GHA"},
        Q.engagements_by_actor: {**listing, "actor": "PRT"},
        Q.engagements_of_campaign: {**listing, "campaign": CAMPAIGN},
        Q.engagement_days: EVER,
        Q.engagement_days_of_area: {**EVER, "area": "universalization"},
        Q.engagement_days_of_kind: {**EVER, "kind": "workshop"},
        Q.engagement_days_of_kind_area: {**EVER, "kind": "workshop", "area": "universalization"},
        Q.engagement_days_of_state: {**EVER, "iso3": "GHA"},
        Q.engagement_days_of_state_filtered: {**EVER, "iso3": "GHA", "area": "universalization", "kind": None},
        Q.attachment_days_of_state: {"iso3": "TGO"},
        Q.engagement: {"uuid": LOME},
        Q.organisations: {},
        Q.people: {},
        Q.counterparts_of_engagements: {"uuids": facts["engagements"]},
        Q.counterparts_of_state: {"iso3": "KEN", "as_of": date(2030, 1, 1)},
        Q.counterpart_links_of_person: {"person_uuid": facts["person"]},
        Q.engagement_summaries: {"uuids": facts["engagements"]},
        Q.states_of_engagements: {"uuids": facts["engagements"]},
        Q.actors_of_engagements: {"uuids": facts["engagements"]},
        Q.engagement_ids: every,
        Q.campaign_ids: every,
        Q.campaign_board: {**EVER, "area": None},
        Q.campaign_board_latest: {**EVER, "area": None, "limit": 3},
        Q.campaigns_in_period: {**EVER, "area": None},
        Q.campaigns_all: {"area": None},
        Q.campaigns_latest: {"limit": 20},
        Q.campaign_count: {},
        Q.campaign_summary: {"campaign": CAMPAIGN},
        Q.campaign_of_engagement: {"engagement": LETTER},
        Q.replies_of_engagement: {"engagement": LETTER},
        Q.replies_of_state: {"iso3": "THA"},
        Q.replies_pending_since: {"cutoff": date(2014, 1, 1), "limit": 50},
        Q.follow_ups_due: {"until": date(2030, 12, 31), "limit": 50},
        Q.follow_ups_overdue_count: {"until": date(2030, 12, 31)},
        Q.replies_pending_since_count: {"cutoff": date(2014, 1, 1)},
        Q.due_follow_ups_newest: {"until": date(2030, 12, 31), "limit": 50, "offset": 0},
        Q.due_follow_ups_oldest: {"until": date(2030, 12, 31), "limit": 50, "offset": 1},
        Q.due_replies_newest: {"cutoff": date(2014, 1, 1), "limit": 50, "offset": 0},
        Q.due_replies_oldest: {"cutoff": date(2014, 1, 1), "limit": 50, "offset": 1},
        Q.classifications_of_state: {"iso3": facts["classified"]},
        Q.classification_changes: EVER,
        Q.classification_changes_latest: {**EVER, "skip": 1},
        Q.classification_changes_count: EVER,
        Q.search_portable: {"pattern": "%conference%", "limit": 50},
        Q.recent_changesets: {"limit": 50},
        Q.last_undoable: {"database": facts["database"], "by": None, "role": None},
        Q.changes_of: {"changeset": facts["changeset"]},
        Q.deletions: {"table": "engagements"},
        Q.database_info: {},
        Q.sync_peer: {"peer": facts["peer"]},
        Q.last_change_of: {"table": "engagements", "record": LETTER},
        Q.last_position: {},
        Q.changeset_at: {"position": 1},
        Q.changesets_after: {"after": 0, "upto": 1_000_000, "limit": 10},
        Q.changesets_present: {"changesets": [facts["changeset"]]},
        Q.changes_in: {"changesets": [facts["changeset"]]},
        Q.deletions_of: {"table": "engagements", "records": facts["deleted"]},
        Q.conflicts: {},
        Q.conflict_ids: {"low": "0", "high": "g"},
        Q.open_conflicts_count: {},
        Q.work_plans: {"area": None},
        Q.work_plan: {"uuid": facts["work_plan"]},
        Q.work_plan_ids: every,
        Q.work_plan_states: {"uuids": [facts["work_plan"]]},
        Q.work_plan_items: {"work_plan": facts["work_plan"]},
        Q.milestones_of_work_plan: {"work_plan": facts["work_plan"]},
        Q.milestones_due: {**EVER, "area": None, "statuses": list(MILESTONE_STATUSES)},
        Q.milestones_done: {**EVER, "area": None},
        Q.milestones_slipped_from: {**EVER, "area": None},
        Q.milestone: {"uuid": facts["milestones"][0]},
        Q.milestone_ids: every,
        Q.slips_of_milestones: {"uuids": facts["milestones"]},
        Q.engagements_of_milestones: {"uuids": facts["milestones"]},
        Q.engagement_counts_by_kind: {**EVER, "area": None},
        Q.engagement_counts_by_state: {**EVER, "area": None},
        Q.engagements_notable: {**EVER, "area": None, "limit": 12},
        Q.follow_ups_between: EVER,
        Q.obligations: {"article": None},
        Q.obligation_of_state: {"article": 3, "iso3": facts["obligation"]},
        Q.obligation_extensions: {},
        Q.retention: {},
        Q.retention_of_state: {"iso3": "NLD", "year": 2013},
        Q.plan_actions: {},
        Q.plan_action_codes: {},
        Q.indicator_values: {"until": 2013},
        Q.indicator_value_of_state: {"iso3": "LAO", "action": "VAP-21", "indicator": 1, "year": 2013},
        Q.transparency_reports: {},
        Q.transparency_of_state: {"iso3": "FRA"},
        Q.transparency_forms: {},
        Q.national_measures: {},
        Q.national_measure_of_state: {"iso3": "NZL", "status": "adopted", "dated": "2009-12"},
        Q.cooperation_reports: {},
        Q.cooperation_of_state: {"iso3": "LBN", "role": "needs", "year": 2013},
        Q.meeting_details: {},
        Q.engagements_by_kind: {**PERIOD, "area": "universalization"},
        Q.demarche_reach: {**PERIOD, "area": "universalization"},
        Q.demarche_replies: {**PERIOD, "area": "universalization"},
        Q.state_regions: {},
        Q.assessments_until: {"as_of": date(2013, 9, 9)},
        Q.last_contact_of_state: {"iso3": "THA", "as_of": date(2013, 9, 9)},
        Q.last_contact_of_state_in_area: {"iso3": "THA", "as_of": date(2013, 9, 9), "area": "universalization"},
        Q.recent_contacts: {"as_of": date(2013, 9, 9), "limit": 100},
        Q.recent_contacts_in_area: {"as_of": date(2013, 9, 9), "limit": 100, "area": "universalization"},
        Q.replies_pending_by_state: {"as_of": date(2014, 12, 31)},
        Q.reply_reasons: {"as_of": date(2013, 9, 9)},
        Q.assessment_of_state: {"iso3": "KEN", "as_of": date(2014, 12, 31)},
        Q.reply_reasons_of_state: {"iso3": "THA", "as_of": date(2013, 9, 9)},
        Q.coalitions: {"coalition": None},
        Q.coalition_members: {"coalition": None},
        Q.coalition_needs: {"coalition": None},
        Q.coalition_activities: {"coalition": None},
        Q.coalition_engagements: {"coalition": None},
        Q.coalition_ids: every,
        Q.coalition_member_ids: every,
        Q.coalition_need_ids: every,
        Q.coalition_activity_ids: every,
        Q.obligation_extensions: {},
        Q.transparency_forms: {},
        Q.record_ids: every,
        Q.parts_of_engagement: {"engagement": LOME},
        Q.parts_of_work_plan: {"work_plan": facts["work_plan"]},
        Q.parts_of_milestone: {"milestone": next((m for m in facts["milestones"] if m.startswith(DONE)), "")},
        Q.frozen_reports: {},
        Q.practices: {},
        Q.changes_touching_since: {"records": [LOME], "after": datetime(2000, 1, 1)},
        Q.changes_to_tables_since: {"tables": ["engagements"], "after": datetime(2000, 1, 1)},
        Q.changesets_touching: {
            "tables": ["engagements"],
            "records": [LOME],
            "after": datetime(2000, 1, 1),
            "changeset": "",
            "database": facts["database"],
        },
    }


def prepare(path: Path) -> None:
    """Records of every kind the sample lacks, written through the commands."""
    ccm = CCM(path)
    letter = path.parent / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 signed letter \x00\x01\x02")
    peer = path.parent / "peer.db"
    shutil.copy(SAMPLE, peer)
    votes = write(path.parent / "votes.csv", [("THA", "Y", 2016), ("RUS", "N", 2016)])
    steps = [
        ("attach", LOME[:8], letter),
        ("edit", LOME[:8], "--follow-up", "2013-06-30"),
        ("milestone", "done", DONE, "--date", "2025-03-20", "-e", LOME[:8]),
        ("milestone", "slip", SLIPPED, "2025Q2", "--reason", "later"),
        ("retention", "add", "NLD", "--year", "2013", "--submunitions", "300", "--source", "Art. 7 report"),
        ("transparency", "add", "FRA", "--year", "2013", "--submitted", "2014-06-01", "--source", "Art. 7 report"),
        ("article7", "add", "FRA", "--year", "2013", "--form", "A=changed", "--form", "F=not applicable", "--source", "Art. 7 report"),
        ("measures", "add", "NZL", "-s", "adopted", "-d", "2009-12", "--measure", "Act 2009", "--source", "Art. 7 report"),
        ("cooperation", "add", "LBN", "needs", "--year", "2013", "--details", "clearance", "--source", "Art. 7 report"),
        ("classify", "KEN", "II", "-r", "Parliament has other priorities", "--date", "2014-02-01"),
        ("votes", "import", votes),
        ("reply", CAMPAIGN[:8], "THA", "--stance", "neutral", "-m", "Cost of alternatives", "--reason", "cost",
         "--date", "2013-06-01"),
        ("log", "meeting", "KEN", "-m", "Met the mission", "-a", "univ", "--date", "2013-06-03", "--with",
         "Kwame Mensah", "--with", "ICRC"),
        ("coalition", "add-meeting", "LAO", LOME[:8]),
        ("log", "call", "UGA", "-m", "Call on the conference", "-a", "univ", "--date", "2013-06-01",
         "--follow-up", "2013-07-01"),
        ("log", "meeting", "KEN", "-m", "A meeting logged by mistake", "-a", "univ", "--date", "2013-06-02"),
        ("undo",),
        ("margins", "add", "13MSP", "--with", "LAO", "--day", "2025-09-17", "--slot", "10:00-10:30", "--room", "XXIII"),
        ("sync", peer),
        ("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "--freeze", "5MSP", "-o", path.parent / "r.md"),
    ]  # fmt: skip
    for step in steps:
        result = ccm(*step)
        assert result.exit_code == 0, (step, result.output)
    # The 2013 letter edited on both sides, then synced: a conflict, recorded.
    from ccmtui.db.write import writing

    for where, wording in ((peer, "The letter (their wording)"), (path, "The letter (our wording)")):
        with writing(str(where), by="Coordinator", command="edit") as writer:
            writer.update("engagements", LETTER, {"summary": wording})
    assert ccm("sync", peer).exit_code == 0
    campaign = ccm("campaign", "new", "Letter 2013", "--to", "category:II", "--to", "region:Asia", "-a", "univ",
                   "--kind", "letter", "--date", "2013-10-01", input="y\n")  # fmt: skip
    assert campaign.exit_code == 0, campaign.output
    # A chaser to the 2013 letter's non-repliers (it follows that campaign), and a delivery date.
    for step in [
        ("campaign", "new", "Chaser 2014", "--to", f"campaign:{CAMPAIGN[:8]}:unanswered", "-a", "univ",
         "--kind", "letter", "--date", "2014-03-01", "-y"),
        ("campaign", "delivered", CAMPAIGN[:8], "THA", "--date", "2013-03-20"),
    ]:  # fmt: skip
        result = ccm(*step)
        assert result.exit_code == 0, (step, result.output)


def copy_to_server(path: Path, url: str) -> None:
    """Every model table of the SQLite file, row for row, into the (new) server database."""
    from sqlalchemy import select

    from ccmtui.db.models import Base
    from ccmtui.db.session import Database

    source, target = Database(path), Database(url).ensure()
    try:
        with source.engine.connect() as reading, target.engine.begin() as writing:
            for table in reversed(Base.metadata.sorted_tables):
                writing.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                order = table.c.made_at if table.name == "changesets" else table.c.uuid
                rows = [dict(row._mapping) for row in reading.execute(select(table).order_by(order))]
                if rows:
                    writing.execute(table.insert(), rows)
    finally:
        source.dispose()
        target.dispose()


@pytest.fixture(scope="module")
def both(postgres, tmp_path_factory):
    """(SQLite reader, PostgreSQL reader, facts) on the same prepared records."""
    from ccmtui.db.read import AlchemyReader, SQLiteReader
    from ccmtui.db.session import Database

    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CCM_CONFIG", str(home / "config.toml"))
        env.setenv("XDG_DATA_HOME", str(home / "data"))
        env.delenv("CCM_DB", raising=False)
        path = tmp_path_factory.mktemp("both") / "sample.db"
        shutil.copy(SAMPLE, path)
        prepare(path)
    name = f"ccm_queries_{os.getpid()}"
    backends._admin(f'DROP DATABASE IF EXISTS "{name}"')
    backends._admin(f'CREATE DATABASE "{name}"')
    url = backends._with_database(backends.server_url(), name)
    copy_to_server(path, url)
    fast, slow = SQLiteReader(path), AlchemyReader(Database(url))
    [attachment] = fast.rows(Q.attachments_of_engagements, uuids=[LOME])
    [database] = fast.rows(Q.database_info)
    [plan] = fast.rows(Q.work_plans, area=None)
    facts = {
        "engagements": [row.uuid for row in fast.rows(Q.engagements_recent, **EVER, area=None, kind=None, limit=50)],
        "attachment": attachment.uuid,
        "sha256": attachment.sha256,
        "database": database.uuid,
        "changeset": fast.rows(Q.recent_changesets, limit=1)[0].uuid,
        "peer": fast.connection.execute("SELECT peer_uuid FROM sync_peers").fetchone()[0],
        "deleted": [row.record_uuid for row in fast.rows(Q.deletions, table="engagements")],
        "classified": "KEN",
        "person": next(row.uuid for row in fast.rows(Q.people) if row.name == "Kwame Mensah"),
        "work_plan": plan.uuid,
        "milestones": [row.uuid for row in fast.rows(Q.milestones_of_work_plan, work_plan=plan.uuid)],
        "obligation": fast.rows(Q.obligations, article=3)[0].iso3,
        "meeting": next(m.uuid for m in fast.rows(Q.meetings) if m.code == "13MSP"),
        "url": url,
    }
    try:
        yield fast, slow, facts
    finally:
        fast.close()
        slow.close()
        backends.drop(url)


def test_every_query_has_parameters_here():
    from collections import defaultdict

    assert sorted(parameters(defaultdict(lambda: ["id"]))) == sorted(names())


@pytest.mark.parametrize("name", names())
def test_the_query_gives_the_same_rows_on_sqlite_and_postgresql(both, name):
    fast, slow, facts = both
    params = parameters(facts)[name]
    on_sqlite, on_postgresql = fast.rows(name, **params), slow.rows(name, **params)
    assert on_sqlite == on_postgresql
    assert on_sqlite, f"{name} finds nothing: give it parameters (or records) that find rows"


@pytest.fixture(scope="module")
def through_psycopg(both):
    """The read path of a command on a server: the SQL compiled for PostgreSQL, through psycopg alone."""
    from ccmtui.db.read import PostgreSQLReader
    from ccmtui.db.target import Target

    reader = PostgreSQLReader(Target.parse(both[2]["url"]))
    yield reader
    reader.close()


@pytest.mark.parametrize("name", names())
def test_the_compiled_postgresql_query_gives_what_sqlalchemy_gives(both, through_psycopg, name):
    _, slow, facts = both
    params = parameters(facts).get(name, {})
    assert through_psycopg.rows(name, **params) == slow.rows(name, **params)


def test_every_query_named_in_the_code_exists():
    """`Q.name` spelt wrong anywhere in src/ fails here, before that line ever runs."""
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Q":
                if not hasattr(Q, node.attr):
                    wrong.append(f"{path.relative_to(SRC)}:{node.lineno}: Q.{node.attr}")
    assert not wrong
