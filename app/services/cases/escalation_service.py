"""The escalation path in use: policy versions, moving cases, approvals, exceptions, triggers,
deadlines and flags.

Rules live in `app.domain.escalation.workflow` (may this move happen?),
`app.domain.escalation.triggers` (what do the
indicators suggest?) and `app.domain.escalation.flags` (deadlines and flags on a date); this service
gathers a case's facts from the vault, asks those pure functions, and writes the result in one
audited transaction.

Policy versions: a new vault stores the default policy (`AFTER_CREATE` hook); a vault upgraded
from before policies existed gets it on first use (audited), and its older cases adopt it.
Each case keeps the id of the policy it was opened under; importing an edited policy stores a
new version that only new cases use.

The case list's deadline column is ``cases.next_due_on``, stored by `refresh_schedule` after
every change that can move it (stage moves, exceptions, and — through `CaseService` hooks —
opening a case and recording a conversation), so the list can filter and sort in SQL.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from app.domain.business_days import DateRange
from app.domain.clock import Clock
from app.domain.escalation.escalation_records import (
    Approval,
    ApprovalKind,
    ApprovalStatus,
    CaseException,
    ExceptionKind,
    ExceptionStatus,
)
from app.domain.escalation.flags import (
    Deadline,
    Flag,
    Schedule,
    case_flags,
    days_left,
    deadlines_for,
    due_soon_bound,
    next_deadline,
    stalled_since,
)
from app.domain.escalation.policy import Policy, PolicyError, load_policy
from app.domain.escalation.requirements import record_facts
from app.domain.escalation.triggers import Recommendation, recommend
from app.domain.escalation.workflow import (
    CLOSE_PREFIX,
    MoveCheck,
    a_role,
    check_close,
    check_exception_approver,
    check_move,
    check_start,
    close_target,
)
from app.domain.plans.satisfaction import Satisfaction
from app.domain.records import (
    Case,
    CaseStatus,
    Conversation,
    ConversationKind,
    Decision,
    Indicator,
    Observation,
    Outcome,
    Role,
    StageChange,
    Track,
)
from app.domain.validation import InvalidRecord, ValidationReport
from app.domain.words.formats import formats
from app.resource_paths import resource_path
from app.services.action_guard import ActionGuard
from app.services.cases.case_service import audit_change
from app.vault.audit import audit_log
from app.vault.connection import utc_now
from app.vault.errors import IntegrityError
from app.vault.repositories import satisfaction_repository
from app.vault.repositories.case_repository import CaseRow
from app.vault.repositories.escalation_repository import EscalationRepository, StoredPolicy
from app.vault.vault import Vault

__all__ = [
    "FACT_SOURCES",
    "EscalationRefused",
    "EscalationService",
    "MoveRefused",
    "PolicyError",
    "default_policy_text",
    "store_default_policy",
]


class EscalationRefused(IntegrityError):
    """The policy does not allow what was asked; ``str()`` says why, for the user."""


class MoveRefused(EscalationRefused):
    """A stage move (or closing) refused, with every missing item in ``check.missing``."""

    def __init__(self, check: MoveCheck, requested: list[str] | None = None) -> None:
        self.check = check
        self.requested = requested or []
        text = str(check)
        if self.requested:
            text += (
                "\nSign-off was requested from: "
                + ", ".join(self.requested)
                + ". Record it with 'approve', then move the case again."
            )
        super().__init__(text)


# Facts beyond the foundation's records: functions (services, case, since) -> facts. The
# coaching-plan/review feature registers one for ``coaching_plan`` and ``review_held``.
FactSource = Callable[[object, Case, date], Mapping[str, int | bool]]


def _review_facts(services: object, case: Case, since: date) -> Mapping[str, int | bool]:
    """``coaching_plan`` and ``review_held`` (and held reviews) from the review service."""
    facts = getattr(getattr(services, "reviews", None), "facts", None)
    return facts(case.id, since) if facts is not None else {}


FACT_SOURCES: list[FactSource] = [_review_facts]


def default_policy_text() -> str:
    return resource_path("policy", "default.toml").read_text(encoding="utf-8")


def _store_policy(vault: Vault, policy: Policy, inside_transaction: bool = False) -> int:
    repo = EscalationRepository(vault.conn)
    change = {
        "name": policy.name,
        "version": policy.version,
        "sha256": policy.sha256,
        "source": policy.source_name,
    }
    if inside_transaction:
        pid = repo.add_policy(policy.name, policy.source_text, policy.sha256, utc_now())
        audit_log.append(vault.conn, vault.officer.name, "policy.import", "policy", pid, change)
        return pid
    with vault.write() as w:
        pid = repo.add_policy(policy.name, policy.source_text, policy.sha256, utc_now())
        adopted = repo.adopt_cases_without_policy(pid)
        w.audit("policy.import", "policy", pid, {**change, "adopted_cases": adopted})
    return pid


def store_default_policy(vault: Vault) -> None:
    """`AFTER_CREATE` hook: a new vault carries the default policy from the start."""
    _store_policy(vault, load_policy(default_policy_text(), "default.toml"))


class EscalationService:
    def __init__(self, vault: Vault, clock: Clock, services: object | None = None) -> None:
        self.vault = vault
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights
        self.clock = clock
        self.services = services  # handed to FACT_SOURCES (plans, reviews …)
        self.repo = EscalationRepository(vault.conn)
        self._policies: dict[int, Policy] = {}
        self._latest: int | None = None
        self._flag_cache: dict[date, tuple[frozenset[int], frozenset[int]]] = {}

    # -- policy --------------------------------------------------------------------------
    def _ensure_policy(self) -> int:
        if self._latest is not None:
            return self._latest
        pid = self.repo.latest_policy_id()
        if pid is None:  # a vault upgraded from before policies: store the default now
            policy = load_policy(default_policy_text(), "default.toml")
            if self.vault.conn.raw.in_transaction:
                pid = _store_policy(self.vault, policy, inside_transaction=True)
                self.repo.adopt_cases_without_policy(pid)
            else:
                pid = _store_policy(self.vault, policy)
        self._latest = pid
        return pid

    def policy(self, policy_id: int) -> Policy:
        if policy_id not in self._policies:
            stored = self.repo.policy(policy_id)
            self._policies[policy_id] = load_policy(stored.source, f"policy version {stored.id}")
        return self._policies[policy_id]

    def current_policy_id(self) -> int:
        return self._ensure_policy()

    def current_policy(self) -> Policy:
        return self.policy(self._ensure_policy())

    def policy_for(self, case: Case) -> Policy:
        """The rules the case is worked under (its stored version, else the current one)."""
        if case.policy_id is not None:
            return self.policy(case.policy_id)
        return self.current_policy()

    def policy_versions(self) -> list[StoredPolicy]:
        self._ensure_policy()
        return self.repo.policies()

    def import_policy(self, path: Path) -> Policy:
        """Validate a policy file and store it as the new current version (audited).

        Raises `PolicyError` naming the file, the line or key, and what is wrong. Cases
        already open keep the version they were opened under.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PolicyError(path.name, [("file", f"cannot be read ({exc.strerror})")]) from None
        except UnicodeDecodeError:
            raise PolicyError(path.name, [("file", "is not UTF-8 text")]) from None
        policy = load_policy(text, path.name)
        self._ensure_policy()
        pid = _store_policy(self.vault, policy)
        self._policies[pid] = policy
        self._latest = pid
        return policy

    # -- facts ---------------------------------------------------------------------------
    def facts(self, case_id: int) -> dict[str, int | bool]:
        """The fact sheet the policy's requirements are checked against (see requirements)."""
        case = self.vault.cases.get(case_id)
        return self._facts(case, self.policy_for(case))

    def _facts(self, case: Case, policy: Policy) -> dict[str, int | bool]:
        since = case.stage_entered_on or case.opened_on
        records = self.vault.records
        facts: dict[str, int | bool] = record_facts(
            since=since,
            conversations=records.for_case(Conversation, case.id),
            indicators=records.for_case(Indicator, case.id),
            observations=records.for_case(Observation, case.id),
            decisions=records.for_case(Decision, case.id),
            observer_marker=policy.observer_marker,
        )
        for source in FACT_SOURCES:
            facts.update(source(self.services, case, since))
        # Held reviews are formal meetings too (their observer is recorded on the review).
        facts["formal_meetings"] = int(facts["formal_meetings"]) + int(facts.get("reviews_held", 0))
        facts["formal_meetings_without_observer"] = int(
            facts["formal_meetings_without_observer"]
        ) + int(facts.get("reviews_without_observer", 0))
        return facts

    # -- moving --------------------------------------------------------------------------
    def check_start(self, track: Track, stage: str) -> list[str]:
        """Problems with opening a new case at ``stage`` on ``track`` (for the new-case form)."""
        return check_start(self.current_policy(), track, stage)

    def start_stages(self, track: Track) -> tuple[str, ...]:
        return self.current_policy().track(track).start_stages

    def check_move(
        self, case_id: int, to_stage: str, role: Role, actor: str | None = None
    ) -> MoveCheck:
        case = self.vault.cases.get(case_id)
        policy = self.policy_for(case)
        return check_move(
            policy,
            case,
            to_stage,
            actor=actor or self.vault.officer.name,
            role=role,
            facts=self._facts(case, policy),
            approvals=self.repo.approvals(case_id, (ApprovalStatus.GRANTED,)),
            exceptions=self.repo.exceptions(case_id),
        )

    def check_close(
        self, case_id: int, outcome: Outcome, role: Role, actor: str | None = None
    ) -> MoveCheck:
        case = self.vault.cases.get(case_id)
        policy = self.policy_for(case)
        return check_close(
            policy,
            case,
            outcome,
            actor=actor or self.vault.officer.name,
            role=role,
            facts=self._facts(case, policy),
            approvals=self.repo.approvals(case_id, (ApprovalStatus.GRANTED,)),
        )

    def advance(
        self, case_id: int, to_stage: str, actor: str, role: Role, reason: str
    ) -> StageChange:
        """Move the case, or raise `MoveRefused` listing every missing item.

        When only sign-offs by others are missing, they are recorded as pending requests
        (the case is then 'awaiting approval') before refusing.
        """
        return self._move(case_id, to_stage, actor, role, reason, None)

    def close(
        self,
        case_id: int,
        outcome: Outcome,
        actor: str,
        role: Role,
        reason: str,
        satisfaction: Satisfaction | None = None,
    ) -> StageChange:
        """Close a case at the outcome stage with one of the policy's outcome options.

        ``satisfaction`` (optional scores 1–5) is stored in the same transaction.
        """
        if satisfaction is not None:
            report = satisfaction.validate()
            if not report.ok:
                raise InvalidRecord(report, "closing")
        return self._move(
            case_id, close_target(outcome), actor, role, reason, outcome, satisfaction
        )

    def _move(
        self,
        case_id: int,
        target: str,
        actor: str,
        role: Role,
        reason: str,
        outcome: Outcome | None,
        satisfaction: Satisfaction | None = None,
    ) -> StageChange:
        today = self.clock.today()
        try:
            with self.vault.write() as w:
                case = self.vault.cases.get(case_id)
                policy = self.policy_for(case)
                facts = self._facts(case, policy)
                granted = self.repo.approvals(case_id, (ApprovalStatus.GRANTED,))
                if outcome is None:
                    check = check_move(
                        policy,
                        case,
                        target,
                        actor=actor,
                        role=role,
                        facts=facts,
                        approvals=granted,
                        exceptions=self.repo.exceptions(case_id),
                    )
                else:
                    check = check_close(
                        policy,
                        case,
                        outcome,
                        actor=actor,
                        role=role,
                        facts=facts,
                        approvals=granted,
                    )
                extra = []
                if not actor.strip():
                    extra.append("the name of who moves the case")
                if not reason.strip():
                    extra.append("a reason for the move")
                if extra:
                    check = replace(check, allowed=False, missing=[*check.missing, *extra])
                if not check.allowed:
                    raise MoveRefused(check)  # rolls back: nothing was written
                change = self._record_move(w, case, check, actor, role, reason, outcome, today)
                if satisfaction is not None and satisfaction.given:
                    satisfaction_repository.store(
                        self.vault.conn, case.id, satisfaction, today.isoformat()
                    )
                    w.audit(
                        "case.satisfaction",
                        "case",
                        case.id,
                        {"employee": satisfaction.employee, "manager": satisfaction.manager},
                    )
                return change
        except MoveRefused as refused:
            if not refused.check.waits_only_for_signoffs:
                raise
            requested = self._request_signoffs(case, target, refused.check, actor)
            raise MoveRefused(refused.check, requested) from None

    def _record_move(
        self,
        w,
        case: Case,
        check: MoveCheck,
        actor: str,
        role: Role,
        reason: str,
        outcome: Outcome | None,
        today: date,
    ) -> StageChange:
        to_stage = check.to_stage if outcome is None else "closed"
        change = self.vault.records.add(
            StageChange(
                case_id=case.id,
                from_stage=case.stage,
                to_stage=to_stage,
                changed_at=self.clock.now(),
                actor=actor.strip(),
                role=role,
                reason=reason.strip(),
                approvals=tuple(a.describe() for a in check.recorded_approvals),
            )
        )
        w.audit("case.stage_change", "stage_change", change.id, audit_change(change))
        self._changed()
        self.repo.close_open_approvals(
            case.id, change.id, [a.id for a in check.recorded_approvals if a.id]
        )
        if outcome is None:
            moved = replace(case, stage=check.to_stage, stage_entered_on=today)
        else:
            moved = replace(case, status=CaseStatus.CLOSED, closed_on=today, outcome=outcome)
        self.vault.cases.update(moved)
        w.audit("case.update", "case", case.id, audit_change(moved))
        self.vault.cases.touch(case.id, today)
        self._store_schedule(case.id)
        return change

    def _request_signoffs(self, case: Case, target: str, check: MoveCheck, actor: str) -> list[str]:
        """Record pending approval requests for the sign-offs a move still needs."""
        pending = self.repo.approvals(case.id, (ApprovalStatus.PENDING,))
        out = []
        with self.vault.write() as w:
            for role, kind in check.missing_signoffs:
                verb = "approval" if kind is ApprovalKind.APPROVE else "review"
                out.append(f"{role.label} ({verb})")
                if any(
                    p.role is role
                    and p.kind is kind
                    and p.to_stage == target
                    and p.from_stage == case.stage
                    for p in pending
                ):
                    continue
                req = self.repo.add_approval(
                    Approval(
                        case_id=case.id,
                        from_stage=case.stage,
                        to_stage=target,
                        role=role,
                        kind=kind,
                        status=ApprovalStatus.PENDING,
                        requested_at=self.clock.now(),
                        requested_by=actor.strip(),
                    )
                )
                w.audit("approval.request", "approval", req.id, audit_change(req))
            if not w.events:
                w.audit("approval.request", "case", case.id, {"already_pending": True})
        self._changed()
        return out

    # -- approvals -----------------------------------------------------------------------
    def _signoff_kind(self, case: Case, policy: Policy, target: str, role: Role) -> ApprovalKind:
        if target.startswith(CLOSE_PREFIX):
            try:
                option = policy.outcome(Outcome(target[len(CLOSE_PREFIX) :]))
            except ValueError:
                option = None
            if option is None:
                raise EscalationRefused(
                    f"'{target}' is not a way to close a case under this policy."
                )
            reviews, approves, what = (), option.approve, f"closing as {option.label}"
        else:
            if target not in policy.stage_keys:
                raise EscalationRefused(
                    f"'{target}' is not a stage (stages: {', '.join(policy.stage_keys)})."
                )
            if target == case.stage:
                raise EscalationRefused(
                    f"Case {case.reference} is already at {policy.stage_name(target)}."
                )
            if policy.index(target) > policy.index(case.stage):
                stage = policy.stage(target)
                reviews, approves = stage.review, stage.approve
            else:
                reviews, approves = policy.backward.review, policy.backward.approve
            what = f"moving {case.reference} to {policy.stage_name(target)}"
        if role in approves:
            return ApprovalKind.APPROVE
        if role in reviews:
            return ApprovalKind.REVIEW
        needed = [f"{r.label} (approve)" for r in approves] + [
            f"{r.label} (review)" for r in reviews
        ]
        who = a_role(role)
        raise EscalationRefused(
            f"{who[0].upper()}{who[1:]} has no sign-off in {what}; it needs: "
            f"{', '.join(needed) if needed else 'no sign-off at all'}."
        )

    def approve(
        self, case_id: int, to_stage: str, approver: str, role: Role, note: str = ""
    ) -> Approval:
        """Record ``approver``'s approval (or review, by role) of moving the case to
        ``to_stage`` (or ``closed:<outcome>``) from the stage it is in now."""
        return self._decide(case_id, to_stage, approver, role, note, ApprovalStatus.GRANTED)

    def decline(
        self, case_id: int, to_stage: str, approver: str, role: Role, note: str = ""
    ) -> Approval:
        return self._decide(case_id, to_stage, approver, role, note, ApprovalStatus.DECLINED)

    def _decide(
        self,
        case_id: int,
        to_stage: str,
        approver: str,
        role: Role,
        note: str,
        status: ApprovalStatus,
    ) -> Approval:
        if not approver.strip():
            raise EscalationRefused("Give the name of the person who approves.")
        with self.vault.write() as w:
            case = self.vault.cases.get(case_id)
            if case.status is CaseStatus.CLOSED:
                raise EscalationRefused(f"Case {case.reference} is closed.")
            policy = self.policy_for(case)
            kind = self._signoff_kind(case, policy, to_stage, role)
            open_ = [
                a
                for a in self.repo.approvals(
                    case_id, (ApprovalStatus.PENDING, ApprovalStatus.GRANTED)
                )
                if a.from_stage == case.stage
                and a.to_stage == to_stage
                and a.role is role
                and a.kind is kind
            ]
            pending = [a for a in open_ if a.status is ApprovalStatus.PENDING]
            if (
                pending
                and pending[0].requested_by.strip().casefold() == approver.strip().casefold()
            ):
                raise EscalationRefused(
                    f"{approver} asked for this move and cannot also sign it off; "
                    f"another {role.label} must."
                )
            now = self.clock.now()
            if pending:
                stored = self.repo.update_approval(
                    replace(
                        pending[0],
                        status=status,
                        person=approver.strip(),
                        note=note.strip(),
                        decided_at=now,
                    )
                )
            else:
                stored = self.repo.add_approval(
                    Approval(
                        case_id=case_id,
                        from_stage=case.stage,
                        to_stage=to_stage,
                        role=role,
                        kind=kind,
                        status=status,
                        requested_at=now,
                        person=approver.strip(),
                        note=note.strip(),
                        decided_at=now,
                    )
                )
            verb = "grant" if status is ApprovalStatus.GRANTED else "decline"
            w.audit(f"approval.{verb}", "approval", stored.id, audit_change(stored))
            self.vault.cases.touch(case_id, self.clock.today())
        self._changed()
        return stored

    def pending_approvals(self, case_id: int) -> list[Approval]:
        return self.repo.approvals(case_id, (ApprovalStatus.PENDING,))

    def approvals(self, case_id: int) -> list[Approval]:
        return self.repo.approvals(case_id)

    # -- exceptions ----------------------------------------------------------------------
    def request_exception(
        self,
        case_id: int,
        kind: ExceptionKind,
        reason: str,
        requested_by: str,
        *,
        approver: str = "",
        approver_role: Role | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        extra_business_days: int = 0,
        skip_stage: str = "",
    ) -> CaseException:
        """Record an exception; with an approver (holding the right) it is approved at once,
        otherwise it waits for `decide_exception` and the case is 'awaiting approval'."""
        today = self.clock.today()
        case = self.vault.cases.get(case_id)
        if self.guard is not None:
            self.guard.require("exception", case)
        approved = bool(approver.strip())
        exc = CaseException(
            case_id=case_id,
            kind=kind,
            reason=reason.strip(),
            requested_by=requested_by.strip(),
            requested_on=today,
            stage=case.stage,
            approver=approver.strip(),
            approver_role=approver_role,
            status=ExceptionStatus.APPROVED if approved else ExceptionStatus.REQUESTED,
            starts_on=starts_on,
            ends_on=ends_on,
            extra_business_days=extra_business_days,
            skip_stage=skip_stage.strip(),
            decided_on=today if approved else None,
        )
        self._validate_exception(case, exc)
        with self.vault.write() as w:
            stored = self.repo.add_exception(exc)
            w.audit("exception.request", "case_exception", stored.id, audit_change(stored))
            if approved:
                w.audit(
                    "exception.approve",
                    "case_exception",
                    stored.id,
                    {"approver": stored.approver, "role": stored.approver_role},
                )
            self.vault.cases.touch(case_id, today)
            self._store_schedule(case_id)
        self._changed()
        return stored

    def decide_exception(
        self, exception_id: int, approver: str, approver_role: Role, approve: bool = True
    ) -> CaseException:
        today = self.clock.today()
        current = self.repo.exception(exception_id)
        if current.status is not ExceptionStatus.REQUESTED:
            raise EscalationRefused(f"This exception was already {current.status.label.lower()}.")
        decided = replace(
            current,
            approver=approver.strip(),
            approver_role=approver_role,
            status=ExceptionStatus.APPROVED if approve else ExceptionStatus.DECLINED,
            decided_on=today,
        )
        case = self.vault.cases.get(current.case_id)
        if self.guard is not None:
            self.guard.require("exception", case)
        self._validate_exception(case, decided)
        with self.vault.write() as w:
            stored = self.repo.update_exception(decided)
            w.audit(
                "exception.approve" if approve else "exception.decline",
                "case_exception",
                stored.id,
                audit_change(stored),
            )
            self._store_schedule(stored.case_id)
        self._changed()
        return stored

    def _validate_exception(self, case: Case, exc: CaseException) -> None:
        report: ValidationReport = exc.validate(self.clock.today())
        policy = self.policy_for(case)
        if case.status is CaseStatus.CLOSED:
            report.error("case_id", f"Case {case.reference} is closed.")
        if exc.approver:
            why = check_exception_approver(policy, exc.kind, exc.approver_role)
            if why:
                report.error("approver_role", why[0].upper() + why[1:] + ".")
        if (
            exc.kind is ExceptionKind.EXTEND
            and exc.extra_business_days > policy.max_extension_business_days
        ):
            report.error(
                "extra_business_days",
                f"An extension may add at most {policy.max_extension_business_days} "
                "business days under this policy.",
            )
        if exc.kind is ExceptionKind.SKIP and exc.skip_stage:
            if exc.skip_stage not in policy.stage_keys:
                report.error("skip_stage", f"'{exc.skip_stage}' is not a stage.")
            elif (
                policy.index(exc.skip_stage) <= policy.index(case.stage)
                or exc.skip_stage == policy.stage_keys[-1]
            ):
                report.error(
                    "skip_stage",
                    "Only a stage after the current one (and before the outcome) can be skipped.",
                )
        if not report.ok:
            raise InvalidRecord(report, "exception")

    def exceptions(self, case_id: int) -> list[CaseException]:
        return self.repo.exceptions(case_id)

    def pauses(self, case_id: int) -> list[DateRange]:
        """Approved pauses of the case's clock (leave of absence …)."""
        return [
            DateRange(e.starts_on, e.ends_on)
            for e in self.repo.exceptions(case_id)
            if e.approved and e.kind is ExceptionKind.PAUSE and e.starts_on and e.ends_on
        ]

    # -- triggers ------------------------------------------------------------------------
    def recommend(self, case_id: int) -> Recommendation:
        case = self.vault.cases.get(case_id)
        return recommend(
            self.policy_for(case),
            case,
            self.vault.records.for_case(Indicator, case_id),
            self.clock.today(),
        )

    # -- deadlines and flags -------------------------------------------------------------
    def deadlines(self, case_id: int) -> list[Deadline]:
        """Every dated obligation of the case in its current stage, earliest first."""
        case = self.vault.cases.get(case_id)
        return self._deadlines(case)

    def _deadlines(self, case: Case) -> list[Deadline]:
        entered = case.stage_entered_on or case.opened_on
        talks = [
            c.held_on
            for c in self.vault.records.for_case(Conversation, case.id)
            if c.held_on >= entered
        ]
        return self._deadlines_from(
            case, self.repo.exceptions(case.id), max(talks) if talks else None
        )

    def _deadlines_from(
        self, case: Case, exceptions: list[CaseException], last_contact_on: date | None
    ) -> list[Deadline]:
        entered = case.stage_entered_on or case.opened_on
        extra = sum(
            e.extra_business_days
            for e in exceptions
            if e.approved
            and e.kind is ExceptionKind.EXTEND
            and e.stage == case.stage
            and e.requested_on >= entered
        )
        pauses = [
            DateRange(e.starts_on, e.ends_on)
            for e in exceptions
            if e.approved and e.kind is ExceptionKind.PAUSE and e.starts_on and e.ends_on
        ]
        return deadlines_for(
            self.policy_for(case),
            case,
            pauses=pauses,
            extra_business_days=extra,
            last_contact_on=last_contact_on,
        )

    def deadline(self, case_id: int, on: date | None = None) -> Schedule:
        """(next deadline, business days left, flags) of the case on ``on`` (default today)."""
        on = on or self.clock.today()
        case = self.vault.cases.get(case_id)
        due = next_deadline(self._deadlines(case))
        settings = self.current_policy().flag_settings
        _, last_activity = self.vault.cases.schedule_info(case_id)
        due_on = due.due_on if due else None
        flags = case_flags(
            on,
            next_due_on=due_on,
            last_activity_on=last_activity,
            awaiting_approval=self.repo.awaiting_approval(case_id),
            paused=self.repo.paused_on(case_id, on),
            closed=case.status is CaseStatus.CLOSED,
            settings=settings,
        )
        # Days left count on the case's own calendar, without its paused days; the flags use
        # the vault-wide settings so the case list can filter on them in one SQL query.
        left = days_left(due_on, on, self.policy_for(case).calendar, self.pauses(case_id))
        return Schedule(due_on, left, flags)

    def _store_schedule(self, case_id: int) -> date | None:
        """Store the next deadline (call inside a transaction)."""
        case = self.vault.cases.get(case_id)
        due = next_deadline(self._deadlines(case))
        due_on = due.due_on if due else None
        self.vault.cases.set_schedule(case_id, due_on)
        return due_on

    def refresh_schedule(self, case_id: int) -> date | None:
        """Recompute and store the case's next deadline for the case list.

        The stored date is derived data (recomputable from the records at any time), so it is
        written without an audit event of its own.
        """
        self._changed()  # whatever moved the deadline may also have changed the flag sets
        if self.vault.conn.raw.in_transaction:
            return self._store_schedule(case_id)
        with self.vault.conn.transaction():
            return self._store_schedule(case_id)

    def refresh_all_schedules(self) -> int:
        """Recompute every open case's stored deadline with three queries and one batch update
        (after an import, a demo build, or a change of holiday data)."""
        cases, contacts, exceptions = self.repo.schedule_inputs()
        schedule = []
        for case in cases:
            due = next_deadline(
                self._deadlines_from(case, exceptions.get(case.id, []), contacts.get(case.id))
            )
            schedule.append((case.id, due.due_on if due else None))
        with self.vault.conn.transaction():
            self.repo.set_schedules(schedule)
        return len(schedule)

    def _flag_sets(self, day: date) -> tuple[frozenset[int], frozenset[int]]:
        """Ids of cases awaiting approval and of cases paused on ``day``: two queries per day,
        kept until this service writes an approval or exception (only it writes those)."""
        if day not in self._flag_cache:
            if len(self._flag_cache) > 31:  # the list asks about today; keep a month at most
                self._flag_cache.clear()
            self._flag_cache[day] = (self.repo.awaiting_approval_ids(), self.repo.paused_ids(day))
        return self._flag_cache[day]

    def _changed(self) -> None:
        self._flag_cache.clear()

    def row_flags(self, row: CaseRow, today: date) -> frozenset[Flag]:
        """Flags of one case-list row: set look-ups and date arithmetic, no query per row."""
        if row.status is CaseStatus.CLOSED:
            return frozenset()
        awaiting, paused = self._flag_sets(today)
        return case_flags(
            today,
            next_due_on=row.next_due_on,
            last_activity_on=row.last_activity_on,
            awaiting_approval=row.id in awaiting,
            paused=row.id in paused,
            settings=self.current_policy().flag_settings,
        )

    def flag_filter(self, flag: Flag, today: date) -> dict:
        """`CaseQuery` field overrides that select open cases carrying ``flag`` in SQL,
        e.g. ``replace(query, **service.flag_filter(Flag.OVERDUE, today))``."""
        settings = self.current_policy().flag_settings
        base: dict = {"status": CaseStatus.OPEN}
        if flag is Flag.OVERDUE:
            return {**base, "due_before": today}
        if flag is Flag.DUE_SOON:
            return {**base, "due_from": today, "due_before": due_soon_bound(today, settings)}
        if flag is Flag.STALLED:
            return {
                **base,
                "inactive_since": stalled_since(today, settings),
                "excluded_ids_sql": self.repo.paused_sql(today),
            }
        if flag is Flag.AWAITING_APPROVAL:
            return {**base, "case_ids_sql": self.repo.awaiting_approval_sql()}
        raise ValueError(f"Unknown flag {flag!r}.")

    # -- hooks for CaseService -----------------------------------------------------------
    def prepare_new_case(self, case: Case) -> Case:
        """Before a case is stored: it must name a stage of the policy; stamp the version."""
        policy_id = case.policy_id or self._ensure_policy()
        policy = self.policy(policy_id)
        if case.stage not in policy.stage_keys:
            report = ValidationReport()
            report.error(
                "stage", f"'{case.stage}' is not a stage (stages: {', '.join(policy.stage_keys)})."
            )
            raise InvalidRecord(report, "case")
        return replace(case, policy_id=policy_id)


