"""May this person, in this role, move this case to that stage now? And if not, what is missing?

The rules, all read from the case's `Policy`:
- **Forward** one stage: the role must be allowed to *initiate* a move into the target stage;
  the records the policy *requires* before leaving the current stage (plus the track's extra
  requirements) must be on record; each role that must *review* and each that must *approve*
  the target stage must have signed off this very move, each by someone other than the
  initiator (no one approves their own escalation).
- **Skipping** stages (forward by more than one) additionally needs an approved ``skip``
  exception for every stage passed over; the skipped stages' own records are not required.
- **Backward** (de-escalation) uses the policy's ``[backward]`` rights and requirements and is
  recorded exactly like a forward move.
- **Closing** a case from the outcome stage needs the outcome stage's records and the
  approvals the chosen outcome option names.
- A new case may start only at one of its track's ``start_stages`` (high-stakes: formal
  concern too).

Everything here is pure: the service passes the case, its facts, approvals and exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.domain.escalation.escalation_records import (
    Approval,
    ApprovalKind,
    CaseException,
    ExceptionKind,
)
from app.domain.escalation.policy import Policy
from app.domain.escalation.requirements import Facts, check_requirements
from app.domain.records import Case, CaseStatus, Outcome, Role, Track

CLOSE_PREFIX = "closed:"  # Approval.to_stage for closing, e.g. "closed:succession_or_exit"


def close_target(outcome: Outcome) -> str:
    return CLOSE_PREFIX + outcome.value


class Direction:
    FORWARD = "forward"
    BACKWARD = "backward"
    CLOSE = "close"
    NONE = "none"


@dataclass(frozen=True)
class MoveCheck:
    """The answer to 'may this move happen now?', in plain words for the person asking."""

    case_id: int | None
    from_stage: str
    to_stage: str
    direction: str
    allowed: bool
    satisfied: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    required_approvals: list[Role] = field(default_factory=list)
    required_reviews: list[Role] = field(default_factory=list)
    recorded_approvals: list[Approval] = field(default_factory=list)
    # (role, kind) sign-offs still needed; the service turns these into pending requests.
    missing_signoffs: list[tuple[Role, ApprovalKind]] = field(default_factory=list)
    may_initiate: bool = False
    skipped: list[str] = field(default_factory=list)

    @property
    def waits_only_for_signoffs(self) -> bool:
        """Everything is in place except approvals or reviews by other people."""
        return (
            not self.allowed
            and self.may_initiate
            and bool(self.missing_signoffs)
            and len(self.missing) == len(self.missing_signoffs)
        )

    def __str__(self) -> str:
        if self.allowed:
            return f"The move to {self.to_stage.replace('_', ' ')} is allowed."
        lines = "\n".join(f"  - {m}" for m in self.missing)
        return f"The case cannot move to {self.to_stage.replace('_', ' ')} yet:\n{lines}"


def a_role(role: Role) -> str:
    """'a Manager', 'an HR lead', 'an Executive sponsor'."""
    article = "an" if role.label[0] in "AEIOUH" else "a"
    return f"{article} {role.label}"


def _role_list(roles: Iterable[Role]) -> str:
    names = [r.label for r in roles]
    return ", ".join(names) if names else "nobody"


def _same_person(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _signoffs(
    check: _Builder,
    approvals: Sequence[Approval],
    from_stage: str,
    to_stage: str,
    actor: str,
    needed: Iterable[tuple[Role, ApprovalKind]],
) -> None:
    usable = [
        a for a in approvals if a.counts and a.from_stage == from_stage and a.to_stage == to_stage
    ]
    for role, kind in needed:
        verb = "approval" if kind is ApprovalKind.APPROVE else "review"
        mine = [a for a in usable if a.role is role and a.kind is kind]
        others = [a for a in mine if not _same_person(a.person, actor)]
        if others:
            check.recorded.append(others[0])
            check.satisfied.append(others[0].describe())
        elif mine:
            check.missing.append(
                f"{verb} by the {role.label} from someone other than {actor.strip()} "
                "(nobody signs off their own move)"
            )
            check.signoffs.append((role, kind))
        else:
            check.missing.append(f"{verb} by the {role.label}")
            check.signoffs.append((role, kind))


@dataclass
class _Builder:
    satisfied: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    recorded: list[Approval] = field(default_factory=list)
    signoffs: list[tuple[Role, ApprovalKind]] = field(default_factory=list)

    def requirements(self, keys: Iterable[str], facts: Facts, stage_name: str) -> None:
        for res in check_requirements(keys, facts):
            if res.met:
                self.satisfied.append(f"on record: {res.text}")
            elif not res.available:
                self.missing.append(f"not possible yet: {res.text}")
            else:
                self.missing.append(f"before leaving {stage_name}: {res.text}")


def check_move(
    policy: Policy,
    case: Case,
    to_stage: str,
    *,
    actor: str,
    role: Role,
    facts: Facts,
    approvals: Sequence[Approval] = (),
    exceptions: Sequence[CaseException] = (),
) -> MoveCheck:
    """Every rule for moving ``case`` to ``to_stage`` by ``actor`` acting as ``role``."""
    b = _Builder()
    here = case.stage
    if case.status is CaseStatus.CLOSED:
        b.missing.append(f"case {case.reference} is closed")
        return _done(case, here, to_stage, Direction.NONE, b, [], [], False, [])
    if to_stage not in policy.stage_keys:
        b.missing.append(f"'{to_stage}' is not a stage (stages: {', '.join(policy.stage_keys)})")
        return _done(case, here, to_stage, Direction.NONE, b, [], [], False, [])
    if here not in policy.stage_keys:
        b.missing.append(f"the case is at '{here}', which this policy does not know")
        return _done(case, here, to_stage, Direction.NONE, b, [], [], False, [])
    if to_stage == here:
        b.missing.append(f"the case is already at {policy.stage_name(here)}")
        return _done(case, here, to_stage, Direction.NONE, b, [], [], False, [])

    target = policy.stage(to_stage)
    if policy.index(to_stage) > policy.index(here):
        direction = Direction.FORWARD
        initiators, reviews, approves = target.initiate, target.review, target.approve
        skipped = list(policy.stage_keys[policy.index(here) + 1 : policy.index(to_stage)])
        where = f"move a case into {target.name}"
    else:
        direction = Direction.BACKWARD
        initiators = policy.backward.initiate
        reviews, approves = policy.backward.review, policy.backward.approve
        skipped = []
        where = f"move a case back to {target.name}"

    may = role in initiators
    if may:
        b.satisfied.append(f"{role.label} may {where}")
    else:
        b.missing.append(f"{a_role(role)} may not {where} (allowed: {_role_list(initiators)})")

    # A skip is granted for one move: it counts only if it was asked for in the stage the
    # case is leaving, during this stay there (not after the case went back and returned).
    entered = case.stage_entered_on or case.opened_on
    for s in skipped:
        ok = any(
            e.approved
            and e.kind is ExceptionKind.SKIP
            and e.skip_stage == s
            and e.stage == here
            and e.requested_on >= entered
            for e in exceptions
        )
        if ok:
            b.satisfied.append(f"approved exception to skip {policy.stage_name(s)}")
        else:
            b.missing.append(f"an approved exception to skip {policy.stage_name(s)}")

    if direction == Direction.FORWARD:
        b.requirements(
            policy.requirements_to_leave(here, case.track), facts, policy.stage_name(here)
        )
    else:
        b.requirements(policy.backward.requires, facts, policy.stage_name(here))

    needed = [(r, ApprovalKind.REVIEW) for r in reviews] + [
        (r, ApprovalKind.APPROVE) for r in approves
    ]
    _signoffs(b, approvals, here, to_stage, actor, needed)
    return _done(case, here, to_stage, direction, b, list(approves), list(reviews), may, skipped)


def check_close(
    policy: Policy,
    case: Case,
    outcome: Outcome,
    *,
    actor: str,
    role: Role,
    facts: Facts,
    approvals: Sequence[Approval] = (),
) -> MoveCheck:
    """May the case be closed with ``outcome`` now (it must be at the last stage)?"""
    b = _Builder()
    last = policy.stage_keys[-1]
    target = close_target(outcome)
    if case.status is CaseStatus.CLOSED:
        b.missing.append(f"case {case.reference} is already closed")
        return _done(case, case.stage, target, Direction.NONE, b, [], [], False, [])
    if case.stage != last:
        b.missing.append(
            f"a case closes from {policy.stage_name(last)}; it is at "
            f"{policy.stage_name(case.stage)}"
        )
    option = policy.outcome(outcome)
    if option is None:
        b.missing.append(f"'{outcome.label}' is not an outcome this policy allows")
        return _done(case, case.stage, target, Direction.CLOSE, b, [], [], False, [])
    stage = policy.stage(last)
    may = role in stage.initiate
    if may:
        b.satisfied.append(f"{role.label} may close a case")
    else:
        b.missing.append(
            f"{a_role(role)} may not close a case (allowed: {_role_list(stage.initiate)})"
        )
    if case.stage == last:
        b.requirements(policy.requirements_to_leave(last, case.track), facts, stage.name)
    _signoffs(
        b, approvals, case.stage, target, actor, [(r, ApprovalKind.APPROVE) for r in option.approve]
    )
    return _done(case, case.stage, target, Direction.CLOSE, b, list(option.approve), [], may, [])


def _done(
    case: Case,
    here: str,
    to: str,
    direction: str,
    b: _Builder,
    approves: list[Role],
    reviews: list[Role],
    may: bool,
    skipped: list[str],
) -> MoveCheck:
    return MoveCheck(
        case_id=case.id,
        from_stage=here,
        to_stage=to,
        direction=direction,
        allowed=not b.missing,
        satisfied=b.satisfied,
        missing=b.missing,
        required_approvals=approves,
        required_reviews=reviews,
        recorded_approvals=b.recorded,
        missing_signoffs=b.signoffs,
        may_initiate=may,
        skipped=skipped,
    )


def check_start(policy: Policy, track: Track, stage: str) -> list[str]:
    """Problems with opening a new case on ``track`` at ``stage`` (empty when allowed)."""
    if stage not in policy.stage_keys:
        return [f"'{stage}' is not a stage (stages: {', '.join(policy.stage_keys)})"]
    starts = policy.track(track).start_stages
    if stage not in starts:
        names = ", ".join(policy.stage_name(s) for s in starts)
        return [
            f"a {track.label.lower()} case cannot start at {policy.stage_name(stage)} "
            f"(it may start at: {names})"
        ]
    return []


def check_exception_approver(policy: Policy, kind: ExceptionKind, role: Role | None) -> str | None:
    """None when ``role`` may approve an exception of ``kind``, else why not."""
    allowed = policy.exception_approvers.get(kind, ())
    if role is None or role not in allowed:
        who = a_role(role) if role else "nobody"
        return f"{who} may not approve a {kind.label.lower()} (allowed: {_role_list(allowed)})"
    return None
