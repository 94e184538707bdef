"""Start a work plan in the app, through the action `ccm workplan new` calls: from nothing, or from
a previous plan whose objectives and milestones are copied and moved on."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select

from ccmtui.domain.areas import AREAS
from ccmtui.tui.dialogs.milestone import MilestoneForm
from ccmtui.tui.workers import deliver


class NewWorkPlanDialog(MilestoneForm):
    FIELDS = ("area", "title", "period", "coordinators", "from", "shift")
    ERROR_FIELDS = (*FIELDS, "form")

    def __init__(self, plans: list[tuple[str, str, str]], area: str | None = None):
        super().__init__()
        self.plans = plans  # (label, id, area) of the plans there are, to start from
        self.area = area

    def compose(self) -> ComposeResult:
        areas = [(label, key) for key, label in AREAS.items()]
        with Vertical(id="milestone-box", classes="dialog form"):
            yield from self.row(
                "Area",
                Select(
                    areas,
                    prompt="Thematic area (or the plan it starts from)",
                    id="ms-area",
                    compact=True,
                    value=self.area if self.area in AREAS else Select.NULL,
                ),
            )
            yield from self.row(
                "Title",
                Input(placeholder="e.g. Stockpile destruction work plan 2026–2027", id="ms-title", compact=True),
            )
            yield from self.row("Period", Input(placeholder="2026-2027", id="ms-period", compact=True))
            yield from self.row(
                "Coordinators",
                Input(placeholder="States, comma-separated (ISO3 or names)", id="ms-coordinators", compact=True),
            )
            yield from self.row(
                "Start from",
                Select(
                    [(label, uuid) for label, uuid, _ in self.plans],
                    prompt="Nothing (or a previous plan)",
                    id="ms-from",
                    compact=True,
                ),
            )
            yield from self.row(
                "Shift",
                Input(
                    placeholder="Quarters to move its milestones on (default: the periods' gap)",
                    id="ms-shift",
                    compact=True,
                ),
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#milestone-box").border_title = "New work plan"
        self.query_one("#ms-title" if self.area else "#ms-area").focus()

    @on(Select.Changed, "#ms-from")
    def started_from(self, event: Select.Changed) -> None:
        """A plan to start from brings its area (which may then be changed)."""
        area = next((area for _, uuid, area in self.plans if uuid == event.value), None)
        if area:
            self.query_one("#ms-area", Select).value = area

    @work(thread=True, exclusive=True, group="workplan-new")
    def save(self, values: dict) -> None:
        from ccmtui.actions.workplan_new import new_work_plan

        source = self.app.source
        # A plan chosen to start from, of another area than the one chosen: the choice says so.
        written = self.run_action(
            lambda register: new_work_plan(
                register,
                source.writing,
                area=values["area"] or None,
                title=values["title"],
                period=values["period"],
                coordinators=[values["coordinators"]],
                from_plan=values["from"] or None,
                shift=values["shift"] or None,
                area_option=values["area"] or None,
            )
        )
        if written:
            deliver(self, self.created, written)

    def created(self, written) -> None:
        from ccmtui.tui.messages import DataChanged

        self.app.notify(written.message, title="Work plan")
        self.app.post_message(DataChanged("milestones"))
        self.dismiss(written.record["uuid"])
