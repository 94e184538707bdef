"""Add a milestone, or move one on (start, done, slip, drop): what `ccm milestone …` does."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ccmtui.domain.errors import CCMError
from ccmtui.textsafe import literal
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.widgets.field_errors import FieldErrors
from ccmtui.tui.widgets.literal_table import literal_content
from ccmtui.tui.workers import deliver, reporting

MOVES = {"start": "Start (in progress)", "done": "Done", "slip": "Slip to a later date", "drop": "Drop"}


def _engagement_ids(reader, text: str) -> list[str]:
    from ccmtui.actions.ids import resolve_id

    return [resolve_id(reader, "engagement_ids", value, "engagement") for value in text.replace(",", " ").split()]


class MilestoneForm(FieldErrors, ModalScreen[str | None]):
    """What both dialogs share: a form of rows, errors under fields, a worker that writes."""

    FIELDS: tuple[str, ...] = ()
    ERROR_ID = "ms-error-"
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

    def clear_errors(self) -> None:
        # The two dialogs have different fields: every error label of the form.
        for label in self.query(".error"):
            label.update("")
            label.display = False

    def value(self, name: str) -> str:
        widget = self.query_one(f"#ms-{name}")
        if isinstance(widget, Select):
            return "" if widget.value == Select.NULL else str(widget.value)
        return widget.value.strip()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#ms-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#ms-save")
    def action_save(self) -> None:
        self.clear_errors()
        self.save({name: self.value(name) for name in self.FIELDS})

    # Each dialog below defines save(values): add a milestone, or change one.
    save: Callable[[dict], None]

    def saved(self, message: str) -> None:
        self.app.notify(message, title="Milestone")
        self.app.post_message(DataChanged("milestones"))
        self.dismiss(message)


def _fields(values: dict, errors: dict, steps: dict):
    """Run each field's parser; a failure is kept under the field's name."""
    results = {}
    for name, parse in steps.items():
        try:
            results[name] = parse()
        except CCMError as error:
            errors[name] = str(error)
    return results


class AddMilestoneDialog(MilestoneForm):
    FIELDS = ("title", "due", "ap", "engagements", "notes")

    def __init__(self, plan_uuid: str, plan_label: str):
        super().__init__()
        self.plan_uuid = plan_uuid
        self.plan_label = plan_label

    def compose(self) -> ComposeResult:
        with Vertical(id="milestone-box", classes="dialog form"):
            yield from self.row("Milestone", Input(placeholder="What is to be achieved, in one line", id="ms-title", compact=True))
            yield from self.row("Due", Input(placeholder="2025Q3, Q3 2025 or YYYY-MM-DD", id="ms-due", compact=True))
            yield from self.row("Action points", Input(placeholder="LAP-17", id="ms-ap", compact=True))
            yield from self.row("Engagements", Input(placeholder="Ids of engagements that deliver it (optional)", id="ms-engagements", compact=True))
            yield from self.row("Notes", Input(placeholder="Free notes", id="ms-notes", compact=True))
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#milestone-box").border_title = literal_content(f"Add a milestone to {self.plan_label}")
        self.query_one("#ms-title").focus()

    @work(thread=True, exclusive=True, group="milestone")
    def save(self, values: dict) -> None:
        from ccmtui.actions.ids import short
        from ccmtui.actions.workplan import NewMilestone, add_milestone
        from ccmtui.domain.engagements import parse_action_points
        from ccmtui.domain.workplan import Due

        errors: dict[str, str] = {}
        with reporting(self), self.app.source.reader() as reader:
            parsed = _fields(
                values,
                errors,
                {
                    "due": lambda: Due.parse(values["due"], "--due"),
                    "ap": lambda: parse_action_points([values["ap"]] if values["ap"] else []),
                    "engagements": lambda: _engagement_ids(reader, values["engagements"]),
                },
            )
            if errors:
                deliver(self, self.show_errors, errors)
                return
            milestone = NewMilestone(
                title=values["title"], due=parsed["due"], notes=values["notes"], action_points=parsed["ap"], engagements=parsed["engagements"]
            )
            try:
                with self.app.source.writing(f"add milestone {values['title'][:200]}") as writer:
                    row = add_milestone(writer, self.plan_uuid, milestone)
            except CCMError as error:
                deliver(self, self.show_errors, {"form": str(error)})
                return
            deliver(self, self.saved, f"Added milestone {short(row['uuid'])}, due {parsed['due'].label}: {row['title']}")


class UpdateMilestoneDialog(MilestoneForm):
    FIELDS = ("move", "date", "new-due", "note", "engagements")

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
            yield from self.row("Change", Select(allowed, prompt="Start, done, slip or drop", id="ms-move", compact=True))
            yield from self.row("On", Input(self.app.source.today.isoformat(), placeholder="YYYY-MM-DD", id="ms-date", compact=True))
            yield from self.row("New due", Input(placeholder="For a slip: 2025Q3 or YYYY-MM-DD", id="ms-new-due", compact=True))
            yield from self.row("Note", Input(placeholder="A dated line for its notes (the reason, for a slip or drop)", id="ms-note", compact=True))
            yield from self.row("Engagements", Input(placeholder="When done: ids of the engagements that delivered it", id="ms-engagements", compact=True))
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        box = self.query_one("#milestone-box")
        box.border_title = f"Milestone {self.line.id[:8]} · due {self.line.due.label} · {self.line.status_label}"
        self.query_one("#ms-move").focus()

    @work(thread=True, exclusive=True, group="milestone")
    def save(self, values: dict) -> None:
        from ccmtui.actions import workplan as actions
        from ccmtui.domain.errors import InputError
        from ccmtui.domain.workplan import Due, slip_length

        move = values["move"]
        uuid = self.line.id
        errors: dict[str, str] = {}
        source = self.app.source
        with reporting(self), source.register() as register:

            def chosen():
                if not move:
                    raise InputError("choose the change: start, done, slip or drop")
                return move

            parsed = _fields(
                values,
                errors,
                {
                    "move": chosen,
                    "date": lambda: register.resolve_day(values["date"] or source.today.isoformat(), "--date"),
                    "new-due": lambda: Due.parse(values["new-due"], "new due") if move == "slip" else None,
                    "engagements": lambda: _engagement_ids(register.reader, values["engagements"]) if move == "done" else [],
                },
            )
            if errors:
                deliver(self, self.show_errors, errors)
                return
            day, note = parsed["date"], values["note"]
            # The same commands, change-set names and messages as `ccm milestone start|done|slip|drop`.
            try:
                if move == "start":
                    with source.writing("start milestone") as writer:
                        row = actions.start_milestone(writer, uuid, day, note)
                    message = f"In progress: {row['title']}"
                elif move == "done":
                    with source.writing("milestone done") as writer:
                        row = actions.complete_milestone(writer, uuid, day, note, parsed["engagements"])
                    due = Due.stored(row["due_on"], row["due_quarter"])
                    late = f", {(day - due.on).days} days after it was due ({due.label})" if day > due.on else ""
                    message = f"Done on {day.isoformat()}{late}: {row['title']}"
                elif move == "slip":
                    new_due = parsed["new-due"]
                    with source.writing(f"slip milestone to {new_due.label}") as writer:
                        row, old = actions.slip_milestone(writer, uuid, new_due, day, note)
                    message = f"Slipped from {old.label} to {new_due.label} ({slip_length(old, new_due)}): {row['title']}"
                else:
                    with source.writing("drop milestone") as writer:
                        row = actions.drop_milestone(writer, uuid, day, note)
                    message = f"Dropped: {row['title']}"
            except CCMError as error:
                deliver(self, self.show_errors, {"form": str(error)})
                return
            deliver(self, self.saved, message)
