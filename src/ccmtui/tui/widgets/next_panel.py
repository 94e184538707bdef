"""The dashboard's "Contact next" panel: the first states `ccm next` ranks, with the main reason.

It reads in a worker of its own, after the dashboard's figures, so the first frame does not wait
for it; `P` on the States screen opens the whole ranking.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets import Static

from ccmtui.textsafe import visible
from ccmtui.tui.dashboard_data import EarlyDashboard, next_ranking
from ccmtui.tui.workers import deliver, reporting


class NextPanel(Static):
    # Whether the ranking is on screen (after each read): what a picture of the dashboard waits for.
    loaded = False
    _ranked_once = False

    def on_mount(self) -> None:
        self.border_title = "Contact next"
        self.border_subtitle = "N on States: all"

    _hidden_ask: tuple | None = None  # a ranking asked for while the panel was hidden

    def refresh_ranking(self, early: EarlyDashboard | None = None) -> None:
        """Rank again (the dashboard asks whenever it reloads), once the frame is drawn; or show
        the ranking read while the app started, in the first frame if it is already there. A
        panel hidden (a terminal narrower than 140 columns) ranks when it shows."""
        self.loaded = False
        if early is not None and early.ranked and early.error is None and early.ranking_error is None:
            ranked = early.wait_ranking()
            if ranked is not None:
                self._show(ranked)
                return
        if not self.display:
            self._hidden_ask = (early,)
            self.loaded = True  # nothing on screen to wait for
            return
        if not self._ranked_once:
            self.loading = True  # later reloads keep the last ranking in view while they read
        self.call_after_refresh(self.load, early)

    def on_show(self) -> None:
        if self._hidden_ask is not None:
            (early,), self._hidden_ask = self._hidden_ask, None
            self.refresh_ranking(early)

    @work(thread=True, exclusive=True, group="next-panel")
    def load(self, early: EarlyDashboard | None = None) -> None:
        with reporting(self):
            ranked = early.wait_ranking() if early is not None else None
            if ranked is None:  # not read while the app started
                ranked = next_ranking(self.app.source)
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
        self._ranked_once = True
        self.loading = False
        self.loaded = True
