"""What a database knows about itself and the databases it syncs with (never synced itself)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record


class DatabaseInfo(Record, Base):
    """One row: this database's own id, by which its peers know it."""

    __tablename__ = "database_info"

    label: Mapped[str] = mapped_column(String(300), default="")


class SyncPeer(Record, Base):
    """Another database this one has synced or merged with, and when."""

    __tablename__ = "sync_peers"

    peer_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    peer_label: Mapped[str] = mapped_column(String(300), default="")
    last_synced_at: Mapped[datetime] = mapped_column(DateTime)
    # The position in the peer's change log (its changesets.position) taken in here so far.
    taken_up_to: Mapped[int | None] = mapped_column(BigInteger)
    # The peer's log chain at that position (its changesets.chain): the log read is still the peer's log.
    taken_chain: Mapped[str | None] = mapped_column(String(64))
