"""An engagement's attached files (`ccm attachment list`): attach one by its path (`ccm attach`),
save the highlighted one (`ccm attachment save`) or open it with the system's viewer
(`ccm attachment open`)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ccmtui.db.queries import Q
from ccmtui.domain.errors import CCMError
from ccmtui.tui import format as fmt
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting


class AttachmentsDialog(FormErrors, ModalScreen[None]):
    CSS_PATH = "attachments.tcss"
    ERROR_ID = "attach-error-"
    ERROR_FIELDS = ("file", "save", "form")
    SAVING = "Working…"
    BINDINGS = [
        Binding("escape", "close", "Close", id="attachments.close"),
        Binding("ctrl+n", "attach", "Attach the file", id="attachments.attach"),
        Binding("ctrl+s", "save", "Save the highlighted", id="attachments.save"),
        Binding("ctrl+o", "open", "Open the highlighted", id="attachments.open"),
    ]

    def __init__(self, engagement: str) -> None:
        super().__init__()
        self.engagement = engagement
        self.files: list = []

    def compose(self) -> ComposeResult:
        with Vertical(id="attach-box", classes="dialog form"):
            yield DataTable(id="attach-table", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="row"):
                yield Label("Attach", classes="label")
                yield Input(placeholder="Path of a file to attach (at most 25 MiB)", id="attach-file", compact=True)
            yield Label("", id="attach-error-file", classes="error")
            with Horizontal(classes="row"):
                yield Label("Save to", classes="label")
                yield Input(
                    placeholder="A folder or a file name (default: its own name here)", id="attach-save", compact=True
                )
            yield Label("", id="attach-error-save", classes="error")
            yield Label("", id="attach-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Attach (ctrl+n)", id="attach-attach", variant="primary", compact=True)
                yield Button("Save (ctrl+s)", id="attach-save-button", compact=True)
                yield Button("Open (ctrl+o)", id="attach-open", compact=True)
                yield Button("Close (esc)", id="attach-close", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#attach-box")
        box.border_title = f"Files attached to engagement {self.engagement[:8]}"
        box.border_subtitle = "ccm attach · ccm attachment list, save, open"
        table = self.query_one("#attach-table", DataTable)
        for heading in ("Id", "File", "Size", "Type", "Attached (UTC)"):
            table.add_column(heading)
        self.clear_errors()
        self.load()
        self.query_one("#attach-file").focus()

    @work(thread=True, exclusive=True, group="attachments")
    def load(self) -> None:
        with reporting(self), self.app.source.reader() as reader:
            deliver(self, self._show, reader.rows(Q.attachments_of_engagements, uuids=[self.engagement]))

    def _show(self, files: list) -> None:
        self.files = files
        table = self.query_one("#attach-table", DataTable)
        table.clear()
        for f in files:
            table.add_row(
                f.uuid[:8], f.filename, f"{f.size:,} bytes", f.media_type, fmt.stamp(f.created_at), key=f.uuid
            )
        table.border_title = f"{fmt.plural(len(files), 'file')} attached" if files else "No file attached yet"

    def highlighted(self):
        table = self.query_one("#attach-table", DataTable)
        if self.files and 0 <= table.cursor_row < len(self.files):
            return self.files[table.cursor_row]
        return None

    @on(Input.Submitted, "#attach-file")
    @on(Button.Pressed, "#attach-attach")
    def action_attach(self) -> None:
        text = self.query_one("#attach-file", Input).value.strip()
        if not text:
            self.show_errors({"file": "the path of the file to attach"})
            return
        if self.lock_form():
            self.clear_errors()
            self.attach(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="attachments-write")
    def attach(self, path: Path) -> None:
        from ccmtui.actions.attachments import attach, read_attachment
        from ccmtui.domain.filenames import safe_filename

        source = self.app.source
        try:
            content = read_attachment(path)
            with source.writing(f"attach {safe_filename(path.name)} to engagement {self.engagement[:8]}") as writer:
                row = attach(writer, self.engagement, path, content)
        except CCMError as error:
            deliver(self, self.unlock_form)
            deliver(self, self.show_errors, {"file": str(error)})
            return
        deliver(
            self,
            self._attached,
            f"Attached {row['filename']} ({len(content):,} bytes) to engagement {self.engagement[:8]}.",
        )

    def _attached(self, message: str) -> None:
        self.unlock_form()
        self.query_one("#attach-file", Input).value = ""
        self.app.notify(message, title="Attached")
        self.app.post_message(DataChanged("attachments"))
        self.load()

    @on(Input.Submitted, "#attach-save")
    @on(Button.Pressed, "#attach-save-button")
    def action_save(self) -> None:
        self._with_highlighted("save")

    @on(Button.Pressed, "#attach-open")
    def action_open(self) -> None:
        self._with_highlighted("open")

    def _with_highlighted(self, what: str) -> None:
        chosen = self.highlighted()
        if chosen is None:
            self.show_errors({"form": "no file attached to save or open"})
            return
        if self.lock_form():
            self.clear_errors()
            output = self.query_one("#attach-save", Input).value.strip()
            self.save_or_open(what, chosen.uuid, Path(output).expanduser() if output else None)

    @work(thread=True, exclusive=True, group="attachments-write")
    def save_or_open(self, what: str, uuid: str, output: Path | None) -> None:
        from ccmtui.actions.attachments import open_attachment, save_attachment
        from ccmtui.textsafe import visible

        try:
            with self.app.source.reader() as reader:
                if what == "save":
                    target, size = save_attachment(reader, uuid, output)
                    message = f"Saved {visible(str(target))} ({size:,} bytes)."
                else:
                    target, opened = open_attachment(reader, uuid)
                    message = (
                        f"Opened {visible(str(target))}."
                        if opened
                        else f"No viewer found; the file is at {visible(str(target))}."
                    )
        except CCMError as error:
            deliver(self, self.unlock_form)
            deliver(self, self.show_errors, {"save" if what == "save" else "form": str(error)})
            return
        deliver(self, self._done, message)

    def _done(self, message: str) -> None:
        self.unlock_form()
        self.app.notify(message, title="Attachment")

    @on(Button.Pressed, "#attach-close")
    def action_close(self) -> None:
        if not self.saving:
            self.dismiss(None)
