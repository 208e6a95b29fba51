"""The audit chain catches any single edit, deletion or reordering done with raw SQL."""

from __future__ import annotations

import pytest
from sqlcipher3 import dbapi2

from app.vault.audit import audit_log
from tests.factories import conversation, indicator, open_case


@pytest.fixture
def chained(services):
    case = open_case(services)
    for days in range(3):
        services.cases.add(conversation(case, services.clock.today(), summary=f"Talk {days}"))
        services.cases.add(indicator(case, services.clock.today()))
    assert services.vault.verify().chain.ok
    return services


def _raw(services):
    raw = services.vault.conn.raw
    raw.execute("DROP TRIGGER audit_events_no_update")
    raw.execute("DROP TRIGGER audit_events_no_delete")
    return raw


def test_every_write_appends_an_event_naming_officer_and_entity(chained):
    events = chained.vault.audit_events()
    actions = [e.action for e in events]
    assert actions[:2] == ["vault.create", "officer.add"]
    assert actions.index("employee.add") < actions.index("case.open")
    assert actions.count("conversation.add") == 3
    assert all(e.officer == "Hana Officer" for e in events)
    assert all(e.at.endswith("Z") for e in events)
    # Only a digest of the change is kept, never its text.
    rows = chained.vault.conn.query("SELECT * FROM audit_events")
    assert not any("Talk 1" in str(v) for row in rows for v in row)


def test_the_log_refuses_update_and_delete(chained):
    raw = chained.vault.conn.raw
    with pytest.raises(dbapi2.IntegrityError, match="cannot be changed"):
        raw.execute("UPDATE audit_events SET officer = 'x' WHERE seq = 2")
    with pytest.raises(dbapi2.IntegrityError, match="cannot be deleted"):
        raw.execute("DELETE FROM audit_events WHERE seq = 2")


@pytest.mark.parametrize(
    "column, value",
    [
        ("officer", "Someone Else"),
        ("action", "case.close"),
        ("digest", "0" * 64),
        ("at", "2020-01-01T00:00:00Z"),
        ("entity_id", "99"),
    ],
)
def test_editing_any_event_is_caught(chained, column, value):
    raw = _raw(chained)
    raw.execute(f"UPDATE audit_events SET {column} = ? WHERE seq = 4", (value,))
    report = audit_log.verify_chain(chained.vault.conn)
    assert not report.ok and report.first_broken == 4


def test_deleting_a_middle_event_is_caught(chained):
    _raw(chained).execute("DELETE FROM audit_events WHERE seq = 5")
    report = audit_log.verify_chain(chained.vault.conn)
    assert not report.ok and report.first_broken == 5


def test_deleting_the_newest_event_is_caught(chained):
    last, _ = chained.vault.audit_head()
    _raw(chained).execute("DELETE FROM audit_events WHERE seq = ?", (last,))
    report = audit_log.verify_chain(chained.vault.conn)
    assert not report.ok and report.first_broken == last


def test_reordering_two_events_is_caught(chained):
    raw = _raw(chained)
    rows = raw.execute("SELECT * FROM audit_events WHERE seq IN (3, 4) ORDER BY seq").fetchall()
    cols = "at, officer, action, entity_type, entity_id, digest, prev_hash, hash, record_hash"
    marks = ",".join("?" * 9)
    raw.execute(f"UPDATE audit_events SET ({cols}) = ({marks}) WHERE seq = 3", rows[1][1:])
    raw.execute(f"UPDATE audit_events SET ({cols}) = ({marks}) WHERE seq = 4", rows[0][1:])
    report = audit_log.verify_chain(chained.vault.conn)
    assert not report.ok and report.first_broken == 3


def test_a_forged_but_well_hashed_event_still_breaks_the_link(chained):
    raw = _raw(chained)
    ev = chained.vault.audit_events()[5]
    forged = audit_log.event_hash(
        ev.seq,
        ev.at,
        "Forger",
        ev.action,
        ev.entity_type,
        ev.entity_id,
        ev.digest,
        ev.prev_hash,
        ev.record_hash,
    )
    raw.execute(
        "UPDATE audit_events SET officer = 'Forger', hash = ? WHERE seq = ?", (forged, ev.seq)
    )
    report = audit_log.verify_chain(chained.vault.conn)
    assert not report.ok and report.first_broken == ev.seq + 1


def test_a_write_without_an_audit_event_is_rolled_back(services):
    from tests.factories import employee

    with pytest.raises(RuntimeError, match="audit event"), services.vault.write():
        services.vault.employees.add(employee("E7777", "Nobody Audited"))
    assert services.employees.by_number("E7777") is None
