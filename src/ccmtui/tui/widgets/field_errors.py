"""Errors shown under the fields of a form, in the CLI's own one-line words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.widgets import Label

from ccmtui.domain.errors import CCMError

T = TypeVar("T")


class FieldErrors:
    """For a screen whose error labels are `#<ERROR_ID><field>`, one per name in ERROR_FIELDS."""

    ERROR_ID: str
    ERROR_FIELDS: tuple[str, ...]

    def clear_errors(self) -> None:
        for name in self.ERROR_FIELDS:
            label = self.query_one(f"#{self.ERROR_ID}{name}", Label)
            label.update("")
            label.display = False

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        for name, message in errors.items():
            label = self.query_one(f"#{self.ERROR_ID}{name}", Label)
            label.update(f"Error: {message}")
            label.display = True


class Checks:
    """Parses a form's fields in turn, keeping each one's error under its name, so that every
    field is checked at once: `field = Checks()`, `day = field("date", parse)`, `field.errors`."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def __call__(self, name: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except CCMError as error:
            self.errors[name] = str(error)
            return None
