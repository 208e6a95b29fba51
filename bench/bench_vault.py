"""Vault costs on this machine: open (key derivation), audited writes, FTS search.

Run: `python bench/bench_vault.py [N_CASES]`. Prints medians in milliseconds; figures, not tests.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from app.domain.clock import FixedClock
from app.domain.records import Conversation, ConversationKind, Employee, Officer, RootCause
from app.services.services import create_vault, open_vault
from app.vault.repositories.case_repository import CaseQuery

PASS = "benchmark passphrase"


def ms(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(n_cases: int = 2000) -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.casepath"
    clock = FixedClock(date(2026, 3, 16))
    svc = create_vault(path, PASS, Officer(name="Bench"), clock)
    emps = [
        Employee(f"B{i:06d}", f"Person {i}", department=f"Dept {i % 7}") for i in range(n_cases)
    ]
    t = time.perf_counter()
    svc.employees.add_many(emps)
    print(
        f"add {n_cases} employees in one audited transaction: "
        f"{(time.perf_counter() - t) * 1000:.0f} ms"
    )
    ids = [e.id for e in svc.employees.all()]
    t = time.perf_counter()
    for i, emp_id in enumerate(ids[:500]):
        case = svc.cases.open_case(emp_id, stage="coaching", opened_on=date(2026, 1, 5))
        svc.cases.add(
            Conversation(
                case_id=case.id,
                held_on=date(2026, 2, 1),
                kind=ConversationKind.COACHING,
                summary=f"Coaching talk {i} about the rota",
                attendees=("A", "B"),
                root_causes=(RootCause.WORKLOAD,),
            )
        )
    per = (time.perf_counter() - t) * 1000 / 1000
    print(f"single audited write (open case or add conversation): {per:.2f} ms each")
    print(
        f"FTS search 'rota' count: {ms(lambda: svc.cases.count(CaseQuery(search='rota'))):.1f} ms"
    )
    print(f"first page of 200 rows: {ms(lambda: svc.cases.rows(CaseQuery(), 0, 200)):.1f} ms")
    print(f"verify (integrity + chain): {ms(svc.vault.verify, 1):.0f} ms")
    svc.close()
    print(f"open (key derivation + checks): {ms(lambda: open_vault(path, PASS).close()):.0f} ms")
    print(f"vault size: {path.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
