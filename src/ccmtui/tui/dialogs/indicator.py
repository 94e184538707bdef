"""What a State Party has done on an action plan's indicator in a year, through the action
`ccm indicator set` calls: the same checks, each error under its field; a value already set for
that state, action, indicator and year is replaced."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ccmtui.domain.action_plan import INDICATOR_VALUES
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

INPUTS = {
    "state": ("State Party", "ISO3 code or name"),
    "action": ("Action", "Its code, e.g. LAP-12"),
    "indicator": ("Indicator", "Its number within the action (1, 2, …)"),
    "year": ("Year", "The year the value is for, e.g. 2025"),
    "note": ("Note", "Optional"),
    "source": ("Source", "Where it comes from: document, page, date (required)"),
}


class IndicatorDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line, or None when cancelled."""

    ERROR_ID = "indicator-error-"
    ERROR_FIELDS = ("state", "action", "indicator", "year", "value", "note", "source", "form")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="indicator-form.cancel"),
        Binding("ctrl+s", "save", "Save", id="indicator-form.save"),
    ]

    def __init__(self, *, state: str = "", action: str = "", year: str = "") -> None:
        super().__init__()
        self.given = {"state": state, "action": action, "indicator": "1", "year": year}

    def compose(self) -> ComposeResult:
        with Vertical(id="indicator-box", classes="dialog form"):
            for name, (label, placeholder) in INPUTS.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    value = self.given.get(name, "")
                    yield Input(value, placeholder=placeholder, id=f"indicator-{name}", compact=True)
                yield Label("", id=f"indicator-error-{name}", classes="error")
                if name == "year":
                    with Horizontal(classes="row"):
                        yield Label("Value", classes="label")
                        options = [(label, key) for key, label in INDICATOR_VALUES.items()]
                        yield Select(options, value="done", allow_blank=False, id="indicator-value", compact=True)
                    yield Label("", id="indicator-error-value", classes="error")
            yield Label("", id="indicator-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Save (ctrl+s)", id="indicator-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="indicator-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#indicator-box")
        box.border_title = "An indicator's value"
        box.border_subtitle = "ccm indicator set"
        self.clear_errors()
        first = next((name for name in ("state", "action", "year") if not self.given.get(name)), "source")
        self.query_one(f"#indicator-{first}").focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#indicator-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#indicator-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        values = {name: self.query_one(f"#indicator-{name}", Input).value for name in INPUTS}
        values["value"] = str(self.query_one("#indicator-value", Select).value)
        self.save(values)

    @work(thread=True, exclusive=True, group="indicator-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions.action_plan import set_indicator

        source = self.app.source
        written = self.run_action(
            lambda register: set_indicator(register, register.reader, source.writing, today=source.today, **values)
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Indicator")
        self.app.post_message(DataChanged("indicators"))
        self.dismiss(message)
