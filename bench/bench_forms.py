"""How the guided forms behave with a large plan: prints figures, asserts nothing.

    python bench/bench_forms.py [--objectives 10] [--goals 10]

Builds an encrypted vault with one case whose plan has N objectives of M micro-goals each, then
times (offscreen Qt) opening the plan editor on it, one keystroke in the objective form (which
rebuilds the plan and validates every objective and micro-goal), and opening a check-in
conversation that lists every open micro-goal. Medians of a few runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.plans.plans import CoachingPlan, MicroGoal, Objective  # noqa: E402
from app.domain.records import ConversationKind, Employee, Officer  # noqa: E402
from app.models.plans.plan_outline_model import OBJECTIVE, OutlineRef  # noqa: E402
from app.services.services import create_vault  # noqa: E402

TODAY = date(2026, 3, 16)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--objectives", type=int, default=10)
    parser.add_argument("--goals", type=int, default=10)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from app.views.case.dialogs.conversation_dialog import ConversationDialog
    from app.views.plans.plan_dialog import PlanDialog

    with tempfile.TemporaryDirectory() as tmp:
        svc = create_vault(
            Path(tmp) / "bench.casepath", "bench passphrase words", Officer(name="Bench"),
            FixedClock(TODAY),
        )  # fmt: skip
        emp = svc.employees.add(Employee("E1", "Bench Person", "Analyst", "Ops", "Ola Nordmann"))
        case = svc.cases.open_case(emp.id, stage="improvement_plan", opened_on=TODAY)
        objectives = tuple(
            Objective(
                f"Objective {i}", "Measure", 10.0, 20.0, date(2026, 5, 29),
                micro_goals=tuple(
                    MicroGoal(f"Step {i}.{j}", date(2026, 4, 1) + timedelta(days=j))
                    for j in range(args.goals)
                ),
            )
            for i in range(args.objectives)
        )  # fmt: skip
        plan = svc.plans.create(
            CoachingPlan(case.id, TODAY, date(2026, 6, 12), "Ola Nordmann", "Bench",
                         objectives=objectives)
        )  # fmt: skip
        n = args.objectives * args.goals
        print(f"plan: {args.objectives} objectives x {args.goals} micro-goals ({n} in all)")
        opened = median_ms(lambda: PlanDialog(svc, case.id, plan).deleteLater(), 5)
        print(f"  open the plan editor            {opened:7.1f} ms")
        dialog = PlanDialog(svc, case.id, plan)
        dialog.select(OutlineRef(OBJECTIVE, 0))
        counter = iter(range(10_000))
        key = median_ms(lambda: dialog.objective_form.title.setText(f"T{next(counter)}"), 50)
        print(f"  one keystroke, revalidated      {key:7.2f} ms")
        check_in = median_ms(
            lambda: ConversationDialog(svc, case.id, kind=ConversationKind.CHECK_IN).deleteLater(),
            5,
        )
        print(f"  open a check-in ({n} goals)     {check_in:7.1f} ms")
        app.processEvents()
        svc.close()


if __name__ == "__main__":
    main()
