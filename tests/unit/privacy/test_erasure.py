"""Erasure: a case or an employee goes with every record, attachment and search entry; a legal
hold refuses it; the chain still verifies; the decrypted pages hold no trace of the name."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.cli import main
from app.domain.attachments import AttachmentOwner
from app.domain.records import Outcome
from app.services.services import open_vault
from app.vault.privacy import erasure
from app.vault.repositories.hold_repository import CaseOnHold
from tests.conftest import PASSPHRASE
from tests.factories import conversation, employee, indicator, observation, open_case
from tests.plan_factories import objective, plan, review
from tests.privacy_factories import close_case

NAME = "Zoë Ångström"
OTHER = "Łukasz Żółć"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def people(services, clock):
    """Zoë with a closed case full of records and an attachment; Łukasz with his own case."""
    zoe = open_case(services, name=NAME, number="E1001", stage="coaching")
    conv = services.cases.add(
        conversation(zoe, date(2023, 12, 1), summary=f"{NAME} said the workload doubled.")
    )
    services.cases.add(indicator(zoe, date(2023, 12, 2), note=f"{NAME} closed 28 tickets"))
    services.cases.add(observation(zoe, date(2023, 12, 3), text=f"Met {NAME} in room Qxzvkj."))
    services.attachments.add_bytes(
        AttachmentOwner.CONVERSATION, conv.id, "notes.txt", f"Notes about {NAME}".encode()
    )
    services.plans.create(plan(zoe, objectives=(objective(f"{NAME} triages the queue"),)))
    services.reviews.schedule(review(zoe))
    zoe = close_case(services, zoe, date(2026, 3, 16), Outcome.IMPROVED)
    luk = open_case(services, name=OTHER, number="E1002", opened_on=date(2025, 10, 1))
    services.cases.add(
        conversation(
            luk,
            date(2025, 11, 1),
            summary="Łukasz asked for help.",
            attendees=(OTHER, "Ola Nordmann"),
        )
    )
    luk = close_case(services, luk, date(2025, 12, 1), Outcome.IMPROVED)
    return zoe, luk


def _key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, 256_000, 32)


def decrypted_pages(path: Path, passphrase: str, page_size: int = 4096) -> bytes:
    """Every page of a SQLCipher 4 file decrypted with its key (AES-256-CBC; 80 reserved bytes
    at each page's end: a 16-byte IV, then the HMAC), free space and all."""
    data = path.read_bytes()
    key = _key(passphrase, data[:16])
    out = []
    for start in range(0, len(data), page_size):
        page = data[start : start + page_size]
        body = page[16 : page_size - 80] if start == 0 else page[: page_size - 80]
        iv = page[page_size - 80 : page_size - 64]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(dec.update(body) + dec.finalize())
    return b"".join(out)


def plain_export(path: Path, passphrase: str, target: Path) -> bytes:
    """The vault's content in a plain SQLite file (tests only: never do this in the app)."""
    db = sqlcipher3.connect(str(path))
    db.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    db.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    db.execute("SELECT sqlcipher_export('plain')")
    db.execute("DETACH DATABASE plain")
    db.close()
    return target.read_bytes()


def traces(blob: bytes, text: str) -> list[str]:
    forms = {"utf-8": text.encode(), "utf-16-le": text.encode("utf-16-le"),
             "utf-16-be": text.encode("utf-16-be")}  # fmt: skip
    return [name for name, form in forms.items() if form in blob]


def test_erasing_an_employee_leaves_no_trace_in_the_decrypted_file(
    services, people, vault_path, tmp_path
):
    zoe, luk = people
    services.close()
    before = decrypted_pages(vault_path, PASSPHRASE)
    assert traces(before, NAME) == ["utf-8"]  # the decryption works: the name is there
    assert traces(before, "triages the queue") and traces(before, "Notes about")
    svc = open_vault(vault_path, PASSPHRASE)
    result = svc.erasure.erase_employee(zoe.employee_id)
    assert result.counts["attachments"] == 1 and result.counts["conversations"] == 1
    assert result.counts["coaching_plans"] == 1 and result.counts["reviews"] == 1
    assert result.counts["employees"] == 1 and result.counts["search_entries"] >= 4
    svc.close()
    after = decrypted_pages(vault_path, PASSPHRASE)
    assert traces(after, OTHER) == ["utf-8"]  # the other employee is still there
    assert traces(after, NAME) == []
    assert traces(after, "Ångström") == [] and traces(after, "workload doubled") == []
    assert traces(after, "Notes about") == []  # the attachment's content
    assert traces(after, "triages the queue") == []  # the coaching plan and its index row
    plain = plain_export(vault_path, PASSPHRASE, tmp_path / "plain.db")
    assert traces(plain, OTHER) and not traces(plain, NAME)


def test_erased_case_is_gone_from_every_table_and_the_search_index(services, people):
    zoe, luk = people
    assert services.vault.cases.search_hits  # the index answers for Zoë before
    fts = erasure.fts_tables(services.vault.conn)
    assert fts == ["case_text"]
    hits = services.vault.conn.scalar(
        "SELECT count(*) FROM case_text WHERE case_text MATCH ?", ('"Ångström"',)
    )
    assert hits >= 2
    services.erasure.erase_case(zoe.id)
    for table in erasure.case_owned_tables(services.vault.conn):
        n = services.vault.conn.scalar(f"SELECT count(*) FROM {table} WHERE case_id = ?", (zoe.id,))
        assert n == 0, table
    for name in fts:
        for term in ('"Ångström"', '"Angstrom"', '"workload doubled"'):
            n = services.vault.conn.scalar(
                f"SELECT count(*) FROM {name} WHERE {name} MATCH ?", (term,)
            )
            assert n == 0, (name, term)
    assert (
        services.vault.conn.scalar(
            "SELECT count(*) FROM case_text WHERE case_text MATCH ?", ('"Łukasz"',)
        )
        >= 1
    )
    # The employee stays (only the case was erased); their other data is not touched.
    assert services.employees.get(zoe.employee_id).name == NAME
    assert [c.id for c in services.vault.cases.all()] == [luk.id]


def test_one_content_free_event_and_the_chain_still_verifies(services, people, vault_path):
    zoe, _luk = people
    receipt = services.vault.audit_receipt()
    before = services.vault.audit_head()[0]
    result = services.erasure.erase_employee(zoe.employee_id)
    events = services.vault.audit_events()[before:]
    assert [(e.action, e.entity_type) for e in events] == [("erasure.employee", "erasure")]
    assert events[0].seq == result.event_seq
    row = services.vault.conn.query("SELECT kind, rule, counts, erased FROM erasures")[0]
    assert row[0] == "employee" and row[1] == "erasure_request"
    assert json.loads(row[2])["cases"] == 1
    assert ["employees", zoe.employee_id] in json.loads(row[3])
    assert NAME not in "".join(row)
    report = services.vault.verify(receipt)
    assert report.ok, report.lines()
    services.close()
    env = dict(os.environ, CASEPATH_PASSPHRASE=PASSPHRASE)
    done = subprocess.run(
        [sys.executable, "-I", str(ROOT / "tools" / "verify_audit.py"), str(vault_path)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_editing_the_erasure_list_is_detected(services, people, vault_path):
    zoe, luk = people
    services.erasure.erase_case(zoe.id)
    raw = services.vault.conn.raw
    # A tamperer deletes Łukasz's conversation and adds it to the erasure's list.
    conv_id = services.cases.conversations(luk.id)[0].id
    erased = json.loads(raw.execute("SELECT erased FROM erasures").fetchone()[0])
    raw.execute("DELETE FROM conversations WHERE id = ?", (conv_id,))
    raw.execute(
        "UPDATE erasures SET erased = ?", (json.dumps([*erased, ["conversations", conv_id]]),)
    )
    problems = [str(p) for p in services.vault.verify().records]
    assert any(p.startswith("erasures row 1: changed") for p in problems), problems
    services.close()
    env = dict(os.environ, CASEPATH_PASSPHRASE=PASSPHRASE)
    done = subprocess.run(
        [sys.executable, "-I", str(ROOT / "tools" / "verify_audit.py"), str(vault_path)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1 and "erasures row 1: differs from event" in done.stdout


def test_a_legal_hold_refuses_erasure_naming_the_hold(services, people):
    zoe, _luk = people
    services.holds.place(zoe.id, "Employment tribunal claim")
    with pytest.raises(CaseOnHold, match="legal hold placed 2026-03-16 by Hana Officer"):
        services.erasure.erase_case(zoe.id)
    with pytest.raises(CaseOnHold, match="Employment tribunal claim"):
        services.erasure.erase_employee(zoe.employee_id)
    assert services.cases.get(zoe.id).reference == zoe.reference  # nothing went
    assert services.cases.conversations(zoe.id)
    (att,) = services.attachments.for_case(zoe.id)
    with pytest.raises(CaseOnHold):
        services.attachments.remove(att.id)
    lifted = services.holds.release(zoe.id, "Claim settled")
    assert lifted.released_by == "Hana Officer" and lifted.release_reason == "Claim settled"
    actions = [e.action for e in services.vault.audit_events("legal_hold")]
    assert actions == ["case.hold", "case.release_hold"]
    services.erasure.erase_case(zoe.id)
    assert services.vault.verify().ok


def test_cli_hold_blocks_erase_and_release_lets_it_through(services, people, vault_path,
                                                          monkeypatch, capsys):  # fmt: skip
    zoe, _luk = people
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    v = str(vault_path)
    assert main(["hold", v, zoe.reference, "--reason", "Pending claim"]) == 0
    assert main(["erase", v, "--case", zoe.reference, "--yes"]) == 2
    err = capsys.readouterr().err
    assert "under legal hold placed 2026-" in err and "Pending claim" in err
    assert "Nothing was deleted" in err
    assert main(["erase", v, "--employee", "E1001", "--yes"]) == 2
    assert main(["release-hold", v, zoe.reference, "--reason", ""]) == 2
    assert "Give the reason" in capsys.readouterr().err
    assert main(["release-hold", v, zoe.reference, "--reason", "Claim withdrawn"]) == 0
    assert main(["erase", v, "--case", zoe.reference]) == 2  # not a terminal, no --yes
    assert "add --yes" in capsys.readouterr().err
    assert main(["erase", v, "--case", zoe.reference, "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"Case {zoe.reference} of {NAME} (E1001)" in out and "1 attachment" in out
    assert main(["verify", v]) == 0


def test_tables_are_discovered_so_a_new_case_table_is_erased_too(services, people):
    zoe, _luk = people
    with services.vault.conn.transaction():
        services.vault.conn.execute(
            "CREATE TABLE later_notes (id INTEGER PRIMARY KEY, case_id INTEGER, body TEXT)"
        )
        services.vault.conn.execute(
            "INSERT INTO later_notes(case_id, body) VALUES (?, ?)", (zoe.id, NAME)
        )
    preview = services.erasure.preview_case(zoe.id)
    assert preview.plan.counts["later_notes"] == 1
    assert "1 row of later notes" in preview.lines()
    services.erasure.erase_case(zoe.id)
    assert services.vault.conn.scalar("SELECT count(*) FROM later_notes") == 0


def test_erasure_removes_the_earlier_versions_and_still_verifies(services):
    zoe = open_case(services, name="Zoë Versions", number="E2001")
    conv = services.cases.add(conversation(zoe, date(2026, 3, 2), summary=f"About {NAME}"))
    services.cases.update(replace(conv, summary=f"Corrected, about {NAME}"))
    count = "SELECT count(*) FROM record_versions WHERE case_id = ?"
    assert services.vault.conn.scalar(count, (zoe.id,)) >= 1
    services.erasure.erase_case(zoe.id)
    assert services.vault.conn.scalar(count, (zoe.id,)) == 0
    assert services.vault.verify().ok


def test_employee_preview_says_where_the_name_stays(services, people):
    zoe, luk = people
    witness = open_case(services, name="Иван Петров", number="E1003")
    services.cases.add(
        conversation(witness, date(2026, 3, 2), attendees=("Иван Петров", NAME), summary="x")
    )
    preview = services.erasure.preview_employee(zoe.employee_id)
    assert preview.references == (zoe.reference,)
    assert preview.mentioned_in == (witness.reference,)
    assert f"also appears in 1 other case ({witness.reference})" in preview.kept_note()
    services.employees.add(employee("E1009", "Ana Lima", manager=NAME))
    note = services.erasure.preview_employee(zoe.employee_id).kept_note()
    assert "and 1 employee record as their manager" in note


def test_the_page_reader_sees_freed_bytes_when_nothing_wipes_them(
    services, people, vault_path, monkeypatch
):
    """Control: with secure_delete off and no VACUUM the deleted text stays in free space, and
    the decrypted-page search finds it — so the no-trace test above can fail."""
    zoe, _luk = people
    monkeypatch.setattr(erasure, "compact", lambda conn: None)
    services.vault.conn.execute("PRAGMA secure_delete = OFF")
    services.erasure.erase_employee(zoe.employee_id)
    services.close()
    assert traces(decrypted_pages(vault_path, PASSPHRASE), NAME)


def _index_blocks(services) -> bytes:
    rows = services.vault.conn.query("SELECT block FROM case_text_data")
    return b"".join(bytes(r[0]) for r in rows if r[0])


def test_no_trigram_of_the_erased_text_stays_in_the_index_segments(services, people):
    """The index stores trigrams, not whole words: a delete leaves a tombstone and the
    entries in their segment until a merge, which the erasure forces."""
    zoe, _luk = people
    assert b"qxz" in _index_blocks(services)  # folded to lower case, as the index keeps it
    services.erasure.erase_case(zoe.id)
    assert b"qxz" not in _index_blocks(services) and b"xzv" not in _index_blocks(services)
