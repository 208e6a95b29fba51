"""Append-only history: every change to a case-owned record keeps the row it replaced, whoever
makes it (a service, an import, raw SQL with the passphrase), and the versions cannot be changed."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlcipher3

from app.domain.records import Decision, Role, Track
from app.services.demo import build_demo
from app.services.services import open_vault
from app.vault.audit import record_hash as rh
from app.vault.audit import record_versions as rv
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.factories import conversation, indicator, observation, open_case
from tests.plan_factories import plan as make_plan

# One column each versioned table may be edited on with raw SQL.
RAW_EDITS = {
    "cases": "stage_entered_on = '2020-01-01'",
    "conversations": "summary = summary || ' (edited)'",
    "indicators": "note = note || ' (edited)'",
    "observations": "body = 'Never said that.'",
    "decisions": "rationale = rationale || ' (edited)'",
    "stage_changes": "reason = reason || ' (edited)'",
    "approvals": "note = note || ' (edited)'",
    "case_exceptions": "reason = reason || ' (edited)'",
    "coaching_plans": "manager = manager || ' (edited)'",
    "plan_progress": "note = note || ' (edited)'",
    "reviews": "location = location || ' (edited)'",
    "review_outcomes": "summary = summary || ' (edited)'",
}


def raw_connection(path):
    raw = sqlcipher3.connect(str(path), isolation_level=None)
    raw.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    return raw


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.casepath"
    build_demo(path, PASSPHRASE).close()
    return path


@pytest.fixture
def demo_copy(demo, tmp_path):
    copy = tmp_path / "copy.casepath"
    shutil.copy(demo, copy)
    return copy


def _newest_event(raw, table: str, row_id: int) -> tuple[int, str]:
    types = rh.entity_types_of(table)
    return raw.execute(
        f"SELECT seq, record_hash FROM audit_events WHERE entity_type IN"  # noqa: S608
        f" ({','.join('?' * len(types))}) AND entity_id = ? AND record_hash IS NOT NULL"
        " ORDER BY seq DESC LIMIT 1",
        (*types, str(row_id)),
    ).fetchone()


def test_every_versioned_table_has_both_triggers_over_every_column(services):
    conn = services.vault.conn
    triggers = dict(conn.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    for table in rv.VERSIONED_TABLES:
        for suffix in ("au", "ad"):
            sql = triggers[f"record_versions_{table}_{suffix}"]
            for column in (r[1] for r in conn.query(f"PRAGMA table_info({table})")):
                assert f"'{column}', json_array(typeof(old.{column})" in sql, (table, column)


@pytest.mark.parametrize("table", sorted(RAW_EDITS))
def test_a_raw_sql_update_and_delete_keep_the_old_row(demo_copy, table):
    raw = raw_connection(demo_copy)
    try:
        row_id = raw.execute(f"SELECT max(id) FROM {table}").fetchone()[0]  # noqa: S608
        cur = raw.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))  # noqa: S608
        before = cur.fetchone()
        cols = [d[0] for d in cur.description]
        seq, written = _newest_event(raw, table, row_id)
        raw.execute(f"UPDATE {table} SET {RAW_EDITS[table]} WHERE id = ?", (row_id,))  # noqa: S608
        kept = raw.execute(
            "SELECT event_seq, change, row_json, case_id FROM record_versions"
            " WHERE tbl = ? AND row_id = ?",
            (table, row_id),
        ).fetchall()
        other = raw.execute(f"SELECT min(id) FROM {table}").fetchone()[0]  # noqa: S608
        raw.execute(f"DELETE FROM {table} WHERE id = ?", (other,))  # noqa: S608
        deleted = raw.execute(
            "SELECT change FROM record_versions WHERE tbl = ? AND row_id = ?", (table, other)
        ).fetchall()
    finally:
        raw.close()
    assert other != row_id and deleted == [("delete",)]
    news = [k for k in kept if k[0] == seq]
    assert len(news) == 1, kept
    event_seq, change, row_json, case_id = news[0]
    assert change == "update"
    values = rv.decode(row_json)
    assert list(values) == cols and tuple(values.values()) == tuple(before)
    assert rh.row_hash(table, list(values), tuple(values.values())) == written
    assert case_id == (row_id if table == "cases" else values["case_id"])
    with Vault.open(demo_copy, PASSPHRASE) as vault:
        report = vault.verify()
        # The edit itself is caught (no event wrote it); the version it kept is genuine.
        assert any(p.table == table and p.row_id == str(row_id) for p in report.records)
        assert not report.versions, report.lines()


def test_a_deleted_row_stays_readable(demo_copy):
    raw = raw_connection(demo_copy)
    try:
        row_id, summary = raw.execute(
            "SELECT id, summary FROM conversations ORDER BY id LIMIT 1"
        ).fetchone()
        raw.execute("DELETE FROM conversations WHERE id = ?", (row_id,))
    finally:
        raw.close()
    with Vault.open(demo_copy, PASSPHRASE) as vault:
        (version,) = rv.versions_of(vault.conn, "conversations", row_id)
    assert version.change == "delete" and version.values()["summary"] == summary


def test_versions_cannot_be_changed_or_deleted(demo_copy):
    raw = raw_connection(demo_copy)
    try:
        assert raw.execute("SELECT count(*) FROM record_versions").fetchone()[0] > 0
        for sql in (
            "UPDATE record_versions SET row_json = '{}'",
            "DELETE FROM record_versions",
            "DELETE FROM record_versions WHERE id = (SELECT min(id) FROM record_versions)",
            "UPDATE record_versions SET event_seq = event_seq + 1",
            "DELETE FROM record_versions_control",
        ):
            with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="cannot"):
                raw.execute(sql)
    finally:
        raw.close()


def _edit(services, case):
    """One service-level edit of every record kind of a case; returns (table, id) edited."""
    today = services.clock.today()
    conv = services.cases.add(conversation(case, today - timedelta(days=2)))
    services.cases.update(replace(conv, summary="Corrected summary", attendees=("Kim",)))
    ind = services.cases.add(indicator(case, today - timedelta(days=2)))
    services.cases.update(replace(ind, actual=31.5))
    obs = services.cases.add(observation(case, today - timedelta(days=1)))
    services.cases.update(replace(obs, text="Hand-overs arrive late."))
    dec = services.cases.add(
        Decision(
            case_id=case.id,
            decided_on=today,
            decided_by="Hana Officer",
            role=Role.HR_OFFICER,
            summary="Weekly check-ins",
        )
    )
    services.cases.update(replace(dec, rationale="Agreed with the manager"))
    p = services.plans.create(make_plan(case))
    services.plans.save(replace(p, manager="Kari Nordmann"))
    services.tracks.change(
        case.id, Track.HIGH_STAKES, "Hana Officer", Role.HR_OFFICER, "Safety concern",
        "Lee Lead", Role.HR_LEAD,
    )  # fmt: skip
    return [
        ("conversations", conv.id),
        ("indicators", ind.id),
        ("observations", obs.id),
        ("decisions", dec.id),
        ("coaching_plans", p.id),
        ("cases", case.id),
    ]


def test_every_record_kind_edited_through_the_services_keeps_its_versions(services):
    case = open_case(services, stage="improvement_plan")  # every record kind is listed there
    edited = _edit(services, case)
    for table, row_id in edited:
        history = services.history.record(table, row_id)
        assert len(history.states) == 2, (table, [s.values for s in history.states])
        first, now = history.states
        assert not first.current and now.current
        assert first.officer == "Hana Officer" and now.officer == "Hana Officer"
        assert history.changes(1), table  # something changed, in words
    conv = services.history.record("conversations", edited[0][1])
    sentences = [c.sentence() for c in conv.changes(1)]
    assert (
        "Summary: changed from “Talked through the missed deadlines.” to “Corrected summary”"
        in (sentences)
    )
    assert any(
        s.startswith("Attendees: changed from “Zoë Ångström, Ola Nordmann”") for s in sentences
    )
    case_history = services.history.record("cases", case.id)
    assert [c.label for c in case_history.changes(1)] == ["Track"]
    assert services.vault.verify().ok


def test_a_review_and_its_outcome_keep_their_versions(tmp_path):
    """The demo reschedules and holds reviews: their earlier versions verify."""
    path = tmp_path / "demo.casepath"
    services = build_demo(path, PASSPHRASE)
    try:
        conn = services.vault.conn
        tables = {t for (t,) in conn.query("SELECT DISTINCT tbl FROM record_versions")}
        assert {"cases", "reviews", "coaching_plans"} <= tables, tables
        report = services.vault.verify()
        assert report.ok and report.versions_checked > 0, report.lines()
    finally:
        services.close()


def _tamper(path, sql: str, params=()):
    raw = raw_connection(path)
    try:
        raw.execute("DROP TRIGGER record_versions_no_update")
        raw.execute("DROP TRIGGER record_versions_no_delete")
        raw.execute(sql, params)
    finally:
        raw.close()


def _first_version(path) -> tuple[int, str, int]:
    raw = raw_connection(path)
    try:
        return raw.execute(
            "SELECT id, tbl, row_id FROM record_versions WHERE tbl = 'conversations' ORDER BY id"
        ).fetchone()
    finally:
        raw.close()


def test_verify_names_an_edited_version(services, tmp_path):
    case = open_case(services)
    conv = services.cases.add(conversation(case, services.clock.today()))
    services.cases.update(replace(conv, summary="Second"))
    path = services.vault.path
    services.close()
    vid, table, row = _first_version(path)
    _tamper(
        path,
        "UPDATE record_versions SET row_json = json_set(row_json, '$.summary[1]', 'Forged')"
        " WHERE id = ?",
        (vid,),
    )
    with Vault.open(path, PASSPHRASE) as vault:
        report = vault.verify()
    text = "\n".join(report.lines())
    assert not report.ok
    assert f"version {vid} of conversations row {row}: does not match" in text, text
    assert "Forged" not in text


def test_verify_names_a_deleted_version(services):
    case = open_case(services)
    conv = services.cases.add(conversation(case, services.clock.today()))
    services.cases.update(replace(conv, summary="Second"))
    path = services.vault.path
    services.close()
    vid, table, row = _first_version(path)
    _tamper(path, "DELETE FROM record_versions WHERE id = ?", (vid,))
    with Vault.open(path, PASSPHRASE) as vault:
        report = vault.verify()
    text = "\n".join(report.lines())
    assert not report.ok
    assert f"conversations row {row}: the version replaced at event" in text, text


def test_erasing_a_case_is_the_documented_way_to_remove_history(services):
    keep = open_case(services)
    gone = open_case(services, name="Kim Lee", number="E2002")
    for case in (keep, gone):
        conv = services.cases.add(conversation(case, services.clock.today()))
        services.cases.update(replace(conv, summary="Second"))
    conn = services.vault.conn
    with services.vault.write() as w, rv.erasing(conn):
        conn.execute("DELETE FROM record_versions WHERE case_id = ?", (gone.id,))
        conn.execute("DELETE FROM cases WHERE id = ?", (gone.id,))
        w.audit("case.erase", "case", gone.id, {})
    assert conn.scalar("SELECT count(*) FROM record_versions WHERE case_id = ?", (gone.id,)) == 0
    assert conn.scalar("SELECT count(*) FROM record_versions WHERE case_id = ?", (keep.id,)) > 0
    assert conn.scalar("SELECT erasing FROM record_versions_control") == 0
    report = services.vault.verify()
    assert not report.versions, report.lines()
    with pytest.raises(Exception, match="cannot be deleted"), services.vault.write() as w:
        conn.execute("DELETE FROM record_versions WHERE case_id = ?", (keep.id,))
        w.audit("case.erase", "case", keep.id, {})


def test_a_column_added_later_is_versioned_too(services):
    conn = services.vault.conn
    with conn.transaction():
        conn.execute("ALTER TABLE observations ADD COLUMN mood TEXT NOT NULL DEFAULT 'calm'")
    assert rv.install(conn) == 2  # both observation triggers rewritten, nothing else
    assert rv.install(conn) == 0
    case = open_case(services)
    obs = services.cases.add(observation(case, services.clock.today()))
    services.cases.update(replace(obs, text="Changed"))
    (version,) = rv.versions_of(conn, "observations", obs.id)
    assert version.values()["mood"] == "calm"


def test_an_upgraded_vault_versions_from_the_upgrade_on(tmp_path):
    """A vault written before schema 12 opens, keeps versions from then on, and verifies."""
    from tests.unit.vault.test_migrations import FIXTURES

    copy = tmp_path / "v5.casepath"
    shutil.copy(FIXTURES / "v5.casepath", copy)
    services = open_vault(copy, (FIXTURES / "PASSPHRASE").read_text().strip())
    try:
        assert services.vault.conn.user_version() >= rv.VERSIONS_VERSION
        open_cases = [c for c in services.cases.all() if c.status.value == "open"]
        conv = next(c for case in open_cases for c in services.cases.conversations(case.id))
        services.cases.update(replace(conv, summary="After the upgrade"))
        history = services.history.record("conversations", conv.id)
        assert [s.current for s in history.states] == [False, True]
        assert history.states[0].what == "Recorded before history was kept"
        begins = [e for e in services.vault.audit_events() if e.action == rv.BEGIN_ACTION]
        assert len(begins) == 1 and int(begins[0].entity_id) == rv.beginning(services.vault.conn)
        assert 0 < rv.beginning(services.vault.conn) < begins[0].seq
        report = services.vault.verify()
        assert report.ok and report.versions_checked >= 1, report.lines()
    finally:
        services.close()


def test_history_json_names_fields_in_words(services):
    case = open_case(services)
    conv = services.cases.add(conversation(case, date(2026, 3, 10)))
    services.cases.update(replace(conv, summary="Second"))
    data = services.history.record("conversations", conv.id).as_json()
    text = json.dumps(data, ensure_ascii=False)
    assert data["record"] == f"conversation:{conv.id}"
    assert data["versions"][1]["changes"] == [
        {"field": "Summary", "before": "Talked through the missed deadlines.", "after": "Second"}
    ]
    assert "Root causes" in data["versions"][0]["fields"]
    assert "root_causes" not in text and "held_on" not in text
