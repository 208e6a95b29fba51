"""Build the large bench vault: 20k employees, 100k cases, 1M timeline entries (seeded).

    python bench/make_vault.py OUT.casepath [--scale 1.0] [--seed 18]

Everything is deterministic for a seed (names, stages, dates, texts; uids come from the same
generator), so two builds hold the same content. Rows go in through the vault layer's own
connection (``vault.conn``), inside large audited transactions (one audit event per batch):
the key derivation, cipher settings and FTS triggers are exactly the app's. ``--scale 0.1``
builds 10k cases and 100k entries; the ratios (5 cases per employee, 10 entries per case) and
the five 500-entry cases (ids 1–5, for "open a case") stay the same.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.escalation.policy import STAGE_KEYS  # noqa: E402
from app.domain.records import (  # noqa: E402
    ConversationKind,
    IndicatorCategory,
    Officer,
    Role,
    RootCause,
)
from app.services.services import create_vault  # noqa: E402

PASSPHRASE = "bench vault passphrase 2026"
TODAY = date(2026, 3, 16)
BIG_CASES = 5  # case ids 1..5 carry 500 entries each
BIG_ENTRIES = 500
RARE = "zanzibarite"  # in exactly 7 entries
COMMON = "handover"  # in about half of them
BATCH = 50_000  # rows per transaction
DEPARTMENTS = [
    "Operations",
    "Customer-Service",
    "Finance",
    "Engineering",
    "Logistics",
    "Legal",
    "Marketing",
    "Facilities",
    "Research",
    "Procurement",
    "Security",
    "Sales",
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
    "Mei",
    "Kwame",
    "Astrid",
    "Dmitri",
    "Leilani",
    "Rafael",
    "Yuki",
    "Amara",
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
    "Tanaka",
    "Mensah",
    "Novak",
    "Silva",
]
WORDS = [
    "deadline",
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
    "agreed",
    "target",
    "missed",
    "support",
    "schedule",
    "feedback",
    "coaching",
    "follow-up",
    "documented",
    "meeting",
    "manager",
    "colleague",
    "process",
    "report",
    "accuracy",
    "attendance",
    "punctuality",
    "standard",
    "expectation",
    "improvement",
    "week",
    "month",
]
OFFICERS = ("Bench Officer", "Ana Reyes", "Tomasz Wójcik", "Hannah Berg", "Kofi Asante")


def _text(rng: random.Random, lo: int, hi: int) -> str:
    """A sentence-ish text of lo..hi words; COMMON appears in about half of them."""
    words = rng.choices(WORDS, k=rng.randint(lo, hi))
    if not words:
        return ""
    if rng.random() < 0.5:
        words[rng.randrange(len(words))] = COMMON
    return " ".join(words).capitalize() + "."


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


class Builder:
    def __init__(self, path: Path, scale: float, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n_cases = max(BIG_CASES + 1, round(100_000 * scale))
        self.n_employees = max(1, self.n_cases // 5)
        self.n_entries = max(BIG_CASES * BIG_ENTRIES, round(1_000_000 * scale))
        self.svc = create_vault(path, PASSPHRASE, Officer(name=OFFICERS[0]), FixedClock(TODAY))
        self.vault = self.svc.vault
        self.started = time.perf_counter()

    def progress(self, what: str, done: int, total: int) -> None:
        secs = time.perf_counter() - self.started
        print(f"  {what:<10} {done:>9,}/{total:,}  {secs:7.1f} s", flush=True)

    def _batched(self, what: str, sql: str, rows, total: int) -> None:
        """executemany in transactions of BATCH rows, each with one audit event."""
        buf: list[tuple] = []
        done = 0
        for row in rows:
            buf.append(row)
            if len(buf) >= BATCH:
                done += self._flush(what, sql, buf)
                self.progress(what, done, total)
        if buf:
            done += self._flush(what, sql, buf)
            self.progress(what, done, total)

    def _flush(self, what: str, sql: str, buf: list[tuple]) -> int:
        n = len(buf)
        with self.vault.write() as w:
            self.vault.conn.raw.executemany(sql, buf)
            w.audit("bench.bulk_insert", "vault", "", {"table": what, "rows": n})
        buf.clear()
        return n

    def build(self) -> None:
        rng = self.rng
        with self.vault.write() as w:
            for name in OFFICERS[1:]:
                self.vault.conn.execute(
                    "INSERT INTO officers(name, role) VALUES (?, 'hr_officer')", (name,)
                )
            w.audit("bench.officers", "vault", "", {"officers": len(OFFICERS)})
        self._batched(
            "employees",
            "INSERT INTO employees(employee_number, name, job_title, department, manager,"
            " start_date, email) VALUES (?,?,?,?,?,?,?)",
            (
                (
                    f"E{i:06d}",
                    f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
                    rng.choice(("Analyst", "Engineer", "Agent", "Coordinator", "Lead")),
                    rng.choice(DEPARTMENTS),
                    f"Manager {i % 400}",
                    (TODAY - timedelta(days=rng.randint(100, 5000))).isoformat(),
                    "",
                )
                for i in range(self.n_employees)
            ),
            self.n_employees,
        )
        self.opened: list[date] = []
        self._batched(
            "cases",
            "INSERT INTO cases(reference, employee_id, owner_id, track, stage, status, opened_on,"
            " closed_on, outcome, stage_entered_on, next_due_on, last_activity_on)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (self._case(i) for i in range(self.n_cases)),
            self.n_cases,
        )
        with self._derived_triggers_suspended():
            self._batched_entries()

    def _case(self, i: int) -> tuple:
        rng = self.rng
        opened = TODAY - timedelta(days=rng.randint(1, 700))
        self.opened.append(opened)
        high = rng.random() < 0.1
        stage = rng.choice(STAGE_KEYS[2:] if high else STAGE_KEYS)
        closed = i >= BIG_CASES and rng.random() < 0.15
        closed_on = (opened + timedelta(days=rng.randint(1, 300))) if closed else None
        if closed_on and closed_on > TODAY:
            closed_on = TODAY
        due = TODAY + timedelta(days=rng.randint(-30, 60)) if rng.random() < 0.9 else None
        return (
            f"C-{opened.year}-{i + 1:06d}",
            1 + (i * 7919) % self.n_employees,
            1 + rng.randrange(len(OFFICERS)),
            "high_stakes" if high else "standard",
            stage,
            "closed" if closed else "open",
            opened.isoformat(),
            closed_on.isoformat() if closed_on else None,
            rng.choice(("improved", "development_track", "reassignment")) if closed else None,
            (opened + timedelta(days=rng.randint(0, 60))).isoformat(),
            due.isoformat() if due and not closed else None,
            (opened + timedelta(days=rng.randint(0, 90))).isoformat(),
        )

    def _plan(self) -> list[tuple[int, str]]:
        """(case id, kind) of every entry: 500 on each big case, the rest spread unevenly."""
        rng = self.rng
        kinds = ("conversation", "indicator", "observation", "decision")
        weights = (25, 30, 30, 15)
        out = [
            (cid, kind)
            for cid in range(1, BIG_CASES + 1)
            for kind in rng.choices(kinds, weights, k=BIG_ENTRIES)
        ]
        rest = self.n_entries - len(out)
        others = range(BIG_CASES + 1, self.n_cases + 1)
        # Skewed: some cases have 1 entry, some 40 (a triangular draw over case ids).
        for _ in range(rest):
            cid = others[int(len(others) * rng.triangular(0, 1, 0.15))]
            out.append((cid, rng.choices(kinds, weights)[0]))
        return out

    @contextlib.contextmanager
    def _derived_triggers_suspended(self) -> Iterator[None]:
        """Bulk entries without the per-row upkeep of derived tables (the calibration summary
        and people_version: migration 0014), then that migration run again, which recreates
        its triggers and recomputes every summary row in one pass, as on an upgrade."""
        from app.vault import migrations

        (mig,) = [m for m in migrations.available() if "calibration_summary" in m.name]
        conn = self.vault.conn
        names = [
            n
            for (n,) in conn.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            if "_calibration_" in n or "_people_" in n
        ]
        with conn.transaction():
            for name in names:
                conn.execute(f'DROP TRIGGER "{name}"')
        try:
            yield
        finally:
            with self.vault.write() as w:
                for stmt in mig.statements():
                    if not stmt.upper().startswith("PRAGMA"):
                        conn.execute(stmt)
                conn.execute("UPDATE people_version SET n = n + 1")
                w.audit("bench.derived_tables", "vault", "", {"triggers": len(names)})

    def _batched_entries(self) -> None:
        rng = self.rng
        plan = self._plan()
        rare_at = set(rng.sample(range(len(plan)), 7))
        sql = {
            "conversation": "INSERT INTO conversations(uid, case_id, held_on, kind, summary,"
            " attendees, constraints_text, expectations, root_causes, root_cause_notes,"
            " agreed_actions) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            "indicator": "INSERT INTO indicators(uid, case_id, category, metric, observed_on,"
            " expected, actual, unit, source, note) VALUES (?,?,?,?,?,?,?,?,?,?)",
            "observation": "INSERT INTO observations(uid, case_id, observed_on, author,"
            " author_role, body) VALUES (?,?,?,?,?,?)",
            "decision": "INSERT INTO decisions(uid, case_id, decided_on, decided_by, role,"
            " summary, rationale) VALUES (?,?,?,?,?,?,?)",
        }
        bufs: dict[str, list[tuple]] = {k: [] for k in sql}
        done = 0
        for n, (cid, kind) in enumerate(plan):
            when = (self.opened[cid - 1] + timedelta(days=rng.randint(0, 200))).isoformat()
            extra = f" {RARE}" if n in rare_at else ""
            bufs[kind].append(self._entry(kind, cid, when, extra))
            if sum(len(b) for b in bufs.values()) >= BATCH:
                done += self._flush_entries(sql, bufs)
                self.progress("entries", done, len(plan))
        if any(bufs.values()):
            done += self._flush_entries(sql, bufs)
            self.progress("entries", done, len(plan))

    def _entry(self, kind: str, cid: int, when: str, extra: str) -> tuple:
        rng = self.rng
        if kind == "conversation":
            return (
                _uid(rng),
                cid,
                when,
                rng.choice(list(ConversationKind)).value,
                _text(rng, 30, 150) + extra,
                json.dumps(["Employee", rng.choice(OFFICERS)], ensure_ascii=False),
                _text(rng, 0, 30) if rng.random() < 0.4 else "",
                _text(rng, 5, 40),
                json.dumps([rng.choice(list(RootCause)).value]),
                _text(rng, 0, 25) if rng.random() < 0.3 else "",
                json.dumps([_text(rng, 4, 12) for _ in range(rng.randint(0, 3))]),
            )
        if kind == "indicator":
            expected = float(rng.randint(50, 100))
            return (
                _uid(rng),
                cid,
                rng.choice(list(IndicatorCategory)).value,
                rng.choice(("Tickets closed", "Error rate", "On-time shifts", "CSAT", "Audits")),
                when,
                expected,
                round(expected * rng.uniform(0.5, 1.05), 1),
                rng.choice(("%", "per week", "count")),
                rng.choice(("Service desk export", "QA sample", "Rota system", "Survey")),
                _text(rng, 0, 35) + extra,
            )
        if kind == "observation":
            return (
                _uid(rng),
                cid,
                when,
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                rng.choice(("Team lead", "Peer", "Customer", "Supervisor")),
                _text(rng, 10, 80) + extra,
            )
        return (
            _uid(rng),
            cid,
            when,
            rng.choice(OFFICERS),
            rng.choice(list(Role)).value,
            _text(rng, 10, 40) + extra,
            _text(rng, 10, 70),
        )

    def _flush_entries(self, sql: dict[str, str], bufs: dict[str, list[tuple]]) -> int:
        n = sum(len(b) for b in bufs.values())
        if not n:
            return 0
        with self.vault.write() as w:
            for kind, buf in bufs.items():
                if buf:
                    self.vault.conn.raw.executemany(sql[kind], buf)
            w.audit("bench.bulk_insert", "vault", "", {"table": "timeline", "rows": n})
        for buf in bufs.values():
            buf.clear()
        return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the vault file to create (must not exist)")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 100k cases, 1M entries")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="bench only: the same vault NOT encrypted (bench/plain_schema.py), for the "
        "read-mix row of bench/run.py",
    )
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; choose a new file", file=sys.stderr)
        return 2
    if args.plain:
        from bench.plain_schema import unencrypted

        with unencrypted():
            return _build(args)
    return _build(args)


def _build(args: argparse.Namespace) -> int:
    b = Builder(args.out, args.scale, args.seed)
    print(
        f"building {b.n_employees:,} employees, {b.n_cases:,} cases, {b.n_entries:,} entries"
        f" into {args.out} (seed {args.seed})",
        flush=True,
    )
    b.build()
    b.svc.close()
    secs = time.perf_counter() - b.started
    size = args.out.stat().st_size / 2**20
    print(f"done in {secs:.1f} s ({b.n_entries / secs:,.0f} entries/s overall), file {size:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
