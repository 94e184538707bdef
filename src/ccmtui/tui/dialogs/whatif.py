"""What joining would commit a state to, from a deposit date: `ccm whatif` in the app."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Markdown

from ccmtui.tui.widgets.tick import Tick
from ccmtui.tui.words import in_app_words
from ccmtui.tui.workers import deliver


class WhatIfDialog(ModalScreen[None]):
    """A deposit date and what the state holds; the brief below, as `ccm whatif` prints it."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Close", id="whatif.close"),
        Binding("ctrl+s", "show", "Show", id="whatif.show"),
    ]

    def __init__(self, iso3: str):
        super().__init__()
        self.iso3 = iso3

    def compose(self) -> ComposeResult:
        with Vertical(id="whatif-box", classes="dialog form"):
            with Horizontal(classes="row"):
                yield Label("Deposit", classes="label")
                yield Input(
                    self.app.source.today.isoformat(), placeholder="YYYY-MM-DD", id="whatif-deposit", compact=True
                )
            with Horizontal(classes="row"):
                yield Tick("Stockpiles (Art. 3)", id="whatif-stocks", compact=True)
                yield Tick("Contaminated areas (Art. 4)", id="whatif-contaminated", compact=True)
                yield Tick("Victims (Art. 5)", id="whatif-victims", compact=True)
            yield Label("", id="whatif-error", classes="error")
            with VerticalScroll(id="whatif-brief"):
                yield Markdown("", id="whatif-text")
            with Horizontal(classes="buttons"):
                yield Button("Show", id="whatif-show", variant="primary")
                yield Button("Close", id="whatif-close")

    def on_mount(self) -> None:
        self.query_one("#whatif-box").border_title = f"What joining commits {self.iso3} to"
        self.action_show()

    @on(Button.Pressed, "#whatif-show")
    def _pressed_show(self) -> None:
        self.action_show()

    @on(Button.Pressed, "#whatif-close")
    def _pressed_close(self) -> None:
        self.app.pop_screen()

    def action_show(self) -> None:
        self.compute(
            self.query_one("#whatif-deposit", Input).value,
            self.query_one("#whatif-stocks", Checkbox).value,
            self.query_one("#whatif-contaminated", Checkbox).value,
            self.query_one("#whatif-victims", Checkbox).value,
        )

    @work(thread=True, exclusive=True, group="whatif")
    def compute(self, deposit: str, stocks: bool, contaminated: bool, victims: bool) -> None:
        from ccmtui.domain.dates import parse_date
        from ccmtui.domain.errors import InputError
        from ccmtui.reports.whatif import render_markdown, what_if

        try:
            with self.app.source.register() as register:
                brief = what_if(
                    register.record(self.iso3),
                    parse_date(deposit, "deposit"),
                    register.meetings,
                    stocks=stocks,
                    contaminated=contaminated,
                    victims=victims,
                )
            deliver(self, self._show, render_markdown(brief), "")
        except InputError as error:
            deliver(self, self._show, "", in_app_words(str(error)))

    def _show(self, text: str, error: str) -> None:
        self.query_one("#whatif-error", Label).update(error)
        self.query_one("#whatif-text", Markdown).update(text)
