"""How plans and reviews behave with many active plans: prints figures, asserts nothing.

    python bench/bench_agenda.py [--plans 2000]

Builds an encrypted vault with N open cases, each with an active coaching plan (2 objectives,
2 micro-goals each) and 3 scheduled reviews, inserted through the repositories in ONE audited
transaction. Then times what the app does: the agenda across all cases (reviews plus due
micro-goals, which SQL reads out of the plans' JSON), one case's agenda, the policy facts
for one case, and exporting every upcoming review to .ics. Medians of a few runs.
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
from app.domain.records import Case, Employee, Officer, Track  # noqa: E402
from app.services.services import create_vault  # noqa: E402
from app.vault.repositories.plan_repository import PlanRepository  # noqa: E402
from app.vault.repositories.review_repository import ReviewRepository  # noqa: E402
from tests.plan_factories import plan, review  # noqa: E402

TODAY = date(2026, 3, 16)


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="casepath-bench-"))
    svc = create_vault(
        folder / "bench.casepath",
        "bench passphrase 123",
        Officer(name="Bench Officer"),
        FixedClock(TODAY),
    )
    vault = svc.vault
    plans, reviews = PlanRepository(vault.conn), ReviewRepository(vault.conn)
    start = time.perf_counter()
    with vault.write() as w:
        for i in range(args.plans):
            emp = vault.employees.add(Employee(f"E{i:06d}", f"Person {i}", department="Ops"))
            case = vault.cases.add(
                Case(
                    reference=f"C-2026-{i + 1:05d}",
                    employee_id=emp.id,
                    owner_id=vault.officer.id,
                    track=Track.STANDARD,
                    stage="improvement_plan",
                    opened_on=date(2026, 2, 2),
                )
            )
            p = plans.add(plan(case, created_on=date(2026, 3, 2)))
            for k in range(3):
                r = review(case, on=TODAY + timedelta(days=4 + 14 * k + i % 5))
                reviews.add(replace(r, plan_id=p.id))
        w.audit("bench.build", "vault", "", {"plans": args.plans})
    build = time.perf_counter() - start
    print(f"built {args.plans} plans, {3 * args.plans} reviews in {build:.1f} s")

    print(
        f"agenda, all cases, 28 days: "
        f"{median_ms(lambda: svc.reviews.agenda_entries(TODAY, 28)):.0f} ms "
        f"({len(svc.reviews.agenda_entries(TODAY, 28))} entries)"
    )
    print(
        f"due micro-goals only (plans' JSON read in Python): "
        f"{median_ms(lambda: svc.plans.due_micro_goals(TODAY + timedelta(days=28))):.0f} ms"
    )
    print(f"one case's agenda (plan + progress): {median_ms(lambda: svc.reviews.agenda(1)):.1f} ms")
    print(f"policy facts for one case: {median_ms(lambda: svc.escalation.facts(1)):.1f} ms")
    out = folder / "all.ics"
    print(
        f"export every upcoming review to .ics: "
        f"{median_ms(lambda: svc.reviews.export_ics(out), runs=3):.0f} ms "
        f"({out.stat().st_size // 1024} KiB)"
    )
    svc.close()


if __name__ == "__main__":
    main()
