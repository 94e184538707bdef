"""The treaty records the app lists and records, one entry per `ccm` noun: its listing's columns
and query, and its form's fields with the action that records them (actions/treaty_records.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.obligations import (
    COOPERATION_ROLES,
    EXTENSION_DECISIONS,
    FORM_STATUSES,
    MEASURE_STATUSES,
    OBLIGATION_STATUSES,
)
from ccmtui.tui.widgets.virtual_table import Column

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

STATE = ("state", "State", "ISO3 code or name", None)
SOURCE = ("source", "Source", "Where it comes from: document, page, date (required)", None)
ARTICLE_345 = (
    "article",
    "Article",
    "",
    [("Art. 3 stockpile destruction", "3"), ("Art. 4 clearance", "4"), ("Art. 5 victim assistance", "5")],
)
ARTICLE_34 = ("article", "Article", "", [("Art. 3 stockpile destruction", "3"), ("Art. 4 clearance", "4")])


def _day(value) -> str:
    return value.isoformat() if value else ""


def _text(value) -> str:
    return "" if value is None else str(value)


def _count(value) -> str:
    return "" if value is None else f"{value:,}"


@dataclass(frozen=True)
class Form:
    title: str
    command: str  # the `ccm` command that records the same
    action: str  # a function of ccmtui.actions.treaty_records
    fields: tuple  # (name, label, placeholder, options or None)
    extra: dict = field(default_factory=dict)  # fixed keyword arguments (update=True)


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    command: str  # the `ccm` command that lists the same
    query: str
    columns: tuple[Column, ...]
    cells: Callable[[object], tuple]
    form: Form | None = None
    update: Form | None = None
    read: Callable[[object], list] | None = None  # rows made otherwise than by one query (given the reader)


def _form_gaps(reader: Reader) -> list:
    from ccmtui.reports.article7 import form_gaps

    return form_gaps(reader)


OBLIGATION_FIELDS = (
    STATE,
    ARTICLE_345,
    SOURCE,
    ("deadline", "Deadline", "YYYY-MM-DD (the Convention's when blank: Art. 3(2), 4(1))", None),
    ("extension-requested", "Ext. requested", "YYYY[-MM[-DD]]: when an extension was requested", None),
    ("requested-to", "Requested to", "YYYY-MM-DD: the deadline the request asks for", None),
    ("extension-granted", "Ext. granted", "A date or the meeting that granted it (9MSP)", None),
    ("extended-to", "Extended to", "YYYY-MM-DD: the extended deadline granted", None),
    ("completed", "Completed", "YYYY[-MM[-DD]], as the source gives it", None),
    ("status", "Status", "", [(s, s) for s in OBLIGATION_STATUSES]),
    ("notes", "Notes", "Free notes", None),
)

KINDS = (
    Kind(
        "obligations",
        "Obligations (Art. 3, 4, 5)",
        "ccm obligation list",
        Q.obligations,
        (
            Column("State", 18),
            Column("Art.", 4),
            Column("Deadline", 10),
            Column("Extended", 10),
            Column("Completed", 10),
            Column("Status", 12),
            Column("Source"),
        ),
        lambda r: (
            r.name,
            str(r.article),
            _day(r.deadline),
            _day(r.extended_to),
            _text(r.completed),
            r.status,
            _text(r.source),
        ),
        Form("New obligation", "ccm obligation add", "record_obligation", OBLIGATION_FIELDS),
        Form("Update an obligation", "ccm obligation update", "record_obligation", OBLIGATION_FIELDS, {"update": True}),
    ),
    Kind(
        "extensions",
        "Extension requests (Art. 3(3), 4(5))",
        "ccm extension list",
        Q.obligation_extensions,
        (
            Column("State", 5),
            Column("Art.", 4),
            Column("#", 2),
            Column("Requested", 10),
            Column("Asked to", 10),
            Column("Meeting", 8),
            Column("Decision", 12),
            Column("Granted", 10),
            Column("Extended to", 11),
            Column("Source"),
        ),
        lambda r: (
            r.iso3,
            str(r.article),
            str(r.number),
            _text(r.requested),
            _day(r.requested_to),
            _text(r.meeting),
            r.decision,
            _text(r.granted),
            _day(r.extended_to),
            _text(r.source),
        ),
        Form(
            "New extension request",
            "ccm extension add",
            "record_extension",
            (
                STATE,
                ARTICLE_34,
                SOURCE,
                ("requested", "Requested", "Submitted on: YYYY, YYYY-MM or YYYY-MM-DD", None),
                ("requested-to", "Asked to", "YYYY-MM-DD: the new deadline asked for", None),
                ("meeting", "Meeting", "The meeting that considers it, e.g. 13MSP", None),
                ("decision", "Decision", "", [(d, d) for d in EXTENSION_DECISIONS]),
                ("granted", "Granted", "YYYY[-MM[-DD]]: the day it was granted", None),
                ("extended-to", "Extended to", "YYYY-MM-DD: the new deadline granted", None),
                ("notes", "Notes", "Free notes on the request or decision", None),
            ),
        ),
    ),
    Kind(
        "retention",
        "Retention (Art. 3(6))",
        "ccm retention list",
        Q.retention,
        (
            Column("State", 18),
            Column("Year", 4),
            Column("Munitions", 10),
            Column("Used", 8),
            Column("Submunitions", 12),
            Column("Used", 8),
            Column("Purpose", 20),
            Column("Source"),
        ),
        lambda r: (
            r.name,
            str(r.year),
            _count(r.munitions_retained),
            _count(r.munitions_used),
            _count(r.submunitions_retained),
            _count(r.submunitions_used),
            _text(r.purpose),
            _text(r.source),
        ),
        Form(
            "New retention figures",
            "ccm retention add",
            "record_retention",
            (
                STATE,
                ("year", "Year", "The calendar year the figures are for", None),
                SOURCE,
                ("munitions", "Munitions", "Cluster munitions retained", None),
                ("submunitions", "Submunitions", "Explosive submunitions retained", None),
                ("used-munitions", "Munit. used", "Cluster munitions used that year", None),
                ("used-submunitions", "Submun. used", "Explosive submunitions used that year", None),
                (
                    "planned-munitions",
                    "Munit. planned",
                    "Cluster munitions planned for use that year (Art. 3(8))",
                    None,
                ),
                ("planned-submunitions", "Submun. plan", "Submunitions planned for use that year (Art. 3(8))", None),
                ("planned-use", "Planned use", "The use planned, in words (Art. 3(8))", None),
                ("actual-use", "Actual use", "The use made, in words, as the state reported it", None),
                ("purpose", "Purpose", "What they are kept or used for (Art. 3(6))", None),
            ),
        ),
    ),
    Kind(
        "transparency",
        "Art. 7 reports",
        "ccm transparency list",
        Q.transparency_reports,
        (Column("State", 18), Column("Report", 11), Column("Due", 10), Column("Submitted", 17), Column("Source")),
        lambda r: (
            r.name,
            "initial" if r.kind == "initial" else f"annual {r.year}",
            _day(r.due),
            (_day(r.submitted) or "—") + (" (late)" if r.submitted and r.submitted > r.due else ""),
            _text(r.source),
        ),
        Form(
            "New Art. 7 report",
            "ccm transparency add",
            "record_transparency",
            (
                STATE,
                (
                    "kind",
                    "Report",
                    "",
                    [("Annual update (Art. 7(2))", "annual"), ("Initial report (Art. 7(1))", "initial")],
                ),
                ("year", "Year covered", "An annual report: the calendar year it covers", None),
                ("submitted", "Submitted", "YYYY-MM-DD (blank: not submitted)", None),
                ("due", "Due", "YYYY-MM-DD (default: 180 days after entry into force, or 30 April)", None),
                SOURCE,
            ),
        ),
    ),
    Kind(
        "article7",
        "Art. 7 forms (A-J)",
        "ccm article7 list",
        Q.transparency_forms,
        (
            Column("State", 18),
            Column("Report", 8),
            Column("Year", 4),
            Column("Form", 4),
            Column("Status", 15),
            Column("Last", 4),
            Column("Source"),
        ),
        lambda r: (r.name, r.kind, str(r.year), r.form, r.status, _text(r.last_reported), _text(r.source)),
        Form(
            "Forms of an Art. 7 report",
            "ccm article7 add",
            "record_article7_forms",
            (
                STATE,
                (
                    "kind",
                    "Report",
                    "",
                    [("Annual update (Art. 7(2))", "annual"), ("Initial report (Art. 7(1))", "initial")],
                ),
                ("year", "Year covered", "An annual report: the calendar year it covers", None),
                ("forms", "Forms", f"A=changed, B=unchanged:2013, F=not applicable ({', '.join(FORM_STATUSES)})", None),
                SOURCE,
            ),
        ),
    ),
    Kind(
        "article7-check",
        "Art. 7 completeness (forms missing)",
        "ccm article7 check",
        "",
        (Column("State", 18), Column("Report", 8), Column("Year", 4), Column("Form", 4), Column("Problem")),
        lambda g: (g.name, g.kind, str(g.year), g.form, g.problem),
        read=_form_gaps,
    ),
    Kind(
        "measures",
        "National measures (Art. 9)",
        "ccm measures list",
        Q.national_measures,
        (Column("State", 18), Column("Date", 10), Column("Status", 24), Column("Measure", 30), Column("Source")),
        lambda r: (r.name, _text(r.dated), MEASURE_STATUSES.get(r.status, r.status), _text(r.measure), _text(r.source)),
        Form(
            "New national measure",
            "ccm measures add",
            "record_measure",
            (
                STATE,
                ("status", "Status", "", [(label, key) for key, label in MEASURE_STATUSES.items()]),
                ("dated", "Date", "YYYY[-MM[-DD]]: adoption, or when the state reported it", None),
                ("measure", "Measure", "The law or measure, e.g. 'Law No. 29 of 2012'", None),
                SOURCE,
            ),
        ),
    ),
    Kind(
        "cooperation",
        "Cooperation and assistance (Art. 6)",
        "ccm cooperation list",
        Q.cooperation_reports,
        (Column("State", 18), Column("Year", 4), Column("Role", 9), Column("Details", 30), Column("Source")),
        lambda r: (r.name, str(r.year), r.role, _text(r.details), _text(r.source)),
        Form(
            "New cooperation report",
            "ccm cooperation add",
            "record_cooperation",
            (
                STATE,
                ("role", "Role", "", [(label, key) for key, label in COOPERATION_ROLES.items()]),
                ("year", "Year", "The year reported on", None),
                ("details", "Details", "What for, how much, to whom", None),
                SOURCE,
            ),
        ),
    ),
    Kind(
        "meetings",
        "Meetings (Art. 11, 12)",
        "ccm meeting list",
        Q.meetings,
        (
            Column("Code", 8),
            Column("Kind", 15),
            Column("Opens", 10),
            Column("Closes", 10),
            Column("Where", 24),
            Column("Name"),
        ),
        lambda m: (
            m.code,
            m.kind,
            _day(m.start),
            _day(m.end),
            ", ".join(p for p in (m.city, m.country) if p),
            _text(m.name),
        ),
    ),
)
BY_KEY = {kind.key: kind for kind in KINDS}
