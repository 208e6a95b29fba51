"""The initiator-and-approver rule that policy-approved case changes share.

Changing a case's track and reopening a closed case both follow one rule from the case's
policy: someone in an initiating role asks, with their name and a reason, and — when the
policy names approving roles — someone else in one of those roles approves. One check says in
words everything missing, so the two changes cannot drift apart; each caller passes its own
wording for the parts that name the change.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.records import Role
from app.domain.words.labels import label
from app.domain.words.translation import N_, translate


@dataclass(frozen=True)
class ChangeWording:
    """The messages (marked with ``N_``) that name the change being asked for."""

    no_actor: str  # the name of who asks is missing
    wrong_role: str  # takes {allowed} and {role}
    no_reason: str


def say(missing: list[str], language: str | None, message: str, **values: str) -> None:
    """Append ``message`` in ``language``, its ``{placeholders}`` filled in."""
    missing.append(translate(language, message).format(**values))


def check_initiator_and_approver(
    wording: ChangeWording,
    initiate: tuple[Role, ...],
    approve: tuple[Role, ...],
    actor: str,
    role: Role,
    reason: str,
    approver: str = "",
    approver_role: Role | None = None,
    language: str | None = None,
) -> list[str]:
    """What the asking and approving lack, in words in ``language`` (empty: nothing)."""
    missing: list[str] = []

    def words(member: Role) -> str:
        return label(member, language)

    if not actor.strip():
        say(missing, language, wording.no_actor)
    if role not in initiate:
        allowed = ", ".join(words(r) for r in initiate) or translate(language, N_("nobody"))
        say(missing, language, wording.wrong_role, allowed=allowed, role=words(role))
    if not reason.strip():
        say(missing, language, wording.no_reason)
    if approve:
        either = translate(language, N_("or"))
        roles = f" {either} ".join(words(r) for r in approve)
        if approver_role not in approve or not approver.strip():
            say(missing, language, N_("the approval of the {roles}"), roles=roles)
        elif approver.strip().casefold() == actor.strip().casefold():
            say(
                missing,
                language,
                N_("an approval by someone other than {actor} ({roles})"),
                actor=actor.strip(),
                roles=roles,
            )
    return missing


def approval_note(approver: str, approver_role: Role | None) -> str:
    """The sentence the decision's rationale ends with when the change was approved."""
    if approver.strip() and approver_role is not None:
        return f" Approved by {approver.strip()} ({approver_role.label})."
    return ""
