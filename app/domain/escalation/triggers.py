"""Indicators against the policy's thresholds: a *recommendation* with reasons, never a move.

A trigger fires when at least ``count`` indicators of its categories were observed within
``within_days`` days up to today. The recommendation names the furthest stage any fired trigger
points to (when it is ahead of the case), says why in plain words ("2 quality gaps and
1 customer-impact indicator since 3 March"), and suggests the high-stakes track when a
safety or compliance trigger fired on a standard case. The officer decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.escalation.policy import Policy, Trigger
from app.domain.records import Case, Indicator, IndicatorCategory, Track
from app.domain.words.formats import formats
from app.domain.words.phrases import LongDay, Phrase, Term, counted, listed, said
from app.domain.words.translation import N_, NP_, translate

# (singular, plural) as people say them; ``{n}`` is the count
_NOUNS = {
    IndicatorCategory.MISSED_TARGET: NP_("{n} missed target", "{n} missed targets"),
    IndicatorCategory.QUALITY_GAP: NP_("{n} quality gap", "{n} quality gaps"),
    IndicatorCategory.CUSTOMER_IMPACT: NP_(
        "{n} customer-impact indicator", "{n} customer-impact indicators"
    ),
    IndicatorCategory.SAFETY: NP_("{n} safety concern", "{n} safety concerns"),
    IndicatorCategory.COMPLIANCE: NP_("{n} compliance risk", "{n} compliance risks"),
    IndicatorCategory.ATTENDANCE: NP_("{n} attendance issue", "{n} attendance issues"),
}


def spoken_date(day: date, today: date, language: str | None = None) -> str:
    """'3 March' ('3. März'), with the year when it is not this year's."""
    return formats(language).spoken_date(day, today.year)


def count_words(counts: dict[IndicatorCategory, int]) -> Phrase:
    """'2 quality gaps and 1 customer-impact indicator' in category order (a `Phrase`, so a
    reader in another language reads it in theirs)."""
    parts = tuple(
        counted(counts[cat], *_NOUNS[cat]) for cat in IndicatorCategory if counts.get(cat, 0)
    )
    return listed(parts)


@dataclass(frozen=True)
class FiredTrigger:
    trigger: Trigger
    indicators: tuple[Indicator, ...]
    reason: str


@dataclass(frozen=True)
class Recommendation:
    """What the thresholds suggest; ``next_stage`` is None when no move is suggested."""

    next_stage: str | None
    reasons: list[str] = field(default_factory=list)
    suggest_high_stakes: bool = False
    fired: list[str] = field(default_factory=list)  # trigger names
    note: str = ""  # e.g. why no move is suggested although thresholds were reached
    # The note's catalogue message and the stage name it holds, for a reader in another language
    note_words: tuple[str, str] | None = None

    def reasons_in(self, language: str | None) -> list[str]:
        """The reasons in ``language``: each fired trigger's sentence rebuilt in it."""
        return [said(r, language) for r in self.reasons]

    def note_in(self, language: str | None) -> str:
        """The note in ``language`` (the stage name as the catalogue has it)."""
        if self.note_words is None:
            return translate(language, self.note)
        message, stage = self.note_words
        return translate(language, message).format(stage=translate(language, stage))

    def __str__(self) -> str:
        if not self.reasons:
            return self.note or N_("No indicator threshold is reached; no step is recommended.")
        head = (
            f"Recommended next step: {self.next_stage.replace('_', ' ')}."
            if self.next_stage
            else (self.note or "No move is recommended.")
        )
        lines = [head, *(f"  - {r}" for r in self.reasons)]
        if self.suggest_high_stakes:
            lines.append("  - Consider the high-stakes track (safety or compliance).")
        return "\n".join(lines)


def fire(trigger: Trigger, indicators: Sequence[Indicator], today: date) -> FiredTrigger | None:
    """The trigger's evidence when it fires today, else None."""
    window_start = today - timedelta(days=trigger.within_days)
    hits = tuple(
        sorted(
            (
                i
                for i in indicators
                if i.category in trigger.categories and window_start < i.observed_on <= today
            ),
            key=lambda i: (i.observed_on, i.id or 0),
        )
    )
    if len(hits) < trigger.count:
        return None
    counts: dict[IndicatorCategory, int] = {}
    for i in hits:
        counts[i.category] = counts.get(i.category, 0) + 1
    reason = counted(
        trigger.within_days,
        "{counts} since {day} ({trigger}: {count} or more within {n} day)",
        "{counts} since {day} ({trigger}: {count} or more within {n} days)",
        counts=count_words(counts),
        day=LongDay.of(hits[0].observed_on, today),
        trigger=Term(trigger.name),
        count=trigger.count,
    )
    return FiredTrigger(trigger, hits, reason)


def recommend(
    policy: Policy, case: Case, indicators: Sequence[Indicator], today: date
) -> Recommendation:
    """Check the case's indicators against every trigger of its policy."""
    fired = [f for t in policy.triggers if (f := fire(t, indicators, today)) is not None]
    if not fired:
        return Recommendation(
            None, note=N_("No indicator threshold is reached; no step is recommended.")
        )
    here = policy.index(case.stage) if case.stage in policy.stage_keys else -1
    targets = []
    for f in fired:
        if f.trigger.recommend == "next":
            nxt = policy.next_stage(case.stage) if here >= 0 else None
            if nxt is not None:
                targets.append(nxt)
        else:
            targets.append(f.trigger.recommend)
    ahead = [t for t in targets if policy.index(t) > here]
    next_stage = max(ahead, key=policy.index) if ahead else None
    note = ""
    words = None
    if next_stage is None:
        message = N_(
            "Thresholds are reached, but the case is already at {stage}; "
            "no further step is recommended."
        )
        words = (message, policy.stage_name(case.stage))
        note = message.format(stage=words[1])
    high = case.track is Track.STANDARD and any(f.trigger.high_stakes for f in fired)
    return Recommendation(
        next_stage, [f.reason for f in fired], high, [f.trigger.name for f in fired], note, words
    )
