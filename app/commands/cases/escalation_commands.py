"""advance, approve, close, track, recommend, flags, exception from a shell (policy: see
`policy_commands`).

Every refusal exits with status 2 and says, in plain words, everything that is missing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.commands.common import (
    CommandError,
    add_json_option,
    add_vault_argument,
    date_arg,
    id_arg,
    int_arg,
    open_services,
    print_json,
)
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.plans.satisfaction import Satisfaction, parse_score
from app.domain.records import CaseStatus, LabelledEnum, Outcome, Role, Track
from app.domain.validation import InvalidRecord
from app.domain.words.wording import plural

if TYPE_CHECKING:
    from app.services.services import Services


def _parse(enum: type[LabelledEnum], what: str) -> Callable[[str], LabelledEnum]:
    def parse(text: str) -> LabelledEnum:
        try:
            return enum.parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{what}: {exc}") from None

    return parse


def _day(text: str) -> date:
    return date_arg(text)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("advance", help="move a case to another stage (forwards or back)")
    add_vault_argument(p)
    p.add_argument("case", help="case reference, e.g. C-2026-0007")
    p.add_argument("stage", help="target stage key, e.g. formal_concern")
    p.add_argument(
        "--role",
        type=_parse(Role, "role"),
        required=True,
        help="the role you act in: " + ", ".join(r.value for r in Role),
    )
    p.add_argument("--reason", default="", help="why the case moves (required to move)")
    p.add_argument("--actor", help="who moves the case (default: the officer)")
    p.add_argument(
        "--check",
        action="store_true",
        help="only say whether the move is allowed and what is missing",
    )
    p.set_defaults(handler=cmd_advance)

    p = sub.add_parser("approve", help="record an approval or review of a stage move")
    add_vault_argument(p)
    p.add_argument("case")
    p.add_argument("stage", help="the target stage of the move, or closed:OUTCOME")
    p.add_argument("--role", type=_parse(Role, "role"), required=True)
    p.add_argument("--by", help="who approves (default: the officer)")
    p.add_argument("--note", default="")
    p.add_argument("--decline", action="store_true", help="record a refusal instead")
    p.set_defaults(handler=cmd_approve)

    p = sub.add_parser("close", help="close a case at the outcome stage")
    add_vault_argument(p)
    p.add_argument("case")
    p.add_argument(
        "--outcome",
        type=_parse(Outcome, "outcome"),
        required=True,
        help=", ".join(o.value for o in Outcome),
    )
    p.add_argument("--role", type=_parse(Role, "role"), required=True)
    p.add_argument("--reason", default="")
    p.add_argument("--actor")
    for who in ("employee", "manager"):
        p.add_argument(
            f"--{who}-satisfaction",
            type=_score,
            metavar="N",
            help=f"optional: the {who}'s satisfaction, 1 (low) to 5 (high)",
        )
    p.set_defaults(handler=cmd_close)

    p = sub.add_parser(
        "track", help="move a case to the other track (standard or high_stakes), with a reason"
    )
    add_vault_argument(p)
    p.add_argument("case")
    p.add_argument("track", type=_parse(Track, "track"), help="standard or high_stakes")
    p.add_argument("--role", type=_parse(Role, "role"), required=True, help="the role you act in")
    p.add_argument("--reason", default="", help="why the track changes (required)")
    p.add_argument("--actor", help="who asks for the change (default: the officer)")
    p.add_argument("--approver", default="", help="who approved the change, as the policy asks")
    p.add_argument("--approver-role", type=_parse(Role, "approver role"), help="their role")
    p.set_defaults(handler=cmd_track)

    p = sub.add_parser("recommend", help="what the case's indicators suggest (never moves it)")
    add_vault_argument(p)
    p.add_argument("case")
    add_json_option(p)
    p.set_defaults(handler=cmd_recommend)

    p = sub.add_parser("flags", help="every open case with its next deadline and flags")
    add_vault_argument(p)
    p.add_argument("--on", type=_day, help="the date to compute for (default: today)")
    add_json_option(p)
    p.set_defaults(handler=cmd_flags)

    p = sub.add_parser("exception", help="record an exception: extend, pause, skip, deviation")
    add_vault_argument(p)
    p.add_argument("case")
    p.add_argument(
        "--kind",
        type=_parse(ExceptionKind, "kind"),
        required=True,
        help=", ".join(k.value for k in ExceptionKind),
    )
    p.add_argument("--reason", required=True)
    p.add_argument("--requested-by", help="who asks for it (default: the officer)")
    p.add_argument("--approver", default="", help="who approved it (omit to leave it pending)")
    p.add_argument("--approver-role", type=_parse(Role, "approver role"))
    p.add_argument("--from", dest="starts_on", type=_day, help="pause: first paused day")
    p.add_argument("--to", dest="ends_on", type=_day, help="pause: last paused day")
    p.add_argument(
        "--days",
        type=int_arg(0, 260, "number of days"),
        default=0,
        help="extend: extra business days",
    )
    p.add_argument("--skip", default="", help="skip: the stage to skip")
    p.set_defaults(handler=cmd_exception)

    p = sub.add_parser("exceptions", help="list a case's exceptions with their ids and status")
    add_vault_argument(p)
    p.add_argument("case")
    add_json_option(p)
    p.set_defaults(handler=cmd_exceptions)

    p = sub.add_parser("decide-exception", help="approve or decline a requested exception")
    add_vault_argument(p)
    p.add_argument("case")
    p.add_argument("id", type=id_arg, help="the exception's id (see `casepath exceptions`)")
    p.add_argument("--approver", required=True, help="who decides")
    p.add_argument(
        "--approver-role", type=_parse(Role, "approver role"), required=True, help="e.g. hr_lead"
    )
    p.add_argument("--decline", action="store_true", help="decline instead of approving")
    p.set_defaults(handler=cmd_decide_exception)


def _score(text: str) -> int:
    try:
        return parse_score(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _run(args: argparse.Namespace, body: Callable[[Services], int]) -> int:
    from app.domain.escalation.policy import PolicyError

    services = open_services(args)
    try:
        return body(services)
    except (PolicyError, InvalidRecord) as exc:
        raise CommandError(str(exc)) from None
    finally:
        services.close()


def cmd_advance(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        actor = args.actor or s.officer.name
        if args.check:
            check = s.escalation.check_move(case.id, args.stage, args.role, actor)
            print(str(check))
            for line in check.satisfied:
                print(f"  ✓ {line}")
            return 0 if check.allowed else 1
        change = s.escalation.advance(case.id, args.stage, actor, args.role, args.reason)
        policy = s.escalation.policy_for(case)
        print(
            f"{case.reference} moved from {policy.stage_name(change.from_stage or '')} to "
            f"{policy.stage_name(change.to_stage)}."
        )
        due = s.escalation.deadline(case.id)
        if due.next_due:
            f = s.vault_settings.document_formats()
            print(
                f"Next deadline {f.date(due.next_due)} ({plural(due.days_left, 'business day')})."
            )
        return 0

    return _run(args, body)


def cmd_approve(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        who = args.by or s.officer.name
        if args.decline:
            a = s.escalation.decline(case.id, args.stage, who, args.role, args.note)
        else:
            a = s.escalation.approve(case.id, args.stage, who, args.role, args.note)
        print(
            f"{case.reference}: {a.describe()} the move to {args.stage.replace('_', ' ')}"
            + (" (declined)" if args.decline else "")
            + "."
        )
        if not args.decline and not args.stage.startswith("closed:"):
            check = s.escalation.check_move(case.id, args.stage, Role.MANAGER, "")
            waiting = [m for m in check.missing if m.startswith(("approval", "review"))]
            print(
                "Still needed: " + "; ".join(waiting)
                if waiting
                else "All sign-offs for this move are recorded."
            )
        return 0

    return _run(args, body)


def cmd_close(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        scores = Satisfaction(args.employee_satisfaction, args.manager_satisfaction)
        s.escalation.close(
            case.id, args.outcome, args.actor or s.officer.name, args.role, args.reason, scores
        )
        print(f"{case.reference} closed: {args.outcome.label}.")
        return 0

    return _run(args, body)


def cmd_track(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        moved = s.tracks.change(
            case.id,
            args.track,
            args.actor or s.officer.name,
            args.role,
            args.reason,
            args.approver,
            args.approver_role,
        )
        print(f"{case.reference} is now on the {moved.track.label.lower()} track.")
        return 0

    return _run(args, body)


def cmd_recommend(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        rec = s.escalation.recommend(case.id)
        if args.json:
            print_json({"case": case.reference, "recommendation": str(rec), "detail": rec})
            return 0
        print(f"{case.reference}: {rec}")
        return 0

    return _run(args, body)


def cmd_flags(args: argparse.Namespace) -> int:

    from app.domain.escalation.flags import flag_words

    def body(s: Services) -> int:
        on = args.on or s.clock.today()
        header = ("Reference", "Stage", "Track", "Next due", "Days left", "Flags")
        table = [header]
        f = s.vault_settings.document_formats()
        data = []
        for case in s.cases.all(CaseStatus.OPEN):
            due, left, flags = s.escalation.deadline(case.id, on)
            data.append(
                {
                    "reference": case.reference,
                    "stage": case.stage,
                    "track": case.track,
                    "next_due": due,
                    "business_days_left": left,
                    "flags": sorted(f.value for f in flags),
                }
            )
            table.append(
                (
                    case.reference,
                    s.escalation.policy_for(case).stage_name(case.stage),
                    case.track.label,
                    f.date(due),
                    "—" if left is None else str(left),
                    flag_words(flags),
                )
            )
        if args.json:
            print_json(data)
            return 0
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        for row in table:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        print(f"{plural(len(table) - 1, 'open case')} on {f.date(on)}.")
        return 0

    return _run(args, body)


def cmd_exception(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        if args.approver and args.approver_role is None:
            raise CommandError("Give --approver-role with --approver (e.g. hr_lead).")
        exc = s.escalation.request_exception(
            case.id,
            args.kind,
            args.reason,
            args.requested_by or s.officer.name,
            approver=args.approver,
            approver_role=args.approver_role,
            starts_on=args.starts_on,
            ends_on=args.ends_on,
            extra_business_days=args.days,
            skip_stage=args.skip,
        )
        print(f"{case.reference}: {exc.kind.label} recorded ({exc.status.label.lower()}).")
        due = s.escalation.deadline(case.id)
        if due.next_due:
            print(f"Next deadline {s.vault_settings.document_formats().date(due.next_due)}.")
        return 0

    return _run(args, body)


def cmd_exceptions(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        found = s.escalation.exceptions(case.id)
        f = s.vault_settings.document_formats()
        if args.json:
            print_json(found)
            return 0
        for exc in found:
            decided = f" by {exc.approver} on {f.date(exc.decided_on)}" if exc.decided_on else ""
            print(
                f"{exc.id:>4}  {f.date(exc.requested_on)}  {exc.status.label:<9}  "
                f"{exc.describe()}{decided}"
            )
        print(f"{plural(len(found), 'exception')} on {case.reference}.")
        return 0

    return _run(args, body)


def cmd_decide_exception(args: argparse.Namespace) -> int:

    def body(s: Services) -> int:
        case = s.cases.by_reference(args.case)
        if args.id not in {e.id for e in s.escalation.exceptions(case.id)}:
            raise CommandError(f"{case.reference} has no exception {args.id}.")
        exc = s.escalation.decide_exception(
            args.id, args.approver, args.approver_role, approve=not args.decline
        )
        print(f"{case.reference}: {exc.kind.label} {exc.status.label.lower()}.")
        return 0

    return _run(args, body)
