"""Words for domain values: the one place a stored key becomes what people read.

Enum members carry their own ``label``; stage keys take the names the vault's policy gives
them (a policy may rename a stage), falling back to the key written as words.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.escalation_records import ExceptionKind
from app.domain.policy import STAGE_KEYS
from app.domain.records import Outcome, RootCause, Track
from app.domain.wording import file_kind, plural, zone_label  # noqa: F401 - re-exported


def key_words(key: str) -> str:
    """``formal_concern`` → ``Formal concern``: how a key without a better name reads."""
    return key.replace("_", " ").capitalize() if key else ""


def stage_label(key: str, stage_names: Mapping[str, str] | None = None) -> str:
    return (stage_names or {}).get(key) or key_words(key)


def value_labels(stage_names: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every stage, track, outcome, exception kind and root cause key with its words."""
    out = {key: stage_label(key, stage_names) for key in STAGE_KEYS}
    for enum in (Track, Outcome, ExceptionKind, RootCause):
        out |= {member.value: member.label for member in enum}
    return out
