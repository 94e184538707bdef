"""A coalition's records through the actions `ccm coalition` calls: a new coalition, its strategy, a
need, an activity, a partner, a linked meeting, a need's or an activity's status, and corrections.
The same checks as the command line, each error under its field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ccmtui.domain.coalitions import ACTIVITY_STATUSES, NEED_AREAS, NEED_STATUSES
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.id_picker import IdField, recent_engagements
from ccmtui.tui.workers import deliver

AMOUNT = ("Amount", "Where known: 250000, 1.5m, 800k")
CURRENCY = ("Currency", "USD, EUR, CHF… (with an amount)")
SOURCE = ("Source", "Where it comes from")


@dataclass(frozen=True)
class Form:
    title: str
    inputs: dict[str, tuple[str, str]]  # field -> (label, placeholder)
    choices: dict[str, tuple[str, list[tuple[str, str]]]]  # field -> (label, options)
    action: str  # the function of actions/coalitions.py
    target: str | None = "coalition"  # the keyword naming what the form is about: coalition, record or none
    verb: str = "Add"
    lists: tuple[str, ...] = ()  # fields of several values, commas between
    keywords: dict[str, str] = field(default_factory=dict)  # field -> the action's keyword
    reads: bool = False  # the action takes the reader rather than the register
    ids: tuple[str, ...] = ()  # fields that take an engagement's id, with a picker


FORMS = {
    "coalition": Form(
        "New country coalition",
        {
            "state": ("State", "The affected state: code or name, e.g. Lao PDR"),
            "lead": ("Lead donors", "States, commas between"),
            "partner": ("Partners", "States, commas between"),
            "organisation": ("Organisations", "ICRC, GICHD, an operator…, commas between"),
            "name": ("Name", "Blank: Country coalition for <state>"),
            "source": SOURCE,
            "notes": ("Notes", "Free notes"),
        },
        {},
        "new_coalition",
        target=None,
        verb="Start",
        lists=("lead", "partner", "organisation"),
        keywords={"lead": "lead_donors", "partner": "partners", "organisation": "organisations"},
    ),
    "strategy": Form(
        "National strategy",
        {
            "title": ("Title", "The strategy's title"),
            "date": ("Dated", "YYYY, YYYY-MM or YYYY-MM-DD"),
            "file": ("Document", "Optional: the file's path, kept as an attachment"),
            "received": ("Received", "With a document: when it came (default today)"),
        },
        {},
        "set_strategy",
        verb="Save",
        keywords={"date": "dated"},
    ),
    "need": Form(
        "Add a need",
        {
            "description": ("Need", "What is needed, e.g. 'Technical survey, Xieng Khouang'"),
            "amount": AMOUNT,
            "currency": CURRENCY,
            "source": SOURCE,
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
            "amount": AMOUNT,
            "currency": CURRENCY,
            "source": SOURCE,
        },
        {"status": ("Status", [(status, status) for status in ACTIVITY_STATUSES])},
        "add_activity",
    ),
    "partner": Form(
        "Add a partner or lead donor",
        {
            "state": ("State", "A partner state: code or name"),
            "organisation": ("Organisation", "Or an organisation: ICRC, GICHD, an operator…"),
            "source": SOURCE,
        },
        {"role": ("Role", [("partner", "partner"), ("lead donor (a state)", "lead")])},
        "add_partner",
    ),
    "meeting": Form(
        "Link a meeting or seminar",
        {"engagement": ("Engagement", "Its id: F4 picks from the newest")},
        {},
        "link_engagement",
        verb="Link",
        ids=("engagement",),
    ),
    "need-status": Form(
        "A need's status",
        {},
        {"status": ("Status", [(status, status) for status in NEED_STATUSES])},
        "set_status",
        target="record",
        verb="Save",
        reads=True,
    ),
    "activity-status": Form(
        "An activity's status",
        {},
        {"status": ("Status", [(status, status) for status in ACTIVITY_STATUSES])},
        "set_status",
        target="record",
        verb="Save",
        reads=True,
    ),
    "edit-coalitions": Form(
        "Correct the coalition",
        {"name": ("Name", "The coalition's name"), "notes": ("Notes", "Free notes"), "source": SOURCE},
        {},
        "edit_part",
        target="record",
        verb="Save",
        reads=True,
    ),
    "edit-coalition_needs": Form(
        "Correct the need",
        {"description": ("Need", "What is needed"), "amount": AMOUNT, "currency": CURRENCY, "source": SOURCE},
        {},
        "edit_part",
        target="record",
        verb="Save",
        reads=True,
    ),
    "edit-coalition_activities": Form(
        "Correct the activity",
        {
            "title": ("Activity", "Its title"),
            "funded_by": ("Funded by", "Who funds it"),
            "implemented_by": ("Implemented by", "Who implements it"),
            "amount": AMOUNT,
            "currency": CURRENCY,
            "source": SOURCE,
        },
        {},
        "edit_part",
        target="record",
        verb="Save",
        reads=True,
    ),
}


def _dashed(name: str) -> str:
    return name.replace("_", "-")


class CoalitionDialog(FormErrors, ModalScreen[str | None]):
    """Returns the confirmation line, or None when cancelled."""

    ERROR_ID = "coalition-error-"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="coalition-form.cancel"),
        Binding("ctrl+s", "save", "Save", id="coalition-form.save"),
    ]

    def __init__(self, kind: str, target: str | None, name: str, values: dict[str, str] | None = None) -> None:
        """`target`: the coalition's id (or, for a status or a correction, the record's); `values`: the
        fields as they stand, for a correction (only those changed are sent)."""
        super().__init__()
        self.spec = FORMS[kind]
        self.target = target
        self.name_shown = name
        self.values = values or {}
        self.ERROR_FIELDS = tuple(
            _dashed(n) for n in (*self.spec.choices, *self.spec.inputs, "coalition", "record", "form")
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="coalition-box", classes="dialog form"):
            for name, (label, options) in self.spec.choices.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    chosen = self.values.get(name, options[0][1])
                    yield Select(options, value=chosen, allow_blank=False, id=f"coalition-{name}", compact=True)
                yield Label("", id=f"coalition-error-{name}", classes="error")
            for name, (label, placeholder) in self.spec.inputs.items():
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    value, ident = self.values.get(name, ""), f"coalition-{_dashed(name)}"
                    if name in self.spec.ids:
                        yield IdField(
                            recent_engagements(),
                            "an engagement",
                            single=True,
                            value=value,
                            placeholder=placeholder,
                            id=ident,
                            compact=True,
                        )
                    else:
                        yield Input(value, placeholder=placeholder, id=ident, compact=True)
                yield Label("", id=f"coalition-error-{_dashed(name)}", classes="error")
            for name in ("coalition", "record", "form"):
                yield Label("", id=f"coalition-error-{name}", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button(f"{self.spec.verb} (ctrl+s)", id="coalition-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="coalition-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#coalition-box").border_title = f"{self.spec.title} · {self.name_shown}"
        self.clear_errors()
        first = next(iter(self.spec.inputs), None) or next(iter(self.spec.choices))
        self.query_one(f"#coalition-{_dashed(first)}").focus()

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
        typed = {name: self.query_one(f"#coalition-{_dashed(name)}", Input).value for name in self.spec.inputs}
        for name in self.spec.choices:
            typed[name] = str(self.query_one(f"#coalition-{name}", Select).value)
        self.save(self.arguments(typed))

    def arguments(self, typed: dict[str, str]) -> dict:
        """The action's keyword arguments from the fields as typed."""
        if self.spec.action == "edit_part":
            typed = {name: value for name, value in typed.items() if value != self.values.get(name, "")}
        values: dict = {}
        for name, value in typed.items():
            if name in self.spec.lists:
                value = [part.strip() for part in value.split(",") if part.strip()]
            elif name == "file":
                value = Path(value.strip()).expanduser() if value.strip() else None
            values[self.spec.keywords.get(name, name)] = value
        if "role" in values:
            values["lead"] = values.pop("role") == "lead"
        if self.spec.target:
            values[self.spec.target] = self.target
        return values

    @work(thread=True, exclusive=True, group="coalition-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions import coalitions

        action = getattr(coalitions, self.spec.action)
        source = self.app.source
        reads = self.spec.reads
        written = self.run_action(
            lambda register: action(register.reader if reads else register, source.writing, **values)
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.app.notify(message, title="Coalition")
        self.app.post_message(DataChanged("coalitions"))
        self.dismiss(message)
