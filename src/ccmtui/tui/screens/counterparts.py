"""Counterparts: the organisations and the people, as `ccm org list` and `ccm person list` give
them; `N` adds a person, `E` edits the highlighted one, `D` deletes them (undone in Changes)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Select, Static

from ccmtui.textsafe import literal
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

VIEWS = (("People", "people"), ("Organisations", "organisations"))
PEOPLE_COLUMNS = (Column("Name", 22), Column("Role", 30), Column("Works for"))
ORG_COLUMNS = (Column("Code", 9), Column("Kind", 13), Column("Helps with", 34), Column("Name"))


class CounterpartsScreen(SectionScreen):
    SECTION = "summary"
    AUTO_FOCUS = "#counterparts-table"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="counterparts.back"),
        Binding("N", "new_person", "New person…", id="counterparts.new"),
        Binding("E", "edit_person", "Edit person…", id="counterparts.edit"),
        Binding("D", "delete_person", "Delete person…", id="counterparts.delete"),
        Binding(
            "left_square_bracket,right_square_bracket",
            "switch",
            "People / organisations",
            key_display="[ ]",
            id="counterparts.switch",
        ),
    ]

    def __init__(self, view: str = "people") -> None:
        super().__init__()
        self.view = view
        self.rows: list = []
        self.details: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select(list(VIEWS), value=self.view, allow_blank=False, id="counterparts-view", compact=True)
        yield VirtualTable(PEOPLE_COLUMNS, id="counterparts-table", classes="panel")
        yield Static(id="counterparts-detail", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#counterparts-table").loading = True
        self.query_one("#counterparts-detail").border_title = "Details"

    def reload(self) -> None:
        self.load(self.view)

    @on(Select.Changed, "#counterparts-view")
    def view_changed(self, event: Select.Changed) -> None:
        if str(event.value) != self.view:
            self.view = str(event.value)
            self.refresh_bindings()
            self.reload()

    def action_switch(self) -> None:
        chosen = self.query_one("#counterparts-view", Select)
        chosen.value = "organisations" if self.view == "people" else "people"

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("edit_person", "delete_person"):
            return self.view == "people"
        return True

    @work(thread=True, exclusive=True, group="counterparts")
    def load(self, view: str) -> None:
        from ccmtui.domain.counterparts import HELP_KINDS
        from ccmtui.reports.counterparts import People, works_for

        with reporting(self), self.app.source.register() as register:
            people = People(register.reader)
            details: dict[str, str] = {}
            if view == "people":
                rows = people.rows
                for p in rows:
                    lines = [f"{p.name}{' — ' + p.role if p.role else ''}", f"Works for: {works_for(p)}"]
                    lines += [f"{label}: {value}" for label, value in (("E-mail", p.email), ("Phone", p.phone),
                              ("Notes", p.notes)) if value]  # fmt: skip
                    details[p.uuid] = "\n".join(lines)
            else:
                rows = list(register.organisations)
                for o in rows:
                    staff = people.of_organisation(o.code)
                    helps = "; ".join(HELP_KINDS[h] for h in o.helps if h in HELP_KINDS)
                    lines = [f"{o.code} — {o.name}", f"Helps with: {helps or 'the public record here is silent'}"]
                    if o.aliases:
                        lines.append(f"Also written: {', '.join(o.aliases)}")
                    if staff:
                        lines.append("People: " + ", ".join(p.name for p in staff))
                    lines.append(f"Source: {o.source or 'none given'}")
                    details[o.code] = "\n".join(lines)
            deliver(self, self._show, view, rows, details, [works_for(r) for r in rows] if view == "people" else [])

    def _show(self, view: str, rows: list, details: dict, employers: list) -> None:
        same = self.rows and type(rows[0] if rows else None) is type(self.rows[0])
        self.rows, self.details = rows, details
        table = self.query_one("#counterparts-table", VirtualTable)
        if view == "people":
            table.columns = PEOPLE_COLUMNS
            table.show(LocalRows(rows, lambda i, r: Row(r.uuid, (r.name, r.role, employers[i]))), keep_cursor=same)
            table.border_title = f"People · {len(rows)}"
            table.border_subtitle = "N new · E edit · D delete"
        else:
            table.columns = ORG_COLUMNS
            cells = lambda i, o: Row(o.code, (o.code, o.kind, ", ".join(o.helps) or "—", o.name))  # noqa: E731
            table.show(LocalRows(rows, cells), keep_cursor=same)
            table.border_title = f"Organisations · {len(rows)}"
            table.border_subtitle = "one of your own: ccm org add"
        table.loading = False
        self._detail(table.cursor)

    @on(VirtualTable.RowHighlighted, "#counterparts-table")
    def highlighted_row(self, event: VirtualTable.RowHighlighted) -> None:
        self._detail(event.index)

    def _detail(self, index: int) -> None:
        panel = self.query_one("#counterparts-detail", Static)
        if 0 <= index < len(self.rows):
            row = self.rows[index]
            panel.update(literal(self.details.get(getattr(row, "uuid", None) or row.code, "")))
        else:
            panel.update("Nobody recorded yet: n adds a person." if self.view == "people" else "")

    def _person(self):
        table = self.query_one("#counterparts-table", VirtualTable)
        if self.view == "people" and self.rows and 0 <= table.cursor < len(self.rows):
            return self.rows[table.cursor]
        self.notify("Highlight a person first.", title="Nothing to change here")
        return None

    def action_new_person(self) -> None:
        from ccmtui.tui.dialogs.person import PersonDialog

        self.app.push_screen(PersonDialog())

    def action_edit_person(self) -> None:
        from ccmtui.tui.dialogs.person import PersonDialog

        person = self._person()
        if person is not None:
            self.app.push_screen(PersonDialog(person))

    def action_delete_person(self) -> None:
        from ccmtui.tui.dialogs.confirm import ConfirmDialog

        person = self._person()
        if person is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(person.uuid)

        question = (
            f"Delete {person.name}, and the record of meeting them? The engagements stay; `U` in Changes undoes it."
        )
        self.app.push_screen(ConfirmDialog("Delete a person", question, "Delete"), answered)

    @work(thread=True, exclusive=True, group="counterparts-delete")
    def delete(self, uuid: str) -> None:
        from ccmtui.actions.counterparts import delete_person

        source = self.app.source
        with reporting(self, title="Not deleted"), source.register() as register:
            written = delete_person(register, source.writing, person=uuid)
            deliver(self, self._deleted, written.message)

    def _deleted(self, message: str) -> None:
        self.notify(message, title="Deleted")
        self.app.post_message(DataChanged("people"))
        self.action_reload()
