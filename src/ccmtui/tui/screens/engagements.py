"""Every engagement, newest first, a page at a time, filtered by state, area, kind and dates."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Select

from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import KINDS
from ccmtui.tui import format as fmt
from ccmtui.reports.engagements import EngagementFilter
from ccmtui.tui.pager import Cursor, fetch
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.workers import deliver, reporting

PAGE_SIZE = 100


class EngagementsScreen(SectionScreen):
    SECTION = "engagements"
    AUTO_FOCUS = "#engagements-table"
    BINDINGS = [
        Binding("right_square_bracket", "next_page", "Next page", key_display="]", id="engagements.next"),
        Binding("left_square_bracket", "previous_page", "Previous page", key_display="[", id="engagements.previous"),
        Binding("g", "first_page", "First page", show=False, id="engagements.first"),
        Binding("slash", "focus_filter", "Filter", key_display="/", id="engagements.filter"),
        Binding("escape", "clear_filters", "Clear filters", id="engagements.clear"),
    ]

    def __init__(self):
        super().__init__()
        self.filters = EngagementFilter()
        self.cursors: list[Cursor] = [Cursor()]
        self.next_cursor: Cursor | None = None
        self.shown = 0
        self.searching: str | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Input(placeholder="State (name, alias, ISO3)", id="eng-state", compact=True)
            yield Select([(label, slug) for slug, label in AREAS.items()], prompt="Any area", id="eng-area", compact=True)
            yield Select([(label, slug) for slug, label in KINDS.items()], prompt="Any kind", id="eng-kind", compact=True)
            yield Input(placeholder="Since", id="eng-since", compact=True)
            yield Input(placeholder="Until", id="eng-until", compact=True)
            yield Input(placeholder="Search words", id="eng-text", compact=True)
        yield Label("", id="engagements-error", classes="error")
        yield DataTable(id="engagements-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#engagements-table", DataTable)
        table.add_column("Date", key="date")
        table.add_column("Kind", width=12, key="kind")
        table.add_column("Area", width=16, key="area")
        table.add_column("With", width=20, key="with")
        table.add_column("Summary", key="summary")
        table.loading = True
        self.query_one("#engagements-error").display = False

    def reload(self) -> None:
        if self.searching:
            self.search(self.searching)
        else:
            self.load_page(self.cursors[-1])

    # -- filters: parsed in a worker with the CLI's own parsers, then page 1
    def _select(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return None if value == Select.NULL else str(value)

    @on(Select.Changed)
    @on(Input.Submitted, ".filters Input")
    @on(Input.Blurred, ".filters Input")
    def filters_changed(self, event) -> None:
        if isinstance(event, Input.Submitted):
            self.query_one("#engagements-table").focus()
        text = self.query_one("#eng-text", Input).value.strip()
        if text:
            self.search(text)
            return
        if self.searching:
            self.searching = None
            self.filters = None  # the list is showing search hits: read the page again
        self.apply_filters(
            self.query_one("#eng-state", Input).value.strip(),
            self._select("#eng-area"),
            self._select("#eng-kind"),
            self.query_one("#eng-since", Input).value.strip(),
            self.query_one("#eng-until", Input).value.strip(),
        )

    @work(thread=True, exclusive=True, group="engagements-filters")
    def apply_filters(self, state: str, area: str | None, kind: str | None, since: str, until: str) -> None:
        from ccmtui.domain.errors import CCMError

        with reporting(self), self.app.source.register() as register:
            try:
                index = self.app.index or register.index
                filters = EngagementFilter(
                    state=index.resolve(state) if state else None,
                    area=area,
                    kind=kind,
                    since=register.resolve_day(since, "--since") if since else None,
                    until=register.resolve_day(until, "--until") if until else None,
                )
            except CCMError as error:
                deliver(self, self._show_error, str(error))
                return
            deliver(self, self._set_filters, filters)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#engagements-error", Label)
        error.update(f"Error: {message}")
        error.display = True

    def _set_filters(self, filters: EngagementFilter) -> None:
        self.query_one("#engagements-error").display = False
        if filters == self.filters or self.searching:
            return
        self.filters = filters
        self.cursors = [Cursor(filters.until) if filters.until else Cursor()]
        self.load_page(self.cursors[0])

    # -- pages
    @work(thread=True, exclusive=True, group="engagements-page")
    def load_page(self, cursor: Cursor) -> None:
        filters = self.filters
        with reporting(self), self.app.source.register() as register:
            page = fetch(register.reader, filters, cursor, PAGE_SIZE)
            index = self.app.index or register.index
            rows = [
                (
                    line.uuid,
                    fmt.day(line.occurred_on),
                    fmt.kind(line.kind),
                    fmt.area(line.area),
                    fmt.names(line.states, index, 2),
                    line.summary,
                )
                for line in page.lines
            ]
            deliver(self, self._show_page, rows, page.more, page.next)

    def _show_page(self, rows: list, more: bool, following: Cursor | None) -> None:
        table = self.query_one("#engagements-table", DataTable)
        table.clear()
        for key, *cells in rows:
            table.add_row(*cells, key=key)
        table.loading = False
        self.next_cursor = following
        self.shown = len(rows)
        number = len(self.cursors)
        first = (number - 1) * PAGE_SIZE + 1
        if rows:
            span = f"{first}–{first + len(rows) - 1}"
            title = f"Engagements {span} · page {number}" + (" · ] next" if more else " · last page")
        else:
            title = "No engagements match" if number == 1 else "No more engagements"
        table.border_title = title

    # -- full-text search, as `ccm search`: the best matches, no pages
    @work(thread=True, exclusive=True, group="engagements-page")
    def search(self, text: str) -> None:
        from ccmtui.domain.errors import CCMError
        from ccmtui.reports.engagements import search

        with reporting(self), self.app.source.reader() as reader:
            try:
                hits = search(reader, text, limit=PAGE_SIZE)
            except CCMError as error:
                deliver(self, self._show_error, str(error))
                return
            states: dict[str, list[str]] = {}
            if hits:
                for row in reader.rows("states_of_engagements", uuids=[h.uuid for h in hits]):
                    states.setdefault(row.engagement_uuid, []).append(row.iso3)
            index = self.app.index
            rows = [
                (
                    h.uuid,
                    fmt.day(h.occurred_on),
                    fmt.kind(h.kind),
                    fmt.area(h.area),
                    fmt.names(states.get(h.uuid, []), index, 2),
                    # Where the words were found, when not in the summary itself.
                    h.summary if h.excerpt == h.summary else f"{h.summary} · {h.excerpt}",
                )
                for h in hits
            ]
            deliver(self, self._show_hits, text, rows)

    def _show_hits(self, text: str, rows: list) -> None:
        self.query_one("#engagements-error").display = False
        self.searching = text
        self._show_page(rows, False, None)
        matches = "no engagement" if not rows else fmt.plural(len(rows), "engagement")
        more = " (the best 100)" if len(rows) == PAGE_SIZE else ""
        self.query_one("#engagements-table").border_title = f"{matches} with “{text}”{more}"

    def action_next_page(self) -> None:
        if self.searching:
            return
        if self.next_cursor is not None:
            self.cursors.append(self.next_cursor)
            self.next_cursor = None
            self.load_page(self.cursors[-1])

    def action_previous_page(self) -> None:
        if len(self.cursors) > 1 and not self.searching:
            self.cursors.pop()
            self.load_page(self.cursors[-1])

    def action_first_page(self) -> None:
        self.cursors = self.cursors[:1]
        self.load_page(self.cursors[0])

    def action_focus_filter(self) -> None:
        self.query_one("#eng-state", Input).focus()

    def action_clear_filters(self) -> None:
        for selector in ("#eng-state", "#eng-since", "#eng-until", "#eng-text"):
            self.query_one(selector, Input).value = ""
        if self.searching:
            self.searching = None
            self.filters = None
        for select in self.query(Select):
            select.clear()
        self.query_one("#engagements-table").focus()
        self._set_filters(EngagementFilter())

    @on(DataTable.RowSelected, "#engagements-table")
    def open_engagement(self, event: DataTable.RowSelected) -> None:
        self.app.open_engagement(event.row_key.value)
