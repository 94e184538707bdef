"""The pieces every summary is drawn with: headings, lists of names that wrap between names,
charts, percentages, and the line for what a long period leaves out."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

NOT_RECORDED = Text("not recorded", style="dim")

# The latest rows of a long period a terminal shows (category changes, campaigns); --json has every one.
SHOWN = 40


def _figures(summary) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("Figure")
    table.add_column("Value", justify="right")
    for label, value in summary.figures():
        table.add_row(label, NOT_RECORDED if value is None else Text(f"{value:,}", style="bold"))
    return table


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold")


class NameList:
    """States as a paragraph, wrapped between names only, so no name is split across lines."""

    def __init__(self, names: list[str], label: str = ""):
        self.names = names
        self.label = label

    def __rich_console__(self, console, options):
        if not self.names:
            yield Text.assemble((self.label, "bold"), ("none", "dim"))
            return
        width = options.max_width
        line = Text(self.label, style="bold")
        last = len(self.names) - 1
        for index, name in enumerate(self.names):
            piece = name + ("," if index < last else "")
            if line.cell_len and line.cell_len + 1 + len(piece) > width and line.plain.strip() != self.label.strip():
                yield line
                line = Text(piece)
            else:
                line.append((" " if line.cell_len and not line.plain.endswith(" ") else "") + piece)
        yield line


def _names(items, describe=lambda item: item.name, label: str = "") -> NameList:
    return NameList([describe(item) for item in items], f"{label}: " if label else "")


def _chart(lines: list[str], style: str = "cyan") -> Text:
    text = Text()
    for line in lines:
        text.append(line + "\n", style=style)
    text.rstrip()
    return text


def _width(width: int, reserve: int = 30) -> int:
    return max(10, min(50, width - reserve))


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _earlier(count: int, what: str) -> list[RenderableType]:
    """The line saying how many of a long period's rows the terminal leaves out (the earliest)."""
    if count <= SHOWN:
        return []
    return [Text(f"… and {count - SHOWN:,} earlier {what} (every one: --json)", style="dim")]
