"""Art. 3 and 4 deadlines as of a day: extensions count once granted, requests before their meeting
are not overdue, `ccm due` lists deadlines passed and request windows, bad extensions are refused.

Expected values are computed here from the shipped CSVs (tests/reference_facts.py), not by ccm.
"""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from tests import reference_facts as facts

LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def _summary(ccm, area: str, as_of: str) -> dict:
    result = ccm("summary", area, "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _nine_months_before(day: date) -> date:
    month = day.month - 9
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(day.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))


def test_no_obligation_extended_or_under_a_request_is_overdue_today(reading):
    today = date.today()
    data = _summary(reading, "clearance", today.isoformat())
    expected = facts.obligations("4", facts.meeting_day("13MSP"), today)
    overdue = {line["iso3"] for line in data["lines"] if line["overdue"]}
    assert overdue == expected.overdue
    for iso3 in overdue:
        _, state = facts.deadline_in_effect(iso3, "4", today)
        assert state not in ("requested", "not recorded"), iso3
    # Requests the record shows went to the 10MSP, 2RC, 11MSP, 12MSP or 13MSP.
    undecided = {"IRQ", "DEU", "LAO", "AFG", "CHL", "LBN", "MRT", "SOM"}
    assert not undecided & overdue
    statuses = {line["iso3"]: line["deadline_status"] for line in data["lines"]}
    assert {
        iso3 for iso3 in undecided if statuses[iso3] in ("decision not recorded", "extended, new deadline not recorded")
    } == (expected.not_recorded & undecided)


@pytest.mark.parametrize("as_of", ["2021-03-02", "2021-06-30", "2022-06-01", "2023-06-30", "2020-01-01", "2025-12-31"])
@pytest.mark.parametrize("article", ["3", "4"])
def test_the_deadline_in_effect_uses_only_extensions_granted_by_then(reading, as_of, article):
    day = date.fromisoformat(as_of)
    data = _summary(reading, "stockpile-destruction" if article == "3" else "clearance", as_of)
    expected = facts.obligations(article, facts.meeting_day("1MSP"), day)
    for line in data["lines"]:
        in_effect = expected.deadline_in_effect[line["iso3"]]
        assert line["deadline_in_effect"] == (in_effect.isoformat() if in_effect else None), (line["iso3"], as_of)
    assert {line["iso3"] for line in data["lines"] if line["overdue"]} == expected.overdue
    requested = {line["iso3"] for line in data["lines"] if line["deadline_status"] == "extension requested"}
    assert requested == expected.requested


def test_bosnia_is_within_its_extended_deadline_on_1_june_2022(reading):
    data = _summary(reading, "clearance", "2022-06-01")
    [bih] = [line for line in data["lines"] if line["iso3"] == "BIH"]
    in_effect, _ = facts.deadline_in_effect("BIH", "4", date(2022, 6, 1))
    assert bih["deadline_in_effect"] == in_effect.isoformat() and in_effect > date(2022, 6, 1)
    assert bih["overdue"] is False and bih["standing"] == "current"


def test_a_view_as_of_2020_does_not_show_bulgarias_2023_deadline(reading):
    data = _summary(reading, "stockpile-destruction", "2020-06-30")
    [bgr] = [line for line in data["lines"] if line["iso3"] == "BGR"]
    granted = [e for e in facts.EXTENSIONS if e["iso3"] == "BGR" and e["decision"] == "granted"]
    first = min(granted, key=lambda e: int(e["number"]))
    assert bgr["deadline_in_effect"] == first["extended_to"] == "2021-04-01"


def test_spains_second_period_runs_from_2012_to_july_2018(reading):
    row = next(r for r in facts.OBLIGATIONS if r["iso3"] == "ESP" and r["article"] == "3")
    assert (row["first_completed"], row["reopened"], row["completed"]) == ("2009", "2012", "2018-07-25")
    standing = {}
    for day in ("2011-06-30", "2014-06-30", "2018-07-24", "2018-07-25"):
        [esp] = [line for line in _summary(reading, "stockpile-destruction", day)["lines"] if line["iso3"] == "ESP"]
        standing[day] = esp["standing"]
    assert standing == {
        "2011-06-30": "completed",
        "2014-06-30": "current",
        "2018-07-24": "current",
        "2018-07-25": "completed",
    }


