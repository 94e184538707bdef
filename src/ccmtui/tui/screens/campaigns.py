"""Campaigns: the board (replied, pending, no reply, rate) and the replies to one campaign."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding

from ccmtui.db.queries import Q
from ccmtui.tui import format as fmt
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import DataTable, literal_content
from ccmtui.tui.workers import deliver, reporting

STATUS_STYLE = {"replied": "green", "pending": "yellow", "no-reply": "red"}


class CampaignsScreen(RecordKeys, SectionScreen):
    SECTION = "campaigns"
    AUTO_FOCUS = "#board"
    BINDINGS = [
        Binding("N", "new_campaign", "New campaign…", id="campaigns.new"),
        Binding("A", "reply", "Record reply…", id="campaigns.reply"),
        Binding("X", "close_campaign", "Close campaign…", id="campaigns.close"),
        Binding("L", "open_engagement", "Engagement", id="campaigns.engagement"),
        Binding("T", "add_targets", "Add targets…", show=False, id="campaigns.add-targets"),
        Binding("minus", "remove_target", "Remove target…", key_display="-", show=False, id="campaigns.remove-target"),
        Binding("V", "delivered", "Delivered…", show=False, id="campaigns.delivered"),
        *record_bindings("campaigns", show=False),
    ]

    def __init__(self):
        super().__init__()
        self.campaign: str | None = None  # the campaign's uuid
        self.engagement: str | None = None  # its engagement's uuid
        self.board: dict[str, object] = {}

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="board", cursor_type="row", zebra_stripes=True, classes="panel")
        yield DataTable(id="replies", cursor_type="row", zebra_stripes=True, classes="panel")

    def on_mount(self) -> None:
        board = self.query_one("#board", DataTable)
        board.border_title = "Campaigns"
        board.add_column("Date", key="date")
        board.add_column("Campaign", width=34, key="title")
        board.flex = "title"
        for heading in ("Targets", "Delivered", "Replied", "Pending", "No reply", "Rate"):
            board.add_column(heading, key=heading.lower())
        board.loading = True
        replies = self.query_one("#replies", DataTable)
        replies.border_title = "Replies"
        replies.add_column("State", width=24, key="state")
        replies.add_column("Delivered", key="delivered")
        replies.add_column("Status", key="status")
        replies.add_column("Received", key="received")
        replies.add_column("Stance", key="stance")
        replies.add_column("Summary", key="summary")
        replies.flex = "summary"

    def reload(self) -> None:
        self.load_board()

    def action_new_campaign(self) -> None:
        from ccmtui.tui.dialogs.campaign import CampaignDialog

        def created(uuid: str | None) -> None:
            if uuid:
                self.campaign = uuid  # highlighted once the board has read it

        self.app.push_screen(CampaignDialog(), created)

    def show_campaign(self, uuid: str) -> None:
        """Select a campaign on the board (from the dashboard)."""
        self.campaign = uuid
        board = self.query_one("#board", DataTable)
        if uuid in board.rows:
            board.move_cursor(row=board.get_row_index(uuid))
            board.focus()

    @work(thread=True, exclusive=True, group="campaigns-board")
    def load_board(self) -> None:
        with reporting(self), self.app.source.reader() as reader:
            rows = reader.rows(Q.campaigns_all, area=None)
            deliver(self, self._show_board, rows)

    def _show_board(self, rows: list) -> None:
        board = self.query_one("#board", DataTable)
        board.clear()
        self.board = {row.uuid: row for row in rows}
        for row in rows:
            board.add_row(
                fmt.day(row.occurred_on),
                row.title,
                *(
                    Text(value, justify="right")
                    for value in (
                        str(row.targets),
                        str(row.delivered or 0),
                        str(row.replied or 0),
                        str(row.pending or 0),
                        str(row.no_reply or 0),
                        fmt.rate(row.replied, row.targets),
                    )
                ),
                key=row.uuid,
            )
        board.loading = False
        board.border_title = f"Campaigns · {len(rows)}"
        if not rows:
            self.query_one(
                "#replies", DataTable
            ).border_title = "No campaigns yet: n sends one démarche to many capitals"
            return
        chosen = self.campaign if self.campaign in self.board else rows[0].uuid
        board.move_cursor(row=board.get_row_index(chosen))
        self._choose(chosen)

    @on(DataTable.RowHighlighted, "#board")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value and event.row_key.value != self.campaign:
            self._choose(event.row_key.value)

    def _choose(self, uuid: str) -> None:
        row = self.board.get(uuid)
        if row is None:
            return
        self.campaign = uuid
        self.engagement = row.engagement_uuid
        self.refresh_bindings()  # the footer's reply and close keys depend on a campaign being chosen
        self.load_replies(row.engagement_uuid, row.title)

    @work(thread=True, exclusive=True, group="campaigns-replies")
    def load_replies(self, engagement: str, title: str) -> None:
        with reporting(self), self.app.source.reader() as reader:
            rows = reader.rows(Q.replies_of_engagement, engagement=engagement)
            deliver(self, self._show_replies, rows, title)

    def _show_replies(self, rows: list, title: str) -> None:
        table = self.query_one("#replies", DataTable)
        current = self.selected_reply()
        table.clear()
        self.reply_ids = {row.iso3: row.uuid for row in rows}
        for row in rows:
            table.add_row(
                row.name,
                fmt.day(row.delivered_on),
                Text(row.status, style=STATUS_STYLE.get(row.status, "")),
                fmt.day(row.received_on),
                row.stance or "",
                row.summary or "",
                key=row.iso3,
            )
        table.border_title = literal_content(f"Replies to “{title}” · {len(rows)}")
        if current and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), scroll=False)

    def selected_reply(self) -> str | None:
        table = self.query_one("#replies", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected_state(self) -> str | None:
        return self.selected_reply() if self.query_one("#replies").has_focus else None

    def highlighted_record(self) -> str | None:
        """The highlighted reply when the replies have the focus, else the highlighted campaign."""
        if self.query_one("#replies").has_focus:
            return getattr(self, "reply_ids", {}).get(self.selected_reply())
        board = self.query_one("#board", DataTable)
        if not board.row_count:
            return None
        return board.coordinate_to_cell_key(board.cursor_coordinate).row_key.value

    def action_open_engagement(self) -> None:
        if self.engagement:
            self.app.open_engagement(self.engagement)

    @on(DataTable.RowSelected, "#board")
    def open_replies(self) -> None:
        self.query_one("#replies").focus()

    @on(DataTable.RowSelected, "#replies")
    def reply_selected(self) -> None:
        self.action_reply()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("reply", "close_campaign", "add_targets", "remove_target", "delivered"):
            return self.engagement is not None
        return True

    def action_reply(self) -> None:
        from ccmtui.tui.dialogs.reply import ReplyDialog

        row = self.board.get(self.campaign)
        if row is None:
            return
        self.app.push_screen(ReplyDialog(row.engagement_uuid, row.title, self.selected_state()))

    def action_close_campaign(self) -> None:
        from ccmtui.tui.dialogs.confirm import ConfirmDialog

        row = self.board.get(self.campaign)
        if row is None:
            return
        if not row.pending:
            self.notify(f"{row.title}: no reply is pending.", title="Close campaign")
            return
        question = (
            f"Close “{row.title}”?\n\nIts {fmt.plural(row.pending, 'pending reply', 'pending replies')} "
            "will be marked as no reply (as `ccm campaign close`). Undo reverts it."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.close_campaign(row.uuid)

        self.app.push_screen(ConfirmDialog("Close the campaign", question, yes="Close"), answered)

    @work(thread=True, exclusive=True, group="campaigns-close")
    def close_campaign(self, campaign: str) -> None:
        from ccmtui.actions.campaigns import close_campaign

        source = self.app.source
        with reporting(self), source.reader() as reader:
            deliver(self, self._after_close, close_campaign(reader, source.writing, campaign=campaign).message)

    def _after_close(self, message: str) -> None:
        self.notify(message, title="Campaign closed")
        self.app.post_message(DataChanged("replies"))

    def action_add_targets(self) -> None:
        from ccmtui.tui.dialogs.targets import TargetsDialog

        row = self.board.get(self.campaign)
        if row is not None:
            self.app.push_screen(TargetsDialog(row.uuid, row.title))

    def action_delivered(self) -> None:
        from ccmtui.tui.dialogs.targets import TargetsDialog

        row = self.board.get(self.campaign)
        if row is not None:
            state = self.selected_state()
            self.app.push_screen(TargetsDialog(row.uuid, row.title, [state] if state else [], delivered=True))

    def action_remove_target(self) -> None:
        from ccmtui.tui.dialogs.confirm import ConfirmDialog

        row = self.board.get(self.campaign)
        state = self.selected_reply()
        if row is None or state is None:
            return
        table = self.query_one("#replies", DataTable)
        name = str(table.get_row(state)[0])
        replied = str(table.get_row(state)[2]) == "replied"
        question = f"Take {name} off “{row.title}”?"
        if replied:
            question += f"\n\n{name} replied: its reply goes too."
        question += " Undo reverts it."

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_target(row.uuid, state, replied)

        self.app.push_screen(ConfirmDialog("Remove a target", question, yes="Remove"), answered)

    @work(thread=True, exclusive=True, group="campaigns-remove-target")
    def remove_target(self, campaign: str, state: str, force: bool) -> None:
        from ccmtui.actions.campaign_targets import remove_targets

        source = self.app.source
        # A reply that arrived since the list was drawn: the list, read again, asks to drop it too.
        words = {"remove with --force to drop the reply too": "press F5, then - again to drop the reply too"}
        with reporting(self, words=words), source.register() as register:
            written = remove_targets(register, source.writing, campaign=campaign, states=[state], force=force)
            deliver(self, self._after_remove, written.message)

    def _after_remove(self, message: str) -> None:
        self.notify(message, title="Target removed")
        self.app.post_message(DataChanged("replies"))
