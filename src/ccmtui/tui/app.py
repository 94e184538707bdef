"""The ccm app: one mode per section, data read and written in thread workers."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date
from importlib import import_module

from textual import events, work
from textual.app import App
from textual.binding import Binding

from ccmtui.db.target import Target
from ccmtui.domain.errors import CCMError
from ccmtui.tui.commands import CCMCommands
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.screens.dashboard import DashboardScreen
from ccmtui.tui.sections import ROOMY, SECTIONS, WIDE
from ccmtui.tui.source import Source
from ccmtui.tui.workers import deliver, reporting

START_AT_THE_LATEST = 5  # seconds: the checks that wait for the dashboard's first frame


def _section(module: str, name: str) -> Callable[[], SectionScreen]:
    """A section's screen, imported when first opened: starting the app waits on the dashboard only."""

    def make() -> SectionScreen:
        return getattr(import_module(f"ccmtui.tui.screens.{module}"), name)()

    return make


class CCMApp(App[None]):
    """Track the Convention on Cluster Munitions: register, daily log, campaigns, changes."""

    CSS_PATH = "app.tcss"
    TITLE = "ccm"
    COMMANDS = App.COMMANDS | {CCMCommands}
    MODES = {
        "dashboard": DashboardScreen,
        "due": _section("due", "DueScreen"),
        "states": _section("states", "StatesScreen"),
        "log": _section("log", "LogScreen"),
        "engagements": _section("engagements", "EngagementsScreen"),
        "campaigns": _section("campaigns", "CampaignsScreen"),
        "workplan": _section("workplan", "WorkPlanScreen"),
        "summary": _section("summary", "SummaryScreen"),
        "changes": _section("changes", "ChangesScreen"),
    }
    # Narrow terminals (80 columns) get shorter labels and fewer side panels.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide"), (ROOMY, "-roomy")]
    BINDINGS = [
        *(Binding(s.key, f"app.go('{s.mode}')", s.title, show=False, id=f"go.{s.mode}") for s in SECTIONS),
        Binding("K", "app.classify", "Classify", show=False, id="app.classify"),
        Binding("C", "app.conflicts", "Conflicts", show=False, id="app.conflicts"),
        Binding("S", "app.sync", "Sync or merge", show=False, id="app.sync"),
        Binding("F", "app.export", "Export to a file", show=False, id="app.export"),
        Binding("T", "app.switch_theme", "Light / dark", show=False, id="app.theme"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="app.help"),
        Binding("f1", "app.help", "Help here", show=False, id="app.help-here"),
        # On a list, letters jump: ctrl+q quits everywhere, q where no list has the focus.
        Binding("ctrl+q", "app.quit", "Quit", id="app.quit"),
        Binding("q", "app.quit", "Quit", show=False, id="app.quit-q"),
        Binding("ctrl+o", "app.jump", "Jump to a field", show=False, id="app.jump"),
        Binding("z", "app.zoom", "Maximise / restore", show=False, id="app.zoom"),
        # Moving between fields is handled as the key arrives, before the keys typed after it
        # reach the field being left (a key otherwise waits its turn in that field's queue).
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="app.next_field"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous field", show=False, priority=True, id="app.previous_field"
        ),
        Binding(
            "enter", "app.field_entered", "Next field, in a form", show=False, priority=True, id="app.field_entered"
        ),
    ]

    def __init__(
        self,
        target: Target | str,
        *,
        config: dict | None = None,
        today: date | None = None,
        started: float | None = None,
        source: Source | None = None,
        early=None,
        ask_identity: bool = False,
    ):
        super().__init__()
        from ccmtui.textsafe import make_literal

        make_literal(self.console)  # stored text in Rich tables and pages is never markup
        self.source = source or Source(target, config, today)
        self._early = early  # the dashboard's data, being read since before the app was loaded
        self._ask_identity = ask_identity
        theme = self.source.config.get("theme")
        if theme in self.available_themes:
            self.theme = theme
        self.started = started if started is not None else time.perf_counter()
        self.index = None  # the StateIndex, once loaded
        self.data_version = 0
        self.ready_seconds: float | None = None
        self._started = False  # after_start() has run
        # [keymap] in config.toml rebinds keys by binding id: "go.states" = "f2".
        keymap = self.source.config.get("keymap")
        if isinstance(keymap, dict):
            self.set_keymap({str(binding): str(keys) for binding, keys in keymap.items()})

    def notify(self, message, *, title: str = "", severity="information", timeout=None, markup: bool = False) -> None:
        """A notification, always literal text: its message may name stored records.

        Screens' `notify` passes `markup=True` by default; it is not followed.
        """
        from ccmtui.textsafe import visible

        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        if self._early is None:
            try:
                self.source.ensure()
            except CCMError as error:
                self.notify(str(error), title="Error", severity="error", timeout=30)
        self.switch_mode("dashboard")
        self.call_after_refresh(self.check_keymap)
        # However the dashboard fares: what waits for its first frame starts at the latest then.
        self.set_timer(START_AT_THE_LATEST, self.after_start)
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        self.screen_change_signal.subscribe(self, self._dialog_footer)
        if self._ask_identity and not self.source.by:
            self.call_after_refresh(self._ask_who)

    def on_resize(self, event: events.Resize) -> None:
        """The terminal's size, as the driver reports it once started, is usually the size the app
        already has: that report is dropped rather than laid out and drawn again in full."""
        if event.size == self._size:
            event.prevent_default()

    def _dialog_footer(self, screen) -> None:
        """A dialog shows its own keys in a footer of its own, not those of the screen under it."""
        from textual.screen import ModalScreen
        from textual.widgets import Footer

        from ccmtui.tui.widgets.footer import KeysFooter

        if isinstance(screen, ModalScreen) and not screen.query(Footer):
            screen.mount(KeysFooter())

    def _ask_who(self) -> None:
        from ccmtui.tui.dialogs.identity import IdentityDialog

        self.push_screen(IdentityDialog())

    def _keep_theme(self, theme) -> None:
        """The theme chosen (with T or the command palette) is the one the app opens with next time."""
        from ccmtui import config

        if self.source.config.get("theme") == theme.name:
            return
        chosen = {**self.source.config, "theme": theme.name}
        try:
            path = config.save(chosen)
        except CCMError as error:
            self.notify(str(error), title="Theme", severity="error")
            return
        self.source.config = chosen
        self.log.info(f"theme {theme.name} saved to {path}")

    def take_early_dashboard(self):
        """The dashboard's data read while the app started (once; later reloads read afresh)."""
        early, self._early = self._early, None
        return early

    def on_unmount(self) -> None:
        self.source.close()

    @work(thread=True, exclusive=True, group="index")
    def load_index(self) -> None:
        if self.index is not None:  # the dashboard brought it
            return
        with reporting(self), self.source.register() as register:
            index = register.index
            deliver(self, self._set_index, index)

    @work(thread=True, exclusive=True, group="conflicts")
    def check_conflicts(self) -> None:
        from ccmtui.actions.conflicts import open_count

        count = 0
        with reporting(self), self.source.register() as register:
            count = open_count(register.reader)
        if count:
            deliver(self, self._notify_conflicts, count)

    @work(thread=True, exclusive=True, group="keymap")
    def check_keymap(self) -> None:
        """A keymap id in config.toml that no binding has is named in a notice, not ignored."""
        from ccmtui.tui.keymap import unknown_ids

        keymap = self.source.config.get("keymap")
        if isinstance(keymap, dict) and keymap:
            with reporting(self):
                notices = unknown_ids([str(key) for key in keymap])
                for notice in notices:
                    deliver(self, self.notify, notice, title="Keymap in config.toml", severity="warning", timeout=20)

    def _notify_conflicts(self, count: int) -> None:
        """After a sync that recorded conflicts: say so, and how to see and settle them."""
        self.notify(
            f"A sync found {count} record{'s' * (count != 1)} edited on both sides and kept the later edit. "
            "Press C (or ctrl+p, Conflicts) to see both versions and keep mine or theirs.",
            title="Sync conflicts",
            severity="warning",
            timeout=20,
        )

    def _set_index(self, index) -> None:
        self.index = index

    def on_dashboard_ready(self) -> None:
        self.after_start()

    def after_start(self) -> None:
        """Once the dashboard's figures are on the terminal (once): the state index, the conflicts
        notice, the next screens' code and styles. A thread started before would slow the first frame."""
        if self._started:
            return
        self._started = True
        self.load_index()
        self.check_conflicts()
        self.call_after_refresh(self.preload)
        self.call_after_refresh(self.collect_garbage)

    def collect_garbage(self) -> None:
        """Garbage collection back on, if `ccm tui` held it while starting, over new objects only:
        what the start made (modules, styles, the dashboard) is set aside for good."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    @work(thread=True, exclusive=True, group="preload")
    def preload(self) -> None:
        """Once the dashboard shows, the Due screen's code is loaded and the other screens' styles
        are read: `2` then reads its data only, and a screen opened later parses no style sheet."""
        import_module("ccmtui.tui.screens.due")
        deliver(self, self._read_styles)

    def _read_styles(self) -> None:
        """Every screen's and dialog's style sheet, and the long lists' styles, parsed once now.

        Textual otherwise reads a screen's CSS_PATH when it is first shown and parses every style
        sheet of the app again then (a tenth of a second and more on a busy machine)."""
        from pathlib import Path

        from ccmtui.tui.widgets.virtual_table import VirtualTable

        here = Path(__file__).parent
        stylesheet = self.stylesheet
        for path in (*sorted(here.glob("screens/*.tcss")), *sorted(here.glob("dialogs/*.tcss"))):
            path = path.resolve()
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
        for read_from, css, tie_breaker, scope in VirtualTable(())._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
        stylesheet.parse()

    def on_data_changed(self, message: DataChanged) -> None:
        self.data_version += 1
        if isinstance(self.screen, SectionScreen):
            self.screen.catch_up()

    def data_changed(self, what: str) -> None:
        self.post_message(DataChanged(what))

    # -- actions
    def action_go(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_help(self) -> None:
        from ccmtui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, self.focused))

    def action_zoom(self) -> None:
        """z: the focused panel (a dashboard panel, a list) fills the screen; z again restores it."""
        screen = self.screen
        if screen.maximized is not None:
            screen.minimize()
        elif self.focused is not None:
            screen.maximize(self.focused)

    def action_jump(self) -> None:
        from ccmtui.tui.dialogs.jump import JumpDialog

        if not isinstance(self.screen, JumpDialog):
            self.push_screen(JumpDialog(self.screen))

    def action_field_entered(self) -> None:
        """Enter in a form's text field goes on to the next field at once, as Tab does; anywhere
        else (a state picker, a list, a button) it does what it did."""
        from textual.actions import SkipAction
        from textual.widgets import Input

        from ccmtui.tui.widgets.field_errors import FormErrors
        from ccmtui.tui.widgets.state_picker import PickerInput

        focused = self.focused
        if not isinstance(self.screen, FormErrors) or not isinstance(focused, Input):
            raise SkipAction()
        if isinstance(focused, PickerInput) or getattr(self.screen, "ENTER_SAVES", False):
            # A picker handles Enter itself, after the letters typed before it; a one-field
            # dialog saves on Enter.
            raise SkipAction()
        self.screen.focus_next()

    def action_switch_theme(self) -> None:
        from ccmtui.config import DARK_THEME, LIGHT_THEME

        self.theme = DARK_THEME if self.current_theme.dark is False else LIGHT_THEME

    def action_classify(self, iso3: str | None = None) -> None:
        from ccmtui.tui.dialogs.classify import ClassifyDialog

        if iso3 is None:
            iso3 = getattr(self.screen, "selected_state", lambda: None)()
        self.push_screen(ClassifyDialog(iso3))

    def action_conflicts(self) -> None:
        from ccmtui.tui.screens.conflicts import ConflictsScreen

        if not isinstance(self.screen, ConflictsScreen):
            self.push_screen(ConflictsScreen())

    def action_sync(self) -> None:
        from ccmtui.tui.dialogs.sync import SyncDialog

        if not isinstance(self.screen, SyncDialog):
            self.push_screen(SyncDialog())

    def action_export(self) -> None:
        from ccmtui.tui.dialogs.export import ExportDialog

        if not isinstance(self.screen, ExportDialog):
            self.push_screen(ExportDialog())

    def action_treaty_records(self, kind: str = "obligations") -> None:
        """Obligations, extensions, retention, Art. 7, measures, cooperation, meetings: under Summary."""
        from ccmtui.tui.screens.treaty_records import TreatyRecordsScreen

        self.action_go("summary")
        if not isinstance(self.screen, TreatyRecordsScreen):
            self.push_screen(TreatyRecordsScreen(kind))

    def action_counterparts(self) -> None:
        """Organisations and people: under Summary."""
        from ccmtui.tui.screens.counterparts import CounterpartsScreen

        self.action_go("summary")
        if not isinstance(self.screen, CounterpartsScreen):
            self.push_screen(CounterpartsScreen())

    def action_action_plan(self, iso3: str = "") -> None:
        """The action plans, action by action (under Summary); given a state, its actions."""
        from ccmtui.tui.screens.action_plan import ActionPlanScreen

        if not isinstance(self.screen, ActionPlanScreen):
            self.push_screen(ActionPlanScreen(iso3))

    def action_frozen_reports(self) -> None:
        """Frozen reports, each figure explained, the diff with today and its corrigendum: under Summary."""
        from ccmtui.tui.screens.frozen_reports import FrozenReportsScreen

        self.action_go("summary")
        if not isinstance(self.screen, FrozenReportsScreen):
            self.push_screen(FrozenReportsScreen())

    def action_undo(self) -> None:
        self.action_go("changes")
        self.call_after_refresh(lambda: self.screen.action_undo())

    def open_state(self, iso3: str) -> None:
        from ccmtui.tui.screens.state_detail import StateDetailScreen

        self.action_go("states")
        self.push_screen(StateDetailScreen(iso3))

    def open_engagement(self, uuid: str) -> None:
        from ccmtui.tui.dialogs.engagement import EngagementDialog

        self.push_screen(EngagementDialog(uuid))

    def open_campaign(self, uuid: str) -> None:
        self.action_go("campaigns")
        self.call_after_refresh(lambda: self.screen.show_campaign(uuid))

    def edit_record(self, uuid: str, kind: str, values: dict) -> None:
        """A record in the form that creates it, filled in: an engagement (or a campaign's) in the
        log form, a reply in the reply dialog, any other record in a dialog of its fields."""
        if kind in ("engagement", "campaign"):
            back_to = self.current_mode
            self.action_go("log")
            self.call_after_refresh(lambda: self.screen.edit(uuid, kind, values, back_to))
            return
        if kind == "reply":
            from ccmtui.tui.dialogs.reply import ReplyDialog

            self.push_screen(ReplyDialog(None, "", edit=(uuid, values)))
            return
        from ccmtui.tui.dialogs.record import RecordDialog

        self.push_screen(RecordDialog(uuid, kind, values))

    def log_with(self, states: list[str]) -> None:
        """Open the log form with these states already picked."""
        self.action_go("log")
        self.call_after_refresh(lambda: self.screen.prefill(states))
