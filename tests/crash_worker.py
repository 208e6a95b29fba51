"""The process the crash harness kills: one vault operation, reporting what it acknowledged.

    python -m tests.crash_worker OP VAULT PASSPHRASE [ARG]

Prints ``READY`` once the vault is open (so the kill lands inside the operation, not in the
interpreter's start-up), ``ACK n`` after each write has committed (write), and ``DONE`` at the
end. What it acknowledged is what the harness then expects to find.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.services.services import open_vault
from tests.factories import employee


def main(op: str, vault: Path, passphrase: str, arg: str = "") -> None:
    # Imported here so the same worker runs on older checkouts (to measure "before").
    try:
        from app.hardening import harden_process
    except ImportError:
        pass
    else:
        harden_process()
    if op == "restore":  # the vault is not open while it is restored
        from app.vault.files.restore import restore

        print("READY", flush=True)
        restore(Path(arg), vault, passphrase)
        print("DONE", flush=True)
        return
    services = open_vault(vault, passphrase)
    print("READY", flush=True)
    if op == "write":
        for i in range(1, 100_000):
            services.employees.add(employee(f"K{i:05d}", f"Acknowledged {i}"))
            print(f"ACK {i}", flush=True)
    elif op == "passwd":
        services.vault.change_passphrase(passphrase, arg)
    elif op == "backup":
        services.backup(Path(arg), passphrase)
    elif op == "backup-app":  # the app's way: no passphrase held
        services.backup(Path(arg))
    elif op == "import":
        from app.services.interchange.interchange import import_file

        import_file(services, Path(arg))
    else:
        raise SystemExit(f"unknown op {op}")
    print("DONE", flush=True)
    services.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], *sys.argv[4:5])
