"""A form for one of a state's Convention records (obligation, extension, retention, Art. 7 report
or forms, national measure, cooperation), through the action its `ccm … add` command shares."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver


class TreatyRecordDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line, or None when cancelled."""

    CSS_PATH = "treaty_record.tcss"
    ERROR_ID = "treaty-error-"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="treaty-form.cancel"),
        Binding("ctrl+s", "save", "Record", id="treaty-form.save"),
    ]

    def __init__(self, form, values: dict[str, str] | None = None) -> None:
        super().__init__()
        self.form = form
        self.values = values or {}
        self.ERROR_FIELDS = (*(name for name, *_ in form.fields), "form")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="treaty-box", classes="dialog form"):
            for name, label, placeholder, options in self.form.fields:
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    if options is None:
                        yield Input(
                            self.values.get(name, ""), placeholder=placeholder, id=f"treaty-{name}", compact=True
                        )
                    else:
                        value = self.values.get(name)
                        yield Select(
                            options,
                            value=value if value in {v for _, v in options} else Select.NULL,
                            prompt="(unchanged)" if self.form.extra.get("update") else "Choose…",
                            id=f"treaty-{name}",
                            compact=True,
                        )
                yield Label("", id=f"treaty-error-{name}", classes="error")
            yield Label("", id="treaty-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Record (ctrl+s)", id="treaty-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="treaty-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#treaty-box")
        box.border_title = self.form.title
        box.border_subtitle = self.form.command
        self.clear_errors()
        first = next((name for name, *_ in self.form.fields if not self.values.get(name)), self.form.fields[0][0])
        self.query_one(f"#treaty-{first}").focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#treaty-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        for name in self.labelled(errors):
            if name != "form":
                self.query_one(f"#treaty-{name}").focus()
                break
        else:  # the record itself refused: its reason is under the form, brought into view
            self.query_one("#treaty-error-form").scroll_visible(animate=False)

    @on(Button.Pressed, "#treaty-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        values = {}
        for name, *_ in self.form.fields:
            widget = self.query_one(f"#treaty-{name}")
            value = widget.value
            values[name.replace("-", "_")] = None if value == Select.NULL else str(value)
        self.save(values)

    @work(thread=True, exclusive=True, group="treaty-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions import treaty_records

        action = getattr(treaty_records, self.form.action)
        source = self.app.source
        written = self.run_action(
            lambda register: action(register, source.writing, **self.form.extra, **values, today=source.today)
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title=self.form.title)
        self.app.post_message(DataChanged("treaty-records"))
        self.dismiss(message)
