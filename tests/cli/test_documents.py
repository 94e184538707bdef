"""Documents fit to circulate: UN formal names in files, short names on the terminal, possessives,
the paper setting, and PostgreSQL's driver as an extra."""

from __future__ import annotations

import importlib.util

from ccmtui.domain.words import possessive

from ..conftest import CCM


def test_a_postgresql_url_without_its_driver_names_the_install_command(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a))
    result = CCM("postgresql+psycopg://nobody@localhost:1/none")("status")
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "Error: a PostgreSQL database needs its driver, psycopg: pip install 'ccmtui[postgres]'"
    ]


def test_word_and_calendar_files_without_their_optional_part_name_the_install_command(ccm, tmp_path, monkeypatch):
    real = importlib.util.find_spec
    missing = {"docx", "icalendar"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in missing else real(name, *a))
    word = "Error: Word files (.docx) need python-docx, an optional part of ccm: pip install 'ccmtui[word]'"
    calendar = "Error: Calendar files (.ics) need icalendar, an optional part of ccm: pip install 'ccmtui[calendar]'"
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        (("report", "progress", "--since", "4MSP", "--freeze", "sjpr", "-o", out / "r.docx"), word),
        (("export", "quarter", "2013Q1", "--freeze", "q1", "-o", out / "q.docx"), word),
        (("handover", "--area", "universalization", "-o", out / "h.docx"), word),
        (("export", "ics", "-o", out / "c.ics"), calendar),
    ]
    for args, error in runs:
        result = ccm(*args)
        assert (result.exit_code, result.output.strip()) == (1, error)
    assert not list(out.iterdir())
    assert "No frozen report yet" in ccm("report", "list").output  # neither report was frozen


def test_files_to_circulate_use_un_formal_names_and_the_terminal_short_ones(ccm, tmp_path):
    out = tmp_path / "sjpr.md"
    assert ccm("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Lao People's Democratic Republic" in text and "Netherlands (Kingdom of the)" in text
    assert "Laos" not in text and "| Netherlands |" not in text
    terminal = ccm("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30").stdout
    assert "Laos" in terminal and "Lao People's Democratic Republic" not in terminal


def test_the_quarterly_docx_has_the_markdowns_sections_and_formal_names(ccm, tmp_path):
    from docx import Document

    md, docx = tmp_path / "q.md", tmp_path / "q.docx"
    for out in (md, docx):
        assert ccm("export", "quarter", "2013Q1", "--dated", "2013-04-01", "-o", out).exit_code == 0
    markdown = md.read_text(encoding="utf-8")
    document = Document(str(docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert "In brief" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "1 engagement with 74 states." in text and "(s)" not in text
    states = {row.cells[0].text for t in document.tables for row in t.rows if t.rows[0].cells[0].text == "State"}
    assert "Russian Federation" in states or "Republic of Korea" in states or len(states) > 1
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_paper_letter_from_the_config(ccm, tmp_path):
    from docx import Document

    assert ccm("config", "set", "paper", "Letter").exit_code == 0
    out = tmp_path / "q.docx"
    assert ccm("export", "quarter", "2025Q1", "-o", out).exit_code == 0
    section = Document(str(out)).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)
    result = ccm("config", "set", "paper", "A5")
    assert result.exit_code == 1 and "paper" in result.output


def test_possessives_read_naturally():
    assert possessive("Norway", "deadline") == "Norway's deadline"
    assert possessive("Netherlands", "deadline") == "Netherlands' deadline"
    assert (
        possessive("Bolivia (Plurinational State of)", "deadline") == "the deadline of Bolivia (Plurinational State of)"
    )


def test_the_aggregate_only_quarterly_names_no_state(ccm, tmp_path):
    import re

    from ..reference_facts import STATES

    for quarter in ("2013Q1", "2013Q3", "2025Q1"):
        out = tmp_path / f"{quarter}.md"
        assert ccm("export", "quarter", quarter, "--aggregate-only", "--dated", "2025-04-01", "-o", out).exit_code == 0
        text = out.read_text(encoding="utf-8")
        named = [
            row["name"] for row in STATES.values() if re.search(rf"(?<![\w-]){re.escape(row['name'])}(?![\w-])", text)
        ]
        assert named == [], (quarter, named)
        assert "names no individual state" in text
    assert "- 1 engagement with 74 states." in (tmp_path / "2013Q1.md").read_text(encoding="utf-8")
    result = ccm("export", "quarter", "2013Q1", "--aggregate-only", "-f", "json")
    assert result.exit_code == 1 and "--aggregate-only is for the md and docx summaries" in result.stderr
