"""The register: states, their aliases, formal meetings, and Category I/II/III assessments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.domain.treaty import MEETING_KINDS
from ccmtui.domain.unga import VOTES


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


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
    kind: Mapped[str] = mapped_column(String(20), default="msp", server_default="msp")

    __table_args__ = (CheckConstraint(_in("kind", MEETING_KINDS), name="ck_meetings_kind"),)


class Classification(Record, Base):
    """A Category I / II / III assessment of a state not yet party, as of a date."""

    __tablename__ = "classifications"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    category: Mapped[str] = mapped_column(String(3))
    assessed_on: Mapped[date] = mapped_column(Date)
    rationale: Mapped[str] = mapped_column(Text, default="")
    source_engagement: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("engagements.uuid", name="fk_classifications_source_engagement")
    )
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    # Why the state holds back: reason codes separated by spaces (domain/reasons.py).
    reasons: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __table_args__ = (
        CheckConstraint("category IN ('I', 'II', 'III')", name="ck_classifications_category"),
        # A state's assessments in the order they replace one another (day, then recording): the one
        # before a given assessment is one step back in this index.
        Index("ix_classifications_state_date", "iso3", "assessed_on", "created_at"),
        Index("ix_classifications_date", "assessed_on"),
        # What goes with an engagement on deletion: the classifications that cite it.
        Index("ix_classifications_source_engagement", "source_engagement"),
    )


class UngaVote(Record, Base):
    """How a state voted on the General Assembly's resolution on the Convention's implementation in a year
    (domain/unga.py): imported from the UN Digital Library's voting data, with where it came from."""

    __tablename__ = "unga_votes"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    voted_on: Mapped[date] = mapped_column(Date)
    vote: Mapped[str] = mapped_column(String(12))
    resolution: Mapped[str] = mapped_column(String(40), default="", server_default="")
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "year", name="uq_unga_votes_state_year"),
        CheckConstraint(_in("vote", VOTES), name="ck_unga_votes_vote"),
        Index("ix_unga_votes_year", "year"),
    )
