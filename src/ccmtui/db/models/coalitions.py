"""Country coalitions (Art. 6): the affected state, its lead donors and partners, its needs, the
activities that answer them, and the engagements (meetings, seminars) held for it."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.domain.coalitions import ACTIVITY_STATUSES, MEMBER_ROLES, NEED_AREAS, NEED_STATUSES

PARTIAL_DATE = 10  # YYYY, YYYY-MM or YYYY-MM-DD


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Coalition(Record, Base):
    """A country coalition around one affected state and its national strategy."""

    __tablename__ = "coalitions"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    strategy: Mapped[str] = mapped_column(String(300), default="")
    strategy_dated: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))
    # The strategy's document: an attachment (of the engagement that received it).
    strategy_attachment_uuid: Mapped[str | None] = mapped_column(String(36))
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_coalitions_name"),
        Index("ix_coalitions_iso3", "iso3"),
    )


class CoalitionMember(Record, Base):
    """A lead donor or partner of a coalition: a state (by ISO3) or an organisation (by name)."""

    __tablename__ = "coalition_members"

    coalition_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("coalitions.uuid"))
    role: Mapped[str] = mapped_column(String(12))
    iso3: Mapped[str | None] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    organisation: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(Text)
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint(_in("role", MEMBER_ROLES), name="ck_coalition_members_role"),
        CheckConstraint("(iso3 IS NULL) <> (organisation IS NULL)", name="ck_coalition_members_who"),
        UniqueConstraint("coalition_uuid", "iso3", "organisation", name="uq_coalition_members"),
        Index("ix_coalition_members_coalition", "coalition_uuid", "role"),
    )


class CoalitionNeed(Record, Base):
    """What the affected state needs in one thematic area, with its amount where known."""

    __tablename__ = "coalition_needs"

    coalition_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("coalitions.uuid"))
    area: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(String(300))
    amount: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10), default="open")
    source: Mapped[str | None] = mapped_column(Text)
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint(_in("area", NEED_AREAS), name="ck_coalition_needs_area"),
        CheckConstraint(_in("status", NEED_STATUSES), name="ck_coalition_needs_status"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="ck_coalition_needs_amount"),
        CheckConstraint("(amount IS NULL) = (currency IS NULL)", name="ck_coalition_needs_currency"),
        Index("ix_coalition_needs_coalition", "coalition_uuid", "status"),
    )


class CoalitionActivity(Record, Base):
    """An activity or programme: who funds it, who implements it, its amount and status."""

    __tablename__ = "coalition_activities"

    coalition_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("coalitions.uuid"))
    # The need it answers, if one (not a foreign key: a need's deletion leaves the activity).
    need_uuid: Mapped[str | None] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(300))
    funded_by: Mapped[str] = mapped_column(String(200), default="")
    implemented_by: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10), default="planned")
    source: Mapped[str | None] = mapped_column(Text)
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint(_in("status", ACTIVITY_STATUSES), name="ck_coalition_activities_status"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="ck_coalition_activities_amount"),
        CheckConstraint("(amount IS NULL) = (currency IS NULL)", name="ck_coalition_activities_currency"),
        Index("ix_coalition_activities_coalition", "coalition_uuid", "status"),
    )


class CoalitionEngagement(Record, Base):
    """A meeting or seminar (an engagement) held for a coalition."""

    __tablename__ = "coalition_engagements"

    coalition_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("coalitions.uuid"))
    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))

    __table_args__ = (
        UniqueConstraint("coalition_uuid", "engagement_uuid", name="uq_coalition_engagements"),
        Index("ix_coalition_engagements_engagement", "engagement_uuid"),
    )
