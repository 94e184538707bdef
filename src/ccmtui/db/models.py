"""SQLAlchemy 2 models: the single source of the schema (schema.sql is generated from them).

Every record has a stable text UUID primary key and created/updated timestamps
(UTC), so that records from two coordinators' files can be merged by UUID.
Types and constraints are portable: the same models serve SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid as uuidlib
from datetime import date, datetime, timezone

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Record:
    """Columns every table carries."""

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class State(Record, Base):
    """A UN member or observer state, with its instruments under the Convention."""

    __tablename__ = "states"

    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(40))
    subregion: Mapped[str] = mapped_column(String(60))
    intermediate_region: Mapped[str | None] = mapped_column(String(60))
    signed: Mapped[date | None] = mapped_column(Date)
    deposited: Mapped[date | None] = mapped_column(Date)
    instrument: Mapped[str | None] = mapped_column(String(20))
    withdrawal_notified: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(
            "instrument IS NULL OR instrument IN ('ratification', 'accession', 'acceptance', 'approval')",
            name="ck_states_instrument",
        ),
        CheckConstraint("deposited IS NULL OR instrument IS NOT NULL", name="ck_states_deposit_instrument"),
    )


class StateAlias(Record, Base):
    """Another name people write for a state ('Lao PDR', 'Ivory Coast')."""

    __tablename__ = "state_aliases"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(100), unique=True)


class Meeting(Record, Base):
    """A formal meeting: a Meeting of States Parties or a Review Conference."""

    __tablename__ = "meetings"

    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(60))
    country: Mapped[str] = mapped_column(String(60))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    president_state: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class Classification(Record, Base):
    """A Category I / II / III assessment of a state not yet party, as of a date."""

    __tablename__ = "classifications"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    category: Mapped[str] = mapped_column(String(3))
    assessed_on: Mapped[date] = mapped_column(Date)
    rationale: Mapped[str] = mapped_column(Text, default="")
    source_engagement: Mapped[str | None] = mapped_column(String(36))
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("category IN ('I', 'II', 'III')", name="ck_classifications_category"),
        Index("ix_classifications_state_date", "iso3", "assessed_on"),
        Index("ix_classifications_date", "assessed_on"),
    )
