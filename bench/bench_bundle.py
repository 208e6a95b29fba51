"""Size and start-up time of the PyInstaller bundle: prints figures, asserts nothing.

    python bench/bench_bundle.py [--bundle dist/casepath] [--runs 5]

Without --bundle it builds one from packaging/casepath.spec into a temporary folder (needs
the [bundle] extra) and reports the build time too. "Cold" runs first drop the page cache
(`/proc/sys/vm/drop_caches`, root on Linux only); elsewhere only warm runs are shown.
Everything runs offscreen, with a throwaway HOME and TMPDIR.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = "casepath.exe" if sys.platform == "win32" else "casepath"


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def _drop_caches() -> bool:
    with contextlib.suppress(OSError):
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    return False


def _time(cmd: list[str], env: dict, cold: bool) -> float | None:
    if cold and not _drop_caches():
        return None
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="casepath-bench-bundle-"))
    try:
        bundle = args.bundle
        if bundle is None:
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "PyInstaller",
                    "--noconfirm",
                    "--log-level",
                    "WARN",
                    "--distpath",
                    str(scratch / "dist"),
                    "--workpath",
                    str(scratch / "build"),
                    str(ROOT / "packaging" / "casepath.spec"),
                ],
                check=True,
            )
            print(f"build: {time.perf_counter() - start:.0f} s")
            bundle = scratch / "dist" / "casepath"
        size, count = _size(bundle)
        print(f"bundle: {size / 2**20:.0f} MiB in {count} files")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(scratch),
            "TMPDIR": str(scratch),
        }
        for label, extra in (("--version", ["--version"]), ("--self-test", ["--self-test"])):
            cmd = [str(bundle / EXE), *extra]
            for cold in (True, False):
                times = [_time(cmd, env, cold) for _ in range(args.runs)]
                if None in times:
                    print(f"{label} cold: not measured (cannot drop the page cache)")
                    continue
                kind = "cold" if cold else "warm"
                print(
                    f"{label} {kind}: median {statistics.median(times):.2f} s, "
                    f"max {max(times):.2f} s ({args.runs} runs)"
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
