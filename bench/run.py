"""The benchmark: whole `ccm` processes on a large database, in interleaved rounds.

    python bench/run.py            # 1,000,000 engagements, 15 rounds (builds the database once)
    python bench/run.py --quick    # a small database, 3 rounds: checks the benchmark still runs

Every round runs each row once, in a shuffled order, together with `python -c pass` and, where a
row names one, the sqlite3 command-line shell running the same SQL; so a busy machine slows every
figure alike. Each row reports the median, min and max wall time, the median as a multiple of
`python -c pass` (and of the sqlite3 shell), and the process's peak memory. Commands that are not
in this ccm yet get a "not available" row and are measured once they exist. The app runs in a
pseudo-terminal: ready, a key press to repaint and peak memory; then `End` at the far end of the
longest lists, reached with setup keys first.

Results go to bench/results/latest.md and latest.json (--quick: bench/results/quick/; or --results DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
try:
    import ccmtui  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from ccmtui.seed.generate import DEFAULT_SEED, generate  # noqa: E402

LARGE = 1_000_000
QUICK = 5_000
ROUNDS = 15
QUICK_ROUNDS = 3
MIB = 1024 * 1024
# A quarter of the large database with about 25,000 engagements (later years are busier).
EXPORT_QUARTER = "2024Q2"
# The terminal app is ready when its screen has settled (loading indicators move until the data is
# in): the time of the last byte before this long a silence.
TUI_QUIET = 1.0
LIMIT = 120  # seconds: a process still running then is killed and its row fails
TUI_KEY = "\x1b[B"  # ↓: the cursor moves down the focused table
TUI_END = "\x1b[F"  # End, as xterm sends it
TUI_QUIT = "\x11"  # ctrl+q: on a list, q is a letter typed to jump
TUI_LABELS = (
    "ccm tui: ready with the dashboard's figures",
    "ccm tui: key press (↓) to repaint",
    "ccm tui: peak memory",
)
TUI_END_LABELS = ("ccm tui: End on the full engagements list", "ccm tui: End on a busy state's timeline")
# One of the states with the most engagements in the generated database (about 9,000 of 1,000,000).
BUSY_STATE = "MNE"
# (row, arguments, target as a multiple of python -c pass): a page of each listing.
LISTINGS = (
    ("ccm engagements", ("engagements",), 25),
    ("ccm engagements --state KEN", ("engagements", "--state", "KEN"), 25),
    (f"ccm history {BUSY_STATE}", ("history", BUSY_STATE), 25),
    ("ccm search ambassador", ("search", "ambassador"), 25),
    ("ccm due", ("due",), 25),
    ("ccm summary universalization --since 1MSP", ("summary", "universalization", "--since", "1MSP"), 40),
    ("ccm coalition board", ("coalition", "board"), 25),
)
STREAMED = (
    (f"ccm history {BUSY_STATE} --all", ("history", BUSY_STATE, "--all")),
    ("ccm engagements --state KEN --all", ("engagements", "--state", "KEN", "--all")),
)
# The app's other screens, each opened from the section it lives in: (row, setup keys, key).
SCREEN_OPENS = (
    ("ccm tui: first open of Due (2)", (), "2"),
    ("ccm tui: first open of Treaty records (8, R)", ("8",), "R"),
    ("ccm tui: first open of Meetings (8, M)", ("8",), "M"),
    ("ccm tui: first open of Conflicts (C)", (), "C"),
    ("ccm tui: first open of Coalitions (8, L)", ("8",), "L"),
    ("ccm tui: first open of Action plans (8, I)", ("8",), "I"),
    ("ccm tui: first open of Best practices (8, P)", ("8",), "P"),
    ("ccm tui: first open of Counterparts (8, O)", ("8",), "O"),
    ("ccm tui: first open of Frozen reports (8, D)", ("8",), "D"),
    ("ccm tui: first open of Bilateral meetings (8, M, B)", ("8", "M"), "B"),
)
# Keys on the lists: j down Due's full list, a letter typed on States jumps to the first state it begins.
LIST_KEYS = (
    ("ccm tui: j on Due", ("2",), "j"),
    ("ccm tui: type-to-jump on States (m)", ("3",), "m"),
)
SIZES = (100_000, 1_000_000)
# The margins rows: a meeting of the shipped calendar, with a week of bilateral meetings planned.
MARGINS_MEETING = "13MSP"
MARGINS = (
    (f"ccm margins show {MARGINS_MEETING}", ("margins", "show", MARGINS_MEETING)),
    (f"ccm margins suggest {MARGINS_MEETING}", ("margins", "suggest", MARGINS_MEETING)),
)
MARGINS_STATES = ("TUV", "MHL", "FJI", "PNG", "SLB", "VUT", "KIR", "TON", "FSM", "PLW", "IND", "PAK")


def plan_margins(ccm_argv, env: dict) -> None:
    """Twelve bilateral meetings over the meeting's first three days, two rooms (once per database)."""
    for n, iso3 in enumerate(MARGINS_STATES):
        day = f"2025-09-{16 + n % 3:02d}"
        hour = 9 + n // 6
        slot = f"{hour:02d}:{30 * (n // 3 % 2):02d}-{hour:02d}:{30 * (n // 3 % 2) + 25:02d}"
        room = f"Room {'XX' if n % 2 else 'XXIII'}"
        argv = ccm_argv("margins", "add", MARGINS_MEETING, "--with", iso3, "--day", day, "--slot", slot, "--room", room)
        subprocess.run(argv, env=env, capture_output=True, check=False)


