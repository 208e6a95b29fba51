"""How the case list behaves at 100,000 cases: prints figures, asserts nothing.

    python bench/bench_case_list.py [--cases 100000] [--vault PATH]

Builds (or reuses, with --vault) an encrypted vault with N cases, N/5 employees in 8
departments and a conversation on every fourth case, inserted through the repositories inside ONE
audited transaction (the fast path: per-row transactions would pay SQLCipher's page
encryption and fsync each time). Then it reopens the vault as the app does and times the
case-list model: first page, next page, sorting, filtering, search, flag filters, flags for
the visible rows, the 'needs attention' panel, and peak memory. Medians of a few runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.escalation.flags import Flag  # noqa: E402
from app.domain.escalation.policy import STAGE_KEYS  # noqa: E402
from app.domain.records import (  # noqa: E402
    Case,
    Conversation,
    ConversationKind,
    Employee,
    Officer,
    RootCause,
    Track,
)
from app.services.services import create_vault, open_vault  # noqa: E402

PASSPHRASE = "bench vault passphrase 2026"
TODAY = date(2026, 3, 16)
DEPARTMENTS = [
    "Operations",
    "Customer Service",
    "Finance",
    "Engineering",
    "Logistics",
    "Legal",
    "Marketing",
    "Facilities",
]
FIRST = [
    "Zoë",
    "Łukasz",
    "Αλέξανδρος",
    "Иван",
    "Ayşe",
    "Priya",
    "José",
    "Siobhán",
    "Chidi",
    "Mateus",
    "Ingrid",
    "Nguyễn",
    "Fatima",
    "Björn",
    "Kateřina",
    "Omar",
]
LAST = [
    "Ångström",
    "Żółć",
    "Παπαδόπουλος",
    "Петров",
    "Yılmaz",
    "Raman",
    "Muñoz",
    "Byrne",
    "Okafor",
    "Gonçalves",
    "Lindqvist",
    "Trần",
    "Haddad",
    "Kowalski",
    "Nowak",
    "Iyer",
]
WORDS = [
    "deadline",
    "handover",
    "backlog",
    "rota",
    "training",
    "tickets",
    "quality",
    "review",
    "customer",
    "invoice",
    "overtime",
    "safety",
    "checklist",
    "escalation",
    "workload",
    "priorities",
    "tooling",
    "shift",
]
RARE = "zanzibarite"  # appears in exactly 7 conversations


def build(path: Path, n_cases: int) -> float:
    rng = random.Random(4)
    started = time.perf_counter()
    clock = FixedClock(TODAY)
    svc = create_vault(path, PASSPHRASE, Officer(name="Bench Officer"), clock)
    vault = svc.vault
    with vault.write() as w:
        employees = []
        for i in range(max(1, n_cases // 5)):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
            employees.append(
                vault.employees.add(
                    Employee(
                        employee_number=f"E{i:06d}",
                        name=name,
                        department=rng.choice(DEPARTMENTS),
                        job_title="Analyst",
                    )
                )
            )
        rare_at = set(rng.sample(range(n_cases), min(7, n_cases)))
        for i in range(n_cases):
            emp = employees[i % len(employees)]
            opened = TODAY - timedelta(days=rng.randint(1, 400))
            track = Track.HIGH_STAKES if rng.random() < 0.1 else Track.STANDARD
            stage = rng.choice(STAGE_KEYS[2:] if track is Track.HIGH_STAKES else STAGE_KEYS)
            case = vault.cases.add(
                Case(
                    reference=f"C-{opened.year}-{i + 1:06d}",
                    employee_id=emp.id,
                    owner_id=vault.officer.id,
                    track=track,
                    stage=stage,
                    opened_on=opened,
                )
            )
            vault.cases.set_schedule(case.id, TODAY + timedelta(days=rng.randint(-30, 60)))
            vault.cases.touch(case.id, opened + timedelta(days=rng.randint(0, 30)))
            if i % 4 and i not in rare_at:
                continue  # a conversation on every fourth case keeps the build to minutes
            text = " ".join(rng.choices(WORDS, k=12))
            if i in rare_at:
                text += f" {RARE}"
            vault.records.add(
                Conversation(
                    case_id=case.id,
                    held_on=opened,
                    kind=ConversationKind.INFORMAL,
                    summary=text.capitalize() + ".",
                    attendees=(emp.name, "Bench Officer"),
                    root_causes=(RootCause.WORKLOAD,),
                )
            )
        w.audit("bench.bulk_insert", "vault", "", {"cases": n_cases})
    svc.close()
    return time.perf_counter() - started


def timed(fn: Callable[[], object], runs: int = 5) -> float:
    """Median milliseconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--vault", type=Path, help="reuse (or create) the bench vault here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="casepath-bench-") as tmp:
        path = args.vault or Path(tmp) / "bench.casepath"
        if not path.exists():
            print(f"building {args.cases:,} cases (one transaction) …", flush=True)
            print(
                f"  build: {build(path, args.cases):.1f} s, "
                f"file {path.stat().st_size / 2**20:.0f} MB"
            )
        report(path)
    return 0


