"""The vault file: encryption at rest, wrong passphrases, odd files, re-keying."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.vault.connection import Connection
from app.vault.errors import (
    NotAVault,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from tests.conftest import PASSPHRASE
from tests.factories import UNICODE_NAMES, conversation, employee, open_case

ROOT = Path(__file__).resolve().parents[3]


def _fill(services) -> list[str]:
    secrets = []
    for i, name in enumerate(UNICODE_NAMES):
        services.employees.add(employee(f"E{i + 1:04d}", name))
        secrets.append(name)
    case = open_case(services, name=UNICODE_NAMES[0], number="E0001")
    text = "Disclosed a health condition affecting mornings"
    services.cases.add(conversation(case, services.clock.today(), summary=text))
    secrets.append(text)
    return secrets


def _all_bytes(path: Path) -> bytes:
    data = b""
    for f in path.parent.iterdir():
        if f.name.startswith(path.name):
            data += f.read_bytes()
    return data


def test_names_and_text_never_reach_the_disk_in_plaintext(services, vault_path):
    secrets = _fill(services)
    # While a transaction is open the rollback journal exists too: scan it mid-write.
    with services.vault.write() as w:
        services.vault.employees.add(employee("E9999", "Grzegorz Brzęczyszczykiewicz"))
        w.audit("employee.add", "employee", 0, {})
        mid = _all_bytes(vault_path)
    services.close()
    raw = _all_bytes(vault_path) + mid
    for secret in [*secrets, "Grzegorz Brzęczyszczykiewicz"]:
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in raw, secret
    assert b"SQLite format 3" not in raw[:16]


def test_wrong_passphrase_is_one_typed_error_with_file_unchanged(services, vault_path):
    _fill(services)
    services.close()
    before = vault_path.read_bytes()
    mtime = vault_path.stat().st_mtime_ns
    with pytest.raises(WrongPassphrase) as info:
        open_vault(vault_path, "not the passphrase")
    assert str(info.value).startswith("The passphrase does not open this vault")
    assert vault_path.read_bytes() == before
    assert vault_path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in vault_path.parent.iterdir()) == [vault_path.name]


def test_wrong_passphrase_prints_nothing_to_stderr(services, vault_path):
    services.close()
    code = textwrap.dedent(f"""
        from app.services.services import open_vault
        from app.vault.errors import WrongPassphrase
        try:
            open_vault({str(vault_path)!r}, "wrong passphrase here")
        except WrongPassphrase:
            print("refused")
    """)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "refused"
    assert done.stderr == ""


def test_a_plain_sqlite_file_is_not_a_vault(tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(NotAVault, match="unencrypted SQLite"):
        open_vault(plain, PASSPHRASE)


@pytest.mark.parametrize("content, why", [(b"", "empty"), (b"%PDF-1.7\n" + b"x" * 500, "size")])
def test_other_files_are_not_vaults(tmp_path, content, why):
    f = tmp_path / "thing.casepath"
    f.write_bytes(content)
    with pytest.raises(NotAVault, match=why):
        open_vault(f, PASSPHRASE)
    assert f.read_bytes() == content


def test_an_encrypted_database_from_another_program_is_refused(tmp_path):
    import sqlcipher3

    other = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(other))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAVault, match="another program"):
        open_vault(other, PASSPHRASE)


def test_damaged_vault_is_reported_as_damaged(services, vault_path):
    _fill(services)
    services.close()
    data = bytearray(vault_path.read_bytes())
    assert len(data) >= 4096 * 3
    for i in range(4096 * 2 + 100, 4096 * 2 + 140):  # scribble over page 3
        data[i] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    # Which table page 3 holds depends on the schema: opening may already meet it.
    svc = None
    try:
        svc = open_vault(vault_path, PASSPHRASE)
        report = svc.vault.verify()
    except Exception as exc:  # a damaged page may already fail the checks' own reads
        assert "damaged" in str(exc)
    else:
        assert not report.ok
    finally:
        if svc is not None:
            svc.close()


def test_never_overwrites_and_never_creates_on_open(tmp_path, services, vault_path):
    with pytest.raises(VaultExists):
        create_vault(vault_path, PASSPHRASE, Officer(name="Someone"))
    missing = tmp_path / "missing.casepath"
    with pytest.raises(VaultMissing):
        open_vault(missing, PASSPHRASE)
    assert not missing.exists()


def test_pragmas_are_the_secure_ones(services):
    conn = services.vault.conn
    assert conn.scalar("PRAGMA temp_store") == 2
    assert conn.scalar("PRAGMA secure_delete") == 1
    assert conn.scalar("PRAGMA foreign_keys") == 1
    assert conn.scalar("PRAGMA journal_mode") == "delete"
    assert int(conn.scalar("PRAGMA kdf_iter")) >= 256_000
    assert conn.scalar("PRAGMA cipher_hmac_algorithm") == "HMAC_SHA512"
    assert str(conn.scalar("PRAGMA cipher_version")).startswith("4.")


def test_change_passphrase_proves_the_new_one(services, vault_path):
    _fill(services)
    services.vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    services.close()
    with pytest.raises(WrongPassphrase):
        open_vault(vault_path, PASSPHRASE)
    svc = open_vault(vault_path, "a brand new passphrase")
    assert len(svc.employees.all()) == len(UNICODE_NAMES)
    assert svc.vault.verify().ok
    assert svc.vault.audit_events()[-1].action == "vault.rekey"
    svc.close()


REKEY_SCRIPT = """
import sys
from app.vault.connection import Connection
conn = Connection.open(sys.argv[1], sys.argv[2])
print("ready", flush=True)
conn.rekey(sys.argv[2], sys.argv[3])
print("done", flush=True)
"""


def test_a_crash_during_rekey_leaves_exactly_one_passphrase_working(services, vault_path):
    # A vault big enough that rekeying takes a while, so the kill lands mid-rewrite.
    emps = [
        employee(f"X{i:05d}", f"Person {i} " + "x" * 150, job_title="y" * 300) for i in range(3000)
    ]
    services.employees.add_many(emps)
    services.close()
    new = "the replacement passphrase"
    outcomes = set()
    for delay in (0.0, 0.02, 0.05, 0.1, 0.2):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                REKEY_SCRIPT,
                str(vault_path),
                *((PASSPHRASE, new) if _opens(vault_path, PASSPHRASE) else (new, PASSPHRASE)),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        old_ok, new_ok = _opens(vault_path, PASSPHRASE), _opens(vault_path, new)
        assert old_ok != new_ok, "exactly one passphrase must open the vault"
        outcomes.add(new_ok)
        key = PASSPHRASE if old_ok else new
        svc = open_vault(vault_path, key)
        assert len(svc.employees.all()) == 3000
        svc.close()


def _opens(path: Path, passphrase: str) -> bool:
    try:
        Connection.open(path, passphrase).close()
    except WrongPassphrase:
        return False
    return True