HUGE = 5_000_000
# The app's floor: a bare Textual app showing a 200-row table, run like the app in the same rounds.
FLOOR_APP = HERE / "floor_app.py"
FLOOR_LABEL = "bare Textual app: a 200-row table ready (the app's floor)"

# Runs a ccm command in-process, writing the compiled queries it ran (with their parameters) to
# the file CCM_BENCH_RECORD names: the SQL the sqlite3 shell then runs for comparison.
RECORDER = r"""
import json, os, sys
from ccmtui.db import read

calls = []
original = read.SQLiteReader.rows

def rows(self, name, **params):
    calls.append((name, params))
    return original(self, name, **params)

def plain(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return value

read.SQLiteReader.rows = rows
sys.argv = ["ccm", *sys.argv[1:]]
try:
    from ccmtui.cli import main
    main()
except SystemExit as stop:
    if stop.code:
        raise
with open(os.environ["CCM_BENCH_RECORD"], "w") as f:
    json.dump([(n, {k: plain(v) for k, v in p.items()}) for n, p in calls], f)
"""


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    code: int
    error: str = ""
    repaint: float | None = None  # the terminal app: from a key press to the end of its repaint
    cpu: float = 0.0  # user + system time of the process (its own accounting, from wait4)
    first: float | None = None  # until the first whole line on standard output (rows that ask)


@dataclass
class Row:
    """One thing measured: a process run once per round."""

    name: str
    target: str = ""
    argv: object = None  # callable(round number) -> argv, or None when not available
    missing: str = ""  # why it is not measured
    compare_sqlite: str | None = None  # the name of the sqlite3 row it is compared with
    limit_ratio: float | None = None  # against python -c pass
    limit_sqlite: float | None = None
    limit_peak_mib: float | None = None
    runs: list[Run] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    terminal: bool = False  # the app, run in a pseudo-terminal
    # Keys pressed first to reach a screen, then `key` is measured. After each the screen settles;
    # or, given as (key, seconds), that long: a text field's blinking cursor never lets it settle.
    setup: tuple[str | tuple[str, float], ...] = ()
    key: str = TUI_KEY
    limit_ms: float | None = None  # a key's repaint (the app's rows)
    first_line: bool = False  # also time the first line of output (a streamed listing)
    limit_first_ms: float | None = None
    size: int | None = None  # engagements in the database it runs on
    floor: bool = False  # the bare Textual app: the app's floor in the same run

    def start(self, launcher: Launcher, number: int) -> Run:
        if self.terminal:
            setup = [(step, None) if isinstance(step, str) else step for step in self.setup]
            return launcher.run(self.argv(number), terminal=True, setup=setup, key=self.key, quit=TUI_QUIT)
        return launcher.run(self.argv(number), first_line=self.first_line)

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs if r.code == 0]

    @property
    def cpus(self) -> list[float]:
        return [r.cpu for r in self.runs if r.code == 0]

    @property
    def failed(self) -> Run | None:
        return next((r for r in self.runs if r.code != 0), None)


# A small process that starts each measured one and times it: a child's peak memory counts the
# memory of the process it was started from, so that process must be small (this one is about
# 9 MiB; a figure at that floor means "no more than this").
LAUNCHER = r"""
import fcntl, json, os, select, struct, sys, termios, time

def spawn(job):
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, job["errors"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    first = None
    if job.get("first_line"):
        # Standard output into a pipe: the time of the first whole line, then the rest read to the end.
        reading, writing = os.pipe()
        actions[1] = (os.POSIX_SPAWN_DUP2, writing, 1)
    started = time.perf_counter()
    pid = os.posix_spawnp(job["argv"][0], job["argv"], os.environ, file_actions=actions)
    deadline = started + job["limit"]
    if job.get("first_line"):
        os.close(writing)
        while time.perf_counter() < deadline:
            if not select.select([reading], [], [], max(0, deadline - time.perf_counter()))[0]:
                continue
            chunk = os.read(reading, 65536)
            if not chunk:
                break
            if first is None and b"\n" in chunk:
                first = time.perf_counter() - started
        os.close(reading)
    # A process that hangs is killed at the limit and reported as failed (124), so a run always ends.
    hung = False
    if hasattr(os, "pidfd_open"):
        handle = os.pidfd_open(pid)
        if not select.select([handle], [], [], max(0, deadline - time.perf_counter()))[0]:
            os.kill(pid, 9)
            hung = True
        os.close(handle)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    code = 124 if hung else os.waitstatus_to_exitcode(status)
    return [seconds, usage.ru_maxrss, code, None, cpu, first]

def settle(master, quiet, limit):
    # Read the terminal until it has been quiet for `quiet` s: the time of the last byte, or None.
    last, deadline = None, time.perf_counter() + limit
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], quiet)
        if not ready:
            if last is not None:
                return last
            continue
        try:
            if not os.read(master, 65536):
                return last
        except OSError:
            return last
        last = time.perf_counter()
    return None

def terminal_app(job):
    # The app in a 120x40 pseudo-terminal: ready once the screen settles, then the setup keys (each
    # until the screen settles again), then the measured key and its repaint.
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    name = os.ttyname(slave)
    actions = [(os.POSIX_SPAWN_OPEN, fd, name, os.O_RDWR, 0) for fd in (0, 1, 2)]
    env = {**os.environ, "TERM": "xterm-256color"}
    started = time.perf_counter()
    pid = os.posix_spawnp(job["argv"][0], job["argv"], env, file_actions=actions, setsid=True)
    os.close(slave)
    ready = settle(master, job["quiet"], job["limit"])
    repaint = None
    for key, wait in job.get("setup", ()):
        if ready is None:
            break
        os.write(master, key.encode())
        if wait is not None:
            deadline = time.perf_counter() + wait
            while time.perf_counter() < deadline:
                if select.select([master], [], [], max(0, deadline - time.perf_counter()))[0]:
                    os.read(master, 65536)
        elif settle(master, job["quiet"], job["limit"]) is None:
            ready = None
    if ready is not None:
        pressed = time.perf_counter()
        os.write(master, job["key"].encode())
        shown = settle(master, job["quiet"] / 2, 10)
        repaint = None if shown is None else shown - pressed
        os.write(master, job["quit"].encode())
    deadline = time.perf_counter() + 10
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() > deadline:
            os.kill(pid, 9)
            _, status, usage = os.wait4(pid, 0)
            break
        select.select([master], [], [], 0.05)
        try:
            os.read(master, 65536)
        except OSError:
            pass
    os.close(master)
    code = os.waitstatus_to_exitcode(status)
    if ready is None:
        code = code or 124
    cpu = usage.ru_utime + usage.ru_stime
    return [None if ready is None else ready - started, usage.ru_maxrss, code if code != -9 else 137, repaint, cpu, None]

for line in sys.stdin:
    job = json.loads(line)
    result = terminal_app(job) if job.get("terminal") else spawn(job)
    print(json.dumps(result), flush=True)
"""


