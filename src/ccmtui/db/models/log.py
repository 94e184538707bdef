"""The coordinator's daily log: engagements, campaigns, replies."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import CHANNELS, KINDS, REPLY_STATUSES, STANCES


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Engagement(Record, Base):
    """A dated contact with one or more states: a démarche, a meeting, a letter, a note verbale…"""

    __tablename__ = "engagements"

    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    area: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    action_points: Mapped[str] = mapped_column(String(200), default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint(_in("kind", KINDS), name="ck_engagements_kind"),
        CheckConstraint(_in("area", AREAS), name="ck_engagements_area"),
        CheckConstraint(_in("channel", CHANNELS), name="ck_engagements_channel"),
        CheckConstraint("length(trim(summary)) > 0", name="ck_engagements_summary"),
        Index("ix_engagements_occurred_on", "occurred_on"),
        Index("ix_engagements_area_occurred_on", "area", "occurred_on"),
        Index("ix_engagements_kind_occurred_on", "kind", "occurred_on"),
        # The summaries count one kind in one area over a period (démarches for universalization), and
        # walk its engagements by id to their states and replies: with the id, from the index alone.
        Index("ix_engagements_kind_area_occurred_on", "kind", "area", "occurred_on", "uuid"),
        Index("ix_engagements_follow_up_on", "follow_up_on"),
    )


class EngagementState(Record, Base):
    """A state an engagement was with."""

    __tablename__ = "engagement_states"

    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))
    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    # The engagement's date, kept equal to it by the database itself (db/rollups.py), so that a
    # state's newest engagements are read in index order, a page at a time.
    occurred_on: Mapped[date | None] = mapped_column(Date)
    # The engagement's kind and area, kept the same way, so that whether a state had an engagement of
    # one kind in one area in a period (a démarche in universalization) is one step into an index.
    kind: Mapped[str | None] = mapped_column(String(20))
    area: Mapped[str | None] = mapped_column(String(30))

    __table_args__ = (
        UniqueConstraint("engagement_uuid", "iso3", name="uq_engagement_states"),
        Index("ix_engagement_states_iso3_occurred_on", "iso3", "occurred_on", "engagement_uuid"),
        Index("ix_engagement_states_kind_area_iso3_occurred_on", "kind", "area", "iso3", "occurred_on"),
    )


class EngagementActor(Record, Base):
    """Who acted: a state (by ISO3) or an organisation ('ICRC', 'CMC', 'ISU')."""

    __tablename__ = "engagement_actors"

    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))
    actor: Mapped[str] = mapped_column(String(100))
    # The engagement's date, as on engagement_states.
    occurred_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint("engagement_uuid", "actor", name="uq_engagement_actors"),
        Index("ix_engagement_actors_actor_occurred_on", "actor", "occurred_on", "engagement_uuid"),
    )


class Campaign(Record, Base):
    """One démarche or letter sent to many states at once; its engagement names the targets."""

    __tablename__ = "campaigns"

    title: Mapped[str] = mapped_column(String(200))
    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"), unique=True)
    selection: Mapped[str] = mapped_column(String(500), default="")
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    # A chaser names the campaign it follows (the first letter to the same states). Not a foreign
    # key: records are copied and synced table by table in any order, and a chaser outlives the
    # deletion of the campaign it followed (it then follows nothing shown).
    follows_uuid: Mapped[str | None] = mapped_column(String(36))
    # Its engagement's date and area, kept equal to them by the database itself (db/rollups.py), so
    # that a period's campaigns are a range of their own index, not a look-up of every campaign.
    occurred_on: Mapped[date | None] = mapped_column(Date)
    area: Mapped[str | None] = mapped_column(String(30))

    __table_args__ = (Index("ix_campaigns_occurred_on_area", "occurred_on", "area"),)


# The condition of the partial index on the replies that name reasons; a query reads that index only
# when its WHERE says the same, literally (not with a bound parameter).
REPLY_WITH_REASONS = "reasons != ''"


class Reply(Record, Base):
    """A state's answer to an engagement; pending until it arrives. A state may answer more than
    once: the replies are a thread, and the latest received is its current answer."""

    __tablename__ = "replies"

    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))
    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    received_on: Mapped[date | None] = mapped_column(Date)
    stance: Mapped[str | None] = mapped_column(String(10))
    summary: Mapped[str] = mapped_column(Text, default="")
    supports_category: Mapped[str | None] = mapped_column(String(3))
    classification_uuid: Mapped[str | None] = mapped_column(String(36), ForeignKey("classifications.uuid"))
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the letter reached this target (embassies deliver over weeks); unknown when empty.
    delivered_on: Mapped[date | None] = mapped_column(Date)
    # The obstacles the reply names: reason codes separated by spaces (domain/reasons.py).
    reasons: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Its engagement's date, kind and area, kept the same way, so that the replies to a period's
    # démarches of one area are one range of an index that answers alone.
    occurred_on: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str | None] = mapped_column(String(20))
    area: Mapped[str | None] = mapped_column(String(30))

    __table_args__ = (
        CheckConstraint(_in("status", REPLY_STATUSES), name="ck_replies_status"),
        CheckConstraint("stance IS NULL OR " + _in("stance", STANCES), name="ck_replies_stance"),
        CheckConstraint(
            "supports_category IS NULL OR supports_category IN ('I', 'II', 'III')", name="ck_replies_category"
        ),
        CheckConstraint("status != 'replied' OR received_on IS NOT NULL", name="ck_replies_received"),
        Index("ix_replies_engagement", "engagement_uuid", "iso3"),
        Index("ix_replies_iso3", "iso3", "engagement_uuid"),
        Index("ix_replies_status_engagement", "status", "engagement_uuid"),
        # The oldest replies still pending, in date order: what `ccm due` lists first, read from the front.
        Index("ix_replies_status_occurred_on", "status", "occurred_on"),
        Index("ix_replies_kind_area_occurred_on", "kind", "area", "occurred_on", "status", "engagement_uuid", "iso3"),
        # The few replies that name reasons (why a state holds back), in state and day order: read whole,
        # they are the index, never a scan of every reply.
        Index(
            "ix_replies_reasons",
            "iso3",
            "received_on",
            sqlite_where=text(REPLY_WITH_REASONS),
            postgresql_where=text(REPLY_WITH_REASONS),
        ),
    )
