"""Tampering corpus figures: how many kinds the chain alone (the verify before schema 6)
detects, against the full verify (records, and a receipt kept outside where one is needed).

    PYTHONPATH=. python bench/bench_audit.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from app.services.demo import build_demo
from app.vault.vault import Vault
from tests.unit.audit.audit_tamper_corpus import CORPUS, edit_a_conversation, tamperer

PASS = "a bench passphrase"


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    pristine = folder / "demo.casepath"
    services = build_demo(pristine, PASS)
    edit_a_conversation(services)
    receipt = services.vault.audit_receipt()
    t = time.perf_counter()
    report = services.vault.verify()
    verify_ms = (time.perf_counter() - t) * 1000
    records = report.records_checked
    versions = report.versions_checked
    services.close()
    chain_only = full = without_receipt = 0
    for kind in CORPUS:
        copy = folder / "copy.casepath"
        shutil.copy(pristine, copy)
        raw = tamperer(copy, PASS)
        kind.make(raw)
        raw.close()
        with Vault.open(copy, PASS) as vault:
            plain = vault.verify()
            chain_only += not (plain.integrity_ok and plain.chain.ok)
            without_receipt += not plain.ok
            full += not vault.verify(receipt if kind.needs_receipt else None).ok
        copy.unlink()
    n = len(CORPUS)
    print(f"kinds tried: {n}")
    print(f"detected by the chain alone (old verify): {chain_only}/{n}")
    print(f"detected by verify without a receipt: {without_receipt}/{n}")
    print(f"detected by verify (+ receipt where needed): {full}/{n}")
    print(f"verify of the demo vault ({records} records, {versions} versions): {verify_ms:.0f} ms")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