class Launcher:
    """Starts processes from the small launcher and reports their wall time and peak memory."""

    def __init__(self, env: dict, workdir: Path):
        self.errors = workdir / "stderr.txt"
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )

    def run(self, argv: list[str], **terminal) -> Run:
        """Run to the end (`first_line=True`: timing its first line of output too); or, with
        `terminal=True, key=…, quit=…`, the app in a pseudo-terminal."""
        job = {"argv": argv, "errors": str(self.errors), "quiet": TUI_QUIET, "limit": LIMIT, **terminal}
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        seconds, peak, code, repaint, cpu, first = json.loads(self.process.stdout.readline())
        # ru_maxrss is in KiB on Linux, in bytes on macOS.
        peak_bytes = peak if sys.platform == "darwin" else peak * 1024
        error = ""
        if code != 0:
            in_terminal = job.get("terminal", False)
            lines = [] if in_terminal else self.errors.read_text(errors="replace").strip().splitlines()
            error = lines[-1] if lines else ""
            if code == 124:
                error = "the app did not settle" if in_terminal else f"killed after {job['limit']} s"
        return Run(seconds or 0.0, peak_bytes, code, error, repaint, cpu, first)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def ccm_executable() -> str:
    beside = Path(sys.executable).with_name("ccm")
    return str(beside) if beside.exists() else shutil.which("ccm") or "ccm"


def available(ccm: str, env: dict, *command: str) -> bool:
    """Whether this ccm has a command (its --help succeeds)."""
    result = subprocess.run([ccm, *command, "--help"], env=env, capture_output=True)
    return result.returncode == 0


def sql_literal(value) -> str:
    """A value as the sqlite3 shell's `.parameter set` takes it: SQL, quoted once more for the shell."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    # Unquoted, '2024-04-01' would reach SQL as 2024 - 4 - 1.
    sql = "'" + str(value).replace("'", "''") + "'"
    return '"' + sql.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sqlite_script(calls: list) -> str:
    """The SQL a command ran through the fast reader, as a script for the sqlite3 shell."""
    from ccmtui.db.compiled import QUERIES
    from ccmtui.db.read import bind

    lines = [".parameter init"]
    for name, params in calls:
        sql, _columns, constants = QUERIES[name]
        bound = bind({**constants, **params})
        lines.append(".parameter clear")
        lines.extend(f".parameter set :{key} {sql_literal(value)}" for key, value in bound.items())
        lines.append(sql.replace("\n", " ") + ";")
    return "\n".join(lines) + "\n"


def record_queries(ccm_argv: list[str], env: dict, workdir: Path) -> list:
    """The compiled queries (and parameters) a ccm command runs, recorded in one run of it."""
    out = workdir / "recorded.json"
    result = subprocess.run(
        [sys.executable, "-c", RECORDER, *ccm_argv],
        env={**env, "CCM_BENCH_RECORD": str(out)},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"recording ccm {' '.join(ccm_argv)} failed: {result.stderr.strip()[-300:]}")
    return json.loads(out.read_text())


def schema_revision(path: Path) -> str | None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            connection.close()
    except (sqlite3.Error, TypeError):
        return None


def prepare_database(path: Path, engagements: int) -> None:
    """The large database, built once; again when this ccm's schema has moved on."""
    from ccmtui.db.compiled import SCHEMA_REVISION

    if path.exists() and schema_revision(path) == SCHEMA_REVISION:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {path} ({engagements:,} engagements; once)…", flush=True)
    started = time.perf_counter()
    generate(path, engagements, DEFAULT_SEED)
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def copy_database(source: Path, target: Path) -> None:
    """A working copy, so the writing rows leave the built database as it was."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def database_facts(path: Path) -> dict:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        count = lambda sql, *a: connection.execute(sql, a).fetchone()[0]  # noqa: E731
        quarter_start, quarter_end = _quarter_bounds(EXPORT_QUARTER)
        return {
            "engagements": count("SELECT count(*) FROM engagements"),
            "engagement_states": count("SELECT count(*) FROM engagement_states"),
            "campaigns": count("SELECT count(*) FROM campaigns"),
            "replies": count("SELECT count(*) FROM replies"),
            "classifications": count("SELECT count(*) FROM classifications"),
            "size_mib": round(path.stat().st_size / MIB, 1),
            "export_quarter": EXPORT_QUARTER,
            "export_quarter_engagements": count(
                "SELECT count(*) FROM engagements WHERE occurred_on >= ? AND occurred_on <= ?",
                quarter_start,
                quarter_end,
            ),
        }
    finally:
        connection.close()


def _quarter_bounds(text: str) -> tuple[str, str]:
    year, quarter = int(text[:4]), int(text[-1])
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1).toordinal() - 1
    return first.isoformat(), date.fromordinal(last).isoformat()


def reply_targets(path: Path, count: int) -> list[tuple[str, str, str]]:
    """(campaign id, state, reply date) for replies still pending, from the latest campaigns."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT campaigns.uuid, replies.iso3, engagements.occurred_on FROM campaigns "
            "JOIN engagements ON engagements.uuid = campaigns.engagement_uuid "
            "JOIN replies ON replies.engagement_uuid = engagements.uuid "
            "ORDER BY replies.status != 'pending', engagements.occurred_on DESC, replies.iso3 LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        connection.close()
    return [(uuid, iso3, _later(day, 20)) for uuid, iso3, day in rows]


