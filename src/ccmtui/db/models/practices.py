"""Stockpile destruction practice shared among States Parties (Art. 3(2), Lausanne Action Plan action 16)."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.domain.practices import METHODS


class Practice(Record, Base):
    """How a state destroyed cluster munitions: the method, when, at what cost, how safely, cleanly and
    efficiently, with the document it comes from (kept as a blob, as attachments are) and the engagement
    where it was shared. An empty text means the record is silent on it."""

    __tablename__ = "practices"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    method: Mapped[str] = mapped_column(String(30))
    year: Mapped[int | None] = mapped_column(Integer)
    cost_per_unit: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="")
    safety: Mapped[str] = mapped_column(Text, default="")
    environment: Mapped[str] = mapped_column(Text, default="")
    efficiency: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)
    # The source document, stored by content hash in `blobs` as an attachment's bytes are.
    document: Mapped[str | None] = mapped_column(String(255))
    document_sha256: Mapped[str | None] = mapped_column(String(64), ForeignKey("blobs.sha256"))
    engagement_uuid: Mapped[str | None] = mapped_column(String(36), ForeignKey("engagements.uuid"))
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint(f"method IN ({', '.join(repr(m) for m in METHODS)})", name="ck_practices_method"),
        CheckConstraint("cost_per_unit IS NULL OR cost_per_unit >= 0", name="ck_practices_cost"),
        Index("ix_practices_state", "iso3", "year"),
        Index("ix_practices_method", "method", "year"),
    )
