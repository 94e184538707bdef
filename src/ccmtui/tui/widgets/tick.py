"""A checkbox whose off state is an empty box.

Textual's Checkbox draws its X whether on or off, only in another colour, so off looks ticked
in some themes; here the X is drawn only when it is on.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class Tick(Checkbox):
    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button
