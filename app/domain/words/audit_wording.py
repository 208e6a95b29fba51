"""Audit events in words: what the officer did, to which record, on which case.

An event holds digests, never content, so the words name the kind of record and its number,
never what it said. Shared by the Audit window, its CSV export, the pack's audit appendix and
`casepath audit`, so every reader sees the same sentence. Every word is a core catalogue
message: a pack built in German prints its audit appendix in German (``language``), with the
moments in the German locale; English (the default) reads exactly as it always did.
"""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.words.formats import formats
from app.domain.words.translation import N_, language_of, translate

# Action -> what the officer did (a past-tense phrase completed by the record's words).
_VERBS = {
    "add": N_("recorded"),
    "update": N_("corrected"),
    "open": N_("opened"),
    "view": N_("viewed"),
    "print": N_("printed"),
    "export": N_("exported"),
    "generate": N_("generated"),
    "import": N_("imported"),
    "create": N_("created"),
    "revise": N_("revised"),
    "remove": N_("removed"),
    "delete": N_("deleted"),
    "request": N_("requested"),
    "approve": N_("approved"),
    "decline": N_("declined"),
    "schedule": N_("scheduled"),
    "reschedule": N_("rescheduled"),
    "cancel": N_("cancelled"),
    "outcome": N_("recorded the outcome of"),
    "retire": N_("retired"),
    "save": N_("saved"),
    "save_as": N_("saved a copy of"),
    "backup": N_("backed up"),
    "rekey": N_("changed the passphrase of"),
    "receipt": N_("issued an audit receipt for"),
    "stage_change": N_("moved"),
    "track_change": N_("changed the track of"),
    "status_update": N_("sent a status update about"),
    "satisfaction": N_("recorded satisfaction on"),
    "redacted_export": N_("exported the redacted summary of"),
    "redacted_view": N_("viewed the redacted summary of"),
    "export_ics": N_("exported to a calendar"),
    "micro_goal": N_("marked a micro-goal on"),
    "enrich": N_("added demo data to"),
}

_THINGS = {
    "case": N_("case"),
    "conversation": N_("conversation"),
    "indicator": N_("indicator"),
    "observation": N_("observation"),
    "decision": N_("decision"),
    "stage_change": N_("stage move"),
    "coaching_plan": N_("coaching plan"),
    "plan_progress": N_("progress note"),
    "plan": N_("coaching plan"),
    "record": N_("record"),
    "demo": N_("demo data"),
    "review": N_("review"),
    "review_outcome": N_("review outcome"),
    "attachment": N_("attachment"),
    "pack": N_("documentation pack"),
    "case_exception": N_("exception"),
    "approval": N_("approval"),
    "employee": N_("employee record"),
    "officer": N_("officer"),
    "policy": N_("escalation policy"),
    "vault": N_("vault"),
    "calibration": N_("calibration report"),
    "import_profile": N_("import profile"),
}


# Whole actions whose verb alone would mislead ("exported the vault" for the audit CSV).
_WHOLE = {
    "audit.export": N_("exported the audit trail of"),
    "audit.receipt": N_("issued an audit receipt for"),
    "vault.export": N_("exported the cases of"),
    "vault.import": N_("imported cases into"),
    "case.open": N_("opened"),
    "case.view": N_("viewed"),
    "pack.view": N_("viewed"),
    "attachment.open": N_("opened"),
    "attachment.add": N_("added"),
    "employee.add": N_("added"),
    "officer.add": N_("added"),
    "case.stage_change": N_("recorded"),
    "review.outcome": N_("recorded"),
    "plan.progress": N_("recorded"),
    "plan.milestone": N_("recorded a milestone in"),
    "record.write": N_("wrote"),
    "demo.enrich": N_("added demo data to"),
    "vault.create": N_("created"),
}


def action_words(action: str, language: str | None = None) -> str:
    """``conversation.add`` -> "recorded" ("erfasst"), readable for unknown actions too."""
    if action in _WHOLE:
        return translate(language, _WHOLE[action])
    _, _, verb = action.partition(".")
    known = _VERBS.get(verb or action)
    return translate(language, known) if known else (verb or action).replace("_", " ")


def _name(entity_type: str, language: str | None) -> str:
    known = _THINGS.get(entity_type)
    return translate(language, known) if known else entity_type.replace("_", " ")


def thing_words(entity_type: str, entity_id: str, language: str | None = None) -> str:
    """``conversation``, ``12`` -> "conversation 12" ("Gespräch 12"); the vault has no number."""
    if not entity_type:
        return translate(language, "the vault")
    name = _name(entity_type, language)
    if entity_type == "vault" or not entity_id:
        return translate(language, "the {thing}").format(thing=name)
    return translate(language, "{thing} {number}").format(thing=name, number=entity_id)


def when_words(at: str, language: str | None = None) -> str:
    """The stored UTC stamp as people read it: "3 Mar 2026, 14:02 UTC" ("3. März 2026, 14:02
    UTC" in German, the day and time in the document's locale); never a 'T'."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at.replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    if language_of(language) == "en":  # the audit trail's English, as it always read
        return f"{moment.day} {moment:%b %Y}, {moment:%H:%M} UTC"
    return translate(language, "{moment} UTC").format(
        moment=formats(language).datetime(moment.replace(tzinfo=None))
    )


def describe(
    officer: str,
    action: str,
    entity_type: str,
    entity_id: str,
    case_reference: str = "",
    language: str | None = None,
) -> str:
    """One sentence: "Hana Officer recorded conversation 12 on case C-2026-0001." (German: "Hana
    Officer: Gespräch 12 (Fall C-2026-0001) – erfasst.", the participle last, as German says it)."""
    thing = thing_words(entity_type, entity_id, language)
    if entity_type == "case" and case_reference:
        thing = translate(language, "case {reference}").format(reference=case_reference)
    elif case_reference:
        thing = translate(language, "{thing} on case {reference}").format(
            thing=thing, reference=case_reference
        )
    return translate(language, "{officer} {did} {thing}.").format(
        officer=officer, did=action_words(action, language), thing=thing
    )


_LABELS = {
    "case.stage_change": N_("Case: stage moved"),
    "plan.progress": N_("Coaching plan: progress"),
    "plan.milestone": N_("Coaching plan: milestone"),
    "record.write": N_("Record: written"),
    "demo.enrich": N_("Demo data: added"),
}


def action_label(action: str, language: str | None = None) -> str:
    """For a filter list: ``conversation.add`` -> "Conversation: recorded"; a family
    (``conversation``) -> "Conversation: any"."""
    if action in _LABELS:
        return translate(language, _LABELS[action])
    family, _, verb = action.partition(".")
    thing = _name(family, language)
    words = action_words(action, language) if verb else translate(language, "any")
    return f"{thing[:1].upper()}{thing[1:]}: {words}"
