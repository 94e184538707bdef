"""Engagement listings, details and search: the same functions for the CLI and the TUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.engagements import KINDS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ccmtui.db.read import Reader

EARLIEST = date(1900, 1, 1)
LATEST = date(9999, 12, 31)
# The largest LIMIT every backend takes (PostgreSQL binds it as a 32-bit integer).
NO_LIMIT = 2**31 - 1
# Ids bound in one IN list: a few hundred at a time is several times faster on SQLite than
# thousands at once (a state's 9,000 engagements).
IN_CHUNK = 500
# The first page read by `iter_engagements`: what a terminal shows at once.
FIRST_PAGE = 50


@dataclass
class EngagementLine:
    uuid: str
    occurred_on: date
    kind: str
    area: str
    channel: str
    summary: str
    follow_up_on: date | None
    recorded_by: str | None
    illustrative: bool
    states: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def planned(self) -> bool:
        """Dated after today: an engagement planned, not yet held."""
        return self.occurred_on > date.today()

    def as_json(self) -> dict:
        return {
            "id": self.uuid,
            "date": self.occurred_on.isoformat(),
            "kind": self.kind,
            "area": self.area,
            "channel": self.channel,
            "summary": self.summary,
            "states": self.states,
            "by": self.actors,
            "follow_up": self.follow_up_on.isoformat() if self.follow_up_on else None,
            "recorded_by": self.recorded_by,
            "illustrative": self.illustrative,
            "planned": self.planned,
        }


@dataclass
class EngagementFilter:
    state: str | None = None
    actor: str | None = None
    campaign: str | None = None
    area: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int | None = 50


def rows_of_engagements(reader: Reader, name: str, uuids: list[str]) -> list:
    """A query taking `uuids` (an IN list), run on a few hundred ids at a time."""
    found = []
    for start in range(0, len(uuids), IN_CHUNK):
        found += reader.rows(name, uuids=uuids[start : start + IN_CHUNK])
    return found


def with_parties(reader: Reader, rows) -> list[EngagementLine]:
    """Attach each engagement's states and acting parties (two index-backed queries per page)."""
    uuids = [row.uuid for row in rows]
    states: dict[str, list[str]] = {}
    actors: dict[str, list[str]] = {}
    if uuids:
        for row in rows_of_engagements(reader, Q.states_of_engagements, uuids):
            states.setdefault(row.engagement_uuid, []).append(row.iso3)
        for row in rows_of_engagements(reader, Q.actors_of_engagements, uuids):
            actors.setdefault(row.engagement_uuid, []).append(row.actor)
    return [
        EngagementLine(
            uuid=row.uuid,
            occurred_on=row.occurred_on,
            kind=row.kind,
            area=row.area,
            channel=row.channel,
            summary=row.summary,
            follow_up_on=row.follow_up_on,
            recorded_by=row.recorded_by,
            illustrative=bool(row.illustrative),
            states=states.get(row.uuid, []),
            actors=actors.get(row.uuid, []),
        )
        for row in rows
    ]


def list_engagements(reader: Reader, chosen: EngagementFilter, *, skip: int = 0) -> list[EngagementLine]:
    """Newest first; the most selective filter picks the index that drives the query. `skip`: the
    first lines left out (of `chosen.limit`), their states and parties never read."""
    limit = chosen.limit or NO_LIMIT
    if (chosen.state and chosen.campaign) or _post_actor(chosen):
        # A second driving filter is applied after reading (without a limit, for an actor's).
        rows = _driving_rows(reader, chosen, NO_LIMIT if _post_actor(chosen) else limit)
        return _filtered(chosen, with_parties(reader, rows))[:limit][skip:]
    return with_parties(reader, _driving_rows(reader, chosen, limit)[skip:])


