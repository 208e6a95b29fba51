"""Every filter of the audit viewer reads an index (EXPLAIN QUERY PLAN), for its page and for
its count: none scans the whole trail, and the pages that can come in seq order do, without
sorting. The figures are in bench/bench_audit_viewer.py and docs/PERFORMANCE.md."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.audit.audit_listing import AuditFilter, AuditListing
from app.vault.audit import audit_query as aq
from tests.factories import conversation, open_case


@pytest.fixture
def case(services, clock):
    case = open_case(services)
    services.cases.add(conversation(case, clock.today()))
    return case


def plan(services, sql: str, params: tuple) -> list[str]:
    return [str(r[3]) for r in services.vault.conn.query("EXPLAIN QUERY PLAN " + sql, params)]


def steps_on_events(steps: list[str]) -> list[str]:
    return [s for s in steps if " audit_events" in s]


IN_ORDER = {  # filter -> the index its page walks in seq order, stopping after a page
    "officer": (AuditFilter(officer="Hana Officer"), "audit_events_officer (officer=?"),
    "action": (AuditFilter(action="case.open"), "audit_events_action (action=?"),
    "family": (AuditFilter(action="case"), "audit_events_action (action=?"),
    "days": (
        AuditFilter(date_from=date(2000, 1, 1), date_to=date(2999, 1, 1)),
        "INTEGER PRIMARY KEY (rowid>",
    ),
}


@pytest.mark.parametrize("name", sorted(IN_ORDER))
@pytest.mark.parametrize("newest_first", [True, False])
def test_each_filter_s_page_reads_its_index_in_seq_order(services, case, name, newest_first):
    f, index = IN_ORDER[name]
    listing = AuditListing(services.vault, f, newest_first)
    for after in (None, 3):
        steps = plan(
            services, *aq.page_sql(services.vault.conn, listing.query, after, 50, newest_first)
        )
        on_events = steps_on_events(steps)
        assert on_events and all(index in s for s in on_events), steps
        # A family merges one ordered read per action: it sorts at most a page from each.
        assert name == "family" or not any("TEMP B-TREE" in s for s in steps), steps


def test_the_case_filter_probes_the_entity_index_with_the_case_s_records(services, case):
    listing = AuditListing(services.vault, AuditFilter(case_reference=case.reference))
    conn = services.vault.conn
    for sql, params in (
        aq.page_sql(conn, listing.query, None, 50),
        aq.count_sql(conn, listing.query),
    ):
        steps = plan(services, sql, params)
        on_events = steps_on_events(steps)
        assert on_events and all(
            "audit_events_entity (entity_type=? AND entity_id=?)" in s for s in on_events
        ), steps
        # The records come from each table's case index, never a scan of a table.
        assert not [
            s for s in steps if s.startswith("SCAN") and s not in ("SCAN k", "SCAN CONSTANT ROW")
        ], steps
        assert any("conversations_case (case_id=?)" in s for s in steps), steps


@pytest.mark.parametrize(
    "f, index",
    [
        (AuditFilter(officer="Hana Officer"), "COVERING INDEX audit_events_officer (officer=?)"),
        (AuditFilter(action="case.open"), "COVERING INDEX audit_events_action (action=?)"),
        (AuditFilter(action="case"), "COVERING INDEX audit_events_action (action=?)"),
        (AuditFilter(date_from=date(2000, 1, 1)), "COVERING INDEX audit_events_at (at>?)"),
        (
            AuditFilter(date_from=date(2000, 1, 1), date_to=date(2999, 1, 1)),
            "COVERING INDEX audit_events_at (at>? AND at<?)",
        ),
    ],
    ids=repr,
)
def test_each_filter_s_count_reads_only_its_index(services, case, f, index):
    listing = AuditListing(services.vault, f)
    steps = plan(services, *aq.count_sql(services.vault.conn, listing.query))
    assert len(steps) == 1 and index in steps[0], steps


def test_the_unfiltered_first_page_reads_the_newest_rows_and_stops(services, case):
    listing = AuditListing(services.vault, AuditFilter())
    steps = plan(services, *aq.page_sql(services.vault.conn, listing.query, None, 50))
    assert steps == ["SCAN audit_events"], steps  # rowid order backwards: no sort, LIMIT stops it
    sql, _ = aq.page_sql(services.vault.conn, listing.query, None, 50)
    assert sql.endswith("ORDER BY seq DESC LIMIT ?")


def test_the_date_range_bounds_come_from_the_time_index(services, case):
    f = AuditFilter(date_from=date(2000, 1, 1), date_to=date(2999, 1, 1))
    q = AuditListing(services.vault, f).query
    events = services.vault.audit_events()
    assert (q.seq_from, q.seq_to) == (events[0].seq, events[-1].seq)
    none = AuditListing(services.vault, AuditFilter(date_to=date(2000, 1, 1))).query
    assert none.seq_from > none.seq_to  # an empty range reads nothing
    steps = plan(
        services,
        "SELECT min(seq), max(seq) FROM audit_events INDEXED BY audit_events_at WHERE at >= ?",
        ("2000-01-01",),
    )
    assert any("COVERING INDEX audit_events_at" in s for s in steps), steps


@pytest.mark.parametrize("column", ["officer", "action"])
def test_officers_and_actions_are_read_by_index_seeks(services, case, column):
    for bounds in ((), ("case.", "case/")):
        steps = plan(services, *aq.distinct_sql(column, *bounds))
        on_events = steps_on_events(steps)
        assert on_events and all(f"COVERING INDEX audit_events_{column}" in s for s in on_events)
        assert not any(s.startswith("SCAN audit_events") for s in steps), steps
    assert aq.distinct(services.vault.conn, "officer") == ["Hana Officer"]
    assert aq.distinct(services.vault.conn, "action", "case.", "case/") == ["case.open"]
