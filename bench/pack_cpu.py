"""CPU time (user + sys) of the pack, its bare baseline and the tuned baseline; steadier than
wall-clock time on a loaded machine.

    python bench/pack_cpu.py [RUNS]     # default 11, alternating; medians and minima

In process: ``time.process_time`` around each build (after a warm-up). As processes: the
children's ``RUSAGE_CHILDREN`` per run of ``bench/pack_child.py``, from a private bytecode
cache as bench/run.py runs them.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from bench import pack_child

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    builds = {
        "pack": pack_child.pack,
        "bare": pack_child.bare,
        "tuned": lambda: pack_child.bare(tuned=True),
    }
    for build in builds.values():
        build()
    cpu: dict[str, list[float]] = {k: [] for k in builds}
    for _ in range(runs):
        for kind, build in builds.items():
            t = time.process_time()
            build()
            cpu[kind].append((time.process_time() - t) * 1000)
    exe = [sys.executable, str(ROOT / "bench" / "pack_child.py")]
    procs: dict[str, list[float]] = {"pack": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="casepath-bench-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pyc
        for kind in procs:
            subprocess.run([*exe, kind], check=True, env=env)
        for _ in range(runs):
            for kind in procs:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([*exe, kind], check=True, env=env)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                procs[kind].append(used * 1000)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    for kind, values in cpu.items():
        print(f"in process  {kind:<5} {med[kind]:7.0f} ms CPU (min {min(values):.0f})")
    tuned = med["pack"] / med["tuned"]
    print(f"  pack / bare {med['pack'] / med['bare']:.2f}, pack / tuned {tuned:.2f}")
    pm = {k: statistics.median(v) for k, v in procs.items()}
    for kind, values in procs.items():
        print(f"as process  {kind:<5} {pm[kind]:7.0f} ms CPU (min {min(values):.0f})")
    print(f"  pack / bare {pm['pack'] / pm['bare']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