def report(path: Path) -> None:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from app.models.case.case_table_model import CaseTableModel
    from app.models.roles import CaseColumn
    from app.services.cases.attention import needs_attention
    from app.services.cases.case_list import CaseQuery

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    svc = open_vault(path, PASSPHRASE, FixedClock(TODAY))
    print(
        f"  open vault (key derivation + checks): {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    lines: list[tuple[str, float, str]] = []

    def row(label: str, ms: float, note: str = "") -> None:
        lines.append((label, ms, note))
        print(f"  {label:<48} {ms:8.1f} ms  {note}", flush=True)

    model = CaseTableModel(svc)
    row(
        "model: ids + first page (default query)",
        timed(lambda: CaseTableModel(svc)),
        f"{model.total:,} open cases",
    )
    view = QTableView()
    view.resize(1200, 800)
    view.setModel(model)
    started = time.perf_counter()
    view.show()
    app.processEvents()
    row("view: show + first paint (flags of visible rows)", (time.perf_counter() - started) * 1000)

    fresh = CaseTableModel(svc)
    row("fetchMore: second page of 200", timed(lambda: fresh.fetchMore(QModelIndex()), 1))
    ids = svc.cases.ids(model.query)
    row(
        "fetchMore: page 451 (rows 90,000-90,199, by id)",
        timed(lambda: svc.cases.rows_by_ids(ids[90_000:90_200])),
    )
    row(
        "old OFFSET paging, same page (for comparison)",
        timed(lambda: svc.cases.rows(model.query, 90_000, 200), 3),
    )
    for column, label in (
        (CaseColumn.EMPLOYEE, "employee"),
        (CaseColumn.NEXT_DUE, "deadline"),
        (CaseColumn.DEPARTMENT, "department"),
        (CaseColumn.REFERENCE, "reference"),
    ):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            times = []
            for _ in range(3):
                model.sort(CaseColumn.OWNER, Qt.SortOrder.AscendingOrder)  # a different sort
                started = time.perf_counter()
                model.sort(column, order)
                times.append((time.perf_counter() - started) * 1000)
            direction = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
            row(f"sort by {label} {direction} (ids + first page)", statistics.median(times))
    model.sort(CaseColumn.REFERENCE, Qt.SortOrder.AscendingOrder)
    queries = {
        "filter department": CaseQuery(department="Finance"),
        "filter department + stage + track": CaseQuery(
            department="Finance", stage="coaching", track=Track.STANDARD
        ),
        "search common word (FTS trigram)": CaseQuery(search="handover"),
        "filter department + search common word": CaseQuery(
            department="Finance", search="handover"
        ),
        f"search rare word '{RARE}'": CaseQuery(search=RARE),
        "filter department + search rare word": CaseQuery(department="Finance", search=RARE),
        "search an employee number": CaseQuery(search="E000123"),
        "search 2 letters (LIKE fallback)": CaseQuery(search="Zo"),
    }
    for flag in Flag:
        queries[f"flag filter {flag.value}"] = replace(
            CaseQuery(), **svc.escalation.flag_filter(flag, TODAY)
        )
    for label, query in queries.items():

        def run(q: CaseQuery = query) -> None:
            model.set_query(q)

        ms = timed(run, 3)
        row(label, ms, f"{model.total:,} match")
    model.set_query(CaseQuery())
    rows = [model.row_at(r) for r in range(40)]
    row(
        "row_flags for 40 visible rows",
        timed(lambda: [svc.escalation.row_flags(r, TODAY) for r in rows], 3),
    )
    row("'needs attention today' panel", timed(lambda: needs_attention(svc, TODAY), 3))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (RSS): {peak:.0f} MB")
    view.close()
    svc.close()


if __name__ == "__main__":
    raise SystemExit(main())