def _later(day: str, days: int) -> str:
    return date.fromordinal(date.fromisoformat(day).toordinal() + days).isoformat()


def isolated_env(home: Path) -> dict:
    """No developer config or database: a coordinator identity of its own."""
    from ccmtui import config

    # PYTHONDONTWRITEBYTECODE would make every run compile ccm from source, as no installed copy does.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCM_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        {
            "CCM_CONFIG": str(home / "config.toml"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "COLUMNS": "120",
        }
    )
    config.save({"name": "Bench Coordinator", "state": "PRT", "area": "universalization"}, home / "config.toml")
    return env


def build_rows(
    ccm: str,
    db: Path,
    env: dict,
    workdir: Path,
    rounds: int,
    size: int | None = None,
    app: bool = True,
    only: list[str] | None = None,
) -> tuple[list[Row], dict[str, Row]]:
    """The rows on one database; the app's rows only with `app` (the large sizes of a full run);
    given `only`, the rows whose name holds one of its texts."""
    rows, comparisons = _build_rows(ccm, db, env, workdir, rounds, only)
    if not app:
        rows = [row for row in rows if not row.terminal]
    for row in [*rows, *comparisons.values()]:
        row.size = size
    return rows, comparisons


def _build_rows(
    ccm: str, db: Path, env: dict, workdir: Path, rounds: int, only: list[str] | None = None
) -> tuple[list[Row], dict[str, Row]]:
    total = rounds + 1  # the warm-up run too
    rows: list[Row] = []
    comparisons: dict[str, Row] = {}
    sqlite_cli = shutil.which("sqlite3")

    def ccm_argv(*args: str) -> list[str]:
        return [ccm, "--db", str(db), *args]

    status = Row(
        "ccm status --category II",
        "≤ 12× python -c pass",
        lambda i: ccm_argv("status", "--category", "II"),
        compare_sqlite="sqlite3: the status SQL",
        limit_ratio=12,
    )
    rows.append(status)
    rows.append(
        Row(
            "ccm log call KEN …",
            "≤ 25×",
            lambda i: ccm_argv(
                "log", "call", "KEN", "-m", f"Benchmark call {i}", "--area", "universalization", "--date", "2025-06-02"
            ),
            limit_ratio=25,
        )
    )
    if available(ccm, env, "reply"):
        targets = reply_targets(db, total)
        if len(targets) < total:
            rows.append(Row("ccm reply CAMPAIGN STATE …", "≤ 25×", missing="too few campaign targets in this database"))
        else:
            rows.append(
                Row(
                    "ccm reply CAMPAIGN STATE …",
                    "≤ 25×",
                    lambda i: ccm_argv(
                        "reply",
                        targets[i][0],
                        targets[i][1],
                        "--stance",
                        "positive",
                        "-m",
                        "Will join",
                        "--date",
                        targets[i][2],
                    ),
                    limit_ratio=25,
                )
            )
    else:
        rows.append(Row("ccm reply CAMPAIGN STATE …", "≤ 25×", missing="not available in this ccm"))
    if available(ccm, env, "campaign", "new"):
        rows.append(
            Row(
                "ccm campaign new --to status:non-signatory --yes",
                "≤ 30×",
                lambda i: ccm_argv(
                    "campaign",
                    "new",
                    f"Benchmark démarche {i}",
                    "--to",
                    "status:non-signatory",
                    "--yes",
                    "--date",
                    "2026-01-15",
                ),
                limit_ratio=30,
            )
        )
    else:
        rows.append(
            Row("ccm campaign new --to status:non-signatory --yes", "≤ 30×", missing="not available in this ccm")
        )
    if available(ccm, env, "summary"):
        rows.append(
            Row(
                "ccm summary universalization",
                "≤ 40×",
                lambda i: ccm_argv("summary", "universalization"),
                limit_ratio=40,
            )
        )
    else:
        rows.append(Row("ccm summary universalization", "≤ 40×", missing="not available in this ccm"))
    # Listings, a page each: flat in the size of the log (the slope, 5M over 100k, ≤ 1.2).
    for label, args, limit in LISTINGS:
        if available(ccm, env, args[0]):
            rows.append(Row(label, f"≤ {limit}×", lambda i, args=args: ccm_argv(*args), limit_ratio=limit))
        else:
            rows.append(Row(label, f"≤ {limit}×", missing="not available in this ccm"))
    # A meeting's margins on the large log: its schedule (a week of slots planned first) and the
    # states to meet there (`ccm next` and the follow-ups open by the meeting's end).
    if available(ccm, env, "margins"):
        plan_margins(ccm_argv, env)
        for label, args in MARGINS:
            rows.append(Row(label, "≤ 25×", lambda i, args=args: ccm_argv(*args), limit_ratio=25))
    else:
        rows.extend(Row(label, "≤ 25×", missing="not available in this ccm") for label, _ in MARGINS)
    # Whole listings, streamed: the first line soon, the whole of it, memory flat.
    for label, args in STREAMED:
        rows.append(
            Row(
                label,
                "first line ≤ 300 ms; ≤ 100 MiB",
                lambda i, args=args: ccm_argv(*args),
                first_line=True,
                limit_first_ms=300,
                limit_peak_mib=100,
            )
        )
    if available(ccm, env, "export", "quarter"):
        export_rows = []
        for label, fmt in (("CSV", "csv"), ("Markdown", "md")):
            out = workdir / f"quarter.{fmt}"
            row = Row(
                f"ccm export quarter {EXPORT_QUARTER} ({label})",
                "≤ 3× sqlite3 -csv; ≤ 64 MiB",
                lambda i, fmt=fmt, out=out: ccm_argv("export", "quarter", EXPORT_QUARTER, "-f", fmt, "-o", str(out)),
                compare_sqlite="sqlite3 -csv: the export's SQL",
                limit_sqlite=3,
                limit_peak_mib=64,
            )
            export_rows.append(row)
        rows.extend(export_rows)
    else:
        rows.append(
            Row(
                f"ccm export quarter {EXPORT_QUARTER} (CSV, Markdown)",
                "≤ 3× sqlite3 -csv; ≤ 64 MiB",
                missing="not available in this ccm",
            )
        )

    tui_targets = ("≤ 1.3× the bare Textual app", "≤ 50 ms", "≤ 120 MiB")
    # States, the name filter, Montenegro (ISO3), Enter to its table: Enter then opens its page.
    to_busy_state = ("3", ("/", 0.5), (BUSY_STATE, 0.5), "\r")
    if available(ccm, env, "tui"):
        rows.append(Row("ccm tui", "", lambda i: ccm_argv("tui"), terminal=True))
        # First opens: from the dashboard, the key to the end of the screen's first repaint.
        for label, setup, key in (
            ("ccm tui: first open of Engagements (5)", (), "5"),
            ("ccm tui: first open of States (3)", (), "3"),
            (f"ccm tui: first open of a busy state's page ({BUSY_STATE})", to_busy_state, "\r"),
        ):
            rows.append(
                Row(label, "≤ 300 ms", lambda i: ccm_argv("tui"), terminal=True, setup=setup, key=key, limit_ms=300)
            )
        # The screens reached from a section: the key to the end of their first repaint.
        for label, setup, key in SCREEN_OPENS:
            rows.append(
                Row(label, "≤ 300 ms", lambda i: ccm_argv("tui"), terminal=True, setup=setup, key=key, limit_ms=300)
            )
        # A key on a long list: the cursor down Due, a letter typed to jump on States.
        for label, setup, key in LIST_KEYS:
            rows.append(
                Row(label, "≤ 50 ms", lambda i: ccm_argv("tui"), terminal=True, setup=setup, key=key, limit_ms=50)
            )
        # The far end of the longest lists: every engagement, and a busy state's whole timeline.
        rows.append(
            Row(TUI_END_LABELS[0], "≤ 50 ms", lambda i: ccm_argv("tui"), terminal=True, setup=("5",), key=TUI_END)
        )
        rows.append(
            Row(
                TUI_END_LABELS[1],
                "≤ 50 ms",
                lambda i: ccm_argv("tui"),
                terminal=True,
                setup=(*to_busy_state, "\r"),
                key=TUI_END,
            )
        )
    else:
        for label, target in zip(TUI_LABELS, tui_targets):
            rows.append(Row(label, target, missing="not available in this ccm"))
        for label in TUI_END_LABELS:
            rows.append(Row(label, "≤ 50 ms", missing="not available in this ccm"))
        for label, *_ in SCREEN_OPENS:
            rows.append(Row(label, "≤ 300 ms", missing="not available in this ccm"))
        for label, *_ in LIST_KEYS:
            rows.append(Row(label, "≤ 50 ms", missing="not available in this ccm"))

    if only:
        rows = [row for row in rows if any(text in row.name for text in only)]
    # The sqlite3 shell on the same SQL: recorded from one run of the command itself.
    for row in rows:
        if row.compare_sqlite is None or row.argv is None or row.compare_sqlite in comparisons:
            continue
        if sqlite_cli is None:
            comparisons[row.compare_sqlite] = Row(row.compare_sqlite, missing="no sqlite3 shell on this machine")
            continue
        calls = record_queries(row.argv(0)[1:], env, workdir)
        script = workdir / f"{len(comparisons)}.sql"
        script.write_text(sqlite_script(calls), encoding="utf-8")
        mode = ["-csv"] if "-csv" in row.compare_sqlite else []
        comparisons[row.compare_sqlite] = Row(
            row.compare_sqlite,
            argv=lambda i, mode=mode, script=script: [sqlite_cli, *mode, "-readonly", str(db), f".read {script}"],
        )
        comparisons[row.compare_sqlite].notes.append(f"{len(calls)} statement{'s' * (len(calls) != 1)}")
    return rows, comparisons


