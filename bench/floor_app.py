"""The app's floor in the benchmark: a bare Textual app showing a 200-row table, nothing else.

No ccm app can be ready sooner than this one on the same machine in the same run."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable


class Floor(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Id", "Date", "Kind", "States", "Summary")
        for n in range(200):
            table.add_row(f"{n:08x}", "2025-01-01", "demarche", "KEN, UGA", f"Row {n} of a bare table")


if __name__ == "__main__":
    Floor().run()
