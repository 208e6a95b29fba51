"""plan-create, plan-revise, plan-agree, plan-progress, review-outcome: the plan and review
writes of the window as verbs.

A plan or an outcome is read from a JSON file shaped as in `casepath export` (the same
`RecordSpec`s read both, so a problem is named by its path, e.g. ``plan.objectives[0].target``);
uids may be left out and are made. Short outcomes can also be given with flags.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.cases.record_commands import _say, enum_arg, run
from app.commands.common import CommandError, add_vault_argument, date_arg, id_arg
from app.domain.plans.plans import CoachingPlan, MicroGoalStatus, ProgressUpdate
from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    Participant,
    ParticipantRole,
    ReviewDecision,
    ReviewOutcome,
)
from app.domain.records import new_uid
from app.domain.validation import InvalidRecord, ValidationReport

if TYPE_CHECKING:
    from app.services.interchange.interchange_values import RecordSpec
    from app.services.services import Services


def _read_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{path} is not JSON ({exc}); nothing was saved.") from None


def _with_uids(raw: Any) -> Any:
    """Fill a missing ``uid`` in every object that the record specs expect one in."""
    if isinstance(raw, list):
        return [_with_uids(x) for x in raw]
    if not isinstance(raw, dict):
        return raw
    out = {k: _with_uids(v) for k, v in raw.items()}
    if any(k in out for k in ("title", "objectives", "kind", "decision", "starts_on")):
        out.setdefault("uid", new_uid())
    return out


def _build(path: Path, spec: RecordSpec, what: str, raw: Any = None, **context: Any) -> Any:
    """The record in ``path`` (or ``raw``, already read from it), checked field by field."""
    from app.services.interchange.interchange_values import ValueParser

    raw = _with_uids(_read_json(path) if raw is None else raw)
    report = ValidationReport()
    values = ValueParser(report).values(what, raw, spec)
    if values is None or not report.ok:
        raise InvalidRecord(report, what)
    return spec.build(values, **context)


def keep_uids(raw: Any, current: CoachingPlan | None) -> Any:
    """Give objectives and micro-goals without a uid the uid of the current one of the same
    title (and the plan the current plan's uid), so an edit or revision keeps them linked."""
    if current is None or not isinstance(raw, dict):
        return raw
    out = dict(raw)
    out.setdefault("uid", current.uid)
    by_title = {o.title.strip().casefold(): o for o in current.objectives}
    objectives = []
    for item in out.get("objectives") or []:
        if isinstance(item, dict) and "uid" not in item:
            known = by_title.get(str(item.get("title", "")).strip().casefold())
            if known is not None:
                item = {**item, "uid": known.uid}
                goals = {g.title.strip().casefold(): g.uid for g in known.micro_goals}
                item["micro_goals"] = [
                    {**g, "uid": goals[str(g.get("title", "")).strip().casefold()]}
                    if isinstance(g, dict)
                    and "uid" not in g
                    and str(g.get("title", "")).strip().casefold() in goals
                    else g
                    for g in item.get("micro_goals") or []
                ]
        objectives.append(item)
    if "objectives" in out:
        out["objectives"] = objectives
    return out


def plan_from_file(path: Path, s: Services, case_id: int) -> CoachingPlan:
    """The plan in ``path``, its unnamed parts matched to the case's current plan."""
    from app.services.interchange.interchange_specs import PLAN

    raw = keep_uids(_read_json(path), s.plans.active(case_id))
    return _build(path, PLAN, "plan", case_id=case_id, raw=raw)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan-create", help="create a case's coaching plan from a JSON file")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF")
    p.add_argument("--from-json", type=Path, required=True, metavar="FILE", help="the plan")
    p.add_argument("--json", action="store_true", help="print the stored plan's id as JSON")
    p.set_defaults(handler=cmd_plan_create)

    p = sub.add_parser("plan-revise", help="revise the agreed plan: a new version from JSON")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF")
    p.add_argument("--from-json", type=Path, required=True, metavar="FILE")
    p.add_argument("--reason", required=True, help="why the plan changes")
    p.add_argument("--agreed-on", type=date_arg, required=True, help="walked through on")
    p.add_argument("--disagreed", action="store_true", help="the employee did not agree")
    p.add_argument("--comment", default="", help="the employee's comment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_revise)

    p = sub.add_parser("plan-agree", help="record that the employee was walked through the plan")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF")
    p.add_argument("--on", type=date_arg, required=True, help="walked through on")
    p.add_argument("--disagreed", action="store_true", help="the employee did not agree")
    p.add_argument("--comment", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_agree)

    p = sub.add_parser("plan-progress", help="record progress on an objective of the plan")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF")
    p.add_argument("--objective", required=True, help="the objective's uid (see `plan`)")
    p.add_argument("--on", type=date_arg, required=True)
    p.add_argument("--note", required=True)
    p.add_argument("--value", type=float)
    p.add_argument("--milestone", action="store_true", help="a milestone was achieved")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_progress)

    p = sub.add_parser("plan-goal", help="mark a micro-goal of the plan done, missed or open")
    add_vault_argument(p)
    p.add_argument("case", metavar="REF")
    p.add_argument("--goal", required=True, help="the micro-goal's uid (see `plan --json`)")
    p.add_argument("--status", type=enum_arg(MicroGoalStatus), required=True)
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_goal)

    p = sub.add_parser("review-cancel", help="cancel a scheduled review, with the reason")
    add_vault_argument(p)
    p.add_argument("review", type=id_arg, help="the review's id")
    p.add_argument("--reason", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_review_cancel)

    p = sub.add_parser("review-outcome", help="record what a held review concluded")
    add_vault_argument(p)
    p.add_argument("review", type=id_arg, help="the review's id (see `review REF`)")
    p.add_argument("--from-json", type=Path, metavar="FILE", help="the whole outcome as JSON")
    p.add_argument("--held", type=date_arg, help="held on")
    p.add_argument("--decision", type=enum_arg(ReviewDecision))
    p.add_argument("--summary", default="")
    p.add_argument("--attended", action="append", default=[], metavar="ROLE=NAME", help="repeat")
    p.add_argument(
        "--assess", action="append", default=[], metavar="OBJECTIVE_UID=ASSESSMENT", help="repeat"
    )
    p.add_argument("--next-review", type=date_arg, help="when the next review is due")
    p.add_argument(
        "--targets-disagreed",
        action="store_true",
        help="the employee did not agree to the refreshed targets (recorded on the revision)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_review_outcome)


def cmd_plan_create(args: argparse.Namespace) -> int:
    from app.services.interchange.interchange_specs import PLAN

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        plan = s.plans.create(_build(args.from_json, PLAN, "plan", case_id=case.id))
        return _say(
            args,
            f"Created coaching plan v{plan.version} on {case.reference} "
            f"({len(plan.objectives)} objectives).",
            {
                "id": plan.id,
                "version": plan.version,
                "objectives": [o.uid for o in plan.objectives],
            },
        )

    return run(args, body)


def cmd_plan_revise(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        new = plan_from_file(args.from_json, s, case.id)
        plan = s.plans.revise(new, args.reason, args.agreed_on, not args.disagreed, args.comment)
        return _say(
            args,
            f"Revised the coaching plan of {case.reference}: now v{plan.version}.",
            {"id": plan.id, "version": plan.version},
        )

    return run(args, body)


def cmd_plan_agree(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        active = s.plans.active(case.id)
        if active is None:
            raise CommandError(f"{case.reference} has no active coaching plan.")
        plan = s.plans.record_agreement(active.id, args.on, not args.disagreed, args.comment)
        return _say(
            args,
            f"Recorded the walk-through of plan v{plan.version} on {args.on.isoformat()}.",
            {"id": plan.id, "version": plan.version},
        )

    return run(args, body)


def cmd_plan_progress(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        stored = s.plans.add_progress(
            ProgressUpdate(
                case_id=case.id,
                objective_uid=args.objective,
                recorded_on=args.on,
                note=args.note,
                value=args.value,
                milestone_achieved=args.milestone,
            )
        )
        return _say(args, f"Recorded progress {stored.id} on {case.reference}.", {"id": stored.id})

    return run(args, body)


def cmd_plan_goal(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        case = s.cases.by_reference(args.case)
        plan = s.plans.set_micro_goal(case.id, args.goal, args.status, args.note)
        return _say(
            args,
            f"Micro-goal marked {args.status.label.lower()} in plan v{plan.version}.",
            {"plan": plan.id, "goal": args.goal, "status": args.status.value},
        )

    return run(args, body)


def cmd_review_cancel(args: argparse.Namespace) -> int:

    def body(s: Services) -> dict | None:
        review = s.reviews.cancel(args.review, args.reason)
        return _say(args, f"Cancelled review {review.id}.", {"id": review.id})

    return run(args, body)


def _pairs(items: list[str], what: str, example: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CommandError(f"{what} '{item}' is not KEY=VALUE; write it like {example}.")
        out.append((key.strip(), value.strip()))
    return out


def _outcome_from_flags(args: argparse.Namespace, review_id: int, case_id: int) -> ReviewOutcome:
    if args.held is None or args.decision is None:
        raise CommandError("Give --held and --decision (or the whole outcome with --from-json).")
    try:
        attended = tuple(
            Participant(ParticipantRole.parse(r), n)
            for r, n in _pairs(args.attended, "--attended", "employee='Zoë Ångström'")
        )
        assessments = tuple(
            ObjectiveAssessment(uid, Assessment.parse(a))
            for uid, a in _pairs(args.assess, "--assess", "OBJECTIVE_UID=met")
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    return ReviewOutcome(
        review_id=review_id,
        case_id=case_id,
        held_on=args.held,
        attended=attended,
        assessments=assessments,
        decision=args.decision,
        summary=args.summary,
        next_review_on=args.next_review,
    )


def cmd_review_outcome(args: argparse.Namespace) -> int:
    from app.services.interchange.interchange_specs import OUTCOME

    def body(s: Services) -> dict | None:
        review = s.reviews.get(args.review)
        if args.from_json:
            outcome = _build(
                args.from_json, OUTCOME, "outcome", review_id=review.id, case_id=review.case_id
            )
        else:
            outcome = _outcome_from_flags(args, review.id, review.case_id)
        stored = s.reviews.record_outcome(outcome, not args.targets_disagreed)
        return _say(
            args,
            f"Recorded the outcome of review {review.id}: {stored.decision.label}.",
            {"id": stored.id, "review": review.id, "decision": stored.decision.value},
        )

    return run(args, body)
