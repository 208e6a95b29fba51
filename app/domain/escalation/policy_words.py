"""An escalation policy in words: what the policy window shows instead of its TOML.

Stages in order with who may start, review and approve a move into them, the records they
need and their deadlines per track; then tracks, outcomes, triggers, exceptions and the
numbers behind the flags. Roles, tracks and requirement keys become words here (never an
identifier on screen).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.escalation.policy import Policy, StagePolicy
from app.domain.escalation.requirements import REQUIREMENTS
from app.domain.records import Role, Track
from app.domain.words.phrases import as_said
from app.domain.words.translation import N_, translate
from app.domain.words.wording import plural


@dataclass(frozen=True)
class PolicySection:
    title: str
    purpose: str  # a sentence under the title ('' for none)
    rows: tuple[tuple[str, str], ...]  # (what, words)


def roles(found: Iterable[Role]) -> str:
    names = [r.label for r in found]
    if not names:
        return "nobody"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def requirement_words(keys: Iterable[str]) -> str:
    words = [
        REQUIREMENTS[k].description if k in REQUIREMENTS else k.replace("_", " ") for k in keys
    ]
    return "; ".join(words) if words else "nothing"


def _per_track(values: dict[Track, int], policy: Policy, unit: str) -> str:
    parts = []
    for track in Track:
        if track in values:
            label = policy.tracks[track].label if track in policy.tracks else track.label
            days = values[track]
            parts.append(f"{label}: {plural(days, unit) if days else 'none'}")
    return "; ".join(parts) or "none"


def _stage(policy: Policy, stage: StagePolicy, number: int) -> PolicySection:
    rows = [
        ("Who may move a case here", roles(stage.initiate)),
        ("Reviewed by", roles(stage.review) if stage.review else "no review needed"),
        ("Approved by", roles(stage.approve) if stage.approve else "no approval needed"),
        ("Needed before leaving", requirement_words(stage.requires)),
        (
            "Deadline",
            _per_track(dict(stage.deadline_business_days), policy, "business day"),
        ),
        ("Check-ins every", _per_track(dict(stage.check_in_business_days), policy, "business day")),
    ]
    if any(stage.review_cadence_business_days.values()):
        cadence = dict(stage.review_cadence_business_days)
        rows.append(("Formal reviews every", _per_track(cadence, policy, "business day")))
    return PolicySection(f"{number}. {stage.name}", stage.purpose, tuple(rows))


def describe_policy(policy: Policy) -> list[PolicySection]:
    names = {s.key: s.name for s in policy.stages}
    out = [
        PolicySection(
            f"{policy.name}, version {policy.version}",
            "",
            (
                ("Stages", " → ".join(s.name for s in policy.stages)),
                ("Public holidays of", _calendar(policy)),
                ("Due soon", f"within {plural(policy.due_soon_business_days, 'business day')}"),
                ("Stalled", f"after {plural(policy.stalled_after_days, 'day')} without a record"),
            ),
        )
    ]
    out += [_stage(policy, s, i) for i, s in enumerate(policy.stages, 1)]
    track_rows = []
    for track, tp in policy.tracks.items():
        starts = " or ".join(names.get(k, k) for k in tp.start_stages)
        words = f"starts at {starts}"
        if tp.observer_at_formal_meetings:
            words += f"; an HR observer (marked '{policy.observer_marker}') attends formal meetings"
        if tp.extra_requires:
            words += f"; every stage also needs {requirement_words(tp.extra_requires)}"
        track_rows.append((tp.label or track.label, words))
    track_rows.append(
        (
            "Changing track",
            f"asked by {roles(policy.track_change_initiate)}, "
            f"approved by {roles(policy.track_change_approve)}",
        )
    )
    out.append(PolicySection("Tracks", "", tuple(track_rows)))
    back = policy.backward
    out.append(
        PolicySection(
            "Moving back a stage",
            "",
            (
                ("Who may", roles(back.initiate)),
                ("Approved by", roles(back.approve) if back.approve else "no approval needed"),
            ),
        )
    )
    outcomes = tuple(
        (o.label, f"approved by {roles(o.approve)}" if o.approve else "no approval needed")
        for o in policy.outcomes
    )
    out.append(PolicySection("Outcomes", "", outcomes))
    triggers = tuple(
        (
            t.name,
            f"{plural(t.count, 'indicator')} ({', '.join(c.label.lower() for c in t.categories)})"
            f" within {plural(t.within_days, 'day')}: recommends "
            + ("the next stage" if t.recommend == "next" else names.get(t.recommend, t.recommend)),
        )
        for t in policy.triggers
    )
    if triggers:
        out.append(PolicySection("Triggers", "", triggers))
    exceptions = tuple(
        (kind.label, f"approved by {roles(approvers)}")
        for kind, approvers in policy.exception_approvers.items()
    ) + (("Longest extension", plural(policy.max_extension_business_days, "business day")),)
    out.append(PolicySection("Exceptions", "", exceptions))
    return out


def _calendar(policy: Policy) -> str:
    cal = policy.calendar
    return cal.country + (f" ({cal.subdivision})" if cal.subdivision else "")


_SECTIONS = {"stages": N_("Stage"), "tracks": N_("Track"), "outcomes": N_("Outcome")}


def problem_words(where: str, what: str, language: str | None = None) -> str:
    """A policy file's problem as a sentence that still lets the officer find the place:
    ``stages.coaching.initiate`` → 'Stage "coaching", initiate: …' (the file's own keys as
    written, the words around them and the problem in ``language``)."""
    parts = [p for p in where.split(".") if p]
    if len(parts) >= 2 and parts[0] in _SECTIONS:
        head = f'{translate(language, _SECTIONS[parts[0]])} "{parts[1]}"'
        rest = [p.replace("_", " ") for p in parts[2:]]
        place = ", ".join([head, *rest])
    else:
        place = " › ".join(p.replace("_", " ") for p in parts) or translate(language, "The file")
        place = place[:1].upper() + place[1:]
    return f"{place}: {as_said(what, language)}"
