"""One engagement in full: what, when, with whom, by whom, notes, action points, replies."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ccmtui.db.queries import Q
from ccmtui.tui import format as fmt
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.workers import deliver, reporting


class EngagementDialog(RecordKeys, ModalScreen[None]):
    """Opened with Enter from any list or panel; `e` edits the engagement, `d` deletes it."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="engagement.close"),
        Binding("F", "files", "Files…", id="engagement.files"),
        *record_bindings("engagement"),
    ]

    def __init__(self, uuid: str):
        super().__init__()
        self.uuid = uuid

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="engagement-box", classes="dialog"):
            yield Static("Loading…", id="engagement-body")

    def on_mount(self) -> None:
        self.query_one("#engagement-box").border_title = "Engagement"
        self.query_one("#engagement-box").border_subtitle = "e edit · d delete · f files · Esc to close"
        self.load()

    @work(thread=True, exclusive=True, group="engagement")
    def load(self) -> None:
        from ccmtui.reports.engagements import engagement_detail

        with reporting(self), self.app.source.register() as register:
            if not register.reader.rows(Q.engagement, uuid=self.uuid):
                deliver(self, self._show, None, None)
                return
            # What `ccm show` shows.
            detail = engagement_detail(register.reader, self.uuid)
            from ccmtui.reports.counterparts import counterpart_labels

            met = counterpart_labels(register.reader, [self.uuid]).get(self.uuid, [])
            deliver(self, self._show, detail, self.app.index or register.index, met)

    def _show(self, detail, index, met: list[str] = ()) -> None:
        body = self.query_one("#engagement-body", Static)
        if detail is None:
            body.update("This engagement no longer exists (undone?).")
            return
        line = detail.line
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column()
        facts.add_row("Id", line.uuid[:8])
        facts.add_row("Date", fmt.day(line.occurred_on))
        facts.add_row("Kind", line.kind_label)
        facts.add_row("Area", fmt.area(line.area, short=False))
        facts.add_row("Channel", fmt.channel(line.channel))
        if detail.campaign is not None:
            facts.add_row("Campaign", detail.campaign[1])
        facts.add_row("Summary", line.summary)
        facts.add_row("By", ", ".join(index.name(a) if a in index else a for a in line.actors) or "—")
        if met:
            facts.add_row("Met", Text(", ".join(met)))
        facts.add_row("Action points", " ".join(detail.action_points) or "—")
        facts.add_row("Follow up", fmt.day(line.follow_up_on) or "—")
        facts.add_row("Recorded by", line.recorded_by or "—")
        if detail.notes:
            facts.add_row("Notes", detail.notes)
        named = sorted((index.name(c) if c in index else c, c) for c in line.states)
        if len(named) <= 8:
            facts.add_row("With", ", ".join(f"{name} ({code})" for name, code in named))
        else:
            facts.add_row("With", f"{len(named)} states: " + ", ".join(name for name, _ in named))
        parts = [facts]
        if detail.replies:
            table = Table(title="Replies", title_justify="left", header_style="bold", box=None, padding=(0, 1))
            for heading in ("State", "Status", "Received", "Stance", "Summary"):
                table.add_column(heading)
            for reply in detail.replies:
                table.add_row(
                    reply.name, reply.status, fmt.day(reply.received_on), reply.stance or "", reply.summary or ""
                )
            parts += [Text(""), table]
        body.update(Group(*parts))

    def action_files(self) -> None:
        """Its attached files: list, attach, save, open."""
        from ccmtui.tui.dialogs.attachments import AttachmentsDialog

        self.app.push_screen(AttachmentsDialog(self.uuid))

    # -- e and d: this engagement
    def highlighted_record(self) -> str | None:
        return self.uuid

    def open_editor(self, uuid: str, kind: str, values: dict) -> None:
        self.dismiss(None)  # the log form takes its place
        super().open_editor(uuid, kind, values)

    def _deleted(self, message: str) -> None:
        super()._deleted(message)
        self.dismiss(None)
