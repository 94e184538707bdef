"""The documents ccm writes to a file, as one content each: the quarterly work-plan summary and
the progress report. `ccm export quarter`, `ccm report progress` and the app's Export dialog
build them here."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.domain.workplan import Quarter
    from ccmtui.reports.register import Register

QUARTER_FORMATS = ("md", "toml", "json", "csv", "docx")
PROGRESS_FORMATS = ("md", "docx")


def quarter_summary(
    reader: Reader,
    quarter: Quarter,
    *,
    area: str | None,
    dated: date,
    redact: bool,
    prepared_by: str | None,
):
    from ccmtui.reports.quarter import build_quarter_summary

    return build_quarter_summary(
        reader, quarter, area=area, dated=dated, redact=redact, prepared_by=None if redact else prepared_by
    )


def render_quarter(
    summary, kind: str, *, paper=None, aggregate_only: bool = False, formal_names: bool = True
) -> str | bytes:
    """The summary in one of QUARTER_FORMATS: on `paper` (A4 unless given) for a Word file, with the
    UN formal names of states in a file to circulate, counts instead of states with `aggregate_only`."""
    if kind == "md":
        from ccmtui.reports.export_markdown import render_markdown

        return render_markdown(summary, formal_names=formal_names, aggregate_only=aggregate_only)
    if kind == "docx":
        from ccmtui.reports.docx_layout import parse_paper
        from ccmtui.reports.export_docx import render_docx

        return render_docx(summary, paper or parse_paper(None), aggregate_only)
    if kind == "csv":
        from ccmtui.reports.export_csv import render_csv

        return render_csv(summary)
    if kind == "toml":
        from ccmtui.reports.export_toml import render_toml

        return render_toml(summary)
    from ccmtui.reports.export_toml import render_json

    return render_json(summary)


def progress_document(
    reader: Reader,
    register: Register,
    since: str | None,
    as_of: str | None,
    kind: str,
    *,
    aggregate_only: bool = False,
    paper=None,
):
    """(the report, its content in md or docx)."""
    from ccmtui.reports.progress import build_progress_report, to_markdown

    report = build_progress_report(reader, as_of, since, aggregate_only=aggregate_only, register=register)
    if kind == "md":
        return report, to_markdown(report)
    import io

    from ccmtui.reports.docx_layout import parse_paper
    from ccmtui.reports.export_progress_docx import build_docx

    buffer = io.BytesIO()
    build_docx(report, paper or parse_paper(None)).save(buffer)
    return report, buffer.getvalue()


def calendar_states(reader: Reader, own_state: str | None) -> set[str]:
    """The states a calendar follows by default: the coordinator's own and those the work plans name."""
    from ccmtui.db.queries import Q

    plans = reader.rows(Q.work_plans, area=None)
    named = reader.rows(Q.work_plan_states, uuids=[p.uuid for p in plans]) if plans else []
    return {s.iso3 for s in named} | ({own_state} if own_state else set())


def calendar_document(
    reader: Reader, register: Register, states: set[str], start: date, end: date, today: date, *, redact: bool = False
) -> tuple[bytes, int]:
    """(the .ics calendar, its number of events): treaty deadlines (Art. 3, 4, 7) of `states`, the
    windows for extension requests, meetings, milestones and follow-ups from `start` to `end`."""
    from ccmtui.db.queries import Q
    from ccmtui.reports import calendar
    from ccmtui.reports.deadlines import DeadlineBook, request_windows

    follow_ups = reader.rows(Q.follow_ups_between, since=start, until=end)
    states_of: dict[str, list[str]] = {}
    if follow_ups:
        for row in reader.rows(Q.states_of_engagements, uuids=[r.uuid for r in follow_ups]):
            states_of.setdefault(row.engagement_uuid, []).append(row.iso3)
    book = DeadlineBook.load(reader)
    events = (
        calendar.deadline_events(
            reader.rows(Q.register, as_of=today),
            states,
            start,
            end,
            reader.rows(Q.obligations, article=None),
            deadline_of=lambda row: book.deadline(row, end).in_effect,
        )
        + calendar.request_window_events(request_windows(reader, register, states, start, end))
        + calendar.meeting_events(register.meetings)
        + calendar.milestone_events(
            reader.rows(
                Q.milestones_due,
                since=date.min,
                until=date.max,
                area=None,
                statuses=["planned", "in-progress", "done", "slipped"],
            ),
            redact=redact,
        )
        + calendar.follow_up_events(follow_ups, states_of)
    )
    return calendar.render_ics(events), len(events)
