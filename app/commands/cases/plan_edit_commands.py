"""plan-edit, review-reschedule: the window's plan editor (a plan not yet agreed is edited in
place) and its review dialog opened on a scheduled review (moved, or its place or people changed).

Both call the same service methods the window calls (`PlanService.save`,
`ReviewService.reschedule`), so the policy's rights, the stage rules and the audit apply alike.
An objective or micro-goal given without a uid keeps the uid of the current one of the same
title, so progress recorded against it stays attached (as the window keeps it).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.commands.cases.plan_write_commands import plan_from_file
from app.commands.cases.record_commands import _say, run
from app.commands.common import CommandError, add_vault_argument, id_arg, int_arg
from app.domain.plans.reviews import Participant, ParticipantRole
from app.domain.words.wording import zone_label

# The review dialog's people fields, as flags: (flag, role, help).
PEOPLE = (
    ("employee", ParticipantRole.EMPLOYEE, "the employee"),
    ("supervisor", ParticipantRole.SUPERVISOR, "the direct supervisor"),
    ("observer", ParticipantRole.OBSERVER, "the neutral observer"),
    ("hr", ParticipantRole.HR_REPRESENTATIVE, "the HR representative"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "plan-edit",
        help="edit the case's coaching plan in place while it is not yet agreed",
        description="Reads the whole plan from a JSON file shaped as for plan-create and "
        "stores it over the current version (the earlier text stays in `history`). Once the "
        "employee has been walked through the plan, change it with plan-revise instead.",
    )
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference, e.g. C-2026-0007")
    p.add_argument("--from-json", type=Path, required=True, metavar="FILE", help="the plan")
    p.add_argument("--json", action="store_true", help="print the stored plan's id as JSON")
    p.set_defaults(handler=cmd_plan_edit)

    p = sub.add_parser(
        "review-reschedule",
        help="move a scheduled review, or change its place or people (with the reason)",
        description="What is not given stays as it is; give an empty name (--observer '') to "
        "remove that person. Calendars exported before update the same event.",
    )
    add_vault_argument(p)
    p.add_argument("review", type=id_arg, help="the review's id (see `review REF`)")
    p.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="the new local date and time")
    p.add_argument("--timezone", help="IANA time zone name, e.g. Europe/Berlin")
    p.add_argument("--minutes", type=int_arg(5, 1440, "number of minutes"), help="duration")
    p.add_argument("--place", help="where the review takes place")
    p.add_argument("--link", help="the call link")
    for flag, _role, text in PEOPLE:
        p.add_argument(f"--{flag}", metavar="NAME", help=text)
    p.add_argument("--reason", required=True, help="why the review changes")
    p.add_argument("--json", action="store_true", help="print the review's id as JSON")
    p.set_defaults(handler=cmd_review_reschedule)


def cmd_plan_edit(args: argparse.Namespace) -> int:
    from app.services.services import Services

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        current = s.plans.active(case.id)
        if current is None:
            raise CommandError(
                f"{case.reference} has no active coaching plan; create one with plan-create."
            )
        if current.is_agreed:
            raise CommandError(
                f"Plan v{current.version} of {case.reference} was agreed on "
                f"{current.agreed_on.isoformat()}; change it with plan-revise (a new version "
                "with its own agreement). Nothing was changed."
            )
        edited = plan_from_file(args.from_json, s, case.id)
        plan = s.plans.save(replace(edited, id=current.id, version=current.version))
        return _say(
            args,
            f"Saved plan v{plan.version} of {case.reference} "
            f"({len(plan.objectives)} objectives; not yet agreed).",
            {
                "id": plan.id,
                "version": plan.version,
                "objectives": [o.uid for o in plan.objectives],
            },
        )

    return run(args, body)


def _people(args: argparse.Namespace, given: tuple[Participant, ...]) -> tuple[Participant, ...]:
    names = {p.role: p.name for p in given}
    for flag, role, _text in PEOPLE:
        value = getattr(args, flag)
        if value is not None:
            names[role] = value.strip()
    return tuple(Participant(role, names[role]) for _, role, _t in PEOPLE if names.get(role))


def cmd_review_reschedule(args: argparse.Namespace) -> int:
    from app.services.services import Services

    def body(s: Services) -> dict | None:
        current = s.reviews.get(args.review)
        starts = current.starts_at
        if args.at is not None:
            try:
                starts = datetime.fromisoformat(args.at)
            except ValueError:
                raise CommandError(
                    f"The time '{args.at}' is not valid; write it like 2026-03-20T10:00."
                ) from None
            if starts.tzinfo is not None:
                raise CommandError(
                    "Give the local time without an offset and the zone with --timezone."
                )
        if not args.reason.strip():
            raise CommandError("Say why the review changes (--reason); nothing was changed.")
        changed = replace(
            current,
            starts_at=starts,
            timezone=args.timezone or current.timezone,
            duration_minutes=args.minutes or current.duration_minutes,
            location=current.location if args.place is None else args.place.strip(),
            call_link=current.call_link if args.link is None else args.link.strip(),
            participants=_people(args, current.participants),
        )
        stored = s.reviews.reschedule(changed, args.reason.strip())
        f = s.vault_settings.document_formats()
        return _say(
            args,
            f"Changed review {stored.id}: {f.weekday_datetime(stored.starts_at)} "
            f"{zone_label(stored.timezone)}.",
            {"id": stored.id, "starts_at": stored.starts_at.isoformat(), "status": "scheduled"},
        )

    return run(args, body)
