"""Classify: record a Category I / II / III assessment through the action `ccm classify` calls."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList

from ccmtui.domain.categories import Category
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.id_picker import IdField, recent_engagements
from ccmtui.tui.widgets.reason_list import ReasonList
from ccmtui.tui.widgets.state_picker import StatePicker
from ccmtui.tui.workers import deliver

ERRORS = ("state", "category", "date", "rationale", "reasons", "source", "form")


class ClassifyDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line when a classification was recorded, None when cancelled."""

    ERROR_ID = "classify-error-"
    ERROR_FIELDS = ERRORS

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="classify.cancel"),
        Binding("ctrl+s", "save", "Record", id="classify.save"),
    ]

    def __init__(self, iso3: str | None = None):
        super().__init__()
        self.iso3 = iso3

    def compose(self) -> ComposeResult:
        with Vertical(id="classify-box", classes="dialog form"):
            with Horizontal(classes="row tall"):
                yield Label("State", classes="label")
                yield StatePicker(multiple=False, id="classify-state")
            yield Label("", id="classify-error-state", classes="error")
            with Horizontal(classes="row"):
                yield Label("Category", classes="label")
                yield Select(
                    [(f"{c.value} — {c.meaning}", c.value) for c in Category],
                    prompt="Category I, II or III",
                    id="classify-category",
                    compact=True,
                )
            yield Label("", id="classify-error-category", classes="error")
            with Horizontal(classes="row"):
                yield Label("As of", classes="label")
                yield Input(
                    self.app.source.today.isoformat(),
                    placeholder="YYYY-MM-DD or meeting",
                    id="classify-date",
                    compact=True,
                )
            yield Label("", id="classify-error-date", classes="error")
            with Horizontal(classes="row"):
                yield Label("Rationale", classes="label")
                yield Input(placeholder="Why: what the state said or did", id="classify-rationale", compact=True)
            yield Label("", id="classify-error-rationale", classes="error")
            with Horizontal(classes="row reasons"):
                yield Label("Held back by", classes="label")
                yield ReasonList(self.app.source.config.get("reasons"), id="classify-reasons", compact=True)
            yield Label("", id="classify-error-reasons", classes="error")
            with Horizontal(classes="row"):
                yield Label("Source", classes="label")
                yield IdField(
                    recent_engagements(),
                    "the engagement it rests on",
                    single=True,
                    placeholder="Engagement id it rests on (optional): F4 picks",
                    id="classify-source",
                    compact=True,
                )
            yield Label("", id="classify-error-source", classes="error")
            yield Label("", id="classify-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Record (ctrl+s)", id="classify-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="classify-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#classify-box").border_title = "Classify a state"
        self.clear_errors()
        picker = self.query_one(StatePicker)
        if self.iso3:
            picker.set_value([self.iso3])
            self.query_one("#classify-category").focus()
        else:
            picker.focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#classify-cancel")
    def action_cancel(self) -> None:
        if not self.saving:  # a write under way ends first
            self.dismiss(None)

    @on(Button.Pressed, "#classify-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        picker = self.query_one(StatePicker)
        category = self.query_one("#classify-category", Select).value
        self.clear_errors()
        self.save(
            {
                "state": picker.value[0] if picker.value else picker.pending_text,
                "category": "" if category == Select.NULL else str(category),
                "date": self.query_one("#classify-date", Input).value,
                "rationale": self.query_one("#classify-rationale", Input).value,
                "reasons": list(self.query_one("#classify-reasons", SelectionList).selected),
                "source": self.query_one("#classify-source", Input).value,
            }
        )

    @work(thread=True, exclusive=True, group="classify")
    def save(self, values: dict) -> None:
        from ccmtui.actions.journal import classify_state

        source = self.app.source
        written = self.run_action(
            lambda register: classify_state(
                register, source.writing, today=source.today, extra_reasons=source.config.get("reasons"), **values
            )
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Classified")
        self.app.post_message(DataChanged("classifications"))
        self.dismiss(message)