# -- demo ---------------------------------------------------------------------------------------

_HR_LEAD = "Priya Shah"
_HR_OFFICER_2 = "Tomasz Nowak"
_SPONSOR = "Dana Whitfield"
_CHECK_IN_NOTES = (
    "Went through the week's numbers together; two of three agreed actions done.",
    "Short check-in: workload rebalanced, the backlog is shrinking.",
    "Reviewed the hand-over checklist; first week with complete hand-overs.",
    "Discussed the training dates; the course is booked for next month.",
)


def _demo_history(  # noqa: ANN001 - services and the write scope (import cycle)
    services, case: Case, policy: Policy, rng: random.Random, today: date, w, idle: bool
) -> date | None:
    """Stage changes from the track's start to the case's stage, signed off per the policy."""
    vault = services.vault
    start = policy.track(case.track).start_stages
    first = (
        start[-1]
        if (case.track is Track.HIGH_STAKES and policy.index(case.stage) >= policy.index(start[-1]))
        else start[0]
    )
    path = list(policy.stage_keys[policy.index(first) : policy.index(case.stage) + 1])
    if len(path) <= 1:
        return None
    latest = today - timedelta(days=rng.randint(30, 40) if idle else rng.randint(2, 13))
    entered = max(latest, case.opened_on + timedelta(days=len(path)))
    step = max((entered - case.opened_on).days // (len(path) - 1), 1)
    manager = services.employees.get(case.employee_id).manager or "Line manager"
    signers = {
        Role.HR_LEAD: _HR_LEAD,
        Role.HR_OFFICER: _HR_OFFICER_2,
        Role.MANAGER: manager,
        Role.EXECUTIVE_SPONSOR: _SPONSOR,
    }
    when = case.opened_on
    for n, (prev, nxt) in enumerate(zip(path, path[1:], strict=False), start=1):
        when = entered if n == len(path) - 1 else case.opened_on + timedelta(days=step * n)
        stage = policy.stage(nxt)
        role = Role.MANAGER if Role.MANAGER in stage.initiate else stage.initiate[0]
        actor = manager if role is Role.MANAGER else vault.officer.name
        notes = []
        for r in (*stage.review, *stage.approve):
            person = signers.get(r, _HR_LEAD)
            person = _HR_OFFICER_2 if person == actor else person
            verb = "reviewed" if r in stage.review else "approved"
            notes.append(f"{r.label} {person} {verb} on {formats().date(when)}")
        change = vault.records.add(
            StageChange(
                case_id=case.id,
                from_stage=prev,
                to_stage=nxt,
                changed_at=utc_now().replace(year=when.year, month=when.month, day=when.day),
                actor=actor,
                role=role,
                reason=f"Records for {policy.stage_name(prev)} complete; moving to "
                f"{policy.stage_name(nxt)}.",
                approvals=tuple(notes),
            )
        )
        w.audit("case.stage_change", "stage_change", change.id, audit_change(change))
    moved = replace(case, stage_entered_on=when)
    vault.cases.update(moved)
    w.audit("case.update", "case", case.id, audit_change(moved))
    vault.cases.touch(case.id, when)
    return when


def enrich_demo(services, rng: random.Random) -> None:  # noqa: ANN001 - Services (cycle)
    """Give demo cases stage histories that follow the policy, recent check-ins on most of
    them, a few pending sign-offs and exceptions, and stored schedules, so the case list shows
    cases on track as well as overdue, due soon, stalled and awaiting approval."""
    esc: EscalationService = services.escalation
    vault = services.vault
    today = services.clock.today()
    policy = esc.current_policy()
    cases = services.cases.all(CaseStatus.OPEN)
    # A few long-running cases where nothing was recorded for weeks: stalled (and overdue).
    old_enough = [
        c
        for c in cases
        if c.stage in ("coaching", "formal_concern") and c.opened_on < today - timedelta(days=60)
    ]
    idle = {c.id for c in rng.sample(old_enough, min(3, len(old_enough)))}
    with vault.write() as w:
        for case in cases:
            _demo_history(services, case, policy, rng, today, w, case.id in idle)
        w.audit("demo.enrich", "vault", "", {"feature": "escalation"})
    open_cases = services.cases.all(CaseStatus.OPEN)
    for case in open_cases:
        roll = rng.random()
        if case.id in idle or roll < 0.15:
            continue  # left alone: overdue, or stalled as well
        if not policy.stage(case.stage).allows("check_in"):
            continue  # the later stages hold reviews and meetings, not check-ins
        ago = rng.randint(0, 2) if roll < 0.75 else rng.randint(4, 6)
        held = max(today - timedelta(days=ago), case.stage_entered_on or case.opened_on)
        manager = services.employees.get(case.employee_id).manager or "Line manager"
        services.cases.add(
            Conversation(
                case_id=case.id,
                held_on=held,
                kind=ConversationKind.CHECK_IN,
                summary=rng.choice(_CHECK_IN_NOTES),
                attendees=(manager, f"{_HR_OFFICER_2} (HR observer)"),
            )
        )
    # A few live situations: pending sign-offs, a pause, an extension, a deviation request.
    rng.shuffle(open_cases)
    waiting = [c for c in open_cases if c.stage in ("coaching", "improvement_plan")][:3]
    for case in waiting:
        case = vault.cases.get(case.id)
        target = policy.next_stage(case.stage)
        check = esc.check_move(case.id, target, Role.MANAGER, "Line manager")
        if check.missing_signoffs:
            esc._request_signoffs(case, target, check, "Line manager")
    others = [c for c in open_cases if c not in waiting]
    if others:
        esc.request_exception(
            others[0].id,
            ExceptionKind.PAUSE,
            "Approved leave of absence.",
            vault.officer.name,
            approver=_HR_LEAD,
            approver_role=Role.HR_LEAD,
            starts_on=today - timedelta(days=5),
            ends_on=today + timedelta(days=9),
        )
    if len(others) > 1:
        esc.request_exception(
            others[1].id,
            ExceptionKind.EXTEND,
            "Key evidence from the client audit arrives late.",
            vault.officer.name,
            approver=_HR_LEAD,
            approver_role=Role.HR_LEAD,
            extra_business_days=5,
        )
    if len(others) > 2:
        esc.request_exception(
            others[2].id,
            ExceptionKind.DEVIATION,
            "Employee asked for the formal meeting to be held remotely.",
            vault.officer.name,
        )
    esc.refresh_all_schedules()
