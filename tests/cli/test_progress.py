"""Long work shows a bar on a terminal's stderr, and nothing anywhere else."""

from __future__ import annotations

import io
import shutil

import pytest

from ccmtui.cli import _progress


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(_progress.sys, "stderr", io.StringIO())
    with _progress.progress("Copying", 3) as advance:
        for _ in range(3):
            advance(1)
    assert _progress.sys.stderr.getvalue() == ""
    assert capsys.readouterr().out == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_names_the_work_and_counts_it(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(_progress.sys, "stderr", terminal)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("rich.console.Console.is_terminal", property(lambda self: True))
    with _progress.progress("Copying records", 4) as advance:
        advance(4)
    drawn = terminal.getvalue()
    assert "Copying records" in drawn
    assert "4/4" in drawn


def test_dumb_terminal_gets_no_bar(monkeypatch):
    monkeypatch.setattr(_progress.sys, "stderr", _Terminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not _progress.shows_progress()


def test_an_import_counts_each_row_when_checked_and_when_written(ccm, tmp_path):
    from ccmtui.actions.imports import import_engagements
    from ccmtui.db.read import open_reader
    from ccmtui.db.write import writing
    from ccmtui.reports.register import Register

    rows = tmp_path / "rows.csv"
    rows.write_text(
        "date,kind,states,area,summary\n"
        + "".join(f"2024-01-{day:02d},call,KEN,universalization,Call {day}\n" for day in range(1, 6)),
        encoding="utf-8",
    )
    told: list[int] = []
    reader = open_reader(ccm.db)
    try:
        with writing(ccm.db, by="Test", command="import") as writer:
            import_engagements(writer, rows, Register(reader), on_progress=told.append)
    finally:
        reader.close()
    assert told == [1] * 10


def test_a_large_sample_counts_every_engagement(tmp_path):
    from ccmtui.seed.generate import generate

    told: list[int] = []
    generate(tmp_path / "large.db", 300, 5, on_progress=told.append)
    assert sum(told) == 300


@pytest.mark.skipif(shutil.which("script") is None, reason="needs util-linux's script for a terminal")
def test_a_bar_leaves_stdout_as_it_was(sample_db, tmp_path):
    import subprocess
    import sys

    rows = tmp_path / "rows.csv"
    rows.write_text("date,kind,states,area,summary\n2024-01-02,call,KEN,universalization,A call\n", encoding="utf-8")
    # stderr a terminal (script gives the command one), stdout a file
    out = tmp_path / "out.txt"
    command = f'"{sys.executable}" -m ccmtui --db "{sample_db}" import engagements "{rows}" > "{out}"'
    subprocess.run(
        ["script", "-qec", command, "/dev/null"], stdin=subprocess.DEVNULL, capture_output=True, timeout=60, check=True
    )
    assert out.read_text() == f"Imported 1 engagement from {rows}.\n"
