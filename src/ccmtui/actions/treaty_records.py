"""A state's Convention records as a form gives them, every value a string: obligations (Art. 3, 4,
5) and their extensions, retention (Art. 3(6)), Art. 7 reports, national measures (Art. 9) and
cooperation (Art. 6). Each parses its fields, refuses with every field's error at once, then
records through the same action as the `ccm` command of that name, in one change set."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, given, named

if TYPE_CHECKING:
    from collections.abc import Callable

    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


def _state(fields: Fields, register: Register, text: str | None):
    return fields("state", lambda: register.resolve(named(text, "which state? an ISO3 code or a name")))


def _date(fields: Fields, name: str, text: str | None, what: str) -> date | None:
    from ccmtui.domain.dates import parse_date

    value = given(text)
    return fields(name, lambda: parse_date(value, what)) if value else None


def _partial(fields: Fields, name: str, text: str | None, what: str):
    from ccmtui.domain.dates import optional_partial_date

    return fields(name, lambda: optional_partial_date(given(text), what))


def _whole(fields: Fields, name: str, text: str | None, what: str, required: bool = False) -> int | None:
    value = given(text)
    if value is None:
        if required:
            fields.fail(name, f"give the {what}")
        return None
    cleaned = value.replace(",", "").replace(" ", "")
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        fields.fail(name, f"the {what} cannot be negative ({value})")
        return None
    if not cleaned.isdigit():
        fields.fail(name, f"the {what} is a whole number, not {value!r}")
        return None
    return int(cleaned)


def _article(fields: Fields, text: str | None):
    from ccmtui.domain.obligations import parse_article

    return fields("article", lambda: parse_article(named(text, "which article? 3, 4 or 5")))


def _write(writing: Callable, fields: Fields, command: str, record: Callable[[object], dict]) -> dict:
    """Check every field, then write in one change set; a refusal of the recording itself shows under the form."""
    fields.check()
    with writing(command) as writer:
        return record(writer)


def record_obligation(
    register: Register,
    writing: Callable,
    *,
    update: bool = False,
    state: str | None = None,
    article: str | None = None,
    source: str | None = None,
    deadline: str | None = None,
    extension_requested: str | None = None,
    requested_to: str | None = None,
    extension_granted: str | None = None,
    extended_to: str | None = None,
    completed: str | None = None,
    status: str | None = None,
    notes: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm obligation add` (or `update`): a state's obligation under Art. 3, 4 or 5."""
    from ccmtui.actions.obligations import ObligationInput, add_obligation, update_obligation
    from ccmtui.domain.dates import parse_partial_date
    from ccmtui.domain.obligations import ARTICLES, parse_obligation_status

    fields = Fields()
    record = _state(fields, register, state)
    number = _article(fields, article)
    granted_text = given(extension_granted)
    granted = None
    if granted_text:
        if re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", granted_text):
            granted = fields("extension-granted", lambda: parse_partial_date(granted_text, "extension granted"))
        else:
            # A meeting grants an extension by its close: the last day of the meeting.
            granted = fields(
                "extension-granted",
                lambda: parse_partial_date(register.meeting(granted_text).end.isoformat(), "extension granted"),
            )
    chosen = given(status)
    values = ObligationInput(
        deadline=_date(fields, "deadline", deadline, "deadline"),
        extension_requested=_partial(fields, "extension-requested", extension_requested, "extension requested"),
        extension_requested_to=_date(fields, "requested-to", requested_to, "deadline requested"),
        extension_granted=granted,
        extended_to=_date(fields, "extended-to", extended_to, "extended deadline"),
        completed=_partial(fields, "completed", completed, "completion"),
        status=fields("status", lambda: parse_obligation_status(chosen)) if chosen else None,
        source=given(source),
        notes=given(notes),
    )
    act = update_obligation if update else add_obligation
    row = _write(
        writing,
        fields,
        f"obligation {'update' if update else 'add'} {record.name if record else ''} Art. {number}",
        lambda writer: act(writer, record, number, values, today),
    )
    if update:
        extra = f", completed {row['completed']}" if row["completed"] else ""
        extra += f", extended to {row['extended_to'].isoformat()}" if row["extended_to"] else ""
        return Written(row, f"{record.name}: Art. {number} obligation now {row['status']}{extra}.")
    when = f", deadline {row['deadline'].isoformat()}" if row["deadline"] else ""
    return Written(
        row, f"{record.name}: Art. {number} ({ARTICLES[number]}) obligation recorded, {row['status']}{when}."
    )


