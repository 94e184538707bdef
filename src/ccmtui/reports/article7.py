"""Art. 7 reports form by form: completeness against a state's obligations, and the reports
late or missing per year.

A form is expected when the state's recorded obligations call for it (Art. 7(1); A always, B and
D with stockpiles, F and G with contaminated areas, H with victims): marked "not applicable" or
left out, it is flagged. Only reports whose forms are recorded are judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.obligations import REPORT_FORMS, expected_forms

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


@dataclass(frozen=True)
class FormGap:
    iso3: str
    name: str
    kind: str
    year: int
    form: str
    problem: str  # "not applicable" or "missing"

    def as_json(self) -> dict:
        return {
            "iso3": self.iso3,
            "name": self.name,
            "kind": self.kind,
            "year": self.year,
            "form": self.form,
            "subject": REPORT_FORMS[self.form],
            "problem": self.problem,
        }


def form_gaps(reader: Reader, year: int | None = None) -> list[FormGap]:
    """Forms expected for a state's obligations but marked not applicable or missing."""
    articles: dict[str, set[int]] = {}
    for row in reader.rows(Q.obligations, article=None):
        if row.status not in ("no stockpile reported", "uncertain"):
            articles.setdefault(row.iso3, set()).add(row.article)
    reports: dict[tuple[str, str, int], dict[str, str]] = {}
    names: dict[str, str] = {}
    for row in reader.rows(Q.transparency_forms):
        if year is None or row.year == year:
            reports.setdefault((row.iso3, row.kind, row.year), {})[row.form] = row.status
            names[row.iso3] = row.name
    gaps = []
    for (iso3, kind, covering), forms in sorted(reports.items(), key=lambda item: (item[0][2], names[item[0][0]])):
        for form in expected_forms(articles.get(iso3, set())):
            if form not in forms:
                gaps.append(FormGap(iso3, names[iso3], kind, covering, form, "missing"))
            elif forms[form] == "not applicable":
                gaps.append(FormGap(iso3, names[iso3], kind, covering, form, "not applicable"))
    return gaps


@dataclass(frozen=True)
class YearReports:
    """Annual reports covering one year (Art. 7(2)): owed, submitted on time, late, missing."""

    year: int
    owed: int
    on_time: int
    late: int
    missing: int
    recorded: int  # reports recorded for the year; with none, the counts say nothing


def reports_by_year(reader: Reader, register: Register, on: date) -> list[YearReports]:
    """Per covering year: the States Parties whose annual update was due by `on`, and what came."""
    rows = {(r.iso3, r.year): r for r in reader.rows(Q.transparency_reports) if r.kind == "annual"}
    states = [s for s in register.on(on) if s.entry_into_force and s.entry_into_force <= on]
    result = []
    years = sorted({y for s in states for y in treaty.annual_reports_due(s.entry_into_force, on)})
    for year in years:
        owing = [s.iso3 for s in states if year in treaty.annual_reports_due(s.entry_into_force, on)]
        due = treaty.annual_report_due(year)
        submitted = [
            rows[(iso3, year)].submitted for iso3 in owing if (iso3, year) in rows and rows[(iso3, year)].submitted
        ]
        on_time = sum(1 for day in submitted if day <= due)
        late = sum(1 for day in submitted if day > due)
        recorded = sum(1 for iso3 in owing if (iso3, year) in rows)
        result.append(YearReports(year, len(owing), on_time, late, len(owing) - on_time - late, recorded))
    return result
