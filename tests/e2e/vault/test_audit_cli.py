"""Audit receipts, `verify --receipt`, the stand-alone verifier and officers, as a script would
use them: `casepath` and `tools/verify_audit.py` as subprocesses."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.vault.vault import Vault
from tests.e2e.cli_runner import run_casepath
from tests.unit.audit.audit_tamper_corpus import rehash_after_edit, tamperer

ROOT = Path(__file__).resolve().parents[3]
TOOL = ROOT / "tools" / "verify_audit.py"
PASS = "an end-to-end passphrase"


def casepath(*args: object, check: bool = True) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASS, check=check)


def verifier(*args: object) -> subprocess.CompletedProcess:
    """The third party's run: isolated mode, outside the checkout, only sqlcipher3."""
    env = {**os.environ, "CASEPATH_PASSPHRASE": PASS}
    return subprocess.run(
        [sys.executable, "-I", str(TOOL), *map(str, args)],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("audit") / "demo.casepath"
    casepath("demo", path)
    return path


@pytest.fixture
def vault(demo, tmp_path) -> Path:
    copy = tmp_path / "copy.casepath"
    shutil.copy(demo, copy)
    return copy


def test_a_receipt_proves_the_history_and_catches_a_full_rehash(vault, tmp_path):
    receipt = tmp_path / "receipt.json"
    out = casepath("audit-receipt", vault, "--out", receipt).stdout
    assert stat.S_IMODE(receipt.stat().st_mode) == 0o600
    doc = json.loads(receipt.read_text())
    assert set(doc) == {"format", "vault_id", "seq", "head_hash", "issued_at"}
    assert f"event {doc['seq']}" in out and len(doc["head_hash"]) == 64
    again = casepath("audit-receipt", vault, "--out", receipt, check=False)
    assert again.returncode == 2 and "already exists" in again.stderr

    good = casepath("verify", vault, "--receipt", receipt).stdout
    assert f"history up to event {doc['seq']} is unchanged" in good
    assert "Records: all" in good

    raw = tamperer(vault, PASS)
    rehash_after_edit(raw)
    raw.close()
    assert casepath("verify", vault).returncode == 0  # the documented limit without a receipt
    caught = casepath("verify", vault, "--receipt", receipt, check=False)
    assert caught.returncode == 1
    assert f"Receipt: event {doc['seq']} no longer has the hash" in caught.stdout
    assert verifier(vault, "--receipt", receipt).returncode == 1


def test_a_receipt_from_another_vault_or_not_a_receipt_is_refused(vault, demo, tmp_path):
    other = tmp_path / "other.casepath"
    casepath("init", other, "--name", "Other Officer")
    receipt = tmp_path / "r.json"
    casepath("audit-receipt", other, "--out", receipt)
    done = casepath("verify", vault, "--receipt", receipt, check=False)
    assert done.returncode == 1 and "another vault" in done.stdout
    junk = tmp_path / "junk.json"
    junk.write_text("not json")
    done = casepath("verify", vault, "--receipt", junk, check=False)
    assert done.returncode == 2 and "not a Casepath audit receipt" in done.stderr


def test_the_stand_alone_verifier_agrees_with_casepath(vault, tmp_path):
    source = TOOL.read_text()
    assert "from app" not in source and "import app" not in source
    assert len(source.splitlines()) < 230
    ok = verifier(vault)
    assert ok.returncode == 0 and "OK: chain, records and versions hold" in ok.stdout, ok.stderr
    receipt = tmp_path / "r.json"
    casepath("audit-receipt", vault, "--out", receipt)
    assert verifier(vault, "--receipt", receipt).returncode == 0

    raw = tamperer(vault, PASS)
    row = raw.execute("SELECT min(id) FROM conversations").fetchone()[0]
    raw.execute("UPDATE conversations SET summary = 'rewritten' WHERE id = ?", (row,))
    raw.execute("DELETE FROM decisions WHERE id = (SELECT min(id) FROM decisions)")
    vid, table, vrow = raw.execute(
        "SELECT id, tbl, row_id FROM record_versions ORDER BY id LIMIT 1"
    ).fetchone()
    raw.execute(
        "UPDATE record_versions SET row_json = json_set(row_json, '$.id[1]', 999999) WHERE id = ?",
        (vid,),
    )
    raw.close()
    bad = verifier(vault)
    assert bad.returncode == 1
    assert f"conversations row {row}: differs from event" in bad.stdout
    assert "decisions row" in bad.stdout and "rewritten" not in bad.stdout
    assert f"version {vid} of {table} row {vrow}: differs from event" in bad.stdout
    app_view = casepath("verify", vault, check=False)
    assert app_view.returncode == 1 and f"conversations row {row}" in app_view.stdout
    assert f"version {vid} of {table} row {vrow}: does not match" in app_view.stdout
    assert verifier(vault.with_name("missing.casepath")).returncode == 2


def test_officers_add_list_retire_and_unknown_refused(vault):
    casepath("officer", "add", vault, "Bea Lead", "--role", "lead", "--email", "bea@example.org")
    listed = json.loads(casepath("officer", "list", vault, "--json").stdout)
    assert [o["name"] for o in listed] == ["Morgan Reyes", "Bea Lead"]
    assert listed[1]["role"] == "hr_lead" and listed[1]["retired_on"] is None
    dup = casepath("officer", "add", vault, "bea lead", check=False)
    assert dup.returncode == 2 and "already an officer" in dup.stderr

    unknown = casepath("cases", vault, "--officer", "Nobody Here", check=False)
    assert unknown.returncode == 2
    assert "No active officer named 'Nobody Here'" in unknown.stderr
    assert "Morgan Reyes, Bea Lead" in unknown.stderr

    casepath("officer", "add", vault, "Cy Officer", "--officer", "Bea Lead")
    casepath("officer", "retire", vault, "Cy Officer", "--officer", "Bea Lead")
    with Vault.open(vault, PASS) as v:
        events = v.audit_events()
        assert [(e.action, e.officer) for e in events[-2:]] == [
            ("officer.add", "Bea Lead"),
            ("officer.retire", "Bea Lead"),
        ]
        assert all(e.officer for e in events)
        assert v.verify().ok
    retired = casepath("cases", vault, "--officer", "Cy Officer", check=False)
    assert retired.returncode == 2 and "No active officer named 'Cy Officer'" in retired.stderr
    casepath("officer", "retire", vault, "Bea Lead")
    last = casepath("officer", "retire", vault, "Morgan Reyes", check=False)
    assert last.returncode == 2 and "only active officer" in last.stderr
    assert "retired" in casepath("officer", "list", vault).stdout


def test_audit_listing_by_case_and_officer(vault):
    casepath("officer", "add", vault, "Bea Lead")
    everything = json.loads(casepath("audit", vault, "--json").stdout)
    assert [e["seq"] for e in everything] == list(range(1, len(everything) + 1))
    assert {"seq", "at", "officer", "action", "entity_type", "entity_id"} <= set(everything[0])
    by_bea = json.loads(casepath("audit", vault, "--officer", "Morgan Reyes", "--json").stdout)
    assert by_bea and all(e["officer"] == "Morgan Reyes" for e in by_bea)
    with Vault.open(vault, PASS) as v:
        ref, case_id = v.conn.query("SELECT reference, id FROM cases ORDER BY id LIMIT 1")[0]
        conv_ids = {
            str(r[0])
            for r in v.conn.query("SELECT id FROM conversations WHERE case_id = ?", (case_id,))
        }
    case_events = json.loads(casepath("audit", vault, "--case", ref, "--json").stdout)
    assert any(e["entity_type"] == "case" and e["entity_id"] == str(case_id) for e in case_events)
    assert {e["entity_id"] for e in case_events if e["entity_type"] == "conversation"} == conv_ids
    assert all(e["entity_type"] != "employee" for e in case_events)
    text = casepath("audit", vault, "--case", ref).stdout
    assert f"{len(case_events)} events." in text
    assert "Morgan Reyes opened case " + ref in text  # each event in words
    adds = json.loads(casepath("audit", vault, "--action", "conversation", "--json").stdout)
    assert adds and all(e["action"].startswith("conversation.") for e in adds)
    future = casepath("audit", vault, "--from", "2035-01-01", "--to", "2035-12-31").stdout
    assert "0 events." in future
    wrong = casepath("audit", vault, "--action", "dance", check=False)
    assert wrong.returncode == 2 and "Actions in the trail: " in wrong.stderr
    out = vault.parent / "audit.csv"
    assert "events written" in casepath("audit", vault, "--case", ref, "--csv", out).stdout
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_text("utf-8").splitlines()[0].startswith("seq,at,when,officer,action")
    unknown = casepath("audit", vault, "--case", "NOPE-1", check=False)
    assert unknown.returncode == 2 and "No case with reference 'NOPE-1'" in unknown.stderr
    nobody = casepath("audit", vault, "--officer", "Nobody", check=False)
    assert nobody.returncode == 2 and "Morgan Reyes" in nobody.stderr
