"""Snooze a follow-up: a new follow-up date, through the action `ccm edit ID --follow-up DATE` calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.literal_table import literal_content
from ccmtui.tui.workers import deliver

if TYPE_CHECKING:
    from ccmtui.actions.fields import Written
    from ccmtui.reports.register import Register


class SnoozeDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line when the follow-up moved, None when cancelled."""

    ERROR_ID = "snooze-error-"
    ERROR_FIELDS = ("follow-up", "form")
    ENTER_SAVES = True
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="snooze.cancel"),
        Binding("ctrl+s", "save", "Snooze", id="snooze.save"),
    ]

    def __init__(self, engagement: str, summary: str):
        super().__init__()
        self.engagement = engagement
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="snooze-box", classes="dialog form"):
            with Horizontal(classes="row"):
                yield Label("Follow up on", classes="label")
                yield Input(
                    placeholder="YYYY-MM-DD or any date the command line takes", id="snooze-follow-up", compact=True
                )
            yield Label("", id="snooze-error-follow-up", classes="error")
            yield Label("", id="snooze-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Snooze (ctrl+s)", id="snooze-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="snooze-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#snooze-box")
        box.border_title = literal_content(f"Follow up later: “{self.summary}”")
        self.clear_errors()
        self.query_one("#snooze-follow-up").focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#snooze-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#snooze-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        self.save(self.query_one("#snooze-follow-up", Input).value)

    @work(thread=True, exclusive=True, group="snooze")
    def save(self, day: str) -> None:
        from ccmtui.actions.edit import edit_record
        from ccmtui.domain.errors import FieldErrors

        source = self.app.source

        def snooze(register: Register) -> Written:
            if not day.strip():
                raise FieldErrors({"follow_up": "give the day to follow up on"})
            return edit_record(register, source.writing, self.engagement, {"follow_up": day}, today=source.today)

        written = self.run_action(snooze)
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Snoozed")
        self.app.post_message(DataChanged("follow-ups"))
        self.dismiss(message)
