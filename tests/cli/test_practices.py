"""`ccm practice`: stockpile destruction practices recorded with a source, listed, searched, exported,
edited, deleted and undone; bad input refused in one line with nothing written."""

from __future__ import annotations

import csv
import io
import json

import pytest

LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")
UK = "ec6ac8ba"  # the sample's United Kingdom practice


def test_the_sample_holds_the_practices_of_the_public_record_with_their_sources(reading):
    rows = json.loads(reading("practice", "list", "--json").stdout)
    assert {(r["iso3"], r["method"]) for r in rows} == {("GBR", "disassembly-recycling"), ("NOR", "other")}
    assert all(r["source"] and not r["illustrative"] for r in rows)
    assert all(r["cost_per_unit"] is None for r in rows)  # neither source gives a cost


def test_list_by_method_and_state(reading):
    [row] = json.loads(reading("practice", "list", "--method", "recycling", "--json").stdout)
    assert row["name"] == "United Kingdom"
    assert json.loads(reading("practice", "list", "--method", "cryofracture", "--json").stdout) == []
    [row] = json.loads(reading("practice", "list", "--state", "Norway", "--json").stdout)
    assert row["iso3"] == "NOR"
    table = reading("practice", "list")
    assert table.exit_code == 0 and "United Kingdom" in table.stdout and "disassembly and recycling" in table.stdout


def test_add_with_a_document_then_show_search_and_undo(ccm, tmp_path):
    before = ccm.dump(without=LOG_TABLES)
    report = tmp_path / "art7-2011.pdf"
    report.write_bytes(b"%PDF-1.4\n% Form B\n%%EOF\n")
    result = ccm(
        "practice", "add", "Norway", "--method", "cryo", "--year", "2010", "--cost", "4.20", "--currency", "nok",
        "--safety", "Remote handling behind blast walls", "--source", "Art. 7 report 2011, Form B",
        "--document", str(report), "--notes", "Told at the margins of the 2MSP",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Norway, cryofracture (2010) recorded." in result.stdout
    [row] = json.loads(ccm("practice", "list", "--method", "cryofracture", "--json").stdout)
    assert (row["cost_per_unit"], row["currency"], row["document"]) == (4.2, "NOK", "art7-2011.pdf")
    shown = ccm("practice", "show", row["id"][:8])
    assert "Cost per unit: 4.20 NOK" in shown.stdout and "Environment:   the public record is silent" in shown.stdout
    saved = tmp_path / "copy.pdf"
    assert ccm("practice", "show", row["id"][:8], "--save-document", str(saved)).exit_code == 0
    assert saved.read_bytes() == report.read_bytes()
    found = json.loads(ccm("search", "blast", "walls", "--json").stdout)
    assert [(h["kind"], h["id"]) for h in found] == [("practice", row["id"])]
    assert ccm("undo").exit_code == 0
    assert ccm.dump(without=LOG_TABLES) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("NOR", "--method", "plasma"), "unknown method 'plasma'; valid: open-burning-detonation, incineration"),
        (("Norwy", "--method", "incineration"), "unknown state 'Norwy'; did you mean Norway (NOR)"),
        (("NOR", "--method", "incineration", "--cost", "-2", "--currency", "NOK"), "cost '-2' is negative"),
        (("NOR", "--method", "incineration", "--cost", "2"), "give the cost's currency"),
        (("NOR", "--method", "incineration", "--currency", "NOK"), "a currency was given without a cost"),
        (("NOR", "--method", "incineration", "--year", "2099"), "year 2099 is outside"),
        (("NOR", "--method", "incineration", "--engagement", "00000000"), "no engagement"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(ccm, args, message):
    before = ccm.dump()
    result = ccm("practice", "add", *args, "--source", "Art. 7 report")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert ccm.dump() == before


def test_a_practice_without_a_source_is_refused(ccm):
    result = ccm("practice", "add", "NOR", "--method", "incineration")
    assert result.exit_code == 1 and "say where this practice comes from" in result.stderr


def test_edit_checks_every_field_then_delete_and_undo(ccm):
    before = ccm.dump(without=LOG_TABLES, edited_at=False)
    refused = ccm("practice", "edit", UK, "--cost", "-1", "--currency", "GBP")
    assert refused.exit_code == 1 and "cost '-1' is negative" in refused.stderr
    refused = ccm("practice", "edit", UK, "--method", "burying")
    assert refused.exit_code == 1 and "unknown method 'burying'" in refused.stderr
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before
    edited = ccm("practice", "edit", UK, "--cost", "1.10", "--currency", "GBP")
    assert edited.exit_code == 0 and "cost, currency" in edited.stdout
    [row] = json.loads(ccm("practice", "list", "--state", "GBR", "--json").stdout)
    assert (row["cost_per_unit"], row["currency"]) == (1.1, "GBP")
    assert ccm("practice", "delete", UK, "--yes").exit_code == 0
    assert json.loads(ccm("practice", "list", "--state", "GBR", "--json").stdout) == []
    assert ccm("undo").exit_code == 0 and ccm("undo").exit_code == 0
    assert ccm.dump(without=LOG_TABLES, edited_at=False) == before


def test_an_id_of_another_kind_is_not_a_practice(reading):
    result = reading("practice", "show", "480d530f")  # an engagement
    assert result.exit_code == 1 and "no practice with id '480d530f'" in result.stderr


def test_exports_md_docx_csv_and_redaction_leaves_the_notes_out(reading, tmp_path):
    markdown = reading("practice", "list", "-o", "-", "--format", "md")
    assert "## Disassembly and recycling" in markdown.stdout and "Pinnow" in markdown.stdout  # in the notes
    assert "Cost per unit: the public record is silent" in markdown.stdout
    redacted = reading("practice", "list", "-o", "-", "--format", "md", "--redact")
    assert "Pinnow" not in redacted.stdout and "Nammo" in redacted.stdout  # notes out, the rest kept
    rows = list(
        csv.DictReader(io.StringIO(reading("practice", "list", "-o", "-", "--format", "csv", "--redact").stdout))
    )
    assert len(rows) == 2 and "notes" not in rows[0] and rows[0]["source"]
    target = tmp_path / "practices.docx"
    assert reading("practice", "list", "-o", str(target), "--redact").exit_code == 0
    from docx import Document

    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Stockpile destruction practices" in text and "Pinnow" not in text
    section = Document(str(target)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    bad = reading("practice", "list", "-o", str(tmp_path / "p.pdf"))
    assert bad.exit_code == 1 and "unknown format" in bad.stderr


def test_deleting_the_engagement_keeps_the_practice_unlinked(ccm):
    added = ccm("practice", "add", "NOR", "--method", "incineration", "--source", "Lomé", "--engagement", "480d530f")
    assert added.exit_code == 0, added.output
    result = ccm("delete", "480d530f", "--yes")
    assert result.exit_code == 0, result.output
    assert "1 practice kept, unlinked" in result.stdout
    [row] = json.loads(ccm("practice", "list", "--method", "incineration", "--json").stdout)
    assert row["engagement"] == ""
    assert ccm("undo").exit_code == 0
    [row] = json.loads(ccm("practice", "list", "--method", "incineration", "--json").stdout)
    assert row["engagement"].startswith("480d530f")
