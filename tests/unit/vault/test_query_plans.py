"""The case list's hot queries use their indexes (EXPLAIN QUERY PLAN), and search pages in SQL.

No wall-clock here: the figures are in bench/run.py and docs/PERFORMANCE.md. These tests fail
when a query falls back to sorting every open case, or a search reads every hit first.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.escalation.flags import Flag
from app.domain.records import Track
from app.services.cases.case_list import SORT_KEYS, CaseQuery, search_hits
from app.vault.repositories import case_repository
from app.vault.repositories.case_repository import count_sql, rows_sql
from tests.factories import conversation, employee

DEPARTMENTS = ["Finance", "Logistics", "Operations"]


@pytest.fixture
def many(services, clock):
    """30 cases over 10 employees; every third case has two conversations saying 'forklift'."""
    emps = [
        services.employees.add(employee(f"E{i:03d}", f"Person {i:02d}", DEPARTMENTS[i % 3]))
        for i in range(10)
    ]
    cases = []
    for i in range(30):
        track = Track.HIGH_STAKES if i % 4 == 0 else Track.STANDARD
        case = services.cases.open_case(
            emps[i % 10].id,
            stage="formal_concern" if track is Track.HIGH_STAKES else "coaching",
            track=track,
        )
        cases.append(case)
        if i % 3 == 0:
            for _ in range(2):
                services.cases.add(conversation(case, clock.today(), summary="Forklift left on."))
    return cases


def plan(services, sql: str, params: tuple, top: bool = False) -> list[str]:
    """The plan's steps; with ``top`` only the outer query's (parent 0), not sub-selects'."""
    rows = services.vault.conn.query("EXPLAIN QUERY PLAN " + sql, params)
    return [str(r[3]) for r in rows if not top or r[1] == 0]


@pytest.mark.parametrize("sort", sorted(SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_first_screen_of_every_sort_reads_an_index_in_order(services, many, sort, descending):
    steps = plan(services, *rows_sql(CaseQuery(sort=sort, descending=descending)))
    # "FOR LAST TERM/RIGHT PART OF ORDER BY" sorts one small group at a time and stops with
    # the page; a plain "FOR ORDER BY" would sort every open case before the first row.
    assert not any(s == "USE TEMP B-TREE FOR ORDER BY" for s in steps), steps
    assert "USING" in steps[0] and "INDEX" in steps[0], steps


def test_open_case_count_reads_one_covering_index_and_joins_nothing(services, many):
    steps = plan(services, *count_sql(CaseQuery()))
    assert len(steps) == 1 and "COVERING INDEX" in steps[0], steps
    sql, _ = count_sql(CaseQuery())
    assert "employees" not in sql and "officers" not in sql


def test_department_count_probes_the_employee_index(services, many):
    steps = plan(services, *count_sql(CaseQuery(department="Finance")))
    # One department's employees, then their open cases: not a probe per open case.
    assert "employees_department" in steps[0], steps
    assert "cases_employee_status" in steps[1], steps


def test_hit_stream_reads_the_fts_index_by_rowid(services, many):
    sql = (
        "SELECT rowid, case_id FROM case_text WHERE case_text MATCH ? AND rowid < ?"
        " ORDER BY rowid DESC LIMIT ?"
    )
    steps = plan(services, sql, ('"forklift"', 10**9, 10))
    assert any("VIRTUAL TABLE INDEX" in s for s in steps), steps
    assert not any("TEMP B-TREE" in s for s in steps), steps


def test_every_sort_gives_the_same_rows_as_the_id_query(services, many):
    for sort in SORT_KEYS:
        for descending in (False, True):
            for base in (CaseQuery(), CaseQuery(department="Finance"), CaseQuery(status=None)):
                q = replace(base, sort=sort, descending=descending)
                assert [r.id for r in services.cases.rows(q, 0, 1000)] == services.cases.ids(q)


def test_search_hits_page_newest_first_each_case_once(services, many, monkeypatch):
    monkeypatch.setattr(case_repository, "HIT_CHUNK", 3)  # several FTS reads per page
    q = CaseQuery(search="forklift")
    seen: set[int] = set()
    pages, cursor = [], None
    while True:
        page, cursor = search_hits(services, q, cursor, 4, seen)
        pages.append([r.id for r in page])
        if cursor is None:
            break
    got = [i for p in pages for i in p]
    assert all(len(p) <= 4 for p in pages) and len(pages) >= 3
    assert len(got) == len(set(got))  # two conversations per case, listed once
    assert set(got) == set(services.cases.ids(q))
    assert got == sorted(got, reverse=True)  # newest entry first: later cases first here


def test_search_hits_keep_the_other_filters(services, many):
    q = CaseQuery(search="forklift", department="Finance", track=Track.HIGH_STAKES)
    rows, cursor = search_hits(services, q, None, 200, set())
    assert cursor is None
    assert {r.id for r in rows} == set(services.cases.ids(q))
    assert rows and all(r.department == "Finance" and r.track is Track.HIGH_STAKES for r in rows)


def test_search_hits_stop_after_a_page(services, many, monkeypatch):
    """The first page must not read the rest of the index."""
    calls: list[str] = []
    conn = services.vault.conn
    real = conn.query

    def spy(sql, params=()):
        calls.append(sql)
        return real(sql, params)

    monkeypatch.setattr(conn, "query", spy)
    rows, cursor = search_hits(services, CaseQuery(search="forklift"), None, 2, set())
    assert len(rows) == 2 and cursor is not None
    assert sum("case_text" in c for c in calls) == 1  # one FTS read of HIT_CHUNK rows


@pytest.mark.parametrize("flag", list(Flag))
def test_flag_filters_page_in_sort_order(services, many, clock, flag):
    q = replace(CaseQuery(), **services.escalation.flag_filter(flag, clock.today()))
    steps = plan(services, *rows_sql(q), top=True)
    assert "USE TEMP B-TREE FOR ORDER BY" not in steps, steps
    assert "cases_open_reference" in steps[0], steps  # the sort's index drives the page


def test_stalled_filter_excludes_the_paused_few_instead_of_listing_every_case(
    services, many, clock
):
    q = replace(CaseQuery(), **services.escalation.flag_filter(Flag.STALLED, clock.today()))
    assert q.case_ids_sql is None and q.excluded_ids_sql
    for sql, params in (rows_sql(q), count_sql(q)):
        steps = plan(services, sql, params)
        assert not any("SCAN cases" in s for s in steps), steps
