"""Audit viewer figures: the first screen and each filter of View → Audit trail, at a given
number of events (docs/PERFORMANCE.md, "Audit viewer").

    nice -n 10 python bench/bench_audit_viewer.py --events 20000 --runs 5 [--keep DIR]

The vault holds 5 officers, 200 cases with 2 conversations each, and N events spread over the
two years up to now, written straight into ``audit_events`` with the chain's own hash
(`audit_log.event_hash`) and head, so the chain stays valid and 1M events take seconds, not
the hours a million audited writes would. Every figure is the window's own ``refresh()``
(or its construction for the first screen), so the same script times any version of the app.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.records import Officer  # noqa: E402
from app.services.services import create_vault, open_vault  # noqa: E402
from app.vault.audit.audit_log import GENESIS, event_hash  # noqa: E402
from tests.factories import conversation, open_case  # noqa: E402

PASS = "audit viewer bench passphrase"
OFFICERS = ("Hana Officer", "Lee Other", "Ana Third", "Bo Fourth", "Cy Fifth")
ACTIONS = (  # (action, entity type, share)
    ("case.view", "case", 40),
    ("conversation.add", "conversation", 20),
    ("conversation.update", "conversation", 10),
    ("case.update", "case", 10),
    ("pack.export", "pack", 10),
    ("vault.backup", "vault", 5),
    ("case.redacted_export", "case", 5),
)
BATCH = 50_000


def build(path: Path, n_events: int) -> None:
    svc = create_vault(path, PASS, Officer(name=OFFICERS[0]))
    vault = svc.vault
    with vault.batch():
        for name in OFFICERS[1:]:
            vault.conn.execute("INSERT INTO officers(name, role) VALUES (?, 'hr_officer')", (name,))
        cases, convs = [], []
        for i in range(200):
            case = open_case(svc, number=f"E{i:04d}", name=f"Person {i}")
            cases.append(case.id)
            for d in (3, 2):
                c = svc.cases.add(conversation(case, svc.clock.today() - timedelta(days=d)))
                convs.append(c.id)
    rng = random.Random(13)
    weights = [a[2] for a in ACTIONS]
    seq, prev = vault.conn.query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")[0]
    seq, prev = int(seq), str(prev)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=730)
    step = (now - start) / n_events
    buf: list[tuple] = []
    for i in range(n_events):
        action, etype, _ = rng.choices(ACTIONS, weights)[0]
        officer = OFFICERS[min(rng.randrange(10), 4)]  # Hana 60 %, the others 10 % each
        ent = {
            "case": lambda: str(rng.choice(cases)),
            "conversation": lambda: str(rng.choice(convs)),
            "pack": lambda: str(rng.randrange(1, 500)),
            "vault": lambda: "",
        }[etype]()
        at = (start + step * i).isoformat().replace("+00:00", "Z")
        seq += 1
        digest = f"{rng.getrandbits(256):064x}"
        h = event_hash(seq, at, officer, action, etype, ent, digest, prev)
        buf.append((seq, at, officer, action, etype, ent, digest, prev, h))
        prev = h
        if len(buf) >= BATCH or i == n_events - 1:
            with vault.conn.transaction():
                vault.conn.raw.executemany(
                    "INSERT INTO audit_events(seq, at, officer, action, entity_type, entity_id,"
                    " digest, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
                    buf,
                )
                vault.conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{prev}",)
                )
            buf.clear()
    assert prev != GENESIS
    svc.close()


def median_ms(fn, runs: int) -> tuple[float, float, float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out), min(out), max(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--vault", type=Path, help="a vault built before (--keep) to reuse")
    ap.add_argument("--keep", type=Path, help="build the vault here and keep it")
    args = ap.parse_args()

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from app.views.audit.audit_window import AuditWindow

    app = QApplication.instance() or QApplication([])
    path = args.vault
    if path is None:
        folder = args.keep or Path(tempfile.mkdtemp())
        path = folder / f"audit-{args.events}.casepath"
        t = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t:.1f} s: {path}")
    svc = open_vault(path, PASS)
    total = svc.vault.conn.scalar("SELECT count(*) FROM audit_events")
    big_case = svc.vault.conn.scalar("SELECT reference FROM cases ORDER BY id LIMIT 1")
    print(f"events {total:,}; {args.runs} runs; median (min–max) ms")

    windows: list[AuditWindow] = []

    def first_screen() -> None:
        w = AuditWindow(svc)
        windows.append(w)
        app.processEvents()

    print(f"first screen (open the window) | {fmt(median_ms(first_screen, args.runs))}")
    w = windows[-1]

    def reset() -> None:  # the filters back to "everything", without a refresh of its own
        w.from_check.setChecked(False)
        w.to_check.setChecked(False)
        w.officer_combo.setCurrentIndex(0)
        w.action_combo.setCurrentIndex(0)
        w.case_edit.clear()

    def filtered(setup) -> tuple[float, float, float]:
        reset()
        setup()
        return median_ms(w.refresh, args.runs)

    def date_range() -> None:
        w.from_check.setChecked(True)
        w.from_date.setDate(QDate.currentDate().addDays(-30))

    rows = [
        ("no filter (refresh)", lambda: None),
        (f"case {big_case}", lambda: w.case_edit.setText(big_case)),
        (
            "officer (10 %)",
            lambda: w.officer_combo.setCurrentIndex(w.officer_combo.findData("Lee Other")),
        ),
        (
            "action conversation.add",
            lambda: w.action_combo.setCurrentIndex(w.action_combo.findData("conversation.add")),
        ),
        (
            "action family pack",
            lambda: w.action_combo.setCurrentIndex(w.action_combo.findData("pack")),
        ),
        ("last 30 days", date_range),
    ]
    for name, setup in rows:
        figures = filtered(setup)
        print(f"{name} | {fmt(figures)} | {w.summary.text()}")
    reset()
    out = Path(tempfile.mkdtemp()) / "a.csv"
    runs = max(1, min(args.runs, 3))

    def export() -> None:
        out.unlink(missing_ok=True)
        w.export_csv(out)

    export_figures = median_ms(export, runs)
    print(f"CSV export, every event ({runs} runs) | {fmt(export_figures)} | {w.summary.text()}")
    for x in windows:
        x.clear()
    svc.close()


def fmt(figures: tuple[float, float, float]) -> str:
    return f"{figures[0]:.1f} ({figures[1]:.1f}–{figures[2]:.1f})"


if __name__ == "__main__":
    main()
