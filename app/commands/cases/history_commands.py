"""history, reopen: read every earlier version of a case's records; reopen a closed case.

`history` prints, per record, each version with who wrote it and when and what changed since
the one before, in words; `--json` gives the same with the record hash of each version.
`reopen` is the only way to write on a closed case again: a reason and the approval the case's
policy asks (``[reopen]``), recorded as a decision and audited.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from app.commands.common import CommandError, add_vault_argument, open_services
from app.domain.records import Role
from app.domain.words.wording import plural

if TYPE_CHECKING:
    from app.services.audit.history_service import RecordHistory


def _role(text: str) -> Role:
    try:
        return Role.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"role: {exc}") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "history",
        help="every version of a case's records: who changed what, when (earlier versions "
        "are never overwritten)",
    )
    add_vault_argument(p)
    p.add_argument("case", help="the case reference, e.g. C-2026-0007")
    p.add_argument(
        "--record",
        help="one record, as kind:number (conversation:12, indicator:3, plan:2, case:1) or a "
        "number the case uses once; without it: every record that changed",
    )
    p.add_argument("--all", action="store_true", help="also list records never changed")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser(
        "reopen",
        help="reopen a closed case (a closed case is read-only), with a reason and the "
        "approval the policy asks",
    )
    add_vault_argument(p)
    p.add_argument("case", help="the case reference")
    p.add_argument("--reason", default="", help="why the case is reopened (required)")
    p.add_argument("--role", type=_role, required=True, help="the role you act in")
    p.add_argument("--actor", help="who reopens it (default: the officer)")
    p.add_argument("--approver", default="", help="who approved reopening, as the policy asks")
    p.add_argument("--approver-role", type=_role, help="their role, e.g. hr_lead")
    p.set_defaults(handler=cmd_reopen)


def _print(h: RecordHistory) -> None:
    count = plural(len(h.states), "version")
    gone = (
        f"; removed by {h.removed.officer} on {_when(h.removed.at)}"
        if h.removed is not None
        else ""
    )
    print(f"{h.title} [{h.ref}]: {count}{gone}")
    for i, state in enumerate(h.states):
        now = " (current)" if state.current else ""
        if state.before_handover:
            via = "import" if state.imported else "handover"
            now = f" (before the {via}, from {state.before_handover})"
        who = state.officer or "unknown"
        print(f"  Version {state.number}{now}: {state.what} by {who} on {state.when}")
        for change in h.changes(i):
            print(f"    {change.sentence()}")


def _when(at: str) -> str:
    from app.domain.words.history_wording import value_words

    return value_words("", "at", at)


def cmd_history(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        if args.record:
            found = [services.history.find(case.id, args.record)]
        else:
            found = services.history.case_records(case.id, changed_only=not args.all)
    finally:
        services.close()
    if args.json:
        data = {"case": case.reference, "records": [h.as_json() for h in found]}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(f"{case.reference}: no record has been changed or removed since it was written.")
        return 0
    for h in found:
        _print(h)
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        if not args.reason.strip():
            raise CommandError("Give the reason for reopening with --reason; nothing was changed.")
        services.reopening.reopen(
            case.id,
            args.actor or services.officer.name,
            args.role,
            args.reason,
            args.approver,
            args.approver_role,
        )
    finally:
        services.close()
    print(f"{case.reference} is open again; its records can be changed.")
    return 0
