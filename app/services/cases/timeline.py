"""A case's timeline: every event on it, in date order, as plain rows for any view or report.

Each source turns one kind of record into `TimelineEvent`s. Later features add their own
source (plans, reviews, documents) by appending a function ``(services, case_id) -> events``
to `TIMELINE_SOURCES`; the case view and the timeline model need no change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from app.domain.records import Conversation, Decision, Indicator, Observation, StageChange
from app.domain.words.phrases import Labels, Phrase, Rendered, Term, as_said
from app.domain.words.stored_words import stored_list, stored_text
from app.domain.words.translation import N_, language_of, translate

if TYPE_CHECKING:
    from app.services.services import Services


@dataclass(frozen=True)
class TimelineEvent:
    on: date
    kind: str  # "conversation", "indicator", "observation", "decision", "stage_change", ...
    kind_label: str
    title: str
    detail: str = ""
    who: str = ""
    record: Any = None
    order: int = 0  # tie-breaker within one day: stage moves first, then the rest
    # The title as a catalogue message and its values, so a reader in another language sees
    # it in theirs; `title` stays the English words (documents and the CLI print it).
    words: tuple[str, Mapping[str, Any]] | None = None

    @property
    def record_id(self) -> int | None:
        return getattr(self.record, "id", None)

    def kind_in(self, language: str | None) -> str:
        """The event's kind ("Formal review") in ``language``."""
        return translate(language, self.kind_label)

    def title_in(self, language: str | None) -> str:
        """What happened, in ``language``: enum values as their labels, `Term`s translated."""
        if isinstance(self.title, Phrase) or self.words is None or language_of(language) == "en":
            return translate(language, self.title)
        message, values = self.words
        return Phrase(message, **values).said_in(language)

    def who_in(self, language: str | None) -> str:
        """Who took part, their roles in ``language`` (names stay as typed)."""
        return as_said(self.who, language)

    def detail_in(self, language: str | None) -> str:
        """The detail in ``language`` where the core worded it; the officer's text as typed."""
        return as_said(self.detail, language)


# Every event kind a source shows, marked for the catalogue (sources pass them as plain text).
KIND_WORDS = (
    N_("Case opened"),
    N_("Conversation"),
    N_("Indicator"),
    N_("Observation"),
    N_("Decision"),
    N_("Stage change"),
    N_("Exception"),
    N_("Coaching plan"),
    N_("Plan revision"),
    N_("Plan agreement"),
    N_("Milestone achieved"),
    N_("Progress"),
    N_("Formal review"),
    N_("Documentation pack"),
    N_("Closed"),
)


def _stage_name(services: Services, case_id: int) -> Callable[[str | None], str]:
    """Stage keys as the case's policy names them ("formal_concern" → "Formal concern")."""
    escalation = getattr(services, "escalation", None)
    policy = escalation.policy_for(services.cases.get(case_id)) if escalation else None

    def name(key: str | None) -> str:
        if not key:
            return "—"
        if key == "closed":
            return N_("Closed")
        if policy is not None and key in policy.stage_keys:
            return policy.stage_name(key)
        return key.replace("_", " ").capitalize()

    return name


def _role_of(person: str, role: Enum) -> Phrase:
    """ "Hana Officer (HR officer)": the name as typed, the role in the reader's language."""
    return Phrase(N_("{name} ({role})"), name=person, role=role)


def opening_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    case = services.cases.get(case_id)
    name = _stage_name(services, case_id)
    changes = services.cases.records(StageChange, case_id)
    if changes and not changes[0].from_stage:
        return  # the first stage change already says where the case opened
    first = changes[0].from_stage if changes else case.stage
    yield TimelineEvent(
        case.opened_on,
        "opened",
        "Case opened",
        f"Opened at {name(first)} ({case.track.label} track)",
        "",
        "",
        case,
        0,
        (
            N_("Opened at {stage} ({track} track)"),
            {"stage": Term(name(first)), "track": case.track},
        ),
    )


