"""Bilateral meetings planned in the margins of a meeting week, and the engagement each became."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.db.models.log import _in
from ccmtui.domain.margins import SLOT_STATUSES


class MarginSlot(Record, Base):
    """A bilateral meeting with a state during a meeting's week: its day, times, room and objective;
    once held, the engagement that records what was said."""

    __tablename__ = "margin_slots"

    meeting_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("meetings.uuid"))
    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[str] = mapped_column(String(5))
    ends: Mapped[str] = mapped_column(String(5))
    room: Mapped[str] = mapped_column(String(60), default="")
    objective: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(10), default="planned")
    engagement_uuid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("engagements.uuid", name="fk_margin_slots_engagement")
    )
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint(_in("status", SLOT_STATUSES), name="ck_margin_slots_status"),
        CheckConstraint("ends > starts", name="ck_margin_slots_times"),
        Index("ix_margin_slots_meeting_day", "meeting_uuid", "day", "starts"),
        # What goes with an engagement on deletion: the slot it was the outcome of (kept, unlinked).
        Index("ix_margin_slots_engagement", "engagement_uuid"),
    )
