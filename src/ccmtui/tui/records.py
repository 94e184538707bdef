"""`E` and `D` on a highlighted record: edit it in the form that creates it, or delete it after
a confirmation naming what goes with it, through the actions `ccm edit` and `ccm delete` call."""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from ccmtui.tui.messages import DataChanged
from ccmtui.tui.workers import deliver, reporting


def record_bindings(section: str, show: bool = True) -> list[Binding]:
    """The two keys, with ids under the section's name (`engagements.edit`, `engagements.delete`);
    `show=False` leaves them out of a footer that is full already (`?` lists them)."""
    return [
        Binding("E", "edit_record", "Edit…", show=show, id=f"{section}.edit"),
        Binding("D", "delete_record", "Delete…", show=show, id=f"{section}.delete"),
    ]


class RecordKeys:
    """For a screen that highlights records: `highlighted_record()` gives the id under the cursor."""

    NOTHING_HIGHLIGHTED = "Highlight a record first."

    def highlighted_record(self) -> str | None:
        return None

    def _highlighted(self) -> str | None:
        uuid = self.highlighted_record()
        if uuid is None:
            self.notify(self.NOTHING_HIGHLIGHTED, title="Nothing to change here")
        return uuid

    # -- edit: its fields read in a worker, then the form that creates it, filled in
    def action_edit_record(self) -> None:
        uuid = self._highlighted()
        if uuid:
            self._read_fields(uuid)

    @work(thread=True, exclusive=True, group="record-edit")
    def _read_fields(self, uuid: str) -> None:
        from ccmtui.actions.edit import record_fields

        with reporting(self, title="Not editable"), self.app.source.reader() as reader:
            kind, values = record_fields(reader, uuid)
            deliver(self, self.open_editor, uuid, kind, values)

    def open_editor(self, uuid: str, kind: str, values: dict) -> None:
        self.app.edit_record(uuid, kind, values)

    # -- delete: what goes with it, a confirmation naming it, then one change set
    def action_delete_record(self) -> None:
        uuid = self._highlighted()
        if uuid:
            self._read_what_goes(uuid)

    @work(thread=True, exclusive=True, group="record-delete")
    def _read_what_goes(self, uuid: str) -> None:
        from ccmtui.actions.edit import what_goes_with

        with reporting(self, title="Not deleted"), self.app.source.reader() as reader:
            deliver(self, self._confirm_delete, what_goes_with(reader, uuid))

    def _confirm_delete(self, goes) -> None:
        from ccmtui.db.ids import short
        from ccmtui.tui.dialogs.confirm import ConfirmDialog

        with_it = goes.describe()
        question = (
            f"Delete {goes.kind} {short(goes.uuid)}, “{goes.title}”?\n\n"
            + (f"With it: {with_it}.\n\n" if with_it else "Nothing else goes with it.\n\n")
            + "The deletion is recorded among the changes, and undo restores it."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(goes.uuid)

        self.app.push_screen(ConfirmDialog(f"Delete this {goes.kind}", question, yes="Delete"), answered)

    @work(thread=True, exclusive=True, group="record-delete")
    def _delete(self, uuid: str) -> None:
        from ccmtui.actions.edit import delete_record

        with reporting(self, title="Not deleted"), self.app.source.reader() as reader:
            written = delete_record(reader, self.app.source.writing, uuid)
            deliver(self, self._deleted, written.message)

    def _deleted(self, message: str) -> None:
        self.notify(message, title="Deleted")
        self.app.post_message(DataChanged("deleted"))
