"""Audit events in words: what the officer did, to which record, on which case.

An event holds digests, never content, so the words name the kind of record and its number,
never what it said. Shared by the Audit window, its CSV export, the pack's audit appendix and
`casepath audit`, so every reader sees the same sentence.
"""

from __future__ import annotations

from datetime import UTC, datetime

# Action -> what the officer did (a past-tense phrase completed by the record's words).
_VERBS = {
    "add": "recorded",
    "update": "corrected",
    "open": "opened",
    "view": "viewed",
    "print": "printed",
    "export": "exported",
    "generate": "generated",
    "import": "imported",
    "create": "created",
    "revise": "revised",
    "remove": "removed",
    "delete": "deleted",
    "request": "requested",
    "approve": "approved",
    "decline": "declined",
    "schedule": "scheduled",
    "reschedule": "rescheduled",
    "cancel": "cancelled",
    "outcome": "recorded the outcome of",
    "retire": "retired",
    "save": "saved",
    "save_as": "saved a copy of",
    "backup": "backed up",
    "rekey": "changed the passphrase of",
    "receipt": "issued an audit receipt for",
    "stage_change": "moved",
    "track_change": "changed the track of",
    "status_update": "sent a status update about",
    "satisfaction": "recorded satisfaction on",
    "redacted_export": "exported the redacted summary of",
    "redacted_view": "viewed the redacted summary of",
    "export_ics": "exported to a calendar",
    "micro_goal": "marked a micro-goal on",
    "enrich": "added demo data to",
}

_THINGS = {
    "case": "case",
    "conversation": "conversation",
    "indicator": "indicator",
    "observation": "observation",
    "decision": "decision",
    "stage_change": "stage move",
    "coaching_plan": "coaching plan",
    "plan_progress": "progress note",
    "plan": "coaching plan",
    "record": "record",
    "demo": "demo data",
    "review": "review",
    "review_outcome": "review outcome",
    "attachment": "attachment",
    "pack": "documentation pack",
    "case_exception": "exception",
    "approval": "approval",
    "employee": "employee record",
    "officer": "officer",
    "policy": "escalation policy",
    "vault": "vault",
    "calibration": "calibration report",
    "import_profile": "import profile",
}


# Whole actions whose verb alone would mislead ("exported the vault" for the audit CSV).
_WHOLE = {
    "audit.export": "exported the audit trail of",
    "audit.receipt": "issued an audit receipt for",
    "vault.export": "exported the cases of",
    "vault.import": "imported cases into",
    "case.open": "opened",
    "case.view": "viewed",
    "pack.view": "viewed",
    "attachment.open": "opened",
    "attachment.add": "added",
    "employee.add": "added",
    "officer.add": "added",
    "case.stage_change": "recorded",
    "review.outcome": "recorded",
    "plan.progress": "recorded",
    "plan.milestone": "recorded a milestone in",
    "record.write": "wrote",
    "demo.enrich": "added demo data to",
    "vault.create": "created",
}


def action_words(action: str) -> str:
    """``conversation.add`` -> "recorded" (the verb part), readable for unknown actions too."""
    if action in _WHOLE:
        return _WHOLE[action]
    _, _, verb = action.partition(".")
    return _VERBS.get(verb or action, (verb or action).replace("_", " "))


def thing_words(entity_type: str, entity_id: str) -> str:
    """``conversation``, ``12`` -> "conversation 12"; the vault has no number."""
    name = _THINGS.get(entity_type, entity_type.replace("_", " "))
    if not entity_type:
        return "the vault"
    if entity_type == "vault" or not entity_id:
        return f"the {name}"
    return f"{name} {entity_id}"


def when_words(at: str) -> str:
    """The stored UTC stamp as people read it: "3 Mar 2026, 14:02 UTC" (never a 'T')."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at.replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y}, {moment:%H:%M} UTC"


def describe(
    officer: str, action: str, entity_type: str, entity_id: str, case_reference: str = ""
) -> str:
    """One sentence: "Hana Officer recorded conversation 12 on case C-2026-0001." """
    thing = thing_words(entity_type, entity_id)
    if entity_type == "case" and case_reference:
        thing = f"case {case_reference}"
    elif case_reference:
        thing = f"{thing} on case {case_reference}"
    return f"{officer} {action_words(action)} {thing}."


_LABELS = {
    "case.stage_change": "Case: stage moved",
    "plan.progress": "Coaching plan: progress",
    "plan.milestone": "Coaching plan: milestone",
    "record.write": "Record: written",
    "demo.enrich": "Demo data: added",
}


def action_label(action: str) -> str:
    """For a filter list: ``conversation.add`` -> "Conversation: recorded"; a family
    (``conversation``) -> "Conversation: any"."""
    if action in _LABELS:
        return _LABELS[action]
    family, _, verb = action.partition(".")
    thing = _THINGS.get(family, family.replace("_", " "))
    words = action_words(action) if verb else "any"
    return f"{thing[:1].upper()}{thing[1:]}: {words}"
