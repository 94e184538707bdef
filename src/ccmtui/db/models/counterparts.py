"""Counterparts: organisations (shipped and the coordinator's own), people, and who was met."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record


class Organisation(Record, Base):
    """An organisation the coordinator works with: the ISU, the ICRC, an operator, a regional body."""

    __tablename__ = "organisations"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Other names people write for it, separated by ';'.
    aliases: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20))
    # The kinds of help it offers (domain/counterparts.py HELP_KINDS), separated by ';'.
    helps: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Shipped with ccmtui (organisations.csv), or added by a coordinator.
    shipped: Mapped[bool] = mapped_column(Boolean, default=False)


class Person(Record, Base):
    """Someone the coordinator deals with, at a state (its Geneva mission or capital) or an organisation."""

    __tablename__ = "people"

    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(100), default="")
    iso3: Mapped[str | None] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    organisation: Mapped[str | None] = mapped_column(String(20), ForeignKey("organisations.code", onupdate="CASCADE"))
    location: Mapped[str] = mapped_column(String(10), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint("iso3 IS NULL OR organisation IS NULL", name="ck_people_one_employer"),
        CheckConstraint("location IN ('', 'geneva', 'capital')", name="ck_people_location"),
        CheckConstraint("length(trim(name)) > 0", name="ck_people_name"),
        Index("ix_people_iso3", "iso3"),
        Index("ix_people_organisation", "organisation"),
    )


class EngagementCounterpart(Record, Base):
    """Who an engagement was with besides its states: a person or an organisation (`--with`)."""

    __tablename__ = "engagement_counterparts"

    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))
    person_uuid: Mapped[str | None] = mapped_column(String(36), ForeignKey("people.uuid"))
    organisation: Mapped[str | None] = mapped_column(String(20), ForeignKey("organisations.code", onupdate="CASCADE"))

    __table_args__ = (
        CheckConstraint("(person_uuid IS NULL) != (organisation IS NULL)", name="ck_engagement_counterparts_one"),
        Index("ix_engagement_counterparts_engagement", "engagement_uuid"),
        Index("ix_engagement_counterparts_person", "person_uuid"),
    )