def record_extension(
    register: Register,
    writing: Callable,
    *,
    state: str | None = None,
    article: str | None = None,
    source: str | None = None,
    requested: str | None = None,
    requested_to: str | None = None,
    meeting: str | None = None,
    decision: str | None = None,
    granted: str | None = None,
    extended_to: str | None = None,
    notes: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm extension add`: an extension request under Art. 3(3) or 4(5) and the decision on it."""
    from ccmtui.actions.obligations import ExtensionInput, add_extension

    fields = Fields()
    record = _state(fields, register, state)
    number = _article(fields, article)
    chosen = given(decision)
    values = ExtensionInput(
        requested=_partial(fields, "requested", requested, "request date"),
        requested_to=_date(fields, "requested-to", requested_to, "deadline requested"),
        meeting=given(meeting),
        decision=" ".join(chosen.lower().split()) if chosen else None,
        granted=_partial(fields, "granted", granted, "grant date"),
        extended_to=_date(fields, "extended-to", extended_to, "extended deadline"),
        source=given(source),
        notes=given(notes),
    )
    row = _write(
        writing,
        fields,
        f"extension {record.name if record else ''} Art. {number}",
        lambda writer: add_extension(writer, record, number, values, today),
    )
    where = f" to the {row['meeting']}" if row["meeting"] else ""
    to = f", extended to {row['extended_to'].isoformat()}" if row["extended_to"] else ""
    return Written(
        row, f"{record.name}: Art. {number} extension request {row['number']}{where} recorded, {row['decision']}{to}."
    )


def record_retention(
    register: Register,
    writing: Callable,
    *,
    state: str | None = None,
    year: str | None = None,
    source: str | None = None,
    munitions: str | None = None,
    submunitions: str | None = None,
    used_munitions: str | None = None,
    used_submunitions: str | None = None,
    purpose: str | None = None,
    planned_munitions: str | None = None,
    planned_submunitions: str | None = None,
    planned_use: str | None = None,
    actual_use: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm retention add`: what a State Party retained in a year under Art. 3(6), and what it planned
    to use and used (Art. 3(8))."""
    from ccmtui.actions.retention import RetentionInput, add_retention

    fields = Fields()
    record = _state(fields, register, state)
    values = RetentionInput(
        _whole(fields, "year", year, "year", required=True),
        _whole(fields, "munitions", munitions, "number of cluster munitions retained"),
        _whole(fields, "submunitions", submunitions, "number of submunitions retained"),
        _whole(fields, "used-munitions", used_munitions, "number of cluster munitions used"),
        _whole(fields, "used-submunitions", used_submunitions, "number of submunitions used"),
        given(purpose) or "",
        given(source),
        _whole(fields, "planned-munitions", planned_munitions, "number of cluster munitions planned for use"),
        _whole(fields, "planned-submunitions", planned_submunitions, "number of submunitions planned for use"),
        given(planned_use) or "",
        given(actual_use) or "",
    )
    row = _write(
        writing,
        fields,
        f"retention {record.name if record else ''} {values.year}",
        lambda writer: add_retention(writer, record, values, today),
    )
    parts = []
    if row["munitions_retained"] is not None:
        parts.append(f"{row['munitions_retained']:,} cluster munitions")
    if row["submunitions_retained"] is not None:
        parts.append(f"{row['submunitions_retained']:,} submunitions")
    return Written(row, f"{record.name}, {values.year}: retained {' and '.join(parts)}.")


def record_transparency(
    register: Register,
    writing: Callable,
    *,
    state: str | None = None,
    kind: str | None = None,
    year: str | None = None,
    submitted: str | None = None,
    due: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm transparency add`: an Art. 7 report, the initial one or the annual update covering a year."""
    from ccmtui.actions.transparency import add_transparency_report

    fields = Fields()
    record = _state(fields, register, state)
    chosen = (given(kind) or "annual").lower()
    if chosen not in ("initial", "annual"):
        fields.fail("kind", f"a report is initial or annual, not {kind!r}")
    covering = _whole(fields, "year", year, "calendar year the annual report covers", required=chosen == "annual")
    submitted_on = _date(fields, "submitted", submitted, "submission date")
    due_on = _date(fields, "due", due, "due date")
    row = _write(
        writing,
        fields,
        f"transparency {record.name if record else ''} {chosen} {covering or ''}".strip(),
        lambda writer: add_transparency_report(
            writer,
            record,
            chosen,
            covering,
            submitted_on,
            due_on,
            given(source),
            today=today,
        ),
    )
    what = "initial report" if chosen == "initial" else f"annual report covering {row['year']}"
    when = f"submitted {row['submitted'].isoformat()}" if row["submitted"] else "not submitted"
    late = " (late)" if row["submitted"] and row["submitted"] > row["due"] else ""
    return Written(row, f"{record.name}: {what}, due {row['due'].isoformat()}, {when}{late}.")


def record_measure(
    register: Register,
    writing: Callable,
    *,
    state: str | None = None,
    status: str | None = None,
    dated: str | None = None,
    measure: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm measures add`: an Art. 9 national implementation measure, or that a state reported none."""
    from ccmtui.actions.measures import add_measure
    from ccmtui.domain.dates import parse_partial_date
    from ccmtui.domain.obligations import MEASURE_STATUSES, parse_measure_status

    fields = Fields()
    record = _state(fields, register, state)
    chosen = fields(
        "status", lambda: parse_measure_status(named(status, "which status? " + ", ".join(MEASURE_STATUSES)))
    )
    day = fields(
        "dated", lambda: parse_partial_date(named(dated, "give the date: YYYY, YYYY-MM or YYYY-MM-DD"), "date")
    )
    row = _write(
        writing,
        fields,
        f"measures {record.name if record else ''} {chosen} {day}",
        lambda writer: add_measure(writer, record, chosen, day, given(measure) or "", given(source), today),
    )
    return Written(row, f"{record.name}: {MEASURE_STATUSES[chosen]} ({day}).")


def record_cooperation(
    register: Register,
    writing: Callable,
    *,
    state: str | None = None,
    role: str | None = None,
    year: str | None = None,
    details: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm cooperation add`: a state reported needing or providing cooperation and assistance (Art. 6)."""
    from ccmtui.actions.cooperation import add_cooperation
    from ccmtui.domain.obligations import COOPERATION_ROLES, parse_role

    fields = Fields()
    record = _state(fields, register, state)
    chosen = fields("role", lambda: parse_role(named(role, "needs or provides?")))
    covering = _whole(fields, "year", year, "year reported on", required=True)
    row = _write(
        writing,
        fields,
        f"cooperation {record.name if record else ''} {chosen} {covering}",
        lambda writer: add_cooperation(writer, record, covering, chosen, given(details) or "", given(source), today),
    )
    return Written(row, f"{record.name}: {COOPERATION_ROLES[chosen]} in {covering}.")


def report_year(reader: Reader, iso3: str, initial: bool, year: int | None) -> tuple[str, int]:
    """The report a form belongs to: the initial one (its year as recorded) or the annual one covering `year`."""
    from ccmtui.db.queries import Q
    from ccmtui.domain.errors import InputError

    if initial:
        found = [r for r in reader.rows(Q.transparency_reports) if r.iso3 == iso3 and r.kind == "initial"]
        if not found:
            raise InputError(
                f"{iso3}: no initial report recorded; record it first with `ccm transparency add --initial`"
            )
        return "initial", found[0].year
    if year is None:
        raise InputError("give --initial or the --year an annual report covers")
    return "annual", year


def record_article7_forms(
    register: Register,
    writing: Callable,
    *,
    state: str | None = None,
    kind: str | None = None,
    year: str | None = None,
    forms: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm article7 add`: what a report says on its forms, `A=changed, B=unchanged:2013, F=not applicable`."""
    from ccmtui.actions.transparency import FormInput, add_transparency_forms

    fields = Fields()
    record = _state(fields, register, state)
    chosen = (given(kind) or "annual").lower()
    covering = _whole(fields, "year", year, "calendar year the annual report covers", required=chosen == "annual")
    if covering is not None:
        from ccmtui.actions.recording import _year

        fields("year", lambda: _year(covering, today or date.today()))
    report = None
    if record is not None and fields.ok("year"):
        report = fields("kind", lambda: report_year(register.reader, record.iso3, chosen == "initial", covering))
    given_forms = []
    for item in (part.strip() for part in (forms or "").replace(";", ",").split(",")):
        if not item:
            continue
        letter, _, status = item.partition("=")
        if not status:
            fields.fail("forms", f"{item!r}: write LETTER=STATUS, e.g. A=changed")
            continue
        status, _, last = status.partition(":")
        if report is not None:
            given_forms.append(
                FormInput(
                    record.iso3,
                    report[0],
                    report[1],
                    letter.strip(),
                    status.strip(),
                    int(last) if last.strip().isdigit() else None,
                    given(source) or "",
                )
            )
    if not given_forms and "forms" not in fields.errors:
        fields.fail("forms", "give at least one form: A=changed, B=unchanged:2013, F=not applicable")
    rows = _write(
        writing,
        fields,
        f"article7 forms {record.name if record else ''} {report[0] if report else ''} {report[1] if report else ''}",
        lambda writer: add_transparency_forms(writer, given_forms),
    )
    return Written(
        rows,
        f"{record.name}: {report[0]} report {report[1]}, {len(rows)} form(s) recorded: "
        + ", ".join(f"{r['form']} {r['status']}" for r in rows)
        + ".",
    )
