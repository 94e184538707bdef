"""What every section screen shares: the navigation bar, the footer, reloading after a write."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from ccmtui.tui.widgets.footer import KeysFooter
from ccmtui.tui.widgets.navbar import NavBar


class SectionScreen(Screen):
    """A section of the app. `reload()` fetches its data in workers; it runs when first shown
    and again whenever a write happened since the screen last loaded."""

    SECTION: ClassVar[str] = ""
    BINDINGS = [
        Binding("f5", "reload", "Refresh", show=False, id="screen.reload"),
        # Leave a text field so that single-letter keys reach the app again.
        Binding("escape", "leave_field", "Leave field", show=False, id="screen.leave-field"),
    ]

    def __init__(self):
        super().__init__()
        self.loaded_version = -1
        # A new screen is styled as it mounts, with the stylesheet as it is now. Textual would
        # otherwise re-parse every rule and restyle every widget of every screen already open,
        # twice, the first time a section is opened.
        try:
            self._css_update_count = self.app._css_update_count
        except Exception:  # made outside a running app
            return
        # The width's class (-narrow, -wide, -roomy) from the start: set on the first resize, it
        # would restyle every widget of the screen just composed.
        breakpoints = self.HORIZONTAL_BREAKPOINTS
        if breakpoints is None:
            breakpoints = self.app.HORIZONTAL_BREAKPOINTS or []
        width = self.app.size.width
        for least, name in sorted(breakpoints, reverse=True):
            if width >= least:
                self.add_class(name, update=False)
                break

    def compose(self) -> ComposeResult:
        yield NavBar(self.SECTION)
        yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    _left = False  # whether the screen has been left once: until then its styles are fresh

    def _on_screen_suspend(self) -> None:
        self._left = True

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._left:
            # Styled as it mounted, a moment ago: Textual would style every widget again, once
            # for each of the two resumes a first open sends.
            event.refresh_styles = False
        self.catch_up()

    def catch_up(self) -> None:
        """Reload if the database changed since this screen last loaded."""
        if self.loaded_version != self.app.data_version:
            self.loaded_version = self.app.data_version
            self.reload()

    def action_leave_field(self) -> None:
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, (Input, TextArea)):
            self.set_focus(None)

    def action_reload(self) -> None:
        self.loaded_version = self.app.data_version
        self.reload()

    def reload(self) -> None:
        """Fetch this screen's data (in workers)."""

    def selected_state(self) -> str | None:
        """The state the cursor is on, for actions such as Classify."""
        return None
