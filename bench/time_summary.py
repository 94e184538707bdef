"""Time `ccm summary universalization` against `python -c pass` (the target: at most 40 times it).

    python bench/time_summary.py [DB ...] [--runs 15]

Each command runs in a fresh process, as a user runs it; the median of the runs is reported,
with the ratio to the interpreter's own start-up. Build a large database first with
`python bench/large_db.py bench/data/large.db`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_RATIO = 40


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("databases", nargs="*", type=Path, default=[Path("sample.db"), Path("bench/data/large.db")])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--args", default="summary universalization", help="The ccm command to time.")
    args = parser.parse_args(argv)
    ccm = [sys.executable, "-m", "ccmtui"]
    baseline = median_seconds([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass: {baseline * 1000:.0f} ms")
    worst = 0.0
    for database in args.databases:
        if not database.exists():
            print(f"{database}: missing (python bench/large_db.py {database})")
            continue
        command = [*ccm, "--db", str(database), *args.args.split()]
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)  # warm the file cache once
        seconds = median_seconds(command, args.runs)
        ratio = seconds / baseline
        worst = max(worst, ratio)
        print(f"ccm {args.args} on {database}: {seconds * 1000:.0f} ms = {ratio:.1f} × python -c pass")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
