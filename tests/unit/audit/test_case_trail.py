"""A pack's audit appendix reads one case's events through the entity index, and they are
exactly the events the Audit window and `casepath audit --case` list for that case."""

from __future__ import annotations

import pytest

from app.domain.attachments import AttachmentOwner
from app.services.audit.audit_listing import AuditFilter, filtered_rows
from app.services.audit.case_trail import case_events, case_trail
from app.services.demo import build_demo
from app.vault.audit import record_hash as rh
from tests.factories import conversation, open_case


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    svc = build_demo(tmp_path_factory.mktemp("demo") / "demo.casepath")
    yield svc
    svc.close()


def _listed(vault, reference: str) -> list[tuple[int, str, str, str]]:
    rows = filtered_rows(vault, AuditFilter(case_reference=reference))
    return [(int(r["seq"]), str(r["when"]), str(r["officer"]), str(r["detail"])) for r in rows]


def test_every_demo_case_has_the_trail_the_audit_listing_shows(demo):
    cases = demo.vault.conn.query("SELECT id, reference FROM cases ORDER BY id")
    assert len(cases) > 5
    non_empty = 0
    for case_id, reference in cases:
        trail = case_trail(demo.vault, int(case_id), str(reference))
        assert trail == _listed(demo.vault, str(reference)), reference
        non_empty += bool(trail)
    assert non_empty == len(cases)  # every case has at least its opening


def test_records_of_other_cases_and_deleted_records_stay_out(services):
    case = open_case(services)
    other = open_case(services, number="E2002", name="Ola Nordmann")
    kept = services.cases.add(conversation(case, services.clock.today()))
    theirs = services.cases.add(conversation(other, services.clock.today()))
    gone = services.attachments.add_bytes(AttachmentOwner.CONVERSATION, kept.id, "a.txt", b"x")
    services.attachments.remove(gone.id)
    mine = {(kind, key) for *_, kind, key in case_events(services.vault, case.id)}
    assert ("case", str(case.id)) in mine and ("conversation", str(kept.id)) in mine
    assert ("conversation", str(theirs.id)) not in mine and ("case", str(other.id)) not in mine
    assert ("attachment", str(gone.id)) not in mine  # a removed record names only its id
    assert case_trail(services.vault, case.id, case.reference) == _listed(
        services.vault, case.reference
    )


def test_each_table_is_read_through_the_entity_index(services):
    case = open_case(services)
    conn = services.vault.conn
    types = rh.entity_types_of("conversations")
    plan = conn.query(
        f"EXPLAIN QUERY PLAN SELECT seq FROM audit_events WHERE entity_type IN "  # noqa: S608
        f"({','.join('?' * len(types))}) AND entity_id IN "
        "(SELECT CAST(id AS TEXT) FROM conversations WHERE case_id = ?)",
        (*types, case.id),
    )
    details = " | ".join(str(r[-1]) for r in plan)
    assert "audit_events_entity" in details, details
    assert "SCAN audit_events" not in details, details
