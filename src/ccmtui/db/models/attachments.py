"""Documents kept with their record: the signed letter, the note verbale."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record


class Blob(Record, Base):
    """A file's bytes, stored once by content hash (its uuid derives from the hash, so copies merge)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Record, Base):
    """A file attached to an engagement."""

    __tablename__ = "attachments"

    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("blobs.sha256"))
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_attachments_engagement", "engagement_uuid"),)
