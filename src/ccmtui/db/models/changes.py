"""The change log: every write, grouped by the command that made it, so it can be undone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record


class ChangeSet(Record, Base):
    """The changes one command made, with who made them; `ccm undo` reverts a whole set."""

    __tablename__ = "changesets"

    made_at: Mapped[datetime] = mapped_column(DateTime)
    made_by: Mapped[str | None] = mapped_column(String(100))
    # The login role on a database server (PostgreSQL's current_user); None on a file.
    made_as: Mapped[str | None] = mapped_column(String(100))
    # The database the command ran in: `ccm undo` reverts only what was done here.
    made_in: Mapped[str | None] = mapped_column(String(36))
    command: Mapped[str] = mapped_column(String(300))
    reverts: Mapped[str | None] = mapped_column(String(36), ForeignKey("changesets.uuid"))
    reverted_by: Mapped[str | None] = mapped_column(String(36))

    # Where it stands in this database's log: given on arrival here, so a peer can take in what came after.
    position: Mapped[int | None] = mapped_column(BigInteger)
    # The log up to here, as a chain of hashes (SHA-256 of the previous one and this uuid): a peer that
    # took the log in up to a position checks the log there is still the one it read (a restored
    # backup gives the positions after it to other change sets).
    chain: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_changesets_made_in_at", "made_in", "made_at"),
        Index("ix_changesets_position", "position"),
    )


class Change(Record, Base):
    """One record inserted, updated or deleted, with its values before and after (JSON)."""

    __tablename__ = "changes"

    changeset_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("changesets.uuid"))
    seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(6))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_changes_changeset", "changeset_uuid", "seq"),
        Index("ix_changes_record", "table_name", "record_uuid"),
        Index("ix_changes_action", "action", "table_name"),
    )


class Conflict(Record, Base):
    """A record a sync found edited on both sides: both versions (JSON), who made each and when, which was kept.

    Side a is the database that ran the sync, side b the other. `settled_by` is the change set that
    settled it (`ccm conflicts keep`), None while it is open.
    """

    __tablename__ = "conflicts"

    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36))
    kept: Mapped[str] = mapped_column(String(1))  # "a" or "b"
    a_in: Mapped[str | None] = mapped_column(String(36))
    a_label: Mapped[str] = mapped_column(String(300), default="")
    a_version: Mapped[str | None] = mapped_column(Text)
    a_by: Mapped[str | None] = mapped_column(String(100))
    a_login: Mapped[str | None] = mapped_column(String(63))
    a_at: Mapped[datetime | None] = mapped_column(DateTime)
    b_in: Mapped[str | None] = mapped_column(String(36))
    b_label: Mapped[str] = mapped_column(String(300), default="")
    b_version: Mapped[str | None] = mapped_column(Text)
    b_by: Mapped[str | None] = mapped_column(String(100))
    b_login: Mapped[str | None] = mapped_column(String(63))
    b_at: Mapped[datetime | None] = mapped_column(DateTime)
    found_at: Mapped[datetime] = mapped_column(DateTime)
    settled_by: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (Index("ix_conflicts_record", "table_name", "record_uuid"),)
