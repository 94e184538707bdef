"""First use: who the coordinator is, kept in config.toml (as the command line asks on first use)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ccmtui.domain.areas import AREAS
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.state_picker import StatePicker
from ccmtui.tui.workers import deliver, reporting


class IdentityDialog(FormErrors, ModalScreen[dict | None]):
    """Returns the saved config, or None when put off (it is asked again next time)."""

    ERROR_ID = "identity-error-"
    ERROR_FIELDS = ("name", "state", "area", "form")

    BINDINGS = [
        Binding("escape", "later", "Later", id="identity.later"),
        Binding("ctrl+s", "save", "Save", id="identity.save"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="identity-box", classes="dialog form"):
            yield Static(
                "ccm stamps what you record with who you are. It is kept in config.toml; `ccm config set` changes it.",
                id="identity-intro",
            )
            with Horizontal(classes="row"):
                yield Label("Your name", classes="label")
                yield Input(placeholder="e.g. Ana Ferreira", id="identity-name", compact=True)
            yield Label("", id="identity-error-name", classes="error")
            with Horizontal(classes="row tall"):
                yield Label("For", classes="label")
                yield StatePicker(multiple=False, id="identity-state")
            yield Label("", id="identity-error-state", classes="error")
            with Horizontal(classes="row"):
                yield Label("Area", classes="label")
                yield Select(
                    [(label, slug) for slug, label in AREAS.items()],
                    prompt="Your thematic area (optional)",
                    id="identity-area",
                    compact=True,
                )
            yield Label("", id="identity-error-area", classes="error")
            yield Label("", id="identity-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Save (ctrl+s)", id="identity-save", variant="primary", compact=True)
                yield Button("Later (esc)", id="identity-later", compact=True)

    def on_mount(self) -> None:
        self.query_one("#identity-box").border_title = "Welcome: who are you?"
        self.clear_errors()
        self.query_one("#identity-name").focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#identity-later")
    def action_later(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#identity-save")
    def action_save(self) -> None:
        picker = self.query_one(StatePicker)
        area = self.query_one("#identity-area", Select).value
        self.clear_errors()
        self.save(
            {
                "name": self.query_one("#identity-name", Input).value.strip(),
                "state": picker.value[0] if picker.value else picker.pending_text.strip(),
                "area": "" if area == Select.NULL else str(area),
            }
        )

    @work(thread=True, exclusive=True, group="identity")
    def save(self, values: dict) -> None:
        from ccmtui import config
        from ccmtui.actions.fields import Fields
        from ccmtui.domain.errors import CCMError, InputError

        field = Fields()

        def name() -> str:
            if not values["name"]:
                raise InputError("your name is empty: it is stamped on what you record")
            return values["name"]

        with reporting(self), self.app.source.register() as register:
            chosen = dict(self.app.source.config)
            chosen["name"] = field("name", name)
            if values["state"]:
                chosen["state"] = field("state", lambda: register.index.resolve(values["state"]))
            if values["area"]:
                chosen["area"] = values["area"]
            if field.errors:
                deliver(self, self.show_errors, field.errors)
                return
            try:
                path = config.save(chosen)
            except CCMError as error:
                deliver(self, self.show_errors, {"form": str(error)})
                return
            deliver(self, self._saved, chosen, str(path))

    def _saved(self, chosen: dict, path: str) -> None:
        self.app.source.config = chosen
        self.app.notify(f"Saved to {path}.", title="Welcome")
        self.dismiss(chosen)
