"""The read queries, written once as SQLAlchemy Core selects, and named by `Q`.

These selects are the only source of the SQL the tool runs to read. For the embedded
SQLite default, `ccmtui.db.compiled` holds them compiled ahead of time (regenerate with
`python -m ccmtui.db.compile`; a test fails when it is stale), so a read command needs
only the standard library's sqlite3. Any other database runs the selects here through
SQLAlchemy. Each submodule contributes its own `QUERIES`, keyed by `Q`.

This module itself imports nothing heavy: `from ccmtui.db.queries import Q` is free, and
the selects (`READ_QUERIES`, with SQLAlchemy) load only when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Select

    READ_QUERIES: dict[str, Callable[[], Select]]


class Q:
    """One attribute per read query, its name: `reader.rows(Q.register, as_of=day)`.

    A misspelt query is an AttributeError where it is written (and a type checker's
    error), not a missing key when the query runs. `tests/db/test_queries_on_both.py`
    checks that every name here has its query and every query its name.
    """

    # register.py
    register = "register"
    state_regions = "state_regions"
    states_file = "states_file"
    aliases = "aliases"
    meetings = "meetings"
    # log.py
    attachments_of_engagements = "attachments_of_engagements"
    attachment_ids = "attachment_ids"
    blob = "blob"
    attachments_by_id = "attachments_by_id"
    engagements_recent = "engagements_recent"
    engagements_of_state = "engagements_of_state"
    engagements_of_state_oldest = "engagements_of_state_oldest"
    engagements_by_actor = "engagements_by_actor"
    engagements_of_campaign = "engagements_of_campaign"
    engagement_days = "engagement_days"
    engagement_days_of_area = "engagement_days_of_area"
    engagement_days_of_kind = "engagement_days_of_kind"
    engagement_days_of_kind_area = "engagement_days_of_kind_area"
    engagement_days_of_state = "engagement_days_of_state"
    engagement_days_of_state_filtered = "engagement_days_of_state_filtered"
    attachment_days_of_state = "attachment_days_of_state"
    assessment_of_state = "assessment_of_state"
    reply_reasons_of_state = "reply_reasons_of_state"
    engagement = "engagement"
    states_of_engagements = "states_of_engagements"
    actors_of_engagements = "actors_of_engagements"
    engagement_ids = "engagement_ids"
    campaign_ids = "campaign_ids"
    campaign_board = "campaign_board"
    campaign_board_latest = "campaign_board_latest"
    campaigns_in_period = "campaigns_in_period"
    campaigns_all = "campaigns_all"
    campaigns_latest = "campaigns_latest"
    campaign_count = "campaign_count"
    campaign_summary = "campaign_summary"
    campaign_of_engagement = "campaign_of_engagement"
    replies_of_engagement = "replies_of_engagement"
    replies_of_state = "replies_of_state"
    replies_pending_since = "replies_pending_since"
    follow_ups_due = "follow_ups_due"
    follow_ups_overdue_count = "follow_ups_overdue_count"
    replies_pending_since_count = "replies_pending_since_count"
    classifications_of_state = "classifications_of_state"
    classification_changes = "classification_changes"
    classification_changes_latest = "classification_changes_latest"
    classification_changes_count = "classification_changes_count"
    search_portable = "search_portable"
    # counterparts.py
    organisations = "organisations"
    people = "people"
    counterparts_of_engagements = "counterparts_of_engagements"
    counterparts_of_state = "counterparts_of_state"
    counterpart_links_of_person = "counterpart_links_of_person"
    engagement_summaries = "engagement_summaries"
    # changes.py
    recent_changesets = "recent_changesets"
    last_undoable = "last_undoable"
    changes_of = "changes_of"
    changes_touching_since = "changes_touching_since"
    changes_to_tables_since = "changes_to_tables_since"
    frozen_reports = "frozen_reports"
    deletions = "deletions"
    database_info = "database_info"
    sync_peer = "sync_peer"
    last_change_of = "last_change_of"
    last_position = "last_position"
    changeset_at = "changeset_at"
    changesets_after = "changesets_after"
    changesets_present = "changesets_present"
    changes_in = "changes_in"
    deletions_of = "deletions_of"
    conflicts = "conflicts"
    conflict_ids = "conflict_ids"
    open_conflicts_count = "open_conflicts_count"
    # workplan.py
    work_plans = "work_plans"
    work_plan = "work_plan"
    work_plan_ids = "work_plan_ids"
    work_plan_states = "work_plan_states"
    work_plan_items = "work_plan_items"
    milestones_of_work_plan = "milestones_of_work_plan"
    milestones_due = "milestones_due"
    milestones_done = "milestones_done"
    milestones_slipped_from = "milestones_slipped_from"
    milestone = "milestone"
    milestone_ids = "milestone_ids"
    slips_of_milestones = "slips_of_milestones"
    engagements_of_milestones = "engagements_of_milestones"
    engagement_counts_by_kind = "engagement_counts_by_kind"
    engagement_counts_by_state = "engagement_counts_by_state"
    engagements_notable = "engagements_notable"
    follow_ups_between = "follow_ups_between"
    # obligations.py
    obligations = "obligations"
    obligation_of_state = "obligation_of_state"
    obligation_extensions = "obligation_extensions"
    retention = "retention"
    retention_of_state = "retention_of_state"
    transparency_reports = "transparency_reports"
    transparency_of_state = "transparency_of_state"
    transparency_forms = "transparency_forms"
    national_measures = "national_measures"
    national_measure_of_state = "national_measure_of_state"
    cooperation_reports = "cooperation_reports"
    cooperation_of_state = "cooperation_of_state"
    meeting_details = "meeting_details"
    engagements_by_kind = "engagements_by_kind"
    demarche_reach = "demarche_reach"
    demarche_replies = "demarche_replies"
    # due.py
    due_follow_ups_newest = "due_follow_ups_newest"
    due_follow_ups_oldest = "due_follow_ups_oldest"
    due_replies_newest = "due_replies_newest"
    due_replies_oldest = "due_replies_oldest"
    # records.py
    record_ids = "record_ids"
    parts_of_engagement = "parts_of_engagement"
    parts_of_work_plan = "parts_of_work_plan"
    parts_of_milestone = "parts_of_milestone"
    changesets_touching = "changesets_touching"
    # universalization.py
    assessments_until = "assessments_until"
    last_contact_of_state = "last_contact_of_state"
    last_contact_of_state_in_area = "last_contact_of_state_in_area"
    recent_contacts = "recent_contacts"
    recent_contacts_in_area = "recent_contacts_in_area"
    replies_pending_by_state = "replies_pending_by_state"
    reply_reasons = "reply_reasons"
    unga_votes = "unga_votes"
    unga_votes_of_state = "unga_votes_of_state"
    # coalitions.py
    coalitions = "coalitions"
    coalition_members = "coalition_members"
    coalition_needs = "coalition_needs"
    coalition_activities = "coalition_activities"
    coalition_engagements = "coalition_engagements"
    coalition_ids = "coalition_ids"
    coalition_member_ids = "coalition_member_ids"
    coalition_need_ids = "coalition_need_ids"
    coalition_activity_ids = "coalition_activity_ids"
    # action_plan.py
    plan_actions = "plan_actions"
    plan_action_codes = "plan_action_codes"
    indicator_values = "indicator_values"
    indicator_value_of_state = "indicator_value_of_state"
    # margins.py
    margin_slots = "margin_slots"
    margin_follow_ups = "margin_follow_ups"
    # practices.py
    practices = "practices"


def names() -> list[str]:
    """Every query's name, in the order the submodules declare them."""
    return [value for key, value in vars(Q).items() if not key.startswith("_")]


def _read_queries() -> dict[str, Callable[[], Select]]:
    from ccmtui.db.queries import (
        action_plan,
        campaigns,
        changes,
        coalitions,
        counterparts,
        due,
        log,
        margins,
        obligations,
        practices,
        records,
        register,
        universalization,
        workplan,
    )

    found = {
        **register.QUERIES,
        **log.QUERIES,
        **campaigns.QUERIES,
        **changes.QUERIES,
        **workplan.QUERIES,
        **obligations.QUERIES,
        **records.QUERIES,
        **universalization.QUERIES,
        **due.QUERIES,
        **counterparts.QUERIES,
        **coalitions.QUERIES,
        **action_plan.QUERIES,
        **margins.QUERIES,
        **practices.QUERIES,
    }
    if set(found) != set(names()):
        raise RuntimeError(f"ccmtui.db.queries.Q and the queries differ: {sorted(set(found) ^ set(names()))}")
    return found


def __getattr__(name: str):
    # PEP 562: the selects (and SQLAlchemy) load on first use of READ_QUERIES.
    if name == "READ_QUERIES":
        value = globals()["READ_QUERIES"] = _read_queries()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
