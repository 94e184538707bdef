"""A person, new or corrected, through the actions `ccm person add` and `ccm person edit` call:
at a state (its Geneva mission or capital) or an organisation, never both."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select

from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

INPUTS = {
    "name": ("Name", "Their name: Ana Costa"),
    "role": ("Role", "Their position: First Secretary"),
    "state": ("State", "The state they work for (code or name), or leave blank"),
    "org": ("Organisation", "Or the organisation they work for: ICRC, ISU…"),
    "email": ("E-mail", "Optional"),
    "phone": ("Phone", "Optional"),
    "notes": ("Notes", "Optional; never in a redacted output"),
}
PLACES = (("—", ""), ("Geneva mission", "geneva"), ("Capital", "capital"))


class PersonDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line, or None when cancelled."""

    ERROR_ID = "person-error-"
    ERROR_FIELDS = ("person", "name", "role", "state", "org", "location", "email", "phone", "notes", "form")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="person.cancel"),
        Binding("ctrl+s", "save", "Save", id="person.save"),
    ]

    def __init__(self, person=None) -> None:
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        p = self.person
        start = {
            "name": p.name if p else "",
            "role": p.role if p else "",
            "state": (p.iso3 or "") if p else "",
            "org": (p.organisation or "") if p else "",
            "email": p.email if p else "",
            "phone": p.phone if p else "",
            "notes": p.notes if p else "",
        }
        with Vertical(id="person-box", classes="dialog form"):
            for field, (label, placeholder) in INPUTS.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    yield Input(start[field], placeholder=placeholder, id=f"person-{field}", compact=True)
                yield Label("", id=f"person-error-{field}", classes="error")
                if field == "org":
                    with Horizontal(classes="row"):
                        yield Label("Where", classes="label")
                        yield Select(
                            PLACES,
                            value=(p.location or "") if p else "",
                            allow_blank=False,
                            id="person-location",
                            compact=True,
                        )
                    yield Label("", id="person-error-location", classes="error")
            yield Label("", id="person-error-person", classes="error")
            yield Label("", id="person-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Save (ctrl+s)", id="person-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="person-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#person-box").border_title = f"Edit {self.person.name}" if self.person else "New person"
        self.clear_errors()
        self.query_one("#person-name").focus()
        self.suggestions()

    @work(thread=True, exclusive=True, group="person-suggest")
    def suggestions(self) -> None:
        """The organisations' codes and the states' names, offered as one types."""
        with self.app.source.register() as register:
            orgs = [o.code for o in register.organisations] + [o.name for o in register.organisations]
            states = [s.name for s in register.on(self.app.source.today)]
        deliver(self, self._suggest, orgs, states)

    def _suggest(self, orgs: list[str], states: list[str]) -> None:
        self.query_one("#person-org", Input).suggester = SuggestFromList(orgs, case_sensitive=False)
        self.query_one("#person-state", Input).suggester = SuggestFromList(states, case_sensitive=False)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#person-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#person-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        values = {field: self.query_one(f"#person-{field}", Input).value for field in INPUTS}
        values["location"] = str(self.query_one("#person-location", Select).value)
        self.save(values)

    @work(thread=True, exclusive=True, group="person-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions.counterparts import add_person, edit_person

        source = self.app.source
        organisation = values.pop("org")
        if self.person is None:
            written = self.run_action(
                lambda register: add_person(register, source.writing, organisation=organisation, **values)
            )
        else:
            p = self.person
            before = {"name": p.name, "role": p.role, "state": p.iso3 or "", "organisation": p.organisation or "",
                      "location": p.location or "", "email": p.email, "phone": p.phone, "notes": p.notes}  # fmt: skip
            after = {**values, "organisation": organisation}
            changed = {k: v for k, v in after.items() if v.strip() != (before[k] or "").strip()}
            written = self.run_action(lambda register: edit_person(register, source.writing, person=p.uuid, **changed))
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Person")
        self.app.post_message(DataChanged("people"))
        self.dismiss(message)
