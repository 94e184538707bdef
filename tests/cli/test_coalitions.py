"""`ccm coalition` and `ccm cooperation match`: a coalition built up, its board, and its bad inputs."""

from __future__ import annotations

import json

import pytest


def _ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def _json(result):
    return json.loads(_ok(result))


def test_the_sample_holds_the_lao_pdr_coalition_marked_illustrative_where_the_paper_is_silent(reading):
    (line,) = _json(reading("coalition", "board", "--json"))
    assert (line["iso3"], line["lead_donors"], line["open_needs"]) == ("LAO", ["Germany"], 3)
    assert line["illustrative"] is True
    shown = _json(reading("coalition", "show", "Lao PDR", "--json"))
    assert shown["strategy_dated"] == "2012-06-22"
    assert all(m["illustrative"] for m in shown["members"])
    assert "the public record is silent" in shown["needs"][0]["source"]
    assert shown["engagements"] == []  # the paper gives the Bangkok seminar's month, not its day
    board = _ok(reading("coalition", "board"))
    assert "Laos *" in board and "illustrative" in board


def test_a_coalition_built_up_shows_on_the_board_and_in_the_match_and_each_step_undoes(ccm):
    created = _ok(ccm("coalition", "new", "Iraq", "--lead", "Australia", "--organisation", "ICRC"))
    assert "Country coalition for Iraq" in created and "Australia" in created
    _ok(ccm("coalition", "add-partner", "IRQ", "Norway"))
    need = _ok(
        ccm("coalition", "add-need", "Iraq", "clearance", "Survey of Basra", "--amount", "1.5m", "--currency", "usd")
    )
    need_id = need.rsplit("(", 1)[1].split(")")[0]
    _ok(ccm("coalition", "add-need", "Iraq", "va", "Prosthetics", "--amount", "200,000", "--currency", "USD"))
    _ok(ccm("coalition", "add-activity", "Iraq", "Basra survey", "--funded-by", "Norway", "--implemented-by", "NPA",
            "--amount", "800k", "--currency", "EUR", "--status", "ongoing", "--need", need_id))  # fmt: skip
    lines = {line["iso3"]: line for line in _json(ccm("coalition", "board", "--json"))}
    iraq = lines["IRQ"]
    assert iraq["lead_donors"] == ["Australia"] and iraq["partners"] == ["ICRC", "Norway"]
    assert (iraq["open_needs"], iraq["needed"], iraq["funded"]) == (2, {"USD": 1_700_000}, {"EUR": 800_000})
    unmatched = [(m["kind"], m["details"]) for m in _json(ccm("cooperation", "match", "--json")) if m["iso3"] == "IRQ"]
    assert unmatched == [("need", "Prosthetics")]  # the survey is answered by the activity

    _ok(ccm("coalition", "edit", need_id, "--amount", "2m", "--currency", "USD"))
    assert _json(ccm("coalition", "board", "--json"))[0]["needed"] == {"USD": 2_200_000}
    _ok(ccm("undo"))
    _ok(ccm("coalition", "status", need_id, "met"))
    assert _json(ccm("coalition", "board", "--json"))[0]["open_needs"] == 1
    _ok(ccm("undo"))
    assert {line["iso3"]: line for line in _json(ccm("coalition", "board", "--json"))}["IRQ"]["open_needs"] == 2
    deleted = _ok(ccm("coalition", "delete", iraq["id"][:8]))
    assert "Deleted coalition" in deleted
    assert "IRQ" not in {line["iso3"] for line in _json(ccm("coalition", "board", "--json"))}
    _ok(ccm("undo"))
    assert {line["iso3"]: line for line in _json(ccm("coalition", "board", "--json"))}["IRQ"]["funded"] == {
        "EUR": 800_000
    }


def test_an_offer_without_a_taker_is_matched_once_its_state_joins_a_coalition(ccm):
    _ok(ccm("cooperation", "add", "Norway", "provides", "--year", "2024", "--source", "Art. 7 report 2024, Form I"))
    offers = [m for m in _json(ccm("cooperation", "match", "--json")) if m["kind"] == "offer"]
    assert [(m["iso3"], m["where"]) for m in offers] == [("NOR", "Art. 6 report 2024")]
    _ok(ccm("coalition", "add-partner", "Lao PDR", "Norway"))
    assert [m for m in _json(ccm("cooperation", "match", "--json")) if m["kind"] == "offer"] == []


