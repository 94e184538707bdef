"""The figures of each thematic area as they stood on a day, and what changed since a meeting.

`build_summary(reader, area, as_of, since)` is the one entry point: the command line
(`ccm summary`, `ccm report progress`) and the TUI's summary screen call it and get
plain dataclasses back, with the states named in each figure so that a reader can
check it. Everything here reads through `reader.rows(...)` only: no SQLAlchemy, no
Textual, no rich.

Dates of reduced precision (a completion declared in `2023-06`) are never completed
with a guessed day: a figure counts an event only when the record shows it happened
within the period; the ones it cannot place are listed apart as undetermined.

One module per thematic area builds its summary (`universalization.py`, `obligations.py` for
Art. 3 and 4, `victim_assistance.py`, `cooperation.py`, `transparency.py`,
`national_measures.py`); `actions.py` counts each area's actions of the action plan in force;
`common.py` holds the period and the pieces they share.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.domain.areas import AREAS, SUMMARY_AREAS, parse_area
from ccmtui.domain.categories import DEFAULT_MAX_AGE_MONTHS
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import Standing
from ccmtui.reports.summary.actions import ActionTally, action_tallies
from ccmtui.reports.summary.common import EngagementTally, Period, StateRef, resolve_period
from ccmtui.reports.summary.cooperation import CooperationSummary, cooperation_summary
from ccmtui.reports.summary.national_measures import MeasureLine, NationalMeasuresSummary, national_measures_summary
from ccmtui.reports.summary.obligations import (
    ObligationLine,
    ObligationsSummary,
    RetentionLine,
    StockpileSummary,
    clearance_summary,
    stockpile_summary,
)
from ccmtui.reports.summary.transparency import AnnualRound, InitialReport, TransparencySummary, transparency_summary
from ccmtui.reports.summary.universalization import (
    CampaignTally,
    CategoryMove,
    DemarcheTally,
    Joined,
    UniversalizationSummary,
    Withdrawal,
    universalization_summary,
)
from ccmtui.reports.summary.victim_assistance import VictimAssistanceSummary, victim_assistance_summary

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

# -- the entry points

BUILDERS = {
    "universalization": universalization_summary,
    "stockpile-destruction": stockpile_summary,
    "clearance": clearance_summary,
    "victim-assistance": victim_assistance_summary,
    "cooperation": cooperation_summary,
    "transparency": transparency_summary,
    "national-implementation": national_measures_summary,
}


def summary_area(text: str) -> str:
    """The slug of an area that has a summary; an error listing them otherwise."""
    slug = parse_area(text)
    if slug not in SUMMARY_AREAS:
        raise InputError(f"no summary for {AREAS[slug].lower()}; summaries exist for: {', '.join(SUMMARY_AREAS)}")
    return slug


@dataclass
class Overview:
    """Every area's summary for the same period."""

    period: Period
    summaries: dict[str, object]
    area: str = "overview"