def iter_engagements(
    reader: Reader, chosen: EngagementFilter, page: int = 2000, *, oldest_first: bool = False
) -> Iterator[EngagementLine]:
    """`list_engagements`' lines in its order, read a page at a time: memory stays flat however
    many match. Each page starts on the day the last one ended, leaving out the rows of that day
    already given (the order within a day is the query's own, the same each time).
    `oldest_first` (a state's only): the days in the other direction, each day's lines in the
    same order, as a timeline shows them."""
    if oldest_first and (chosen.campaign or not chosen.state):
        raise ValueError("only a state's engagements are read oldest first")
    wanted = chosen.limit or NO_LIMIT
    since, until = chosen.since or EARLIEST, chosen.until or LATEST
    skip = 0
    size = min(FIRST_PAGE, page)  # a small first page shows soon; the next ones grow to `page`
    while wanted > 0:
        asked = size + skip
        size = min(size * 4, page)
        bounded = EngagementFilter(**{**vars(chosen), "since": since, "until": until})
        rows = _driving_rows(reader, bounded, asked, oldest_first=oldest_first)
        lines = _filtered(chosen, with_parties(reader, rows[skip:]))[:wanted]
        yield from lines
        wanted -= len(lines)
        if len(rows) < asked:
            return
        last = rows[-1].occurred_on
        # Every row read of the last day: given now, skipped next time (the next page starts there).
        skip = sum(1 for row in rows if row.occurred_on == last)
        since, until = (last, until) if oldest_first else (since, last)


def _post_actor(chosen: EngagementFilter) -> str | None:
    return chosen.actor if (chosen.campaign or chosen.state) else None


def _driving_rows(reader: Reader, chosen: EngagementFilter, limit: int, *, oldest_first: bool = False) -> list:
    params = {
        "since": chosen.since or EARLIEST,
        "until": chosen.until or LATEST,
        "area": chosen.area,
        "kind": chosen.kind,
        "limit": limit,
    }
    if chosen.campaign:
        return reader.rows(Q.engagements_of_campaign, campaign=chosen.campaign, **params)
    if chosen.state:
        name = Q.engagements_of_state_oldest if oldest_first else Q.engagements_of_state
        return reader.rows(name, iso3=chosen.state, **params)
    if chosen.actor:
        return reader.rows(Q.engagements_by_actor, actor=chosen.actor, **params)
    return reader.rows(Q.engagements_recent, **params)


def _filtered(chosen: EngagementFilter, lines: list[EngagementLine]) -> list[EngagementLine]:
    """The filters the driving query did not apply."""
    if chosen.state and chosen.campaign:
        lines = [line for line in lines if chosen.state in line.states]
    post_actor = _post_actor(chosen)
    if post_actor:
        lines = [line for line in lines if post_actor in line.actors]
    return lines


def engagements_per_day(reader: Reader, chosen: EngagementFilter) -> list[tuple[date, int]]:
    """(day, engagements) newest first, for the filters of the app's list: state, area, kind,
    since, until. The sums place any position of `list_engagements`' order on a day."""
    if chosen.actor or chosen.campaign:
        raise ValueError("engagements are counted per day by state, area, kind and dates only")
    params = {"since": chosen.since or EARLIEST, "until": chosen.until or LATEST}
    if chosen.state and (chosen.area or chosen.kind):
        filters = {"area": chosen.area, "kind": chosen.kind}
        rows = reader.rows(Q.engagement_days_of_state_filtered, iso3=chosen.state, **filters, **params)
    elif chosen.state:
        rows = reader.rows(Q.engagement_days_of_state, iso3=chosen.state, **params)
    elif chosen.area and chosen.kind:
        rows = reader.rows(Q.engagement_days_of_kind_area, area=chosen.area, kind=chosen.kind, **params)
    elif chosen.area:
        rows = reader.rows(Q.engagement_days_of_area, area=chosen.area, **params)
    elif chosen.kind:
        rows = reader.rows(Q.engagement_days_of_kind, kind=chosen.kind, **params)
    else:
        rows = reader.rows(Q.engagement_days, **params)
    return [(row.occurred_on, row.engagements) for row in rows]


@dataclass
class EngagementDetail:
    line: EngagementLine
    notes: str
    action_points: list[str]
    campaign: tuple[str, str] | None
    replies: list
    attachments: list


def engagement_detail(reader: Reader, uuid: str) -> EngagementDetail:
    [row] = reader.rows(Q.engagement, uuid=uuid)
    [line] = with_parties(reader, [row])
    campaign = reader.rows(Q.campaign_of_engagement, engagement=uuid)
    return EngagementDetail(
        line=line,
        notes=row.notes,
        action_points=row.action_points.split() if row.action_points else [],
        campaign=(campaign[0].uuid, campaign[0].title) if campaign else None,
        replies=reader.rows(Q.replies_of_engagement, engagement=uuid),
        attachments=reader.rows(Q.attachments_of_engagements, uuids=[uuid]),
    )


