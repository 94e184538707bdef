"""Errors shown under the fields of a form, in the command line's own one-line words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widgets import Label

from ccmtui.domain.errors import CCMError, FieldErrors
from ccmtui.tui.workers import deliver, reporting

if TYPE_CHECKING:
    from ccmtui.actions.fields import Written
    from ccmtui.reports.register import Register


class FormErrors:
    """For a screen whose error labels are `#<ERROR_ID><name>`, one per name in ERROR_FIELDS, with
    "form" among them for what no one field explains.

    An action's field `follow_up` shows under the label `follow-up`; ERROR_NAMES renames others.

    A save locks the form (its `.form` box) and says so in the box's border until the action
    ends: a key pressed again meanwhile writes nothing more, and no field takes typing while a
    slow write (another program holding the database) waits.
    """

    ERROR_ID: str
    ERROR_FIELDS: tuple[str, ...]
    ERROR_NAMES: dict[str, str] = {}
    SAVING = "Saving… (waits while another program writes to the database)"
    saving = False

    def lock_form(self) -> bool:
        """Before a save: False while a save is running, else the form is locked and says it is saving.

        The save's worker unlocks it when the action refuses or fails; when it writes, the
        callback that shows so closes the dialog, or calls `unlock_form`.
        """
        if self.saving:
            return False
        self.saving = True
        self._focused_before = self.focused
        box = self.query_one(".form")
        self._subtitle_before = box.border_subtitle
        box.border_subtitle = self.SAVING
        box.disabled = True
        return True

    def unlock_form(self) -> None:
        if not self.saving:
            return
        self.saving = False
        box = self.query_one(".form")
        box.disabled = False
        box.border_subtitle = self._subtitle_before
        before = self._focused_before
        if self.focused is None and before is not None and before.is_attached and before.focusable:
            before.focus()

    def clear_errors(self) -> None:
        for name in self.ERROR_FIELDS:
            label = self.query_one(f"#{self.ERROR_ID}{name}", Label)
            label.update("")
            label.display = False

    def labelled(self, errors: dict[str, str]) -> dict[str, str]:
        """The errors by the name of the label each shows under (the form's, for a field it lacks)."""
        shown: dict[str, str] = {}
        for field, message in errors.items():
            name = self.ERROR_NAMES.get(field, field.replace("_", "-"))
            shown.setdefault(name if name in self.ERROR_FIELDS else "form", message)
        return shown

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        for name, message in self.labelled(errors).items():
            label = self.query_one(f"#{self.ERROR_ID}{name}", Label)
            label.update(f"Error: {message}")
            label.display = True

    def refused(self, error: CCMError) -> None:
        """An action's refusal: each field's error under it, any other under the form."""
        self.show_errors(error.errors if isinstance(error, FieldErrors) else {"form": str(error)})

    def run_action(self, action: Callable[[Register], Written]) -> Written | None:
        """In a worker: run a write action on the app's database and return what it wrote, or None
        when it refused (its errors then shown) or the database could not be read (a notice).
        A form locked for the save is unlocked here unless the action wrote."""
        written = None
        try:
            with reporting(self), self.app.source.register() as register:
                try:
                    written = action(register)
                except CCMError as error:
                    deliver(self, self.unlock_form)  # first: the errors focus their field
                    deliver(self, self.refused, error)
        finally:
            if written is None:
                deliver(self, self.unlock_form)
        return written
