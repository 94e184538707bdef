"""Universalisation intelligence: reasons, groupings, momentum and who to contact next."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from importlib.resources import files
from pathlib import Path

from ccmtui import config

REFERENCE = Path(__file__).resolve().parents[2] / "src" / "ccmtui" / "db" / "reference"


def _status(ccm, *args) -> list[dict]:
    result = ccm("status", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- reasons


def test_the_2013_categories_carry_the_reports_reasons_for_each_group(ccm):
    rows = {s["iso3"]: s for s in _status(ccm, "--as-of", "4MSP")}
    assert rows["VNM"]["category"] == "I" and rows["VNM"]["reasons"] == ["clearance-deadline", "administrative-burden"]
    assert rows["THA"]["category"] == "II"
    assert {"regional-reciprocity", "cost", "prefers-ccw", "other-priorities"} <= set(rows["THA"]["reasons"])
    assert rows["CHN"]["category"] == "III" and "security" in rows["CHN"]["reasons"]
    assert rows["FRA"]["reasons"] == []  # a State Party carries none


def test_a_states_current_category_is_its_latest_on_the_day_the_last_recorded_of_a_day(ccm):
    for category, day, reason in (
        ("I", "2025-05-05", "cost"),
        ("III", "2025-05-05", "security"),
        ("II", "2025-06-01", "prefers-ccw"),
    ):
        assert ccm("classify", "THA", category, "-r", "x", "-d", day, "--reason", reason).exit_code == 0
    before = {s["iso3"]: s for s in _status(ccm, "--as-of", "2025-05-31")}["THA"]
    assert (before["category"], before["reasons"]) == ("III", ["security"])
    after = {s["iso3"]: s for s in _status(ccm, "--as-of", "2025-06-01")}["THA"]
    assert (after["category"], after["reasons"]) == ("II", ["prefers-ccw"])


def test_classify_and_reply_record_reasons_that_history_shows_in_words(ccm):
    result = ccm(
        "classify", "Thailand", "II", "-r", "Waits for ASEAN", "--reason", "regional-reciprocity", "--reason", "cost"
    )
    assert result.exit_code == 0, result.output
    assert "held back by: regional-reciprocity, cost" in result.stdout
    history = json.loads(ccm("history", "THA", "--json").stdout)
    latest = [e for e in history if e["kind"] == "category"][-1]
    assert "regional-reciprocity (waits for its region or neighbours to join)" in latest["what"]
    assert _status(ccm, "THA")[0]["reasons"] == ["regional-reciprocity", "cost"]


def test_an_unknown_reason_lists_the_valid_ones_and_writes_nothing(ccm):
    before = ccm.dump()
    result = ccm("classify", "THA", "II", "-r", "Costs", "--reason", "costs")
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown reason 'costs'; valid: ") and "clearance-deadline" in result.output
    assert "Traceback" not in result.output
    assert ccm.dump() == before


def test_a_reason_of_the_coordinators_own_comes_from_the_config(ccm):
    assert ccm("classify", "THA", "II", "-r", "x", "--reason", "elections").exit_code == 1
    config.save({**config.load(), "reasons": {"elections": "general elections ahead"}})
    result = ccm("classify", "THA", "II", "-r", "Waits for the new government", "--reason", "elections")
    assert result.exit_code == 0, result.output
    assert "elections" in ccm("reasons").stdout


def test_history_matches_an_answerable_reason_with_the_assistance_on_offer(ccm):
    assert ccm("classify", "VNM", "I", "-r", "Worried about clearance", "--reason", "clearance-deadline").exit_code == 0
    offered = ccm("cooperation", "add", "Norway", "provides", "--year", "2024", "--details", "clearance and survey teams",
                  "--source", "Art. 7 report 2024")  # fmt: skip
    assert offered.exit_code == 0, offered.output
    history = json.loads(ccm("history", "VNM", "--json").stdout)
    offers = [e["what"] for e in history if e["kind"] == "offer"]
    # The organisations whose shipped description says they help with clearance, read from the file.
    shipped = files("ccmtui.db.reference").joinpath("organisations.csv").read_text(encoding="utf-8")
    clearers = sorted(r["code"] for r in csv.DictReader(io.StringIO(shipped)) if "clearance" in r["helps"].split(";"))
    assert "HALO" in clearers and "ICRC" not in clearers
    assert offers == [
        "Help on offer: clearance-deadline → clearance assistance (Art. 4, 6): Norway (2024); "
        f"organisations offering it: {', '.join(clearers)}"
    ]


def test_the_summary_counts_category_ii_by_reason(ccm):
    summary = json.loads(ccm("summary", "universalization", "--as-of", "4MSP", "--json").stdout)
    counts = summary["category_ii_by_reason"]
    category_ii = [s for s in _status(ccm, "--as-of", "4MSP") if s["category"] == "II"]
    assert counts["regional-reciprocity"] == len(category_ii) == 31
    assert "security" not in counts


# -- groupings and momentum


def _members(code: str, day: date) -> set[str]:
    with (REFERENCE / "grouping_members.csv").open(encoding="utf-8") as handle:
        return {
            row["iso3"]
            for row in csv.DictReader(handle)
            if row["grouping"] == code
            and (not row["joined"] or date.fromisoformat(row["joined"]) <= day)
            and (not row["left"] or day < date.fromisoformat(row["left"]))
        }


def test_every_membership_has_a_source_and_names_a_state_of_the_register(ccm):
    known = {s["iso3"] for s in _status(ccm)}
    with (REFERENCE / "grouping_members.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["source"].startswith("http") for row in rows)
    assert {row["iso3"] for row in rows} <= known
    with (REFERENCE / "groupings.csv").open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    wanted = {"EU", "AU", "ASEAN", "OIC", "LAS", "CPLP", "COMMONWEALTH", "OIF", "CARICOM", "ECOWAS", "SADC", "PIF"}
    assert wanted | {"UN-AFRICAN", "UN-APG", "UN-EEG", "UN-GRULAC", "UN-WEOG"} <= codes


def test_momentum_shares_match_the_register_and_the_membership_data(ccm):
    for meeting, day in (("4MSP", date(2013, 9, 9)), ("13MSP", None)):
        report = json.loads(ccm("momentum", "--as-of", meeting, "--json").stdout)
        day = date.fromisoformat(report["as_of"])
        joined = {s["iso3"] for s in _status(ccm, "--as-of", meeting) if s["status"] in ("party", "pending")}
        groups = {g["code"]: g for g in report["groups"]}
        for code in ("EU", "ASEAN", "CPLP", "COMMONWEALTH", "AU"):
            members = _members(code, day)
            assert groups[code]["members"] == len(members), (meeting, code)
            assert groups[code]["joined"] == len(members & joined), (meeting, code)
            holdouts = {h["iso3"] for h in groups[code]["holdouts"]}
            assert holdouts == members - joined
    # The CPLP had eight members at the 4MSP; Equatorial Guinea joined it in 2014.
    early = {g["code"]: g for g in json.loads(ccm("momentum", "CPLP", "--as-of", "4MSP", "--json").stdout)["groups"]}
    assert early["CPLP"]["members"] == 8


def test_momentum_reports_the_change_since_a_meeting_and_the_holdouts(ccm):
    report = json.loads(ccm("momentum", "ASEAN", "--as-of", "13MSP", "--since", "4MSP", "--json").stdout)
    (asean,) = report["groups"]
    assert report["since_label"] == "the 4MSP"
    assert asean["joined_before"] == 1 and asean["members_before"] == 10  # Laos; Timor-Leste joined ASEAN in 2025
    thailand = next(h for h in asean["holdouts"] if h["iso3"] == "THA")
    assert thailand["category"] == "II" and "regional-reciprocity" in thailand["reasons"]
    assert thailand["last_contact"] is not None
    table = ccm("momentum", "ASEAN", "--as-of", "13MSP").stdout
    assert "not yet joined" in table and "Thailand" in table


def test_momentum_by_region_counts_each_un_region(ccm):
    report = json.loads(ccm("momentum", "--by", "region", "--json").stdout)
    assert sum(g["members"] for g in report["groups"]) == len(_status(ccm))


def test_bad_groupings_and_by_values_are_one_line_errors(ccm):
    result = ccm("momentum", "ASEN")
    assert result.exit_code == 1 and "unknown grouping 'ASEN'; did you mean ASEAN" in result.output
    assert ccm("momentum", "--by", "continent").exit_code == 1
    assert ccm("status", "--grouping", "Nowhere").exit_code == 1


def test_status_and_campaigns_select_by_grouping(ccm):
    asean = {s["iso3"] for s in _status(ccm, "--grouping", "asean")}
    assert asean == _members("ASEAN", date.today())
    assert {s["iso3"] for s in _status(ccm, "-g", "ASEAN", "--as-of", "4MSP")} == _members("ASEAN", date(2013, 9, 9))
    preview = ccm("campaign", "new", "ASEAN letter", "--to", "grouping:Arab League", "--to", "status:non-signatory",
                  "-a", "universalization", "--dry-run")  # fmt: skip
    assert preview.exit_code == 0, preview.output
    assert "grouping:LAS" in preview.output and "Algeria (DZA)" in preview.output and "Iraq" not in preview.output


# -- who to contact next


def test_next_explains_every_rank_it_gives(ccm):
    ranked = json.loads(ccm("next", "--limit", "200", "--json").stdout)
    not_party = [s for s in _status(ccm) if s["status"] in ("signatory", "non-signatory")]
    assert len(ranked) == len(not_party)
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
    assert [r["score"] for r in ranked] == sorted((r["score"] for r in ranked), reverse=True)
    for row in ranked:
        assert row["because"], row
        assert abs(sum(b["points"] for b in row["because"]) - row["score"]) < 0.02
    angola = next(r for r in ranked if r["iso3"] == "AGO")
    assert any("not ratified" in b["why"] for b in angola["because"])
    assert any("SADC already joined" in b["why"] for b in angola["because"])
    assert len(json.loads(ccm("next", "-n", "3", "--json").stdout)) == 3


def test_next_weights_come_from_the_config_and_must_be_numbers(ccm):
    config.save({**config.load(), "next": {"signatory": 50}})
    top = json.loads(ccm("next", "-n", "12", "--json").stdout)
    assert all(row["status"] == "signatory" for row in top)
    config.save({**config.load(), "next": {"signatory": "lots"}})
    result = ccm("next")
    assert result.exit_code == 1 and "config [next] signatory = 'lots' is not a number" in result.output
    config.save({**config.load(), "next": {"closeness": 1}})
    assert "unknown weight in config [next] 'closeness'" in ccm("next").output


# -- chaser letters

LETTER_2013 = "6407f7c8"  # the sample's 2013 letter: 74 targets, 6 replies


def test_a_chase_writes_one_letter_per_non_replier_and_records_the_chaser(ccm, tmp_path):
    import docx

    board = json.loads(ccm("campaign", "show", LETTER_2013, "--json").stdout)
    silent = {r["iso3"] for r in board["replies"] if r["status"] != "replied"}
    result = ccm("campaign", "chase", LETTER_2013, "--after", "30", "-o", tmp_path / "out", "-y")
    assert result.exit_code == 0, result.output
    letters = sorted((tmp_path / "out").glob("*.docx"))
    assert len(letters) == len(silent) == 68
    assert {p.stem.split("-")[1] for p in letters} == silent
    algeria = [p.text for p in docx.Document(next(p for p in letters if p.stem.endswith("DZA"))).paragraphs]
    assert algeria[0] == date.today().isoformat() and "Permanent Mission of Algeria" in algeria
    assert any("communication of 2013-03-15 on the position of Algeria" in text for text in algeria)
    assert not any("{{" in text for text in algeria)
    campaigns = json.loads(ccm("campaign", "list", "--json").stdout)
    chaser = next(c for c in campaigns if c["title"].startswith("Chaser: Letter of the Permanent"))
    assert chaser["targets"] == 68
    merged = ccm("campaign", "chase", LETTER_2013, "-o", tmp_path / "merged", "--merge", "-y")
    assert merged.exit_code == 0, merged.output
    (document,) = (tmp_path / "merged").glob("*.docx")
    assert sum("communication of 2013-03-15" in p.text for p in docx.Document(document).paragraphs) == 68


def test_a_template_with_an_unknown_merge_field_is_named_and_nothing_is_written(ccm, tmp_path):
    import docx

    template = docx.Document()
    template.add_paragraph("Dear {{ambassador}}, about {{state}}")
    template.save(tmp_path / "letter.docx")
    before = ccm.dump()
    result = ccm("campaign", "chase", LETTER_2013, "--template", tmp_path / "letter.docx", "-o", tmp_path / "out", "-y")
    assert result.exit_code == 1 and "unknown merge field {{ambassador}}" in result.output
    assert not (tmp_path / "out").exists() and ccm.dump() == before
