"""Words for domain values: the one place a stored key becomes what people read.

Enum members carry their own English ``label``; stage keys take the names the vault's policy
gives them (a policy may rename a stage), falling back to the key written as words. Every
function takes an optional ``language`` ("en", "de", "de_DE"): the English words are the
msgids of the core catalogue (`app.domain.words.translation`), so a label reads in German where the
catalogue has it and in English otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.policy import STAGE_KEYS
from app.domain.records import Outcome, RootCause, Track
from app.domain.words.translation import translate
from app.domain.words.wording import file_kind, plural, zone_label  # noqa: F401 - re-exported


def key_words(key: str) -> str:
    """``formal_concern`` → ``Formal concern``: how a key without a better name reads."""
    return key.replace("_", " ").capitalize() if key else ""


def label(member: Enum | None, language: str | None = None) -> str:
    """A stage, track, role, outcome, trigger, root cause … member in words; None → ''."""
    if member is None:
        return ""
    words = getattr(member, "label", None) or key_words(str(member.value))
    return translate(language, words)


def stage_label(
    key: str, stage_names: Mapping[str, str] | None = None, language: str | None = None
) -> str:
    return translate(language, (stage_names or {}).get(key) or key_words(key))


def value_labels(
    stage_names: Mapping[str, str] | None = None, language: str | None = None
) -> dict[str, str]:
    """Every stage, track, outcome, exception kind and root cause key with its words."""
    out = {key: stage_label(key, stage_names, language) for key in STAGE_KEYS}
    for enum in (Track, Outcome, ExceptionKind, RootCause):
        out |= {member.value: label(member, language) for member in enum}
    return out


# What each table of the vault holds, in words (an erasure's confirmation counts them).
_TABLE_WORDS = {
    "cases": ("case", "cases"),
    "employees": ("employee record", "employee records"),
    "conversations": ("conversation", "conversations"),
    "indicators": ("indicator", "indicators"),
    "observations": ("observation", "observations"),
    "decisions": ("decision", "decisions"),
    "stage_changes": ("stage change", "stage changes"),
    "approvals": ("approval", "approvals"),
    "case_exceptions": ("exception", "exceptions"),
    "coaching_plans": ("coaching plan version", "coaching plan versions"),
    "plan_progress": ("progress entry", "progress entries"),
    "reviews": ("review", "reviews"),
    "review_outcomes": ("review outcome", "review outcomes"),
    "packs": ("documentation pack", "documentation packs"),
    "attachments": ("attachment", "attachments"),
    "case_satisfaction": ("satisfaction score", "satisfaction scores"),
    "legal_holds": ("legal hold record", "legal hold records"),
    "search_entries": ("search index entry", "search index entries"),
}


def table_words(table: str, count: int) -> str:
    """'3 conversations', '1 search index entry'; an unknown table reads as its words."""
    words = key_words(table).lower()
    one, many = _TABLE_WORDS.get(table, (f"row of {words}", f"rows of {words}"))
    return plural(count, one, many)
