"""Calibration figures on a generated vault: target ≤ 1 s at 100k cases.

    python bench/bench_calibration.py [CASES]   (default 100000)

Rows are inserted with plain SQL (the services would take far longer than the figures).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.records import Officer  # noqa: E402
from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report  # noqa: E402
from app.services.services import create_vault  # noqa: E402

STAGES = ["early_conversation", "coaching", "formal_concern", "improvement_plan"]


def build(conn, cases: int) -> None:
    rnd = random.Random(16)
    start = date(2025, 1, 1)
    with conn.transaction():
        conn.raw.executemany(
            "INSERT INTO employees(employee_number, name, department, manager) VALUES (?,?,?,?)",
            [(f"E{i}", f"Worker {i}", f"Dept {i % 40}", f"Mgr {i % 400}") for i in range(cases)],
        )
        case_rows, ind, conv, moves = [], [], [], []
        for i in range(cases):
            opened = start + timedelta(days=rnd.randrange(430))
            stage = rnd.choice(STAGES)
            closed = rnd.random() < 0.4
            case_rows.append(
                (
                    i + 1,
                    f"C{i}",
                    i + 1,
                    stage,
                    "closed" if closed else "open",
                    opened.isoformat(),
                    (opened + timedelta(days=60)).isoformat() if closed else None,
                    rnd.choice(["improved", "reassignment"]) if closed else None,
                )
            )
            ind.append((f"i{i}", i + 1, opened.isoformat()))
            conv.append(
                (
                    f"c{i}",
                    i + 1,
                    (opened + timedelta(days=rnd.randrange(20))).isoformat(),
                    '["workload"]',
                )
            )
            for j, st in enumerate(STAGES[: STAGES.index(stage) + 1]):
                moves.append(
                    (f"m{i}-{j}", i + 1, st, f"{opened + timedelta(days=14 * j)}T09:00:00")
                )
        conn.raw.executemany(
            "INSERT INTO cases(id, reference, employee_id, owner_id, track, stage, status, "
            "opened_on, closed_on, outcome) VALUES (?,?,?,1,'standard',?,?,?,?,?)",
            case_rows,
        )
        conn.raw.executemany(
            "INSERT INTO indicators(uid, case_id, category, metric, observed_on) "
            "VALUES (?,?,'missed_target','m',?)",
            ind,
        )
        conn.raw.executemany(
            "INSERT INTO conversations(uid, case_id, held_on, kind, summary, root_causes) "
            "VALUES (?,?,?,'informal','s',?)",
            conv,
        )
        conn.raw.executemany(
            "INSERT INTO stage_changes(uid, case_id, to_stage, changed_at, actor, role, reason) "
            "VALUES (?,?,?,?,'a','hr_officer','r')",
            moves,
        )
        conn.raw.executemany(
            "INSERT INTO case_satisfaction(case_id, employee, manager, recorded_on) "
            "VALUES (?,?,?,?)",
            [
                (r[0], rnd.randint(1, 5), rnd.randint(1, 5), r[6])
                for r in case_rows
                if r[4] == "closed" and rnd.random() < 0.5
            ],
        )


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as d:
        svc = create_vault(Path(d) / "b.casepath", "bench passphrase 16", Officer(name="B"))
        t = time.perf_counter()
        build(svc.vault.conn, cases)
        print(f"generated {cases} cases in {time.perf_counter() - t:.1f} s")
        start, end = date(2025, 1, 1), date(2026, 3, 16)
        runs = {
            "by department": Request(start, end, "department"),
            "by manager": Request(start, end, "manager"),
            "by department with a pilot": Request(
                start, end, "department", "Dept 3", date(2025, 7, 1)
            ),
        }
        for name, req in runs.items():
            times = []
            for _ in range(3):
                t = time.perf_counter()
                calibration_report(svc.vault.conn, req, CalibrationPolicy())
                times.append(time.perf_counter() - t)
            print(
                f"calibration figures {name}, {cases} cases: "
                f"median {statistics.median(times):.3f} s"
            )
        svc.close()


if __name__ == "__main__":
    main()
