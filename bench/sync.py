"""The sync benchmark: `ccm sync` between the 1,000,000-engagement file and a local PostgreSQL server.

    python bench/sync.py                       # the rows below, 1,000,000 engagements
    python bench/sync.py --quick               # 5,000 engagements, 2 rounds: checks it still runs
    python bench/sync.py --source OTHER/src    # the same rows with another checkout's ccm (before/after)

Rows, each a whole `ccm` process, interleaved with `python -c pass` in every round:

- a first sync of the whole file to an empty database on the server (a fresh database and a fresh
  copy of the file each round);
- a sync with nothing to do (the file and the server in step);
- a sync with 10,000 new engagements (each with a state) on each side, written just before it, as
  one change set on each side;
- `ccm status --category II` read from the server (its CPU time as a ratio to `python -c pass`'s).

Each figure: wall time, CPU time (user + system) of the `ccm` process and, beside it, of the
server (the server's processes, from its postmaster's accounting of its children), and the peak
resident memory of the `ccm` process (from `wait4`). The server is the checkout's own
(scripts/pg-test-server, in bench/data/pg), or the one `--url` names (a database with the right to
create databases). Results: bench/results/sync.md and sync.json (--quick: bench/results/quick/).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import (  # noqa: E402
    LARGE,
    MIB,
    QUICK,
    copy_database,
    isolated_env,
    machine,
    prepare_database,
    versions,
)

NEW_EACH_WAY = 10_000
QUICK_NEW = 500
TARGETS = {
    "first": ("≤ 120 s (quiet machine); ≤ 300 MiB", 120.0, 300.0),
    "nothing": ("≤ 1 s; ≤ 100 MiB", 1.0, 100.0),
    "new": ("≤ 5 s; memory independent of size", 5.0, None),
    "status": ("≤ 25× python -c pass (CPU)", None, None),
}
STATUS_CPU_RATIO = 25.0
LABELS = {
    "first": "ccm sync: the whole file to an empty server",
    "nothing": "ccm sync: nothing to do",
    "new": "ccm sync: {n:,} new engagements each way",
    "status": "ccm status --category II on the server",
}
# Writes `count` new engagements (one state each) into the database `argv[1]`, as one change set.
WRITER = r"""
import sys, datetime
from ccmtui.db.write import writing
target, count, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with writing(target, by="Bench Coordinator", command="bench: new engagements") as writer:
    for i in range(count):
        row = writer.insert("engagements", {
            "occurred_on": datetime.date(2026, 1, 1), "kind": "call", "area": "universalization",
            "channel": "geneva", "summary": f"{label} {i}",
        })
        writer.insert("engagement_states", {"engagement_uuid": row["uuid"], "iso3": "KEN"})
"""


# A small process that starts each measured one and times it: a child's peak memory counts the
# memory of the process it was started from, so that one must be small (as in run.py).
LAUNCHER = r"""
import json, os, sys, time
argv, errors = json.loads(sys.argv[1]), sys.argv[2]
actions = [
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_OPEN, 2, errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
]
started = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
print(json.dumps({
    "wall": time.perf_counter() - started,
    "cpu": usage.ru_utime + usage.ru_stime,
    "peak_mib": usage.ru_maxrss / 1024,
    "code": os.waitstatus_to_exitcode(status),
}))
"""


def spawn(argv: list[str], env: dict) -> dict:
    """One process, timed from a small launcher: wall seconds, CPU seconds, peak MiB, exit code."""
    errors = str(HERE / "data" / "sync-stderr.txt")
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, json.dumps(argv), errors], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


class Server:
    """The PostgreSQL server the rows sync with, and its CPU time."""

    def __init__(self, url: str | None, directory: Path, port_offset: int):
        if url is None:
            _, port = subprocess.run(
                [str(ROOT / "scripts" / "pg-test-server"), "--where"], capture_output=True, text=True, check=True
            ).stdout.split()
            self.directory = directory
            url = subprocess.run(
                [str(ROOT / "scripts" / "pg-test-server"), str(self.directory), str(int(port) + port_offset)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        else:
            self.directory = None
        self.url = url
        self.count = 0

    def cpu(self) -> float | None:
        """The CPU seconds of the server's finished processes (each sync's connection ends with it)."""
        if self.directory is None:
            return None
        pid = (self.directory / "data" / "postmaster.pid").read_text().split()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime + cstime

    def _admin(self, sql: str) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(sql))
        finally:
            engine.dispose()

    def fresh(self) -> str:
        from sqlalchemy.engine import make_url

        self.count += 1
        name = f"ccm_bench_sync_{os.getpid()}_{self.count}"
        self._admin(f'CREATE DATABASE "{name}"')
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop a round's database; a process the login may not end (the server's autovacuum on a
        freshly loaded database) is waited for once, then the database is left for the server's removal."""
        import time

        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import DBAPIError

        for wait in (5, None):
            try:
                self._admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
                return
            except DBAPIError as error:
                if wait is None:
                    print(f"left {make_url(url).database} on the server: {error.orig}", file=sys.stderr)
                    return
                time.sleep(wait)

    def stop(self) -> None:
        if self.directory is not None:
            subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "--stop", str(self.directory)], check=False)


