"""Add a milestone, or move one on (start, done, slip, drop), through the actions `ccm milestone …` calls."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from ccmtui.domain.errors import CCMError
from ccmtui.textsafe import literal
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.id_picker import IdField, recent_engagements
from ccmtui.tui.widgets.literal_table import literal_content
from ccmtui.tui.workers import deliver

MOVES = {"start": "Start (in progress)", "done": "Done", "slip": "Slip to a later date", "drop": "Drop"}


class MilestoneForm(FormErrors, ModalScreen[str | None]):
    """What both dialogs share: a form of rows, errors under fields, a worker that writes."""

    FIELDS: tuple[str, ...] = ()
    ERROR_ID = "ms-error-"
    ERROR_NAMES = {"action_points": "ap"}
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="milestone.cancel"),
        Binding("ctrl+s", "save", "Record", id="milestone.save"),
    ]

    def row(self, label: str, widget) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label, classes="label")
            yield widget
        yield Label("", id=f"ms-error-{widget.id.removeprefix('ms-')}", classes="error")

    def buttons(self) -> ComposeResult:
        yield Label("", id="ms-error-form", classes="error")
        with Horizontal(classes="row buttons"):
            yield Button("Record (ctrl+s)", id="ms-save", variant="primary", compact=True)
            yield Button("Cancel (esc)", id="ms-cancel", compact=True)

    def on_mount(self) -> None:
        self.clear_errors()

    def value(self, name: str) -> str:
        widget = self.query_one(f"#ms-{name}")
        if isinstance(widget, Select):
            return "" if widget.value == Select.NULL else str(widget.value)
        if isinstance(widget, Checkbox):
            return "yes" if widget.value else ""
        return widget.value

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#ms-cancel")
    def action_cancel(self) -> None:
        if not self.saving:  # a write under way ends first
            self.dismiss(None)

    @on(Button.Pressed, "#ms-save")
    def action_save(self) -> None:
        if not self.lock_form():
            return
        self.clear_errors()
        self.save({name: self.value(name) for name in self.FIELDS})

    # Each dialog below defines save(values): add a milestone, or change one.
    save: Callable[[dict], None]

    def saved(self, message: str) -> None:
        self.app.notify(message, title="Milestone")
        self.app.post_message(DataChanged("milestones"))
        self.dismiss(message)


class AddMilestoneDialog(MilestoneForm):
    FIELDS = ("title", "due", "ap", "engagements", "notes")
    ERROR_FIELDS = (*FIELDS, "form")

    def __init__(self, plan_uuid: str, plan_label: str):
        super().__init__()
        self.plan_uuid = plan_uuid
        self.plan_label = plan_label

    def compose(self) -> ComposeResult:
        with Vertical(id="milestone-box", classes="dialog form"):
            yield from self.row(
                "Milestone", Input(placeholder="What is to be achieved, in one line", id="ms-title", compact=True)
            )
            yield from self.row("Due", Input(placeholder="2025Q3, Q3 2025 or YYYY-MM-DD", id="ms-due", compact=True))
            yield from self.row("Action points", Input(placeholder="LAP-17", id="ms-ap", compact=True))
            yield from self.row(
                "Engagements",
                IdField(
                    recent_engagements(),
                    "an engagement that delivers it",
                    placeholder="Ids of engagements that deliver it (optional): F4 picks",
                    id="ms-engagements",
                    compact=True,
                ),
            )
            yield from self.row("Notes", Input(placeholder="Free notes", id="ms-notes", compact=True))
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#milestone-box").border_title = literal_content(f"Add a milestone to {self.plan_label}")
        self.query_one("#ms-title").focus()

    @work(thread=True, exclusive=True, group="milestone")
    def save(self, values: dict) -> None:
        from ccmtui.actions.milestones import add_milestone

        source = self.app.source
        written = self.run_action(
            lambda register: add_milestone(
                register.reader,
                source.writing,
                title=values["title"],
                due=values["due"],
                plan=self.plan_uuid,
                notes=values["notes"],
                action_points=[values["ap"]],
                engagements=[values["engagements"]],
                config=source.config,
            )
        )
        if written:
            deliver(self, self.saved, written.message)


ENGAGEMENT_CHOICES = 200  # the newest engagements of the plan's area offered when a milestone is done


class UpdateMilestoneDialog(MilestoneForm):
    FIELDS = ("move", "date", "new-due", "extend", "note", "engagements")
    ERROR_FIELDS = (*FIELDS, "form")

    def __init__(self, line):
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        from ccmtui.domain.workplan import check_move

        allowed = []
        for move, label in MOVES.items():
            try:
                check_move(move, self.line.status, self.line.title)
            except CCMError:
                continue
            allowed.append((label, move))
        with Vertical(id="milestone-box", classes="dialog form"):
            yield Label(literal(self.line.title, lines=False), id="ms-heading")
            yield from self.row(
                "Change", Select(allowed, prompt="Choose: start, done, slip or drop", id="ms-move", compact=True)
            )
            yield from self.row(
                "On", Input(self.app.source.today.isoformat(), placeholder="YYYY-MM-DD", id="ms-date", compact=True)
            )
            yield from self.row(
                "New due", Input(placeholder="For a slip: 2025Q3 or YYYY-MM-DD", id="ms-new-due", compact=True)
            )
            yield from self.row("", Checkbox("Past the plan's period: extend it", id="ms-extend", compact=True))
            yield from self.row(
                "Note",
                Input(
                    placeholder="A dated line for its notes (the reason, for a slip or drop)",
                    id="ms-note",
                    compact=True,
                ),
            )
            yield from self.row(
                "Engagement",
                Select([], prompt="When done: the engagement that delivered it", id="ms-engagements", compact=True),
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        box = self.query_one("#milestone-box")
        box.border_title = f"Milestone {self.line.id[:8]} · due {self.line.due.label} · {self.line.status_label}"
        self.query_one("#ms-move").focus()
        self.load_engagements()

    @work(thread=True, exclusive=True, group="milestone-engagements")
    def load_engagements(self) -> None:
        """The newest engagements of the plan's area, to choose from rather than type an id."""
        from datetime import date

        from ccmtui.db.queries import Q
        from ccmtui.tui.workers import reporting

        with reporting(self), self.app.source.reader() as reader:
            rows = reader.rows(
                Q.engagements_recent,
                since=date.min,
                until=date.max,
                area=self.line.area,
                kind=None,
                limit=ENGAGEMENT_CHOICES,
            )
            choices = [(f"{r.occurred_on.isoformat()} {r.kind}: {r.summary[:60]}", r.uuid) for r in rows]
            deliver(self, self._choices, choices)

    def _choices(self, choices: list) -> None:
        self.query_one("#ms-engagements", Select).set_options(choices)

    @work(thread=True, exclusive=True, group="milestone")
    def save(self, values: dict) -> None:
        from ccmtui.actions.milestones import move_milestone

        source = self.app.source
        written = self.run_action(
            lambda register: move_milestone(
                register,
                source.writing,
                move=values["move"],
                milestone=self.line.id,
                date=values["date"],
                note=values["note"],
                new_due=values["new-due"],
                engagements=[values["engagements"]],
                today=source.today,
                extend_period=bool(values["extend"]),
            )
        )
        if written:
            deliver(self, self.saved, written.message)
