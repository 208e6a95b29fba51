"""audit, audit-receipt: read the audit trail, and write its head down outside the vault.

`casepath verify VAULT --receipt FILE` (in vault_commands) checks a vault against a receipt
(docs/AUDIT.md). The listing shows what happened, to which record, by whom and when; events
hold digests, never the content of what was written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import (
    CommandError,
    add_vault_argument,
    date_arg,
    open_services,
    read_passphrase,
)
from app.domain.words.wording import plural

if TYPE_CHECKING:
    from app.services.audit.audit_listing import AuditListing


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit-receipt",
        help="write a receipt of the audit chain head (sequence, hash, time, vault id) to keep "
        "outside the vault; `verify --receipt` later proves the history up to it is unchanged",
    )
    add_vault_argument(p)
    p.add_argument("--out", type=Path, required=True, help="the receipt file (JSON, 0600)")
    p.set_defaults(handler=cmd_audit_receipt)

    p = sub.add_parser(
        "audit", help="list the audit trail: sequence, time, officer, action, record"
    )
    p.add_argument("vault", type=Path, help="the vault file (.casepath)")
    p.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    p.add_argument("--case", help="only events about this case and its records (reference)")
    p.add_argument("--officer", dest="by_officer", help="only events by this officer")
    p.add_argument(
        "--action", help="only this action (conversation.add) or family (conversation, pack)"
    )
    p.add_argument("--from", dest="date_from", type=date_arg, help="from this UTC date (ISO)")
    p.add_argument("--to", dest="date_to", type=date_arg, help="up to this UTC date (ISO)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--csv", type=Path, help="write the listing to this CSV file (0600; the export is audited)"
    )
    p.set_defaults(handler=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    from app.services.audit.audit_listing import AuditFilter, AuditListing, export_audit_csv
    from app.services.services import open_vault

    wanted = AuditFilter(args.case, args.by_officer, args.action, args.date_from, args.date_to)
    services = open_vault(args.vault, read_passphrase(args))
    try:
        if args.csv:
            count = export_audit_csv(services.vault, args.csv, wanted)
            print(f"{plural(count, 'event')} written to {args.csv}.")
            return 0
        # The window's query, oldest first, printed a page at a time (never all in memory).
        listing = AuditListing(services.vault, wanted, newest_first=False)
        if args.json:
            _print_json(listing)
            return 0
        count = 0
        for rows in listing.chunks():
            for r in rows:
                record = f"{r['entity_type']} {r['entity_id']}".strip()
                print(
                    f"{r['seq']}\t{r['at']}\t{r['officer']}\t{r['action']}\t{record}\t{r['detail']}"
                )
            count += len(rows)
    except LookupError as exc:
        raise CommandError(str(exc)) from None
    finally:
        services.close()
    print(f"{plural(count, 'event')}.")
    return 0


def _print_json(listing: AuditListing) -> None:
    """The same text as ``json.dumps(rows, indent=2)``, written a row at a time."""
    first = True
    for rows in listing.chunks():
        for r in rows:
            item = json.dumps(r, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            print(("[\n  " if first else ",\n  ") + item, end="")
            first = False
    print("[]" if first else "\n]")


def cmd_audit_receipt(args: argparse.Namespace) -> int:
    from app.services.documents.export_file import check_target, publish, write_partial

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
