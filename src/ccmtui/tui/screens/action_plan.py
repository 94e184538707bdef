"""The action plans, action by action (`ccm actionplan list|show`): each action with the States Parties it
concerns and those that have done it; the highlighted action's states below it. Given a state (from its
page), only the actions it has values on."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select

from ccmtui.domain.action_plan import ACTION_PLANS, INDICATOR_VALUES
from ccmtui.domain.areas import AREAS
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

ACTION_COLUMNS = (Column("Action", 8), Column("Area", 22), Column("Concerned", 9), Column("Done", 5), Column("Title"))
STATE_COLUMNS = (Column("State", 18), Column("Year", 5), Column("Standing", 14), Column("Indicators"))


class ActionPlanScreen(SectionScreen):
    SECTION = "summary"
    CSS_PATH = "action_plan.tcss"
    AUTO_FOCUS = "#ap-actions"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="actionplan.back"),
        Binding("slash", "focus_filter", "Plan and state", key_display="/", id="actionplan.filter"),
        Binding("V", "set_value", "Set a value…", id="actionplan.value"),
    ]

    def __init__(self, iso3: str = "") -> None:
        super().__init__()
        self.iso3 = iso3
        self.actions: list = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select(
                [(name, code) for code, name in ACTION_PLANS.items()],
                prompt="All action plans",
                id="ap-plan",
                compact=True,
            )
            yield Input(self.iso3, placeholder="State: code or name (all states)", id="ap-state", compact=True)
        yield VirtualTable(ACTION_COLUMNS, id="ap-actions", classes="panel")
        yield VirtualTable(STATE_COLUMNS, id="ap-states", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#ap-actions").loading = True

    def reload(self) -> None:
        plan = self.query_one("#ap-plan", Select).value
        self.load(str(plan) if plan in ACTION_PLANS else None, self.query_one("#ap-state", Input).value.strip())

    @on(Select.Changed, "#ap-plan")
    def plan_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#ap-state")
    def state_changed(self) -> None:
        self.reload()
        self.query_one("#ap-actions").focus()

    @work(thread=True, exclusive=True, group="action-plan")
    def load(self, plan: str | None, state: str) -> None:
        from ccmtui.reports.action_plan import action_plan

        with reporting(self), self.app.source.register() as register:
            iso3 = register.index.resolve(state) if state else None
            actions = action_plan(register.reader, None, plan)
            if iso3:
                actions = [a for a in actions if any(s.iso3 == iso3 for s in a.states)]
            deliver(self, self._show, actions, register.index.name(iso3) if iso3 else None, iso3)

    def _show(self, actions: list, name: str | None, iso3: str | None) -> None:
        self.actions = actions
        table = self.query_one("#ap-actions", VirtualTable)

        def cells(i: int, a) -> Row:
            concerned = str(len(a.concerned)) if a.states else ""
            done = str(len(a.done)) if a.states else ""
            if iso3:
                mine = next(s for s in a.states if s.iso3 == iso3)
                concerned, done = "", INDICATOR_VALUES[mine.state]
            return Row(a.code, (a.code, AREAS.get(a.area, "—"), concerned, done, a.title or "—"))

        table.show(LocalRows(actions, cells), keep_cursor=True)
        table.loading = False
        whose = f" · {name}" if name else ""
        table.border_title = f"Actions{whose} · {len(actions)}"
        table.border_subtitle = "ccm actionplan list · V records a State Party's value"
        self._states(table.cursor)

    @on(VirtualTable.RowHighlighted, "#ap-actions")
    def action_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self._states(event.index)

    def _states(self, index: int) -> None:
        table = self.query_one("#ap-states", VirtualTable)
        if not self.actions or not 0 <= index < len(self.actions):
            table.show(LocalRows([], lambda i, s: Row(str(i), ())))
            table.border_title = "States"
            return
        action = self.actions[index]
        table.show(
            LocalRows(
                action.states,
                lambda i, s: Row(
                    s.iso3,
                    (
                        s.name,
                        str(s.year),
                        INDICATOR_VALUES[s.state],
                        ", ".join(f"{n}: {v}" for n, v in sorted(s.values.items())),
                    ),
                ),
            )
        )
        table.border_title = f"{action.code} · {len(action.concerned)} concerned · {len(action.done)} done"
        table.border_subtitle = "no values recorded" if not action.states else f"ccm actionplan show {action.code}"

    def action_set_value(self) -> None:
        """An indicator's value for the highlighted action and state (or the state filtered on)."""
        from ccmtui.tui.dialogs.indicator import IndicatorDialog

        actions = self.query_one("#ap-actions", VirtualTable)
        action = self.actions[actions.cursor].code if 0 <= actions.cursor < len(self.actions) else ""
        state = self.query_one("#ap-state", Input).value.strip()
        if self.focused is self.query_one("#ap-states") and self.query_one("#ap-states", VirtualTable).cursor_row:
            state = self.query_one("#ap-states", VirtualTable).cursor_row.key
        year = str(self.app.source.today.year)
        self.app.push_screen(IndicatorDialog(state=state, action=action, year=year))

    def action_focus_filter(self) -> None:
        self.query_one("#ap-plan").focus()
