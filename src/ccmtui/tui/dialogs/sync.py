"""Sync with the team's server or a colleague's file, or merge a file in (`ccm sync`, `ccm merge`):
the work runs in a thread with a progress indicator; then what came in, went out, was deleted, and
the conflicts recorded (C opens them)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Static

from ccmtui.tui.messages import DataChanged
from ccmtui.tui.words import in_app_words
from ccmtui.tui.workers import deliver


def _counts(counter) -> str:
    return ", ".join(f"{n} {table}" for table, n in sorted(counter.items())) or "nothing"


def report_lines(report) -> list[str]:
    """The report in the words `ccm sync` prints."""
    lines = [
        f"Left out: {r.table} {r.uuid[:8]}, which {'this database' if r.into == 'here' else report.there} "
        f"cannot hold: {r.why}; correct it where it was made and sync again."
        for r in report.refused
    ]
    if report.changed_nothing:
        return [*lines, f"Already in step with {report.there}: nothing came in, nothing went out."]
    lines.append(f"Came in from {report.there}: {_counts(report.came_in)}")
    lines.append(f"Went out to {report.there}: {_counts(report.went_out)}")
    if report.deleted_here or report.deleted_there:
        lines.append(f"Deleted here: {_counts(report.deleted_here)}; deleted there: {_counts(report.deleted_there)}")
    if report.conflicts:
        count = len(report.conflicts)
        lines.append(
            f"{count} record{'s' * (count != 1)} edited on both sides: the later edit kept. "
            "Conflicts (C) shows both versions and keeps the other."
        )
    return lines


class SyncDialog(ModalScreen[None]):
    """A URL or a file; Sync (both ways) or Merge (the file only read)."""

    CSS_PATH = "sync.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="sync.close"),
        Binding("ctrl+s", "run('sync')", "Sync", id="sync.sync"),
        Binding("ctrl+g", "run('merge')", "Merge a file", id="sync.merge"),
        Binding("C", "conflicts", "Conflicts", id="sync.conflicts", show=False),
    ]

    def __init__(self, where: str = "") -> None:
        super().__init__()
        self.where = where
        self.running = False
        self.conflicts = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="sync-box", classes="dialog form"):
            yield Static(
                "Sync pushes and pulls: both databases end with every record. "
                "Merge brings another coordinator's file in and only reads it.",
                id="sync-intro",
            )
            with Horizontal(classes="row"):
                yield Label("URL or file", classes="label")
                yield Input(
                    self.where,
                    placeholder="postgresql://you@server/ccm or a path to a .db file",
                    id="sync-where",
                    compact=True,
                )
            yield Label("", id="sync-error-where", classes="error")
            with Horizontal(classes="row"):
                yield Label("Password", classes="label")
                yield Input(
                    placeholder="a server login's, if ~/.pgpass does not hold it",
                    password=True,
                    id="sync-password",
                    compact=True,
                )
            yield ProgressBar(total=None, show_eta=False, id="sync-progress")
            yield Static("", id="sync-report")
            with Horizontal(classes="row buttons"):
                yield Button("Sync (ctrl+s)", id="sync-sync", variant="primary", compact=True)
                yield Button("Merge (ctrl+g)", id="sync-merge", compact=True)
                yield Button("Conflicts (C)", id="sync-conflicts", compact=True)
                yield Button("Close (esc)", id="sync-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#sync-box").border_title = "Sync or merge"
        self.query_one("#sync-error-where").display = False
        self.query_one("#sync-progress").display = False
        self.query_one("#sync-report").display = False
        self.query_one("#sync-conflicts").display = False
        self.query_one("#sync-where").focus()

    @on(Input.Submitted, "#sync-where")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_run("sync")

    @on(Button.Pressed, "#sync-sync")
    def pressed_sync(self) -> None:
        self.action_run("sync")

    @on(Button.Pressed, "#sync-merge")
    def pressed_merge(self) -> None:
        self.action_run("merge")

    @on(Button.Pressed, "#sync-conflicts")
    def action_conflicts(self) -> None:
        self.dismiss(None)
        self.app.action_conflicts()

    @on(Button.Pressed, "#sync-close")
    def action_close(self) -> None:
        if not self.running:
            self.dismiss(None)

    def action_run(self, how: str) -> None:
        if self.running:
            return
        where = self.query_one("#sync-where", Input).value.strip()
        error = self.query_one("#sync-error-where", Label)
        if not where:
            error.update("Error: a server URL (postgresql://…) or the path of a ccm file")
            error.display = True
            self.query_one("#sync-where").focus()
            return
        error.display = False
        where = self._with_password(where)
        self.running = True
        box = self.query_one("#sync-box")
        box.border_subtitle = "Syncing…" if how == "sync" else "Merging…"
        progress = self.query_one("#sync-progress", ProgressBar)
        progress.update(total=None, progress=0)
        progress.display = True
        self.query_one("#sync-report").display = False
        for button in self.query(Button):
            button.disabled = True
        self.query_one("#sync-where").disabled = True
        self.query_one("#sync-password").disabled = True
        self.run_sync(how, where)

    def _with_password(self, where: str) -> str:
        """The URL to connect with; the URL field keeps no password on screen (it moves to the masked field)."""
        if "://" not in where:
            return where
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(where)
        except ArgumentError:
            return where  # the action says what is wrong with it
        password = self.query_one("#sync-password", Input)
        if url.password:
            password.value = str(url.password)
            self.query_one("#sync-where", Input).value = url._replace(password=None).render_as_string(
                hide_password=False
            )
        if password.value:
            url = url.set(password=password.value)
        return url.render_as_string(hide_password=False)

    @work(thread=True, exclusive=True, group="sync")
    def run_sync(self, how: str, where: str) -> None:
        from ccmtui.actions.sync import merge_file, sync_with
        from ccmtui.domain.errors import CCMError

        progress = self.query_one("#sync-progress", ProgressBar)

        def advance(n: int) -> None:
            deliver(self, progress.advance, n)

        try:
            if how == "sync":
                report = sync_with(self.app.source, where, advance)
            else:
                report = merge_file(self.app.source, where, advance)
        except CCMError as error:
            deliver(self, self._failed, str(error))
            return
        except OSError as error:  # a file that cannot be read
            deliver(self, self._failed, f"{where}: {error.strerror or error}")
            return
        deliver(self, self._done, report)

    def _unlock(self) -> None:
        self.running = False
        self.query_one("#sync-box").border_subtitle = ""
        self.query_one("#sync-progress").display = False
        for button in self.query(Button):
            button.disabled = False
        self.query_one("#sync-where", Input).disabled = False
        self.query_one("#sync-password", Input).disabled = False

    def _failed(self, message: str) -> None:
        self._unlock()
        error = self.query_one("#sync-error-where", Label)
        error.update(f"Error: {in_app_words(message)}")
        error.display = True
        self.query_one("#sync-where").focus()

    def _done(self, report) -> None:
        self._unlock()
        report_view = self.query_one("#sync-report", Static)
        report_view.update("\n".join(report_lines(report)))
        report_view.display = True
        self.conflicts = len(report.conflicts)
        self.query_one("#sync-conflicts").display = bool(self.conflicts)
        (self.query_one("#sync-conflicts") if self.conflicts else self.query_one("#sync-close")).focus()
        if not report.changed_nothing:
            self.app.post_message(DataChanged("sync"))