def test_due_lists_deadlines_passed_with_the_days_since(reading):
    today = date.today()
    result = reading("due", "--json")
    assert result.exit_code == 0, result.output
    lines = json.loads(result.stdout)["obligations"]
    overdue = {(line["iso3"], line["article"]): line for line in lines if line["kind"] == "overdue"}
    expected = {(iso3, 4) for iso3 in facts.obligations("4", today, today).overdue}
    expected |= {(iso3, 3) for iso3 in facts.obligations("3", today, today).overdue}
    assert set(overdue) == expected
    for (iso3, article), line in overdue.items():
        in_effect, _ = facts.deadline_in_effect(iso3, str(article), today)
        assert line["date"] == in_effect.isoformat() and line["days"] == (today - in_effect).days
    shown = reading("due")
    assert "Treaty deadlines passed and not met" in shown.stdout and "Extension-request windows" in shown.stdout


def test_due_shows_the_request_windows_for_the_next_meeting(reading):
    # 1 October 2024: the 13MSP opens 16 September 2025; requests to it close nine months before.
    day = date(2024, 10, 1)
    opens = facts.meeting_day("13MSP")
    closes = _nine_months_before(opens)
    lines = json.loads(reading("due", "--as-of", day.isoformat(), "--json").stdout)["obligations"]
    windows = {line["iso3"] for line in lines if line["kind"] == "window"}
    assert {line["date"] for line in lines if line["kind"] == "window"} == {closes.isoformat()}
    # Current Art. 4 obligations whose deadline on that day falls within a year of the 13MSP
    # (no later meeting recorded), with no request before a meeting or undecided.
    expected = facts.obligations("4", day, day)
    limit = opens.replace(year=opens.year + 1)
    wanted = {
        iso3
        for iso3 in expected.current - expected.requested - expected.not_recorded
        if expected.deadline_in_effect[iso3] and expected.deadline_in_effect[iso3] < limit
    }
    assert windows == wanted and {"AFG", "CHL", "LBN", "SOM"} <= windows


def test_a_meeting_added_opens_its_window_in_due_and_the_calendar(ccm):
    day = date(2026, 11, 27)
    result = ccm("meeting", "add", "14MSP", "--start", "2027-09-13", "--end", "2027-09-16",
                 "--name", "Fourteenth Meeting of States Parties", "--source", "test meeting")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = json.loads(ccm("due", "--as-of", day.isoformat(), "--within", "200", "--json").stdout)["obligations"]
    windows = [line for line in lines if line["kind"] == "window"]
    assert (
        windows
        and {line["date"] for line in windows} == {"2026-12-13"}
        and {line["meeting"] for line in windows} == {"14MSP"}
    )
    from icalendar import Calendar

    text = ccm("export", "ics", "--state", windows[0]["iso3"], "--since", "2026-01-01", "--until", "2027-12-31").stdout
    summaries = {str(event["SUMMARY"]) for event in Calendar.from_ical(text.encode()).walk("VEVENT")}
    assert any("extension request to the 14MSP" in summary for summary in summaries)


@pytest.mark.parametrize(
    ("args", "rule"),
    [
        (["--requested", "2023-01", "--granted", "2022-12", "--extended-to", "2028-11-01"], "before it was requested"),
        (["--extended-to", "2023-10-01"], "not after the deadline it extends"),
        (["--extended-to", "2029-11-01"], "Art. 4(5) allows up to 5 years"),
        (["--requested", "2023-10", "--meeting", "11MSP"], "which ended on 2023-09-14"),
    ],
)
def test_a_bad_extension_is_refused_in_one_line_naming_the_rule(ccm, args, rule):
    before = ccm.dump(without=LOG_TABLES)
    result = ccm("extension", "add", "IRQ", "--article", "4", *args, "--source", "test")
    assert result.exit_code != 0
    assert rule in result.stderr and "Art. 4" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump(without=LOG_TABLES) == before


