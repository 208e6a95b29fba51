"""How strong a new vault passphrase is, in words a person can act on.

Wraps zxcvbn (scores 0–4) and adds Casepath's own rules: at least ``MIN_LENGTH`` characters,
a score of at least ``MIN_SCORE``, and the two entries must match. Only the first
``ESTIMATE_CHARS`` characters are estimated so the meter stays instant while typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zxcvbn import zxcvbn

MIN_LENGTH = 10  # the same minimum as `casepath init`
MIN_SCORE = 2
ESTIMATE_CHARS = 64
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True)
class StrengthReport:
    score: int  # 0..4
    label: str
    hints: list[str] = field(default_factory=list)  # zxcvbn's warning and suggestions
    errors: list[str] = field(default_factory=list)  # what stops a vault being created

    @property
    def ok(self) -> bool:
        return not self.errors


def assess(
    passphrase: str, repeat: str | None = None, user_inputs: Sequence[str] = ()
) -> StrengthReport:
    """Score ``passphrase``; with ``repeat`` given, also require that both entries match."""
    if not passphrase:
        return StrengthReport(0, "", [], ["Choose a passphrase."])
    result = zxcvbn(
        passphrase[:ESTIMATE_CHARS], user_inputs=[u for u in (*user_inputs, "casepath") if u]
    )
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    hints = [h for h in [feedback.get("warning", ""), *feedback.get("suggestions", [])] if h]
    errors: list[str] = []
    if len(passphrase) < MIN_LENGTH:
        errors.append(f"Use at least {MIN_LENGTH} characters; a few unrelated words work well.")
    elif score < MIN_SCORE:
        errors.append("This passphrase is too easy to guess; add another uncommon word.")
    if repeat is not None and repeat != passphrase:
        errors.append("The two passphrases differ." if repeat else "Repeat the passphrase.")
    return StrengthReport(score, LABELS[score], hints, errors)


def caps_lock_from_key(text: str, shift: bool) -> bool | None:
    """Guess Caps Lock from one typed character: ``None`` when the key says nothing.

    Qt has no portable Caps Lock query; a letter whose case disagrees with Shift reveals it.
    """
    if len(text) != 1 or text.upper() == text.lower():
        return None
    return text.isupper() != shift
