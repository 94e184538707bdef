"""Art. 7 transparency measures: the initial and annual reports, and what each says form by form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.recording import _correct, _free, _in_force, _not_future, _source, _year
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import parse_form, parse_form_status
from ccmtui.domain.words import capital, possessive

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


def add_transparency_report(
    writer: Writer,
    state,
    kind: str,
    year: int | None,
    submitted: date | None,
    due: date | None,
    source: str | None,
    today: date | None = None,
) -> dict:
    """An Art. 7 report: the initial one (due 180 days after entry into force) or an annual update."""
    today = today or date.today()
    in_force = _in_force(state)
    if in_force is None:
        raise InputError(f"{state.name} has deposited no instrument; Art. 7 reports are due from States Parties")
    if kind == "initial":
        due = due or treaty.initial_report_due(in_force)
        if year is not None and year != due.year:
            raise InputError(f"the initial report of {state.name} fell due in {due.year}, not {year}")
        year = due.year
    else:
        if year is None:
            raise InputError("say which calendar year the annual report covers (--year)")
        year = _year(year, today)
        due = due or treaty.annual_report_due(year)
    if submitted is not None:
        _not_future(submitted, "submitted", today)
        if submitted < state.deposited:
            raise InputError(
                f"submitted {submitted} is before {state.name} deposited its instrument ({state.deposited})"
            )
    existing = writer.rows(Q.transparency_of_state, iso3=state.iso3)
    if same := [r for r in existing if r.kind == kind and (kind == "initial" or r.year == year)]:
        what = "initial report" if kind == "initial" else f"annual report covering {year}"
        raise InputError(f"{capital(possessive(state.name, what))} is already recorded{_correct(same)}")
    return writer.insert(
        "transparency_reports",
        {
            "uuid": _free(writer, "transparency_reports", stable_uuid("transparency-report", state.iso3, kind, year)),
            "iso3": state.iso3,
            "kind": kind,
            "year": year,
            "due": due,
            "submitted": submitted,
            "source": _source(source),
            "recorded_by": writer.by,
        },
    )


# -- form by form


FORM_COLUMNS = ("iso3", "kind", "year", "form", "status", "last_reported", "source")


@dataclass(frozen=True)
class FormInput:
    iso3: str
    kind: str  # initial or annual
    year: int
    form: str  # A-J
    status: str  # reported, changed, unchanged, not applicable
    last_reported: int | None
    source: str


def check_form(given: FormInput) -> FormInput:
    """One form's record, checked: a letter A-J, a status, and 'unchanged' only on an annual report."""
    form = parse_form(given.form)
    status = parse_form_status(given.status)
    if given.kind not in ("initial", "annual"):
        raise InputError(f"report kind {given.kind!r} is not initial or annual (Art. 7(1), 7(2))")
    if given.kind == "initial" and status in ("changed", "unchanged"):
        raise InputError(
            f"form {form}: an initial report (Art. 7(1)) reports each form; 'changed' and 'unchanged' are for annual ones (Art. 7(2))"
        )
    if form == "A" and status == "not applicable":
        raise InputError("form A (national implementation measures, Art. 9) cannot be 'not applicable' (Art. 7(1)(a))")
    if given.last_reported is not None and (status != "unchanged" or given.last_reported > given.year):
        raise InputError(f"form {form}: a last reporting year goes with 'unchanged' and is not after {given.year}")
    return FormInput(given.iso3, given.kind, given.year, form, status, given.last_reported, _source(given.source))


def read_forms_csv(text: str, resolve, source: str):
    """A file of the form columns (iso3,kind,year,form,status,last_reported,source), every row
    checked; all of them or an error listing each bad one."""
    import csv
    import io

    from ccmtui.files import RowProblems

    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in FORM_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{source}: missing column(s) {', '.join(missing)}; expected {', '.join(FORM_COLUMNS)}")
    problems = RowProblems(source)
    forms = []
    for row in reader:
        try:
            last = row["last_reported"].strip()
            forms.append(
                check_form(
                    FormInput(
                        iso3=resolve(row["iso3"].strip()),
                        kind=row["kind"].strip().lower(),
                        year=int(row["year"]),
                        form=row["form"],
                        status=row["status"],
                        last_reported=int(last) if last else None,
                        source=row["source"],
                    )
                )
            )
        except InputError as error:
            problems.add(reader.line_num, str(error))
        except (ValueError, AttributeError) as error:
            problems.add(reader.line_num, str(error) if isinstance(error, ValueError) else "too few columns")
    problems.raise_if_any()
    return forms


def add_transparency_forms(writer: Writer, forms: list[FormInput]) -> list[dict]:
    """Record what Art. 7 reports say per form: every row checked first, then all written or none."""
    checked = [check_form(f) for f in forms]
    seen: set[tuple] = set()
    existing = {(r.iso3, r.kind, r.year, r.form) for r in writer.rows(Q.transparency_forms)}
    reports = {(r.iso3, r.kind, r.year) for r in writer.rows(Q.transparency_reports)}
    for f in checked:
        key = (f.iso3, f.kind, f.year, f.form)
        if key in seen or key in existing:
            raise InputError(f"{f.iso3} {f.kind} report {f.year}: form {f.form} is already recorded")
        if (f.iso3, f.kind, f.year) not in reports:
            raise InputError(
                f"{f.iso3}: no {f.kind} report for {f.year} recorded; record it first with `ccm transparency add`"
            )
        seen.add(key)
    return [
        writer.insert(
            "transparency_forms",
            {
                "uuid": stable_uuid("transparency-form", f.iso3, f.kind, f.year, f.form),
                "iso3": f.iso3,
                "kind": f.kind,
                "year": f.year,
                "form": f.form,
                "status": f.status,
                "last_reported": f.last_reported,
                "source": f.source,
                "recorded_by": writer.by,
            },
        )
        for f in checked
    ]
