"""The dashboard's "Contact next" panel: the first states `ccm next` ranks, with the main reason.

It reads in a worker of its own, after the dashboard's figures, so the first frame does not wait
for it; `P` on the States screen opens the whole ranking.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets import Static

from ccmtui.textsafe import visible
from ccmtui.tui.workers import deliver, reporting

SHOWN = 8


class NextPanel(Static):
    # Whether the ranking is on screen (after each read): what a picture of the dashboard waits for.
    loaded = False

    def on_mount(self) -> None:
        self.border_title = "Contact next"
        self.border_subtitle = "N on States: all"
        self.loading = True

    def refresh_ranking(self) -> None:
        """Rank again (the dashboard asks whenever it reloads), once the frame is drawn."""
        self.loaded = False
        self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="next-panel")
    def load(self) -> None:
        from ccmtui.config import category_max_age
        from ccmtui.reports.next_contacts import rank_next

        source = self.app.source
        with reporting(self), source.register() as register:
            ranked = rank_next(
                register, today=source.today, config=source.config, limit=SHOWN, max_age=category_max_age(source.config)
            )
            deliver(self, self._show, ranked)

    def _show(self, ranked: list) -> None:
        lines = []
        for c in ranked:
            why = visible(c.because[0][1], lines=False) if c.because else ""
            name = visible(c.name, lines=False)
            name = name if len(name) <= 18 else name[:17] + "…"
            line = Text.assemble(
                (f"{c.rank:>2} ", "dim"), f"{name:<18} ", (f"{c.score:>4.1f}", "bold"), ("  " + why, "dim")
            )
            lines.append(line)
        shown = Text("\n").join(lines) if ranked else Text("Every state has joined.", style="dim")
        shown.no_wrap, shown.overflow = True, "ellipsis"
        self.update(shown)
        self.loading = False
        self.loaded = True