def measured(argv: list[str], env: dict, server: Server) -> dict:
    before = server.cpu()
    run = spawn(argv, env)
    after = server.cpu()
    run["server_cpu"] = None if before is None else after - before
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rounds", type=int, default=None, help="Rounds of the quick rows (default 10; --quick 2).")
    parser.add_argument("--first-rounds", type=int, default=None, help="Rounds of the first sync (default 2).")
    parser.add_argument("--url", help="A PostgreSQL server URL (a login that may create databases).")
    parser.add_argument("--server", default="pg", help="The name of this run's own server, in bench/data (default pg).")
    parser.add_argument("--source", help="Run ccm from this src folder (another checkout's), for before/after figures.")
    parser.add_argument("--database", help="The large file to use (default: bench/data/large.db, built once).")
    parser.add_argument("--results", help="Where to write sync.md and sync.json.")
    args = parser.parse_args(argv)
    engagements = QUICK if args.quick else LARGE
    rounds = args.rounds or (2 if args.quick else 10)
    first_rounds = args.first_rounds or (1 if args.quick else 2)
    new = QUICK_NEW if args.quick else NEW_EACH_WAY
    data = HERE / "data"
    data.mkdir(exist_ok=True)
    large = Path(args.database) if args.database else data / ("quick.db" if args.quick else "large.db")
    if not args.database:
        prepare_database(large, engagements)
    work = data / f"sync-work-{args.server}.db"
    home = data / "sync-home"
    env = isolated_env(home)
    if args.source:
        env["PYTHONPATH"] = str(Path(args.source).resolve())
    ccm = [sys.executable, "-m", "ccmtui"]
    server = Server(args.url, data / args.server, 1 + sum(map(ord, args.server)) % 97)
    runs: dict[str, list[dict]] = {"first": [], "nothing": [], "new": [], "status": [], "python": []}
    load_before = os.getloadavg()
    try:
        for _ in range(first_rounds):
            copy_database(large, work)
            team = server.fresh()
            runs["python"].append(spawn([sys.executable, "-c", "pass"], env))
            runs["first"].append(measured([*ccm, "--db", str(work), "sync", team], env, server))
            if _ < first_rounds - 1:
                server.drop(team)
        for number in range(rounds):
            runs["python"].append(spawn([sys.executable, "-c", "pass"], env))
            runs["nothing"].append(measured([*ccm, "--db", str(work), "sync", team], env, server))
            for target, label in ((str(work), "here"), (team, "there")):
                written = spawn([sys.executable, "-c", WRITER, target, str(new), f"{label} {number}"], env)
                assert written["code"] == 0, (HERE / "data" / "sync-stderr.txt").read_text()
            runs["new"].append(measured([*ccm, "--db", str(work), "sync", team], env, server))
            runs["status"].append(measured([*ccm, "--db", team, "status", "--category", "II"], env, server))
        server.drop(team)
    finally:
        server.stop()
    report = summarise(runs, new, large, args, load_before)
    out = Path(args.results) if args.results else HERE / "results" / ("quick" if args.quick else "")
    out.mkdir(parents=True, exist_ok=True)
    (out / "sync.json").write_text(json.dumps(report, indent=2) + "\n")
    (out / "sync.md").write_text(render(report))
    print(render(report))
    failed = [name for name, values in runs.items() if any(run["code"] != 0 for run in values)]
    return 1 if failed else 0


def _median(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return statistics.median(found) if found else None


def summarise(runs: dict, new: int, large: Path, args, load_before) -> dict:
    python = _median([run["wall"] for run in runs["python"]])
    python_cpu = _median([run["cpu"] for run in runs["python"]])
    rows = []
    for key in ("first", "nothing", "new", "status"):
        found = runs[key]
        walls = [run["wall"] for run in found]
        target, limit_s, limit_mib = TARGETS[key]
        wall, peak = _median(walls), max(run["peak_mib"] for run in found)
        rows.append(
            {
                "what": LABELS[key].format(n=new),
                "runs": len(found),
                "wall_median": wall,
                "wall_min": min(walls),
                "wall_max": max(walls),
                "cpu_median": _median([run["cpu"] for run in found]),
                "server_cpu_median": _median([run["server_cpu"] for run in found]),
                "peak_mib": peak,
                "x_python": wall / python if python else None,
                "cpu_x_python": _median([run["cpu"] for run in found]) / python_cpu if python_cpu else None,
                "target": target,
                "met": (
                    wall <= limit_s and (limit_mib is None or peak <= limit_mib)
                    if limit_s is not None
                    else python_cpu and _median([run["cpu"] for run in found]) / python_cpu <= STATUS_CPU_RATIO
                ),
                "failed": sum(1 for run in found if run["code"] != 0),
            }
        )
    return {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "database": str(large.name),
        "database_mib": round(large.stat().st_size / MIB, 1),
        "source": args.source or "this checkout",
        "python_c_pass_ms": python * 1000 if python else None,
        "rows": rows,
        "load": [list(load_before), list(os.getloadavg())],
        "machine": machine(),
        "versions": versions(),
    }


def render(report: dict) -> str:
    lines = [
        "# ccm sync benchmark",
        "",
        f"{report['when']} · {report['database']} ({report['database_mib']} MiB) · ccm from {report['source']}",
        "",
        f"`python -c pass`: median {report['python_c_pass_ms']:.1f} ms. CPU is the `ccm` process's (user + system);"
        " the server's is beside it.",
        "",
        "| what | runs | median s | min | max | CPU s | × python -c pass (CPU) | server CPU s | peak MiB | target "
        "| met (wall on this machine) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in report["rows"]:
        server = "" if row["server_cpu_median"] is None else f"{row['server_cpu_median']:.1f}"
        ratio = "" if row.get("cpu_x_python") is None else f"{row['cpu_x_python']:.1f}×"
        lines.append(
            f"| {row['what']} | {row['runs']} | {row['wall_median']:.2f} | {row['wall_min']:.2f} | {row['wall_max']:.2f} "
            f"| {row['cpu_median']:.2f} | {ratio} | {server} | {row['peak_mib']:.1f} | {row['target']} | "
            f"{'yes' if row['met'] else '**no**'} |"
        )
    lines += ["", f"Load average before and after: {report['load'][0]} → {report['load'][1]}", ""]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
