"""restore, auto-backup: getting a vault back from a backup, and the daily automatic copy.

(`backup` itself stays with the other vault verbs in `vault_commands`.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import add_vault_argument, open_services, read_passphrase
from app.domain.words.wording import plural
from app.services.auto_backup import KEEP_DAILY, KEEP_MONTHLY, auto_backup


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

    p = sub.add_parser(
        "auto-backup",
        help=f"today's verified backup into a folder, keeping {KEEP_DAILY} daily and "
        f"{KEEP_MONTHLY} monthly",
        description="What the app does on lock and close: at most one backup a day (unless "
        "--now), named after the vault and the day; older automatic backups of this vault are "
        "pruned. Other files in the folder are never touched.",
    )
    add_vault_argument(p)
    p.add_argument("--folder", type=Path, required=True, help="the backup folder (made 0700)")
    p.add_argument("--now", action="store_true", help="replace today's backup with a fresh one")
    p.set_defaults(handler=cmd_auto_backup)


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.restore_service import inspect_backup, restore_backup

    passphrase = read_passphrase(args, "Backup passphrase: ")
    if args.check_only:
        for line in inspect_backup(args.backup, passphrase).lines():
            print(line)
        return 0
    result = restore_backup(args.backup, args.target, passphrase)
    for line in result.summary.lines():
        print(line)
    print(f"Restored to {result.target}.")
    if result.kept:
        print(f"The vault that was there is kept unchanged as {result.kept}.")
    return 0


def cmd_auto_backup(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        result = auto_backup(services, args.folder, force=args.now)
    finally:
        services.close()
    if result.made:
        print(f"Verified backup written: {result.made}")
        if result.head is not None:
            print(f"It holds the audit chain up to event {result.head[0]}, head {result.head[1]}.")
    else:
        print("Today's backup already exists; nothing new was written (use --now to replace it).")
    for path in result.removed:
        print(f"Pruned {path.name}")
    print(f"{plural(len(result.kept), 'automatic backup')} kept in {args.folder}.")
    return 0
