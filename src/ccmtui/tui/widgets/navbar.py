"""The bar at the top: the sections with their keys, the current one lit; the database and today."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from ccmtui.tui.sections import SECTIONS


class NavBar(Horizontal):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        dock: top;
        background: $panel;
    }
    NavBar #sections { width: 1fr; }
    NavBar #where { width: auto; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: str):
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        parts = [Content.from_markup("[b] ccm [/b]")]
        for section in SECTIONS:
            label = f" {section.title} [dim]{section.key}[/dim] "
            if section.mode == self.current:
                markup = f"[reverse]{label}[/reverse]"
            else:
                markup = f"[@click=app.go('{section.mode}')]{label}[/]"
            parts.append(Content.from_markup(markup))
        yield Static(Content("│").join(parts), id="sections")
        source = self.app.source
        name = Path(source.target).name if "://" not in source.target else source.target.split("://")[0]
        yield Static(f"{name} · {source.today.isoformat()}", id="where")
