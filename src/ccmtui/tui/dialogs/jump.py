"""`ctrl+o`: every field and list of the screen under a letter; the letter focuses it."""

from __future__ import annotations

from string import ascii_lowercase

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Label, Static


def field_name(widget: Widget) -> str:
    """What a user calls a field: its label in the form, its placeholder or prompt, its title."""
    parent = widget.parent
    for node in (widget, parent):
        if node is None:
            continue
        if isinstance(node.parent, Horizontal):
            siblings = list(node.parent.children)
            before = siblings[: siblings.index(node)]
            labels = [str(label.render()).strip() for label in before if isinstance(label, Label)]
            if labels and labels[-1]:
                return labels[-1]
    for attribute in ("border_title", "placeholder", "prompt"):
        for node in (widget, parent):
            value = getattr(node, attribute, None) if node is not None else None
            if value:
                return str(value)
    return (widget.id or type(widget).__name__).replace("-", " ")


def fields_of(screen: Screen) -> list[Widget]:
    """The screen's focusable widgets on show, in focus order."""
    return [widget for widget in screen.focus_chain if widget.display and widget.region.area]


class JumpDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,ctrl+o", "dismiss", "Close", id="jump.close")]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under
        self.targets = dict(zip(ascii_lowercase, fields_of(under)))

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-box", classes="dialog"):
            lines = [f"[b]{letter}[/b]  {_escape(field_name(widget))}" for letter, widget in self.targets.items()]
            yield Static("\n".join(lines) or "Nothing to jump to here.", id="jump-list")

    def on_mount(self) -> None:
        box = self.query_one("#jump-box")
        box.border_title = "Jump to"
        box.border_subtitle = "a letter · Esc to stay"

    def on_key(self, event: events.Key) -> None:
        widget = self.targets.get(event.character or "")
        if widget is not None:
            event.stop()
            self.dismiss(None)
            widget.focus()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
