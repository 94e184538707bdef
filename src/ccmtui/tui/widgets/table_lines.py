"""A row of a long list drawn as one line of segments: each cell cut with an ellipsis or padded
to its column, one space either side, the line's style under the cells' own and the cursor's over
both; plain cells and cells of one style each are drawn without building a Rich Text."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from ccmtui.textsafe import literal, literal_text, visible


def _fitted(text: str, width: int) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or padded (as Rich's `Text.truncate`)."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - length) if length < width else text


def _one_style(cell) -> bool:
    """A plain cell, or a Text of one style throughout with nothing to show as a placeholder."""
    return not isinstance(cell, Text) or (not cell.spans and cell.plain.isprintable())


def table_line(
    cells: Sequence, widths: list[int], style: Style, width: int, over: Style | None, console: Console
) -> Strip:
    """The cells in their columns' widths, as a line `width` cells wide."""
    if not any(isinstance(cell, Text) for cell in cells):
        # Plain cells, one style: the line as one segment, cut and padded as Rich would.
        plain = "".join(
            f" {_fitted(visible(cell, lines=False), cell_width)} " for cell, cell_width in zip(cells, widths)
        )
        strip = Strip([Segment(plain, style if over is None else style + over)], cell_len(plain))
        return strip.adjust_cell_length(width, style)
    if all(_one_style(cell) for cell in cells):
        return _styled_line(cells, widths, style, width, over)
    line = Text(no_wrap=True, end="")
    for cell, cell_width in zip(cells, widths):
        text = literal_text(cell).copy() if isinstance(cell, Text) else literal(cell, lines=False)
        text.truncate(cell_width, overflow="ellipsis", pad=True)
        line.append(" ")
        line.append_text(text)
        line.append(" ")
    # Under the cells' own styles (a Text renders its base style only inside a console).
    line.stylize_before(style)
    if over is not None:
        line.stylize(over)  # the cursor reads the same whatever the cells' colours
    strip = Strip(line.render(console), line.cell_len)
    return strip.adjust_cell_length(width, style)


def _styled_line(cells: Sequence, widths: list[int], style: Style, width: int, over: Style | None) -> Strip:
    """Cells each of one style (a kind in its colour): the segments Rich would draw, without
    building and rendering a Text: runs of one style, the line's style under a cell's own and
    the cursor's over both."""
    line = style if over is None else style + over
    runs: list[list] = []
    for cell, cell_width in zip(cells, widths):
        own = cell.style if isinstance(cell, Text) else None
        if own:
            own = Style.parse(own) if isinstance(own, str) else own
            cell_style = style + own if over is None else style + own + over
            parts = ((" ", line), (_fitted(cell.plain, cell_width), cell_style), (" ", line))
        else:
            parts = ((f" {_fitted(visible(cell, lines=False), cell_width)} ", line),)
        for text, text_style in parts:
            if runs and runs[-1][1] == text_style:
                runs[-1][0] += text
            else:
                runs.append([text, text_style])
    segments = [Segment(text, text_style) for text, text_style in runs]
    return Strip(segments, sum(cell_len(text) for text, _ in runs)).adjust_cell_length(width, style)
