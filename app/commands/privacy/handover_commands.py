"""sar, bundle: a subject access export, and handing cases over to another vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, add_vault_argument, open_services
from app.domain.words.wording import plural


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sar",
        help="subject access export: everything held about one employee (PDF, JSON, files)",
    )
    add_vault_argument(p)
    p.add_argument("employee", help="the employee number")
    p.add_argument("--out", type=Path, required=True, help="a new (or empty) folder to write")
    p.set_defaults(handler=cmd_sar)

    p = sub.add_parser("bundle", help="hand cases over to another vault (encrypted bundles)")
    verbs = p.add_subparsers(dest="bundle_command", metavar="VERB", required=True)
    k = verbs.add_parser("key", help="show this vault's handover key (give it to the sender)")
    add_vault_argument(k)
    k.set_defaults(handler=cmd_key)
    e = verbs.add_parser("export", help="write an encrypted bundle of cases for another vault")
    add_vault_argument(e)
    e.add_argument("cases", nargs="+", metavar="REF", help="case references")
    e.add_argument("--to", required=True, help="the receiving vault's handover key (age1…)")
    e.add_argument("--out", type=Path, required=True, help="the bundle file to write")
    e.set_defaults(handler=cmd_export)
    i = verbs.add_parser("import", help="import a bundle; writes the acknowledgement to return")
    add_vault_argument(i)
    i.add_argument("bundle", type=Path, help="the bundle file")
    i.add_argument(
        "--ack",
        type=Path,
        help="where to write the acknowledgement (default: beside the bundle, .ack)",
    )
    i.set_defaults(handler=cmd_import)
    a = verbs.add_parser("ack", help="import the receiver's acknowledgement (case read-only)")
    add_vault_argument(a)
    a.add_argument("ack", type=Path, help="the acknowledgement file")
    a.set_defaults(handler=cmd_ack)


def cmd_sar(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        emp = services.employees.by_number(args.employee)
        if emp is None:
            raise CommandError(f"No employee with number {args.employee}; nothing was written.")
        result = services.subject_access.export(emp.id, args.out)
    finally:
        services.close()
    print(
        f"Wrote {result.folder}: {result.pdf.name} and {result.json.name} "
        f"({plural(result.cases, 'case')}, {plural(result.records, 'record')}, "
        f"{plural(result.files, 'attached file')}). Other people are named by role only; "
        "read the attached files before release, they are copies as stored."
    )
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        print(services.handover.key())
    finally:
        services.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        result = services.handover.export(args.cases, args.to, args.out)
    finally:
        services.close()
    print(
        f"Wrote {result.path}: {plural(len(result.references), 'case')} "
        f"({', '.join(result.references)}) with {plural(result.events, 'audit event')}, "
        f"encrypted for that key; digest {result.digest[:16]}. The cases become read-only here "
        "once the receiver's acknowledgement is imported (casepath bundle ack)."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    ack = args.ack or args.bundle.with_name(args.bundle.name + ".ack")
    services = open_services(args)
    try:
        result = services.handover.import_bundle(args.bundle, ack)
    finally:
        services.close()
    print(
        f"Imported {plural(len(result.references), 'case')} ({', '.join(result.references)}) "
        f"from {result.sender_officer} with {plural(result.events, 'audit event')}; employees: "
        f"{result.employees_matched} matched by number, {result.employees_created} added. "
        f"Digest {result.digest[:16]}: check it with the sender, who was shown the same. "
        f"Send the acknowledgement {result.ack_path} back to the sender."
    )
    return 0


def cmd_ack(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        refs = services.handover.import_ack(args.ack)
    finally:
        services.close()
    print(f"Handed over: {', '.join(refs)} are read-only in this vault now.")
    return 0
