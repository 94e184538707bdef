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


# Each screen's bar at each length, made once: every section's screen draws one.
_BARS: dict[tuple[str, bool, bool], Content] = {}


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
        self._shown: Content | None = None

    def compose(self) -> ComposeResult:
        # The bar spans the screen: its labels fit the terminal's width from the first frame.
        self._shown = self._fitting(self.app.size.width)
        yield Static(self._shown, id="sections", classes="sections")
        yield Static(self.app.source.today.isoformat(), id="where")

    def on_resize(self) -> None:
        self._fit()

    def on_screen_resume(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The longest labels that fit beside the date (drawn again only when they change)."""
        if not self.size.width:  # not laid out yet: the bar composed for the terminal's width
            return
        bar = self._fitting(self.size.width)
        if bar != self._shown:
            self._shown = bar
            self.query_one("#sections", Static).update(bar)

    def _fitting(self, width: int) -> Content:
        room = width - 12  # the date's
        for short, tight in ((False, False), (True, False), (True, True)):
            bar = self._bar(short, tight)
            if bar.cell_length <= room:
                break
        return bar

    def _bar(self, short: bool, tight: bool) -> Content:
        key = (self.current, short, tight)
        if key not in _BARS:
            _BARS[key] = self._make_bar(short, tight)
        return _BARS[key]

    def _make_bar(self, short: bool, tight: bool) -> Content:
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
