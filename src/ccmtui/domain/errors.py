"""Errors a user can cause and fix: shown as one line, never as a traceback."""

from __future__ import annotations


class CCMError(Exception):
    """A problem with what the user asked for. `str(error)` is the one line shown."""

    exit_code = 1


class InputError(CCMError):
    """A value on the command line or in a file is not valid."""


class FieldErrors(InputError):
    """Values that do not parse, each message under the name of its field, in the order checked.

    `str()` is the first message, the one line a command prints; a form shows each under its field.
    """

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__(next(iter(self.errors.values())))


class NotFoundError(CCMError):
    """A state, meeting or record that does not exist."""


class DatabaseError(CCMError):
    """The database cannot be opened or written (locked, read-only, corrupt, full)."""

    exit_code = 3


def one_of(kind: str, value: str, valid: list[str] | tuple[str, ...]) -> InputError:
    """An error for a value outside a closed list, listing the valid ones."""
    return InputError(f"unknown {kind} {value!r}; valid: {', '.join(valid)}")
