"""The tampering corpus: every kind made with the passphrase through raw SQL is detected, and
the report names the record or event concerned — never its content."""

from __future__ import annotations

import shutil

import pytest

from app.services.demo import build_demo
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.unit.audit.audit_tamper_corpus import CORPUS, edit_a_conversation, tamperer


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A demo vault (every audited table populated) and a receipt issued at its end."""
    path = tmp_path_factory.mktemp("pristine") / "demo.casepath"
    services = build_demo(path, PASSPHRASE)
    try:
        edit_a_conversation(services)  # so a conversation has an earlier version to tamper with
        receipt = services.vault.audit_receipt()
        report = services.vault.verify(receipt)
        assert report.ok, report.lines()
        counts = {
            t: services.vault.conn.scalar(f"SELECT count(*) FROM {t}")  # noqa: S608
            for t in ("packs", "attachments", "approvals", "case_exceptions", "review_outcomes")
        }
        assert all(counts.values()), counts
    finally:
        services.close()
    return path, receipt


def _tampered(pristine, tmp_path, kind):
    path, receipt = pristine
    copy = tmp_path / "copy.casepath"
    shutil.copy(path, copy)
    raw = tamperer(copy, PASSPHRASE)
    try:
        named = kind.make(raw)
    finally:
        raw.close()
    return copy, receipt, named


@pytest.mark.parametrize("kind", CORPUS, ids=lambda k: k.name)
def test_each_kind_of_tampering_is_detected_and_located(pristine, tmp_path, kind):
    copy, receipt, named = _tampered(pristine, tmp_path, kind)
    with Vault.open(copy, PASSPHRASE) as vault:
        report = vault.verify(receipt if kind.needs_receipt else None)
        text = "\n".join(report.lines())
        contents = [
            str(v)
            for (v,) in vault.conn.query(
                "SELECT summary FROM conversations UNION SELECT name FROM employees"
            )
        ]
    assert not report.ok, text
    assert named in text, text
    assert "(edited)" not in text and "Never said" not in text
    assert not any(c and c in text for c in contents)


@pytest.mark.parametrize("kind", [k for k in CORPUS if k.needs_receipt], ids=lambda k: k.name)
def test_without_a_receipt_a_rewritten_history_passes(pristine, tmp_path, kind):
    """The documented limit (docs/AUDIT.md): who holds the passphrase can rewrite the chain
    end to end; only a receipt kept outside the vault shows it."""
    copy, _, _ = _tampered(pristine, tmp_path, kind)
    with Vault.open(copy, PASSPHRASE) as vault:
        assert vault.verify().ok


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 20
    assert len({k.name for k in CORPUS}) == len(CORPUS)
