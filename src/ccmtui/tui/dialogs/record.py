"""Edit any record's fields, as `ccm edit ID` does: each field as text, parsed on save with the
parsers its creation uses; only the fields changed are sent."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

from ccmtui.db.ids import short
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

# Fields of several lines, edited in a text area (ctrl+e opens them in $EDITOR).
LONG = frozenset({"notes", "background", "strategy", "expected_outputs", "details", "rationale"})
# Fields of several values, shown joined by "; " (as `ccm edit` reads them).
LISTS = frozenset({"states", "by", "action_points"})


def as_text(name: str, value) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value)


class RecordDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line when the record was changed, None when cancelled."""

    ERROR_ID = "record-error-"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="record.cancel"),
        Binding("ctrl+s", "save", "Save", id="record.save"),
        Binding("ctrl+e", "external_editor", "Notes in $EDITOR", priority=True, id="record.editor"),
    ]

    def __init__(self, uuid: str, kind: str, values: dict):
        super().__init__()
        self.uuid = uuid
        self.kind = kind
        self.original = {name: as_text(name, value) for name, value in values.items()}
        self.ERROR_FIELDS = (*(name.replace("_", "-") for name in values), "form")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="record-box", classes="dialog form"):
            for name, text in self.original.items():
                with Horizontal(classes="row notes" if name in LONG else "row"):
                    yield Label(name.replace("_", " ").capitalize(), classes="label")
                    if name in LONG:
                        yield TextArea(text, id=f"record-{name}", compact=True, soft_wrap=True)
                    else:
                        yield Input(text, id=f"record-{name}", compact=True)
                yield Label("", id=f"record-error-{name.replace('_', '-')}", classes="error")
            yield Label("", id="record-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Save (ctrl+s)", id="record-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="record-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#record-box").border_title = f"Edit {self.kind} {short(self.uuid)}"
        self.clear_errors()
        first = next(iter(self.original), None)
        if first:
            self.query_one(f"#record-{first}").focus()

    def value(self, name: str) -> str:
        widget = self.query_one(f"#record-{name}")
        return widget.text if isinstance(widget, TextArea) else widget.value

    def changes(self) -> dict:
        """The fields changed, as typed (lists split where `ccm edit` splits them)."""
        changed = {}
        for name, before in self.original.items():
            text = self.value(name)
            if text != before:
                changed[name] = [part.strip() for part in text.split(";")] if name in LISTS else text
        return changed

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#record-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    def action_external_editor(self) -> None:
        from ccmtui.tui.editor import edit_text_area

        focused = self.focused
        area = focused if isinstance(focused, TextArea) else next(iter(self.query(TextArea)), None)
        if area is not None:
            edit_text_area(self.app, area, f"{self.kind}-{short(self.uuid)}")

    @on(Button.Pressed, "#record-save")
    def action_save(self) -> None:
        changes = self.changes()
        if not changes:
            self.dismiss(None)
            self.app.notify("Nothing changed.", title=f"Edit {self.kind}")
            return
        if not self.lock_form():
            return
        self.clear_errors()
        self.save(changes)

    @work(thread=True, exclusive=True, group="record-save")
    def save(self, changes: dict) -> None:
        from ccmtui.actions.edit import edit_record

        source = self.app.source
        written = self.run_action(
            lambda register: edit_record(register, source.writing, self.uuid, changes, today=source.today)
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Edited")
        self.app.post_message(DataChanged("edited"))
        self.dismiss(message)
