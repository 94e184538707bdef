"""Small charts drawn with block characters: a bar per year, and a bar for a share."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

EIGHTHS_UP = " ▁▂▃▄▅▆▇█"
EIGHTHS_ACROSS = " ▏▎▍▌▋▊▉█"


def share_bar(part: int, whole: int, width: int = 10) -> str:
    """A horizontal bar `width` cells long, filled in eighths of a cell."""
    if not whole:
        return " " * width
    eighths = round(8 * width * min(part, whole) / whole)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS_ACROSS[rest] if rest else "")).ljust(width)


def year_bars(points: list[tuple[int, int]], width: int, height: int, style: str = "green") -> Text:
    """One column per year, as tall as its value, with the years under them.

    When the years do not fit, the latest ones are shown."""
    if not points or width < 1 or height < 2:
        return Text("")
    step = max(1, min(4, width // len(points)))
    shown = points[-(width // step) :]
    top = max(value for _, value in shown) or 1
    rows = height - 1
    bar = max(1, step - 1)
    lines: list[Text] = []
    for line in range(rows, 0, -1):  # top line first
        text = Text()
        for _, value in shown:
            eighths = round(8 * rows * value / top) - 8 * (line - 1)
            cell = EIGHTHS_UP[max(0, min(8, eighths))]
            text.append(cell * bar, style=style)
            text.append(" " * (step - bar))
        lines.append(text)
    lines.append(_year_labels([year for year, _ in shown], step))
    return Text("\n").join(lines)


def _year_labels(years: list[int], step: int) -> Text:
    """The first year, then every year that has room for its label."""
    labels = [" "] * (len(years) * step)
    end = 0
    for number, year in enumerate(years):
        at = number * step
        label = str(year) if at + 4 <= len(labels) else f"'{year % 100:02d}"
        if at >= end and at + len(label) <= len(labels) and (number == 0 or year % 5 == 0 or step >= 5):
            labels[at : at + len(label)] = label
            end = at + len(label) + 1
    return Text("".join(labels), style="dim")


class YearChart(Widget):
    """Bars by year, drawn to the widget's size."""

    DEFAULT_CSS = """
    YearChart { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.points: list[tuple[int, int]] = []

    def show(self, points: list[tuple[int, int]]) -> None:
        self.points = points
        self.refresh()

    def render(self) -> Text:
        size = self.content_size
        return year_bars(self.points, size.width, size.height)
