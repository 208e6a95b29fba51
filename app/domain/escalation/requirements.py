"""What must be on record before a case may leave a stage: an extensible vocabulary.

A policy names requirements by key (``requires = ["conversation_with_root_causes",
"indicator"]``). Each key is checked against a *fact sheet*: a plain mapping of counts and
booleans the service gathers for one case (``{"conversations_with_root_causes": 2, ...}``).
Keeping the check on facts, not on records, lets later features add requirement kinds by
registering one `RequirementKind` and adding their facts to the service's fact sources, with
no change here.

A fact that nobody supplies (e.g. coaching plans before that feature exists) is *unknown*: the
requirement is then reported as not yet recordable in this version, never as a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.records import Conversation, ConversationKind, Decision, Indicator, Observation
from app.domain.words.wording import plural

Facts = Mapping[str, int | bool]


@dataclass(frozen=True)
class RequirementResult:
    key: str
    met: bool
    text: str  # plain words: what is on record, or what is missing
    available: bool = True  # False: this version cannot record what the requirement needs


@dataclass(frozen=True)
class RequirementKind:
    """One kind of required record: the facts it reads and the words for each outcome."""

    key: str
    description: str  # what is needed, e.g. "a documented conversation with root causes"
    facts: tuple[str, ...]  # fact keys read; any missing one means "not recordable yet"
    met: Callable[[Facts], bool]
    detail: Callable[[Facts], str] | None = None  # extra words when met/missing

    def check(self, facts: Facts) -> RequirementResult:
        absent = [f for f in self.facts if f not in facts]
        if absent:
            return RequirementResult(
                self.key,
                False,
                f"{self.description} (this version of Casepath cannot record it yet)",
                available=False,
            )
        ok = bool(self.met(facts))
        extra = self.detail(facts) if self.detail else ""
        text = self.description + (f" ({extra})" if extra else "")
        return RequirementResult(self.key, ok, text)


def _at_least_one(fact: str) -> Callable[[Facts], bool]:
    return lambda f: int(f[fact]) >= 1


def _counted(fact: str, noun: str) -> Callable[[Facts], str]:
    def words(f: Facts) -> str:
        n = int(f[fact])
        return f"{n} on record" if n else f"no {noun} on record yet"

    return words


REQUIREMENTS: dict[str, RequirementKind] = {}


def register_requirement(kind: RequirementKind) -> RequirementKind:
    """Add a requirement kind (later features call this at import time)."""
    REQUIREMENTS[kind.key] = kind
    return kind


for _kind in (
    RequirementKind(
        "conversation",
        "a documented conversation in this stage",
        ("conversations",),
        _at_least_one("conversations"),
        _counted("conversations", "conversation"),
    ),
    RequirementKind(
        "conversation_with_root_causes",
        "a documented conversation with root causes in this stage",
        ("conversations_with_root_causes",),
        _at_least_one("conversations_with_root_causes"),
        _counted("conversations_with_root_causes", "such conversation"),
    ),
    RequirementKind(
        "check_in",
        "a check-in conversation in this stage",
        ("check_ins",),
        _at_least_one("check_ins"),
        _counted("check_ins", "check-in"),
    ),
    RequirementKind(
        "formal_meeting",
        "a formal meeting in this stage",
        ("formal_meetings",),
        _at_least_one("formal_meetings"),
        _counted("formal_meetings", "formal meeting"),
    ),
    RequirementKind(
        "indicator",
        "at least one recorded indicator on the case",
        ("indicators",),
        _at_least_one("indicators"),
        _counted("indicators", "indicator"),
    ),
    RequirementKind(
        "observation",
        "at least one stakeholder observation on the case",
        ("observations",),
        _at_least_one("observations"),
        _counted("observations", "observation"),
    ),
    RequirementKind(
        "decision",
        "a recorded decision in this stage",
        ("decisions",),
        _at_least_one("decisions"),
        _counted("decisions", "decision"),
    ),
    RequirementKind(
        "observer_present",
        "a neutral HR observer at every formal meeting in this stage",
        ("formal_meetings", "formal_meetings_without_observer"),
        lambda f: int(f["formal_meetings_without_observer"]) == 0,
        lambda f: (
            f"{f['formal_meetings_without_observer']} of {f['formal_meetings']} "
            "formal meetings had none"
            if f["formal_meetings_without_observer"]
            else f"{plural(int(f['formal_meetings']), 'formal meeting')}, all observed"
        ),
    ),
    # Facts for these two come from the coaching-plan and review feature (migration 0003);
    # until it supplies them they read as "cannot record it yet".
    RequirementKind(
        "coaching_plan",
        "a coaching plan with at least one objective and a date",
        ("coaching_plan",),
        lambda f: bool(f["coaching_plan"]),
    ),
    RequirementKind(
        "review_held",
        "a held review with an outcome",
        ("review_held",),
        lambda f: bool(f["review_held"]),
    ),
):
    register_requirement(_kind)


def check_requirements(keys: Iterable[str], facts: Facts) -> list[RequirementResult]:
    out = []
    for key in keys:
        kind = REQUIREMENTS.get(key)
        if kind is None:
            out.append(
                RequirementResult(
                    key,
                    False,
                    f"'{key}' (a requirement this version does not know)",
                    available=False,
                )
            )
        else:
            out.append(kind.check(facts))
    return out


def has_observer(attendees: Iterable[str], marker: str) -> bool:
    """True when one attendee is marked as the neutral HR observer, e.g. 'Sam Lee (HR observer)'."""
    needle = marker.strip().casefold()
    return bool(needle) and any(needle in a.casefold() for a in attendees)


def record_facts(
    *,
    since: date,
    conversations: Iterable[Conversation] = (),
    indicators: Iterable[Indicator] = (),
    observations: Iterable[Observation] = (),
    decisions: Iterable[Decision] = (),
    observer_marker: str = "HR observer",
) -> dict[str, int | bool]:
    """The facts the foundation's records give: stage-scoped counts from ``since`` (the day
    the case entered its stage), case-wide counts for indicators and observations."""
    in_stage = [c for c in conversations if c.held_on >= since]
    formal = [c for c in in_stage if c.kind.formal]
    return {
        "conversations": len(in_stage),
        "conversations_with_root_causes": sum(1 for c in in_stage if c.root_causes),
        "check_ins": sum(1 for c in in_stage if c.kind is ConversationKind.CHECK_IN),
        "formal_meetings": len(formal),
        "formal_meetings_without_observer": sum(
            1 for c in formal if not has_observer(c.attendees, observer_marker)
        ),
        "indicators": sum(1 for _ in indicators),
        "observations": sum(1 for _ in observations),
        "decisions": sum(1 for d in decisions if d.decided_on >= since),
    }
