"""The long crash run: kill -9 at random moments across writes, passphrase change, backup (CLI
and app), restore and import; prints how many trials left a bad result. Asserts nothing.

    python bench/bench_crash.py [--trials 300] [--seed 1] [--code CHECKOUT] [--ops write,backup]

``--code`` runs the worker from another checkout (e.g. an export of an older commit, with
tests/crash_worker.py copied in) to measure "before"; the checks always use this checkout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from tests import crash_harness  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--code", type=Path, default=crash_harness.ROOT)
    parser.add_argument("--ops", default=",".join(crash_harness.OPS))
    args = parser.parse_args()
    ops = tuple(args.ops.split(","))
    with tempfile.TemporaryDirectory(prefix="casepath-crash-") as folder:
        start = time.perf_counter()
        outcomes = crash_harness.run(args.trials, Path(folder), args.seed, args.code, ops)
        took = time.perf_counter() - start
    print(crash_harness.summary(outcomes))
    print(f"{took:.0f} s, {took / max(1, len(outcomes)):.2f} s a trial")


if __name__ == "__main__":
    main()
