"""What the commands over the Art. 3-9 records share: their arguments and their listings."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ccmtui.actions.fields import Written
    from ccmtui.cli._common import AppContext
    from ccmtui.reports.register import Register

States = Annotated[list[str] | None, typer.Argument(metavar="[STATE]...", help="ISO3 codes or names (default: all).")]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
Source = Annotated[str | None, typer.Option("--source", help="Where it comes from: document, page, date (required).")]
Year = Annotated[int | None, typer.Option("--year", help="One year only.")]

FREE_TEXT = ("Source", "Purpose", "Details", "Measure", "Title")


@contextmanager
def in_option_words(**options: str) -> Iterator[None]:
    """A form's field errors in the command's words: the first one, after the option it came from
    (`--{field}` unless renamed; the state, and a field renamed to "", is an argument and needs no name)."""
    from ccmtui.domain.errors import FieldErrors, InputError

    try:
        yield
    except FieldErrors as error:
        name, message = next(iter(error.errors.items()))
        option = "" if name == "state" else options.get(name, "--" + name)
        raise InputError(f"{option}: {message}" if option else message) from None


def record_form(
    ctx: typer.Context, action: Callable[..., Written], renames: dict[str, str] | None = None, **fields
) -> None:
    """Record through the form action the app uses too, and say what was written; a field's error in
    the command's words (see `in_option_words`)."""
    from ccmtui.cli._common import app_context, say

    context = app_context(ctx)
    with in_option_words(**(renames or {})):
        written = action(context.register(), context.writing, **fields)
    say(written.message)


def chosen_states(register: Register, states: list[str] | None) -> set[str] | None:
    return {register.index.resolve(s) for s in states} if states else None


def recorded_rows(context: AppContext, query: str, states: list[str] | None, year: int | None = None) -> list:
    """A listing's rows for the states named (all when none) and the year given (all when None)."""
    chosen = chosen_states(context.register(), states)
    return [
        r
        for r in context.reader().rows(query)
        if (chosen is None or r.iso3 in chosen) and (year is None or r.year == year)
    ]


def record_table(title: str, headings: tuple[str, ...], rows: list[tuple], caption: str | None = None) -> None:
    """A listing; free text (sources, purposes) is cut to the line, --json has it whole."""
    from rich import box
    from rich.table import Table

    from ccmtui.cli._common import console

    out = console()
    cells = [tuple("" if cell is None else str(cell) for cell in row) for row in rows]
    widths = [max([len(heading), *(len(row[i]) for row in cells)]) for i, heading in enumerate(headings)]
    free = [i for i, heading in enumerate(headings) if heading in FREE_TEXT]
    if "State" in headings:
        widths[headings.index("State")] = min(widths[headings.index("State")], 14)
    fixed = sum(w for i, w in enumerate(widths) if i not in free) + 3 * len(headings) + 1
    share = (out.width - fixed) // max(1, len(free))
    if free and share < 12:
        # Too narrow for the free text: leave it to --json rather than squeeze the dates.
        keep = [i for i in range(len(headings)) if i not in free]
        headings = tuple(headings[i] for i in keep)
        widths = [widths[i] for i in keep]
        cells = [tuple(row[i] for i in keep) for row in cells]
        free = []
        caption = " ".join(filter(None, (caption, "Sources and notes: widen the terminal or use --json.")))
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, header_style="bold")
    for index, heading in enumerate(headings):
        if index in free:
            table.add_column(heading, no_wrap=True, overflow="ellipsis", max_width=share)
        else:
            table.add_column(heading, no_wrap=heading != "State", overflow="fold", min_width=widths[index])
    for row in cells:
        table.add_row(*row)
    out.print(table)
