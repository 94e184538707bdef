"""What every list of the app does with the keyboard, whatever draws it (a DataTable or a
VirtualTable): `j` `k` move, `g` `G` go to the first and last row, `y` copies the highlighted
record's id, `o` sorts by the next column and `O` reverses the order (a click on a header sorts
by that column), and typing goes to the first row whose first column starts with what was typed.

Typing: a lowercase letter other than those keys starts a jump (so does `'`, for a name that
begins with one of them); while a jump is under way (until a pause of JUMP_PAUSE seconds, `Esc`
or `Enter`) every letter, digit and space goes to it. So on a list, lowercase letters are never
commands: the screens' commands are capitals, digits and keys with ctrl.
"""

from __future__ import annotations

import re
import time
import unicodedata
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding

JUMP_PAUSE = 1.5
LIST_KEYS = frozenset("jkgoyz")  # z: the app maximises the focused panel
ID_KEY = re.compile(r"^[a-z]:")

LIST_BINDINGS = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down-j"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up-k"),
    Binding("g", "list_first", "First row", show=False, id="list.first-g"),
    Binding("G", "list_last", "Last row", show=False, id="list.last-g"),
    Binding("y", "copy_id", "Copy id", show=False, id="list.copy-id"),
    Binding("o", "sort_next", "Sort", show=False, id="list.sort"),
    Binding("O", "sort_reverse", "Reverse order", show=False, id="list.reverse"),
]

LIST_HELP = (
    "A list. ↑ ↓ or j k move, g G the first and last row, PgUp PgDn a page, Enter opens. "
    "Type the start of the first column to jump to it (' first for a name beginning with j, k, g, o, "
    "y or z). o sorts by the next column, O reverses the order, a click on a header sorts by it. "
    "y copies the highlighted record's id."
)


def folded(value) -> str:
    """Text as a jump or a sort compares it: no case, no accents."""
    text = value.plain if isinstance(value, Text) else str(value)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def record_id(key: str) -> str:
    """The id a row's key holds: "e:UUID" and "r:UUID:ISO3" hold UUID; an ISO3 key is itself."""
    if ID_KEY.match(key):
        return key[2:].split(":")[0]
    return key


class ListKeys:
    """Mixed into a list widget, which supplies the `list_*` methods."""

    HELP: ClassVar[str] = LIST_HELP
    _jump = ""
    _jump_at = 0.0
    _jump_subtitle: str | None = None
    sort_column: int | None = None
    sort_reverse = False

    # -- what the list widget supplies
    def list_length(self) -> int:
        raise NotImplementedError

    def list_cursor(self) -> int:
        raise NotImplementedError

    def list_move(self, index: int) -> None:
        raise NotImplementedError

    def list_first_cell(self, index: int):
        """The first column's value at `index`, or None when it is not at hand."""
        raise NotImplementedError

    def list_find(self, prefix: str) -> int | None:
        """Where rows not at hand start with `prefix` (a list read in blocks); None: scan."""
        return None

    def list_key(self) -> str | None:
        raise NotImplementedError

    def list_columns(self) -> list[str]:
        raise NotImplementedError

    def list_sort(self, column: int, reverse: bool) -> str | None:
        """Sort; the reason it cannot be sorted so, or None."""
        raise NotImplementedError

    # -- typing to jump
    def _jumping(self) -> bool:
        return bool(self._jump_subtitle is not None and time.monotonic() - self._jump_at < JUMP_PAUSE)

    def on_key(self, event: events.Key) -> None:
        jumping = self._jumping()
        if not jumping and self._jump_subtitle is not None:
            self._end_jump()
        if jumping and event.key in ("escape", "enter"):
            self._end_jump()
            if event.key == "escape":
                event.stop()
                event.prevent_default()
            return
        if jumping and event.key == "backspace":
            self._jump_to(self._jump[:-1])
        elif event.character == "'" and not jumping:
            self._jump_to("")
        elif event.is_printable and event.character and (jumping or self._starts_jump(event.character)):
            self._jump_to(self._jump + event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    @staticmethod
    def _starts_jump(character: str) -> bool:
        return character.isalpha() and character.islower() and character not in LIST_KEYS

    def _jump_to(self, text: str) -> None:
        if self._jump_subtitle is None:
            self._jump_subtitle = str(self.border_subtitle or "")
        self._jump, self._jump_at = text, time.monotonic()
        found = self._find(folded(text)) if text else None
        said = "" if found is not None or not text else " · no match"
        if found is not None:
            self.list_move(found)
        self.border_subtitle = f"jump: {text}▏{said}"  # after the move, which may set its own
        self.set_timer(JUMP_PAUSE + 0.05, self._jump_pause)

    def _jump_pause(self) -> None:
        if self._jump_subtitle is not None and not self._jumping():
            self._end_jump()

    def _end_jump(self) -> None:
        if self._jump_subtitle is not None:
            self.border_subtitle = self._jump_subtitle
        self._jump, self._jump_subtitle = "", None

    def _find(self, prefix: str) -> int | None:
        found = self.list_find(prefix)
        if found is not None:
            return found
        length, start = self.list_length(), self.list_cursor()
        # From the highlighted row on (it stays while it matches), then from the top.
        for index in [*range(start, length), *range(0, start)]:
            cell = self.list_first_cell(index)
            if cell is not None and folded(cell).startswith(prefix):
                return index
        return None

    # -- keys
    def action_list_first(self) -> None:
        self.list_move(0)

    def action_list_last(self) -> None:
        self.list_move(self.list_length() - 1)

    def action_copy_id(self) -> None:
        key = self.list_key()
        if not key or key.startswith("h:"):
            self.app.notify("Highlight a row first.", title="Nothing to copy")
            return
        value = record_id(key)
        self.app.copy_to_clipboard(value)
        self.app.notify(f"Copied {value}", title="Id copied")

    def action_sort_next(self) -> None:
        columns = self.list_columns()
        column = 0 if self.sort_column is None else (self.sort_column + 1) % len(columns)
        self.sort_by(column, False)

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_column or 0, not self.sort_reverse)

    def sort_by(self, column: int, reverse: bool) -> None:
        refused = self.list_sort(column, reverse)
        if refused:
            self.app.notify(refused, title="Sort")
            return
        self.sort_column, self.sort_reverse = column, reverse
        self.refresh()  # the header marks the column: ▲ ascending, ▼ descending

    def header_label(self, column: int, label: str) -> str:
        """A column's heading, marked when the list is sorted by it."""
        if column != self.sort_column:
            return label
        return f"{label} {'▼' if self.sort_reverse else '▲'}"

    def header_clicked(self, column: int) -> None:
        """A click on a header sorts by its column; a second click reverses."""
        self.sort_by(column, not self.sort_reverse if column == self.sort_column else False)
