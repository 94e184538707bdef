"""The bar at the top: the sections, the current one lit, each with its key underlined; today."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from ccmtui.tui.sections import SECTIONS


def _label(title: str, key: str) -> str:
    """The title with its key underlined ('C[u]h[/u]anges'), or the key after it."""
    at = title.lower().find(key)
    if at < 0:
        return f"{title} [dim]{key}[/dim]"
    return f"{title[:at]}[u]{title[at]}[/u]{title[at + 1 :]}"


class NavBar(Horizontal):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        dock: top;
        background: $panel;
    }
    NavBar .sections { width: 1fr; }
    NavBar #sections-short { display: none; }
    NavBar #where { width: auto; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: str):
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        yield Static(self._bar(short=False), id="sections", classes="sections")
        yield Static(self._bar(short=True), id="sections-short", classes="sections")
        yield Static(self.app.source.today.isoformat(), id="where")

    def _bar(self, short: bool) -> Content:
        parts = []
        for section in SECTIONS:
            label = f" {_label(section.short if short else section.title, section.key)} "
            if section.mode == self.current:
                markup = f"[reverse]{label}[/reverse]"
            else:
                markup = f"[@click=app.go('{section.mode}')]{label}[/]"
            parts.append(Content.from_markup(markup))
        return Content("│").join(parts)
