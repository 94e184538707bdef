"""`ccm tui` in a terminal: the dashboard arrives in one frame, its figures in it, and nothing is
drawn again after it until a key is pressed (each redraw is time the coordinator waits)."""

from __future__ import annotations

import fcntl
import os
import re
import select
import shutil
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

BURST_GAP = 0.05  # seconds between two writes of one frame, at most
QUIET = 1.0


def bursts_until_quiet(db: Path) -> list[bytes]:
    """What the app writes, in bursts, until the terminal has been quiet for a second; then ctrl+q."""
    ccm = shutil.which("ccm", path=str(Path(sys.executable).parent)) or "ccm"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    name = os.ttyname(slave)
    actions = [(os.POSIX_SPAWN_OPEN, fd, name, os.O_RDWR, 0) for fd in (0, 1, 2)]
    env = {**os.environ, "TERM": "xterm-256color"}
    pid = os.posix_spawn(ccm, [ccm, "--db", str(db), "tui"], env, file_actions=actions, setsid=True)
    os.close(slave)
    bursts: list[bytes] = []
    last = None
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if not select.select([master], [], [], QUIET)[0]:
                if last is not None:
                    break
                continue
            chunk = os.read(master, 65536)
            now = time.monotonic()
            if bursts and now - last < BURST_GAP:
                bursts[-1] += chunk
            else:
                bursts.append(chunk)
            last = now
    finally:
        os.write(master, b"\x11")
        for _ in range(100):
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
            if select.select([master], [], [], 0.1)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(master)
    return bursts


def text(burst: bytes) -> str:
    return re.sub(r"\x1b\[[0-9;?<>]*[A-Za-z]", "", burst.decode("utf-8", "replace"))


def test_the_dashboard_is_drawn_once_with_its_figures(sample_db):
    from ccmtui import config

    config.save({"name": "Ana Tester", "area": "universalization"})
    for start in ("read from the database", "kept from the last start"):
        bursts = bursts_until_quiet(sample_db)
        # Loading indicators first, on a machine too busy to read the figures in time; then the figures.
        frames = [n for n, burst in enumerate(bursts) if "in force" in text(burst)]
        assert frames, (start, [text(b)[:80] for b in bursts])
        first = text(bursts[frames[0]])
        assert "Register as of" in first and "Recent engagements" in first and "Campaigns" in first, start
        assert "Press l to log one" not in first  # the tables' rows, not their empty state
        assert bursts[frames[0] + 1 :] == [], (start, [text(b)[:120] for b in bursts[frames[0] + 1 :]])
