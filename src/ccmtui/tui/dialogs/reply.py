"""Record a state's reply to a campaign through the action `ccm reply` calls (optionally classifying the state)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList

from ccmtui.domain.categories import Category
from ccmtui.domain.engagements import STANCES
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.literal_table import literal_content
from ccmtui.tui.widgets.reason_list import ReasonList
from ccmtui.tui.widgets.state_picker import StatePicker
from ccmtui.tui.widgets.tick import Tick
from ccmtui.tui.workers import deliver

ERRORS = ("state", "stance", "date", "reasons", "form")


class ReplyDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line when the reply was recorded, None when cancelled."""

    ERROR_ID = "reply-error-"
    ERROR_FIELDS = ERRORS

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="reply.cancel"),
        Binding("ctrl+s", "save", "Record", id="reply.save"),
    ]

    def __init__(
        self, engagement_uuid: str | None, title: str, iso3: str | None = None, *, edit: tuple[str, dict] | None = None
    ):
        """`edit=(reply id, its fields)` opens a recorded reply, filled in, to correct it."""
        super().__init__()
        self.engagement_uuid = engagement_uuid
        self.campaign_title = title
        self.iso3 = iso3
        self.editing, self.original = edit if edit else (None, {})

    def compose(self) -> ComposeResult:
        with Vertical(id="reply-box", classes="dialog form"):
            with Horizontal(classes="row tall"):
                yield Label("State", classes="label")
                yield StatePicker(multiple=False, id="reply-state")
            yield Label("", id="reply-error-state", classes="error")
            with Horizontal(classes="row"):
                yield Label("Stance", classes="label")
                yield Select(
                    [(s, s) for s in STANCES],
                    prompt="Stance: positive, neutral or negative",
                    id="reply-stance",
                    compact=True,
                )
            yield Label("", id="reply-error-stance", classes="error")
            with Horizontal(classes="row"):
                yield Label("Received", classes="label")
                yield Input(self.app.source.today.isoformat(), placeholder="YYYY-MM-DD", id="reply-date", compact=True)
            yield Label("", id="reply-error-date", classes="error")
            with Horizontal(classes="row"):
                yield Label("Summary", classes="label")
                yield Input(placeholder="What the reply says", id="reply-summary", compact=True)
            with Horizontal(classes="row reasons"):
                yield Label("Held back by", classes="label")
                yield ReasonList(self.app.source.config.get("reasons"), id="reply-reasons", compact=True)
            yield Label("", id="reply-error-reasons", classes="error")
            with Horizontal(classes="row"):
                yield Label("Supports", classes="label")
                yield Select(
                    [(f"Category {c.value} — {c.meaning}", c.value) for c in Category],
                    prompt="No category",
                    id="reply-category",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("", classes="label")
                yield Tick(
                    "Also record that category for the state, dated the reply", id="reply-classify", compact=True
                )
            yield Label("", id="reply-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Record (ctrl+s)", id="reply-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="reply-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#reply-box")
        box.border_title = literal_content(f"Reply to “{self.campaign_title}”")
        self.clear_errors()
        if self.editing:
            self._fill(box)
        elif self.iso3:
            self.query_one(StatePicker).set_value([self.iso3])
            self.query_one("#reply-stance").focus()
        else:
            self.query_one(StatePicker).focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#reply-cancel")
    def action_cancel(self) -> None:
        if not self.saving:  # a write under way ends first
            self.dismiss(None)

    def _fill(self, box) -> None:
        from ccmtui.db.ids import short

        values = self.original
        box.border_title = f"Edit reply {short(self.editing)}"
        self.query_one(StatePicker).set_value([values["state"]])
        for name in ("stance", "category"):
            self.query_one(f"#reply-{name}", Select).value = values[name] or Select.NULL
        self.query_one("#reply-date", Input).value = values["date"]
        self.query_one("#reply-summary", Input).value = values["summary"]
        # Reasons are recorded with a reply, not edited after (ccm edit does not change them either).
        self.query_one("#reply-reasons").parent.display = False
        self.query_one("#reply-classify").display = False  # a category is classified when recorded
        self.query_one("#reply-save", Button).label = "Save changes (ctrl+s)"
        self.query_one("#reply-stance").focus()

    def _changes(self) -> dict:
        picker = self.query_one(StatePicker)

        def select(name: str) -> str:
            value = self.query_one(f"#reply-{name}", Select).value
            return "" if value == Select.NULL else str(value)

        now = {
            "state": picker.value[0] if picker.value else picker.pending_text,
            "stance": select("stance"),
            "date": self.query_one("#reply-date", Input).value,
            "summary": self.query_one("#reply-summary", Input).value,
            "category": select("category"),
        }
        return {name: value for name, value in now.items() if value != (self.original.get(name) or "")}

    @on(Button.Pressed, "#reply-save")
    def action_save(self) -> None:
        if self.editing:
            changes = self._changes()
            if not changes:
                self.dismiss(None)
                return
            if not self.lock_form():
                return
            self.clear_errors()
            self.save_edit(changes)
            return
        if not self.lock_form():
            return
        picker = self.query_one(StatePicker)

        def select(selector: str) -> str:
            value = self.query_one(selector, Select).value
            return "" if value == Select.NULL else str(value)

        self.clear_errors()
        self.save(
            {
                "state": picker.value[0] if picker.value else picker.pending_text,
                "stance": select("#reply-stance"),
                "date": self.query_one("#reply-date", Input).value,
                "summary": self.query_one("#reply-summary", Input).value,
                "category": select("#reply-category"),
                "classify": self.query_one("#reply-classify", Checkbox).value,
                "reasons": list(self.query_one("#reply-reasons", SelectionList).selected),
            }
        )

    @work(thread=True, exclusive=True, group="reply")
    def save(self, values: dict) -> None:
        from ccmtui.actions.campaigns import record_state_reply

        source = self.app.source
        written = self.run_action(
            lambda register: record_state_reply(
                register,
                source.writing,
                to=self.engagement_uuid,
                today=source.today,
                extra_reasons=source.config.get("reasons"),
                **values,
            )
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Reply recorded")
        self.app.post_message(DataChanged("replies"))
        self.dismiss(message)

    @work(thread=True, exclusive=True, group="reply")
    def save_edit(self, changes: dict) -> None:
        from ccmtui.actions.edit import edit_record

        source = self.app.source
        written = self.run_action(
            lambda register: edit_record(register, source.writing, self.editing, changes, today=source.today)
        )
        if written:
            deliver(self, self._edited, written.message)

    def _edited(self, message: str) -> None:
        self.app.notify(message, title="Edited")
        self.app.post_message(DataChanged("replies"))
        self.dismiss(message)
