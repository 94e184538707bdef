"""Importing General Assembly votes from the UN Digital Library's voting data: every row checked, all or nothing.

The UN Digital Library's voting-data export has one row per member state and resolution:
`undl_id, ms_code, ms_name, ms_vote, date, session, resolution, draft, committee_report, meeting,
title, agenda_title, subjects, total_yes, total_no, total_abstentions, total_non_voting, total_ms,
undl_link`. ccm needs `ms_code` (or `ms_name`), `ms_vote` and `date`; rows whose `title` is not
the Convention's resolution are passed over, so the whole export may be given. A vote already
recorded for a state and year is replaced (and `ccm undo` puts it back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.imports import read_rows
from ccmtui.actions.recording import _free
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.dates import parse_date
from ccmtui.domain.errors import CCMError, InputError
from ccmtui.domain.unga import TITLE, check_symbol, check_year, parse_vote
from ccmtui.files import RowProblems

if TYPE_CHECKING:
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

COLUMNS = (
    "undl_id",
    "ms_code",
    "ms_name",
    "ms_vote",
    "date",
    "session",
    "resolution",
    "draft",
    "committee_report",
    "meeting",
    "title",
    "agenda_title",
    "subjects",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "undl_link",
)
REQUIRED = ("ms_vote", "date")


@dataclass
class VoteRow:
    line: int
    iso3: str
    year: int
    voted_on: date
    vote: str
    resolution: str
    source: str


@dataclass
class ImportedVotes:
    written: int
    replaced: int
    passed_over: int  # rows on other resolutions
    years: list[int]


def _rows(path: Path, label: str) -> tuple[list[str], list[tuple[int, dict]]]:
    """The file's columns and its rows (ms_code or ms_name naming the state)."""
    rows = read_rows(path, REQUIRED, tuple(c for c in COLUMNS if c not in REQUIRED), label)
    header = next((list(row) for _, row in rows if "__extra__" not in row), [])
    if header and not ({"ms_code", "ms_name"} & set(header)):
        raise InputError(f"{label}: missing column ms_code (or ms_name); expected {', '.join(COLUMNS)}")
    return header, rows


def _about_the_convention(row: dict, header: list[str]) -> bool:
    """Is the row a vote on the Convention's resolution? By its title (the whole export may be given)."""
    if "title" not in header:
        return True
    return TITLE.casefold() in " ".join(row.get("title", "").split()).casefold()


def parse_row(line: int, row: dict, header: list[str], register: Register, today: date, source: str) -> VoteRow:
    from ccmtui.reports.votes import resolutions

    if "__extra__" in row:
        raise InputError("more cells than columns")
    named = row.get("ms_code") or row.get("ms_name") or ""
    if not named:
        raise InputError("no state (ms_code and ms_name are empty)")
    iso3 = register.index.resolve(named)
    voted_on = parse_date(row["date"], "date")
    year = check_year(voted_on.year, today)
    known = resolutions().get(year)
    # The file's symbol, when it agrees with the year; else the shipped one ('' when the record is silent).
    symbol = check_symbol(row.get("resolution", ""), year, known) or (known.symbol if known and known.symbol else "")
    link = row.get("undl_link", "")
    return VoteRow(line, iso3, year, voted_on, parse_vote(row["ms_vote"]), symbol, link or source)


def import_votes(
    writer: Writer,
    path: Path,
    register: Register,
    *,
    today: date,
    source: str,
    label: str | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> ImportedVotes:
    """Every row checked, then every vote written (a vote already recorded for a state and year is
    replaced); `label` names the file in errors (stdin for -)."""
    step = on_progress or (lambda _n: None)
    label = label or str(path)
    problems = RowProblems(label)
    header, rows = _rows(path, label)
    parsed: list[VoteRow] = []
    seen: dict[tuple[str, int], int] = {}
    passed_over = 0
    for line, row in rows:
        step(1)
        if "__extra__" not in row and not _about_the_convention(row, header):
            passed_over += 1
            continue
        try:
            vote = parse_row(line, row, header, register, today, source)
            first = seen.setdefault((vote.iso3, vote.year), line)
            if first != line:
                raise InputError(f"a second vote for {vote.iso3} in {vote.year} (also line {first})")
            parsed.append(vote)
        except CCMError as error:
            problems.add(line, str(error))
    problems.raise_if_any()
    if not parsed:
        raise InputError(f"{label}: no vote on “{TITLE}” in it ({passed_over} rows on other resolutions)")
    recorded = {(r.iso3, r.year): r.uuid for r in writer.rows(Q.unga_votes)}
    replaced = 0
    for vote in parsed:
        values = {
            "iso3": vote.iso3,
            "year": vote.year,
            "voted_on": vote.voted_on,
            "vote": vote.vote,
            "resolution": vote.resolution,
            "source": vote.source,
            "recorded_by": writer.by,
        }
        uuid = recorded.get((vote.iso3, vote.year))
        try:
            if uuid:
                writer.update("unga_votes", uuid, values)
                replaced += 1
            else:
                writer.insert(
                    "unga_votes",
                    {"uuid": _free(writer, "unga_votes", stable_uuid("unga_votes", vote.iso3, vote.year)), **values},
                )
        except InputError as error:
            problems.add(vote.line, str(error))
        step(1)
    problems.raise_if_any()
    return ImportedVotes(len(parsed) - replaced, replaced, passed_over, sorted({v.year for v in parsed}))
