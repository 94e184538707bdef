"""The footer: its keys in the screen's first frame, then redrawn only when they change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's footer starts empty and recomposes on every bindings change: focus moves, a
    screen resumes, a cursor moves. Each recompose costs a layout of the whole screen. This one
    shows its keys from the first frame; later it recomposes once a frame at most, only when the
    keys shown or their labels change, and a key becoming available or not only changes its style."""

    _recompose_pending = False
    _shown: tuple | None = None  # the keys shown, then whether each is enabled

    def compose(self) -> ComposeResult:
        try:
            self._shown = self._keys_shown()
        except NoMatches:  # the screen's own widgets are not there yet: keys once they are
            return
        self._bindings_ready = True
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    def _keys_shown(self) -> tuple[tuple, tuple]:
        """What `compose` draws from: the bindings shown and the palette's key, then which are enabled."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        shown = [
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        ]
        keys = tuple(
            (key, app.get_key_display(binding), binding.description, binding.action, binding.group)
            + (binding.tooltip, tooltip)
            for key, binding, _, tooltip in shown
        )
        return (self.show_command_palette and app.ENABLE_COMMAND_PALETTE, keys), tuple(
            enabled for *_, enabled, _ in shown
        )

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        before, self._shown = self._shown, shown
        if before is not None and before[0] == shown[0]:
            self._enable(shown)
            return
        await self.recompose()

    def _enable(self, shown: tuple) -> None:
        """The same keys, some now available and others not: each key's style, in place."""
        enabled = {(key[0], key[3]): on for key, on in zip(shown[0][1], shown[1])}
        for footer_key in self.query(FooterKey):
            on = enabled.get((footer_key.key, footer_key.action))
            if on is not None and footer_key._disabled == on:
                footer_key._disabled = not on
                footer_key.set_class(not on, "-disabled")
