"""Errors shown under the fields of a form: the actions' one-line words, with the command
line's flags (`--date`) said as the form's fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widgets import Label

from ccmtui.domain.errors import CCMError, FieldErrors
from ccmtui.tui.words import as_label_word, in_app_words
from ccmtui.tui.workers import deliver, reporting

if TYPE_CHECKING:
    from ccmtui.actions.fields import Written
    from ccmtui.reports.register import Register

__all__ = ["FormErrors", "in_app_words"]


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
    # Words of the actions said otherwise in this form, e.g. {"the summary": "the title"}.
    ERROR_WORDS: dict[str, str] = {}
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

    def in_form_words(self, message: str) -> str:
        """An action's message as the form says it: ERROR_WORDS' own renamings, then each option
        by the label of the field that takes it ("bad --date" under Received is "bad received",
        "put the rest in --notes" is "put the rest in notes"), else by its name without dashes."""
        for said, meant in self.ERROR_WORDS.items():
            message = message.replace(said, meant)
        return in_app_words(message, self.label_word)

    def label_word(self, option: str) -> str | None:
        """The label of the field an option (`date`, `extended-to`) sets, as a sentence says it."""
        names = {option, option.replace("-", "_")}
        names |= {name for field, name in self.ERROR_NAMES.items() if field in names}
        for name in (n.replace("_", "-") for n in names):
            if name == "form" or name not in self.ERROR_FIELDS:
                continue
            try:
                field = self.field_of(name)
            except NoMatches:
                continue
            label = _label_before(field) if field is not None else None
            if label:
                return as_label_word(label)
        return None

    def show_errors(self, errors: dict[str, str]) -> None:
        """Every error at once, each under its field, and the first of those fields focused."""
        self.clear_errors()
        shown = self.labelled(errors)
        for name, message in shown.items():
            label = self.query_one(f"#{self.ERROR_ID}{name}", Label)
            label.update(f"Error: {self.in_form_words(message)}")
            label.display = True
        first = next((name for name in self.ERROR_FIELDS if name in shown and name != "form"), None)
        if first is not None:
            field = self.field_of(first)
            if field is not None:
                field.focus()

    def field_of(self, name: str):
        """The field an error label is about, in the row just above it: the one named after the
        error (`#reply-date` for `date`), else the row's first."""
        from textual.containers import Horizontal

        label = self.query_one(f"#{self.ERROR_ID}{name}", Label)
        siblings = list(label.parent.children) if label.parent is not None else []
        at = siblings.index(label)
        for row in reversed(siblings[:at]):
            if isinstance(row, Horizontal):
                fields = [widget for widget in row.query("*") if widget.focusable]
                for widget in fields:
                    if any((node.id or "").endswith(f"-{name}") for node in (widget, *widget.ancestors[:3])):
                        return widget
                return fields[0] if fields else None
        return None

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


def _label_before(field) -> str | None:
    """The text of the label just before a field in its row (the field's own label)."""
    from textual.containers import Horizontal

    node, row = field, field.parent
    while row is not None and not isinstance(row, Horizontal):
        node, row = row, row.parent
    if row is None:
        return None
    children = list(row.children)
    for widget in reversed(children[: children.index(node)]):
        if isinstance(widget, Label) and widget.has_class("label"):
            text = str(widget.content)
            return text if text.strip() else None
    return None
