"""The change log: every write, grouped by the command that made it, so it can be undone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
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

    __table_args__ = (Index("ix_changesets_made_in_at", "made_in", "made_at"),)


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
