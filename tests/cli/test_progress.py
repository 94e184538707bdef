"""Long work shows a bar on a terminal's stderr, and nothing anywhere else."""

from __future__ import annotations

import io

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
