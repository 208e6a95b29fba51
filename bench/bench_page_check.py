"""What the background page check costs the officer while they work (issue 18).

    python bench/bench_page_check.py VAULT [--runs 3] [--cycles 12] [--cold]

Each run is a fresh process that unlocks into the main window as the app does
(`open_vault(defer_page_check=True)`), then either starts the real `PageCheckWatch` ("check"),
or runs the same check on a plain thread at normal priority ("check, normal priority": how
it ran before it was lowered), or cancels the check ("no check"), and works: open a case
(cases 1–5 hold 500 entries), close it, scroll the case list ten screens, idle 300 ms;
``--cycles`` times. Timed: each open, each
scroll step, and the event loop's longest stall while idle (a 10 ms timer's worst lateness).
Read: the process's I/O (/proc/self/io) and how long the check took. ``--cold`` first drops
the vault file's pages from the OS cache (posix_fadvise on that one file, nothing else), so
the check and the officer's reads both come from the disk. The modes alternate.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_vault import PASSPHRASE, TODAY  # noqa: E402


def _io() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/io").read_text().splitlines():
        key, _, value = line.partition(":")
        out[key] = int(value)
    return out


def _drop_cache(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


MODES = {"check": "check", "normal": "check, normal priority", "nocheck": "no check"}


def child(path: Path, mode: str, cycles: int, cold: bool) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.domain.clock import FixedClock
    from app.services.services import open_vault
    from app.views.main_window import MainWindow
    from app.views.page_check_watch import PageCheckWatch
    from app.views.settings_store import SettingsStore

    app = QApplication.instance() or QApplication([])
    if cold:
        _drop_cache(path)
    io0 = _io()
    t0 = time.perf_counter()
    svc = open_vault(path, PASSPHRASE, FixedClock(TODAY), defer_page_check=True)
    win = MainWindow(svc, SettingsStore.in_file(Path(tempfile.mkdtemp()) / "s.ini"))
    win.resize(1280, 800)
    win.show()
    app.processEvents()
    shown_ms = (time.perf_counter() - t0) * 1000
    check = svc.vault.page_check
    watch = PageCheckWatch(win, svc, lambda _r: None)
    check_started = time.perf_counter()
    with_check = mode != "nocheck"
    if mode == "check":
        watch.start()
    elif mode == "normal":
        watch.worker = threading.Thread(target=check.run, daemon=True)
        watch.worker.start()
    else:
        check.cancel()

    ticks: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))

    def idle(ms: int) -> float:
        """Run the event loop for ``ms``; the worst lateness of a 10 ms timer meanwhile."""
        ticks.clear()
        clock.start()
        timer.start()
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        timer.stop()
        gaps = [b - a for a, b in zip([0.0, *ticks], ticks, strict=False)]
        return max(gaps, default=float(ms)) - 10

    table = win.case_list.table
    bar = table.verticalScrollBar()
    opens, scrolls, stalls, during = [], [], [], 0
    for n in range(cycles):
        running = with_check and not check.finished
        during += running
        t = time.perf_counter()
        win.open_case(1 + n % 5)
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
        win.close_current_tab()
        app.processEvents()
        for _ in range(10):
            t = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            app.processEvents()
            scrolls.append((time.perf_counter() - t) * 1000)
        stalls.append(idle(300))
    work_io = _io()
    if with_check and watch.worker is not None:
        watch.worker.join()
    check_s = time.perf_counter() - check_started if with_check else 0.0
    io1 = _io()
    svc.close()
    return {
        "mode": MODES[mode],
        "priority": check.priority,
        "shown_ms": shown_ms,
        "open_ms": opens,
        "scroll_ms": scrolls,
        "stall_ms": stalls,
        "cycles_during_check": during,
        "check_s": check_s if with_check else None,
        "read_mb_work": (work_io["read_bytes"] - io0["read_bytes"]) / 1e6,
        "rchar_mb_work": (work_io["rchar"] - io0["rchar"]) / 1e6,
        "read_mb_all": (io1["read_bytes"] - io0["read_bytes"]) / 1e6,
        "rchar_mb_all": (io1["rchar"] - io0["rchar"]) / 1e6,
    }


def _summary(results: list[dict]) -> dict:
    def med(key: str) -> float:
        return statistics.median(v for r in results for v in r[key])

    def worst(key: str) -> float:
        return max(v for r in results for v in r[key])

    return {
        "runs": len(results),
        "open median / max ms": (med("open_ms"), worst("open_ms")),
        "scroll step median / max ms": (med("scroll_ms"), worst("scroll_ms")),
        "idle stall median / max ms": (med("stall_ms"), worst("stall_ms")),
        "cycles during the check": [r["cycles_during_check"] for r in results],
        "check s": [r["check_s"] and round(r["check_s"], 1) for r in results],
        "priority": results[0]["priority"],
        "disk read MB (work / all)": [
            (round(r["read_mb_work"]), round(r["read_mb_all"])) for r in results
        ],
        "read() MB (work / all)": [
            (round(r["rchar_mb_work"]), round(r["rchar_mb_all"])) for r in results
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cycles", type=int, default=12)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", choices=tuple(MODES))
    parser.add_argument("--modes", default="check,normal,nocheck")
    args = parser.parse_args(argv)
    if args.child:
        out = child(args.vault, args.child, args.cycles, args.cold)
        print(json.dumps(out))
        return 0
    modes = args.modes.split(",")
    results: dict[str, list[dict]] = {MODES[m]: [] for m in modes}
    for _ in range(args.runs):
        for mode in modes:
            cmd = [sys.executable, __file__, str(args.vault), "--child", mode]
            cmd += ["--cycles", str(args.cycles)] + (["--cold"] if args.cold else [])
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            results[row["mode"]].append(row)
    summary = {mode: _summary(rows) for mode, rows in results.items()}
    for mode, s in summary.items():
        print(f"== {mode}")
        for key, value in s.items():
            print(f"  {key}: {value}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "runs": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
