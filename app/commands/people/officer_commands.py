"""officer add | list | retire: the people who act in a vault (every audit event names one)."""

from __future__ import annotations

import argparse
import json

from app.commands.common import CommandError, add_vault_argument, open_services
from app.domain.records import Role
from app.domain.validation import InvalidRecord

ROLES = {"officer": Role.HR_OFFICER, "lead": Role.HR_LEAD}


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("officer", help="add, list or retire the vault's HR officers")
    verbs = top.add_subparsers(dest="officer_command", metavar="VERB", required=True)

    p = verbs.add_parser("add", help="add an HR officer or lead")
    add_vault_argument(p)
    p.add_argument("name", help="the officer's full name, as the audit trail will show it")
    p.add_argument("--email", default="")
    p.add_argument("--role", choices=sorted(ROLES), default="officer")
    p.set_defaults(handler=cmd_add)

    p = verbs.add_parser("list", help="list officers, active and retired")
    add_vault_argument(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("retire", help="retire an officer: kept in the trail, can no longer act")
    add_vault_argument(p)
    p.add_argument("name")
    p.set_defaults(handler=cmd_retire)


def _service(args: argparse.Namespace):
    from app.services.people.officer_service import OfficerService

    services = open_services(args)
    return services, OfficerService(services.vault, services.clock)


def cmd_add(args: argparse.Namespace) -> int:
    services, officers = _service(args)
    try:
        stored = officers.add(args.name, args.email, ROLES[args.role])
    except InvalidRecord as exc:
        raise CommandError(str(exc)) from None
    finally:
        services.close()
    print(f"Added {stored.name} ({stored.role.value}).")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    services, officers = _service(args)
    try:
        entries = officers.entries()
    finally:
        services.close()
    rows = [
        {
            "name": e.officer.name,
            "email": e.officer.email,
            "role": e.officer.role.value,
            "retired_on": e.retired_on,
        }
        for e in entries
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        state = f"retired {r['retired_on']}" if r["retired_on"] else "active"
        print(f"{r['name']}\t{r['role']}\t{state}")
    return 0


def cmd_retire(args: argparse.Namespace) -> int:
    services, officers = _service(args)
    try:
        entry = officers.retire(args.name)
    finally:
        services.close()
    print(f"Retired {entry.officer.name} on {entry.retired_on}.")
    return 0
