"""A new stockpile destruction practice, as `ccm practice add` records it: the fields of `ccm edit`
on a practice, empty, each checked on save with the same parsers."""

from __future__ import annotations

from textual import work
from textual.widgets import Input

from ccmtui.tui.dialogs.record import RecordDialog
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.workers import deliver

FIELDS = ("state", "method", "year", "cost", "currency", "safety", "environment", "efficiency", "notes", "source",
          "engagement", "document")  # fmt: skip


class PracticeDialog(RecordDialog):
    """Returns the confirmation line when the practice was recorded, None when cancelled."""

    def __init__(self, state: str = ""):
        super().__init__("", "practice", {name: state if name == "state" else "" for name in FIELDS})
        self.original = dict.fromkeys(FIELDS, "")  # every field typed counts as given

    def on_mount(self) -> None:
        # After the edit dialog's own mounting, which names the box after the record edited.
        self.call_after_refresh(self._titled)

    def _titled(self) -> None:
        box = self.query_one("#record-box")
        box.border_title = "New stockpile destruction practice"
        box.border_subtitle = "ccm practice add · method: open-burning-detonation, incineration, cryofracture…"
        self.query_one("#record-method" if self.query_one("#record-state", Input).value else "#record-state").focus()

    def action_external_editor(self) -> None:
        from textual.widgets import TextArea

        from ccmtui.tui.editor import edit_text_area

        area = next(iter(self.query(TextArea)), None)
        if area is not None:
            edit_text_area(self.app, area, "new-practice")

    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        self.create({name: self.value(name) for name in FIELDS})

    @work(thread=True, exclusive=True, group="practice-save")
    def create(self, values: dict) -> None:
        from ccmtui.actions.practices import PracticeInput, add_practice

        source = self.app.source
        given = PracticeInput(**{name: values[name] for name in FIELDS})
        written = self.run_action(lambda register: add_practice(register, source.writing, given, today=source.today))
        if written:
            deliver(self, self._recorded, written.message)

    def _recorded(self, message: str) -> None:
        self.app.notify(message, title="Recorded")
        self.app.post_message(DataChanged("practice"))
        self.dismiss(message)