def measure(rows: list[Row], baseline: Row, launcher: Launcher, rounds: int) -> None:
    """A warm-up run of each, then `rounds` rounds, each in its own shuffled order."""
    measured = [r for r in rows if r.argv is not None]
    everything = [baseline, *measured]
    for row in everything:
        warm = row.start(launcher, 0)
        if warm.code != 0:
            row.runs.append(warm)
    shuffler = random.Random(2008)
    for number in range(1, rounds + 1):
        order = [r for r in everything if r.failed is None]
        shuffler.shuffle(order)
        for row in order:
            row.runs.append(row.start(launcher, number))
        print(f"  round {number}/{rounds} done", flush=True)


def summarise_terminal(row: Row, baseline: Row, floor: Row | None = None) -> list[dict]:
    """The app's three rows: ready (against python -c pass and the bare Textual app), key press to
    repaint, peak memory."""
    ready, key, peak = ({"name": label, "size": row.size} for label in TUI_LABELS)
    ready["target"], key["target"], peak["target"] = "≤ 1.3× the bare Textual app", "≤ 50 ms", "≤ 120 MiB"
    failed = row.failed
    if failed is not None:
        for part in (ready, key, peak):
            part["status"] = f"failed (exit {failed.code}): {failed.error}"
        return [ready, key, peak]
    base = statistics.median(baseline.times)
    times = row.times
    for part, values in ((ready, times), (key, [r.repaint for r in row.runs if r.repaint is not None])):
        if not values:
            part["status"] = "no repaint seen"
            continue
        median = statistics.median(values)
        part.update(
            status="measured",
            runs=len(values),
            median_ms=round(median * 1000, 1),
            min_ms=round(min(values) * 1000, 1),
            max_ms=round(max(values) * 1000, 1),
            ratio_python=round(median / base, 1),
            peak_mib=round(max(r.peak_bytes for r in row.runs) / MIB, 1),
        )
    if ready.get("status") == "measured":
        ready["cpu_ratio_python"] = _cpu_ratio(row, baseline)
        if floor is not None and floor.times and floor.failed is None:
            ready["ratio_floor"] = round(statistics.median(times) / statistics.median(floor.times), 2)
            ready["met"] = ready["ratio_floor"] <= 1.3
        else:
            ready["met"] = ready["ratio_python"] <= 30
    if key.get("status") == "measured":
        key["met"] = key["median_ms"] <= 50
        del key["ratio_python"]
    peak_mib = round(max(r.peak_bytes for r in row.runs) / MIB, 1)
    peak.update(
        status="measured",
        runs=len(row.runs),
        median_ms="–",
        min_ms="–",
        max_ms="–",
        peak_mib=peak_mib,
        met=peak_mib <= 120,
    )
    return [ready, key, peak]


