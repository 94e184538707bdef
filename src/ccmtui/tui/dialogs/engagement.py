"""One engagement in full: what, when, with whom, by whom, notes, action points, replies."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ccmtui.tui import format as fmt
from ccmtui.tui.workers import deliver, reporting


class EngagementDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="engagement.close")]

    def __init__(self, uuid: str):
        super().__init__()
        self.uuid = uuid

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="engagement-box", classes="dialog"):
            yield Static("Loading…", id="engagement-body")

    def on_mount(self) -> None:
        self.query_one("#engagement-box").border_title = "Engagement"
        self.query_one("#engagement-box").border_subtitle = "Esc to close"
        self.load()

    @work(thread=True, exclusive=True, group="engagement")
    def load(self) -> None:
        with reporting(self), self.app.source.register() as register:
            reader = register.reader
            found = reader.rows("engagement", uuid=self.uuid)
            if not found:
                deliver(self, self._show, None, [], [], [], None, None)
                return
            states = [row.iso3 for row in reader.rows("states_of_engagements", uuids=[self.uuid])]
            actors = [row.actor for row in reader.rows("actors_of_engagements", uuids=[self.uuid])]
            replies = reader.rows("replies_of_engagement", engagement=self.uuid)
            campaign = reader.rows("campaign_of_engagement", engagement=self.uuid)
            index = self.app.index or register.index
            deliver(self, self._show, found[0], states, actors, replies, campaign[0] if campaign else None, index)

    def _show(self, row, states, actors, replies, campaign, index) -> None:
        body = self.query_one("#engagement-body", Static)
        if row is None:
            body.update("This engagement no longer exists (undone?).")
            return
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column()
        facts.add_row("Id", row.uuid[:8])
        facts.add_row("Date", fmt.day(row.occurred_on))
        facts.add_row("Kind", fmt.kind(row.kind))
        facts.add_row("Area", fmt.area(row.area, short=False))
        facts.add_row("Channel", fmt.channel(row.channel))
        if campaign is not None:
            facts.add_row("Campaign", campaign.title)
        facts.add_row("With", ", ".join(f"{index.name(c)} ({c})" if c in index else c for c in states))
        named = [index.name(a) if a in index else a for a in actors]
        facts.add_row("By", ", ".join(named) or "—")
        facts.add_row("Summary", row.summary)
        if row.notes:
            facts.add_row("Notes", row.notes)
        facts.add_row("Action points", row.action_points or "—")
        facts.add_row("Follow up", fmt.day(row.follow_up_on) or "—")
        facts.add_row("Recorded by", row.recorded_by or "—")
        parts = [facts]
        if replies:
            table = Table(title="Replies", title_justify="left", header_style="bold", box=None, padding=(0, 1))
            for heading in ("State", "Status", "Received", "Stance", "Summary"):
                table.add_column(heading)
            for reply in replies:
                table.add_row(reply.name, reply.status, fmt.day(reply.received_on), reply.stance or "", reply.summary or "")
            parts += [Text(""), table]
        from rich.console import Group

        body.update(Group(*parts))
