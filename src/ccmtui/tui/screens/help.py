"""`?`: every key that works here, with what it does and its binding id (for a keymap)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from ccmtui.tui.sections import SECTIONS


def describe_bindings(screen: Screen) -> list[tuple[str, str, str, str]]:
    """(where, key, description, id) for the bindings active on `screen`, screen's own first."""
    app = screen.app
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, str, str, str]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        where = "App" if active.node is app else type(active.node).__name__.removesuffix("Screen")
        marker = (binding.action, where)
        if marker in seen:
            # One row per action: its keys together.
            for i, row in enumerate(rows):
                if (row[2], row[0]) == (binding.description, where):
                    rows[i] = (row[0], f"{row[1]}, {app.get_key_display(binding)}", row[2], row[3])
            continue
        seen.add(marker)
        rows.append((where, app.get_key_display(binding), binding.description, binding.id or ""))
    # This screen's keys first, then the app's, then those of the focused widget.
    rows.sort(key=lambda r: (not r[3], r[0] == "App"))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(
                "Sections: "
                + " · ".join(f"[b]{s.key}[/b] {s.title}" for s in SECTIONS)
                + "\n[b]ctrl+p[/b] command palette (sections, states, actions) · "
                "[b]Tab[/b] next field · [b]Enter[/b] open · [b]Esc[/b] back",
                id="help-intro",
            )
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        box.border_subtitle = "Esc to close"
        table = self.query_one("#help-table", DataTable)
        table.add_column("Where", width=12)
        table.add_column("Key", width=12)
        table.add_column("Does", width=32)
        table.add_column("Binding id")
        for row in describe_bindings(self.under):
            table.add_row(*row)
        table.focus()
