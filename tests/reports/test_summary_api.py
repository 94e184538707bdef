"""The summaries as a library (for the TUI) and their read path: light imports, index-backed counts."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from ccmtui.domain.errors import InputError
from tests.probe import ccm_modules


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "args",
    [
        ["summary", "universalization"],
        ["summary", "--as-of", "2014-06-30"],
        ["report", "progress", "--since", "4MSP", "--as-of", "2014-06-30"],
    ],
)
def test_summaries_and_the_markdown_report_load_no_heavy_library(sample_db, args):
    _, _, modules = ccm_modules("--db", str(sample_db), *args)
    assert not modules & {"sqlalchemy", "textual", "matplotlib", "docx", "numpy", "pydantic"}


def test_build_summary_returns_plain_dataclasses(sample_db):
    from ccmtui.db.read import open_reader
    from ccmtui.reports.summary import SUMMARY_AREAS, Overview, build_summary, summary_json

    reader = open_reader(str(sample_db))
    for area in SUMMARY_AREAS:
        summary = build_summary(reader, area, date(2014, 6, 30), "4MSP")
        assert dataclasses.is_dataclass(summary) and summary.area == area
        assert summary.period.as_of == date(2014, 6, 30) and summary.period.since_meeting == "4MSP"
        assert all(isinstance(label, str) for label, _ in summary.figures())
        json.dumps(summary_json(summary))
    overview = build_summary(reader, None, "2014-06-30")
    assert isinstance(overview, Overview) and list(overview.summaries) == list(SUMMARY_AREAS)
    with pytest.raises(InputError, match="no summary for compliance"):
        build_summary(reader, "compliance")
    with pytest.raises(InputError, match="is after"):
        build_summary(reader, "clearance", date(2013, 1, 1), date(2014, 1, 1))


@pytest.mark.sqlite_only
def test_fast_and_sqlalchemy_readers_agree_on_the_summary_queries(sample_db):
    from ccmtui.db.read import AlchemyReader, SQLiteReader
    from ccmtui.db.session import Database

    fast, slow = SQLiteReader(sample_db), AlchemyReader(Database(sample_db))
    period = {"area": "universalization", "since": date(2011, 9, 14), "until": date(2013, 9, 9)}
    checks = [
        ("obligations", {"article": None}),
        ("obligations", {"article": 4}),
        ("retention", {}),
        ("transparency_reports", {}),
        ("national_measures", {}),
        ("cooperation_reports", {}),
        ("meeting_details", {}),
        ("engagements_by_kind", period),
        ("demarche_reach", period),
        ("demarche_replies", period),
    ]
    for name, params in checks:
        assert fast.rows(name, **params) == slow.rows(name, **params), name
    assert len(fast.rows("demarche_reach", **period)) == 113
    # The states reached and the replies, read from the copies of the démarches' kind, area and date,
    # are those read from the démarches themselves.
    for since, until in ((date(2000, 1, 1), date(2030, 1, 1)), (date(2011, 9, 14), date(2013, 9, 9))):
        for day in (date(2012, 3, 1), date(2013, 1, 1)):
            for span in ((since, day), (day, until)):
                bounds = {"area": "universalization", "since": span[0], "until": span[1]}
                named = fast.connection.execute(
                    "SELECT DISTINCT s.iso3 FROM engagements e JOIN engagement_states s ON s.engagement_uuid = e.uuid "
                    "WHERE e.kind = 'demarche' AND e.area = ? AND e.occurred_on BETWEEN ? AND ? ORDER BY s.iso3",
                    ("universalization", span[0].isoformat(), span[1].isoformat()),
                ).fetchall()
                assert [r.iso3 for r in fast.rows("demarche_reach", **bounds)] == [r[0] for r in named], bounds
                counted = fast.connection.execute(
                    "SELECT r.status, count(DISTINCT r.engagement_uuid || r.iso3) FROM engagements e "
                    "JOIN replies r ON r.engagement_uuid = e.uuid WHERE e.kind = 'demarche' AND e.area = ? "
                    "AND e.occurred_on BETWEEN ? AND ? GROUP BY r.status ORDER BY r.status",
                    ("universalization", span[0].isoformat(), span[1].isoformat()),
                ).fetchall()
                assert [tuple(r) for r in fast.rows("demarche_replies", **bounds)] == counted, bounds
                # The kinds summed from the per-day counts are the engagements counted afresh.
                by_kind = fast.connection.execute(
                    "SELECT kind, count(*) FROM engagements WHERE area = ? AND occurred_on BETWEEN ? AND ? "
                    "GROUP BY kind ORDER BY kind",
                    ("universalization", span[0].isoformat(), span[1].isoformat()),
                ).fetchall()
                assert [tuple(r) for r in fast.rows("engagements_by_kind", **bounds)] == by_kind, bounds
    fast.close()
    slow.close()


def test_a_terminals_summary_counts_the_latest_campaigns_only_and_says_how_many_the_period_holds(sample_db):
    from ccmtui.db.read import open_reader
    from ccmtui.reports.summary import build_summary, redacted, summary_json

    reader = open_reader(sample_db)
    every = build_summary(reader, "universalization", "2014-06-30", "2000-01-01")
    latest = build_summary(reader, "universalization", "2014-06-30", "2000-01-01", latest=1)
    assert len(every.campaigns) == 2 and every.campaigns_in_period is None
    assert latest.campaigns == every.campaigns[-1:]
    assert latest.campaigns_in_period == len(every.campaigns)
    # JSON and documents are built with every campaign; the count is not part of the JSON.
    assert "campaigns_in_period" not in summary_json(every)
    # The category changes likewise: the latest, their number, and whether any gives a rationale.
    moves = build_summary(reader, "universalization", "2014-06-30", "2000-01-01", latest=3)
    assert len(every.category_moves) > 3
    assert moves.category_moves == every.category_moves[-3:]
    assert moves.category_moves_in_period == len(every.category_moves)
    assert moves.category_moves_reasoned is any(m.rationale for m in every.category_moves)
    assert redacted(moves).category_moves_reasoned is False