def conversation_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    for c in services.cases.records(Conversation, case_id):
        detail: str = c.summary
        if c.root_causes:
            detail = Phrase(
                N_("{summary} Root causes: {causes}."),
                summary=c.summary,
                causes=Labels(c.root_causes),
            )
        yield TimelineEvent(
            c.held_on,
            "conversation",
            "Conversation",
            f"{c.kind.label} conversation",
            detail,
            ", ".join(c.attendees),
            c,
            2,
            (N_("{kind} conversation"), {"kind": c.kind}),
        )


def indicator_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    for i in services.cases.records(Indicator, case_id):
        values = {"category": i.category, "metric": i.metric}
        if i.expected is not None:
            values |= {"actual": i.actual, "expected": i.expected}
            title = (
                Phrase(
                    N_("{category}: {metric} ({actual} against {expected} {unit})"),
                    unit=i.unit,
                    **values,
                )
                if i.unit
                else Phrase(N_("{category}: {metric} ({actual} against {expected})"), **values)
            )
        else:
            title = Phrase(N_("{category}: {metric}"), **values)
        yield TimelineEvent(i.observed_on, "indicator", "Indicator", title, i.note, i.source, i, 3)


def observation_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    for o in services.cases.records(Observation, case_id):
        who = f"{o.author} ({o.author_role})" if o.author_role else o.author
        yield TimelineEvent(
            o.observed_on,
            "observation",
            "Observation",
            Phrase(N_("Observation by {who}"), who=who),
            o.text,
            o.author,
            o,
            4,
        )


def decision_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    for d in services.cases.records(Decision, case_id):
        yield TimelineEvent(
            d.decided_on,
            "decision",
            "Decision",
            stored_text(d.summary),
            stored_text(d.rationale),
            _role_of(d.decided_by, d.role),
            d,
            5,
        )


def stage_change_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    name = _stage_name(services, case_id)
    for s in services.cases.records(StageChange, case_id):
        title = (
            f"Opened at {name(s.to_stage)}"
            if not s.from_stage
            else f"Moved from {name(s.from_stage)} to {name(s.to_stage)}"
        )
        stages = {"old": Term(name(s.from_stage)), "new": Term(name(s.to_stage))}
        words = (
            (N_("Opened at {new}"), stages)
            if not s.from_stage
            else (N_("Moved from {old} to {new}"), stages)
        )
        detail: str = s.reason
        if s.approvals:
            detail = Phrase(
                N_("{reason} Approvals: {approvals}."),
                reason=s.reason,
                approvals=stored_list(s.approvals),
            )
        yield TimelineEvent(
            s.changed_at.date(),
            "stage_change",
            "Stage change",
            title,
            detail,
            _role_of(s.actor, s.role),
            s,
            1,
            words,
        )


def exception_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    escalation = getattr(services, "escalation", None)
    if escalation is None:
        return
    for e in escalation.exceptions(case_id):
        yield TimelineEvent(
            e.requested_on,
            "exception",
            "Exception",
            f"{e.kind.label} ({e.status.label.lower()})",
            Rendered(e.describe),  # the officer's reason with the kind's terms
            e.requested_by,
            e,
            6,
            (N_("{kind} ({status})"), {"kind": e.kind, "status": e.status}),
        )


TimelineSource = Callable[["Services", int], Iterable[TimelineEvent]]

# Append a source here to show a new kind of record on every case's timeline.
TIMELINE_SOURCES: list[TimelineSource] = [
    opening_events,
    stage_change_events,
    conversation_events,
    indicator_events,
    observation_events,
    decision_events,
    exception_events,
]


def case_timeline(services: Services, case_id: int) -> list[TimelineEvent]:
    """Every event on the case, oldest first (stable within a day)."""
    events = [ev for source in TIMELINE_SOURCES for ev in source(services, case_id)]
    events.sort(key=lambda ev: (ev.on, ev.order, ev.record_id or 0))
    return events
