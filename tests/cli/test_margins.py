"""`ccm margins`: bilateral meetings in a meeting's week, planned, briefed, and recorded once held."""

from __future__ import annotations

import json

import pytest

LAO = ("margins", "add", "13MSP", "--with", "Lao PDR", "--day", "2025-09-17", "--slot", "10:00-10:30")


def slots(ccm) -> list[dict]:
    result = ccm("margins", "show", "13MSP", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_week_planned_shows_day_by_day_and_a_held_slot_becomes_an_engagement(ccm):
    assert ccm(*LAO, "--room", "Room XXIII", "--objective", "Extension request").exit_code == 0
    later = ccm(
        "margins", "add", "13msp", "--with", "TUV", "--day", "2025-09-16", "--slot", "9h30-10", "--room", "XXIII"
    )
    assert later.exit_code == 0, later.output
    assert later.stdout.startswith("Slot ") and "Tuvalu at 13MSP, 2025-09-16 09:30-10:00 in XXIII." in later.stdout
    shown = ccm("margins", "show", "Thirteenth Meeting of States Parties")
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.index("Tuvalu") < shown.stdout.index("Laos")  # the 16th before the 17th
    assert "Extension request" in shown.stdout

    held = ccm(
        "margins",
        "outcome",
        "13MSP",
        "LAO",
        "-m",
        "Will request an extension",
        "--follow-up",
        "2025-12-01",
        "-a",
        "clearance",
    )
    assert held.exit_code == 0, held.output
    [lao] = [s for s in slots(ccm) if s["iso3"] == "LAO"]
    assert (lao["status"], lao["outcome"], lao["follow_up"]) == ("held", "Will request an extension", "2025-12-01")
    logged = json.loads(ccm("show", lao["engagement"][:8], "--json").stdout)
    assert (logged["kind"], logged["date"], logged["follow_up"]) == ("meeting", "2025-09-17", "2025-12-01")
    assert "In the margins of 13MSP, 10:00-10:30, Room XXIII." in logged["notes"]

    # The engagement deleted: the slot stays, unlinked, and takes an outcome again.
    deleted = ccm("delete", lao["engagement"][:8], "--yes")
    assert deleted.exit_code == 0, deleted.output
    assert "1 margin slot kept, unlinked" in deleted.stdout
    [lao] = [s for s in slots(ccm) if s["iso3"] == "LAO"]
    assert (lao["status"], lao["engagement"]) == ("held", None)
    assert ccm("margins", "outcome", "13MSP", "LAO", "-m", "Again", "-a", "clearance").exit_code == 0
    assert ccm("undo").exit_code == 0 and ccm("undo").exit_code == 0  # the outcome again, the deletion

    undone = ccm("undo")
    assert undone.exit_code == 0, undone.output
    assert [s["status"] for s in slots(ccm)] == ["planned", "planned"]


def test_a_slot_moved_and_cancelled_frees_its_room(ccm):
    assert ccm(*LAO, "--room", "XXIII").exit_code == 0
    [slot] = slots(ccm)
    moved = ccm("margins", "edit", "13MSP", slot["id"][:6], "--slot", "11:00-11:30", "--objective", "Art. 7 report")
    assert moved.exit_code == 0, moved.output
    assert [(s["starts"], s["objective"]) for s in slots(ccm)] == [("11:00", "Art. 7 report")]
    assert ccm("margins", "cancel", "13MSP", "Laos").exit_code == 0
    again = ccm("margins", "cancel", "13MSP", "Laos")
    assert again.exit_code == 1 and "already cancelled" in again.stderr
    other = ccm(
        "margins", "add", "13MSP", "--with", "TUV", "--day", "2025-09-17", "--slot", "11:00-11:30", "--room", "xxiii"
    )
    assert other.exit_code == 0, other.output
    assert [s["status"] for s in slots(ccm)] == ["cancelled", "planned"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ("--with", "TUV", "--day", "2025-09-17", "--slot", "10:15-10:45", "--room", "xxiii"),
            "room XXIII is taken",
        ),
        (("--with", "LAO", "--day", "2025-09-17", "--slot", "10:15-10:45", "--room", "XX"), "Laos is already met"),
        (("--with", "TUV", "--day", "2025-09-27", "--slot", "10:00-10:30"), "outside 13MSP (2025-09-16 to 2025-09-19)"),
        (("--with", "TUV", "--day", "2025-09-17", "--slot", "10:30-10:00"), "ends (10:00) before it starts"),
        (("--with", "Atlantis", "--day", "2025-09-17", "--slot", "10:00-10:30"), "unknown state 'Atlantis'"),
    ],
)
def test_a_slot_that_clashes_or_falls_outside_the_meeting_is_refused(ccm, args, says):
    assert ccm(*LAO, "--room", "XXIII").exit_code == 0
    refused = ccm("margins", "add", "13MSP", *args)
    assert refused.exit_code == 1
    assert says in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.output
    assert len(slots(ccm)) == 1


