"""init, verify, cases, passwd, backup: creating, checking and listing a vault."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import (
    CommandError,
    add_json_option,
    add_passphrase_options,
    add_vault_argument,
    check_new_passphrase,
    open_services,
    print_json,
    read_passphrase,
)
from app.domain.records import CaseStatus, Officer
from app.domain.words.wording import plural

if TYPE_CHECKING:
    from app.vault.errors import DamagedVault


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create an empty vault")
    p.add_argument("vault", type=Path)
    add_passphrase_options(p)
    p.add_argument("--name", help="your name as the vault's first HR officer")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser(
        "verify", help="check encryption integrity, the audit chain and every record against it"
    )
    add_vault_argument(p)
    p.add_argument(
        "--receipt", type=Path, help="also prove the history up to this audit receipt unchanged"
    )
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("cases", help="list cases: reference, employee, department, stage, due")
    add_vault_argument(p)
    p.add_argument("--all", action="store_true", help="include closed cases")
    add_json_option(p)
    p.add_argument("--search", default="", help="only cases matching TEXT (any case, any accents)")
    p.add_argument(
        "--employees-only",
        action="store_true",
        help="search employees' names and numbers only, not notes or attendees",
    )
    p.set_defaults(handler=cmd_cases)

    p = sub.add_parser("passwd", help="change the vault's passphrase")
    add_vault_argument(p)
    p.add_argument(
        "--new-passphrase-file",
        type=Path,
        help="read the new passphrase from this file instead of the terminal",
    )
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("backup", help="write an encrypted copy of the vault")
    add_vault_argument(p)
    p.add_argument("--out", type=Path, required=True, help="the new backup file")
    p.set_defaults(handler=cmd_backup)


def cmd_init(args: argparse.Namespace) -> int:
    from app.services.services import create_vault

    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    check_new_passphrase(passphrase)
    name = args.name or getpass.getuser() or "HR officer"
    services = create_vault(args.vault, passphrase, Officer(name=name))
    services.close()
    print(f"Created {args.vault}. Keep the passphrase safe: without it nobody can open the vault.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Says what is damaged (pages, tables, records, the audit chain) and what to do; never a
    traceback. With --receipt, also proves the history up to the receipt is unchanged."""
    from app.commands.vault.audit_commands import read_receipt
    from app.services.services import open_vault
    from app.vault.errors import DamagedVault

    receipt = read_receipt(args.receipt) if getattr(args, "receipt", None) else None
    passphrase = read_passphrase(args)
    try:
        services = open_vault(args.vault, passphrase, officer_name=args.officer)
    except DamagedVault as exc:
        return _verify_unopenable(args.vault, passphrase, exc)
    try:
        report = services.vault.verify(receipt)
        read_only = services.vault.read_only
    finally:
        services.close()
    print(f"Vault format version {report.schema_version}.")
    if report.integrity_ok:
        print("Encryption integrity: every page's HMAC checks out; the structure is sound.")
    else:
        print(f"Integrity: PROBLEMS FOUND: {report.damage}.")
        for line in report.integrity_messages[:20]:
            print(f"  {line}")
    print("\n".join(report.lines()))
    if receipt is not None and not report.receipt_problems:
        print(f"Receipt: the history up to event {receipt.get('seq')} is unchanged.")
    if read_only:
        print("The vault opens read-only until it is restored.")
    if not report.ok:
        print(RESTORE_HINT)
    return 0 if report.ok else 1


RESTORE_HINT = (
    "What to do: keep this file for investigation, and restore your latest good backup "
    "with 'casepath restore BACKUP --to VAULT' (the damaged vault is kept beside it)."
)


def _verify_unopenable(path: Path, passphrase: str, exc: DamagedVault) -> int:
    from app.vault.errors import VaultError
    from app.vault.files.backup import inspect_file

    print(f"{path.name} cannot be opened as a vault: it is damaged.")
    try:
        raw, report = inspect_file(path, passphrase)
    except VaultError:
        print(f"Integrity: {exc.detail}.")
    else:
        raw.close()
        print(f"Integrity: {report.summary() if not report.ok else exc.detail}.")
        for line in (report.cipher_messages + report.btree_messages)[:20]:
            print(f"  {line}")
    print(RESTORE_HINT)
    return 1


def cmd_cases(args: argparse.Namespace) -> int:
    from app.domain.words.labels import stage_label
    from app.services.cases.case_list import SearchScope, match_sources, match_words
    from app.vault.repositories.case_repository import CaseQuery

    services = open_services(args)
    try:
        scope = SearchScope.EMPLOYEES if args.employees_only else SearchScope.EVERYTHING
        q = CaseQuery(
            status=None if args.all else CaseStatus.OPEN, search=args.search.strip(), scope=scope
        )
        rows = services.cases.rows(q, 0, 1_000_000)
        f = services.vault_settings.document_formats()
        # Where each hit matched, as the window's "Matched in" column says it.
        matched = {r.id: match_words(match_sources(services, q, r.id)) for r in rows if q.search}
    finally:
        services.close()
    if args.json:
        print_json(rows)
        return 0
    header = ("Reference", "Employee", "Department", "Stage", "Next due")
    if q.search:
        header += ("Matched in",)
    table = [header] + [
        (
            r.reference,
            r.employee,
            r.department,
            stage_label(r.stage),
            f.date(r.next_due_on),
        )
        + ((matched[r.id],) if q.search else ())
        for r in rows
    ]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    print(f"{plural(len(rows), 'case')}.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from app.services.services import open_vault

    old = read_passphrase(args, "Current passphrase: ")
    services = open_vault(args.vault, old)
    try:
        if args.new_passphrase_file:
            new = read_passphrase(argparse.Namespace(passphrase_file=args.new_passphrase_file))
        else:
            new = getpass.getpass("New passphrase: ")
            if getpass.getpass("Repeat the new passphrase: ") != new:
                raise CommandError("The two passphrases differ; the passphrase is unchanged.")
        check_new_passphrase(new)
        services.vault.change_passphrase(old, new)
    finally:
        services.close()
    print("Passphrase changed, and the new passphrase was proven to open the vault.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.services import open_vault

    passphrase = read_passphrase(args)
    services = open_vault(args.vault, passphrase)
    try:
        seq, digest = services.backup(args.out, passphrase)
    finally:
        services.close()
    print(f"Verified encrypted backup written to {args.out} (same passphrase).")
    print(f"It holds the audit chain up to event {seq}, head {digest}.")
    return 0
