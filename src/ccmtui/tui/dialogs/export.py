"""Exports and reports to a file, as `ccm export quarter` and `ccm report progress` write them:
choose the document, its format, its period, redaction and the path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from ccmtui.domain.areas import AREAS, SUMMARY_AREAS
from ccmtui.domain.workplan import Quarter
from ccmtui.reports.documents import PROGRESS_FORMATS, QUARTER_FORMATS
from ccmtui.tui.widgets.field_errors import FormErrors
from ccmtui.tui.workers import deliver

if TYPE_CHECKING:
    from ccmtui.reports.register import Register

DOCUMENTS = (
    ("Quarterly work-plan summary (ccm export quarter)", "quarter"),
    ("Progress report for a Meeting of States Parties (ccm report progress)", "progress"),
    ("Calendar: deadlines, meetings, milestones, follow-ups (ccm export ics)", "ics"),
    ("Retention working document, Art. 3(6) (ccm report retention)", "retention"),
)
FORMAT_LABELS = {
    "md": "Markdown (.md)",
    "docx": "Word (.docx)",
    "csv": "CSV (.csv)",
    "toml": "TOML (.toml)",
    "json": "JSON (.json)",
    "ics": "iCalendar (.ics)",
}
FORMATS = {"quarter": QUARTER_FORMATS, "progress": PROGRESS_FORMATS, "ics": ("ics",), "retention": ("md", "docx")}
PERIOD = {
    "quarter": ("Quarter", "e.g. 2026Q3 (the quarter just ended when blank)"),
    "progress": ("Since", "A meeting or date (the last meeting when blank)"),
    "ics": ("Since", "A date or meeting (a year ago when blank); until two years ahead"),
    "retention": ("Since", "A meeting or date: the figures from its year on (every year when blank)"),
}
REDACT = {
    "quarter": "Redact: leave out free-text notes and names of individuals",
    "progress": "Aggregate only: name no individual state",
    "ics": "",
    "retention": "",
}


def last_quarter(today) -> Quarter:
    """The quarter just ended: the one a coordinator reports on."""
    current = Quarter.of(today)
    return Quarter(current.year - 1, 4) if current.number == 1 else Quarter(current.year, current.number - 1)


class ExportDialog(FormErrors, ModalScreen[str | None]):
    """Returns the line saying what was written, or None when cancelled."""

    CSS_PATH = "export.tcss"
    ERROR_ID = "export-error-"
    ERROR_FIELDS = ("document", "period", "area", "format", "path", "form")
    SAVING = "Writing…"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "save", "Write", id="export.save"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog form"):
            with Horizontal(classes="row"):
                yield Label("Document", classes="label")
                yield Select(DOCUMENTS, value="quarter", allow_blank=False, id="export-document", compact=True)
            yield Label("", id="export-error-document", classes="error")
            with Horizontal(classes="row"):
                yield Label("Quarter", classes="label", id="export-period-label")
                yield Input(placeholder=PERIOD["quarter"][1], id="export-period", compact=True)
            yield Label("", id="export-error-period", classes="error")
            with Horizontal(classes="row", id="export-area-row"):
                yield Label("Area", classes="label")
                yield Select(
                    [(AREAS[a], a) for a in SUMMARY_AREAS], prompt="All thematic areas", id="export-area", compact=True
                )
            yield Label("", id="export-error-area", classes="error")
            with Horizontal(classes="row"):
                yield Label("Format", classes="label")
                yield Select(
                    self._formats("quarter"), value="docx", allow_blank=False, id="export-format", compact=True
                )
            yield Label("", id="export-error-format", classes="error")
            with Horizontal(classes="row"):
                yield Label("", classes="label")
                yield Checkbox(REDACT["quarter"], id="export-redact", compact=True)
            with Horizontal(classes="row"):
                yield Label("Save to", classes="label")
                yield Input(placeholder="A file path, e.g. ~/quarter.docx", id="export-path", compact=True)
            yield Label("", id="export-error-path", classes="error")
            yield Label("", id="export-error-form", classes="error")
            with Horizontal(classes="row buttons"):
                yield Button("Write (ctrl+s)", id="export-save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="export-cancel", compact=True)

    @staticmethod
    def _formats(document: str) -> list[tuple[str, str]]:
        return [(FORMAT_LABELS[f], f) for f in FORMATS[document]]

    def on_mount(self) -> None:
        box = self.query_one("#export-box")
        box.border_title = "Export or report"
        box.border_subtitle = "ccm export quarter · ccm report progress · ccm export ics · ccm report retention"
        self.clear_errors()
        self.query_one("#export-period", Input).value = last_quarter(self.app.source.today).code
        self._suggest_path()
        self.query_one("#export-document").focus()

    def document(self) -> str:
        return str(self.query_one("#export-document", Select).value)

    @on(Select.Changed, "#export-document")
    def document_changed(self) -> None:
        document = self.document()
        label, placeholder = PERIOD[document]
        self.query_one("#export-period-label", Label).update(label)
        period = self.query_one("#export-period", Input)
        period.placeholder = placeholder
        period.value = last_quarter(self.app.source.today).code if document == "quarter" else ""
        self.query_one("#export-area-row").display = document == "quarter"
        redact = self.query_one("#export-redact", Checkbox)
        redact.label = REDACT[document]
        redact.display = bool(REDACT[document])
        chosen = self.query_one("#export-format", Select)
        chosen.set_options(self._formats(document))
        chosen.value = FORMATS[document][-1]
        self._suggest_path()

    @on(Select.Changed, "#export-format")
    @on(Input.Changed, "#export-period")
    def _suggest_path(self) -> None:
        """A path named after the document and period, in the folder already chosen."""
        path = self.query_one("#export-path", Input)
        if path.value and not getattr(self, "_suggested", None) == path.value:
            return  # typed by the coordinator: kept
        document = self.document()
        blank = "all" if document == "retention" else "last"
        period = self.query_one("#export-period", Input).value.strip().replace(" ", "") or blank
        kind = str(self.query_one("#export-format", Select).value)
        stem = {
            "quarter": f"quarter-{period}",
            "progress": f"progress-since-{period}",
            "ics": "calendar",
            "retention": f"retention-since-{period}",
        }[document]
        self._suggested = f"~/ccm-{stem}.{kind}"
        path.value = self._suggested

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    @on(Button.Pressed, "#export-save")
    def action_save(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.show_errors({"path": "where to write it: a file path"})
            self.query_one("#export-path").focus()
            return
        if not self.lock_form():
            return
        self.clear_errors()
        area = self.query_one("#export-area", Select).value
        self.write(
            self.document(),
            self.query_one("#export-period", Input).value.strip(),
            None if area == Select.NULL else str(area),
            str(self.query_one("#export-format", Select).value),
            self.query_one("#export-redact", Checkbox).value,
            Path(path).expanduser(),
        )

    @work(thread=True, exclusive=True, group="export")
    def write(self, document: str, period: str, area: str | None, kind: str, redact: bool, path: Path) -> None:
        from ccmtui.domain.errors import CCMError
        from ccmtui.files import write_private
        from ccmtui.reports.documents import progress_document, quarter_summary, render_quarter

        source = self.app.source
        errors: dict[str, str] = {}
        try:
            if not path.parent.is_dir():
                errors["path"] = f"cannot write {path}: no folder {path.parent}"
                raise LookupError
            with source.register() as register:
                if document == "quarter":
                    try:
                        quarter = Quarter.parse(period) if period else last_quarter(source.today)
                    except CCMError as error:
                        errors["period"] = str(error)
                        raise LookupError from None
                    summary = quarter_summary(
                        register.reader, quarter, area=area, dated=source.today, redact=redact, prepared_by=source.by
                    )
                    content = render_quarter(summary, kind)
                    what = f"the {quarter.label} summary"
                elif document == "retention":
                    try:
                        content, what = self._retention(register, period, kind)
                    except CCMError as error:
                        errors["period"] = str(error)
                        raise LookupError from None
                elif document == "ics":
                    try:
                        content, what = self._calendar(register, period)
                    except CCMError as error:
                        errors["period"] = str(error)
                        raise LookupError from None
                else:
                    try:
                        report, content = progress_document(
                            register.reader, register, period or None, None, kind, aggregate_only=redact
                        )
                    except CCMError as error:
                        errors["period"] = str(error)
                        raise LookupError from None
                    what = f"{report.title}, as of {report.period.as_of.isoformat()}"
            try:
                written = write_private(path, content)
            except CCMError as error:
                errors["path"] = str(error)
                raise LookupError from None
        except LookupError:
            pass
        except CCMError as error:
            errors["form"] = str(error)
        if errors:
            deliver(self, self.unlock_form)
            deliver(self, self.show_errors, errors)
            return
        deliver(self, self._written, f"Wrote {written} ({what}).")

    def _calendar(self, register: Register, since: str) -> tuple[bytes, str]:
        from datetime import timedelta

        from ccmtui.reports.documents import calendar_document, calendar_states

        source = self.app.source
        today = source.today
        start = register.resolve_day(since, "since") if since else today - timedelta(days=365)
        states = calendar_states(register.reader, source.config.get("state"))
        content, count = calendar_document(register.reader, register, states, start, today + timedelta(days=730), today)
        return content, f"a calendar of {count} events"

    def _retention(self, register: Register, since: str, kind: str) -> tuple[str | bytes, str]:
        from ccmtui.reports.blocks import to_docx, to_markdown
        from ccmtui.reports.docx_layout import parse_paper
        from ccmtui.reports.retention_document import build_retention_document

        document = build_retention_document(register, self.app.source.today, since or None)
        if kind == "md":
            content: str | bytes = to_markdown(document.blocks)
        else:
            paper = parse_paper(self.app.source.config.get("paper"))
            content = to_docx(document.blocks, paper, title=document.title)
        return content, f"the retention working document, as of {document.period.as_of.isoformat()}"

    def _written(self, message: str) -> None:
        self.app.notify(message, title="Export")
        self.dismiss(message)
