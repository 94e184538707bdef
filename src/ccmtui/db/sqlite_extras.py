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

# One word's latest matches, for `rank_recent`: each row's rowid, the word's occurrences in the
# summary and in the notes (the marks highlight() adds) and its length in tokens per column.
_LATEST_OF_WORD = (
    "SELECT engagement_search.rowid, "
    "length(highlight(engagement_search, 0, char(1), '')) - length(engagement_search.summary), "
    "coalesce(length(highlight(engagement_search, 1, char(1), '')) - length(engagement_search.notes), 0), "
    "(SELECT sz FROM engagement_search_docsize WHERE id = engagement_search.rowid) "
    "FROM engagement_search WHERE engagement_search MATCH :query AND engagement_search.rowid >= "
    "(SELECT coalesce(min(found), 0) FROM (SELECT engagement_search.rowid AS found FROM engagement_search "
    "WHERE engagement_search MATCH :query ORDER BY engagement_search.rowid DESC LIMIT :candidates))"
)
# The rows `rank_recent` chose, with what a hit shows.
SEARCH_ROWIDS = (
    "SELECT engagement_search.rowid, engagements.uuid, engagements.occurred_on, engagements.kind, "
    "engagements.area, engagements.summary, snippet(engagement_search, 1, '[', ']', '…', 12) AS excerpt "
    "FROM engagement_search JOIN engagements ON engagements.rowid = engagement_search.rowid "
    "WHERE engagement_search MATCH ? AND engagement_search.rowid IN ({rowids})"
)


def rank_recent(connection: sqlite3.Connection, query: str, candidates: int, limit: int) -> list[int]:
    """The rowids of the best `limit` of one word's `candidates` latest matches (`query` from
    `one_word_query`), in the order of FTS5's bm25 for the word as a prefix (k1 1.2, b 0.75, each
    column weighing 1, the word's occurrences in any of its forms), ties oldest first as FTS5 sorts.

    bm25 multiplies a word's score in every row by one factor, the rarity of the word in the whole
    log: with one word it leaves the order as it is, so it is not counted (counting reads every
    match of the word, and a common word has millions)."""
    averages = connection.execute("SELECT block FROM engagement_search_data WHERE id = 1").fetchone()
    totals = _varints(averages[0]) if averages else []  # rows, then tokens in each column
    mean_length = sum(totals[1:]) / totals[0] if totals and totals[0] else 1.0
    scored = []
    for rowid, in_summary, in_notes, sizes in connection.execute(
        _LATEST_OF_WORD, {"query": query, "candidates": candidates}
    ):
        found = float(in_summary + in_notes)
        length = float(sum(_varints(sizes or b"")))
        weight = (found * (1.2 + 1.0)) / (found + 1.2 * (1 - 0.75 + 0.75 * length / mean_length))
        scored.append((-weight, rowid))
    scored.sort()
    return [rowid for _, rowid in scored[:limit]]


def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers, as FTS5 stores its sizes and totals."""
    values, at = [], 0
    while at < len(blob):
        value = 0
        for position in range(9):
            byte = blob[at]
            at += 1
            if position == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def fts_query(text: str, terms: Callable[[str, int], list[str]] | None = None) -> str:
    """The user's words as an FTS5 query: every word must appear, as a prefix; no operators.

    With `terms` (the indexed words that begin with a word, see `indexed_terms`), a word that
    begins exactly one indexed word is asked for as that word: the same rows, ranks and excerpts,
    but read lazily from the index's end, where a prefix builds the list of every match in memory."""
    words = [w.replace('"', "") for w in text.split()]
    return " ".join(_phrase(w, terms) for w in words if w)


def _phrase(word: str, terms: Callable[[str, int], list[str]] | None) -> str:
    if terms is not None and _PLAIN.fullmatch(word):
        found = terms(word.lower())
        if len(found) == 1:
            return f'"{found[0]}"'
    return f'"{word}"*'


def one_word_query(text: str, terms: Callable[[str, int], list[str]]) -> str | None:
    """A search for one word as an FTS5 query `rank_recent` ranks as the prefix query would be:
    the indexed words the word begins, each whole, joined by OR (their matches are read lazily from
    the index's end); None for more than one word, a word the index does not hold, a word that is
    not plain ASCII or one that begins more than `WORD_FORMS` indexed words."""
    words = [w for w in (w.replace('"', "") for w in text.split()) if w]
    if len(words) != 1 or not _PLAIN.fullmatch(words[0]):
        return None
    found = terms(words[0].lower(), WORD_FORMS + 1)
    if not found or len(found) > WORD_FORMS:
        return None
    return " OR ".join(f'"{term}"' for term in found)


# How many indexed words one searched word may begin and still be asked for word by word.
WORD_FORMS = 16

# A word the tokenizer takes whole and only lowercases: ASCII letters and digits.
_PLAIN = re.compile(r"[A-Za-z0-9]+")

# The index's words, one row per occurrence, read in order of the word (FTS5's fts5vocab).
_VOCABULARY = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.engagement_search_words USING fts5vocab(main, engagement_search, instance)"
)
_NEXT_TERM = "SELECT term FROM temp.engagement_search_words WHERE term >= :start AND term <= :last LIMIT 1"


def indexed_terms(connection: sqlite3.Connection) -> Callable[[str, int], list[str]]:
    """For a lowercase ASCII prefix, the first `most` indexed words beginning with it (two unless
    told), in order: each found by one seek in the index, whatever the size of the log."""
    connection.execute(_VOCABULARY)

    def terms(prefix: str, most: int = 2) -> list[str]:
        found: list[str] = []
        start = prefix
        while len(found) < most:
            row = connection.execute(_NEXT_TERM, {"start": start, "last": prefix + "\U0010ffff"}).fetchone()
            if row is None:
                break
            found.append(row[0])
            start = row[0] + "\x01"  # the next word: no indexed word holds a control character
        return found

    return terms
