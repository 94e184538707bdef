"""Full-text search on SQLite: a word finds every indexed word it begins, ranked best first among the
latest matches, and a word that begins only one indexed word is read from the index without a prefix."""

from __future__ import annotations

import pytest

from ccmtui.db import sqlite_extras
from ccmtui.db.read import SQLiteReader
from ccmtui.reports.engagements import EARLIEST, LATEST, EngagementFilter, search
from ccmtui.seed.generate import generate

pytestmark = pytest.mark.sqlite_only

ENGAGEMENTS = 1_500
# Searches a user types: one word, a word's start, capitals, two words, a word that begins several
# indexed words ("state": state, states, statement), a rare word, a word the log does not hold.
SEARCHES = ("ambassador", "ambass", "Ambassador", "ambassador briefed", "state", "meet", "kenya", "xylophone")


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    built = generate(tmp_path_factory.mktemp("search") / "log.db", ENGAGEMENTS, seed=11)
    opened = SQLiteReader(built.path)
    yield opened
    opened.close()


def _with_prefixes(reader: SQLiteReader, text: str, candidates: int, chosen: EngagementFilter | None) -> list:
    """What the search returns when every word is asked for as a prefix (FTS5's own expansion)."""
    within = chosen or EngagementFilter()
    sql = sqlite_extras.SEARCH if chosen else sqlite_extras.SEARCH_RECENT
    params = {
        "query": sqlite_extras.fts_query(text),
        "limit": 50,
        "since": (within.since or EARLIEST).isoformat(),
        "until": (within.until or LATEST).isoformat(),
        "area": within.area,
        "kind": within.kind,
        "state": within.state,
        "candidates": candidates,
    }
    return [(uuid, excerpt) for uuid, _, _, _, _, excerpt in reader.connection.execute(sql, params)]


@pytest.mark.parametrize("text", SEARCHES)
@pytest.mark.parametrize("chosen", [None, EngagementFilter(state="KEN")], ids=["all", "state"])
@pytest.mark.parametrize("candidates", [sqlite_extras.CANDIDATES, 40])
def test_the_hits_their_order_and_excerpts_are_those_of_the_prefix_search(
    reader, monkeypatch, text, chosen, candidates
):
    monkeypatch.setattr(sqlite_extras, "CANDIDATES", candidates)
    hits = search(reader, text, 50, chosen)
    expected = _with_prefixes(reader, text, candidates, chosen)
    assert [hit.uuid for hit in hits] == [uuid for uuid, _ in expected]
    forms = sqlite_extras.indexed_terms(reader.connection)(text.split()[0].lower(), 3)
    if len(forms) == 1 or chosen is not None or " " in text:
        assert [hit.excerpt for hit in hits] == [excerpt for _, excerpt in expected]
    else:  # one word of several forms: the passage shown may hold more of them, each marked
        for hit, (_, excerpt) in zip(hits, expected, strict=True):
            assert hit.excerpt == excerpt or any(f"[{form}]" in hit.excerpt.lower() for form in forms)
    assert bool(hits) == (text != "xylophone")


def test_the_start_of_a_word_finds_the_word(reader):
    assert [hit.uuid for hit in search(reader, "ambass")] == [hit.uuid for hit in search(reader, "AMBASSADOR")]
    assert all("[ambassador]" in hit.excerpt.lower() for hit in search(reader, "ambass") if hit.excerpt)


def _statements(reader: SQLiteReader, text: str) -> list[str]:
    statements: list[str] = []
    reader.connection.set_trace_callback(statements.append)
    try:
        search(reader, text)
    finally:
        reader.connection.set_trace_callback(None)
    return statements


def test_a_word_that_begins_one_indexed_word_is_asked_for_whole_and_others_as_prefixes(reader):
    [two_words] = [sql for sql in _statements(reader, "ambass briefed") if "MATCH" in sql and "excerpt" in sql]
    assert 'MATCH \'"ambassador" "briefed"\'' in two_words
    [prefix] = [sql for sql in _statements(reader, "state briefed") if "MATCH" in sql and "excerpt" in sql]
    assert 'MATCH \'"state"* "briefed"\'' in prefix
    [forms] = [sql for sql in _statements(reader, "state") if "MATCH" in sql and "excerpt" in sql]
    assert 'MATCH \'"state" OR "statement" OR "states"\'' in forms


def test_one_word_is_ranked_without_counting_its_matches_in_the_whole_log(reader):
    # FTS5's bm25 counts every match of each word (its rarity); one word's order does not need it.
    assert not any("bm25" in sql for sql in _statements(reader, "ambass"))
    assert any("bm25" in sql for sql in _statements(reader, "ambassador briefed"))


def test_indexed_terms_reads_the_index_words_in_order(reader):
    terms = sqlite_extras.indexed_terms(reader.connection)
    assert terms("ambass") == ["ambassador"]
    assert terms("state") == ["state", "statement"]
    assert terms("xylophone") == []
