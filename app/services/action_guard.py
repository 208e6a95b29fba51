"""The one place that decides whether the officer at the keyboard may do a write.

Every write path of the services (window and CLI alike) calls `ActionGuard.require` before its
transaction. Three rules, all from the case's policy:
- the officer's role must be one the policy's ``[rights]`` grants the action (absent = every
  officer role); the refusal names the role needed;
- a closed case takes no new records;
- a stage-bound action (``ACTIONS``) must be listed in the ``actions`` of the stage the record
  belongs to: the current stage, or for a back-dated record (or one written while the services'
  clock stands on an earlier day) the stage the case was in on that date: history entered late
  is history of the stage it happened in. A policy may set ``[rights] enforce_stage_actions =
  false`` to keep the lists as guidance only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from app.domain.escalation.policy import ACTIONS, Policy
from app.domain.records import Case, CaseStatus, Conversation, ConversationKind, Role
from app.domain.words.phrases import Joined, Phrase, Term
from app.domain.words.translation import N_
from app.vault.errors import IntegrityError
from app.vault.vault import Vault

ACTION_WORDS = {
    "conversation": N_("record a conversation"),
    "check_in": N_("record a check-in"),
    "indicator": N_("record an indicator"),
    "observation": N_("record an observation"),
    "decision": N_("record a decision"),
    "coaching_plan": N_("create or revise a coaching plan"),
    "review": N_("schedule or record a review"),
    "exception": N_("record an exception"),
    "documentation_pack": N_("generate a documentation pack"),
    "attachment": N_("add or remove an attachment"),
    "open_case": N_("open a case"),
    "edit_record": N_("correct a record"),
    "plan_progress": N_("record progress on a plan"),
    "employee": N_("add or change an employee"),
}


# A closed case still gets its documentation pack (the outcome meeting, a tribunal bundle).
KEPT_AFTER_CLOSING = ("documentation_pack",)


class ActionRefused(IntegrityError):
    """The policy does not let this officer do this now; ``str()`` says who or when may (a
    `Phrase`: the window says it in its own language)."""


def action_for(record: object) -> str:
    """The policy action a case record is written under."""
    if isinstance(record, Conversation) and record.kind is ConversationKind.CHECK_IN:
        return "check_in"
    return type(record).__name__.lower()


def _role_words(roles: tuple[Role, ...]) -> Role | Phrase:
    if len(roles) == 1:
        return roles[0]
    return Phrase("{items} or {last}", items=Joined(roles[:-1]), last=roles[-1])


def _action_words(action: str) -> Term:
    return Term(ACTION_WORDS.get(action, action.replace("_", " ")))


class ActionGuard:
    """Checks a write against the policy of its case (or the vault's current policy)."""

    def __init__(
        self,
        vault: Vault,
        policy_for: Callable[[Case], Policy],
        current_policy: Callable[[], Policy],
        today: Callable[[], date] | None = None,
    ) -> None:
        self.vault = vault
        # The services' clock: a write with no date of its own happens on its "today".
        self.today = today
        self.policy_for = policy_for
        self.current_policy = current_policy
        self._backfill = 0
        self._deferred: list[tuple[str, str, date | None]] = []

    @contextmanager
    def backfill(self) -> Iterator[None]:
        """Past history written before its stage changes exist (the demo builder): the stage
        rule waits for the history, then judges every record written inside by the stage its
        case was in on its date, and raises (the caller's transaction rolls back) if one is
        refused. The role and closed-case rules apply at once."""
        if not self._backfill:
            self._deferred = []
        self._backfill += 1
        try:
            yield
        finally:
            self._backfill -= 1
        if not self._backfill:
            deferred, self._deferred = self._deferred, []
            for action, case_id, on in deferred:
                case = self.vault.cases.get(case_id)
                self._require_stage(action, case, on, self.policy_for(case))

    def require_roles(self, actions: set[str]) -> None:
        """The role rule alone, for each of ``actions`` (an import brings history of many
        kinds at once; the stage and closed-case rules do not apply to history)."""
        for action in sorted(actions):
            self.require(action)

    def require(self, action: str, case: Case | None = None, on: date | None = None) -> None:
        """Raise `ActionRefused` unless the officer may do ``action`` now."""
        writable = getattr(self.vault, "require_writable", None)
        if writable is not None:  # a damaged vault refuses first: its policy may not read
            writable()
        policy = self.policy_for(case) if case is not None else self.current_policy()
        officer = self.vault.officer
        allowed = policy.roles_for(action)
        if officer.role not in allowed:
            raise ActionRefused(
                Phrase(
                    "To {what} you need the {roles} role; {officer} is {role}. Ask an officer "
                    "with that role, or change the policy's [rights]. Nothing was saved.",
                    what=_action_words(action),
                    roles=_role_words(allowed),
                    officer=officer.name,
                    role=officer.role,
                )
            )
        if case is None:
            return
        if case.status is CaseStatus.CLOSED and action not in KEPT_AFTER_CLOSING:
            raise ActionRefused(
                Phrase(
                    "Case {reference} is closed; reopen it to add records.",
                    reference=case.reference,
                )
            )
        if action not in ACTIONS or not policy.enforce_stage_actions:
            return
        if on is None and self.today is not None:
            on = self.today()
        if self._backfill:
            self._deferred.append((action, case.id, on))
            return
        self._require_stage(action, case, on, policy)

    def _require_stage(self, action: str, case: Case, on: date | None, policy: Policy) -> None:
        """The stage rule: ``action`` must be listed by the stage ``case`` was in on ``on``."""
        stage = self.stage_on(case, on)
        if policy.stage(stage).allows(action):
            return
        where = [Term(s.name) for s in policy.stages if s.allows(action)]
        what, name = _action_words(action), Term(policy.stage_name(stage))
        if where:
            raise ActionRefused(
                Phrase(
                    "The policy does not let you {what} while a case is in {stage}; it may be "
                    "done in {where}. Nothing was saved.",
                    what=what,
                    stage=name,
                    where=Joined(where),
                )
            )
        raise ActionRefused(
            Phrase(
                "The policy does not let you {what} while a case is in {stage}; no stage allows "
                "it. Nothing was saved.",
                what=what,
                stage=name,
            )
        )

    def stage_on(self, case: Case, on: date | None) -> str:
        """The stage ``case`` was in on ``on`` (its current stage for today or no date)."""
        entered = case.stage_entered_on or case.opened_on
        if on is None or on >= entered:
            return case.stage
        rows = self.vault.conn.query(
            "SELECT from_stage, to_stage, substr(changed_at, 1, 10) FROM stage_changes "
            "WHERE case_id = ? ORDER BY changed_at, id",
            (case.id,),
        )
        stage = case.stage
        for from_stage, to_stage, changed_on in reversed(rows):  # walk back from the newest
            if str(changed_on) <= on.isoformat():
                break
            stage = from_stage or to_stage
        return stage
