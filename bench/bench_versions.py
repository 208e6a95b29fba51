"""Append-only history figures: what keeping earlier versions costs a write, reading a case's
history, and verify.

    PYTHONPATH=. python bench/bench_versions.py [--records 500]

A case with N conversations; each is corrected twice through the services. Reports the cost of
a raw UPDATE with and without the versioning triggers (same rows, one transaction each), a
service-level edit, the history of one record and of the whole case, and verify.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import sqlcipher3

from app.domain.clock import FixedClock
from app.domain.records import Officer
from app.services.services import create_vault
from tests.factories import conversation, open_case

PASS = "a bench passphrase"


def _ms(f, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=500)
    n = ap.parse_args().records
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.casepath"
    today = date(2026, 3, 16)
    svc = create_vault(path, PASS, Officer(name="Bench Officer"), FixedClock(today))
    case = open_case(svc)
    with svc.vault.batch():
        convs = [
            svc.cases.add(conversation(case, today - timedelta(days=1 + i % 30))) for i in range(n)
        ]
    t = time.perf_counter()
    with svc.vault.batch():
        for c in convs:
            svc.cases.update(replace(c, summary=c.summary + " Corrected."))
    edit_ms = (time.perf_counter() - t) * 1000 / n
    with svc.vault.batch():
        for c in convs:
            svc.cases.update(replace(c, summary=c.summary + " Corrected twice."))
    one = _ms(lambda: svc.history.record("conversations", convs[0].id))
    changed = _ms(lambda: svc.history.case_records(case.id, changed_only=True), 3)
    every = _ms(lambda: svc.history.case_records(case.id), 3)
    t = time.perf_counter()
    report = svc.vault.verify()
    verify_ms = (time.perf_counter() - t) * 1000
    svc.close()

    raw = sqlcipher3.connect(str(path), isolation_level=None)
    raw.execute("PRAGMA key = '" + PASS + "'")

    def updates() -> None:
        raw.execute("BEGIN")
        raw.execute("UPDATE conversations SET expectations = expectations || 'x'")
        raw.execute("ROLLBACK")

    with_triggers = _ms(updates)
    for table in ("conversations",):
        for op in ("au", "ad"):
            raw.execute(f"DROP TRIGGER record_versions_{table}_{op}")
    without = _ms(updates)
    raw.close()
    print(f"records: {n} conversations on one case, each corrected twice")
    print(f"service edit (batched): {edit_ms:.2f} ms per edit")
    print(
        f"raw UPDATE of {n} rows: {with_triggers:.1f} ms with the versioning trigger, "
        f"{without:.1f} ms without ({with_triggers / max(without, 0.001):.1f}x; "
        f"{(with_triggers - without) / n * 1000:.0f} µs per row)"
    )
    print(f"history of one record: {one:.2f} ms")
    print(
        f"history of the case, changed records ({n}): {changed:.0f} ms;"
        f" every record: {every:.0f} ms"
    )
    print(
        f"verify: {verify_ms:.0f} ms ({report.records_checked} records, "
        f"{report.versions_checked} versions, ok={report.ok})"
    )


if __name__ == "__main__":
    main()
