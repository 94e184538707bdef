"""Frozen reports: a report's figures as circulated, each with the rule behind it and its states."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record


class FrozenReport(Record, Base):
    """A report kept as it was sent: its parameters, its text, and its figures with their provenance
    (JSON: id, label, value, rule, as of, the states behind it), to explain it and to diff it later."""

    __tablename__ = "frozen_reports"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    as_of: Mapped[date] = mapped_column(Date)
    since: Mapped[date] = mapped_column(Date)
    parameters: Mapped[str] = mapped_column(Text)
    figures: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
