"""What the escalation engine costs per case: prints figures, asserts nothing.

    python bench/bench_escalation.py [--cases 2000]

Builds an encrypted vault with N open cases (two conversations and two indicators each, one
transaction), then times: storing every case's next deadline (`refresh_all_schedules`), the
flags of one 200-row page of the case list (`row_flags`), one `deadline()` and `check_move()`
and `recommend()` per case, and the SQL flag filters' counts. Medians of a few runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.escalation.flags import Flag  # noqa: E402
from app.domain.records import (  # noqa: E402
    Case,
    Conversation,
    ConversationKind,
    Employee,
    Indicator,
    IndicatorCategory,
    Officer,
    Role,
    RootCause,
    Track,
)
from app.services.services import create_vault  # noqa: E402
from app.vault.repositories.case_repository import CaseQuery  # noqa: E402

TODAY = date(2026, 3, 16)


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build(path: Path, n: int):
    svc = create_vault(path, "bench passphrase 2026", Officer(name="Bench"), FixedClock(TODAY))
    policy_id = svc.escalation.current_policy_id()
    with svc.vault.write() as w:
        for i in range(n):
            emp = svc.vault.employees.add(Employee(f"E{i:06d}", f"Person {i}", department="Ops"))
            opened = TODAY - timedelta(days=i % 90)
            case = svc.vault.cases.add(
                Case(
                    reference=f"C-2026-{i + 1:05d}",
                    employee_id=emp.id,
                    owner_id=svc.officer.id,
                    track=Track.HIGH_STAKES if i % 7 == 0 else Track.STANDARD,
                    stage="early_conversation",
                    opened_on=opened,
                    policy_id=policy_id,
                )
            )
            for k in range(2):
                svc.vault.records.add(
                    Conversation(
                        case_id=case.id,
                        held_on=opened + timedelta(days=k),
                        kind=ConversationKind.CHECK_IN,
                        summary="s",
                        attendees=("a",),
                        root_causes=(RootCause.WORKLOAD,),
                    )
                )
                svc.vault.records.add(
                    Indicator(
                        case_id=case.id,
                        category=IndicatorCategory.QUALITY_GAP,
                        metric="m",
                        observed_on=opened + timedelta(days=k),
                        expected=1.0,
                        actual=0.0,
                        source="s",
                    )
                )
        w.audit("bench.build", "vault", "", {"cases": n})
    return svc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        svc = build(Path(tmp) / "bench.casepath", args.cases)
        print(f"built {args.cases} cases in {time.perf_counter() - t:.1f} s")
        esc = svc.escalation
        ms = median_ms(esc.refresh_all_schedules, 3)
        print(f"refresh_all_schedules: {ms:.0f} ms ({ms / args.cases * 1000:.0f} µs per case)")
        page = svc.cases.rows(CaseQuery(), 0, 200)
        ms = median_ms(lambda: [esc.row_flags(r, TODAY) for r in page])
        print(f"row_flags for a 200-row page: {ms:.1f} ms")
        ids = [r.id for r in page[:50]]
        for name, fn in [
            ("deadline()", lambda: [esc.deadline(i) for i in ids]),
            ("check_move()", lambda: [esc.check_move(i, "coaching", Role.MANAGER) for i in ids]),
            ("recommend()", lambda: [esc.recommend(i) for i in ids]),
        ]:
            print(f"{name} per case: {median_ms(fn) / len(ids):.2f} ms")
        for flag in Flag:
            q = replace(CaseQuery(), **esc.flag_filter(flag, TODAY))
            count = svc.cases.count(q)
            took = median_ms(lambda q=q: svc.cases.count(q))
            print(f"count {flag.value:<18} {count:>6}: {took:.1f} ms")
        svc.close()


if __name__ == "__main__":
    main()
