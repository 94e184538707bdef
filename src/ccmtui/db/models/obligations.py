"""What States Parties owe and report: Art. 3-5 obligations, Art. 3(6) retention, Art. 6 cooperation,
Art. 7 transparency reports and Art. 9 national implementation measures.

Dates a source gives at reduced precision (`2010`, `2023-06`) are kept as ISO 8601 text in
`String(10)` columns, never completed with a guessed day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.domain.obligations import (
    COOPERATION_ROLES,
    EXTENSION_DECISIONS,
    FORM_STATUSES,
    MEASURE_STATUSES,
    OBLIGATION_STATUSES,
    REPORT_FORMS,
    REPORT_KINDS,
)

PARTIAL_DATE = 10  # YYYY, YYYY-MM or YYYY-MM-DD


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _not_negative(*columns: str) -> str:
    return " AND ".join(f"({c} IS NULL OR {c} >= 0)" for c in columns)


class Obligation(Record, Base):
    """A state's obligation under Art. 3 (stockpiles), Art. 4 (clearance) or Art. 5 (victim assistance)."""

    __tablename__ = "obligations"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    article: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    extension_requested: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))
    extension_requested_to: Mapped[date | None] = mapped_column(Date)
    extension_granted: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))
    extended_to: Mapped[date | None] = mapped_column(Date)
    completed: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))
    # A reopened obligation (stocks or contamination found after completion) runs a second period:
    # `first_completed` ends the first, `reopened` starts the second, `completed` ends the latest.
    first_completed: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))
    reopened: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))
    status: Mapped[str] = mapped_column(String(30), default="outstanding")
    # The day the status was last known: a completion without a date is known from then on.
    status_as_of: Mapped[date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "article", name="uq_obligations_state_article"),
        CheckConstraint("article IN (3, 4, 5)", name="ck_obligations_article"),
        CheckConstraint(_in("status", OBLIGATION_STATUSES), name="ck_obligations_status"),
        CheckConstraint(
            "extended_to IS NULL OR deadline IS NULL OR extended_to > deadline", name="ck_obligations_extension"
        ),
        Index("ix_obligations_article", "article", "iso3"),
    )


class ObligationExtension(Record, Base):
    """One request to extend an Art. 3 or Art. 4 deadline and its decision (Art. 3(3)-(5), Art. 4(5)-(8)).

    `number` orders a state's successive requests under one article. A request is made to a
    Meeting of States Parties or a Review Conference (`meeting`); where the record is silent on the
    decision, `decision` says so ('not recorded') rather than guessing.
    """

    __tablename__ = "obligation_extensions"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    article: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    requested: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))  # submitted on
    requested_to: Mapped[date | None] = mapped_column(Date)  # the new deadline asked for
    meeting: Mapped[str | None] = mapped_column(String(10))  # the meeting that considers it
    decision: Mapped[str] = mapped_column(String(20), default="not recorded")
    granted: Mapped[str | None] = mapped_column(String(PARTIAL_DATE))  # the day it was granted
    extended_to: Mapped[date | None] = mapped_column(Date)  # the new deadline granted
    source: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "article", "number", name="uq_obligation_extensions_number"),
        CheckConstraint("article IN (3, 4)", name="ck_obligation_extensions_article"),
        CheckConstraint(_in("decision", EXTENSION_DECISIONS), name="ck_obligation_extensions_decision"),
        Index("ix_obligation_extensions_state", "iso3", "article"),
    )


class Retention(Record, Base):
    """Cluster munitions and explosive submunitions a State Party retained in a year (Art. 3(6)-(8))."""

    __tablename__ = "retention"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    munitions_retained: Mapped[int | None] = mapped_column(Integer)
    submunitions_retained: Mapped[int | None] = mapped_column(Integer)
    munitions_used: Mapped[int | None] = mapped_column(Integer)
    submunitions_used: Mapped[int | None] = mapped_column(Integer)
    # Art. 3(8): the use planned for the year, and the uses planned and made, in words.
    munitions_planned: Mapped[int | None] = mapped_column(Integer)
    submunitions_planned: Mapped[int | None] = mapped_column(Integer)
    planned_use: Mapped[str] = mapped_column(Text, default="")
    actual_use: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "year", name="uq_retention_state_year"),
        CheckConstraint(
            _not_negative("munitions_retained", "submunitions_retained", "munitions_used", "submunitions_used"),
            name="ck_retention_counts",
        ),
        CheckConstraint(_not_negative("munitions_planned", "submunitions_planned"), name="ck_retention_planned"),
        CheckConstraint(
            "(munitions_used IS NULL OR munitions_used <= munitions_retained)"
            " AND (submunitions_used IS NULL OR submunitions_used <= submunitions_retained)",
            name="ck_retention_used",
        ),
        Index("ix_retention_year", "year", "iso3"),
    )


class TransparencyReport(Record, Base):
    """An Art. 7 report: the initial one (Art. 7(1)) or an annual update covering a calendar year (Art. 7(2))."""

    __tablename__ = "transparency_reports"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    # Annual: the calendar year covered; initial: the year it fell due.
    year: Mapped[int] = mapped_column(Integer)
    due: Mapped[date] = mapped_column(Date)
    submitted: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "kind", "year", name="uq_transparency_state_kind_year"),
        CheckConstraint(_in("kind", REPORT_KINDS), name="ck_transparency_kind"),
        Index("ix_transparency_kind_year", "kind", "year"),
    )


class TransparencyForm(Record, Base):
    """One form (A-J) of an Art. 7 report: what the state reported on it, or how the cover page marks it."""

    __tablename__ = "transparency_forms"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)  # as the report's (TransparencyReport.year)
    form: Mapped[str] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(20))
    last_reported: Mapped[int | None] = mapped_column(Integer)  # "unchanged (last reporting: yyyy)"
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "kind", "year", "form", name="uq_transparency_forms"),
        CheckConstraint(_in("form", REPORT_FORMS), name="ck_transparency_forms_form"),
        CheckConstraint(_in("status", FORM_STATUSES), name="ck_transparency_forms_status"),
        CheckConstraint(_in("kind", REPORT_KINDS), name="ck_transparency_forms_kind"),
        Index("ix_transparency_forms_report", "iso3", "kind", "year"),
    )


class NationalMeasure(Record, Base):
    """An Art. 9 national implementation measure as a state reported it, dated."""

    __tablename__ = "national_measures"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    # Adoption date for `adopted`; otherwise the day the state reported the status.
    dated: Mapped[str] = mapped_column(String(PARTIAL_DATE))
    measure: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "status", "dated", name="uq_national_measures"),
        CheckConstraint(_in("status", MEASURE_STATUSES), name="ck_national_measures_status"),
        Index("ix_national_measures_state", "iso3", "dated"),
    )


class CooperationReport(Record, Base):
    """A state's report, for a year, of needing or providing cooperation and assistance (Art. 6)."""

    __tablename__ = "cooperation_reports"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(10))
    details: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "year", "role", name="uq_cooperation_state_year_role"),
        CheckConstraint(_in("role", COOPERATION_ROLES), name="ck_cooperation_role"),
        Index("ix_cooperation_year", "year", "role"),
    )
