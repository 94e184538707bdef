"""Log an engagement: the form over the action `ccm log` calls.

The action parses and writes in a worker; a field that does not parse shows its message under
it, and nothing is written.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import CHANNELS, KINDS
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.widgets.name_suggester import NameSuggester
from ccmtui.tui.widgets.state_picker import StatePicker
from ccmtui.tui.workers import deliver

ERRORS = ("states", "date", "summary", "area", "by", "with", "ap", "follow-up", "form")


class LogScreen(FormErrors, SectionScreen):
    SECTION = "log"
    ERROR_ID = "error-"
    ERROR_FIELDS = ERRORS
    ERROR_NAMES = {"action_points": "ap"}
    ERROR_WORDS = {
        "say which thematic area (--area, or `ccm config set area …`)": (
            "choose the thematic area (or set yours with `ccm config set area …`)"
        )
    }
    AUTO_FOCUS = "#log-states #picker-input"
    BINDINGS = [
        Binding("ctrl+s", "save", "Log it", id="log.save"),
        Binding("ctrl+r", "clear_form", "Clear", id="log.clear"),
        Binding("ctrl+t", "app.classify", "Classify…", id="log.classify"),
        Binding("ctrl+e", "external_editor", "Notes in $EDITOR", priority=True, id="log.editor"),
    ]
    FORM_TITLE = "Log an engagement"

    def __init__(self):
        super().__init__()
        self.editing: str | None = None  # the engagement being edited, when `e` brought it here
        self.original: dict[str, str] = {}
        self.back_to: str | None = None

    def compose_body(self) -> ComposeResult:
        config = self.app.source.config
        with VerticalScroll(id="log-form", classes="form"):
            # In the order people log: with whom, what kind, when, what happened; then the rest.
            with Horizontal(classes="row tall"):
                yield Label("With", classes="label")
                yield StatePicker(id="log-states")
            yield Label("", id="error-states", classes="error")
            with Horizontal(classes="row"):
                yield Label("Kind", classes="label")
                yield Select(
                    [(label, slug) for slug, label in KINDS.items()],
                    value=self._default_kind(),
                    allow_blank=False,
                    id="log-kind",
                    compact=True,
                )
                yield Label("Date", classes="label short")
                yield Input(
                    self.app.source.today.isoformat(),
                    placeholder="YYYY-MM-DD, today, -3d or a meeting",
                    id="log-date",
                    compact=True,
                )
            yield Label("", id="error-date", classes="error")
            with Horizontal(classes="row"):
                yield Label("Summary", classes="label")
                yield Input(placeholder="One line: what happened", id="log-summary", compact=True)
            yield Label("", id="error-summary", classes="error")
            with Horizontal(classes="row"):
                yield Label("Area", classes="label")
                area = config.get("area") if config.get("area") in AREAS else Select.NULL
                yield Select(
                    [(label, slug) for slug, label in AREAS.items()],
                    value=area,
                    prompt="Area: choose one",
                    id="log-area",
                    compact=True,
                )
                yield Label("Channel", classes="label short")
                yield Select(
                    [(label, slug) for slug, label in CHANNELS.items()],
                    value="geneva",
                    allow_blank=False,
                    id="log-channel",
                    compact=True,
                )
            yield Label("", id="error-area", classes="error")
            with Horizontal(classes="row"):
                yield Label("By", classes="label")
                yield Input(
                    self._default_by(),
                    placeholder="Who acted: states or organisations (default: your state)",
                    id="log-by",
                    compact=True,
                )
            yield Label("", id="error-by", classes="error")
            with Horizontal(classes="row"):
                yield Label("Met", classes="label")
                yield Input(
                    placeholder="People and organisations met besides the states: Ana Costa, ICRC",
                    id="log-with",
                    compact=True,
                )
            yield Label("", id="error-with", classes="error")
            with Horizontal(classes="row notes"):
                yield Label("Notes", classes="label")
                yield TextArea(id="log-notes", compact=True, soft_wrap=True)
            with Horizontal(classes="row"):
                yield Label("Action points", classes="label")
                yield Input(placeholder="VAP-3, DAP-4.1, LAP-17", id="log-ap", compact=True)
                yield Label("Follow up", classes="label short")
                yield Input(placeholder="YYYY-MM-DD", id="log-follow-up", compact=True)
            yield Label("", id="error-ap", classes="error")
            yield Label("", id="error-follow-up", classes="error")
            with Horizontal(classes="row buttons"):
                yield Static(classes="label")
                yield Button("Log it", id="log-save", variant="primary", compact=True)
                yield Button("Clear", id="log-clear", compact=True)
                yield Static(self._who(), id="log-who")
            yield Label("", id="error-form", classes="error")

    def _default_kind(self) -> str:
        """The kind the form opens with: config's `kind` when it names one, else a démarche."""
        kind = str(self.app.source.config.get("kind") or "").strip().lower()
        return kind if kind in KINDS else "demarche"

    def _default_by(self) -> str:
        """Your state from config.toml, as a blank *By* is read too."""
        return str(self.app.source.config.get("state") or "")

    def _who(self) -> str:
        by = self.app.source.by
        return f"recorded as {by}" if by else "no name set (Who you are…, in ctrl+p)"

    def on_mount(self) -> None:
        self.query_one("#log-form").border_title = self.FORM_TITLE
        self.by_names, self.met_names = NameSuggester(), NameSuggester()
        self.query_one("#log-by", Input).suggester = self.by_names
        self.query_one("#log-with", Input).suggester = self.met_names
        self.clear_errors()

    def reload(self) -> None:
        self.read_names()

    @work(thread=True, exclusive=True, group="log-names")
    def read_names(self) -> None:
        """The names *By* and *Met* suggest: states and organisations; people and organisations."""
        from ccmtui.reports.counterparts import People

        with self.app.source.register() as register:
            orgs = [o.code for o in register.organisations] + [o.name for o in register.organisations]
            states = [s.name for s in register.on(self.app.source.today)]
            people = [p.name for p in People(register.reader).rows]
        deliver(self, self._names, states + orgs, people + orgs)

    def _names(self, by: list[str], met: list[str]) -> None:
        self.by_names.names, self.met_names.names = by, met

    def prefill(self, states: list[str]) -> None:
        picker = self.query_one(StatePicker)
        picker.set_value(states)
        self.query_one("#log-summary", Input).focus()

    # -- editing an engagement: the same form, filled in; saving changes only the fields changed
    def edit(self, uuid: str, kind: str, values: dict, back_to: str | None = None) -> None:
        from ccmtui.db.ids import short

        self.editing, self.back_to = uuid, back_to
        self.query_one("#log-kind", Select).value = values["kind"]
        self.query_one("#log-area", Select).value = values["area"]
        self.query_one("#log-channel", Select).value = values["channel"]
        picker = self.query_one(StatePicker)
        picker.clear()
        picker.set_value(list(values["states"]))
        texts = {
            "date": values["date"],
            "by": ", ".join(values["by"]),
            "with": ", ".join(values.get("with", [])),
            "summary": values["summary"],
            "ap": ", ".join(values["action_points"]),
            "follow-up": values["follow_up"],
        }
        for name, text in texts.items():
            self.query_one(f"#log-{name}", Input).value = text
        self.query_one("#log-notes", TextArea).text = values["notes"]
        self.original = self._texts()
        form = self.query_one("#log-form")
        what = "the campaign's engagement" if kind == "campaign" else "engagement"
        form.border_title = f"Edit {what} {short(uuid)} · ctrl+r to stop editing"
        self.query_one("#log-save", Button).label = "Save changes"
        self.clear_errors()
        self.query_one("#log-summary", Input).focus()

    def _texts(self) -> dict[str, str]:
        """The form as text, by the names `ccm edit` gives the fields."""
        values = self.values()
        return {
            "kind": values["kind"] or "",
            "date": values["date"],
            "area": values["area"] or "",
            "channel": values["channel"] or "",
            "states": "\n".join(s for s in values["states"] if s.strip()),
            "by": values["by"][0],
            "with": ", ".join(values["with_"]),
            "summary": values["summary"],
            "notes": values["notes"],
            "action_points": values["action_points"][0],
            "follow_up": values["follow_up"],
        }

    def changes(self) -> dict:
        """The fields changed since the engagement was read, as `edit_record` takes them."""
        changed: dict = {}
        for name, text in self._texts().items():
            if text == self.original.get(name):
                continue
            if name == "states":
                changed[name] = [line for line in text.split("\n") if line.strip()]
            elif name == "by":
                changed[name] = [text] if text.strip() else [self._default_by()]
            elif name == "with":
                changed[name] = [part for part in text.split(",") if part.strip()]
            elif name == "action_points":
                changed[name] = [text]
            else:
                changed[name] = text
        return changed

    def stop_editing(self) -> None:
        """Back to logging a new engagement, the form's defaults restored."""
        config = self.app.source.config
        self.editing, self.original = None, {}
        self.query_one("#log-kind", Select).value = self._default_kind()
        self.query_one("#log-channel", Select).value = "geneva"
        area = self.query_one("#log-area", Select)
        if config.get("area") in AREAS:
            area.value = config["area"]
        else:
            area.clear()
        self.query_one("#log-date", Input).value = self.app.source.today.isoformat()
        self.query_one("#log-form").border_title = self.FORM_TITLE
        self.query_one("#log-save", Button).label = "Log it"

    def values(self) -> dict:
        def select(name: str):
            value = self.query_one(f"#log-{name}", Select).value
            return None if value == Select.NULL else value

        picker = self.query_one(StatePicker)
        return {
            "kind": select("kind"),
            "date": self.query_one("#log-date", Input).value,
            "area": select("area"),
            "channel": select("channel"),
            "states": [*picker.value, picker.pending_text],
            "by": [self.query_one("#log-by", Input).value],
            "with_": [part for part in self.query_one("#log-with", Input).value.split(",") if part.strip()],
            "summary": self.query_one("#log-summary", Input).value,
            "notes": self.query_one("#log-notes", TextArea).text,
            "action_points": [self.query_one("#log-ap", Input).value],
            "follow_up": self.query_one("#log-follow-up", Input).value,
        }

    # -- actions
    @on(Button.Pressed, "#log-save")
    def action_save(self) -> None:
        if self.editing:
            changes = self.changes()
            if not changes:
                self.notify("Nothing changed.", title="Edit")
                return
            if not self.lock_form():
                return
            self.clear_errors()
            self.save_edit(self.editing, changes)
            return
        if not self.lock_form():
            return  # a save is running: pressed again, it writes nothing more
        self.clear_errors()
        self.save(self.values())

    @on(Button.Pressed, "#log-clear")
    def action_clear_form(self) -> None:
        """A blank form, with *By* back to its default (your state)."""
        if self.saving:
            return
        if self.editing:
            self.stop_editing()
        self.query_one("#log-by", Input).value = self._default_by()
        self.clear_entry()

    def action_external_editor(self) -> None:
        from ccmtui.tui.editor import edit_text_area

        edit_text_area(self.app, self.query_one("#log-notes", TextArea), "notes")

    def clear_entry(self) -> None:
        """Ready for the next engagement: date, area, channel and *By* are kept; the kind is the
        default again, unless config's `kind` is `last` (it then stays the last one logged)."""
        if str(self.app.source.config.get("kind") or "").strip().lower() != "last":
            self.query_one("#log-kind", Select).value = self._default_kind()
        for name in ("summary", "ap", "follow-up", "with"):
            self.query_one(f"#log-{name}", Input).value = ""
        self.query_one("#log-notes", TextArea).text = ""
        self.query_one(StatePicker).clear()
        self.clear_errors()
        self.query_one(StatePicker).focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @work(thread=True, exclusive=True, group="log-save")
    def save(self, values: dict) -> None:
        from ccmtui.actions.journal import log_engagement

        source = self.app.source
        written = self.run_action(
            lambda register: log_engagement(
                register, source.writing, config=source.config, today=source.today, **values
            )
        )
        if written:
            deliver(self, self._saved, written.message)

    def _saved(self, message: str) -> None:
        self.notify(message, title="Logged")
        self.app.post_message(DataChanged("engagements"))
        self.unlock_form()
        self.clear_entry()

    @work(thread=True, exclusive=True, group="log-save")
    def save_edit(self, uuid: str, changes: dict) -> None:
        from ccmtui.actions.edit import edit_record

        source = self.app.source
        written = self.run_action(
            lambda register: edit_record(register, source.writing, uuid, changes, today=source.today)
        )
        if written:
            deliver(self, self._edited, written.message)

    def _edited(self, message: str) -> None:
        self.notify(message, title="Edited")
        self.app.post_message(DataChanged("engagements"))
        self.unlock_form()
        back_to = self.back_to
        self.action_clear_form()
        if back_to:
            self.app.action_go(back_to)
