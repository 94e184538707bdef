"""SQLite-only schema: full-text search over engagements (FTS5). The one place for SQLite-only DDL.

Other databases search with the portable LIKE query in `queries.log.search_portable`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

DDL = (
    "CREATE VIRTUAL TABLE engagement_search USING fts5("
    "summary, notes, content='engagements', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER engagement_search_insert AFTER INSERT ON engagements BEGIN "
    "INSERT INTO engagement_search(rowid, summary, notes) VALUES (new.rowid, new.summary, new.notes); END",
    "CREATE TRIGGER engagement_search_delete AFTER DELETE ON engagements BEGIN "
    "INSERT INTO engagement_search(engagement_search, rowid, summary, notes) "
    "VALUES ('delete', old.rowid, old.summary, old.notes); END",
    "CREATE TRIGGER engagement_search_update AFTER UPDATE OF summary, notes ON engagements BEGIN "
    "INSERT INTO engagement_search(engagement_search, rowid, summary, notes) "
    "VALUES ('delete', old.rowid, old.summary, old.notes); "
    "INSERT INTO engagement_search(rowid, summary, notes) VALUES (new.rowid, new.summary, new.notes); END",
)


def is_search_table(name: str | None) -> bool:
    """The full-text index and its shadow tables: derived data that migrations compare leaves alone."""
    return bool(name) and name.startswith("engagement_search")


# Full-text search (SQLite-only SQL): engagements matching an FTS5 query, best first, within
# the filters of a listing (a null one does not filter; dates as YYYY-MM-DD).
_SEARCH = (
    "SELECT engagements.uuid, engagements.occurred_on, engagements.kind, engagements.area, engagements.summary, "
    "snippet(engagement_search, 1, '[', ']', '…', 12) AS excerpt "
    "FROM engagement_search JOIN engagements ON engagements.rowid = engagement_search.rowid "
    "WHERE engagement_search MATCH :query "
    "AND engagements.occurred_on BETWEEN :since AND :until "
    "AND (:area IS NULL OR engagements.area = :area) "
    "AND (:kind IS NULL OR engagements.kind = :kind) "
    "AND (:state IS NULL OR EXISTS (SELECT 1 FROM engagement_states WHERE "
    "engagement_states.engagement_uuid = engagements.uuid AND engagement_states.iso3 = :state)) "
    "{bounded}ORDER BY rank LIMIT :limit"
)
SEARCH = _SEARCH.format(bounded="")
# The same, ranking only the :candidates most recently recorded matches (the highest rowids, read
# from the end of the index's lists): the cost of a search does not grow with the number of
# matches in the whole log. The latest match of a common word is found among these.
SEARCH_RECENT = _SEARCH.format(
    bounded="AND engagement_search.rowid >= (SELECT coalesce(min(found), 0) FROM (SELECT engagement_search.rowid "
    "AS found FROM engagement_search WHERE engagement_search MATCH :query "
    "ORDER BY engagement_search.rowid DESC LIMIT :candidates)) "
)
# How many of the latest matches `SEARCH_RECENT` ranks.
CANDIDATES = 1000


def fts_query(text: str, terms: Callable[[str], list[str]] | None = None) -> str:
    """The user's words as an FTS5 query: every word must appear, as a prefix; no operators.

    With `terms` (the indexed words that begin with a word, see `indexed_terms`), a word that
    begins exactly one indexed word is asked for as that word: the same rows, ranks and excerpts,
    but read lazily from the index's end, where a prefix builds the list of every match in memory."""
    words = [w.replace('"', "") for w in text.split()]
    return " ".join(_phrase(w, terms) for w in words if w)


def _phrase(word: str, terms: Callable[[str], list[str]] | None) -> str:
    if terms is not None and _PLAIN.fullmatch(word):
        found = terms(word.lower())
        if len(found) == 1:
            return f'"{found[0]}"'
    return f'"{word}"*'


# A word the tokenizer takes whole and only lowercases: ASCII letters and digits.
_PLAIN = re.compile(r"[A-Za-z0-9]+")

# The index's words, one row per occurrence, read in order of the word (FTS5's fts5vocab).
_VOCABULARY = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.engagement_search_words USING fts5vocab(main, engagement_search, instance)"
)
_NEXT_TERM = "SELECT term FROM temp.engagement_search_words WHERE term >= :start AND term <= :last LIMIT 1"


def indexed_terms(connection: sqlite3.Connection) -> Callable[[str], list[str]]:
    """For a lowercase ASCII prefix, the first two indexed words beginning with it: each found by
    one seek in the index (the first occurrence of the next word), whatever the size of the log."""
    connection.execute(_VOCABULARY)

    def terms(prefix: str) -> list[str]:
        found: list[str] = []
        start = prefix
        while len(found) < 2:
            row = connection.execute(_NEXT_TERM, {"start": start, "last": prefix + "\U0010ffff"}).fetchone()
            if row is None:
                break
            found.append(row[0])
            start = row[0] + "\x01"  # the next word: no indexed word holds a control character
        return found

    return terms
