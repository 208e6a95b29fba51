"""ics, plan, review, agenda: coaching plans and formal reviews from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import (
    CommandError,
    add_json_option,
    add_vault_argument,
    id_arg,
    int_arg,
    open_services,
    print_json,
)
from app.documents.calendar.calendar_reminders import check_alarm_minutes
from app.domain.plans.reviews import DEFAULT_TIMEZONE, Participant, ParticipantRole, Review
from app.domain.validation import InvalidRecord
from app.domain.words.wording import plural, zone_label

if TYPE_CHECKING:
    from app.services.services import Services


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ics",
        help="export upcoming formal reviews as an .ics calendar file",
        description="Titles are neutral ('Formal review – C-2026-0007') and carry no names or "
        "case content unless --include-names is given. Re-exporting updates the same events.",
    )
    add_vault_argument(p)
    p.add_argument("--case", metavar="REF", help="only this case's reviews")
    p.add_argument("--review", type=id_arg, metavar="ID", help="only this review")
    p.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    p.add_argument(
        "--include-names",
        action="store_true",
        help="put the employee's name, participants and agenda into the events",
    )
    p.add_argument(
        "--reminders",
        action="store_true",
        help="also add check-ins, stage deadlines and micro-goal due dates (neutral titles)",
    )
    p.add_argument(
        "--alarm-minutes",
        type=_alarm,
        metavar="N",
        help="give every event a reminder alarm N minutes before (0 to 10080)",
    )
    p.set_defaults(handler=cmd_ics)

    p = sub.add_parser("plan", help="show a case's coaching plan and its revision history")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference, e.g. C-2026-0007")
    p.add_argument("--history", action="store_true", help="list every version and its changes")
    add_json_option(p)
    p.set_defaults(handler=cmd_plan)

    p = sub.add_parser(
        "review", help="list a case's reviews, or schedule one (or a series at the cadence)"
    )
    add_vault_argument(p)
    p.add_argument("case", metavar="REF", help="the case reference")
    p.add_argument(
        "--schedule",
        metavar="YYYY-MM-DDTHH:MM",
        help="schedule a review at this local date and time",
    )
    p.add_argument(
        "--until",
        metavar="YYYY-MM-DD",
        help="with --schedule: a series at the policy's cadence up to this date",
    )
    p.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="IANA time zone name")
    p.add_argument(
        "--minutes",
        type=int_arg(5, 1440, "number of minutes"),
        default=60,
        help="duration (default 60)",
    )
    p.add_argument("--place", default="", help="where the review takes place")
    p.add_argument("--link", default="", help="the call link")
    p.add_argument("--employee", help="the employee's name (default: from the case)")
    p.add_argument("--supervisor", help="the direct supervisor (default: the employee's manager)")
    p.add_argument("--observer", default="", help="the neutral observer")
    p.add_argument("--hr", default="", help="the HR representative")
    add_json_option(p)
    p.set_defaults(handler=cmd_review)

    p = sub.add_parser("agenda", help="upcoming reviews and due micro-goals across all cases")
    add_vault_argument(p)
    p.add_argument("--days", type=_horizon, default=28, help="how far ahead to look (default 28)")
    add_json_option(p)
    p.set_defaults(handler=cmd_agenda)


MAX_HORIZON_DAYS = 3660  # ten years: anything further is a typo, and overflows `date`


def _horizon(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days") from None
    if not 0 <= days <= MAX_HORIZON_DAYS:
        raise argparse.ArgumentTypeError(f"give between 0 and {MAX_HORIZON_DAYS} days")
    return days


def _with_services(args: argparse.Namespace, body: Callable[[Services], int]) -> int:
    services = open_services(args)
    try:
        return body(services)
    except InvalidRecord as exc:
        raise CommandError(str(exc)) from None
    finally:
        services.close()


def _parse(text: str, kind: Callable[[str], object], example: str, what: str) -> object:
    try:
        return kind(text)
    except ValueError:
        raise CommandError(f"{what} '{text}' is not valid; write it like {example}.") from None


def _alarm(text: str) -> int:
    try:
        minutes = int(text)
        check_alarm_minutes(minutes)
    except ValueError as exc:
        msg = str(exc) if "alarm" in str(exc) else f"{text!r} is not a number of minutes"
        raise argparse.ArgumentTypeError(msg) from None
    return minutes


def cmd_ics(args: argparse.Namespace) -> int:

    def body(services: Services) -> int:
        case_id = services.cases.by_reference(args.case).id if args.case else None
        n = services.reviews.export_ics(
            args.out,
            case_id=case_id,
            review_id=args.review,
            include_names=args.include_names,
            reminders=args.reminders,
            alarm_minutes=args.alarm_minutes,
        )
        note = "" if args.include_names else " (neutral titles, no names)"
        what = "events" if args.reminders else "reviews"
        print(f"Wrote {n} {what} to {args.out}{note}.")
        return 0

    return _with_services(args, body)


def cmd_plan(args: argparse.Namespace) -> int:

    def body(services: Services) -> int:
        case = services.cases.by_reference(args.case)
        history = services.plans.history(case.id)
        if args.json:
            print_json(
                {
                    "case": case.reference,
                    "active": services.plans.active(case.id),
                    "versions": [
                        {"title": r.title, "plan": r.plan, "changes": list(r.changes)}
                        for r in history
                    ],
                    "progress": services.plans.progress(case.id),
                }
            )
            return 0
        if not history:
            print(f"{case.reference} has no coaching plan.")
            return 0
        f = services.vault_settings.document_formats()
        if args.history:
            for rev in history:
                print(
                    f"{rev.title}, created {f.date(rev.plan.created_on)}"
                    + (f": {rev.plan.revision_reason}" if rev.plan.revision_reason else "")
                )
                for change in rev.changes:
                    print(f"  - {change}")
            return 0
        plan = services.plans.active(case.id)
        print(
            f"{case.reference}: {history[-1].title}, {f.date_range(plan.starts_on, plan.ends_on)}"
        )
        print(
            f"Manager {plan.manager}; HR officer {plan.hr_officer}; executive sponsor "
            f"{plan.executive_sponsor or '—'}"
        )
        print(services.reviews.agenda(case.id).as_text(f.language))
        return 0

    return _with_services(args, body)


def cmd_review(args: argparse.Namespace) -> int:

    def body(services: Services) -> int:
        case = services.cases.by_reference(args.case)
        if not args.schedule:
            reviews = services.reviews.for_case(case.id)
            f = services.vault_settings.document_formats()
            if args.json:
                print_json(
                    [{"review": r, "outcome": services.reviews.outcome_for(r.id)} for r in reviews]
                )
                return 0
            for r in reviews:
                place = r.location or r.call_link
                print(
                    f"{r.id:>5}  {f.weekday_datetime(r.starts_at)} {zone_label(r.timezone)}  "
                    f"{r.status.label:<9}  {place}"
                )
            print(f"{plural(len(reviews), 'review')}.")
            return 0
        starts = _parse(args.schedule, datetime.fromisoformat, "2026-03-20T10:00", "The time")
        employee = services.cases.employee_of(case)
        people = [
            Participant(ParticipantRole.EMPLOYEE, args.employee or employee.name),
            Participant(ParticipantRole.SUPERVISOR, args.supervisor or employee.manager),
        ]
        if args.observer:
            people.append(Participant(ParticipantRole.OBSERVER, args.observer))
        if args.hr:
            people.append(Participant(ParticipantRole.HR_REPRESENTATIVE, args.hr))
        review = Review(
            case_id=case.id,
            starts_at=starts,
            timezone=args.timezone,
            duration_minutes=args.minutes,
            location=args.place,
            call_link=args.link,
            participants=tuple(people),
        )
        if args.until:
            until = _parse(args.until, date.fromisoformat, "2026-05-29", "The date")
            made = services.reviews.schedule_series(review, until)
        else:
            made = [services.reviews.schedule(review)]
        f = services.vault_settings.document_formats()
        for r in made:
            when = f"{f.weekday_datetime(r.starts_at)} {zone_label(r.timezone)}"
            print(f"Scheduled review {r.id}: {when}")
        return 0

    return _with_services(args, body)


def cmd_agenda(args: argparse.Namespace) -> int:

    def body(services: Services) -> int:
        today = services.clock.today()
        entries = services.reviews.agenda_entries(today, args.days)
        f = services.vault_settings.document_formats()
        if args.json:
            print_json(entries)
            return 0
        for e in entries:
            mark = "OVERDUE " if e.overdue else ""
            at = f" {e.at}" if e.at else ""
            print(f"{f.weekday_date(e.on)}{at}  {e.reference}  {mark}{e.title}")
        print(f"{plural(len(entries), 'item')} up to {args.days} days ahead.")
        return 0

    return _with_services(args, body)
