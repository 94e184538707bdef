"""The bar at the top: the sections, the current one lit, each with its key underlined; today."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from ccmtui.tui.sections import SECTIONS


def _label(title: str, key: str) -> str:
    """The title after its key ('9 Changes'), the key underlined."""
    return f"[u]{key}[/u] {title}"


class NavBar(Horizontal):
    """The sections by their keys; the labels as long as the terminal's width allows."""

    DEFAULT_CSS = """
    NavBar {
        height: 1;
        dock: top;
        background: $panel;
    }
    NavBar .sections { width: 1fr; }
    NavBar #where { width: auto; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: str):
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        yield Static(self._bar(short=False, tight=False), id="sections", classes="sections")
        yield Static(self.app.source.today.isoformat(), id="where")

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def on_screen_resume(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The longest labels that fit beside the date."""
        room = self.size.width - 12  # the date's
        for short, tight in ((False, False), (True, False), (True, True)):
            bar = self._bar(short, tight)
            if bar.cell_length <= room:
                break
        self.query_one("#sections", Static).update(bar)

    def _bar(self, short: bool, tight: bool) -> Content:
        parts = []
        for section in SECTIONS:
            label = _label(section.short if short else section.title, section.key)
            label = label if tight else f" {label} "
            if section.mode == self.current:
                markup = f"[reverse]{label}[/reverse]"
            else:
                markup = f"[@click=app.go('{section.mode}')]{label}[/]"
            parts.append(Content.from_markup(markup))
        return Content(" " if tight else "│").join(parts)
