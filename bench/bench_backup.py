"""What verified backups and the open-time page check cost on a larger vault. Prints figures.

    python bench/bench_backup.py [--employees 100000]

Builds a vault of N employees (one batch), then times: opening it (key derivation plus the
HMAC check of every page that decides read-only), `verify`, a verified backup with the
passphrase (CLI: reopened with a new keyed connection) and without (app: checked through
ATTACH), and checking a backup before restore.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.domain.records import Officer  # noqa: E402
from app.services.services import create_vault, open_vault  # noqa: E402
from app.vault.audit import integrity  # noqa: E402
from app.vault.files.restore import inspect_backup  # noqa: E402
from tests.factories import employee  # noqa: E402

PASS = "a benchmark passphrase"


def timed(label: str, fn) -> object:  # noqa: ANN001
    start = time.perf_counter()
    out = fn()
    print(f"{label:<48} {1000 * (time.perf_counter() - start):8.0f} ms")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=100_000)
    n = parser.parse_args().employees
    with tempfile.TemporaryDirectory(prefix="casepath-bench-") as folder:
        path = Path(folder) / "big.casepath"
        svc = create_vault(path, PASS, Officer(name="Bench Officer"))
        with svc.vault.batch():
            for i in range(n):
                svc.employees.add(employee(f"B{i:06d}", f"Person number {i} " + "x" * 80))
        svc.close()
        print(f"vault: {n} employees, {path.stat().st_size / 1e6:.1f} MB")
        svc = timed("open (key + page check)", lambda: open_vault(path, PASS))
        timed("  of which: page check alone", lambda: integrity.cipher_check(svc.vault.conn.raw))
        timed("verify (pages, structure, audit chain)", svc.vault.verify)
        timed("backup, CLI (reopen with passphrase)", lambda: svc.backup(Path(folder) / "a", PASS))
        timed("backup, app (check through ATTACH)", lambda: svc.backup(Path(folder) / "b"))
        svc.close()
        timed("check a backup before restore", lambda: inspect_backup(Path(folder) / "a", PASS))


if __name__ == "__main__":
    main()
