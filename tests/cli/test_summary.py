"""`ccm summary`: every figure for a past date against the shipped files, read independently."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date

import pytest

from tests import reference_facts as facts

# (since, as_of): the 5MSP report's period, earlier and later ones, one across Lithuania's
# withdrawal (effective 6 March 2025) and one after the day the obligations' status is known.
PERIODS = [
    ("4MSP", "2014-06-30"),
    ("2MSP", "4MSP"),
    ("1MSP", "2MSP"),
    ("1RC", "2016-06-30"),
    ("8MSP", "2019-06-30"),
    ("2RC", "2022-06-30"),
    ("12MSP", "2025-06-30"),
    ("13MSP", "2025-12-31"),
]


def _day(text: str) -> date:
    return facts.meeting_day(text) if text in facts.MEETINGS else date.fromisoformat(text)


def _summary(ccm, area: str, since: str, as_of: str) -> dict:
    result = ccm("summary", area, "--since", since, "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _iso3s(items) -> set[str]:
    return {item["iso3"] for item in items}


@pytest.mark.parametrize(("since", "as_of"), PERIODS)
def test_universalization_figures_match_the_register_file(reading, since, as_of):
    start, day = _day(since), _day(as_of)
    data = _summary(reading, "universalization", since, as_of)
    assert data["period"] == {"as_of": day.isoformat(), "since": start.isoformat(), "since_meeting": since}
    assert data["in_force"] == len(facts.with_status(day, "party"))
    assert data["pending"] == len(facts.with_status(day, "pending"))
    assert data["signatories"] == len(facts.with_status(day, "signatory"))
    assert data["non_signatories"] == len(facts.with_status(day, "non-signatory"))
    assert data["withdrawn"] == len(facts.with_status(day, "withdrawn"))
    assert data["states_parties_at_since"] == len(facts.states_parties(start))
    joined = facts.joined_between(start, day)
    assert {j["iso3"] for j in data["joined"] if j["instrument"] != "accession"} == joined["ratified"]
    assert {j["iso3"] for j in data["joined"] if j["instrument"] == "accession"} == joined["acceded"]
    regions = Counter(facts.STATES[iso3]["region"] for iso3 in joined["ratified"] | joined["acceded"])
    assert Counter(j["region"] for j in data["joined"]) == regions
    assert _iso3s(data["signatories_yet_to_ratify"]) == facts.with_status(day, "signatory")
    assert sum(len(v) for v in data["non_signatories_by_category"].values()) == data["non_signatories"]
    # States Parties at each year's end: the last figure is the day's own.
    assert data["states_parties_by_year"][-1] == [day.year, len(facts.states_parties(day))]
    figures = {f["label"]: f["value"] for f in data["figures"]}
    assert figures["States Parties"] == len(facts.states_parties(day))


def test_the_2013_report_figures(reading):
    # Portugal and Ghana's report to the 4MSP: 83 deposits by the 4MSP, 20 of them since the 2MSP,
    # 29 signatories yet to ratify.
    data = _summary(reading, "universalization", "2MSP", "4MSP")
    assert data["in_force"] + data["pending"] == 83
    assert len(data["joined"]) == 20
    assert data["signatories"] == 29


def test_withdrawal_takes_a_state_out_of_the_count(reading):
    data = _summary(reading, "universalization", "12MSP", "2025-06-30")
    assert [w["iso3"] for w in data["withdrawals"]] == ["LTU"]
    assert data["withdrawals"][0]["effective"] == "2025-03-06"
    assert "LTU" not in facts.states_parties(date(2025, 6, 30))


def _names_to_iso3() -> dict[str, str]:
    from ccmtui.domain.states import normalize

    names = {normalize(row["name"]): iso3 for iso3, row in facts.STATES.items()}
    with (facts.REFERENCE / "aliases.csv").open(encoding="utf-8") as handle:
        names |= {normalize(row["alias"]): row["iso3"] for row in csv.DictReader(handle)}
    return names


def test_non_signatories_by_category_follow_the_2013_lists(reading):
    from ccmtui.domain.states import normalize

    names = _names_to_iso3()
    day = date(2014, 6, 30)
    data = _summary(reading, "universalization", "4MSP", "2014-06-30")
    non_signatories = facts.with_status(day, "non-signatory")
    for label, listed in facts.categories_2013().items():
        key = {"Category I": "I", "Category II": "II", "Category III": "III"}.get(label, label)
        expected = {names[normalize(name)] for name in listed} & non_signatories
        assert _iso3s(data["non_signatories_by_category"][key]) == expected, label


def test_demarches_and_campaigns_of_the_2011_2013_outreach(reading):
    campaigns = facts.campaigns_2011_2013()
    data = _summary(reading, "universalization", "2MSP", "4MSP")
    demarches = [c for c in campaigns if c["kind"] == "demarche"]
    tally = data["demarches"]
    assert tally["demarches"] == len(demarches)
    assert tally["states_reached"] == sum(c["targets"] for c in demarches)
    assert tally["replied"] == sum(c["replied"] for c in demarches)
    assert tally["replied"] + tally["pending"] + tally["no_reply"] == sum(c["targets"] for c in demarches)
    board = {c["title"]: c for c in data["campaigns"]}
    for campaign in campaigns:
        assert board[campaign["title"]]["targets"] == campaign["targets"]
        assert board[campaign["title"]]["replied"] == campaign["replied"]
    # The next period has none of them.
    assert _summary(reading, "universalization", "4MSP", "2014-06-30")["demarches"]["demarches"] == 0


@pytest.mark.parametrize("article", ["3", "4"])
@pytest.mark.parametrize(("since", "as_of"), PERIODS)
def test_obligation_figures_match_the_obligations_file(reading, article, since, as_of):
    start, day = _day(since), _day(as_of)
    expected = facts.obligations(article, start, day)
    data = _summary(reading, "stockpile-destruction" if article == "3" else "clearance", since, as_of)
    lines = data["lines"]

    def having(standing):
        return {line["iso3"] for line in lines if line["standing"] == standing}

    assert having("completed") == expected.completed
    assert {line["iso3"] for line in lines if line["completed_in_period"] is True} == expected.completed_since
    assert having("current") == expected.current
    assert {line["iso3"] for line in lines if line["overdue"]} == expected.overdue
    assert having("undetermined") == expected.undetermined
    assert having("no stockpile reported") == expected.none_held
    assert having("uncertain") == expected.uncertain
    assert _iso3s(data["not_yet_party"]) == expected.not_yet_party
    for line in lines:
        in_effect = expected.deadline_in_effect[line["iso3"]]
        assert line["deadline_in_effect"] == (in_effect.isoformat() if in_effect else None), line["iso3"]
    figures = {f["label"]: f["value"] for f in data["figures"]}
    assert figures[f"States Parties with Art. {article} obligations"] == len(expected.with_obligations)


def test_completion_dates_are_kept_as_the_source_gives_them(reading):
    data = _summary(reading, "stockpile-destruction", "1MSP", "2025-12-31")
    completed = {line["iso3"]: line["completed"] for line in data["lines"]}
    assert completed["BGR"] == "2023-06"
    assert completed["AUT"] == "2010"
    assert completed["DNK"] == "2014-03-20"
    assert completed["BEL"] is None  # completed, date never recorded: left empty


def test_a_month_precise_completion_is_undetermined_within_that_month(reading):
    # Bulgaria declared completion in June 2023: unknown on 15 June, known on 30 June.
    mid = {ln["iso3"]: ln["standing"] for ln in _summary(reading, "stockpile", "10MSP", "2023-06-15")["lines"]}
    end = {ln["iso3"]: ln["standing"] for ln in _summary(reading, "stockpile", "10MSP", "2023-06-30")["lines"]}
    assert mid["BGR"] == "undetermined"
    assert end["BGR"] == "completed"


@pytest.mark.parametrize(("since", "as_of"), PERIODS)
def test_transparency_deadlines_follow_article_7(reading, since, as_of):
    day = _day(as_of)
    data = _summary(reading, "transparency", since, as_of)
    parties = facts.states_parties(day)
    assert _iso3s(data["initial"]) == parties
    due = {r["iso3"]: r["due"] for r in data["initial"]}
    assert due == {iso3: facts.initial_report_due(iso3).isoformat() for iso3 in parties}
    owed = {r["year"]: r["owed"] for r in data["rounds"]}
    for year in range(2010, day.year):
        assert owed.get(year, 0) == len(facts.annual_reports_owed(year, day)), year
    assert data["recorded"] is False  # the sample holds no Art. 7 reports: submissions are not guessed
    figures = {f["label"]: f["value"] for f in data["figures"]}
    assert figures["Initial reports overdue"] is None


def test_recorded_reports_are_counted(ccm):
    day = date(2014, 6, 30)
    for state, args in (
        ("NLD", ["--initial", "--submitted", "2012-01-10"]),  # due 2012-01-28: on time
        ("NLD", ["--year", "2013", "--submitted", "2014-04-10"]),
        ("FRA", ["--year", "2013", "--submitted", "2014-06-01"]),  # late
    ):
        result = ccm("transparency", "add", state, *args, "--source", "UNODA Art. 7 database")
        assert result.exit_code == 0, result.output
    data = _summary(ccm, "transparency", "4MSP", "2014-06-30")
    latest = data["rounds"][-1]
    assert latest["year"] == 2013
    assert _iso3s(latest["on_time"]) == {"NLD"}
    assert _iso3s(latest["late"]) == {"FRA"}
    assert len(latest["missing"]) == len(facts.annual_reports_owed(2013, day)) - 2
    initial = {r["iso3"]: r for r in data["initial"]}
    assert initial["NLD"]["submitted"] == "2012-01-10"
    figures = {f["label"]: f["value"] for f in data["figures"]}
    overdue = {iso3 for iso3 in facts.states_parties(day) if facts.initial_report_due(iso3) < day} - {"NLD"}
    assert figures["Initial reports overdue"] == len(overdue)


def test_retention_use_not_reported(ccm):
    assert ccm("retention", "add", "NLD", "--year", "2013", "--submunitions", "300", "--used-submunitions", "20",
               "--purpose", "training", "--source", "Art. 7 report 2014").exit_code == 0  # fmt: skip
    assert (
        ccm(
            "retention", "add", "ESP", "--year", "2013", "--munitions", "44", "--source", "Art. 7 report 2014"
        ).exit_code
        == 0
    )
    # 2014 figures are not known on 30 June 2014.
    assert ccm("retention", "add", "BIH", "--year", "2014", "--munitions", "5", "--source", "x").exit_code == 0
    data = _summary(ccm, "stockpile", "4MSP", "2014-06-30")
    assert _iso3s(data["retention"]) == {"NLD", "ESP"}
    figures = {f["label"]: f["value"] for f in data["figures"]}
    assert figures["use not reported"] == 1
    result = ccm("summary", "stockpile", "--since", "4MSP", "--as-of", "2014-06-30")
    assert "Use not reported: Spain" in result.stdout


def test_measures_victim_assistance_and_cooperation(ccm):
    for args in (
        ["measures", "add", "NLD", "-s", "adopted", "-d", "2011-06", "--measure", "Act of 2011"],
        ["measures", "add", "FRA", "-s", "adopted", "-d", "2014-02", "--measure", "Law 2010-819 amended"],
        ["measures", "add", "GHA", "-s", "in-progress", "-d", "2013"],
        ["obligation", "add", "LAO", "--article", "5"],
        ["obligation", "add", "AGO", "--article", "5"],
        ["cooperation", "add", "LAO", "needs", "--year", "2013"],
        ["cooperation", "add", "NOR", "provides", "--year", "2013"],
        ["cooperation", "add", "CAN", "provides", "--year", "2013"],
    ):
        result = ccm(*args, "--source", "Art. 7 reports")
        assert result.exit_code == 0, (args, result.output)
    nim = _summary(ccm, "national-implementation", "4MSP", "2014-06-30")
    assert {ln["iso3"] for ln in nim["lines"] if ln["status"] == "adopted"} == {"NLD", "FRA"}
    assert {ln["iso3"] for ln in nim["lines"] if ln["adopted_in_period"] is True} == {"FRA"}
    # Ghana's 2013 entry is a whole year: known once 2013 is over.
    assert {ln["iso3"] for ln in nim["lines"] if ln["status"] == "in-progress"} == {"GHA"}
    assert len(nim["without_record"]) == len(facts.states_parties(date(2014, 6, 30))) - 3
    va = _summary(ccm, "victim-assistance", "4MSP", "2014-06-30")
    assert _iso3s(va["states_parties"]) == {"LAO"}
    assert _iso3s(va["signatories"]) == {"AGO"}
    co = _summary(ccm, "cooperation", "4MSP", "2014-06-30")
    assert _iso3s(co["in_need"]) == {"LAO"}
    assert _iso3s(co["providing_states_parties"]) == {"NOR"}
    assert _iso3s(co["providing_signatories"]) == {"CAN"}  # Canada deposited in 2015


def test_terminal_summary_draws_its_charts(reading):
    out = reading("summary", "universalization", "--since", "2MSP", "--as-of", "4MSP").stdout
    assert "Universalization — as of 2013-09-09, changes since the 2MSP (2011-09-13)" in out.replace("\n", " ")
    assert any(ch in out for ch in "▁▂▃▄▅▆▇") and "█" in out
    assert "Joined since the 2MSP: 20" in out
    assert "reply rate 88%" in out
    out = reading("summary", "clearance", "--since", "4MSP", "--as-of", "2014-06-30").stdout
    assert "◆" in out and "LAO" in out and "Current obligations: 12" in out
    assert "Status uncertain" in out and "United Kingdom" in out


def test_overview_and_the_configured_area(ccm):
    result = ccm("summary", "--as-of", "2014-06-30")
    assert result.exit_code == 0
    for name in ("Universalization", "Stockpile destruction", "Clearance", "Transparency", "National implementation"):
        assert name in result.stdout
    assert ccm("config", "set", "area", "clearance").exit_code == 0
    assert json.loads(ccm("summary", "--json").stdout)["area"] == "clearance"
    assert json.loads(ccm("summary", "--all", "--json").stdout)["area"] == "overview"
    # An area without a summary of its own falls back to the overview.
    assert ccm("config", "set", "area", "compliance").exit_code == 0
    assert json.loads(ccm("summary", "--json").stdout)["area"] == "overview"


def test_default_since_is_the_last_meeting_before_the_day(reading):
    data = json.loads(reading("summary", "universalization", "--as-of", "2014-06-30", "--json").stdout)
    assert data["period"]["since_meeting"] == "4MSP"
    data = json.loads(reading("summary", "universalization", "--as-of", "2013-09-09", "--json").stdout)
    assert data["period"]["since_meeting"] == "3MSP"  # a meeting's own day counts from the one before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "gardening"], "unknown thematic area 'gardening'"),
        (["summary", "compliance"], "no summary for compliance"),
        (["summary", "universalization", "--since", "20MSP"], "4MSP"),
        (
            ["summary", "clearance", "--as-of", "4MSP", "--since", "5MSP"],
            "--since 2014-09-02 is after --as-of 2013-09-09",
        ),
        (["summary", "--as-of", "2014-13-01"], "expected YYYY-MM-DD"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(ccm, args, message):
    before = ccm.dump()
    result = ccm(*args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert ccm.dump() == before
