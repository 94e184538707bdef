"""Text charts: horizontal bars, sparklines and a deadline timeline, as plain lines.

Plain strings, so the same chart goes to the terminal (coloured by the renderer) and
into a Markdown report's code block. No rich, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
SPARKS = "▁▂▃▄▅▆▇█"


def bar(value: float, scale: float, width: int) -> str:
    """A bar `value / scale` of `width` cells, drawn to an eighth of a cell."""
    if scale <= 0 or value <= 0:
        return ""
    eighths = round(value / scale * width * 8)
    eighths = max(eighths, 1)
    return FULL * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def bar_lines(items: list[tuple[str, float]], width: int = 40, unit: str = "") -> list[str]:
    """One line per item: label, bar, value; the longest bar fills `width`."""
    if not items:
        return []
    label_width = max(len(label) for label, _ in items)
    scale = max((value for _, value in items), default=0)
    value_width = max(len(f"{value:,}") for _, value in items)
    lines = []
    for label, value in items:
        drawn = bar(value, scale, width)
        lines.append(f"{label.ljust(label_width)}  {f'{value:,}'.rjust(value_width)}{unit}  {drawn}".rstrip())
    return lines


def sparkline(values: list[float]) -> str:
    """One character per value, from ▁ (lowest) to █ (highest)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARKS[0 if high == 0 else -1] * len(values)
    return "".join(SPARKS[round((v - low) / (high - low) * (len(SPARKS) - 1))] for v in values)


@dataclass(frozen=True, slots=True)
class Span:
    """One row of a timeline: a state's obligation from entry into force to its deadline."""

    label: str
    start: date | None
    deadline: date | None
    extended_to: date | None = None
    completed: date | None = None


LEGEND = "─ obligation running  ◆ deadline  ━▶ extended to  ✓ completed  │┼ the as-of day"


def timeline(spans: list[Span], today: date, width: int = 60) -> list[str]:
    """A row per span on a shared axis of years, with the as-of day marked."""
    if not spans:
        return []
    days = [today]
    for span in spans:
        days += [d for d in (span.start, span.deadline, span.extended_to, span.completed) if d]
    first = date(min(days).year, 1, 1)
    last = date(max(days).year + 1, 1, 1)
    total = (last - first).days

    def column(day: date) -> int:
        return min(width - 1, round((day - first).days / total * (width - 1)))

    label_width = max(len(span.label) for span in spans)
    lines = []
    for span in spans:
        cells = [" "] * width
        end = span.completed or span.extended_to or span.deadline or today
        for i in range(column(span.start or first), column(end) + 1):
            cells[i] = "─"
        if span.extended_to and span.deadline:
            for i in range(column(span.deadline), column(span.extended_to) + 1):
                cells[i] = "━"
        cells[column(today)] = "┼" if cells[column(today)] in "─━" else "│"
        if span.deadline:
            cells[column(span.deadline)] = "◆"
        if span.extended_to:
            cells[column(span.extended_to)] = "▶"
        if span.completed:
            cells[column(span.completed)] = "✓"
        lines.append(f"{span.label.ljust(label_width)}  {''.join(cells).rstrip()}")
    lines.append(" " * label_width + "  " + _axis(first, last, width, column))
    lines.append(" " * label_width + "  " + _axis_labels(first, last, width, column))
    return lines


def _years(first: date, last: date, width: int) -> list[int]:
    span = last.year - first.year
    step = next((s for s in (1, 2, 5, 10, 20) if span / s * 6 <= width), 50)
    return [y for y in range(first.year, last.year + 1) if y % step == 0]


def _axis(first: date, last: date, width: int, column) -> str:
    cells = ["─"] * width
    for year in _years(first, last, width):
        cells[column(date(year, 1, 1))] = "┼"
    return "".join(cells)


def _axis_labels(first: date, last: date, width: int, column) -> str:
    cells = [" "] * (width + 4)
    for year in _years(first, last, width):
        at = column(date(year, 1, 1))
        text = str(year)
        start = max(0, min(at - 2, len(cells) - len(text)))
        if all(c == " " for c in cells[max(0, start - 1) : start + len(text)]):
            cells[start : start + len(text)] = text
    return "".join(cells).rstrip()
