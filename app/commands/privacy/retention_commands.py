"""retention | hold | release-hold | erase: the privacy duties of a vault (issue 15).

`retention VAULT --due` lists closed cases whose retention period has ended, with the rule that
makes each due (cases under legal hold are listed apart, as kept). `erase` names what goes and
asks for the reference (or employee number) to be typed back; ``--yes`` is for scripts that
have shown the list some other way.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from app.commands.common import CommandError, add_vault_argument, open_services
from app.domain.validation import InvalidRecord

if TYPE_CHECKING:
    from app.services.privacy.erasure_service import ErasurePreview


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("retention", help="closed cases due for deletion under the policy")
    add_vault_argument(p)
    p.add_argument("--due", action="store_true", help="list the cases due for deletion today")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_retention)

    p = sub.add_parser("hold", help="place a legal hold on a case: nothing of it can be deleted")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference")
    p.add_argument("--reason", required=True, help="why the case must be kept (e.g. a claim)")
    p.set_defaults(handler=cmd_hold)

    p = sub.add_parser("release-hold", help="lift a case's legal hold (audited)")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference")
    p.add_argument("--reason", required=True, help="why the hold is no longer needed")
    p.set_defaults(handler=cmd_release)

    p = sub.add_parser(
        "erase", help="erase a case, or an employee and all their cases, leaving no trace"
    )
    add_vault_argument(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", metavar="REF", help="erase this case")
    which.add_argument("--employee", metavar="ID", help="erase this employee (number) and cases")
    p.add_argument("--yes", action="store_true", help="do not ask to type the name back")
    p.set_defaults(handler=cmd_erase)


def _due_json(entry, employee_number: str) -> dict:
    return {
        "reference": entry.case.reference,
        "employee": employee_number,
        "outcome": entry.case.outcome.value if entry.case.outcome else None,
        "closed_on": entry.case.closed_on.isoformat(),
        "kept_months": entry.months,
        "due_on": entry.due_on.isoformat(),
        "rule": entry.rule,
        "held": entry.case.held,
    }


def cmd_retention(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        rules = services.retention.rules()
        due, held = services.retention.due()
        numbers = {
            e.case.employee_id: services.employees.get(e.case.employee_id).employee_number
            for e in due + held
        }
    finally:
        services.close()
    if args.json:
        doc = {
            "today": services.clock.today().isoformat(),
            "rules": {o.value: m for o, m in rules.months.items()},
            "due": [_due_json(e, numbers[e.case.employee_id]) for e in due],
            "held": [_due_json(e, numbers[e.case.employee_id]) for e in held],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    if not rules.months:
        print("The policy sets no retention periods ([retention]): no case is ever due.")
        return 0
    if not args.due:
        for outcome, months in rules.months.items():
            print(f"{outcome.label}\tkept {months} months after closing\tretention.{outcome.value}")
        return 0
    if not due:
        print("No case is due for deletion today.")
    for e in due:
        print(f"{e.case.reference}\t{numbers[e.case.employee_id]}\t{e.describe()}\t{e.rule}")
    for e in held:
        print(f"{e.case.reference}\tkept: under legal hold\t{e.describe()}")
    return 0


def cmd_hold(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        hold = services.holds.place(case.id, args.reason)
    except InvalidRecord as exc:
        raise CommandError(str(exc)) from None
    finally:
        services.close()
    print(f"Case {case.reference} is now under legal hold (placed {hold.placed_on.isoformat()}).")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        case = services.cases.by_reference(args.case)
        services.holds.release(case.id, args.reason)
    except InvalidRecord as exc:
        raise CommandError(str(exc)) from None
    finally:
        services.close()
    print(f"The legal hold on case {case.reference} is lifted.")
    return 0


def _confirm(preview: ErasurePreview, answer: str, yes: bool) -> None:
    print(f"Erasing {preview.title}:")
    for line in preview.lines():
        print(f"  {line}")
    if preview.kept_note():
        print(preview.kept_note())
    if yes:
        return
    if not sys.stdin.isatty():
        raise CommandError("Not at a terminal: add --yes to erase; nothing was erased.")
    typed = input(f"Type {answer} to erase all of this for good: ").strip()
    if typed.upper() != answer.upper():
        raise CommandError("That was not it; nothing was erased.")


def cmd_erase(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if args.case:
            case = services.cases.by_reference(args.case)
            services.holds.require_no_hold([case.id])
            preview = services.erasure.preview_case(case.id)
            _confirm(preview, case.reference, args.yes)
            result = services.erasure.erase_case(case.id)
        else:
            emp = services.employees.by_number(args.employee.strip())
            if emp is None:
                raise CommandError(f"There is no employee {args.employee} in this vault.")
            preview = services.erasure.preview_employee(emp.id)
            services.holds.require_no_hold(list(preview.plan.case_ids))
            _confirm(preview, emp.employee_number, args.yes)
            result = services.erasure.erase_employee(emp.id)
    finally:
        services.close()
    print(f"Erased: {sum(result.counts.values())} rows; audit event {result.event_seq}.")
    return 0