def build_summary(
    reader: Reader,
    area: str | None,
    as_of: date | str | None = None,
    since: date | str | None = None,
    *,
    register: Register | None = None,
    category_max_age: int | None = None,
    latest: int | None = None,
):
    """The summary of one thematic area, or of all of them, as plain dataclasses.

    reader: anything with `rows(query_name, **params)`, e.g. `AppContext.reader()`
        or `ccmtui.db.read.open_reader(path)`.
    area: a thematic area as `parse_area` reads it (`universalization`, `stockpile`,
        `clearance`, `victim-assistance`, `cooperation`, `transparency`,
        `national-implementation`), or None for an `Overview` of all of them.
    as_of: the day the figures are for, a `date`, `YYYY-MM-DD` or a meeting code
        (its opening day); None is today.
    since: the day changes are counted from, exclusive (same forms); None is the
        last meeting that opened before `as_of`.

    Returns a `UniversalizationSummary`, `StockpileSummary`, `ObligationsSummary`
    (clearance), `VictimAssistanceSummary`, `CooperationSummary`,
    `TransparencySummary`, `NationalMeasuresSummary` or `Overview`. Each has
    `period`, `area` and `figures()` (label, value) pairs, a value of None meaning
    "not recorded"; `summary_json(summary)` gives its JSON form. Raises
    `InputError` for an unknown area or meeting or a `since` after `as_of`.
    category_max_age: months after which a category is stale (default 24).
    latest: keep only the period's latest campaigns and category changes, that many, as a terminal
        shows them (their numbers in `campaigns_in_period` and `category_moves_in_period`); None keeps
        every one, as JSON and documents have them.
    """
    from ccmtui.reports.register import Register

    register = register or Register(reader)
    slug = summary_area(area) if area else None
    period = resolve_period(register, as_of, since)
    builders = dict(BUILDERS)
    if category_max_age is not None or latest is not None:
        max_age = DEFAULT_MAX_AGE_MONTHS if category_max_age is None else category_max_age
        builders["universalization"] = lambda r, g, p: universalization_summary(r, g, p, max_age, latest)
    if slug is not None:
        return _with_actions(builders[slug](reader, register, period), reader, register, period)
    summaries: dict[str, object] = {}
    for name in SUMMARY_AREAS:
        if name == "cooperation":
            summaries[name] = cooperation_summary(
                reader,
                register,
                period,
                summaries["stockpile-destruction"],
                summaries["clearance"],
                summaries["victim-assistance"],
            )
        else:
            summaries[name] = builders[name](reader, register, period)
    for summary in summaries.values():
        _with_actions(summary, reader, register, period)
    return Overview(period=period, summaries=summaries)


def _with_actions(summary, reader: Reader, register: Register, period: Period):
    """The summary with its area's actions of the action plan in force counted."""
    summary.actions = action_tallies(reader, register, summary.area, period)
    return summary


def redacted(value):
    """The summary without what a redacted output leaves out: the rationale of each category change.

    Its figures name no individual and carry no note; a category's rationale is the only free text.
    """
    if isinstance(value, CategoryMove):
        return dataclasses.replace(value, rationale="")
    if isinstance(value, Overview):
        return dataclasses.replace(value, summaries={k: redacted(v) for k, v in value.summaries.items()})
    if isinstance(value, UniversalizationSummary):
        return dataclasses.replace(
            value,
            category_moves=[redacted(m) for m in value.category_moves],
            category_moves_reasoned=None if value.category_moves_reasoned is None else False,
        )
    return value


def summary_json(value):
    """A summary as JSON-ready values: ISO 8601 dates, lists, dicts; derived counts included."""
    if isinstance(value, Period):
        return {
            "as_of": value.as_of.isoformat(),
            "since": value.since.isoformat(),
            "since_meeting": value.since_meeting,
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {
            f.name: summary_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("json", True)
        }
        if hasattr(value, "figures"):
            result["figures"] = [{"label": label.strip(), "value": v} for label, v in value.figures()]
        return result
    if isinstance(value, dict):
        return {str(k): summary_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [summary_json(v) for v in value]
    if isinstance(value, (date, PartialDate)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, Standing):
        return value.value
    return value


__all__ = [
    "SUMMARY_AREAS",
    "ActionTally",
    "AnnualRound",
    "CampaignTally",
    "CooperationSummary",
    "DemarcheTally",
    "EngagementTally",
    "InitialReport",
    "Joined",
    "MeasureLine",
    "NationalMeasuresSummary",
    "ObligationLine",
    "ObligationsSummary",
    "Overview",
    "Period",
    "RetentionLine",
    "StateRef",
    "StockpileSummary",
    "TransparencySummary",
    "UniversalizationSummary",
    "VictimAssistanceSummary",
    "Withdrawal",
    "build_summary",
    "redacted",
    "resolve_period",
    "summary_area",
    "summary_json",
]
