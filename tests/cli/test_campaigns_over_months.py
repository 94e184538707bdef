"""Campaigns that run for months: targets added and removed, deliveries, a follow-up that clears
itself, and a chaser to the states that did not answer."""

from __future__ import annotations

import json

import pytest

LETTER_2013 = "6407f7c8"  # the sample's 2013 letter to 74 missions; 6 replied


def _campaign(ccm, *to, follow_up=None):
    args = ["campaign", "new", "Letter on the 14MSP", "--kind", "letter", "-a", "univ", "--date", "2026-10-01", "-y"]
    for target in to:
        args += ["--to", target]
    if follow_up:
        args += ["--follow-up", follow_up]
    result = ccm(*args)
    assert result.exit_code == 0, result.output
    return result.stdout.split("Created campaign ")[1].split(":")[0]


def _show(ccm, campaign):
    return json.loads(ccm("campaign", "show", campaign, "--json").stdout)


def test_a_chaser_to_the_non_repliers_is_one_command_and_links_to_the_first(ccm):
    result = ccm(
        "campaign",
        "new",
        "Second letter to the states that did not answer",
        "--to",
        f"campaign:{LETTER_2013}:unanswered",
        "--kind",
        "letter",
        "-a",
        "univ",
        "--date",
        "2014-03-01",
        "-y",
    )
    assert result.exit_code == 0, result.output
    assert "68 targets" in result.stderr and "Created campaign" in result.stdout
    chaser = result.stdout.split("Created campaign ")[1].split(":")[0]
    shown = _show(ccm, chaser)
    assert shown["targets"] == 68 and shown["follows"].startswith(LETTER_2013)
    first = _show(ccm, LETTER_2013)
    assert [c[:8] for c in first["chasers"]] == [chaser]
    assert not {r["iso3"] for r in first["replies"] if r["status"] == "replied"} & {r["iso3"] for r in shown["replies"]}
    text = ccm("campaign", "show", LETTER_2013).stdout
    assert f"Chased by {chaser}" in text
    assert f"Follows {LETTER_2013}" in ccm("campaign", "show", chaser).stdout


def test_replied_and_stance_selectors(ccm):
    replied = ccm(
        "campaign",
        "new",
        "Thanks",
        "--to",
        f"campaign:{LETTER_2013}:replied",
        "-a",
        "univ",
        "--date",
        "2014-03-01",
        "--dry-run",
    )
    assert replied.exit_code == 0 and "6 targets" in replied.stderr, replied.output
    negative = ccm(
        "campaign",
        "new",
        "Again",
        "--to",
        f"campaign:{LETTER_2013}:stance:negative",
        "-a",
        "univ",
        "--date",
        "2014-03-01",
        "--dry-run",
    )
    first = _show(ccm, LETTER_2013)
    negatives = [r["iso3"] for r in first["replies"] if r["stance"] == "negative"]
    if negatives:
        assert negative.exit_code == 0 and f"{len(negatives)} target" in negative.stderr, negative.output
    else:
        assert negative.exit_code != 0 and "no state matches campaign:" in negative.output
    bad = ccm("campaign", "new", "Again", "--to", f"campaign:{LETTER_2013}:maybe", "-a", "univ", "--dry-run")
    assert bad.exit_code != 0 and "unanswered, replied or stance" in bad.output


def test_targets_added_and_removed_after_launch(ccm):
    campaign = _campaign(ccm, "KEN", "UGA")
    added = ccm("campaign", "add-target", campaign, "Tanzania", "RWA")
    assert added.exit_code == 0, added.output
    assert added.stdout.strip().endswith("2 targets added (Tanzania, Rwanda); 4 in all.")
    assert {r["iso3"] for r in _show(ccm, campaign)["replies"]} == {"KEN", "UGA", "TZA", "RWA"}
    assert ccm("reply", campaign, "KEN", "--stance", "positive", "--date", "2026-10-20").exit_code == 0
    refused = ccm("campaign", "remove-target", campaign, "KEN")
    assert refused.exit_code != 0 and "--force" in refused.output
    removed = ccm("campaign", "remove-target", campaign, "RWA")
    assert removed.exit_code == 0, removed.output
    forced = ccm("campaign", "remove-target", campaign, "KEN", "--force")
    assert forced.exit_code == 0, forced.output
    shown = _show(ccm, campaign)
    assert {r["iso3"] for r in shown["replies"]} == {"UGA", "TZA"} and shown["targets"] == 2
    engagement = json.loads(ccm("engagements", "--campaign", campaign, "--json").stdout)[0]
    assert sorted(engagement["states"]) == ["TZA", "UGA"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add-target", "{c}", "KEN"), "Kenya is already a target"),
        (("add-target", "{c}", "Atlantis"), "Atlantis"),
        (("remove-target", "{c}", "FRA"), "France is not a target"),
        (("remove-target", "{c}", "KEN", "UGA"), "no target left"),
        (("delivered", "{c}", "FRA", "--date", "2026-10-05"), "France is not a target"),
        (("delivered", "{c}", "KEN", "--date", "2026-09-01"), "dated before the campaign"),
        (("delivered", "{c}", "KEN", "--date", "2099-01-01"), "in the future"),
        (("add-target", "ffffffff", "KEN"), "campaign"),
    ],
)
def test_bad_target_changes_are_refused_and_write_nothing(ccm, args, message):
    campaign = _campaign(ccm, "KEN", "UGA")
    before = _show(ccm, campaign)
    result = ccm("campaign", *[a.format(c=campaign) for a in args])
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert _show(ccm, campaign) == before


def test_deliveries_show_on_the_board_and_the_follow_up_clears_itself(ccm):
    campaign = _campaign(ccm, "KEN", "UGA", follow_up="2026-11-01")
    delivered = ccm("campaign", "delivered", campaign, "KEN", "--date", "2026-10-08")
    assert delivered.exit_code == 0, delivered.output
    [row] = [c for c in json.loads(ccm("campaign", "list", "--json").stdout) if c["id"].startswith(campaign)]
    assert (row["delivered"], row["replied"], row["pending"]) == (1, 0, 2)
    assert "Dlv." in ccm("campaign", "list").stdout
    assert {r["iso3"]: r["delivered"] for r in _show(ccm, campaign)["replies"]} == {"KEN": "2026-10-08", "UGA": None}

    def follow_up():
        return json.loads(ccm("engagements", "--campaign", campaign, "--json").stdout)[0]["follow_up"]

    assert follow_up() == "2026-11-01"
    assert ccm("reply", campaign, "KEN", "--stance", "positive", "--date", "2026-10-20").exit_code == 0
    assert follow_up() == "2026-11-01"
    assert ccm("reply", campaign, "UGA", "--stance", "neutral", "--date", "2026-10-22").exit_code == 0
    assert follow_up() is None
