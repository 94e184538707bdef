"""The virtual table on its own: placeholders first, rows as their blocks arrive, a bounded cache."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from types import SimpleNamespace

from textual.app import App, ComposeResult

from ccmtui.tui.widgets.virtual_table import BLOCK, KEPT_BLOCKS, PLACEHOLDER, Column, Row, VirtualTable

from .conftest import notices, screen_text, settle

LENGTH = 1_000_000


class Numbers:
    """A million rows made up on request; each read waits until the test lets it through."""

    local = False

    def __init__(self, length: int | None = LENGTH):
        self.length = length
        self.reads: list[int] = []
        self.gate = threading.Event()

    def read(self, register, start: int, count: int) -> list[Row]:
        self.gate.wait(10)
        self.reads.append(start)
        return [Row(f"n{i}", (f"{i:07d}", f"row number {i}")) for i in range(start, min(start + count, LENGTH))]


class TableApp(App[None]):
    def __init__(self, rows: Numbers):
        super().__init__()
        self.rows = rows
        self.selected: list[str] = []
        self.highlighted: list[str] = []
        # What the table's workers open: nothing to open for made-up rows.
        self.source = SimpleNamespace(register=contextmanager(lambda: (yield None)))

    def compose(self) -> ComposeResult:
        yield VirtualTable([Column("Number", 7), Column("Text")], id="numbers")

    def on_mount(self) -> None:
        table = self.query_one(VirtualTable)
        table.border_title = "Numbers"
        table.focus()
        table.show(self.rows)

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        self.selected.append(event.key)

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self.highlighted.append(event.key)


async def test_placeholders_until_the_block_arrives_then_rows():
    rows = Numbers()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        seen = screen_text(app)
        assert "Number" in seen and PLACEHOLDER in seen and "row number" not in seen
        rows.gate.set()
        await settle(pilot)
        seen = screen_text(app)
        assert "0000000  row number 0" in seen and PLACEHOLDER not in seen
        assert app.highlighted == ["n0"]
        table = app.query_one(VirtualTable)
        assert table.border_subtitle == f"1 of {LENGTH:,}"


async def test_end_reads_only_the_last_block_and_enter_selects_it():
    rows = Numbers()
    rows.gate.set()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        table = app.query_one(VirtualTable)
        assert table.cursor == LENGTH - 1
        assert "0999999  row number 999999" in screen_text(app)
        assert rows.reads == [0, (LENGTH - 1) // BLOCK * BLOCK]
        await pilot.press("enter")
        await pilot.press("up", "up", "enter")
        await settle(pilot)
        assert app.selected == ["n999999", "n999997"]
        assert table.border_subtitle == f"999,998 of {LENGTH:,}"


async def test_the_cache_keeps_a_bounded_number_of_blocks():
    rows = Numbers()
    rows.gate.set()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        await settle(pilot)
        table = app.query_one(VirtualTable)
        # More blocks than are kept, each read once.
        for block in range(KEPT_BLOCKS + 5):
            table.scroll_to(y=block * BLOCK * 7, animate=False)
            await settle(pilot)
        assert len(set(rows.reads)) > KEPT_BLOCKS
        assert len(table._blocks) <= KEPT_BLOCKS
        # A block let go is read again when it comes back into view.
        table.scroll_to(y=0, animate=False)
        await settle(pilot)
        assert "0000000  row number 0" in screen_text(app)


async def test_a_list_not_counted_yet_shows_its_first_block_and_end_waits_for_the_count():
    rows = Numbers(length=None)
    rows.gate.set()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        await settle(pilot)
        table = app.query_one(VirtualTable)
        assert table.length == BLOCK and not table.counted
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor == 0
        table.set_length(LENGTH)
        await settle(pilot)
        assert table.cursor == LENGTH - 1 and "row number 999999" in screen_text(app)


async def test_a_click_moves_the_cursor_and_a_second_click_selects():
    rows = Numbers()
    rows.gate.set()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        await settle(pilot)
        # The border, the header, then rows 0, 1, 2…
        await pilot.click(VirtualTable, offset=(5, 4))
        await settle(pilot)
        table = app.query_one(VirtualTable)
        assert table.cursor == 2
        await pilot.click(VirtualTable, offset=(5, 4))
        await settle(pilot)
        assert app.selected == ["n2"]


class Failing(Numbers):
    def read(self, register, start: int, count: int) -> list[Row]:
        from ccmtui.domain.errors import DatabaseError

        self.gate.wait(10)
        self.reads.append(start)
        raise DatabaseError("database is locked")


async def test_a_failed_read_is_one_notice_and_the_table_stops_loading():
    rows = Failing()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(VirtualTable)
        table.loading = True
        rows.gate.set()
        await settle(pilot)
        assert not table.loading
        assert notices(app) == ["database is locked"]
        assert PLACEHOLDER in screen_text(app)


async def test_a_resize_after_a_failed_read_does_not_read_again_but_showing_the_rows_does():
    # The table's first resize can arrive after its first read failed (a loaded machine): that
    # read was tried, and its notice shown, once.
    rows = Failing()
    rows.gate.set()
    app = TableApp(rows)
    async with app.run_test(size=(60, 12)) as pilot:
        await settle(pilot)
        assert rows.reads == [0] and notices(app) == ["database is locked"]
        await pilot.resize_terminal(70, 14)
        await settle(pilot)
        assert rows.reads == [0] and notices(app) == ["database is locked"]
        app.query_one(VirtualTable).show(rows)
        await settle(pilot)
        assert rows.reads == [0, 0] and notices(app) == ["database is locked"] * 2