def test_the_board_writes_a_spreadsheet(ccm, tmp_path):
    _ok(ccm("coalition", "board", "-o", tmp_path / "board.csv"))
    text = (tmp_path / "board.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("id,state,iso3,lead_donors,partners")
    assert "Laos,LAO,Germany" in text


BAD = [
    (("coalition", "new"), "name the affected state"),
    (("coalition", "new", "Laos", "--lead", "Lao PDR"), "lead donor cannot be the affected state"),
    (("coalition", "new", "Lasos", "--lead", "Germany"), "did you mean Laos"),
    (("coalition", "new", "Laos", "--lead", "Germny"), "did you mean Germany"),
    (("coalition", "add-need", "Laos", "clearance", "Survey", "--amount", "-5", "--currency", "USD"), "negative"),
    (("coalition", "add-need", "Laos", "clearance", "Survey", "--amount", "5000"), "currency"),
    (("coalition", "add-need", "Laos", "demining", "Survey"), "unknown thematic area"),
    (("coalition", "add-activity", "Laos", "X", "--amount", "-1", "--currency", "EUR"), "negative"),
    (("coalition", "add-partner", "Laos", "Lao PDR"), "is the affected state"),
    (("coalition", "add-partner", "Laos", "Germany"), "already a lead-donor"),
    (("coalition", "add-partner", "Laso"), "did you mean Laos"),
    (("coalition", "edit", "fd05cdff", "--amount", "-3"), "negative"),
    (("coalition", "edit", "fd05cdff", "--amount", "5000"), "currency"),
    (("coalition", "edit", "fd05cdff", "--title", "X"), "has no --title"),
]


def test_bad_input_is_one_line_and_writes_nothing(reading):
    before = reading.dump()
    for args, phrase in BAD:
        result = reading(*args)
        assert result.exit_code == 1, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and phrase in lines[0], (args, lines)
    assert reading.dump() == before


def test_the_strategy_document_and_a_seminar_are_linked_and_undone(ccm, tmp_path):
    document = tmp_path / "spf3.pdf"
    document.write_bytes(b"%PDF-1.4\n% the strategy\n%%EOF\n")
    said = _ok(ccm("coalition", "strategy", "Lao PDR", "The Safe Path Forward III", "--date", "2021",
                   "--file", document, "--received", "2021-06-30"))  # fmt: skip
    assert "strategy 'The Safe Path Forward III' (2021, document" in said
    shown = _json(ccm("coalition", "show", "LAO", "--json"))
    assert shown["strategy_dated"] == "2021" and shown["strategy_attachment"]
    assert "2021-06-30" in [e["date"] for e in shown["engagements"]]
    saved = tmp_path / "out.pdf"
    _ok(ccm("attachment", "save", shown["strategy_attachment"][:8], "-o", saved))
    assert saved.read_bytes() == document.read_bytes()
    _ok(ccm("coalition", "add-meeting", "LAO", "480d530f"))
    again = ccm("coalition", "add-meeting", "LAO", "480d530f")
    assert again.exit_code == 1 and "already linked" in again.stderr
    _ok(ccm("undo"))
    _ok(ccm("undo"))
    shown = _json(ccm("coalition", "show", "LAO", "--json"))
    assert shown["strategy_dated"] == "2012-06-22" and shown["strategy_attachment"] is None
    assert shown["engagements"] == []


@pytest.mark.sqlite_only
def test_a_database_before_coalitions_is_upgraded_with_its_data(sample_db):
    import sqlite3

    from sqlalchemy import create_engine

    from ccmtui.db import migrate
    from tests.conftest import CCM

    engine = create_engine(f"sqlite:///{sample_db}")
    with engine.begin() as connection:
        from alembic import command

        command.downgrade(migrate.config(connection), "0012")
    engine.dispose()
    engagements = sqlite3.connect(sample_db).execute("SELECT count(*) FROM engagements").fetchone()
    ccm = CCM(sample_db)
    _ok(ccm("coalition", "new", "Iraq", "--lead", "Australia"))
    assert sqlite3.connect(sample_db).execute("SELECT count(*) FROM engagements").fetchone() == engagements
    assert [line["iso3"] for line in _json(ccm("coalition", "board", "--json"))] == ["IRQ"]
