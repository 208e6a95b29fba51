"""audit-receipt: write the audit chain head down outside the vault (docs/AUDIT.md).

`casepath verify VAULT --receipt FILE` (in vault_commands) checks a vault against one.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands.common import CommandError, add_vault_argument, open_services
from app.services.export_file import check_target, publish, write_partial


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit-receipt",
        help="write a receipt of the audit chain head (sequence, hash, time, vault id) to keep "
        "outside the vault; `verify --receipt` later proves the history up to it is unchanged",
    )
    add_vault_argument(p)
    p.add_argument("--out", type=Path, required=True, help="the receipt file (JSON, 0600)")
    p.set_defaults(handler=cmd_audit_receipt)


def cmd_audit_receipt(args: argparse.Namespace) -> int:
    target = check_target(args.out)
    if target.exists():
        raise CommandError(f"{target} already exists; choose a new file for the receipt.")
    services = open_services(args)
    try:
        receipt = services.vault.audit_receipt()
    finally:
        services.close()
    data = (json.dumps(receipt, indent=2, sort_keys=True) + "\n").encode("utf-8")
    publish(write_partial(target, data), target)
    print(
        f"Receipt written to {target}: event {receipt['seq']}, head {receipt['head_hash']}. "
        "Keep it (or send it to your HR lead) outside the vault."
    )
    return 0


def read_receipt(path: Path) -> dict:
    """The receipt file as a dict, or a clear CommandError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"Cannot read the receipt {path}: {exc.strerror}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CommandError(f"{path} is not a Casepath audit receipt (not JSON).") from None
    if not isinstance(data, dict):
        raise CommandError(f"{path} is not a Casepath audit receipt.")
    return data
