"""Write a large invented database: `python bench/mkdb.py PATH [--engagements N] [--seed S]`.

The generator lives in the package (`ccmtui.seed.generate`, also `ccm sample build --large N PATH`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

try:
    from ccmtui.seed.generate import DEFAULT_ENGAGEMENTS, DEFAULT_SEED, generate
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from ccmtui.seed.generate import DEFAULT_ENGAGEMENTS, DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--engagements", type=int, default=DEFAULT_ENGAGEMENTS, metavar="N")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S")
    args = parser.parse_args(argv)
    if args.engagements < 1:
        parser.error("--engagements must be at least 1")
    started = time.perf_counter()
    built = generate(args.path, args.engagements, args.seed)
    seconds = time.perf_counter() - started
    rows = ", ".join(f"{table} {count:,}" for table, count in built.counts.items())
    print(f"wrote {built.path} in {seconds:.1f} s: {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
