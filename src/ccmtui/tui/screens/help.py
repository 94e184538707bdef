"""`?` and `F1`: what the focused field or list and the screen are for, and every key that works
here, with what it does and its binding id (for a keymap)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
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


def widget_help(widget: Widget | None) -> str:
    """What the focused widget is and takes: its HELP, or what its kind says."""
    from textual.widgets import Input, Select, TextArea

    if widget is None:
        return "Nothing has the focus: Tab goes to the first field or list; ctrl+o jumps to any."
    for node in (widget, *widget.ancestors[:2]):
        text = getattr(type(node), "HELP", None)
        if isinstance(text, str) and text:
            return text
    if isinstance(widget, Input):
        hint = f" ({widget.placeholder})" if widget.placeholder else ""
        dates = " A date takes YYYY-MM-DD or any form the command line takes." if _is_date(widget) else ""
        return (
            f"A text field{hint}.{dates} Enter or Tab goes to the next field, shift+Tab back; "
            "Esc leaves the field so that keys reach the screen again."
        )
    if isinstance(widget, Select):
        return "A choice: Enter or Space opens it, ↑ ↓ pick, Enter takes the one highlighted."
    if isinstance(widget, TextArea):
        return "Text over several lines: Enter starts a new line, Tab goes to the next field."
    return (type(widget).__doc__ or type(widget).__name__).strip().splitlines()[0]


def _is_date(widget) -> bool:
    words = f"{widget.id or ''} {widget.placeholder or ''}".lower()
    return any(word in words for word in ("date", "since", "until", "as of", "as-of", "follow", "yyyy"))


def screen_help(screen: Screen) -> str:
    """The screen's own description, or its section's."""
    doc = type(screen).__doc__
    if doc and doc is not Screen.__doc__:
        return " ".join(doc.strip().split("\n\n")[0].split())
    section = next((s for s in SECTIONS if s.mode == getattr(screen, "SECTION", "")), None)
    return f"{section.title}: {section.help}." if section else type(screen).__name__


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close", id="help.close")]

    def __init__(self, under: Screen, focused: Widget | None = None):
        super().__init__()
        self.under = under
        self.focused_under = focused

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(
                Content.assemble(
                    ("Here: ", "bold"),
                    widget_help(self.focused_under),
                    "\n",
                    ("This screen: ", "bold"),
                    screen_help(self.under),
                ),
                id="help-here",
            )
            yield Static(
                "Sections: "
                + " · ".join(f"[b]{s.key}[/b] {s.title}" for s in SECTIONS)
                + "\n[b]ctrl+p[/b] command palette (sections, states, actions) · "
                "[b]ctrl+o[/b] jump to any field · [b]Tab[/b] next field · [b]Enter[/b] open · [b]Esc[/b] back · "
                "[b]ctrl+q[/b] quit\n"
                "On a list, type to jump; its commands are capitals (E edit, D delete…).",
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
