"""All 197 states: status, treaty dates and category, as of any day, with filters."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from ccmtui.domain.categories import DEFAULT_MAX_AGE_MONTHS, Category
from ccmtui.domain.errors import CCMError
from ccmtui.domain.treaty import Status
from ccmtui.reports.render import STATUS_STYLE
from ccmtui.tui import format as fmt
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.field_errors import in_app_words
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting

STATUS_OPTIONS = [
    ("States Parties (party + pending)", "states-parties"),
    *((status.value, status.value) for status in Status),
]
REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")


class StatesScreen(SectionScreen):
    SECTION = "states"
    AUTO_FOCUS = "#states-table"
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", key_display="/", id="states.filter"),
        Binding("K", "app.classify", "Classify", id="states.classify"),
        Binding("N", "log_with", "Log with", id="states.log"),
        Binding("escape", "clear_filters", "Clear filters", id="states.clear"),
        Binding("P", "next_states", "Contact next", show=False, id="states.next"),
        Binding("M", "momentum", "Momentum", show=False, id="states.momentum"),
    ]

    def action_next_states(self) -> None:
        """Who to contact next, ranked and explained (`ccm next`)."""
        from ccmtui.tui.screens.universalization import NextScreen

        self.app.push_screen(NextScreen())

    def action_momentum(self) -> None:
        """Each grouping's share of states joined and its holdouts (`ccm momentum`)."""
        from ccmtui.tui.screens.universalization import MomentumScreen

        self.app.push_screen(MomentumScreen())

    def __init__(self):
        super().__init__()
        self.as_of: date | None = None
        self.shown = 0

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="state-filters", classes="filters"):
            yield Input(placeholder="State: name, alias or ISO3", id="filter-name", compact=True)
            yield Select(STATUS_OPTIONS, prompt="Status: any", id="filter-status", compact=True)
            yield Select([(r, r) for r in REGIONS], prompt="Region: any", id="filter-region", compact=True)
            yield Select(
                [(f"Category {c.value}", c.value) for c in Category],
                prompt="Category: any",
                id="filter-category",
                compact=True,
            )
            yield Input(placeholder="As of: today", id="filter-as-of", compact=True)
        yield Label("", id="states-error", classes="error")
        table = DataTable(id="states-table", cursor_type="row", zebra_stripes=True)
        table.border_title = "States"
        yield table

    def on_mount(self) -> None:
        table = self.query_one("#states-table", DataTable)
        # The key columns first: at 80 columns they show through the category and its date.
        table.add_column("State", width=22, key="name")
        table.add_column("ISO3", key="iso3")
        table.add_column("Region", width=8, key="region")
        table.add_column("Status", width=13, key="status")
        table.add_column("Cat.", key="category")
        table.add_column("Since", key="category-since")
        table.add_column("Deposited", key="deposited")
        table.add_column("Signed", key="signed")
        table.add_column("In force", key="in-force")
        table.flex = "name"
        table.warm_ahead = True  # a letter typed jumps anywhere in the 197 rows
        table.loading = True

    def reload(self) -> None:
        self.apply_filters()

    # -- filters
    def _value(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return None if value == Select.NULL else str(value)

    @on(Input.Changed, "#filter-name")
    @on(Select.Changed)
    @on(Input.Submitted, "#filter-as-of")
    def filters_changed(self) -> None:
        self.apply_filters()

    @on(Input.Blurred, "#filter-as-of")
    def as_of_left(self) -> None:
        self.apply_filters()

    @on(Input.Submitted, "#filter-name")
    def name_entered(self) -> None:
        # The name typed, Enter goes to the matching states (and Enter again opens one).
        self.query_one("#states-table").focus()

    def apply_filters(self) -> None:
        self.load(
            self.query_one("#filter-name", Input).value,
            self._value("#filter-status"),
            self._value("#filter-region"),
            self._value("#filter-category"),
            self.query_one("#filter-as-of", Input).value.strip(),
        )

    @work(thread=True, exclusive=True, group="states")
    def load(self, name: str, status: str | None, region: str | None, category: str | None, as_of: str) -> None:
        from ccmtui.reports.register import build_filter

        source = self.app.source
        with reporting(self), source.register() as register:
            try:
                # The same reading of --as-of, --status, --region and --category as `ccm status`.
                day = register.resolve_day(as_of, "--as-of") if as_of else source.today
                chosen = build_filter(
                    register,
                    statuses=[status] if status else (),
                    regions=[region] if region else (),
                    categories=[category] if category else (),
                )
            except CCMError as error:
                deliver(self, self._show_error, str(error))
                return
            rows = [state for state in register.on(day) if chosen.keeps(state)]
            if name.strip():
                index = self.app.index or register.index
                matching = set(index.search(name, limit=len(index.iso3_codes())))
                rows = [state for state in rows if state.iso3 in matching]
            deliver(self, self._show, rows, day)

    def _show_error(self, message: str) -> None:
        self.query_one("#states-error", Label).update(in_app_words(message))
        self.query_one("#states-error").display = True

    def _show(self, rows: list, day: date) -> None:
        from ccmtui.config import category_max_age
        from ccmtui.domain.categories import is_stale

        try:
            months = category_max_age(self.app.source.config)
        except CCMError:
            months = DEFAULT_MAX_AGE_MONTHS
        self.query_one("#states-error").display = False
        self.as_of = day
        table = self.query_one("#states-table", DataTable)
        current = self.selected_state()
        table.clear()
        for state in rows:
            table.add_row(
                state.name,
                state.iso3,
                state.region,
                Text(state.status.value, style=STATUS_STYLE[state.status]),
                state.category or "",
                # A category older than category_max_age months is stale: marked, to be re-assessed.
                Text(fmt.day(state.category_since) + "*", style="yellow")
                if is_stale(state.category_since, day, months)
                else fmt.day(state.category_since),
                fmt.day(state.deposited),
                fmt.day(state.signed),
                fmt.day(state.entry_into_force),
                key=state.iso3,
            )
        table.loading = False
        self.shown = len(rows)
        stale = sum(1 for state in rows if is_stale(state.category_since, day, months))
        marked = f" · {stale} stale (*: assessed over {months} months before)" if stale else ""
        table.border_title = f"{fmt.plural(len(rows), 'state')} as of {day.isoformat()}{marked}"
        if current and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), scroll=False)

    # -- actions
    def selected_state(self) -> str | None:
        table = self.query_one("#states-table", DataTable)
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None

    @on(DataTable.RowSelected, "#states-table")
    def open_state(self, event: DataTable.RowSelected) -> None:
        from ccmtui.tui.screens.state_detail import StateDetailScreen

        self.app.push_screen(StateDetailScreen(event.row_key.value))

    def action_focus_filter(self) -> None:
        self.query_one("#filter-name", Input).focus()

    def action_clear_filters(self) -> None:
        self.query_one("#filter-name", Input).value = ""
        for select in self.query(Select):
            select.clear()
        self.query_one("#filter-as-of", Input).value = ""
        self.query_one("#states-table").focus()
        self.apply_filters()

    def action_log_with(self) -> None:
        iso3 = self.selected_state()
        if iso3:
            self.app.log_with([iso3])