def test_a_meeting_not_in_the_calendar_is_refused_with_the_closest(ccm):
    refused = ccm("margins", "add", "13MSB", "--with", "LAO", "--day", "2025-09-17", "--slot", "10:00-10:30")
    assert refused.exit_code == 1
    assert refused.stderr.strip().splitlines() == [
        "Error: meeting '13MSB' is not in the calendar; did you mean 13MSP or 3MSP or 1MSP? "
        "(`ccm meeting list`; add it with `ccm meeting add`)"
    ]
    assert ccm("margins", "show", "15MSP").exit_code == 1
    assert slots(ccm) == []


def test_suggestions_put_open_follow_ups_first_and_leave_out_states_already_met(ccm):
    assert (
        ccm(
            "log",
            "call",
            "TUV",
            "-m",
            "Asked about accession",
            "--date",
            "2025-06-01",
            "--follow-up",
            "2025-09-01",
            "-a",
            "univ",
        ).exit_code
        == 0
    )
    suggested = json.loads(ccm("margins", "suggest", "13MSP", "--json").stdout)
    assert suggested[0]["iso3"] == "TUV" and suggested[0]["follow_up"] == "2025-09-01"
    ranked = [s["iso3"] for s in suggested[1:]]
    assert ranked and all(s["next_rank"] for s in suggested[1:])
    assert (
        ccm("margins", "add", "13MSP", "--with", ranked[0], "--day", "2025-09-16", "--slot", "10:00-10:30").exit_code
        == 0
    )
    after = [s["iso3"] for s in json.loads(ccm("margins", "suggest", "13MSP", "--json").stdout)]
    assert ranked[0] not in after and "TUV" in after


def test_the_briefs_give_one_page_per_meeting(ccm, tmp_path):
    from docx import Document

    assert ccm(*LAO, "--objective", "Extension request").exit_code == 0
    assert (
        ccm("margins", "add", "13MSP", "--with", "Tuvalu", "--day", "2025-09-18", "--slot", "10:00-10:30").exit_code
        == 0
    )
    text = ccm("margins", "brief", "13MSP", "-o", "-").stdout
    assert "## Laos: 13MSP, 2025-09-17 10:00-10:30" in text and "already a State Party" in text
    assert "entry into force 2026-03-01 (Art. 17(2))" in text  # Tuvalu, depositing on 2025-09-20
    path = tmp_path / "briefs.docx"
    assert ccm("margins", "brief", "13MSP", "-o", path).exit_code == 0
    document = Document(path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    breaks = document.element.body.xml.count('w:type="page"')
    assert breaks == 1  # two briefs, one page each
    assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")] == [
        "Laos: 13MSP, 2025-09-17 10:00-10:30",
        "Tuvalu: 13MSP, 2025-09-18 10:00-10:30",
    ]
