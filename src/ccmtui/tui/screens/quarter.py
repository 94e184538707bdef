"""The quarterly work-plan summary for the Coordination Committee, as `ccm export quarter` writes it."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from ccmtui.domain.workplan import Quarter
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.workers import deliver, reporting


class QuarterScreen(SectionScreen):
    SECTION = "workplan"
    AUTO_FOCUS = "#quarter-scroll"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="quarter.back"),
        Binding("left_square_bracket", "move(-1)", "Previous quarter", key_display="[", id="quarter.previous"),
        Binding("right_square_bracket", "move(1)", "Next quarter", key_display="]", id="quarter.next"),
    ]

    def __init__(self, quarter: Quarter | None = None):
        super().__init__()
        self.quarter = quarter

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="quarter-scroll", classes="panel"):
            yield Markdown(id="quarter")

    def on_mount(self) -> None:
        if self.quarter is None:
            # The quarter today falls in; [ goes back to the one just ended.
            self.quarter = Quarter.of(self.app.source.today)

    def reload(self) -> None:
        self.load(self.quarter)

    def action_move(self, step: int) -> None:
        if step > 0:
            self.quarter = self.quarter.next
        else:
            year, number = (
                (self.quarter.year - 1, 4) if self.quarter.number == 1 else (self.quarter.year, self.quarter.number - 1)
            )
            self.quarter = Quarter(year, number)
        self.load(self.quarter)

    @work(thread=True, exclusive=True, group="quarter")
    def load(self, quarter: Quarter) -> None:
        from ccmtui.reports.export_markdown import render_markdown
        from ccmtui.reports.quarter import build_quarter_summary

        source = self.app.source
        with reporting(self), source.reader() as reader:
            summary = build_quarter_summary(reader, quarter, area=None, dated=source.today, prepared_by=source.by)
            deliver(self, self._show, quarter, render_markdown(summary, formal_names=False))

    def _show(self, quarter: Quarter, text: str) -> None:
        self.query_one("#quarter", Markdown).update(text)
        scroll = self.query_one("#quarter-scroll")
        scroll.border_title = f"Quarterly summary · {quarter.label}"
        scroll.border_subtitle = "[ ] other quarters · ccm export quarter writes it to a file"
        scroll.scroll_home(animate=False)
