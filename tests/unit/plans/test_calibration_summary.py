"""case_calibration (migration 0014) always equals a recomputation from its source tables, after
every kind of write: records added and edited through the services, a plan created and
revised, and rows edited, moved between cases and deleted in raw SQL (as an import or a repair
would), a case deleted with its records. The calibration queries read it, and the root-cause
query walks the closed-cases index (EXPLAIN QUERY PLAN), not every conversation."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from app.domain.records import RootCause
from app.vault.repositories import calibration_queries as q
from tests.factories import conversation, indicator, open_case
from tests.plan_factories import plan

RECOMPUTED = """
SELECT c.id,
       (SELECT MIN(observed_on) FROM indicators WHERE case_id = c.id),
       (SELECT MIN(held_on) FROM conversations WHERE case_id = c.id),
       (SELECT COUNT(*) > 0 FROM coaching_plans WHERE case_id = c.id),
       (SELECT group_concat(value, ',') FROM (
            SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
            WHERE v.case_id = c.id ORDER BY 1))
FROM cases c ORDER BY c.id
"""


def summary(services) -> list[tuple]:
    """Every case's summary row (a case without one reads as empty), causes as 'a,b'."""
    rows = {
        r[0]: r
        for r in services.vault.conn.query(
            "SELECT case_id, first_indicator_on, first_conversation_on, has_plan, root_causes "
            "FROM case_calibration"
        )
    }
    out = []
    for (cid,) in services.vault.conn.query("SELECT id FROM cases ORDER BY id"):
        _c, ind, conv, has_plan, causes = rows.get(cid, (cid, None, None, 0, "[]"))
        out.append((cid, ind, conv, int(has_plan), ",".join(json.loads(causes)) or None))
    assert not set(rows) - {r[0] for r in out}, "a summary row for a case that is gone"
    return out


def recomputed(services) -> list[tuple]:
    return [(c, i, v, int(p), r) for c, i, v, p, r in services.vault.conn.query(RECOMPUTED)]


def check(services) -> list[tuple]:
    got = summary(services)
    assert got == recomputed(services)
    return got


def test_the_summary_equals_a_recomputation_after_every_kind_of_write(services, clock):
    today = clock.today()
    a = open_case(services, number="E1")
    b = open_case(services, name="Ola Nordmann", number="E2", stage="coaching")
    check(services)  # cases without records: nothing to summarise yet

    first = services.cases.add(indicator(a, today - timedelta(days=9)))
    services.cases.add(indicator(a, today - timedelta(days=3)))
    talk = services.cases.add(
        conversation(a, today - timedelta(days=5), root_causes=(RootCause.TOOLS,))
    )
    services.cases.add(
        conversation(
            a, today - timedelta(days=2), root_causes=(RootCause.WORKLOAD, RootCause.TOOLS)
        )
    )
    rows = check(services)
    assert rows[0][1:] == (
        (today - timedelta(days=9)).isoformat(),
        (today - timedelta(days=5)).isoformat(),
        0,
        "tools,workload",
    )

    services.cases.update(replace(first, observed_on=today - timedelta(days=1)))  # edited date
    services.cases.update(replace(talk, root_causes=(RootCause.SKILL_GAP,)))  # edited causes
    rows = check(services)
    assert rows[0][1] == (today - timedelta(days=3)).isoformat()
    assert rows[0][4] == "skill_gap,tools,workload"

    created = services.plans.create(plan(b, agreed_on=today, employee_agreed=True))
    assert check(services)[1][3] == 1
    longer = replace(created, ends_on=created.ends_on + timedelta(days=7))
    services.plans.revise(longer, "Leave", today, True)  # a new version of the plan
    check(services)

    conn = services.vault.conn
    with conn.transaction():  # raw writes: moved to another case, a date edited, deleted
        conn.execute("UPDATE indicators SET case_id = ? WHERE id = ?", (b.id, first.id))
        conn.execute("UPDATE conversations SET held_on = '2020-01-01' WHERE id = ?", (talk.id,))
    rows = check(services)
    assert rows[1][1] == (today - timedelta(days=1)).isoformat() and rows[0][2] == "2020-01-01"
    with conn.transaction():  # only the causes column (each write is checked on its own)
        conn.execute("UPDATE conversations SET root_causes = '[]' WHERE case_id = ?", (a.id,))
    assert check(services)[0][4] is None
    with conn.transaction():
        conn.execute("DELETE FROM indicators WHERE case_id = ?", (a.id,))
    assert check(services)[0][1] is None
    with conn.transaction():
        conn.execute("DELETE FROM coaching_plans WHERE case_id = ?", (b.id,))
    assert check(services)[1][3] == 0
    with conn.transaction():  # a case deleted with its records (ON DELETE CASCADE)
        conn.execute("DELETE FROM conversations WHERE case_id = ?", (a.id,))
        conn.execute("DELETE FROM cases WHERE id = ?", (a.id,))
    assert [r[0] for r in check(services)] == [b.id]


def test_the_case_scan_reads_first_events_from_the_summary(services, clock):
    today = clock.today()
    case = open_case(services, opened_on=today - timedelta(days=20))
    services.cases.add(indicator(case, today - timedelta(days=18)))
    services.cases.add(conversation(case, today - timedelta(days=11)))
    scan = q.case_scan(services.vault.conn, "department")
    (row,) = q.case_timings(services.vault.conn, scan, "2000-01-01", today.isoformat())
    assert row[3] == 7.0  # indicator → first conversation, in days
    with services.vault.conn.transaction():  # the figures follow the summary, not a rescan
        services.vault.conn.execute(
            "UPDATE case_calibration SET first_conversation_on = ? WHERE case_id = ?",
            ((today - timedelta(days=8)).isoformat(), case.id),
        )
    (row,) = q.case_timings(services.vault.conn, scan, "2000-01-01", today.isoformat())
    assert row[3] == 10.0


def test_root_causes_read_closed_cases_by_index_and_the_summary_by_key(services):
    steps = [
        str(r[3])
        for r in services.vault.conn.query(
            "EXPLAIN QUERY PLAN " + q.root_causes_sql("department"),
            {"s": "2026-01-01", "e": "2026-03-16"},
        )
    ]
    assert any("cases_closed" in s for s in steps), steps
    assert "SEARCH f USING INTEGER PRIMARY KEY (rowid=?)" in steps, steps
    assert not any(s.startswith("SCAN") and "conversations" in s for s in steps), steps
    assert not any(s == "SCAN c" or s.startswith("SCAN c ") for s in steps), steps
