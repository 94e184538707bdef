"""Work plans and their milestones: follow each one through to done, slipped or dropped."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ccmtui.db.queries import Q
from ccmtui.domain.areas import AREAS
from ccmtui.domain.workplan import OPEN_STATUSES, period_label
from ccmtui.textsafe import literal
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting

STATUS_STYLE = {"planned": "", "in-progress": "cyan", "done": "green", "slipped": "yellow", "dropped": "dim"}


class WorkPlanScreen(RecordKeys, SectionScreen):
    SECTION = "workplan"
    AUTO_FOCUS = "#milestones"
    BINDINGS = [
        Binding("N", "new_plan", "New plan…", id="workplan.new"),
        Binding("A", "add_milestone", "Add milestone…", id="workplan.add"),
        Binding("U", "update_milestone", "Update milestone…", id="workplan.update"),
        Binding("V", "view_plan", "Whole plan", id="workplan.view"),
        Binding("Q", "quarter", "Quarter summary", id="workplan.quarter"),
        *record_bindings("workplan", show=False),
    ]

    def __init__(self):
        super().__init__()
        self.plan: str | None = None
        self.plans: dict[str, object] = {}
        self.lines: dict[str, object] = {}

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="milestones", cursor_type="row", zebra_stripes=True)
        yield Static(id="milestone-preview")

    def on_mount(self) -> None:
        plans = self.query_one("#plans", DataTable)
        plans.border_title = "Work plans"
        plans.add_column("Area", width=22, key="area")
        plans.add_column("Period", key="period")
        plans.add_column("Coordinators", width=16, key="coordinators")
        plans.add_column("Done", key="done")
        plans.add_column("Title", key="title")
        plans.flex = "title"
        plans.loading = True
        milestones = self.query_one("#milestones", DataTable)
        milestones.border_title = "Milestones"
        milestones.add_column("Due", key="due")
        milestones.add_column("Status", width=18, key="status")
        milestones.add_column("Milestone", width=52, key="title")
        milestones.flex = "title"
        milestones.add_column("Points", key="points")

    def reload(self) -> None:
        self.load_plans()

    @work(thread=True, exclusive=True, group="workplans")
    def load_plans(self) -> None:
        with reporting(self), self.app.source.reader() as reader:
            # What `ccm workplan list` shows.
            plans = reader.rows(Q.work_plans, area=None)
            states = reader.rows(Q.work_plan_states, uuids=[p.uuid for p in plans]) if plans else []
            coordinators = {
                p.uuid: ", ".join(s.name for s in states if s.work_plan_uuid == p.uuid and s.role == "coordinator")
                for p in plans
            }
            deliver(self, self._show_plans, plans, coordinators)

    def _show_plans(self, plans: list, coordinators: dict) -> None:
        table = self.query_one("#plans", DataTable)
        table.clear()
        self.plans = {p.uuid: p for p in plans}
        for p in plans:
            table.add_row(
                AREAS[p.area],
                period_label(p.starts_on, p.ends_on),
                coordinators[p.uuid],
                f"{p.done}/{p.milestones}",
                p.title,
                key=p.uuid,
            )
        table.loading = False
        table.border_title = f"Work plans · {len(plans)}"
        if not plans:
            self.query_one(
                "#milestones", DataTable
            ).border_title = "No work plans yet: N starts one (or `ccm workplan import FILE.toml`)"
            return
        chosen = self.plan if self.plan in self.plans else plans[0].uuid
        table.move_cursor(row=table.get_row_index(chosen))
        self.choose(chosen)

    @on(DataTable.RowHighlighted, "#plans")
    def plan_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value and event.row_key.value != self.plan:
            self.choose(event.row_key.value)

    def choose(self, uuid: str) -> None:
        self.plan = uuid
        self.refresh_bindings()
        self.load_milestones(uuid)

    @work(thread=True, exclusive=True, group="workplan-milestones")
    def load_milestones(self, uuid: str) -> None:
        from ccmtui.reports.quarter import milestone_lines
        from ccmtui.reports.workplan import work_plan_detail

        today = self.app.source.today
        with reporting(self), self.app.source.reader() as reader:
            detail = work_plan_detail(reader, uuid)
            lines = milestone_lines(reader, detail.milestones, today, redact=False)
            deliver(self, self._show_milestones, lines)

    def _show_milestones(self, lines: list) -> None:
        table = self.query_one("#milestones", DataTable)
        current = self.selected_milestone()
        table.clear()
        self.lines = {m.id: m for m in lines}
        for m in lines:
            status = Text(m.status_label, style="red" if m.overdue else STATUS_STYLE.get(m.status, ""))
            table.add_row(m.due.label, status, m.title, " ".join(m.action_points), key=m.id)
        done = sum(m.status == "done" for m in lines)
        overdue = sum(m.overdue for m in lines)
        table.border_title = f"Milestones · {done} of {len(lines)} done" + (f" · {overdue} overdue" if overdue else "")
        if current in self.lines:
            table.move_cursor(row=table.get_row_index(current), scroll=False)
        self._preview()
        self.refresh_bindings()

    def selected_milestone(self) -> str | None:
        table = self.query_one("#milestones", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def highlighted_record(self) -> str | None:
        """The highlighted work plan when the plans have the focus, else the highlighted milestone."""
        plans = self.query_one("#plans", DataTable)
        if plans.has_focus and plans.row_count:
            return plans.coordinate_to_cell_key(plans.cursor_coordinate).row_key.value
        return self.selected_milestone()

    @on(DataTable.RowHighlighted, "#milestones")
    def _preview(self) -> None:
        from ccmtui.reports.quarter import status_text

        line = self.lines.get(self.selected_milestone())
        preview = self.query_one("#milestone-preview", Static)
        if line is None:
            preview.update("")
            return
        text = literal(line.title, "bold")
        text.append(f"\n{line.id[:8]} · due {line.due.label} · {status_text(line)}", style="")
        if line.notes:
            text.append_text(literal(f"\n{line.notes}", "dim"))
        preview.update(text)
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#milestones")
    def milestone_selected(self) -> None:
        self.action_update_milestone()

    # -- actions, each through the same functions as `ccm milestone …`
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "update_milestone":
            line = self.lines.get(self.selected_milestone())
            return (line is not None and line.status in OPEN_STATUSES) or None
        if action in ("add_milestone", "view_plan"):
            return self.plan is not None or None
        return True

    def action_add_milestone(self) -> None:
        from ccmtui.tui.dialogs.milestone import AddMilestoneDialog

        plan = self.plans.get(self.plan)
        if plan is not None:
            self.app.push_screen(
                AddMilestoneDialog(plan.uuid, f"{AREAS[plan.area]} {period_label(plan.starts_on, plan.ends_on)}")
            )

    def action_new_plan(self) -> None:
        from ccmtui.tui.dialogs.workplan_new import NewWorkPlanDialog

        choices = [
            (f"{period_label(p.starts_on, p.ends_on)} {AREAS[p.area]}: {p.title[:50]}", p.uuid, p.area)
            for p in self.plans.values()
        ]

        def chosen(uuid: str | None) -> None:
            if uuid:
                self.plan = uuid
                self.load_plans()

        self.app.push_screen(NewWorkPlanDialog(choices, self.app.source.config.get("area")), chosen)

    def action_update_milestone(self) -> None:
        from ccmtui.tui.dialogs.milestone import UpdateMilestoneDialog

        line = self.lines.get(self.selected_milestone())
        if line is not None and line.status in OPEN_STATUSES:
            self.app.push_screen(UpdateMilestoneDialog(line))

    def action_view_plan(self) -> None:
        from ccmtui.tui.dialogs.workplan_view import WorkPlanViewDialog

        if self.plan:
            self.app.push_screen(WorkPlanViewDialog(self.plan))

    def action_quarter(self) -> None:
        from ccmtui.tui.screens.quarter import QuarterScreen

        self.app.push_screen(QuarterScreen())
