"""The reasons a state holds back (domain/reasons.py), to tick in a form: the shipped ones and config.toml's own."""

from __future__ import annotations

from collections.abc import Mapping

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from ccmtui.domain.errors import InputError
from ccmtui.domain.reasons import vocabulary


class ReasonList(SelectionList[str]):
    """One line a reason, its code and meaning; `Space` ticks it. The codes ticked go to the action as
    `--reason` would. As with `Tick`, a reason not ticked shows an empty box, not a dimmed X."""

    def __init__(self, extra: Mapping | None = None, **options):
        try:
            known = vocabulary(extra)
        except InputError:  # config.toml's [reasons] not well formed: `ccm reasons` says why
            known = vocabulary()
        super().__init__(*((f"{r.code}: {r.meaning}", r.code) for r in known.values()), **options)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if selection.value in self.selected or len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, strip.cell_length)
