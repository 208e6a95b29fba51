"""The agenda of a review: each objective's latest progress, open micro-goals, resources and
the standing questions, in a document language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.plans.plans import CoachingPlan, MicroGoalStatus, ProgressUpdate
from app.domain.words.formats import formats
from app.domain.words.translation import N_, translate


@dataclass(frozen=True)
class AgendaObjective:
    title: str
    summary: str
    latest: ProgressUpdate | None
    open_micro_goals: tuple[str, ...]


@dataclass(frozen=True)
class Agenda:
    objectives: tuple[AgendaObjective, ...]
    resources: tuple[str, ...]
    questions: tuple[str, ...]

    def as_text(self, language: str = "en") -> str:
        def tr(message: str) -> str:
            return translate(language, message)

        lines: list[str] = []
        if self.objectives:
            lines.append(tr("Objectives"))
        for i, o in enumerate(self.objectives, start=1):
            lines.append(f"{i}. {o.title} — {o.summary}")
            if o.latest is not None:
                f = formats(language)
                value = f" ({f.number(o.latest.value)})" if o.latest.value is not None else ""
                when = f.date(o.latest.recorded_on)
                lines.append(
                    "   "
                    + tr("Latest progress {date}{value}: {note}").format(
                        date=when, value=value, note=o.latest.note
                    )
                )
            else:
                lines.append("   " + tr("No progress recorded yet."))
            for g in o.open_micro_goals:
                lines.append("   " + tr("Open micro-goal: {goal}").format(goal=g))
        if self.resources:
            lines.append(tr("Resources"))
            lines.extend(f"- {r}" for r in self.resources)
        lines.append(tr("Questions"))
        lines.extend(f"- {q}" for q in self.questions)
        return "\n".join(lines)


STANDARD_QUESTIONS = (
    N_("Is the plan working? What has helped most, and what has not?"),
    N_("Are the resources right, and have they been provided as committed?"),
    N_("Are the timelines still realistic?"),
    N_("Is the workload manageable alongside the plan?"),
    N_("Does the role still fit the employee's strengths? Would a role adjustment help?"),
    N_("Which targets should be refreshed for the next period?"),
)


NO_PLAN_YET = N_("There is no coaching plan yet: agree objectives first.")


def build_agenda(
    plan: CoachingPlan | None, progress: Sequence[ProgressUpdate], language: str = "en"
) -> Agenda:
    """The agenda of a review: each objective with its latest progress and open micro-goals,
    the resources committed, and the standing questions about workload and role fit; in
    ``language`` (a document language), dates in its locale."""

    def tr(message: str) -> str:
        return translate(language, message)

    day = formats(language).date
    if plan is None:
        return Agenda((), (), tuple(tr(q) for q in (NO_PLAN_YET, *STANDARD_QUESTIONS[3:5])))
    latest: dict[str, ProgressUpdate] = {}
    for p in sorted(progress, key=lambda u: (u.recorded_on, u.id or 0)):
        latest[p.objective_uid] = p
    items = tuple(
        AgendaObjective(
            title=o.title,
            summary=o.summary_in(language),
            latest=latest.get(o.uid),
            open_micro_goals=tuple(
                tr("{title} (due {date})").format(title=g.title, date=day(g.due_on))
                for g in o.micro_goals
                if g.status is MicroGoalStatus.OPEN
            ),
        )
        for o in plan.objectives
    )
    resources = tuple(
        f"{tr(r.kind.label)}: {r.description or tr(r.kind.label)} — {r.provider}"
        + (", " + tr("by {date}").format(date=day(r.by_date)) if r.by_date else "")
        for r in plan.resources
    )
    return Agenda(items, resources, tuple(tr(q) for q in STANDARD_QUESTIONS))
