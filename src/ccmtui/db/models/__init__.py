"""SQLAlchemy 2 models: the single source of the schema (schema.sql is generated from them).

Every record has a stable text UUID primary key and created/updated timestamps (UTC), so
records from two coordinators' files can be merged by UUID. Types and constraints are
portable: the same models serve SQLite and PostgreSQL.
"""

from ccmtui.db.models.action_plan import IndicatorValue, PlanAction
from ccmtui.db.models.attachments import Attachment, Blob
from ccmtui.db.models.base import Base, Record, new_uuid, utcnow
from ccmtui.db.models.changes import Change, ChangeSet, Conflict
from ccmtui.db.models.coalitions import (
    Coalition,
    CoalitionActivity,
    CoalitionEngagement,
    CoalitionMember,
    CoalitionNeed,
)
from ccmtui.db.models.counterparts import EngagementCounterpart, Organisation, Person
from ccmtui.db.models.log import Campaign, Engagement, EngagementActor, EngagementState, Reply
from ccmtui.db.models.margins import MarginSlot
from ccmtui.db.models.obligations import (
    CooperationReport,
    NationalMeasure,
    Obligation,
    ObligationExtension,
    Retention,
    TransparencyForm,
    TransparencyReport,
)
from ccmtui.db.models.practices import Practice
from ccmtui.db.models.register import Classification, Meeting, State, StateAlias, UngaVote
from ccmtui.db.models.reports import FrozenReport
from ccmtui.db.models.sync import DatabaseInfo, SyncPeer
from ccmtui.db.models.workplan import (
    Milestone,
    MilestoneEngagement,
    MilestoneSlip,
    WorkPlan,
    WorkPlanItem,
    WorkPlanState,
)

# Tables that belong to one database alone: never synced, never logged.
LOCAL_TABLES = frozenset({"database_info", "sync_peers"})
# Tables whose writes are not themselves logged as changes.
# Blobs are content-addressed and never change: an attachment's row is logged, its bytes are not.
UNLOGGED_TABLES = frozenset({"changesets", "changes", "blobs"}) | LOCAL_TABLES

__all__ = [
    "LOCAL_TABLES",
    "UNLOGGED_TABLES",
    "Attachment",
    "Base",
    "Blob",
    "Campaign",
    "Change",
    "ChangeSet",
    "Classification",
    "Coalition",
    "CoalitionActivity",
    "CoalitionEngagement",
    "CoalitionMember",
    "CoalitionNeed",
    "Conflict",
    "CooperationReport",
    "DatabaseInfo",
    "Engagement",
    "EngagementActor",
    "EngagementCounterpart",
    "EngagementState",
    "FrozenReport",
    "IndicatorValue",
    "MarginSlot",
    "Meeting",
    "Milestone",
    "MilestoneEngagement",
    "MilestoneSlip",
    "NationalMeasure",
    "Obligation",
    "ObligationExtension",
    "Organisation",
    "Person",
    "PlanAction",
    "Practice",
    "Record",
    "Reply",
    "Retention",
    "State",
    "StateAlias",
    "SyncPeer",
    "TransparencyForm",
    "TransparencyReport",
    "UngaVote",
    "WorkPlan",
    "WorkPlanItem",
    "WorkPlanState",
    "new_uuid",
    "utcnow",
]
