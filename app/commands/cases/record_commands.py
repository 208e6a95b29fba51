"""new-employee, new-case, conversation, indicator, observation, decision, attach, records:
the case writes the window's dialogs do, as verbs, through the same services (and the same
policy guard), so a whole case can be worked from a script.

Every verb prints what it stored (``--json``: the stored record's id and case), and refuses bad
input with the field and what to write instead; nothing is half-stored.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import CommandError, add_vault_argument, date_arg, id_arg, open_services
from app.domain.attachments import AttachmentOwner
from app.domain.plans.plans import MicroGoalStatus
from app.domain.records import (
    Conversation,
    ConversationKind,
    Decision,
    Employee,
    Indicator,
    IndicatorCategory,
    LabelledEnum,
    Observation,
    Role,
    RootCause,
    Track,
)
from app.domain.validation import InvalidRecord
from app.domain.words.wording import plural

if TYPE_CHECKING:
    from app.services.services import Services


def enum_arg(enum: type[LabelledEnum]) -> Callable[[str], LabelledEnum]:
    """An argparse type naming the allowed values when the text is none of them."""

    def parse(text: str) -> LabelledEnum:
        try:
            return enum.parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = enum.__name__
    return parse


def run(args: argparse.Namespace, body: Callable[[Services], object]) -> int:
    """Open, do, print; a refused record is a message naming its fields, never a traceback."""
    services = open_services(args)
    try:
        out = body(services)
    except InvalidRecord as exc:
        raise CommandError(str(exc)) from None
    except LookupError as exc:
        raise CommandError(str(exc).strip("'\"")) from None
    finally:
        services.close()
    if getattr(args, "json", False) and out is not None:
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
    return 0


def _say(args: argparse.Namespace, text: str, data: dict) -> dict | None:
    if getattr(args, "json", False):
        return data
    print(text)
    return None


def _case_verb(sub: argparse._SubParsersAction, name: str, text: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=text)
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference, e.g. C-2026-0007")
    p.add_argument("--json", action="store_true", help="print the stored record's id as JSON")
    if name != "records":
        p.add_argument(
            "--correct",
            type=id_arg,
            metavar="ID",
            help="correct this stored record instead (give every field as it should read)",
        )
    return p


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-employee", help="add an employee (the window's Employees → Add)")
    add_vault_argument(p)
    p.add_argument("--number", required=True, help="employee number, e.g. E1001")
    p.add_argument("--name", default="", help="required for a new employee")
    p.add_argument("--department", default="", help="required for a new employee")
    p.add_argument("--job-title", default="")
    p.add_argument("--manager", default="", help="the employee's manager (name)")
    p.add_argument("--email", default="")
    p.add_argument("--start-date", type=date_arg, help="employed since (YYYY-MM-DD)")
    p.add_argument(
        "--update",
        action="store_true",
        help="change the employee with this number instead (fields not given stay as they are)",
    )
    p.add_argument("--json", action="store_true", help="print the stored id as JSON")
    p.set_defaults(handler=cmd_new_employee)

    p = sub.add_parser("new-case", help="open a case for an employee (the window's New case…)")
    add_vault_argument(p)
    p.add_argument("--employee", required=True, metavar="NUMBER", help="the employee number")
    p.add_argument("--stage", default="early_conversation", help="the stage it starts in")
    p.add_argument("--track", type=enum_arg(Track), default=Track.STANDARD)
    p.add_argument("--opened", type=date_arg, help="opened on (default today)")
    p.add_argument("--json", action="store_true", help="print the new case as JSON")
    p.set_defaults(handler=cmd_new_case)

    p = _case_verb(sub, "conversation", "record a conversation held on a case")
    p.add_argument("--held", type=date_arg, required=True, help="held on (YYYY-MM-DD)")
    p.add_argument("--kind", type=enum_arg(ConversationKind), default=ConversationKind.INFORMAL)
    p.add_argument("--summary", required=True, help="what was said and agreed")
    p.add_argument("--attendee", action="append", default=[], help="who took part (repeat)")
    p.add_argument("--expectations", default="")
    p.add_argument("--constraints", default="")
    p.add_argument("--root-cause", type=enum_arg(RootCause), action="append", default=[])
    p.add_argument("--root-cause-notes", default="")
    p.add_argument("--agreed-action", action="append", default=[], help="an agreed action")
    p.add_argument(
        "--goal",
        action="append",
        default=[],
        metavar="UID=STATUS[:NOTE]",
        help="a check-in: mark a micro-goal of the plan done, missed or open (repeat)",
    )
    p.set_defaults(handler=cmd_conversation)

    p = _case_verb(sub, "indicator", "record a measurable indicator on a case")
    p.add_argument("--observed", type=date_arg, required=True, help="observed on (YYYY-MM-DD)")
    p.add_argument("--category", type=enum_arg(IndicatorCategory), required=True)
    p.add_argument("--metric", required=True, help="what was measured")
    p.add_argument("--expected", type=float)
    p.add_argument("--actual", type=float)
    p.add_argument("--unit", default="")
    p.add_argument("--source", required=True, help="where the figure came from")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_indicator)

    p = _case_verb(sub, "observation", "record a stakeholder's observation on a case")
    p.add_argument("--observed", type=date_arg, required=True, help="observed on (YYYY-MM-DD)")
    p.add_argument("--author", required=True, help="who observed it")
    p.add_argument("--author-role", default="", help="e.g. peer, customer")
    p.add_argument("--text", required=True)
    p.set_defaults(handler=cmd_observation)

    p = _case_verb(sub, "decision", "record a decision taken on a case")
    p.add_argument("--decided", type=date_arg, required=True, help="decided on (YYYY-MM-DD)")
    p.add_argument("--by", required=True, help="who decided")
    p.add_argument("--role", type=enum_arg(Role), required=True, help="their role")
    p.add_argument("--summary", required=True, help="the decision")
    p.add_argument("--rationale", default="")
    p.set_defaults(handler=cmd_decision)

    p = sub.add_parser("attach", help="attach a file to a conversation, indicator or observation")
    add_vault_argument(p)
    p.add_argument("owner", type=enum_arg(AttachmentOwner), help="conversation, indicator, …")
    p.add_argument("record", type=id_arg, help="the record's id (as printed when recorded)")
    p.add_argument("file", type=Path, help="the file (stored encrypted inside the vault)")
    p.add_argument("--json", action="store_true", help="print the attachment's id as JSON")
    p.set_defaults(handler=cmd_attach)

    p = sub.add_parser("detach", help="remove an attachment (the trail keeps that it existed)")
    add_vault_argument(p)
    p.add_argument("attachment", type=id_arg, help="the attachment's id")
    p.set_defaults(handler=cmd_detach)

    p = _case_verb(sub, "records", "list a case's conversations, indicators, observations …")
    p.set_defaults(handler=cmd_records)


def cmd_new_employee(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        existing = s.employees.by_number(args.number)
        if existing is not None and not args.update:
            raise CommandError(
                f"Employee {args.number} already exists; nothing was added (--update changes it)."
            )
        if existing is None and args.update:
            raise CommandError(f"No employee numbered {args.number}; nothing was changed.")
        given = {
            "name": args.name,
            "department": args.department,
            "job_title": args.job_title,
            "manager": args.manager,
            "email": args.email,
            "start_date": args.start_date,
        }
        if existing is not None:  # --update: what is not given stays as it is
            emp = s.employees.update(
                replace(existing, **{k: v for k, v in given.items() if v not in ("", None)})
            )
        else:
            emp = s.employees.add(Employee(employee_number=args.number, **given))
        verb = "Updated" if args.update else "Added"
        return _say(args, f"{verb} employee {emp.employee_number}.", {"id": emp.id})

    return run(args, body)


def cmd_new_case(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        emp = s.employees.by_number(args.employee)
        if emp is None:
            raise CommandError(
                f"No employee numbered {args.employee}; add one with `casepath new-employee`."
            )
        case = s.cases.open_case(emp.id, stage=args.stage, track=args.track, opened_on=args.opened)
        return _say(
            args,
            f"Opened case {case.reference} ({case.track.label}, "
            f"{s.escalation.policy_for(case).stage_name(case.stage)}).",
            {"id": case.id, "reference": case.reference, "stage": case.stage},
        )

    return run(args, body)


def _add(
    args: argparse.Namespace,
    make: Callable[[int], object],
    what: str,
    marks: list[tuple[str, MicroGoalStatus, str]] | None = None,
) -> int:

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        record = make(case.id)
        if args.correct is None:
            if marks:  # a check-in's micro-goal marks first, as the window's dialog does
                s.plans.mark_micro_goals(case.id, marks)
            stored = s.cases.add(record)
            verb = "Recorded"
        else:
            found = [r for r in s.cases.records(type(record), case.id) if r.id == args.correct]
            if not found:
                raise CommandError(f"{case.reference} has no {what} {args.correct}.")
            stored = s.cases.update(replace(record, id=found[0].id, uid=found[0].uid))
            verb = "Corrected"
        return _say(
            args,
            f"{verb} {what} {stored.id} on {case.reference}.",
            {"id": stored.id, "case": case.reference},
        )

    return run(args, body)


def goal_marks(items: list[str]) -> list[tuple[str, MicroGoalStatus, str]]:
    """``UID=STATUS[:NOTE]`` flags as the marks `PlanService.mark_micro_goals` takes."""
    marks = []
    for item in items:
        uid, sep, rest = item.partition("=")
        status, _, note = rest.partition(":")
        if not sep or not uid.strip() or not status.strip():
            raise CommandError(f"--goal '{item}' is not UID=STATUS; write it like GOAL_UID=done.")
        try:
            marks.append((uid.strip(), MicroGoalStatus.parse(status.strip()), note.strip()))
        except ValueError as exc:
            raise CommandError(f"--goal '{item}': {exc}") from None
    return marks


def cmd_conversation(args: argparse.Namespace) -> int:
    if args.goal and (args.kind is not ConversationKind.CHECK_IN or args.correct is not None):
        raise CommandError(
            "--goal marks micro-goals at a new check-in; give --kind check_in (and no "
            "--correct), or use plan-goal. Nothing was recorded."
        )
    return _add(
        args,
        lambda case_id: Conversation(
            case_id=case_id,
            held_on=args.held,
            kind=args.kind,
            summary=args.summary,
            attendees=tuple(args.attendee),
            constraints=args.constraints,
            expectations=args.expectations,
            root_causes=tuple(dict.fromkeys(args.root_cause)),
            root_cause_notes=args.root_cause_notes,
            agreed_actions=tuple(args.agreed_action),
        ),
        "conversation",
        goal_marks(args.goal),
    )


def cmd_indicator(args: argparse.Namespace) -> int:
    return _add(
        args,
        lambda case_id: Indicator(
            case_id=case_id,
            category=args.category,
            metric=args.metric,
            observed_on=args.observed,
            expected=args.expected,
            actual=args.actual,
            unit=args.unit,
            source=args.source,
            note=args.note,
        ),
        "indicator",
    )


def cmd_observation(args: argparse.Namespace) -> int:
    return _add(
        args,
        lambda case_id: Observation(
            case_id=case_id,
            observed_on=args.observed,
            author=args.author,
            author_role=args.author_role,
            text=args.text,
        ),
        "observation",
    )


def cmd_decision(args: argparse.Namespace) -> int:
    return _add(
        args,
        lambda case_id: Decision(
            case_id=case_id,
            decided_on=args.decided,
            decided_by=args.by,
            role=args.role,
            summary=args.summary,
            rationale=args.rationale,
        ),
        "decision",
    )


def cmd_attach(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        if not args.file.is_file():
            raise CommandError(f"{args.file} is not a file; give the file to attach.")
        att = s.attachments.add_file(args.owner, args.record, args.file)
        return _say(
            args,
            f"Attached {att.filename} to {args.owner.value} {args.record} (attachment {att.id}).",
            {"id": att.id, "record": args.record},
        )

    return run(args, body)


def cmd_detach(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        att = s.attachments.get(args.attachment)
        s.attachments.remove(att.id)
        print(f"Removed attachment {att.id} ({att.filename}).")
        return None

    return run(args, body)


def cmd_records(args: argparse.Namespace) -> int:

    def body(s: Services) -> list | None:
        case = s.cases.by_reference(args.case)
        rows = []
        for kind, items in (
            ("conversation", s.cases.conversations(case.id)),
            ("indicator", s.cases.indicators(case.id)),
            ("observation", s.cases.observations(case.id)),
            ("decision", s.cases.decisions(case.id)),
        ):
            for r in items:
                on = getattr(r, "held_on", None) or getattr(r, "observed_on", None)
                on = on or getattr(r, "decided_on", None)
                title = getattr(r, "summary", None) or getattr(r, "metric", None) or r.text
                rows.append({"kind": kind, "id": r.id, "on": on.isoformat(), "title": title})
        rows.sort(key=lambda r: (r["on"], r["kind"], r["id"]))
        if args.json:
            return rows
        for r in rows:
            print(f"{r['on']}  {r['kind']:<12} {r['id']:>5}  {r['title']}")
        print(f"{plural(len(rows), 'record')}.")
        return None

    return run(args, body)
