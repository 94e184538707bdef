"""A thematic area's figures as of a day, and what changed since a meeting (`ccm summary`)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from ccmtui.db.queries import Q
from ccmtui.domain.areas import AREAS, SUMMARY_AREAS
from ccmtui.tui import format as fmt
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

MEETING_COLUMNS = (Column("Code", 8), Column("Opens", 10), Column("Closes", 10), Column("Where", 28), Column("Name"))


def meeting_row(number: int, meeting) -> Row:
    return Row(
        meeting.uuid,
        (
            meeting.code,
            fmt.day(meeting.start),
            fmt.day(meeting.end),
            f"{meeting.city}, {meeting.country}",
            meeting.name,
        ),
    )


class SummaryScreen(RecordKeys, SectionScreen):
    SECTION = "summary"
    AUTO_FOCUS = "#summary-scroll"
    BINDINGS = [
        Binding("slash", "focus_filter", "Area and dates", key_display="/", id="summary.filter"),
        Binding("N", "new_meeting", "New meeting…", id="summary.meeting"),
        Binding("M", "toggle_meetings", "Meetings", id="summary.meetings"),
        Binding("B", "margins", "Bilateral meetings", id="summary.margins"),
        Binding("R", "app.treaty_records", "Treaty records", id="summary.records"),
        Binding("O", "app.counterparts", "Counterparts", id="summary.counterparts"),
        Binding("L", "coalitions", "Coalitions", id="summary.coalitions"),
        Binding("I", "app.action_plan", "Action plans", id="summary.actionplan", show=False),
        Binding("P", "practices", "Best practices", show=False, id="summary.practices"),
        # With the meetings listed (M), D deletes the highlighted meeting instead.
        # Left out of the full footer: the summary's border names it, and `?` lists it.
        Binding("D", "frozen_reports", "Frozen reports", show=False, id="summary.frozen"),
        *record_bindings("summary", show=False),
    ]
    NOTHING_HIGHLIGHTED = "Highlight a meeting: `M` lists them."

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select(
                [(AREAS[area], area) for area in SUMMARY_AREAS],
                prompt="All thematic areas",
                id="summary-area",
                compact=True,
            )
            yield Input(placeholder="As of: today", id="summary-as-of", compact=True)
            yield Input(placeholder="Since: the last meeting", id="summary-since", compact=True)
        yield Label("", id="summary-error", classes="error")
        with VerticalScroll(id="summary-scroll", classes="panel"):
            yield Static(id="summary")
        meetings = VirtualTable(MEETING_COLUMNS, id="meetings", classes="panel")
        meetings.display = False
        yield meetings

    def on_mount(self) -> None:
        area = self.app.source.config.get("area")
        if area in SUMMARY_AREAS:
            self.query_one("#summary-area", Select).value = area
        self.query_one("#summary-error").display = False
        self.query_one("#summary-scroll").loading = True

    def action_coalitions(self) -> None:
        """The country coalitions' board (`ccm coalition board`) and a coalition's detail."""
        from ccmtui.tui.screens.coalitions import CoalitionsScreen

        self.app.push_screen(CoalitionsScreen())

    def action_practices(self) -> None:
        from ccmtui.tui.screens.practices import PracticesScreen

        self.app.push_screen(PracticesScreen())

    def action_new_meeting(self) -> None:
        from ccmtui.tui.dialogs.meeting import MeetingDialog

        self.app.push_screen(MeetingDialog())

    def reload(self) -> None:
        self.apply()

    @on(Select.Changed, "#summary-area")
    @on(Input.Submitted, ".filters Input")
    def apply(self) -> None:
        area = self.query_one("#summary-area", Select).value
        scroll = self.query_one("#summary-scroll")
        # The charts take the width they are given.
        width = max(60, scroll.scrollable_content_region.width or self.app.size.width - 4)
        self.load(
            None if area == Select.NULL else str(area),
            self.query_one("#summary-as-of", Input).value.strip() or self.app.source.today,
            self.query_one("#summary-since", Input).value.strip() or None,
            width,
        )

    @work(thread=True, exclusive=True, group="summary")
    def load(self, area: str | None, as_of, since: str | None, width: int) -> None:
        from ccmtui.domain.errors import CCMError
        from ccmtui.reports.render_parts import SHOWN
        from ccmtui.reports.render_summary import render
        from ccmtui.reports.summary import build_summary

        with reporting(self), self.app.source.register() as register:
            deliver(self, self._show_meetings, list(register.reader.rows(Q.meetings)))
            try:
                from ccmtui.config import category_max_age

                summary = build_summary(
                    register.reader,
                    area,
                    as_of,
                    since,
                    register=register,
                    category_max_age=category_max_age(self.app.source.config),
                    latest=SHOWN,
                )
            except CCMError as error:
                deliver(self, self._show_error, str(error))
                return
            deliver(self, self._show, render(summary, width), summary.period)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#summary-error", Label)
        from ccmtui.tui.widgets.field_errors import in_app_words

        error.update(f"Error: {in_app_words(message)}")
        error.display = True
        self.query_one("#summary-scroll").loading = False

    def _show(self, renderable, period) -> None:
        self.query_one("#summary-error").display = False
        self.query_one("#summary", Static).update(renderable)
        scroll = self.query_one("#summary-scroll")
        scroll.loading = False
        scroll.border_title = f"Summary as of {period.as_of.isoformat()}, changes since {period.since_label}"
        scroll.border_subtitle = "ccm summary · ccm report progress · D frozen reports"

    def _show_meetings(self, meetings: list) -> None:
        self.meetings = meetings
        table = self.query_one("#meetings", VirtualTable)
        table.show(LocalRows(meetings, meeting_row), keep_cursor=True)
        table.border_title = f"Meetings of States Parties and Review Conferences · {len(meetings)}"

    def action_toggle_meetings(self) -> None:
        """The meetings recorded (`ccm meeting list`) in place of the summary, or the summary back."""
        meetings = self.query_one("#meetings", VirtualTable)
        showing = not meetings.display
        meetings.display = showing
        self.query_one("#summary-scroll").display = not showing
        (meetings if showing else self.query_one("#summary-scroll")).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # `e` and `d` edit and delete a meeting; with the summary shown they open their sections.
        if action in ("edit_record", "delete_record", "margins"):
            return self.query_one("#meetings", VirtualTable).display
        if action == "frozen_reports":
            return not self.query_one("#meetings", VirtualTable).display
        return True

    def action_frozen_reports(self) -> None:
        """The frozen reports (`ccm report list`): each figure explained, the diff with today, the corrigendum."""
        self.app.action_frozen_reports()

    def highlighted_record(self) -> str | None:
        table = self.query_one("#meetings", VirtualTable)
        if table.display and table.cursor < len(self.meetings):
            return self.meetings[table.cursor].uuid
        return None

    def action_margins(self) -> None:
        """The highlighted meeting's week of bilateral meetings (`ccm margins show`)."""
        from ccmtui.tui.screens.margins import MarginsScreen

        table = self.query_one("#meetings", VirtualTable)
        if table.cursor < len(self.meetings):
            self.app.push_screen(MarginsScreen(self.meetings[table.cursor].code))

    def action_focus_filter(self) -> None:
        self.query_one("#summary-area").focus()
