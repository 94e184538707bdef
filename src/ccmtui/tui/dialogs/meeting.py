"""A meeting once its dates are known, through the action `ccm meeting add` calls; its code then
stands for its opening day wherever a date is asked for."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ccmtui.domain.treaty import MEETING_KINDS
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

INPUTS = {
    "code": ("Code", "e.g. 14MSP or RC-LOME-2026"),
    "name": ("Name", "Optional; the code when blank"),
    "start": ("Start", "YYYY-MM-DD"),
    "end": ("End", "YYYY-MM-DD (the start when blank)"),
    "city": ("City", "Optional"),
    "country": ("Country", "Optional"),
    "source": ("Source", "Where the dates come from (needed for an MSP or RC)"),
}


class MeetingDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line, or None when cancelled."""

    ERROR_ID = "meeting-error-"
    ERROR_FIELDS = ("code", "name", "start", "end", "kind", "city", "country", "source", "form")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="meeting.cancel"),
        Binding("ctrl+s", "save", "Add", id="meeting.save"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting-box", classes="dialog form"):
            for field, (label, placeholder) in INPUTS.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    yield Input(placeholder=placeholder, id=f"meeting-{field}", compact=True)
                yield Label("", id=f"meeting-error-{field}", classes="error")
                if field == "end":
                    with Horizontal(classes="row"):
                        yield Label("Kind", classes="label")
                        yield Select(
                            [(kind, kind) for kind in MEETING_KINDS],
                            value="msp",
                            allow_blank=False,
                            id="meeting-kind",
                            compact=True,
                        )
                    yield Label("", id="meeting-error-kind", classes="error")
            yield Label("", id="meeting-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Add (ctrl+s)", id="meeting-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="meeting-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#meeting-box").border_title = "New meeting"
        self.clear_errors()
        self.query_one("#meeting-code").focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#meeting-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#meeting-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        values = {field: self.query_one(f"#meeting-{field}", Input).value for field in INPUTS}
        values["kind"] = str(self.query_one("#meeting-kind", Select).value)
        self.save(values)

    @work(thread=True, exclusive=True, group="meeting-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions.meetings import add_meeting

        source = self.app.source
        written = self.run_action(lambda register: add_meeting(register.reader, source.writing, **values))
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Meeting")
        self.app.post_message(DataChanged("meetings"))
        self.dismiss(message)
