"""The footer, redrawn once however many times the bindings change before the next frame, and
only when the keys it shows have changed."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's footer recomposes on every bindings change: focus moves, a screen resumes, a
    cursor moves. Each recompose costs a layout; this one recomposes once a frame at most, and
    not at all when the keys shown, their labels and whether they are enabled are the same."""

    _recompose_pending = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    def _keys_shown(self) -> tuple:
        """What `compose` draws from: the bindings shown, with their state, and the palette's key."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        return (
            self.show_command_palette and app.ENABLE_COMMAND_PALETTE,
            tuple(
                (key, app.get_key_display(binding), binding.description, binding.action, binding.group)
                + (binding.tooltip, enabled, tooltip)
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == palette
            ),
        )

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        await self.recompose()
