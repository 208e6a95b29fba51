"""Words for domain values: the one place a stored key becomes what people read.

Enum members carry their own English ``label``; stage keys take the names the vault's policy
gives them (a policy may rename a stage), falling back to the key written as words. Every
function takes an optional ``language`` ("en", "de", "de_DE"): the English words are the
msgids of the core catalogue (`app.domain.translation`), so a label reads in German where the
catalogue has it and in English otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from app.domain.escalation_records import ExceptionKind
from app.domain.policy import STAGE_KEYS
from app.domain.records import Outcome, RootCause, Track
from app.domain.translation import translate
from app.domain.wording import file_kind, plural, zone_label  # noqa: F401 - re-exported


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
