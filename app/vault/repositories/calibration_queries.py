"""SQL for the calibration figures: one query per figure family.

Every query takes the grouping (department or manager, both on ``employees``) and the period
as ISO dates; the services layer turns the rows into protected figures. Only counts and day
spans leave this module — never names, notes or free text.

At 100k cases joins cost most (every probe decrypts pages again), so the case-level families
share one `CaseScan` (employees and cases read once, plain scans) and count in Python;
bench/bench_calibration.py has the figures. What a case's child tables contribute (first
indicator, first conversation, ever a plan, root causes) is read from `case_calibration`, a
per-case summary the vault's triggers keep equal to a recomputation (migration 0014), instead
of scanning every indicator and conversation per report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.vault.connection import Connection

GROUP_COLUMNS = {"department": "e.department", "manager": "e.manager"}
FORMAL_STAGES = ("formal_concern", "improvement_plan")


SUMMARY_SQL = (
    "SELECT case_id, first_indicator_on, first_conversation_on, has_plan FROM case_calibration"
)


def _col(by: str) -> str:
    try:
        return GROUP_COLUMNS[by]
    except KeyError:
        raise ValueError(f"cannot group by {by!r}; use department or manager") from None


def headcount(conn: Connection, by: str) -> list[tuple]:
    """(group, employees) — the base of the per-100-employee rates."""
    return conn.query(f"SELECT {_col(by)}, COUNT(*) FROM employees e GROUP BY 1")


@dataclass(frozen=True)
class CaseScan:
    """Every case once — (id, employee_id, opened_on, closed_on, status, stage, track,
    outcome or '', stage_entered_on) — with each employee's group and department, and every
    stage change (case_id, to_stage, day) in order, read through the covering index."""

    cases: list[tuple]
    group: dict[int, str]
    department: dict[int, str]
    changes: list[tuple]


def case_scan(conn: Connection, by: str) -> CaseScan:
    group = dict(conn.query(f"SELECT e.id, {_col(by)} FROM employees e"))
    dept = group if by == "department" else dict(conn.query("SELECT id, department FROM employees"))
    cases = conn.query(
        "SELECT id, employee_id, opened_on, closed_on, status, stage, track, "
        "COALESCE(outcome, ''), stage_entered_on FROM cases"
    )
    changes = conn.query(
        "SELECT case_id, to_stage, substr(changed_at, 1, 10) FROM stage_changes "
        "ORDER BY case_id, changed_at, id"
    )
    return CaseScan(cases, group, dept, changes)


def open_by_stage(scan: CaseScan) -> list[tuple]:
    """(group, stage, track, cases) for cases open now."""
    counts: dict[tuple[str, str, str], int] = {}
    for _id, emp, _o, _c, status, stage, track, _out, _e in scan.cases:
        if status == "open":
            key = (scan.group[emp], stage, track)
            counts[key] = counts.get(key, 0) + 1
    return [(*key, n) for key, n in sorted(counts.items())]


def opened_and_closed(scan: CaseScan, start: str, end: str) -> list[tuple]:
    """(group, outcome or '', new in period, closed in period) — new and closed cases."""
    counts: dict[tuple[str, str], list[int]] = {}
    for _id, emp, opened, closed_on, status, _s, _t, outcome, _e in scan.cases:
        new = start <= opened <= end
        closed = status == "closed" and closed_on is not None and start <= closed_on <= end
        if new or closed:
            line = counts.setdefault((scan.group[emp], outcome), [0, 0])
            line[0] += new
            line[1] += closed
    return [(g, o, n, c) for (g, o), (n, c) in sorted(counts.items())]


@lru_cache(maxsize=8192)
def _ordinal(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal()


def case_timings(conn: Connection, scan: CaseScan, start: str, end: str) -> list[tuple]:
    """Per case opened in the period: (group, department, opened_on, days indicator→conversation,
    days indicator→coaching, days opened→formal concern, reached formal, outcome, had plan,
    status). Day spans are None when the later event has not happened.

    Plain scans of each table, merged here by case id: one pass per table costs a fraction of
    the joined query at 100k cases (every join probe decrypts pages again; bench_calibration).
    """
    cases = [c for c in scan.cases if start <= c[2] <= end]
    if not cases:
        return []
    group, dept = scan.group, scan.department
    day = _ordinal
    first_ind: dict[int, int] = {}
    first_conv: dict[int, int] = {}
    plans: set[int] = set()
    for cid, indicator, conversation, had_plan in conn.query(SUMMARY_SQL):
        if indicator is not None:
            first_ind[cid] = day(indicator)
        if conversation is not None:
            first_conv[cid] = day(conversation)
        if had_plan:
            plans.add(cid)
    coach: dict[int, int] = {}
    formal: dict[int, int] = {}
    for cid, stage, at in scan.changes:  # in order: the first seen is the earliest
        if stage == "coaching":
            if cid not in coach:
                coach[cid] = day(at)
        elif stage in FORMAL_STAGES and cid not in formal:
            formal[cid] = day(at)
    out = []
    for cid, emp, opened, _closed, status, stage, _track, outcome, entered in cases:
        start_day = day(opened)
        base = first_ind.get(cid, start_day)
        conv, coached = first_conv.get(cid), coach.get(cid)
        reached = formal.get(cid)
        if reached is None and stage in FORMAL_STAGES and entered:
            reached = day(entered)
        out.append(
            (
                group[emp],
                dept[emp],
                opened,
                None if conv is None else float(conv - base),
                None if coached is None else float(coached - base),
                None if reached is None else float(reached - start_day),
                int(reached is not None),
                outcome,
                int(cid in plans),
                status,
            )
        )
    return out


def stage_stays(conn: Connection, scan: CaseScan, start: str, end: str) -> list[tuple]:
    """(group, stage, days) for every finished stay in a stage that ended in the period.

    From the scan's ordered stage changes (covering index stage_changes_stays); a stay
    ends when the case's next stage change happens.
    """
    owner = {c[0]: c[1] for c in scan.cases}
    group = scan.group
    out = []
    prev_case, prev_stage, prev_day = None, "", 0
    for cid, stage, at in scan.changes:
        today = _ordinal(at)
        if prev_case == cid and start <= at <= end:
            out.append((group[owner[cid]], prev_stage, float(today - prev_day)))
        prev_case, prev_stage, prev_day = cid, stage, today
    return out


def exceptions_granted(conn: Connection, by: str, start: str, end: str) -> list[tuple]:
    """(group, kind, approved exceptions decided in the period)."""
    return conn.query(
        f"SELECT {_col(by)}, x.kind, COUNT(*) FROM case_exceptions x "
        "JOIN cases c ON c.id = x.case_id JOIN employees e ON e.id = c.employee_id "
        "WHERE x.status = 'approved' AND COALESCE(x.decided_on, x.requested_on) "
        "BETWEEN :s AND :e GROUP BY 1, 2",
        {"s": start, "e": end},
    )


def root_causes(conn: Connection, by: str, start: str, end: str) -> list[tuple]:
    """(group, root cause, closed cases in the period where it was recorded).

    A case's causes are distinct in its summary row, so COUNT(*) counts cases."""
    return conn.query(root_causes_sql(by), {"s": start, "e": end})


def root_causes_sql(by: str) -> str:
    return (
        f"SELECT {_col(by)}, rc.value, COUNT(*) FROM cases c "
        "JOIN employees e ON e.id = c.employee_id "
        "JOIN case_calibration f ON f.case_id = c.id, json_each(f.root_causes) rc "
        "WHERE c.status = 'closed' AND c.closed_on BETWEEN :s AND :e GROUP BY 1, 2"
    )


def satisfaction(conn: Connection, start: str, end: str) -> list[tuple]:
    """(department, opened_on, 'employee' or 'manager', score) for cases opened in the period
    that were closed with a satisfaction score (one row per score given)."""
    return conn.query(
        """
        SELECT e.department, c.opened_on, who.name,
               CASE who.name WHEN 'employee' THEN s.employee ELSE s.manager END AS score
        FROM case_satisfaction s JOIN cases c ON c.id = s.case_id
        JOIN employees e ON e.id = c.employee_id,
             (SELECT 'employee' AS name UNION ALL SELECT 'manager') who
        WHERE c.opened_on BETWEEN :s AND :e AND c.status = 'closed' AND score IS NOT NULL
        """,
        {"s": start, "e": end},
    )
