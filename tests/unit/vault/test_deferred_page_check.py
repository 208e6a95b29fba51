"""Issue 18: unlock checks only what is cheap; the full page check runs later, on its own
connection, and damage it finds still makes the vault read-only. Headless opens (the CLI) and
opens that would migrate still check every page first."""

from __future__ import annotations

import shutil
import threading

import pytest
from sqlcipher3 import dbapi2

from app.cli import main
from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.vault import migrations, page_check
from app.vault.audit import integrity
from app.vault.connection import _connect, _key
from app.vault.errors import DamagedVault, VaultReadOnly
from tests import damage
from tests.conftest import PASSPHRASE
from tests.factories import employee


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    path = tmp_path_factory.mktemp("deferred") / "pristine.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name="Hana Officer"))
    for i in range(40):
        svc.employees.add(employee(f"E{i:04d}", f"Person {i}"))
    svc.close()
    return path


@pytest.fixture
def clean(pristine, tmp_path):
    path = tmp_path / "v.casepath"
    shutil.copy(pristine, path)
    return path


@pytest.fixture
def damaged(clean):
    damage.damage_page(clean, damage.pages(clean) - 1)  # a late page: page 1 still reads
    return clean


@pytest.fixture
def page_checks(monkeypatch):
    """Counts every full page check (`PRAGMA cipher_integrity_check`) on any connection."""
    calls: list[str] = []
    real = integrity.cipher_check

    def spy(raw, schema="main"):
        calls.append(schema)
        return real(raw, schema)

    monkeypatch.setattr(integrity, "cipher_check", spy)
    return calls


def test_a_deferred_open_of_a_clean_vault_reads_no_page_check(clean, page_checks):
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    try:
        assert page_checks == []  # the open path never ran cipher_integrity_check
        assert svc.vault.page_check is not None and not svc.vault.read_only
        svc.employees.add(employee("E9999", "Somebody New"))  # writable at once
        assert svc.vault.page_check.run() is None  # clean, on its own connection
        assert page_checks == ["main"]
        assert not svc.vault.read_only
    finally:
        svc.close()


def test_the_default_open_checks_every_page_first(clean, page_checks):
    svc = open_vault(clean, PASSPHRASE)
    try:
        assert page_checks == ["main"]
        assert svc.vault.page_check is None
    finally:
        svc.close()


def test_damage_found_later_makes_the_vault_read_only(damaged):
    svc = open_vault(damaged, PASSPHRASE, defer_page_check=True)
    try:
        assert not svc.vault.read_only  # the cheap checks pass: page 1 and the schema read
        report = svc.vault.page_check.run()
        assert report is not None and report.pages == [damage.pages(damaged) - 1]
        svc.vault.mark_damaged(report)
        assert svc.vault.read_only
        assert svc.vault.conn.scalar("PRAGMA query_only") == 1
        with pytest.raises(VaultReadOnly) as info:
            svc.employees.add(employee("E9999", "Nobody New"))
        assert "restore" in str(info.value).lower()
        with pytest.raises(dbapi2.OperationalError):  # even a write around the services
            svc.vault.conn.raw.execute("DELETE FROM employees")
    finally:
        svc.close()


def test_a_pending_migration_checks_every_page_first_even_when_deferred(damaged, page_checks):
    raw = _connect(damaged, create=False)
    _key(raw, PASSPHRASE)
    raw.execute(f"PRAGMA user_version = {migrations.latest_version() - 1}")
    raw.close()
    with pytest.raises(DamagedVault) as info:
        open_vault(damaged, PASSPHRASE, defer_page_check=True)
    assert "not upgraded" in str(info.value)
    assert page_checks == ["main"]


def test_the_check_connection_is_read_only_and_keyed_without_the_passphrase(clean):
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    try:
        check = svc.vault.page_check
        assert not hasattr(check, "passphrase") and PASSPHRASE not in vars(check).values()
        with pytest.raises(dbapi2.OperationalError, match="readonly"):
            check._raw.execute("PRAGMA user_version = 99")
    finally:
        svc.close()


def test_closing_cancels_a_check_that_has_not_started(clean):
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    check = svc.vault.page_check
    svc.close()
    assert check.cancelled and check._raw is None  # its connection is closed at once
    assert check.run() is None
    delivered: list = []
    assert not check.report_if_live(delivered.append, None) and delivered == []


def test_cancel_during_the_check_drops_its_result(damaged, monkeypatch):
    entered, release = threading.Event(), threading.Event()
    real = page_check.damage_of

    def slow(raw):
        entered.set()
        release.wait(10)
        return real(raw)

    monkeypatch.setattr(page_check, "damage_of", slow)
    svc = open_vault(damaged, PASSPHRASE, defer_page_check=True)
    check = svc.vault.page_check
    results: list = []
    worker = threading.Thread(target=lambda: results.append(check.run()))
    worker.start()
    assert entered.wait(10)
    svc.close()  # lock while the check reads the file
    release.set()
    worker.join(10)
    assert results == [None] and check.finished and check._raw is None
    assert not svc.vault.read_only


def test_the_cli_opens_a_damaged_vault_read_only(damaged, monkeypatch, capsys):
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    rc = main(
        [
            "new-employee",
            str(damaged),
            "--number",
            "E9999",
            "--name",
            "Nobody New",
            "--department",
            "Sales",
        ]
    )
    text = "".join(capsys.readouterr())
    assert rc != 0 and "read-only" in text and "Traceback" not in text
    svc = open_vault(damaged, PASSPHRASE)
    try:
        assert svc.vault.read_only and svc.vault.employees.by_number("E9999") is None
    finally:
        svc.close()
