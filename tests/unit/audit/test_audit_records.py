"""The chain commits to the data: the canonical record hash, sealing, baselines on upgrade."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

from app.vault import migrations
from app.vault.audit import audit_log, record_check
from app.vault.audit import record_hash as rh
from app.vault.connection import Connection
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.factories import conversation, open_case
from tests.unit.vault.test_migrations import _vault_at

TOOL = Path(__file__).resolve().parents[3] / "tools" / "verify_audit.py"


def _tool():
    spec = importlib.util.spec_from_file_location("verify_audit", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_record_hash_is_the_documented_recipe():
    cols, values = ["id", "body", "expected", "blob", "none"], (7, "Café", 1.5, b"abc", None)
    row = {
        "id": ["integer", "7"],
        "body": ["text", "Café"],
        "expected": ["real", (1.5).hex()],
        "blob": ["blob", hashlib.sha256(b"abc").hexdigest()],
        "none": ["null", None],
    }
    text = json.dumps(
        {"table": "observations", "row": row},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert rh.row_hash("observations", cols, values) == expected
    assert expected == "556701b717b32539f40f6a8263d93ae4232dc76b956a83f484ef20d9a268723a"
    # A change of Unicode normal form is a change.
    assert rh.row_hash("observations", cols, (7, "Cafe\u0301", 1.5, b"abc", None)) != expected
    assert _tool().row_hash("observations", cols, values) == expected


def test_every_event_about_a_record_carries_its_hash(services):
    case = open_case(services)
    stored = services.cases.add(conversation(case, services.clock.today()))
    ev = [e for e in services.vault.audit_events() if e.action == "conversation.add"][-1]
    assert ev.record_hash == rh.current_hash(services.vault.conn.raw, "conversations", stored.id)
    assert ev.expected_hash() == ev.hash
    report = services.vault.verify()
    assert report.ok and report.records_checked >= 4, report.lines()


def test_a_write_the_service_did_not_audit_is_sealed_before_commit(services):
    case = open_case(services)
    with services.vault.write() as w:
        services.vault.conn.execute("UPDATE cases SET stage = 'x' WHERE id = ?", (case.id,))
        w.audit("demo.enrich", "vault", "", {})
    sealed = services.vault.audit_events()[-1]
    assert (sealed.action, sealed.entity_type, sealed.entity_id) == (
        "record.write",
        "case",
        str(case.id),
    )
    assert services.vault.verify().ok


def test_a_write_outside_vault_write_is_not_sealed_later(services):
    case = open_case(services)
    services.vault.conn.execute("UPDATE cases SET stage = 'y' WHERE id = ?", (case.id,))
    with services.vault.write() as w:  # a later, unrelated write
        w.audit("demo.enrich", "vault", "", {})
    problems = services.vault.verify().records
    assert [(p.table, p.row_id) for p in problems] == [("cases", str(case.id))]


def test_an_old_vault_gets_one_baseline_event_per_record(tmp_path):
    path = tmp_path / "v5.casepath"
    _vault_at(path, 5)
    with Vault.open(path, PASSPHRASE) as vault:
        baseline = [e for e in vault.audit_events() if e.action == "record.baseline"]
        assert {(e.entity_type, e.officer) for e in baseline} == {
            ("officer", record_check.UPGRADE_ACTOR),
            ("employee", record_check.UPGRADE_ACTOR),
        }
        assert vault.verify().ok
        assert vault.conn.scalar("SELECT value FROM meta WHERE key = 'vault_id'")
    with Vault.open(path, PASSPHRASE) as vault:  # only once
        again = [e for e in vault.audit_events() if e.action == "record.baseline"]
        assert len(again) == len(baseline)


def test_a_later_migration_rebaselines_intact_rows_but_not_tampered_ones(services, monkeypatch):
    case = open_case(services)
    a = services.cases.add(conversation(case, services.clock.today(), summary="A"))
    b = services.cases.add(conversation(case, services.clock.today(), summary="B"))
    conn = services.vault.conn
    conn.execute("UPDATE conversations SET summary = 'tampered' WHERE id = ?", (b.id,))
    path = services.vault.path
    services.close()

    later = migrations.Migration(
        99,
        "0099_extra.sql",
        "ALTER TABLE conversations ADD COLUMN extra TEXT NOT NULL DEFAULT '';\n"
        "PRAGMA user_version = 99;",
    )
    real = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: [*real, later])
    conn = Connection.open(path, PASSPHRASE)
    migrations.upgrade(conn, PASSPHRASE)
    problems = record_check.verify_records(conn)
    assert [(p.table, p.row_id) for p in problems] == [("conversations", str(b.id))]
    rebased = audit_log.events(conn, "conversation", a.id)[-1]
    assert rebased.action == "record.baseline" and rebased.record_hash != audit_log.GENESIS
    conn.close()


def test_the_receipt_names_the_event_it_was_written_in(services):
    receipt = services.vault.audit_receipt()
    seq, h = services.vault.audit_head()
    assert (receipt["seq"], receipt["head_hash"]) == (seq, h)
    assert services.vault.audit_events()[-1].action == "audit.receipt"
    assert services.vault.verify(receipt).ok
    assert services.vault.verify({**receipt, "head_hash": "0" * 64}).receipt_problems
    assert services.vault.verify({"format": "x"}).receipt_problems
