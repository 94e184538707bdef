"""The daily log from the command line: log, classify, reply, campaigns, undo."""

from __future__ import annotations

import json
from datetime import date

import pytest

# The change log and the database's own identity are not records an undo restores.
LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def _last_id(ccm, *args):
    return json.loads(ccm("engagements", "--json", "-n", "1", *args).stdout)[0]["id"]


def test_log_an_engagement_and_find_it_again(ccm):
    result = ccm(
        "log",
        "meeting",
        "KEN",
        "Lao PDR",
        "-m",
        "Met the ambassador on ratification",
        "-a",
        "universalization",
        "--date",
        "2024-03-05",
        "--by",
        "Portugal and Japan",
        "--ap",
        "VAP-3, lap 17",
        "--follow-up",
        "2024-04-01",
        "--notes",
        "Parliament to debate in May",
    )
    assert result.exit_code == 0, result.output
    assert "Logged bilateral meeting" in result.stdout and "Kenya, Laos on 2024-03-05" in result.stdout
    [line] = json.loads(ccm("engagements", "--state", "laos", "--json", "--since", "2024-01-01").stdout)
    assert line["states"] == ["KEN", "LAO"]
    assert sorted(line["by"]) == ["JPN", "PRT"]
    assert line["follow_up"] == "2024-04-01"
    detail = json.loads(ccm("show", line["id"][:6], "--json").stdout)
    assert detail["action_points"] == ["VAP-3", "LAP-17"]
    assert detail["notes"] == "Parliament to debate in May"
    assert [h["id"] for h in json.loads(ccm("search", "parliament debate", "--json").stdout)] == [line["id"]]
    assert json.loads(ccm("engagements", "--by", "JPN", "--kind", "meeting", "--json").stdout)[0]["id"] == line["id"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "meeting", "KEN", "-m", "", "-a", "univ"], "summary is empty"),
        (["log", "meeting", "KEN", "-m", "   ", "-a", "univ"], "summary is empty"),
        (["log", "dance", "KEN", "-m", "x", "-a", "univ"], "unknown kind 'dance'; valid: demarche, meeting"),
        (["log", "meeting", "KEN", "-m", "x", "-a", "gardening"], "unknown thematic area 'gardening'"),
        (["log", "meeting", "KEN", "-m", "x"], "say which thematic area"),
        (["log", "meeting", "Narnia", "-m", "x", "-a", "univ"], "unknown state 'Narnia'"),
        (["log", "meeting", "KEN", "-m", "x", "-a", "univ", "--date", "5 March"], "expected YYYY-MM-DD"),
        (["log", "meeting", "KEN", "-m", "x", "-a", "univ", "--ap", "XAP-1"], "bad action"),
        (
            ["log", "meeting", "KEN", "-m", "x", "-a", "univ", "--date", "2024-05-01", "--follow-up", "2024-04-01"],
            "before the engagement",
        ),
        (["classify", "FRA", "II", "-r", "x"], "is a State Party"),
        (["classify", "KEN", "IV", "-r", "x"], "valid: I, II, III"),
        (["classify", "KEN", "II"], "give the reason"),
        (["undo"], "nothing to undo"),
    ],
)
def test_bad_input_writes_nothing(ccm, args, message):
    before = ccm.dump()
    result = ccm(*args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump() == before


def test_classify_keeps_history_and_status_uses_the_latest(ccm):
    assert ccm("classify", "KEN", "II", "-r", "Parliament has other priorities", "--date", "2014-02-01").exit_code == 0
    assert ccm("classify", "KEN", "I", "-r", "Bill tabled", "--date", "2015-06-01").exit_code == 0
    [kenya] = json.loads(ccm("status", "KEN", "--json", "--as-of", "2014-12-31").stdout)
    assert kenya["category"] == "II"
    [kenya] = json.loads(ccm("status", "KEN", "--json").stdout)
    assert kenya["category"] == "I" and kenya["category_since"] == "2015-06-01"
    categories = [e for e in json.loads(ccm("history", "KEN", "--json").stdout) if e["kind"] == "category"]
    assert [e["what"].split(":")[0] for e in categories] == ["Category I", "Category II", "Category I"]


def test_a_category_for_a_state_that_was_party_that_day_is_refused(ccm):
    # Peru deposited on 26 September 2012: pending (a State Party in CCM's count) from then.
    assert ccm("classify", "PER", "I", "-r", "x", "--date", "2012-09-25").exit_code == 0
    result = ccm("classify", "PER", "I", "-r", "x", "--date", "2012-09-26")
    assert result.exit_code == 1 and "State Party" in result.stderr


def test_campaign_preview_then_create_then_replies(ccm):
    preview = ccm(
        "campaign",
        "new",
        "Letter 2026",
        "--to",
        "category:II",
        "--to",
        "region:Asia",
        "-a",
        "univ",
        "--kind",
        "letter",
        "--date",
        "2013-10-01",
        "--dry-run",
    )
    assert preview.exit_code == 0
    assert "13 targets (category:II region:Asia)" in preview.stderr
    assert "Thailand (THA)" in preview.stderr
    assert len(json.loads(ccm("campaign", "list", "--json").stdout)) == 2  # the dry run wrote nothing
    declined = ccm(
        "campaign",
        "new",
        "Letter 2026",
        "--to",
        "category:II",
        "--to",
        "region:Asia",
        "-a",
        "univ",
        "--date",
        "2013-10-01",
        input="n\n",
    )
    assert declined.exit_code == 1
    created = ccm(
        "campaign",
        "new",
        "Letter 2026",
        "--to",
        "category:II",
        "--to",
        "region:Asia",
        "-a",
        "univ",
        "--kind",
        "letter",
        "--date",
        "2013-10-01",
        input="y\n",
    )
    assert created.exit_code == 0, created.output
    assert "13 pending replies" in created.stdout
    board = json.loads(ccm("campaign", "list", "--json").stdout)
    campaign = next(c for c in board if c["title"] == "Letter 2026")
    assert (campaign["targets"], campaign["pending"], campaign["replied"]) == (13, 13, 0)

    cid = campaign["id"][:8]
    ok = ccm(
        "reply",
        cid,
        "Thailand",
        "--stance",
        "positive",
        "-m",
        "Considering accession",
        "--date",
        "2013-11-02",
        "-c",
        "I",
        "--classify",
    )
    assert ok.exit_code == 0, ok.output
    shown = json.loads(ccm("campaign", "show", cid, "--json").stdout)
    assert (shown["replied"], shown["pending"], shown["reply_rate"]) == (1, 12, round(1 / 13, 4))
    [thailand] = json.loads(ccm("status", "THA", "--json", "--as-of", "2013-11-02").stdout)
    assert thailand["category"] == "I"

    assert "was not a target" in ccm("reply", cid, "FRA", "--stance", "positive", "--date", "2013-11-02").stderr
    assert "before the engagement" in ccm("reply", cid, "MMR", "--stance", "neutral", "--date", "2013-09-01").stderr
    assert (
        "valid: positive, neutral, negative"
        in ccm("reply", cid, "MMR", "--stance", "maybe", "--date", "2013-11-01").stderr
    )

    closed = ccm("campaign", "close", cid)
    assert "12 pending replies marked as no reply" in closed.stdout
    after = json.loads(ccm("campaign", "show", cid, "--json").stdout)
    assert (after["pending"], after["no_reply"]) == (0, 12)


def test_campaign_to_every_non_signatory(ccm):
    result = ccm(
        "campaign",
        "new",
        "Démarche to non-signatories",
        "--to",
        "status:non-signatory",
        "-a",
        "univ",
        "--date",
        "2025-10-01",
        "--yes",
        "--except",
        "USA",
    )
    assert result.exit_code == 0, result.output
    board = json.loads(ccm("campaign", "list", "--json").stdout)
    assert board[0]["targets"] == 71  # 72 states had taken no action by then; the United States left out


def test_undo_restores_the_previous_state_including_a_whole_campaign(ccm):
    before = ccm.dump(without=LOG_TABLES, edited_at=False)
    assert (
        ccm("campaign", "new", "C", "--to", "status:signatory", "-a", "univ", "--yes", "--date", "2020-01-01").exit_code
        == 0
    )
    campaign = json.loads(ccm("campaign", "list", "--json").stdout)[0]["id"]
    middle = ccm.dump(without=LOG_TABLES, edited_at=False)
    assert (
        ccm(
            "reply", campaign[:8], "KEN", "--stance", "positive", "--date", "2020-02-01", "-c", "I", "--classify"
        ).exit_code
        == 0
    )
    undone = ccm("undo")
    assert undone.exit_code == 0 and "Undid: reply from Kenya" in undone.stdout
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == middle
    undone = ccm("undo")
    assert "Undid: campaign new 'C'" in undone.stdout
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before
    changes = json.loads(ccm("changes", "--json").stdout)
    assert [c["command"] for c in changes[:2]] == ["undo", "undo"]
    assert all(c["undone"] for c in changes[2:4])


def test_undo_of_an_update_restores_the_old_values(ccm):
    assert (
        ccm(
            "log", "call", "UGA", "-m", "Call", "-a", "univ", "--date", "2024-01-01", "--follow-up", "2024-02-01"
        ).exit_code
        == 0
    )
    engagement = _last_id(ccm)
    before = ccm.dump(without=LOG_TABLES, edited_at=False)
    assert ccm("done", engagement[:8]).exit_code == 0
    assert json.loads(ccm("show", engagement[:8], "--json").stdout)["follow_up"] is None
    assert ccm("undo").exit_code == 0
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before


def test_due_lists_overdue_follow_ups_and_long_pending_replies(ccm):
    ccm(
        "log",
        "call",
        "UGA",
        "-m",
        "Chase the instrument",
        "-a",
        "univ",
        "--date",
        "2020-01-01",
        "--follow-up",
        "2020-02-01",
    )
    ccm("campaign", "new", "Letter", "--to", "KEN", "-a", "univ", "--yes", "--date", "2020-01-01")
    result = json.loads(ccm("due", "--json", "--days", "30").stdout)
    assert [f["summary"] for f in result["overdue_follow_ups"]] == ["Chase the instrument"]
    assert [(p["iso3"], p["engagement_summary"]) for p in result["pending_replies"]] == [("KEN", "Letter")]
    deadlines = json.loads(ccm("due", "--json", "--within", "4000").stdout)["deadlines"]
    assert any(d["article"] == "Art. 7(2)" and d["iso3"] is None for d in deadlines)
    # South Sudan's Art. 4 clearance deadline, 1 February 2034, from the shipped obligations.
    obligations = json.loads(ccm("due", "--json", "--within", "4000").stdout)["obligations"]
    assert {
        "kind": "ahead",
        "date": "2034-02-01",
        "iso3": "SSD",
        "name": "South Sudan",
        "article": 4,
        "what": "clearance deadline (Art. 4(1))",
        "days": (date(2034, 2, 1) - date.today()).days,
        "meeting": None,
    } in obligations


def test_history_is_one_timeline(ccm):
    entries = json.loads(ccm("history", "Côte d'Ivoire", "--json").stdout)
    kinds = [(e["date"], e["kind"]) for e in entries]
    assert ("2008-12-04", "treaty") in kinds and ("2012-03-12", "treaty") in kinds and ("2012-09-01", "treaty") in kinds
    assert ("2011-11-15", "engagement") in kinds  # the 2011-2012 joint démarche
    assert kinds == sorted(kinds, key=lambda k: k[0])


def test_import_engagements_all_or_nothing(ccm, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(
        "date,kind,states,area,summary,notes,by\n"
        '2024-01-10,meeting,KEN;UGA,universalization,Met both ambassadors,"notes, with a comma",Portugal\n'
        "2024-02-10,letter,Lao PDR,clearance,Letter on the Art. 4 extension,,\n",
        encoding="utf-8",
    )
    assert ccm("import", "engagements", good).stdout.strip().startswith("Imported 2 engagements")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,kind,states,area,summary\n"
        "2024-01-10,meeting,KEN,universalization,Fine row\n"
        "2024-13-10,meeting,KEN,universalization,Bad date\n"
        "2024-01-10,meeting,Narnia,universalization,Unknown state\n"
        "2024-01-10,meeting,KEN,universalization,\n",
        encoding="utf-8",
    )
    before = ccm.dump()
    result = ccm("import", "engagements", bad)
    assert result.exit_code == 1
    assert "3 bad rows, nothing written" in result.stderr
    assert "line 3:" in result.stderr and "line 4:" in result.stderr and "line 5:" in result.stderr
    assert ccm.dump() == before
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("when,what\n2024-01-01,x\n", encoding="utf-8")
    assert "missing column(s) date, kind" in ccm("import", "engagements", wrong).stderr


def test_import_replies(ccm, tmp_path):
    ccm("campaign", "new", "Letter", "--to", "KEN", "--to", "UGA", "-a", "univ", "--yes", "--date", "2020-01-01")
    campaign = json.loads(ccm("campaign", "list", "--json").stdout)[0]["id"]
    replies = tmp_path / "replies.csv"
    replies.write_text(
        f"engagement,state,date,stance,summary,category\n{campaign[:8]},KEN,2020-02-01,positive,Will join,I\n",
        encoding="utf-8",
    )
    assert ccm("import", "replies", replies).exit_code == 0
    assert json.loads(ccm("campaign", "show", campaign[:8], "--json").stdout)["replied"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text(f"engagement,state,date,stance\n{campaign[:8]},FRA,2020-02-01,positive\n", encoding="utf-8")
    result = ccm("import", "replies", bad)
    assert result.exit_code == 1 and "line 2: France was not a target" in result.stderr


def test_sample_holds_the_2013_campaigns_with_their_replies(ccm):
    board = {c["title"][:14]: c for c in json.loads(ccm("campaign", "list", "--json").stdout)}
    demarche, letter = board["Joint démarche"], board["Letter of the "]
    assert (demarche["targets"], demarche["replied"]) == (113, 100)
    assert (letter["targets"], letter["replied"]) == (74, 6)


def test_config_set_stamps_records_with_the_identity(ccm, isolated_environment):
    assert ccm("config", "set", "name", "Ana Silva").exit_code == 0
    assert ccm("config", "set", "state", "portugal").stdout.startswith("state = PRT")
    assert ccm("config", "set", "area", "univ").stdout.startswith("area = universalization")
    assert "unknown config key" in ccm("config", "set", "colour", "x").stderr
    ccm("log", "meeting", "KEN", "-m", "Met", "--date", "2024-01-01")
    [line] = json.loads(ccm("engagements", "--json", "-n", "1").stdout)
    assert line["recorded_by"] == "Ana Silva (PRT)" and line["by"] == ["PRT"] and line["area"] == "universalization"
    assert json.loads(ccm("changes", "--json").stdout)[0]["made_by"] == "Ana Silva (PRT)"
    config_file = isolated_environment / "config" / "config.toml"
    assert oct(config_file.stat().st_mode & 0o777) == "0o600"


def test_config_sets_the_kind_the_apps_log_form_opens_on(ccm, isolated_environment):
    assert ccm("config", "set", "kind", "Meeting").stdout.startswith("kind = meeting")
    assert ccm("config", "set", "kind", "last").stdout.startswith("kind = last")
    refused = ccm("config", "set", "kind", "meting")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: unknown kind 'meting'") and "meeting" in refused.stderr


def test_campaign_to_an_intermediate_region_and_an_unknown_one(ccm):
    preview = ccm(
        "campaign", "new", "Letter", "--to", "region:Western Africa", "-a", "univ", "--date", "2013-10-01", "--dry-run"
    )
    assert preview.exit_code == 0, preview.output
    assert "16 targets (region:Western Africa)" in preview.stderr and "Ghana (GHA)" in preview.stderr
    narrowed = ccm(
        "campaign",
        "new",
        "Letter",
        "--to",
        "region:caribbean",
        "--to",
        "region:Sub-Saharan Africa",
        "--to",
        "status:non-signatory",
        "-a",
        "univ",
        "--date",
        "2013-10-01",
        "--dry-run",
    )
    assert narrowed.exit_code == 0, narrowed.output
    assert "(region:Caribbean region:Sub-Saharan Africa status:non-signatory)" in narrowed.stderr
    unknown = ccm("campaign", "new", "Letter", "--to", "region:Westen Africa", "-a", "univ", "--dry-run")
    assert unknown.exit_code == 1
    [line] = unknown.stderr.strip().splitlines()
    assert "did you mean Western Africa" in line and "Sub-Saharan Africa (Eastern Africa" in line
