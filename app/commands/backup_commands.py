"""restore, auto-backup: getting a vault back from a backup, and the daily automatic copy.

(`backup` itself stays with the other vault verbs in `vault_commands`.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import read_passphrase
from app.vault.migrations import latest_version
from app.vault.restore import inspect_backup, restore


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "restore",
        help="check a backup, show what it holds, and restore it as a vault",
        description="Checks the backup first (every page, the structure and the audit chain) "
        "and shows what it holds. A vault already at --to is kept beside it, renamed with a "
        "timestamp; nothing is ever overwritten. The restored vault opens with the backup's "
        "passphrase.",
    )
    p.add_argument("backup", type=Path, help="the backup file")
    p.add_argument("--to", type=Path, required=True, dest="target", help="the vault to restore")
    p.add_argument(
        "--check-only", action="store_true", help="only check the backup and show what it holds"
    )
    p.add_argument("--passphrase-file", type=Path, help="read the backup's passphrase from here")
    p.set_defaults(handler=cmd_restore)


def cmd_restore(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args, "Backup passphrase: ")
    if args.check_only:
        for line in inspect_backup(args.backup, passphrase).lines():
            print(line)
        return 0
    result = restore(args.backup, args.target, passphrase, supported_version=latest_version())
    for line in result.summary.lines():
        print(line)
    print(f"Restored to {result.target}.")
    if result.kept:
        print(f"The vault that was there is kept unchanged as {result.kept}.")
    return 0
