"""A campaign's targets after its launch: states added, and the day the letter reached them, through
the actions `ccm campaign add-target` and `ccm campaign delivered` call."""

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
from ccmtui.tui.widgets.state_picker import StatePicker
from ccmtui.tui.workers import deliver

if TYPE_CHECKING:
    from ccmtui.reports.register import Register


class TargetsDialog(FormErrors, ModalScreen[str | None]):
    """`delivered=False` adds the picked states as targets; `delivered=True` records the day the
    letter reached them. Returns the confirmation line, or None when cancelled."""

    ERROR_ID = "targets-error-"
    ERROR_FIELDS = ("states", "date", "form")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="targets.cancel"),
        Binding("ctrl+s", "save", "Save", id="targets.save"),
    ]

    def __init__(self, campaign: str, title: str, states: list[str] | None = None, *, delivered: bool = False):
        super().__init__()
        self.campaign = campaign
        self.campaign_title = title
        self.states = list(states or [])
        self.delivered = delivered

    def compose(self) -> ComposeResult:
        verb = "Record" if self.delivered else "Add"
        with Vertical(id="targets-box", classes="dialog form"):
            with Horizontal(classes="row tall"):
                yield Label("States", classes="label")
                yield StatePicker(id="targets-states")
            yield Label("", id="targets-error-states", classes="error")
            with Horizontal(classes="row"):
                yield Label("Delivered", classes="label")
                yield Input(
                    self.app.source.today.isoformat(),
                    placeholder="YYYY-MM-DD or meeting",
                    id="targets-date",
                    compact=True,
                )
            yield Label("", id="targets-error-date", classes="error")
            yield Label("", id="targets-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button(f"{verb} (ctrl+s)", id="targets-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="targets-cancel", compact=True)

    def on_mount(self) -> None:
        what = "Delivered" if self.delivered else "Add targets to"
        self.query_one("#targets-box").border_title = literal_content(f"{what} “{self.campaign_title}”")
        picker = self.query_one("#targets-states", StatePicker)
        if self.states:
            picker.set_value(self.states)
        date_row = self.query_one("#targets-date").parent
        date_row.display = self.delivered
        self.clear_errors()
        (self.query_one("#targets-date") if self.delivered and self.states else picker).focus()

    @on(Input.Submitted, "#targets-date")
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#targets-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#targets-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        picker = self.query_one("#targets-states", StatePicker)
        states = [*picker.value, *([picker.pending_text] if picker.pending_text else [])]
        self.save(states, self.query_one("#targets-date", Input).value.strip())

    @work(thread=True, exclusive=True, group="targets-save")
    def save(self, states: list[str], day: str) -> None:
        from ccmtui.actions.campaign_targets import add_targets, record_delivery

        source = self.app.source

        def write(register: Register):
            if self.delivered:
                return record_delivery(
                    register, source.writing, campaign=self.campaign, states=states, date=day, today=source.today
                )
            return add_targets(register, source.writing, campaign=self.campaign, states=states)

        written = self.run_action(write)
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Campaign")
        self.app.post_message(DataChanged("replies"))
        self.dismiss(message)
