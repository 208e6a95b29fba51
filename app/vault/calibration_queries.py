"""SQL for the calibration figures: one query per figure family, grouped in the database.

Every query takes the grouping column (department or manager, both on ``employees``) and the
period as ISO dates; the services layer turns the rows into protected figures. Only counts and
day spans leave this module — never names, notes or free text.
"""

from __future__ import annotations

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


def opened_and_closed(conn: Connection, by: str, start: str, end: str) -> list[tuple]:
    """(group, outcome or '', new in period, closed in period) — new and closed cases."""
    return conn.query(
        f"SELECT {_col(by)}, COALESCE(c.outcome, ''), "
        "SUM(c.opened_on BETWEEN :s AND :e), "
        "SUM(c.status = 'closed' AND c.closed_on BETWEEN :s AND :e) "
        "FROM cases c JOIN employees e ON e.id = c.employee_id "
        "WHERE c.opened_on <= :e AND (c.closed_on IS NULL OR c.closed_on >= :s) GROUP BY 1, 2",
        {"s": start, "e": end},
    )


def case_timings(conn: Connection, by: str, start: str, end: str) -> list[tuple]:
    """Per case opened in the period: (group, department, opened_on, days indicator→conversation,
    days indicator→coaching, days opened→formal concern, reached formal, outcome, had plan).

    Day spans are NULL when the later event has not happened.
    """
    return conn.query(
        f"""
        WITH first_ind AS (
            SELECT case_id, MIN(observed_on) AS d FROM indicators GROUP BY case_id),
        first_conv AS (
            SELECT case_id, MIN(held_on) AS d FROM conversations GROUP BY case_id),
        stage_first AS (
            SELECT case_id,
                   MIN(CASE WHEN to_stage = 'coaching' THEN substr(changed_at, 1, 10) END) AS coach,
                   MIN(CASE WHEN to_stage IN {FORMAL_STAGES!r}
                       THEN substr(changed_at, 1, 10) END) AS formal
            FROM stage_changes GROUP BY case_id),
        plans AS (SELECT DISTINCT case_id FROM coaching_plans)
        SELECT {_col(by)}, e.department, c.opened_on,
               julianday(fc.d) - julianday(COALESCE(fi.d, c.opened_on)),
               julianday(sf.coach) - julianday(COALESCE(fi.d, c.opened_on)),
               julianday(COALESCE(sf.formal,
                   CASE WHEN c.stage IN {FORMAL_STAGES!r} THEN c.stage_entered_on END))
                 - julianday(c.opened_on),
               (sf.formal IS NOT NULL OR c.stage IN {FORMAL_STAGES!r}),
               COALESCE(c.outcome, ''), p.case_id IS NOT NULL, c.status
        FROM cases c JOIN employees e ON e.id = c.employee_id
        LEFT JOIN first_ind fi ON fi.case_id = c.id
        LEFT JOIN first_conv fc ON fc.case_id = c.id
        LEFT JOIN stage_first sf ON sf.case_id = c.id
        LEFT JOIN plans p ON p.case_id = c.id
        WHERE c.opened_on BETWEEN :s AND :e
        """,
        {"s": start, "e": end},
    )


def stage_stays(conn: Connection, by: str, start: str, end: str) -> list[tuple]:
    """(group, stage, days) for every finished stay in a stage that ended in the period."""
    return conn.query(
        f"""
        WITH stays AS (
            SELECT case_id, to_stage AS stage, substr(changed_at, 1, 10) AS entered,
                   LEAD(substr(changed_at, 1, 10))
                       OVER (PARTITION BY case_id ORDER BY changed_at, id) AS left_on
            FROM stage_changes)
        SELECT {_col(by)}, s.stage, julianday(s.left_on) - julianday(s.entered)
        FROM stays s JOIN cases c ON c.id = s.case_id JOIN employees e ON e.id = c.employee_id
        WHERE s.left_on BETWEEN :s AND :e
        """,
        {"s": start, "e": end},
    )


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
