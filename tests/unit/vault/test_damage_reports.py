"""Damage reports that tell the truth: every kind of damage in the catalogue is either refused
as damage (never as a wrong passphrase, unless the two truly look the same) or opened read-only
with every write refused; `verify` names pages and tables and never ends in a traceback."""

from __future__ import annotations

import shutil

import pytest

from app.cli import main
from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.vault.errors import (
    DamagedVault,
    NotAVault,
    SourceDamaged,
    VaultReadOnly,
    WrongPassphrase,
)
from tests import damage
from tests.conftest import PASSPHRASE
from tests.factories import UNICODE_NAMES, employee

INDISTINGUISHABLE = {"salt"}  # damage to the salt derives a wrong key: it looks like one


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    path = tmp_path_factory.mktemp("damage") / "pristine.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name="Hana Officer"))
    for i in range(60):
        svc.employees.add(employee(f"E{i:04d}", f"{UNICODE_NAMES[i % 6]} {i}"))
    svc.close()
    return path


def _kinds(pristine):
    return [name for name, _ in damage.kinds(pristine)]


def _damaged(pristine, tmp_path, kind: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "d.casepath"
    shutil.copy(pristine, path)
    dict(damage.kinds(path))[kind](path)
    return path


def test_the_catalogue_is_big_enough(pristine):
    assert len(_kinds(pristine)) >= 16


def test_every_kind_of_damage_is_reported_as_damage_or_opens_read_only(pristine, tmp_path):
    outcomes = {}
    for kind in _kinds(pristine):
        path = _damaged(pristine, tmp_path / kind.replace(" ", "_"), kind)
        try:
            svc = open_vault(path, PASSPHRASE)
        except WrongPassphrase as exc:
            outcomes[kind] = "wrong passphrase"
            assert "latest backup" in str(exc)
            continue
        except (DamagedVault, NotAVault) as exc:
            outcomes[kind] = "refused"
            assert "damaged" in str(exc) or "not a Casepath vault" in str(exc)
            continue
        try:
            assert svc.vault.read_only, kind
            with pytest.raises(VaultReadOnly) as info:
                svc.employees.add(employee("E9999", "Nobody New"))
            assert "restore" in str(info.value).lower()
            with pytest.raises((VaultReadOnly, SourceDamaged)):
                svc.backup(tmp_path / f"{kind}.bak")
            assert not (tmp_path / f"{kind}.bak").exists()
            outcomes[kind] = "read-only"
        finally:
            svc.close()
    called_wrong = {k for k, v in outcomes.items() if v == "wrong passphrase"}
    assert called_wrong <= INDISTINGUISHABLE, outcomes
    assert len(outcomes) == len(_kinds(pristine))


def test_verify_names_the_damage_and_never_tracebacks(pristine, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    for kind in _kinds(pristine):
        path = _damaged(pristine, tmp_path / kind.replace(" ", "_"), kind)
        rc = main(["verify", str(path)])
        out, err = capsys.readouterr()
        text = out + err
        assert rc in (1, 2), (kind, text)
        assert "Traceback" not in text and "unexpected error" not in text, (kind, text)
        if kind not in INDISTINGUISHABLE and not kind.startswith("truncated mid"):
            assert "page" in text, (kind, text)
            assert "restore" in text, (kind, text)


def test_a_clean_vault_verifies_and_is_writable(pristine, tmp_path, capsys, monkeypatch):
    path = tmp_path / "ok.casepath"
    shutil.copy(pristine, path)
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    assert main(["verify", str(path)]) == 0
    svc = open_vault(path, PASSPHRASE)
    try:
        assert not svc.vault.read_only
        svc.employees.add(employee("E9999", "Somebody New"))
    finally:
        svc.close()
