"""A work plan whole, as `ccm workplan show` draws it."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ccmtui.tui.workers import deliver, reporting


class WorkPlanViewDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,v", "dismiss", "Close", id="workplan-view.close")]

    def __init__(self, uuid: str):
        super().__init__()
        self.uuid = uuid

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="workplan-view", classes="dialog"):
            yield Static("Loading…", id="workplan-view-body")

    def on_mount(self) -> None:
        box = self.query_one("#workplan-view")
        box.border_title = "Work plan"
        box.border_subtitle = "Esc to close"
        box.focus()
        self.load()

    @work(thread=True, exclusive=True, group="workplan-view")
    def load(self) -> None:
        from ccmtui.reports.quarter import milestone_lines
        from ccmtui.reports.render import work_plan_view
        from ccmtui.reports.workplan import work_plan_detail

        with reporting(self), self.app.source.reader() as reader:
            detail = work_plan_detail(reader, self.uuid)
            lines = milestone_lines(reader, detail.milestones, self.app.source.today, redact=False)
            deliver(self, self.query_one("#workplan-view-body", Static).update, work_plan_view(detail, lines))
