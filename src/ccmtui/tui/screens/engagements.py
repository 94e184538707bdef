"""Every engagement, newest first, in one list of any length, filtered by state, area, kind and dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from ccmtui.db.queries import Q
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import KINDS
from ccmtui.reports.engagements import EngagementFilter
from ccmtui.textsafe import literal
from ccmtui.tui import format as fmt
from ccmtui.tui.pager import EngagementRows, count_days
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.field_errors import in_app_words
from ccmtui.tui.widgets.literal_table import literal_content
from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

SEARCH_HITS = 100
COLUMNS = (
    Column("Date", 10),
    Column("Kind", 12),
    Column("Area", 16),
    Column("With", 20),
    Column("Summary"),
)


class EngagementsScreen(RecordKeys, SectionScreen):
    SECTION = "engagements"
    AUTO_FOCUS = "#engagements-table"
    BINDINGS = [
        Binding("right_square_bracket", "page_down", "Page down", show=False, key_display="]", id="engagements.next"),
        Binding("left_square_bracket", "page_up", "Page up", show=False, key_display="[", id="engagements.previous"),
        Binding("slash", "focus_filter", "Filter", key_display="/", id="engagements.filter"),
        Binding("escape", "clear_filters", "Clear filters", id="engagements.clear"),
        *record_bindings("engagements"),
    ]

    def __init__(self):
        super().__init__()
        self.filters = EngagementFilter()
        self.rows: EngagementRows | None = None
        self.searching: str | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Input(placeholder="State: name, alias, ISO3", id="eng-state", compact=True)
            yield Select(
                [(label, slug) for slug, label in AREAS.items()], prompt="Area: any", id="eng-area", compact=True
            )
            yield Select(
                [(label, slug) for slug, label in KINDS.items()], prompt="Kind: any", id="eng-kind", compact=True
            )
            yield Input(placeholder="Since: any day", id="eng-since", compact=True)
            yield Input(placeholder="Until: today", id="eng-until", compact=True)
            yield Input(placeholder="Words: search", id="eng-text", compact=True)
        yield Label("", id="engagements-error", classes="error")
        yield VirtualTable(COLUMNS, id="engagements-table")

    def highlighted_record(self) -> str | None:
        row = self.table.cursor_row
        return row.key if row is not None else None

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#engagements-table", VirtualTable)

    def on_mount(self) -> None:
        self.table.loading = True
        self.table.border_title = "Engagements"
        self.query_one("#engagements-error").display = False

    def reload(self) -> None:
        if self.searching:
            self.filters_changed()
        else:
            self.show_list(keep_cursor=self.rows is not None)

    # -- filters: parsed in a worker with the CLI's own parsers, then the list from the top,
    # or the words searched within them
    def _select(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return None if value == Select.NULL else str(value)

    @on(Select.Changed)
    @on(Input.Submitted, ".filters Input")
    @on(Input.Blurred, ".filters Input")
    def filters_changed(self, event=None) -> None:
        if isinstance(event, Input.Submitted):
            self.table.focus()
        text = self.query_one("#eng-text", Input).value.strip()
        if not text and self.searching:
            self.searching = None
            self.filters = None  # the list is showing search hits: read the list again
        self.apply_filters(
            self.query_one("#eng-state", Input).value.strip(),
            self._select("#eng-area"),
            self._select("#eng-kind"),
            self.query_one("#eng-since", Input).value.strip(),
            self.query_one("#eng-until", Input).value.strip(),
            text,
        )

    @work(thread=True, exclusive=True, group="engagements-filters")
    def apply_filters(
        self, state: str, area: str | None, kind: str | None, since: str, until: str, text: str = ""
    ) -> None:
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
                if text:
                    rows = self._search(register.reader, text, filters)
            except CCMError as error:
                deliver(self, self._show_error, str(error))
                return
            if text:
                deliver(self, self._show_hits, text, rows, filters)
            else:
                deliver(self, self._set_filters, filters)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#engagements-error", Label)
        error.update(literal(f"Error: {in_app_words(message)}", lines=False))
        error.display = True

    def _set_filters(self, filters: EngagementFilter) -> None:
        self.query_one("#engagements-error").display = False
        if filters == self.filters or self.searching:
            return
        self.filters = filters
        self.show_list()

    # -- the list: the first block at once, every other one once the days are counted
    def show_list(self, keep_cursor: bool = False) -> None:
        self.rows = EngagementRows(self.filters, self.app.index)
        self.table.show(self.rows, keep_cursor=keep_cursor)
        self.table.border_title = "Engagements · counting…"
        self.count(self.rows)

    @work(thread=True, exclusive=True, group="engagements-count")
    def count(self, rows: EngagementRows) -> None:
        with reporting(self), self.app.source.reader() as reader:
            days = count_days(reader, rows.filters)
            deliver(self, self._counted, rows, days)

    def _counted(self, rows: EngagementRows, days) -> None:
        if rows is not self.rows or self.searching:
            return
        rows.counted(days)
        table = self.table
        table.set_length(days.total)
        if not days.total:
            table.border_title = "No engagements match"
            return
        filtered = self.filters != EngagementFilter()
        number = f"{days.total:,} engagement{'s' * (days.total != 1)}"
        table.border_title = f"{number}{' match' * filtered}, newest first"

    # -- full-text search, as `ccm search`: the best matches within the filters, a short list
    def _search(self, reader: Reader, text: str, filters: EngagementFilter) -> list[Row]:
        from ccmtui.reports.engagements import search

        hits = search(reader, text, limit=SEARCH_HITS, chosen=filters)
        states: dict[str, list[str]] = {}
        if hits:
            for row in reader.rows(Q.states_of_engagements, uuids=[h.uuid for h in hits]):
                states.setdefault(row.engagement_uuid, []).append(row.iso3)
        index = self.app.index
        return [
            Row(
                h.uuid,
                (
                    fmt.day(h.occurred_on),
                    fmt.kind(h.kind),
                    fmt.area(h.area),
                    fmt.names(states.get(h.uuid, []), index, 2),
                    # Where the words were found, when not in the summary itself.
                    h.summary if h.excerpt == h.summary else f"{h.summary} · {h.excerpt}",
                ),
            )
            for h in hits
        ]

    def _show_hits(self, text: str, rows: list[Row], filters: EngagementFilter) -> None:
        self.query_one("#engagements-error").display = False
        self.searching = text
        self.filters = filters
        self.rows = None
        self.workers.cancel_group(self, "engagements-count")
        table = self.table
        table.show(LocalRows(rows, lambda _, row: row))
        matches = "no engagement" if not rows else fmt.plural(len(rows), "engagement")
        more = f" (the best {SEARCH_HITS})" if len(rows) == SEARCH_HITS else ""
        within = " within the filters" if filters != EngagementFilter() else ""
        table.border_title = literal_content(f"{matches} with “{text}”{within}{more}")

    # -- keys
    def action_page_down(self) -> None:
        self.table.action_page_down()

    def action_page_up(self) -> None:
        self.table.action_page_up()

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
        self.table.focus()
        self._set_filters(EngagementFilter())

    @on(VirtualTable.RowSelected, "#engagements-table")
    def open_engagement(self, event: VirtualTable.RowSelected) -> None:
        self.app.open_engagement(event.key)