def summarise_key(row: Row) -> dict:
    """A key pressed on a screen reached by setup keys: from the key press to the end of its repaint."""
    result = {"name": row.name, "target": row.target, "size": row.size}
    failed = row.failed
    if failed is not None:
        result["status"] = f"failed (exit {failed.code}): {failed.error}"
        return result
    values = [r.repaint for r in row.runs if r.repaint is not None]
    if not values:
        result["status"] = "no repaint seen"
        return result
    median = statistics.median(values)
    result.update(
        status="measured",
        runs=len(values),
        median_ms=round(median * 1000, 1),
        min_ms=round(min(values) * 1000, 1),
        max_ms=round(max(values) * 1000, 1),
        peak_mib=round(max(r.peak_bytes for r in row.runs) / MIB, 1),
        met=median * 1000 <= (row.limit_ms or 50),
    )
    return result


def _cpu_ratio(row: Row, baseline: Row) -> float:
    base = statistics.median(baseline.cpus)
    return round(statistics.median(row.cpus) / base, 1) if base > 0 else 0.0


def summarise(row: Row, baseline: Row, comparisons: dict[str, Row]) -> dict:
    result = {"name": row.name, "target": row.target, "size": row.size}
    if row.argv is None:
        result["status"] = row.missing or "not available"
        return result
    failed = row.failed
    if failed is not None:
        result["status"] = f"failed (exit {failed.code}): {failed.error}"
        return result
    times = row.times
    base = statistics.median(baseline.times)
    median = statistics.median(times)
    result.update(
        {
            "status": "measured",
            "size": row.size,
            "runs": len(times),
            "median_ms": round(median * 1000, 1),
            "min_ms": round(min(times) * 1000, 1),
            "max_ms": round(max(times) * 1000, 1),
            "ratio_python": round(median / base, 1),
            "cpu_ms": round(statistics.median(row.cpus) * 1000, 1),
            "cpu_ratio_python": _cpu_ratio(row, baseline),
            "peak_mib": round(max(r.peak_bytes for r in row.runs) / MIB, 1),
        }
    )
    firsts = [r.first for r in row.runs if r.code == 0 and r.first is not None]
    if firsts:
        result["first_line_ms"] = round(statistics.median(firsts) * 1000, 1)
    verdicts = []
    if row.limit_ratio is not None:
        # On a loaded machine the CPU ratio is the one to trust (wall time waits for the processor).
        verdicts.append(result["cpu_ratio_python"] <= row.limit_ratio)
    if row.limit_first_ms is not None:
        verdicts.append(result.get("first_line_ms", float("inf")) <= row.limit_first_ms)
    other = comparisons.get(row.compare_sqlite or "")
    if other is not None and other.times:
        shell = statistics.median(other.times)
        result["ratio_sqlite"] = round(median / shell, 1)
        if row.limit_sqlite is not None and shell > 2 * base:
            verdicts.append(result["ratio_sqlite"] <= row.limit_sqlite)
        elif row.limit_sqlite is not None:
            # A shell run shorter than two Python starts measures start-up, not the export.
            result["sqlite_judged"] = False
    if row.limit_peak_mib is not None:
        verdicts.append(result["peak_mib"] <= row.limit_peak_mib)
    if verdicts:
        result["met"] = all(verdicts)
    if row.notes:
        result["notes"] = "; ".join(row.notes)
    return result


