"""A coalition's need, activity or partner, through the actions `ccm coalition add-need`,
`add-activity` and `add-partner` call: the same checks, each error under its field."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ccmtui.domain.coalitions import ACTIVITY_STATUSES, NEED_AREAS
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver


@dataclass(frozen=True)
class Form:
    title: str
    inputs: dict[str, tuple[str, str]]  # field -> (label, placeholder)
    choices: dict[str, tuple[str, list[tuple[str, str]]]]  # field -> (label, options)
    action: str  # the function of actions/coalitions.py


FORMS = {
    "need": Form(
        "Add a need",
        {
            "description": ("Need", "What is needed, e.g. 'Technical survey, Xieng Khouang'"),
            "amount": ("Amount", "Where known: 250000, 1.5m, 800k"),
            "currency": ("Currency", "USD, EUR, CHF… (with an amount)"),
            "source": ("Source", "Where it comes from"),
        },
        {"area": ("Area", [(label, key) for key, label in NEED_AREAS.items()])},
        "add_need",
    ),
    "activity": Form(
        "Add an activity or programme",
        {
            "title": ("Activity", "e.g. 'Battle area clearance, Xieng Khouang'"),
            "funded_by": ("Funded by", "Who funds it"),
            "implemented_by": ("Implemented by", "Who implements it"),
            "amount": ("Amount", "Where known: 250000, 1.5m, 800k"),
            "currency": ("Currency", "USD, EUR, CHF… (with an amount)"),
            "source": ("Source", "Where it comes from"),
        },
        {"status": ("Status", [(status, status) for status in ACTIVITY_STATUSES])},
        "add_activity",
    ),
    "partner": Form(
        "Add a partner or lead donor",
        {
            "state": ("State", "A partner state: code or name"),
            "organisation": ("Organisation", "Or an organisation: ICRC, GICHD, an operator…"),
            "source": ("Source", "Where it comes from"),
        },
        {"role": ("Role", [("partner", "partner"), ("lead donor (a state)", "lead")])},
        "add_partner",
    ),
}


class CoalitionDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line, or None when cancelled."""

    ERROR_ID = "coalition-error-"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="coalition-form.cancel"),
        Binding("ctrl+s", "save", "Add", id="coalition-form.save"),
    ]

    def __init__(self, kind: str, coalition: str, name: str) -> None:
        super().__init__()
        self.spec = FORMS[kind]
        self.coalition = coalition
        self.name_shown = name
        self.ERROR_FIELDS = (*self.spec.choices, *self.spec.inputs, "coalition", "form")

    def compose(self) -> ComposeResult:
        with Vertical(id="coalition-box", classes="dialog form"):
            for field, (label, options) in self.spec.choices.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    yield Select(options, value=options[0][1], allow_blank=False, id=f"coalition-{field}", compact=True)
                yield Label("", id=f"coalition-error-{field}", classes="error")
            for field, (label, placeholder) in self.spec.inputs.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    yield Input(placeholder=placeholder, id=f"coalition-{field.replace('_', '-')}", compact=True)
                yield Label("", id=f"coalition-error-{field.replace('_', '-')}", classes="error")
            yield Label("", id="coalition-error-coalition", classes="error")
            yield Label("", id="coalition-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Add (ctrl+s)", id="coalition-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="coalition-cancel", compact=True)

    def on_mount(self) -> None:
        self.ERROR_FIELDS = tuple(name.replace("_", "-") for name in self.ERROR_FIELDS)
        self.query_one("#coalition-box").border_title = f"{self.spec.title} · {self.name_shown}"
        self.clear_errors()
        self.query_one(f"#coalition-{next(iter(self.spec.inputs)).replace('_', '-')}").focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#coalition-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#coalition-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        values = {f: self.query_one(f"#coalition-{f.replace('_', '-')}", Input).value for f in self.spec.inputs}
        for field in self.spec.choices:
            values[field] = str(self.query_one(f"#coalition-{field}", Select).value)
        if "role" in values:
            values["lead"] = values.pop("role") == "lead"
        self.save(values)

    @work(thread=True, exclusive=True, group="coalition-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions import coalitions

        action = getattr(coalitions, self.spec.action)
        source = self.app.source
        written = self.run_action(lambda register: action(register, source.writing, coalition=self.coalition, **values))
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Coalition")
        self.app.post_message(DataChanged("coalitions"))
        self.dismiss(message)
