"""Write a frozen report's corrigendum to a file (`ccm report diff NAME -o FILE`): the path, then Write."""

from __future__ import annotations

import re
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver


class CorrigendumDialog(FormErrors, ModalScreen[str | None]):
    """Returns the line saying what was written, or None when cancelled."""

    CSS_PATH = "corrigendum.tcss"
    ENTER_SAVES = True  # one field: Enter writes
    ERROR_ID = "corrigendum-error-"
    ERROR_FIELDS = ("path", "form")
    SAVING = "Writing…"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="corrigendum.cancel"),
        Binding("ctrl+s", "save", "Write", id="corrigendum.save"),
    ]

    def __init__(self, report) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(id="corrigendum-box", classes="dialog form"):
            with Horizontal(classes="row"):
                yield Label("Save to", classes="label")
                yield Input(placeholder="A file path, e.g. ~/corrigendum.md", id="corrigendum-path", compact=True)
            yield Label("", id="corrigendum-error-path", classes="error")
            yield Label("", id="corrigendum-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Write (ctrl+s)", id="corrigendum-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="corrigendum-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#corrigendum-box")
        box.border_title = f"Corrigendum to {self.report.name}"
        box.border_subtitle = f"ccm report diff {self.report.name} -o FILE (Markdown)"
        self.clear_errors()
        stem = re.sub(r"[^\w.-]+", "-", self.report.name).strip("-") or "report"
        path = self.query_one("#corrigendum-path", Input)
        path.value = f"~/ccm-corrigendum-{stem}.md"
        path.focus()

    @on(Button.Pressed, "#corrigendum-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#corrigendum-save")
    def action_save(self, event=None) -> None:
        if event is not None:
            event.stop()
        path = self.query_one("#corrigendum-path", Input).value.strip()
        if not path:
            self.show_errors({"path": "where to write it: a file path"})
            return
        if not self.lock_form():
            return
        self.clear_errors()
        self.write(Path(path).expanduser())

    @work(thread=True, exclusive=True, group="corrigendum")
    def write(self, path: Path) -> None:
        from ccmtui.domain.errors import CCMError
        from ccmtui.domain.words import plural
        from ccmtui.files import write_private
        from ccmtui.reports.frozen_figures import compare_with_today

        errors: dict[str, str] = {}
        try:
            if not path.parent.is_dir():
                errors["path"] = f"cannot write {path}: no folder {path.parent}"
            else:
                with self.app.source.register() as register:
                    changes, text = compare_with_today(register.reader, register, self.report)
                try:
                    written = write_private(path, text)
                except CCMError as error:
                    errors["path"] = str(error)
        except CCMError as error:
            errors["form"] = str(error)
        if errors:
            deliver(self, self.unlock_form)
            deliver(self, self.show_errors, errors)
            return
        deliver(self, self._written, f"Wrote {written} ({plural(len(changes), 'figure')} changed).")

    def _written(self, message: str) -> None:
        self.app.notify(message, title="Corrigendum")
        self.dismiss(message)
