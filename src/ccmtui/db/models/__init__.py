"""SQLAlchemy 2 models: the single source of the schema (schema.sql is generated from them).

Every record has a stable text UUID primary key and created/updated timestamps (UTC), so
records from two coordinators' files can be merged by UUID. Types and constraints are
portable: the same models serve SQLite and PostgreSQL.
"""

from ccmtui.db.models.base import Base, Record, new_uuid, utcnow
from ccmtui.db.models.changes import Change, ChangeSet
from ccmtui.db.models.log import Campaign, Engagement, EngagementActor, EngagementState, Reply
from ccmtui.db.models.register import Classification, Meeting, State, StateAlias
from ccmtui.db.models.workplan import (
    Milestone,
    MilestoneEngagement,
    MilestoneSlip,
    WorkPlan,
    WorkPlanItem,
    WorkPlanState,
)

# Tables whose writes are not themselves logged as changes.
UNLOGGED_TABLES = frozenset({"changesets", "changes"})

__all__ = [
    "Base",
    "Campaign",
    "Change",
    "ChangeSet",
    "Classification",
    "Engagement",
    "EngagementActor",
    "EngagementState",
    "Meeting",
    "Milestone",
    "MilestoneEngagement",
    "MilestoneSlip",
    "Record",
    "Reply",
    "State",
    "StateAlias",
    "UNLOGGED_TABLES",
    "WorkPlan",
    "WorkPlanItem",
    "WorkPlanState",
    "new_uuid",
    "utcnow",
]
