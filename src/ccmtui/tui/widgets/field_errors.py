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


def parse_field(errors: dict[str, str], name: str, parse: Callable[[], T]) -> T | None:
    """The parsed value, or None with the error kept under `name` (every field is checked at once)."""
    try:
        return parse()
    except CCMError as error:
        errors[name] = str(error)
        return None