def test_a_stockpile_extension_longer_than_four_years_is_refused(ccm):
    before = ccm.dump(without=LOG_TABLES)
    result = ccm("extension", "add", "CAN", "--article", "3", "--extended-to", "2027-09-02", "--source", "test")
    assert result.exit_code != 0 and "Art. 3(3) allows up to 4 years" in result.stderr
    assert ccm.dump(without=LOG_TABLES) == before


def test_an_extension_recorded_moves_the_deadline_once_granted(ccm):
    result = ccm("extension", "add", "SOM", "--article", "4", "--meeting", "13MSP", "--decision", "granted",
                 "--granted", "2025-09-19", "--extended-to", "2030-03-01", "--source", "test")  # fmt: skip
    assert result.exit_code == 0, result.output
    before = _summary(ccm, "clearance", "2025-09-18")
    after = _summary(ccm, "clearance", "2025-09-19")
    [som_before] = [line for line in before["lines"] if line["iso3"] == "SOM"]
    [som_after] = [line for line in after["lines"] if line["iso3"] == "SOM"]
    assert som_before["deadline_in_effect"] == "2026-03-01" and som_before["deadline_status"] == "extension requested"
    assert som_after["deadline_in_effect"] == "2030-03-01" and som_after["deadline_status"] == "extended"


def test_the_shipped_extensions_agree_with_the_obligations_and_the_articles(ccm):
    listed = json.loads(ccm("extension", "list", "--json").stdout)
    assert len(listed) == len(facts.EXTENSIONS)
    for (iso3, article), rows in _by_obligation(facts.EXTENSIONS).items():
        obligation = next(r for r in facts.OBLIGATIONS if (r["iso3"], r["article"]) == (iso3, article))
        granted = [r for r in rows if r["decision"] == "granted"]
        last = granted[-1]["extended_to"] if granted else ""
        assert obligation["extended_to"] == last, iso3
        previous = date.fromisoformat(obligation["deadline"])
        limit = 4 if article == "3" else 5
        for row in granted:
            if row["extended_to"]:
                new = date.fromisoformat(row["extended_to"])
                assert previous < new <= previous.replace(year=previous.year + limit), (iso3, row["number"])
                previous = new
        for row in rows:
            assert row["source"].strip(), (iso3, row["number"])
            if row["decision"] == "not recorded":
                assert "not recorded" in row["notes"], (iso3, row["number"])


def test_the_shipped_retention_rows_are_listed(ccm):
    listed = json.loads(ccm("retention", "list", "--json").stdout)
    assert {(r["iso3"], r["year"]) for r in listed} == {(r["iso3"], int(r["year"])) for r in facts.RETENTION}
    for row in facts.RETENTION:
        assert row["source"].strip()


def _by_obligation(rows: list[dict]) -> dict:
    grouped: dict = {}
    for row in sorted(rows, key=lambda r: (r["iso3"], r["article"], int(r["number"]))):
        grouped.setdefault((row["iso3"], row["article"]), []).append(row)
    return grouped


def test_the_extension_file_reads_whole_or_not_at_all():
    from ccmtui.db.reference import _text, read_extensions, read_meetings, read_obligations
    from ccmtui.domain.errors import InputError

    obligations = read_obligations(_text("obligations.csv"), set(facts.STATES))
    meetings = read_meetings(_text("meetings.csv"))
    header = ",".join(csv.DictReader(open(facts.REFERENCE / "obligation_extensions.csv", encoding="utf-8")).fieldnames)
    text = "\n".join(
        [
            header,
            "SOM,4,1,,,13MSP,not recorded,,,ok,",
            "SOM,4,2,,2032-03-01,,granted,,2032-03-01,six years,",
            "XXX,4,1,,,,pending,,,no obligation,",
            "SOM,4,3,,,3RC,pending,,,unknown meeting,",
        ]
    )
    with pytest.raises(InputError) as raised:
        read_extensions(text, obligations, meetings, "f.csv")
    assert str(raised.value).startswith("f.csv: 3 bad rows, nothing written")