@dataclass
class SearchHit:
    uuid: str
    occurred_on: date
    kind: str
    area: str
    summary: str
    excerpt: str


def search(reader: Reader, text: str, limit: int = 50, chosen: EngagementFilter | None = None) -> list[SearchHit]:
    """Full text over summaries and notes: FTS5 on SQLite, a portable LIKE elsewhere; within
    `chosen`'s state, area, kind, since and until when given, as the listing is.

    Without a filter, SQLite ranks the 1,000 most recently recorded matches (best first), so that
    a common word costs the same in a log of any size; a filter ranks every match within it."""
    from ccmtui.db.read import SQLiteReader
    from ccmtui.domain.errors import InputError

    words = text.split()
    if not words:
        raise InputError("say what to search for")
    if isinstance(reader, SQLiteReader):
        import sqlite3

        from ccmtui.db import sqlite_extras
        from ccmtui.db.failures import describe_failure
        from ccmtui.domain.errors import DatabaseError

        if not sqlite_extras.fts_query(text):
            raise InputError(f"nothing to search for in {text!r}: give words, not only quotes")
        within = chosen or EngagementFilter()
        unfiltered = chosen is None or not any((within.since, within.until, within.area, within.kind, within.state))
        try:
            terms = sqlite_extras.indexed_terms(reader.connection)
            one_word = sqlite_extras.one_word_query(text, terms) if unfiltered else None
            if one_word is not None:
                found = _best_of_latest(reader.connection, one_word, limit)
            else:
                params = {
                    "query": sqlite_extras.fts_query(text, terms),
                    "limit": limit,
                    "since": (within.since or EARLIEST).isoformat(),
                    "until": (within.until or LATEST).isoformat(),
                    "area": within.area,
                    "kind": within.kind,
                    "state": within.state,
                    "candidates": sqlite_extras.CANDIDATES,
                }
                sql = sqlite_extras.SEARCH_RECENT if unfiltered else sqlite_extras.SEARCH
                found = reader.connection.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(error, str(reader.path))) from None
        return [
            SearchHit(uuid, date.fromisoformat(day), kind, area, summary, excerpt)
            for uuid, day, kind, area, summary, excerpt in found
        ]
    # Portable fallback: the longest word narrows in SQL, every word must then appear.
    longest = max(words, key=len).lower()
    rows = reader.rows(Q.search_portable, pattern=f"%{longest}%", limit=limit * 20)
    if chosen is not None:
        rows = [row for row in rows if _within(row, chosen)]
        if chosen.state:
            states = rows_of_engagements(reader, Q.states_of_engagements, [row.uuid for row in rows])
            with_state = {state.engagement_uuid for state in states if state.iso3 == chosen.state}
            rows = [row for row in rows if row.uuid in with_state]
    hits = []
    for row in rows:
        haystack = f"{row.summary}\n{row.notes}".lower()
        if all(word.lower() in haystack for word in words):
            excerpt = row.notes[:120] if longest not in row.summary.lower() else row.summary
            hits.append(SearchHit(row.uuid, row.occurred_on, row.kind, row.area, row.summary, excerpt))
    return hits[:limit]


def _best_of_latest(connection, query: str, limit: int) -> list[tuple]:
    """One word's best matches among its latest, in `sqlite_extras.rank_recent`'s order."""
    from ccmtui.db import sqlite_extras

    chosen = sqlite_extras.rank_recent(connection, query, sqlite_extras.CANDIDATES, limit)
    if not chosen:
        return []
    sql = sqlite_extras.SEARCH_ROWIDS.format(rowids=", ".join("?" * len(chosen)))
    rows = {row[0]: row[1:] for row in connection.execute(sql, [query, *chosen])}
    return [rows[rowid] for rowid in chosen if rowid in rows]  # an index row without its engagement: left out


def _within(row, chosen: EngagementFilter) -> bool:
    """An engagement row within a filter's area, kind and dates (its state is checked apart)."""
    return (
        (chosen.area is None or row.area == chosen.area)
        and (chosen.kind is None or row.kind == chosen.kind)
        and (chosen.since or EARLIEST) <= row.occurred_on <= (chosen.until or LATEST)
    )
