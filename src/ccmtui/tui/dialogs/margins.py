"""A bilateral meeting in a meeting's margins: planned or moved (`ccm margins add|edit`), and its
outcome recorded as an engagement with its follow-up (`ccm margins outcome`), through the same actions."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

SLOT_INPUTS = {
    "with": ("State", "ISO3 code or name"),
    "day": ("Day", "YYYY-MM-DD, within the meeting"),
    "slot": ("Slot", "e.g. 10:00-10:30"),
    "room": ("Room", "Optional"),
    "objective": ("Objective", "Optional: what the meeting is to achieve"),
}
OUTCOME_INPUTS = {
    "summary": ("Outcome", "One line: what was said or agreed"),
    "follow-up": ("Follow up", "YYYY-MM-DD, optional"),
    "area": ("Area", "Thematic area (default: yours)"),
}


class _Form(FormErrors, ModalScreen[str | None]):
    """A form of Inputs, saved with ctrl+s; returns the confirmation line, or None when cancelled."""

    INPUTS: dict[str, tuple[str, str]] = {}
    TITLE = ""
    SAVE = "Save"
    focus_first: str | None = None  # the field focused first (default: the first empty one)

    def __init__(self, values: dict[str, str] | None = None):
        super().__init__()
        self.values = values or {}

    def compose(self) -> ComposeResult:
        with Vertical(id=f"{self.ERROR_ID}box", classes="dialog form"):
            for field, (label, placeholder) in self.INPUTS.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    yield Input(
                        self.values.get(field, ""),
                        placeholder=placeholder,
                        id=f"{self.ERROR_ID}{field}-input",
                        compact=True,
                    )
                yield Label("", id=f"{self.ERROR_ID}{field}", classes="error")
            yield Label("", id=f"{self.ERROR_ID}form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button(f"{self.SAVE} (ctrl+s)", id=f"{self.ERROR_ID}save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id=f"{self.ERROR_ID}cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{self.ERROR_ID}box").border_title = self.TITLE
        self.clear_errors()
        first = self.focus_first or next((f for f in self.INPUTS if not self.values.get(f)), next(iter(self.INPUTS)))
        self.query_one(f"#{self.ERROR_ID}{first}-input").focus()

    def field_of(self, name: str):
        return self.query_one(f"#{self.ERROR_ID}{name}-input", Input)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.ERROR_ID}cancel":
            self.action_cancel()
        else:
            self.action_save()

    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        self.save({field: self.query_one(f"#{self.ERROR_ID}{field}-input", Input).value for field in self.INPUTS})

    def save(self, values: dict[str, str]) -> None: ...

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Margins")
        self.app.post_message(DataChanged("margin_slots"))
        self.dismiss(message)


class SlotDialog(_Form):
    """A new slot at a meeting, or (with `slot`) one moved or changed."""

    ERROR_ID = "slot-"
    ERROR_FIELDS = (*SLOT_INPUTS, "form")
    INPUTS = SLOT_INPUTS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="slot.cancel"),
        Binding("ctrl+s", "save", "Save", id="slot.save"),
    ]

    def __init__(self, meeting: str, values: dict[str, str] | None = None, slot: str | None = None):
        super().__init__(values)
        self.meeting = meeting
        self.slot = slot
        self.TITLE = f"{'Move or change the' if slot else 'New'} bilateral meeting at {meeting}"
        self.SAVE = "Save" if slot else "Plan"
        self.focus_first = "slot" if slot else None  # a meeting moved: its times, most often

    @work(thread=True, exclusive=True, group="slot-save")
    def save(self, values: dict[str, str]) -> None:
        from ccmtui.actions.margins import add_slot, edit_slot

        source = self.app.source
        if self.slot:
            written = self.run_action(
                lambda register: edit_slot(
                    register,
                    source.writing,
                    meeting=self.meeting,
                    slot=self.slot,
                    state=values["with"],
                    day=values["day"],
                    times=values["slot"],
                    room=values["room"],
                    objective=values["objective"],
                )
            )
        else:
            written = self.run_action(
                lambda register: add_slot(
                    register,
                    source.writing,
                    meeting=self.meeting,
                    state=values["with"],
                    day=values["day"],
                    slot=values["slot"],
                    room=values["room"],
                    objective=values["objective"],
                )
            )
        if written:
            deliver(self, self._saved, written.message)


class OutcomeDialog(_Form):
    """What a held slot came to: an engagement (a meeting) with its follow-up."""

    ERROR_ID = "outcome-"
    ERROR_FIELDS = (*OUTCOME_INPUTS, "form")
    INPUTS = OUTCOME_INPUTS
    SAVE = "Record"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="outcome.cancel"),
        Binding("ctrl+s", "save", "Record", id="outcome.save"),
    ]

    def __init__(self, meeting: str, slot: str, label: str):
        super().__init__()
        self.meeting = meeting
        self.slot = slot
        self.TITLE = f"Outcome: {label}"

    @work(thread=True, exclusive=True, group="outcome-save")
    def save(self, values: dict[str, str]) -> None:
        from ccmtui.actions.margins import record_outcome

        source = self.app.source
        written = self.run_action(
            lambda register: record_outcome(
                register,
                source.writing,
                meeting=self.meeting,
                slot=self.slot,
                summary=values["summary"],
                follow_up=values["follow-up"] or None,
                area=values["area"] or None,
                config=source.config,
                today=source.today,
            )
        )
        if written:
            deliver(self, self._saved, written.message)
