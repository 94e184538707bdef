"""`ccm show`, `ccm edit`, `ccm delete` on any record by its id; reply threads; undo that is one's own."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import CCM

LOME = "480d530f"  # the Lomé conference: an engagement with states and acting parties
CAMPAIGN = "609c"  # the joint démarche of 2011-2012
CAMPAIGN_ENGAGEMENT = "c5ddd9f4"  # the engagement that carries it
KENYA_REPLY = "fb85aea5"  # Kenya's 2011 reply to it
KENYA_CATEGORY = "b5405409"  # Kenya's 2013 classification
RETENTION = "24c749de"  # the Netherlands' 2016 retention
MEETING = "e509441f"  # 1MSP
LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def fails(result, *words: str) -> str:
    assert result.exit_code != 0, result.output
    line = result.stderr.strip()
    assert line.startswith("Error:") and "\n" not in line, line
    for word in words:
        assert word in line, line
    return line


def as_json(result):
    return json.loads(ok(result))


def who(ccm: CCM, name: str, state: str = "PRT") -> None:
    ok(ccm("config", "set", "name", name))
    ok(ccm("config", "set", "state", state))


def editor(tmp_path: Path, script: str) -> str:
    """An $EDITOR that runs `script` (sh) on the file it is given."""
    path = tmp_path / "editor.sh"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


# -- show


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        (KENYA_REPLY, "reply"), (KENYA_CATEGORY, "classification"), (RETENTION, "retention entry"),
        (MEETING, "meeting"), ("6f591ea5", "milestone"), ("d0dc20c8", "work plan"),
    ],
)  # fmt: skip
def test_show_opens_any_record_by_its_id(ccm, record, kind):
    shown = as_json(ccm("show", record, "--json"))
    assert shown["kind"] == kind and shown["id"].startswith(record)
    assert ok(ccm("show", record)).startswith(kind.capitalize())


def test_a_campaign_and_its_engagement_answer_to_both_ids(ccm):
    by_campaign = as_json(ccm("campaign", "show", CAMPAIGN, "--json"))
    by_engagement = as_json(ccm("campaign", "show", CAMPAIGN_ENGAGEMENT, "--json"))
    assert by_campaign == by_engagement
    assert as_json(ccm("show", CAMPAIGN_ENGAGEMENT, "--json"))["campaign"].startswith(CAMPAIGN)
    assert "Joint démarche" in ok(ccm("show", CAMPAIGN))


def test_show_of_a_change_set_gives_each_field_before_and_after(ccm):
    ok(ccm("edit", LOME, "--summary", "Lomé conference"))
    [last] = as_json(ccm("changes", "--json", "--values", "-n", "1"))
    [change] = last["values"]
    assert change["fields"]["summary"]["after"] == "Lomé conference"
    shown = as_json(ccm("show", last["id"][:8], "--json"))
    assert shown["kind"] == "change set" and shown["changes"] == last["values"]
    assert "→ 'Lomé conference'" in ok(ccm("changes", "--values", "-n", "1"))


def test_an_unknown_or_bad_id_is_one_line(ccm):
    fails(ccm("show", "ffffffff"), "no record with id")
    fails(ccm("show", "ab"), "bad id 'ab': give at least 4 characters")
    # A mistyped name rather than an id: say what an id looks like, not that it is short.
    fails(ccm("show", "zzzz"), "bad id 'zzzz': ids are hexadecimal")
    fails(ccm("coalition", "status", "Laos", "met"), "bad need id 'Laos': ids are hexadecimal")


# -- edit with options


def test_edit_with_options_is_one_change_set_that_undo_reverts(ccm):
    who(ccm, "Ana")
    before = ccm.dump(without=LOG_TABLES, edited_at=False)
    said = ok(ccm("edit", LOME, "--summary", "Lomé conference", "--kind", "meeting", "--date", "2013-05-23",
                  "--add-state", "GHA", "--remove-state", "TGO", "--by", "PRT", "--follow-up", "2013-07-01"))  # fmt: skip
    assert "Edited engagement 480d530f" in said
    shown = as_json(ccm("show", LOME, "--json"))
    assert shown["summary"] == "Lomé conference" and shown["kind"] == "meeting" and shown["date"] == "2013-05-23"
    [last] = as_json(ccm("changes", "--json", "-n", "1"))
    assert last["command"].startswith("edit engagement 480d530f") and last["made_by"] == "Ana (PRT)"
    assert "Undid: edit engagement 480d530f" in ok(ccm("undo"))
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before


def test_edit_notes_from_standard_input(ccm):
    ok(ccm("edit", LOME, "--notes-file", "-", input="# Notes\n\nA long note,\non two lines.\n"))
    assert as_json(ccm("show", LOME, "--json"))["notes"] == "# Notes\n\nA long note,\non two lines."


def test_edit_any_kind_with_set(ccm):
    ok(ccm("edit", KENYA_REPLY, "--set", "stance=neutral", "--set", "summary=Before parliament"))
    shown = as_json(ccm("show", KENYA_REPLY, "--json"))
    assert shown["fields"]["stance"] == "neutral" and shown["fields"]["summary"] == "Before parliament"
    ok(ccm("edit", MEETING, "--set", "city=Vientiane"))
    assert as_json(ccm("show", MEETING, "--json"))["fields"]["city"] == "Vientiane"
    ok(ccm("edit", CAMPAIGN, "--title", "Joint démarche (2011-2012)"))
    assert as_json(ccm("campaign", "show", CAMPAIGN, "--json"))["title"] == "Joint démarche (2011-2012)"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((LOME, "--add-state", "Atlantis"), ["Atlantis"]),
        ((LOME, "--date", "2013-02-30"), ["--date", "2013-02-30"]),
        ((LOME, "--summary", "   "), ["summary"]),
        ((LOME, "--kind", "picnic"), ["picnic"]),
        ((LOME, "--follow-up", "2013-01-01"), ["follow-up"]),
        ((CAMPAIGN, "--date", "2012-06-01"), ["reply", "before"]),
        ((KENYA_REPLY, "--set", "date=2011-01-01"), ["before the engagement"]),
        ((KENYA_REPLY, "--set", "date=2099-01-01"), ["2099-01-01 is in the future"]),
        (("933dce3e", "--set", "date=2024-01-01"), ["Nigeria"]),  # a party by then: no category
        ((RETENTION, "--set", "year=2015"), ["already recorded", "ccm edit"]),
        ((RETENTION, "--set", "colour=red"), ["no field 'colour'"]),
        (("b1b1b1b1", "--summary", "x"), ["no record"]),
    ],
)
def test_bad_edits_are_one_line_naming_the_field_and_write_nothing(ccm, args, words):
    if args[0] == RETENTION and "year=2015" in args:
        ok(ccm("retention", "add", "NLD", "--year", "2015", "--submunitions", "300", "--source", "Art. 7 report"))
    before = ccm.dump()
    fails(ccm("edit", *args), *words)
    assert ccm.dump() == before


def test_a_state_that_replied_is_not_taken_off_the_campaign(ccm):
    fails(ccm("edit", CAMPAIGN, "--remove-state", "KEN"), "Kenya has replied")


def test_adding_a_state_to_a_campaign_adds_its_pending_reply(ccm):
    ok(ccm("edit", CAMPAIGN, "--add-state", "FRA"))
    replies = as_json(ccm("campaign", "show", CAMPAIGN, "--json"))["replies"]
    assert [r["status"] for r in replies if r["iso3"] == "FRA"] == ["pending"]


# -- edit in $EDITOR


def test_edit_in_the_editor(ccm, tmp_path, monkeypatch):
    monkeypatch.setenv(
        "EDITOR",
        editor(tmp_path, 'sed -i \'s/^kind = .*/kind = "meeting"/; s/^Representatives/Edited. Representatives/\' "$1"'),
    )
    assert "Edited engagement 480d530f: kind, notes" in ok(ccm("edit", LOME))
    shown = as_json(ccm("show", LOME, "--json"))
    assert shown["kind"] == "meeting" and shown["notes"].startswith("Edited. Representatives")


def test_the_editor_shows_toml_front_matter_and_the_notes_below(ccm, tmp_path, monkeypatch):
    copy = tmp_path / "seen.md"
    monkeypatch.setenv("EDITOR", editor(tmp_path, f'cp "$1" {copy}'))
    assert "Nothing changed" in ok(ccm("edit", LOME))
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("+++\n") and 'states = ["TGO"]' in text and "\n+++\n\nRepresentatives of 35" in text


def test_a_bad_value_in_the_editor_names_line_and_field_and_keeps_the_text(ccm, tmp_path, monkeypatch):
    monkeypatch.setenv(
        "EDITOR",
        editor(
            tmp_path, 'sed -i \'s/^date = .*/date = "2013-13-01"/; s/^Representatives/My words. Representatives/\' "$1"'
        ),
    )
    before = ccm.dump()
    line = fails(ccm("edit", LOME), "line 5, date", "2013-13-01", "nothing changed")
    kept = Path(line.split("kept in ")[1])
    assert "My words." in kept.read_text(encoding="utf-8")
    assert ccm.dump() == before


def test_broken_toml_in_the_editor_names_the_line(ccm, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor(tmp_path, "sed -i 's/^kind = .*/kind = meeting/' \"$1\""))
    fails(ccm("edit", LOME), "line 6")


def test_an_editor_for_another_kind(ccm, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor(tmp_path, 'sed -i \'s/^stance = .*/stance = "negative"/\' "$1"'))
    ok(ccm("edit", KENYA_REPLY))
    assert as_json(ccm("show", KENYA_REPLY, "--json"))["fields"]["stance"] == "negative"


# -- delete


def test_delete_asks_naming_what_goes_with_it(ccm):
    before = ccm.dump(without=LOG_TABLES, edited_at=False)
    result = ccm("delete", CAMPAIGN, input="n\n")
    assert result.exit_code != 0 and "113 replies" in result.stdout and "Nothing deleted" in result.stdout
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before
    said = ok(ccm("delete", CAMPAIGN_ENGAGEMENT, "--yes"))
    assert "Deleted campaign" in said and "113 replies" in said
    fails(ccm("show", CAMPAIGN), "no record")
    assert "Undid: delete campaign" in ok(ccm("undo"))
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before


def test_delete_an_engagement_with_its_states_actors_and_attachments(ccm, tmp_path):
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 a letter")
    ok(ccm("attach", LOME, letter))
    said = ok(ccm("delete", LOME, "--yes"))
    assert "1 attachment" in said and "1 state" in said and "1 acting party" in said
    fails(ccm("show", LOME), "no record")


@pytest.mark.parametrize("record", [KENYA_REPLY, KENYA_CATEGORY, RETENTION, MEETING, "6f591ea5", "d0dc20c8"])
def test_delete_every_kind(ccm, record):
    ok(ccm("delete", record, "--yes"))
    fails(ccm("show", record), "no record")
    ok(ccm("undo"))
    ok(ccm("show", record))


def test_reference_data_and_change_sets_are_not_deleted_this_way(ccm):
    ok(ccm("edit", LOME, "--summary", "x"))
    [last] = as_json(ccm("changes", "--json", "-n", "1"))
    fails(ccm("delete", last["id"][:8], "--yes"), "ccm undo --change")


def test_a_duplicate_year_points_at_ccm_edit(ccm):
    fails(ccm("retention", "add", "NLD", "--year", "2016", "--submunitions", "1", "--source", "x"), "ccm edit 24c749de")


# -- replies are a thread


def test_a_further_reply_is_added_and_the_latest_is_the_current_answer(ccm):
    board = as_json(ccm("campaign", "show", CAMPAIGN, "--json"))
    ok(ccm("reply", CAMPAIGN, "KEN", "--stance", "negative", "--date", "2014-02-01", "-m", "Not now"))
    after = as_json(ccm("campaign", "show", CAMPAIGN, "--json"))
    kenya = [r for r in after["replies"] if r["iso3"] == "KEN"]
    assert [r["received"] for r in kenya] == ["2011-12-27", "2014-02-01"]
    assert (after["targets"], after["replied"], after["reply_rate"]) == (
        board["targets"],
        board["replied"],
        board["reply_rate"],
    )
    history = ok(ccm("history", "KEN"))
    assert "2011-12-27" in history and "2014-02-01" in history


def test_a_past_event_after_today_is_refused_and_a_future_engagement_is_planned(ccm):
    before = ccm.dump()
    fails(ccm("reply", CAMPAIGN, "KEN", "--stance", "positive", "--date", "2099-09-01"), "2099-09-01 is in the future")
    fails(ccm("classify", "USA", "II", "-r", "x", "--date", "2099-09-01"), "2099-09-01 is in the future")
    assert ccm.dump() == before
    ok(ccm("log", "meeting", "KEN", "-m", "Planned visit", "-a", "univ", "--date", "2099-01-10"))
    [planned] = as_json(ccm("engagements", "--json", "--state", "KEN", "--since", "2099-01-01"))
    assert planned["planned"] is True
    assert "(planned)" in ok(ccm("show", planned["id"][:8]))
    assert "(planned)" in ok(ccm("engagements", "--state", "KEN", "--since", "2099-01-01"))


# -- undo that is yours


def test_two_identities_each_undo_only_their_own(ccm):
    who(ccm, "Ana", "PRT")
    ok(ccm("log", "call", "KEN", "-m", "Ana's call", "-a", "univ", "--date", "2020-01-01"))
    who(ccm, "Ben", "JPN")
    ok(ccm("log", "call", "UGA", "-m", "Ben's call", "-a", "univ", "--date", "2020-01-02"))
    who(ccm, "Ana", "PRT")
    said = ok(ccm("undo"))
    assert "Ana's call" in said and "by Ana (PRT)" in said
    assert "Ben's call" in ok(ccm("engagements", "--state", "UGA", "--since", "2020-01-01"))
    fails(ccm("undo"), "nothing to undo", "Ana (PRT)")
    who(ccm, "Ben", "JPN")
    assert "Ben's call" in ok(ccm("undo"))


def test_undo_refuses_past_a_later_change_to_the_same_records(ccm):
    who(ccm, "Ana", "PRT")
    ok(ccm("edit", LOME, "--summary", "Ana's summary"))
    who(ccm, "Ben", "JPN")
    ok(ccm("edit", LOME, "--summary", "Ben's summary"))
    later = as_json(ccm("changes", "--json", "-n", "1"))[0]["id"]
    who(ccm, "Ana", "PRT")
    before = ccm.dump()
    fails(ccm("undo"), "cannot undo", later[:8], "Ben (JPN)")
    assert ccm.dump() == before
    assert "by Ben (JPN)" in ok(ccm("undo", "--change", later[:8]))
    assert as_json(ccm("show", LOME, "--json"))["summary"] == "Ana's summary"
    assert "by Ana (PRT)" in ok(ccm("undo"))
    assert "Lomé Universalisation Strategy" in as_json(ccm("show", LOME, "--json"))["summary"]


def test_undo_change_refuses_what_is_already_undone_or_not_a_change_set(ccm):
    ok(ccm("edit", LOME, "--summary", "x"))
    first = as_json(ccm("changes", "--json", "-n", "1"))[0]["id"]
    ok(ccm("undo", "--change", first[:8]))
    fails(ccm("undo", "--change", first[:8]), "already undone")
    fails(ccm("undo", "--change", LOME), "not a change set")


def test_on_postgresql_the_login_role_is_part_of_whose_undo_it_is(postgres):
    """Two login roles under the same configured name: each undoes only what its role did."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests import backends

    engine = create_engine(postgres)
    with engine.connect() as connection:
        allowed = connection.execute(
            text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    engine.dispose()
    if not allowed:
        pytest.skip("the test role may not create a second login role (scripts/pg-test-server grants CREATEROLE)")
    url = backends.new_database()
    role = f"ccm_colleague_{os.getpid()}"
    backends._admin(f'DROP ROLE IF EXISTS "{role}"')
    backends._admin(f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'colleague-password'")
    database = make_url(url).database
    try:
        backends._admin_on(
            url,
            f'GRANT ALL ON DATABASE "{database}" TO "{role}"',
            f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"',
            f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
        )
        mine = CCM(url)
        theirs = CCM(
            make_url(url).set(username=role, password="colleague-password").render_as_string(hide_password=False)
        )
        who(mine, "Ana")
        ok(mine("log", "call", "KEN", "-m", "Call by the first role", "-a", "univ", "--date", "2020-01-01"))
        ok(theirs("log", "call", "UGA", "-m", "Call by the second role", "-a", "univ", "--date", "2020-01-02"))
        made = {c["command"]: c["login"] for c in as_json(mine("changes", "--json", "-n", "2"))}
        assert made["log call with Uganda: Call by the second role"] == role
        assert "Call by the first role" in ok(mine("undo"))
        fails(mine("undo"), "nothing to undo")
        assert "Call by the second role" in ok(theirs("undo"))
    finally:
        backends.drop(url)
        backends._admin(f'DROP ROLE IF EXISTS "{role}"')


def test_a_campaign_id_names_its_engagement_everywhere(ccm, tmp_path):
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 the letter sent")
    ok(ccm("attach", CAMPAIGN, letter))
    assert "letter.pdf" in ok(ccm("attachment", "list", CAMPAIGN))
    assert "letter.pdf" in ok(ccm("attachment", "list", CAMPAIGN_ENGAGEMENT))
    ok(ccm("milestone", "done", "6f591ea5", "--date", "2025-03-20", "-e", CAMPAIGN))
    assert ok(ccm("reply", CAMPAIGN_ENGAGEMENT, "KEN", "--stance", "positive", "--date", "2014-01-01"))
