"""demo, import, export: building the demo vault and moving records in and out as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import (
    CommandError,
    add_passphrase_options,
    add_vault_argument,
    check_new_passphrase,
    open_services,
    read_passphrase,
)
from app.domain.words.wording import plural
from app.services.demo_passphrase import DEMO_PASSPHRASE


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="build a realistic demo vault (new file)")
    p.add_argument("vault", type=Path)
    add_passphrase_options(p)
    p.add_argument(
        "--demo-passphrase",
        action="store_true",
        help=f"use the published demo passphrase ({DEMO_PASSPHRASE!r})",
    )
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("import", help="import employees and cases from a JSON document")
    add_vault_argument(p)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="export employees and cases as a JSON document")
    add_vault_argument(p)
    p.add_argument("--case", help="export only this case (e.g. C-2026-0007)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=cmd_export)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import build_demo

    if args.demo_passphrase:
        passphrase = DEMO_PASSPHRASE
    else:
        passphrase = read_passphrase(args, "New passphrase for the demo vault: ", confirm=True)
        check_new_passphrase(passphrase)
    services = build_demo(args.vault, passphrase)
    try:
        cases = len(services.cases.all(None))
        people = len(services.employees.all())
    finally:
        services.close()
    print(f"Created demo vault {args.vault}: {people} employees, {cases} cases.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.interchange.interchange import ImportRefused, import_file

    services = open_services(args)
    try:
        result = import_file(services, args.file)
    except ImportRefused as exc:
        raise CommandError(f"{args.file.name}: {exc}") from None  # which file, where, what
    finally:
        services.close()
    print(result)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.interchange.interchange import export_to_file

    if args.out.exists():
        raise CommandError(f"{args.out} already exists; choose a new file name.")
    services = open_services(args)
    try:
        count = export_to_file(services, args.out, args.case)
    finally:
        services.close()
    print(
        f"Exported {plural(count, 'case')} to {args.out}. "
        "This file is NOT encrypted: store it safely."
    )
    return 0
