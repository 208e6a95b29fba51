"""SQL for the calibration figures: one query per figure family, grouped in the database.

Every query takes the grouping column (department or manager, both on ``employees``) and the
period as ISO dates; the services layer turns the rows into protected figures. Only counts and
day spans leave this module — never names, notes or free text.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from app.vault.connection import Connection

GROUP_COLUMNS = {"department": "e.department", "manager": "e.manager"}
FORMAL_STAGES = ("formal_concern", "improvement_plan")


def _col(by: str) -> str:
    try:
        return GROUP_COLUMNS[by]
    except KeyError:
        raise ValueError(f"cannot group by {by!r}; use department or manager") from None


def headcount(conn: Connection, by: str) -> list[tuple]:
    """(group, employees) — the base of the per-100-employee rates."""
    return conn.query(f"SELECT {_col(by)}, COUNT(*) FROM employees e GROUP BY 1")


def open_by_stage(conn: Connection, by: str) -> list[tuple]:
    """(group, stage, track, cases) for cases open now."""
    return conn.query(
        f"SELECT {_col(by)}, c.stage, c.track, COUNT(*) FROM cases c "
        "JOIN employees e ON e.id = c.employee_id WHERE c.status = 'open' GROUP BY 1, 2, 3"
    )


def opened_and_closed(
    conn: Connection, by: str, start: str, end: str, groups: dict[int, str] | None = None
) -> list[tuple]:
    """(group, outcome or '', new in period, closed in period) — new and closed cases.

    One scan of cases counted here: grouping in SQL joined every case to its employee and
    sorted in a temporary B-tree (0.3–0.7 s at 100k cases).
    """
    group = groups if groups is not None else group_map(conn, by)
    counts: dict[tuple[str, str], list[int]] = {}
    for emp, outcome, new, closed in conn.query(
        "SELECT employee_id, COALESCE(outcome, ''), opened_on BETWEEN :s AND :e, "
        "status = 'closed' AND closed_on BETWEEN :s AND :e FROM cases NOT INDEXED "
        "WHERE opened_on <= :e AND (closed_on IS NULL OR closed_on >= :s)",
        {"s": start, "e": end},
    ):
        line = counts.setdefault((group[emp], outcome), [0, 0])
        line[0] += new
        line[1] += closed
    return [(g, o, n, c) for (g, o), (n, c) in sorted(counts.items())]


@lru_cache(maxsize=8192)
def _ordinal(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal()


def group_map(conn: Connection, by: str) -> dict[int, str]:
    """employee id → group (department or manager): fetched once per report and passed to
    the queries below, which count in Python after a plain scan."""
    return dict(conn.query(f"SELECT e.id, {_col(by)} FROM employees e"))


def case_timings(
    conn: Connection, by: str, start: str, end: str, groups: dict[int, str] | None = None
) -> list[tuple]:
    """Per case opened in the period: (group, department, opened_on, days indicator→conversation,
    days indicator→coaching, days opened→formal concern, reached formal, outcome, had plan,
    status). Day spans are None when the later event has not happened.

    Plain scans of each table, merged here by case id: one pass per table costs a fraction of
    the joined query at 100k cases (every join probe decrypts pages again; bench_calibration).
    """
    cases = conn.query(
        "SELECT id, employee_id, opened_on, stage, stage_entered_on, COALESCE(outcome, ''), "
        # A plain scan: at 100k cases it takes half the time of walking cases_opened and
        # looking every row up, and a short period is cheap either way.
        "status FROM cases NOT INDEXED WHERE opened_on BETWEEN ? AND ?",
        (start, end),
    )
    if not cases:
        return []
    group = groups if groups is not None else group_map(conn, by)
    dept = group_map(conn, "department") if by != "department" else group
    day = _ordinal
    first_ind = {
        c: day(d)
        for c, d in conn.query("SELECT case_id, MIN(observed_on) FROM indicators GROUP BY 1")
    }
    first_conv = {
        c: day(d)
        for c, d in conn.query("SELECT case_id, MIN(held_on) FROM conversations GROUP BY 1")
    }
    coach: dict[int, int] = {}
    formal: dict[int, int] = {}
    for cid, stage, at in conn.query(
        "SELECT case_id, to_stage, MIN(changed_at) FROM stage_changes "
        f"WHERE to_stage = 'coaching' OR to_stage IN {FORMAL_STAGES!r} GROUP BY 1, 2"
    ):
        target = coach if stage == "coaching" else formal
        when = day(at)
        if cid not in target or when < target[cid]:
            target[cid] = when
    plans = {r[0] for r in conn.query("SELECT DISTINCT case_id FROM coaching_plans")}
    out = []
    for cid, emp, opened, stage, entered, outcome, status in cases:
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


def stage_stays(
    conn: Connection, by: str, start: str, end: str, groups: dict[int, str] | None = None
) -> list[tuple]:
    """(group, stage, days) for every finished stay in a stage that ended in the period.

    One ordered scan of the covering index stage_changes(case_id, to_stage, changed_at);
    a stay ends when the case's next stage change happens.
    """
    owner = dict(conn.query("SELECT id, employee_id FROM cases"))
    group = groups if groups is not None else group_map(conn, by)
    out = []
    prev_case, prev_stage, prev_day = None, "", 0
    for cid, stage, at in conn.query(
        "SELECT case_id, to_stage, substr(changed_at, 1, 10) FROM stage_changes "
        "ORDER BY case_id, changed_at, id"
    ):
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
    """(group, root cause, closed cases in the period where it was recorded)."""
    return conn.query(
        f"SELECT {_col(by)}, rc.value, COUNT(DISTINCT c.id) FROM cases c "
        "JOIN employees e ON e.id = c.employee_id "
        "JOIN conversations v ON v.case_id = c.id, json_each(v.root_causes) rc "
        "WHERE c.status = 'closed' AND c.closed_on BETWEEN :s AND :e GROUP BY 1, 2",
        {"s": start, "e": end},
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
