"""A new campaign: one démarche or letter to many states, planned and created by the actions
`ccm campaign new` calls.

The targets are previewed as they are typed; saving writes the campaign, its engagement and a
pending reply for each target in one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import KINDS
from ccmtui.textsafe import literal
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

if TYPE_CHECKING:
    from ccmtui.reports.register import Register

PREVIEW_NAMES = 12


def split_list(text: str) -> list[str]:
    """'category:II, region:Asia, Sri Lanka' → the three; state names may hold spaces, not commas."""
    return [part.strip() for part in text.split(",") if part.strip()]


class CampaignDialog(FormErrors, ModalScreen[str | None]):
    """Returns the new campaign's id, or None when cancelled."""

    ERROR_ID = "campaign-error-"
    ERROR_FIELDS = ("title", "to", "except", "kind", "date", "area", "form")
    # The title is also the campaign engagement's summary: the action speaks of that.
    ERROR_WORDS = {"the summary is": "the title is", "the summary": "the title", "with --to": "in To"}

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="campaign.cancel"),
        Binding("ctrl+s", "save", "Create", id="campaign.save"),
    ]

    def compose(self) -> ComposeResult:
        config = self.app.source.config
        with Vertical(id="campaign-box", classes="dialog form"):
            with Horizontal(classes="row"):
                yield Label("Title", classes="label")
                yield Input(
                    placeholder="e.g. Joint démarche on universalization 2026", id="campaign-title", compact=True
                )
            yield Label("", id="campaign-error-title", classes="error")
            with Horizontal(classes="row"):
                yield Label("To", classes="label")
                yield Input(
                    placeholder="category:II, region:Asia, status:non-signatory, or states; commas between",
                    id="campaign-to",
                    compact=True,
                )
            yield Label("", id="campaign-error-to", classes="error")
            with Horizontal(classes="row"):
                yield Label("Except", classes="label")
                yield Input(
                    placeholder="States to leave out, commas between (optional)", id="campaign-except", compact=True
                )
            yield Label("", id="campaign-error-except", classes="error")
            yield Static("", id="campaign-preview")
            with Horizontal(classes="row"):
                yield Label("Kind", classes="label")
                yield Select(
                    [(label, slug) for slug, label in KINDS.items()],
                    value="demarche",
                    allow_blank=False,
                    id="campaign-kind",
                    compact=True,
                )
                yield Label("Date", classes="label short")
                yield Input(
                    self.app.source.today.isoformat(),
                    placeholder="YYYY-MM-DD or meeting",
                    id="campaign-date",
                    compact=True,
                )
            yield Label("", id="campaign-error-kind", classes="error")
            yield Label("", id="campaign-error-date", classes="error")
            with Horizontal(classes="row"):
                yield Label("Area", classes="label")
                area = config.get("area")
                yield Select(
                    [(label, slug) for slug, label in AREAS.items()],
                    prompt="Area: choose one",
                    value=area if area in AREAS else Select.NULL,
                    id="campaign-area",
                    compact=True,
                )
            yield Label("", id="campaign-error-area", classes="error")
            with Horizontal(classes="row"):
                yield Label("Notes", classes="label")
                yield Input(placeholder="Optional", id="campaign-notes", compact=True)
            yield Label("", id="campaign-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Create (ctrl+s)", id="campaign-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="campaign-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#campaign-box").border_title = "New campaign"
        self.query_one("#campaign-preview", Static).update("The targets show here as you choose them.")
        self.clear_errors()
        self.query_one("#campaign-title").focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Changed, "#campaign-to, #campaign-except, #campaign-date")
    def targets_changed(self) -> None:
        self.preview(self._value("#campaign-to"), self._value("#campaign-except"), self._value("#campaign-date"))

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _select(self, selector: str) -> str:
        value = self.query_one(selector, Select).value
        return "" if value == Select.NULL else str(value)

    @work(thread=True, exclusive=True, group="campaign-preview")
    def preview(self, to: str, excluded: str, day: str) -> None:
        from ccmtui.actions.campaigns import parse_targets, select_targets
        from ccmtui.domain.errors import CCMError

        if not to:
            deliver(self, self._show_preview, "The targets show here as you choose them.")
            return
        with self.app.source.register() as register:
            try:
                on = register.resolve_day(day or self.app.source.today.isoformat(), "--date")
                targets = select_targets(register, parse_targets(register, split_list(to), split_list(excluded)), on)
            except CCMError as error:
                # In the form's words, read from its labels on the UI thread.
                deliver(self, lambda said: self._show_preview(literal(self.in_form_words(said), "dim")), str(error))
                return
        names = ", ".join(s.name for s in targets[:PREVIEW_NAMES])
        more = f" and {len(targets) - PREVIEW_NAMES} more" if len(targets) > PREVIEW_NAMES else ""
        heading = (f"{len(targets)} target{'s' * (len(targets) != 1)}", "bold")
        deliver(self, self._show_preview, Text.assemble(heading, ": ", literal(names, lines=False), more))

    def _show_preview(self, text) -> None:
        self.query_one("#campaign-preview", Static).update(text)

    @on(Button.Pressed, "#campaign-cancel")
    def action_cancel(self) -> None:
        if not self.saving:  # a write under way ends first
            self.dismiss(None)

    @on(Button.Pressed, "#campaign-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        self.save(
            {
                "title": self._value("#campaign-title"),
                "to": split_list(self._value("#campaign-to")),
                "except_": split_list(self._value("#campaign-except")),
                "kind": self._select("#campaign-kind"),
                "date": self._value("#campaign-date"),
                "area": self._select("#campaign-area"),
                "notes": self.query_one("#campaign-notes", Input).value,
            }
        )

    @work(thread=True, exclusive=True, group="campaign-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions.campaigns import create_campaign, plan_campaign

        source = self.app.source

        def create(register: Register):
            plan = plan_campaign(register, config=source.config, today=source.today, **values)
            return create_campaign(source.writing, plan)

        written = self.run_action(create)
        if written:
            deliver(self, self._saved, written.record["uuid"], written.message)

    def _saved(self, uuid: str, message: str) -> None:
        self.app.notify(message, title="Campaign")
        self.app.post_message(DataChanged("campaigns"))
        self.dismiss(uuid)