def versions() -> dict:
    from importlib import metadata

    found = {}
    for package in ("ccmtui", "sqlalchemy", "typer", "click", "rich", "textual", "platformdirs", "tomli-w"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return found


def machine() -> dict:
    facts = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "sqlite_library": sqlite3.sqlite_version,
    }
    cli = shutil.which("sqlite3")
    if cli:
        facts["sqlite_shell"] = subprocess.run([cli, "-version"], capture_output=True, text=True).stdout.split(" ")[0]
    try:
        facts["memory_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return facts


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def render_markdown(report: dict) -> str:
    sizes = report.get("sizes") or [report["database"]["engagements"]]
    lines = [
        "# ccm benchmark",
        "",
        f"{report['when']} · {report['rounds']} interleaved rounds · databases: "
        + ", ".join(f"{size:,} engagements" for size in sizes)
        + (" · **quick run: the targets apply to the large databases**" if report["quick"] else ""),
        "",
        f"`python -c pass`: median {report['baseline']['median_ms']} ms wall "
        f"(min {report['baseline']['min_ms']}, max {report['baseline']['max_ms']}), "
        f"{report['baseline'].get('cpu_ms', '–')} ms CPU. "
        "Ratios are medians over its median: CPU time (user + system) beside wall time; on a loaded "
        "machine the CPU ratio is the one to trust, and the targets are read on it. Peak memory is the "
        "process's maximum resident set.",
        "",
    ]
    floor = report.get("floor")
    if floor:
        lines += [
            f"The app's floor, {floor['name']}: median {floor['median_ms']} ms, {floor['ratio_python']}× "
            f"python -c pass (wall), {floor['cpu_ratio_python']}× (CPU), {floor['peak_mib']} MiB.",
            "",
        ]
    for size in sizes:
        lines += [
            f"## {size:,} engagements",
            "",
            "| what | median ms | min | max | × python (CPU) | × python (wall) | × sqlite3 shell | first line ms "
            "| peak MiB | target | met |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for row in report["rows"]:
            if row.get("size", size) != size:
                continue
            if row["status"] != "measured":
                lines.append(f"| {row['name']} | {row['status']} | | | | | | | | {row['target']} | – |")
                continue
            met = {True: "yes", False: "**no**"}.get(row.get("met"), "")
            cpu = f"{row['cpu_ratio_python']}×" if "cpu_ratio_python" in row else ""
            wall = f"{row['ratio_python']}×" if "ratio_python" in row else ""
            if "ratio_floor" in row:
                wall += f" ({row['ratio_floor']}× floor)"
            sqlite = f"{row['ratio_sqlite']}×" if "ratio_sqlite" in row else ""
            if row.get("sqlite_judged") is False:
                sqlite += " (not judged: the shell's run is mostly start-up)"
            lines.append(
                f"| {row['name']} | {row['median_ms']} | {row['min_ms']} | {row['max_ms']} | {cpu} | {wall} | "
                f"{sqlite} | {row.get('first_line_ms', '')} | {row['peak_mib']} | {row['target']} | {met} |"
            )
        for row in report["comparisons"]:
            if row.get("size", size) != size:
                continue
            if row["status"] != "measured":
                lines.append(f"| {row['name']} | {row['status']} | | | | | | | | | |")
                continue
            lines.append(
                f"| {row['name']} ({row.get('notes', '')}) | {row['median_ms']} | {row['min_ms']} | {row['max_ms']} | "
                f"{row.get('cpu_ratio_python', '')}× | {row['ratio_python']}× | | | {row['peak_mib']} | | |"
            )
        db = report.get("databases", {}).get(str(size), report["database"])
        lines += [
            "",
            f"Database: {db['engagements']:,} engagements ({db['size_mib']} MiB), {db['engagement_states']:,} "
            f"engagement–state links, {db['campaigns']:,} campaigns, {db['replies']:,} replies, "
            f"{db['classifications']:,} classifications; {db['export_quarter']} holds "
            f"{db['export_quarter_engagements']:,} engagements.",
            "",
        ]
    if report.get("slopes"):
        lines += [
            f"## Slope: {sizes[-1]:,} over {sizes[0]:,} engagements",
            "",
            "| what | at the smallest | at the largest | measure | slope (target ≤ 1.2) |",
            "|---|---:|---:|---|---:|",
        ]
        for slope in report["slopes"]:
            lines.append(
                f"| {slope['name']} | {slope['from']} | {slope['to']} | {slope['measure']} | {slope['slope']} |"
            )
        lines.append("")
    lines += [
        "Machine: " + ", ".join(f"{k} {v}" for k, v in report["machine"].items()),
        "",
        "Packages: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()),
        "",
        f"Load average before and after: {report['load_before']} → {report['load_after']} "
        "(the rounds are interleaved so that other work slows every row alike).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure ccm's commands on large databases.")
    parser.add_argument("--quick", action="store_true", help="a small database and 3 rounds (CI)")
    parser.add_argument("--huge", action="store_true", help=f"also at {HUGE:,} engagements (its database built once)")
    parser.add_argument("--rounds", type=int, help=f"rounds (default {ROUNDS}; --quick {QUICK_ROUNDS})")
    parser.add_argument(
        "--engagements",
        type=int,
        help=f"one size of database instead of {', '.join(f'{n:,}' for n in SIZES)} (--quick {QUICK:,})",
    )
    parser.add_argument(
        "--data", type=Path, default=HERE / "data", help="where the databases live (default bench/data)"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="measure only the rows whose name holds TEXT (again for more), e.g. --only 'ccm tui'",
    )
    parser.add_argument(
        "--results",
        type=Path,
        help="where to write latest.md and latest.json (default bench/results; --quick: bench/results/quick)",
    )
    args = parser.parse_args(argv)
    rounds = args.rounds or (QUICK_ROUNDS if args.quick else ROUNDS)
    # A quick run never overwrites the full run's results.
    args.results = args.results or (HERE / "results" / "quick" if args.quick else HERE / "results")
    if not args.quick and rounds < 5:
        parser.error(f"a full run needs at least 5 rounds ({ROUNDS} by default; use --quick for fewer)")
    if args.engagements or args.quick:
        sizes = [args.engagements or QUICK]
    else:
        sizes = [*SIZES, *([HUGE] if args.huge else [])]
    built = {}
    for size in sizes:
        built[size] = args.data / (f"large-{size}.db" if size != LARGE else "large.db")
        prepare_database(built[size], size)

    facts = {size: database_facts(path) for size, path in built.items()}
    load_before = _load()
    per_size: list[tuple[int, list[Row], dict[str, Row]]] = []
    work_dbs = []
    with tempfile.TemporaryDirectory(prefix="ccm-bench-") as scratch:
        workdir = Path(scratch)
        env = isolated_env(workdir)
        ccm = ccm_executable()
        for size, path in built.items():
            work_db = args.data / f"work-{size}.db"
            copy_database(path, work_db)
            work_dbs.append(work_db)
            # The app at 1,000,000 and above (and on a single size): its slope is not a target.
            app = len(sizes) == 1 or size >= LARGE
            rows, comparisons = build_rows(ccm, work_db, env, workdir, rounds, size, app=app, only=args.only)
            per_size.append((size, rows, comparisons))
        baseline = Row("python -c pass", argv=lambda i: [sys.executable, "-c", "pass"])
        floor = Row(
            FLOOR_LABEL,
            "",
            lambda i: [sys.executable, str(FLOOR_APP)],
            terminal=True,
        )
        everything = [row for _, rows, comparisons in per_size for row in [*rows, *comparisons.values()]]
        if _textual_available():
            everything.append(floor)
        print(f"measuring {sum(r.argv is not None for r in everything)} rows, {rounds} rounds…", flush=True)
        launcher = Launcher(env, workdir)
        try:
            measure(everything, baseline, launcher, rounds)
        finally:
            launcher.close()
        for work_db in work_dbs:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work_db}{suffix}").unlink(missing_ok=True)
    if baseline.failed or not baseline.times:
        print("python -c pass failed", file=sys.stderr)
        return 1
    base_times = baseline.times
    floor_row = floor if floor.runs and floor.failed is None else None
    summaries = []
    for _size, rows, comparisons in per_size:
        for r in rows:
            if r.setup or (r.terminal and r.key != TUI_KEY):
                summaries.append(summarise_key(r))
            elif r.terminal:
                summaries += summarise_terminal(r, baseline, floor_row)
            else:
                summaries.append(summarise(r, baseline, comparisons))
    report = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": args.quick,
        "rounds": rounds,
        "sizes": sizes,
        "database": facts[sizes[-1]],
        "databases": {str(size): fact for size, fact in facts.items()},
        "baseline": {
            "median_ms": round(statistics.median(base_times) * 1000, 1),
            "min_ms": round(min(base_times) * 1000, 1),
            "max_ms": round(max(base_times) * 1000, 1),
            "cpu_ms": round(statistics.median(baseline.cpus) * 1000, 1),
        },
        "floor": _floor_summary(floor_row, baseline),
        "rows": summaries,
        "slopes": slopes(summaries, sizes),
        "comparisons": [summarise(r, baseline, {}) for _, _, comparisons in per_size for r in comparisons.values()],
        "machine": machine(),
        "versions": versions(),
        "load_before": load_before,
        "load_after": _load(),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    markdown = render_markdown(report)
    (args.results / "latest.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    broken = [r for r in report["rows"] + report["comparisons"] if r["status"].startswith("failed")]
    for row in broken:
        print(f"{row['name']}: {row['status']}", file=sys.stderr)
    return 1 if broken else 0


def _textual_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("textual") is not None


def _floor_summary(floor: Row | None, baseline: Row) -> dict | None:
    if floor is None or not floor.times:
        return None
    median = statistics.median(floor.times)
    return {
        "name": floor.name,
        "median_ms": round(median * 1000, 1),
        "ratio_python": round(median / statistics.median(baseline.times), 1),
        "cpu_ratio_python": _cpu_ratio(floor, baseline),
        "peak_mib": round(max(r.peak_bytes for r in floor.runs) / MIB, 1),
    }


def slopes(rows: list[dict], sizes: list[int]) -> list[dict]:
    """Per command: its CPU ratio at the largest size over its ratio at the smallest (flat: about 1)."""
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    by = {(row["name"], row.get("size")): row for row in rows if row.get("status") == "measured"}
    found = []
    for name in dict.fromkeys(row["name"] for row in rows):
        first, last = by.get((name, small)), by.get((name, large))
        if not first or not last:
            continue
        key = "cpu_ratio_python" if "cpu_ratio_python" in first and "cpu_ratio_python" in last else "median_ms"
        if not first.get(key):
            continue
        found.append(
            {
                "name": name,
                "from": first[key],
                "to": last[key],
                "measure": "cpu × python -c pass" if key == "cpu_ratio_python" else "median ms",
                "slope": round(last[key] / first[key], 2),
            }
        )
    return found


if __name__ == "__main__":
    sys.exit(main())
