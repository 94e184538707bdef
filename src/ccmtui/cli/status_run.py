"""What `ccm status` does with its options: the register of states, filtered, as a table, JSON or a count.

Typer's command (`ccmtui.cli.status`) and the lean start (`ccmtui.cli.lean`) both run it: it needs
no command-line parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccmtui.cli._context import AppContext, echo, wanted

if TYPE_CHECKING:
    from pathlib import Path


def status(
    context: AppContext,
    states: list[str] | None = None,
    category: list[str] | None = None,
    region: list[str] | None = None,
    status_: list[str] | None = None,
    as_of: str | None = None,
    as_json: bool = False,
    plain: bool = False,
    format_: str | None = None,
    output: Path | None = None,
    redact: bool = False,
    count: bool = False,
    stale: bool = False,
    grouping: list[str] | None = None,
    reason: list[str] | None = None,
) -> None:
    """The states chosen, as the options ask (`ccm status --help` says what each does)."""
    from ccmtui.config import category_max_age
    from ccmtui.domain.categories import is_stale
    from ccmtui.reports.register import build_filter

    register = context.register()
    months = category_max_age(context.config)
    day = register.resolve_day(as_of, "--as-of")
    chosen = build_filter(
        register, states=states or (), statuses=status_ or (), categories=category or (), regions=region or ()
    )
    every = register.on(day)
    rows = [state for state in every if chosen.keeps(state)]
    if stale:
        rows = [state for state in rows if is_stale(state.category_since, day, months)]
    if grouping:
        from ccmtui.reports.momentum import grouping_book

        book = grouping_book()
        members = set().union(*(book.members_on(book.resolve(text).code, day) for text in grouping))
        rows = [state for state in rows if state.iso3 in members]
    reasons_of: dict[str, tuple[str, ...]] = {}
    if reason or not count:
        from ccmtui.reports.reasons import current_assessments

        reasons_of = {iso3: a.reasons for iso3, a in current_assessments(context.reader(), day).items()}
    if reason:
        from ccmtui.domain.reasons import parse_reasons

        held_back_by = set(parse_reasons(reason, context.config.get("reasons")))
        rows = [s for s in rows if s.category and held_back_by & set(reasons_of.get(s.iso3, ()))]
    if count:
        echo(len(rows))
    elif wanted(as_json, format_, output):
        from ccmtui.cli._tables import emit

        records = [
            {
                **state.as_json(),
                "category_stale": is_stale(state.category_since, day, months),
                "reasons": list(reasons_of.get(state.iso3, ())) if state.category else [],
            }
            for state in rows
        ]
        emit(records, as_json, format_, output, "status", redact=redact)
    elif not rows:
        echo(_nothing(every, day, months, stale=stale, by_category=bool(category)))
    else:
        from ccmtui.cli._context import console
        from ccmtui.reports.render import register_table

        out = console()
        out.print(register_table(rows, day, out.width, max_age=months, reasons=reasons_of))


def _nothing(every, day, months: int, *, stale: bool, by_category: bool) -> str:
    """What is empty, and how to start."""
    assessed = [s for s in every if s.category]
    if (stale or by_category) and not assessed:
        return (
            f"No state has been assessed yet (Category I, II or III) as of {day.isoformat()}. "
            'Record an assessment with `ccm classify STATE II -r "why"`.'
        )
    if stale:
        return (
            f"No assessment is older than {months} months as of {day.isoformat()} "
            f"({len(assessed)} states assessed; `ccm config set category_max_age N` changes the age)."
        )
    if not every:
        return "The register is empty. Create the database with `ccm init`, or try the sample: `ccm --db sample.db status`."
    return f"No state matches these filters as of {day.isoformat()}."
