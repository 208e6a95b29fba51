"""The audit trail read in SQL a page at a time gives exactly the rows of the old Python
filter: every filter, both orders, any page size, the count, the CSV stream and the CLI JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest

from app.domain.words.audit_wording import describe, when_words
from app.services.audit import audit_listing
from app.services.audit.audit_listing import (
    FIELDS,
    AuditFilter,
    AuditListing,
    audit_csv,
    export_audit_csv,
    filtered_rows,
)
from app.vault.audit import audit_log
from app.vault.audit import record_hash as rh
from tests.factories import conversation, open_case

DAYS = ["2026-03-01", "2026-03-05", "2026-03-03", "2026-03-09", "2026-03-05"]  # clock went back


def _append_raw(vault, items: list[tuple[str, str, str, str, str]]) -> None:
    """(at, officer, action, entity_type, entity_id) events with their own stamps, hashed and
    chained as the writer does (`audit_log.event_hash`)."""
    seq, prev = audit_log.head(vault.conn)
    rows = []
    for at, officer, action, etype, ent in items:
        seq += 1
        h = audit_log.event_hash(seq, at, officer, action, etype, ent, "d" * 64, prev)
        rows.append((seq, at, officer, action, etype, ent, "d" * 64, prev, h))
        prev = h
    with vault.conn.transaction():
        vault.conn.raw.executemany(
            "INSERT INTO audit_events(seq, at, officer, action, entity_type, entity_id, digest,"
            " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
            rows,
        )
        vault.conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{prev}",))


def _reference(vault, f: AuditFilter) -> list[dict[str, object]]:
    """The filter as it was before SQL: every event loaded, the case read from the records."""
    refs = {int(i): str(r) for i, r in vault.conn.query("SELECT id, reference FROM cases")}
    case_of: dict[tuple[str, str], int] = {}
    for table in rh.AUDITED_TABLES:
        cols = {r[1] for r in vault.conn.query(f"PRAGMA table_info({table})")}
        if table == "cases":
            rows = vault.conn.query("SELECT id, id FROM cases")
        elif "case_id" in cols:
            rows = vault.conn.query(f"SELECT id, case_id FROM {table}")  # noqa: S608
        else:
            continue
        case_of.update({(table, str(i)): int(c) for i, c in rows if c is not None})
    wanted = next((i for i, r in refs.items() if r == f.case_reference), None)
    low = f.date_from.isoformat() if f.date_from else ""
    high = f.date_to.isoformat() if f.date_to else ""
    out = []
    for ev in vault.audit_events():
        if f.officer is not None and ev.officer != f.officer:
            continue
        if f.action is not None and f.action not in (ev.action, ev.action.partition(".")[0]):
            continue
        if (low and ev.at[:10] < low) or (high and ev.at[:10] > high):
            continue
        case_id = case_of.get((rh.table_for(ev.entity_type) or "", ev.entity_id))
        if f.case_reference is not None and case_id != wanted:
            continue
        ref = refs.get(case_id, "") if case_id is not None else ""
        out.append(
            {
                "seq": ev.seq,
                "at": ev.at,
                "when": when_words(ev.at),
                "officer": ev.officer,
                "action": ev.action,
                "entity_type": ev.entity_type,
                "entity_id": ev.entity_id,
                "case": ref,
                "detail": describe(ev.officer, ev.action, ev.entity_type, ev.entity_id, ref),
                "record_hash": ev.record_hash or "",
                "hash": ev.hash,
            }
        )
    return out


@pytest.fixture
def trail(services):
    case = open_case(services)
    other = open_case(services, number="E2002", name="Ola Nordmann")
    talk = services.cases.add(conversation(case, services.clock.today() - timedelta(days=1)))
    services.cases.add(conversation(other, services.clock.today()))
    items = []
    for i in range(60):
        day = DAYS[i % len(DAYS)]
        who = ("Lee Other", "Hana Officer", "Ana Third")[i % 3]
        what = [
            ("conversation.edit", "conversation", str(talk.id)),
            ("case.view", "case", str(case.id)),
            ("case.view", "case", str(other.id)),
            ("stage_change.add", "stagechange", "999"),  # a record that is gone: no case
            ("pack", "pack", "7"),  # an action that is its own family
            ("case.view", "case", "0" + str(case.id)),  # not the case's id as written
            ("vault.backup", "vault", ""),
        ][i % 7]
        items.append((f"{day}T{10 + i % 12:02d}:00:00Z", who, *what))
    _append_raw(services.vault, items)
    return services, case, other


FILTERS = [
    AuditFilter(),
    AuditFilter(officer="Lee Other"),
    AuditFilter(action="case.view"),
    AuditFilter(action="case"),
    AuditFilter(action="pack"),
    AuditFilter(action="conversation"),
    AuditFilter(date_from=date(2026, 3, 5)),
    AuditFilter(date_to=date(2026, 3, 3)),
    AuditFilter(date_from=date(2026, 3, 4), date_to=date(2026, 3, 5)),
    AuditFilter(date_from=date(2026, 3, 6), date_to=date(2026, 3, 8)),  # none that day
    AuditFilter(officer="Ana Third", action="case", date_from=date(2026, 3, 2)),
]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
@pytest.mark.parametrize("size", [1, 7, 1000])
def test_pages_give_the_old_rows_newest_first_and_the_count(trail, f, size):
    services, case, _ = trail
    for wanted in (f, AuditFilter(case.reference, f.officer, f.action, f.date_from, f.date_to)):
        expected = _reference(services.vault, wanted)
        listing = AuditListing(services.vault, wanted)
        got, cursor = [], None
        while True:
            rows, cursor = listing.page(cursor, size)
            assert len(rows) <= size
            got += rows
            if cursor is None:
                break
        assert got == expected[::-1]
        assert listing.count() == len(expected)
        assert filtered_rows(services.vault, wanted) == expected


def test_the_case_filter_keeps_the_case_s_records_only(trail):
    services, case, other = trail
    mine = filtered_rows(services.vault, AuditFilter(case_reference=case.reference))
    assert mine and {r["case"] for r in mine} == {case.reference}
    assert "0" + str(case.id) not in {r["entity_id"] for r in mine}
    assert {r["action"] for r in mine} >= {"case.open", "conversation.add", "conversation.edit"}
    theirs = AuditListing(services.vault, AuditFilter(case_reference=other.reference))
    assert theirs.count() == len(_reference(services.vault, theirs.filter))


def test_the_csv_streams_page_by_page_and_matches_the_rows(trail, tmp_path, monkeypatch):
    services, case, _ = trail
    chunks = []
    real = AuditListing.chunks

    def small(self, size=2000):
        for rows in real(self, 5):
            chunks.append(len(rows))
            yield rows

    monkeypatch.setattr(AuditListing, "chunks", small)
    f = AuditFilter(action="case")
    expected = _reference(services.vault, f)
    assert export_audit_csv(services.vault, tmp_path / "a.csv", f) == len(expected)
    assert len(chunks) > 3 and max(chunks) == 5  # never more than a page held
    text = (tmp_path / "a.csv").read_bytes().decode("utf-8")
    assert text == audit_csv(expected)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(FIELDS) and len(rows) == len(expected) + 1
    last = services.vault.audit_events()[-1]
    assert last.action == "audit.export"


def test_the_cli_json_is_the_listing_as_one_array(trail, capsys):
    from app.commands.vault.audit_commands import _print_json

    services, _, _ = trail
    for f in (AuditFilter(), AuditFilter(date_to=date(2000, 1, 1))):
        _print_json(AuditListing(services.vault, f, newest_first=False))
        out = capsys.readouterr().out
        rows = _reference(services.vault, f)
        assert out == json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def test_officers_and_actions_are_listed_without_reading_every_event(trail):
    services, _, _ = trail
    events = services.vault.audit_events()
    assert audit_listing.officers_in_trail(services.vault) == sorted({e.officer for e in events})
    assert audit_listing.actions_in_trail(services.vault) == sorted({e.action for e in events})
