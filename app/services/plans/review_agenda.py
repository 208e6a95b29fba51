"""What is coming up: a review's agenda, the agenda across cases, and calendar (.ics) export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.documents.calendar.calendar_export import ReviewEvent, to_ics
from app.documents.calendar.calendar_reminders import check_alarm_minutes
from app.domain.clock import Clock
from app.domain.plans.reviews import Agenda, build_agenda
from app.domain.records import Case
from app.domain.words.formats import formats
from app.domain.words.wording import zone_label
from app.services.documents.export_file import new_file
from app.services.plans.plan_service import PlanService
from app.services.plans.reminder_dates import collect_reminders
from app.vault.repositories.review_repository import ReviewRepository
from app.vault.repositories.vault_settings import DOCUMENT_LANGUAGE, read_setting
from app.vault.vault import Vault


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the agenda across cases: a review or a micro-goal due."""

    on: date
    kind: str  # "review" or "micro_goal"
    case_id: int
    reference: str
    title: str
    at: str = ""  # "10:00 Europe/London" for reviews
    overdue: bool = False
    review_id: int | None = None


class ReviewAgenda:
    """Agendas and calendar export (a part of `ReviewService`, which sets the attributes
    below)."""

    vault: Vault
    clock: Clock
    plans: PlanService
    repo: ReviewRepository
    _escalation: Callable[[], Any]

    def agenda(self, case_id: int, language: str | None = None) -> Agenda:
        """The review agenda in ``language`` (default: the vault's document language)."""
        lang = language or read_setting(self.vault.conn, DOCUMENT_LANGUAGE, "en")
        return build_agenda(self.plans.active(case_id), self.plans.progress(case_id), lang)

    def agenda_entries(self, today: date, horizon_days: int = 28) -> list[AgendaEntry]:
        """Upcoming reviews and due micro-goals across all open cases, overdue marked."""
        until = today + timedelta(days=horizon_days)
        out = [
            AgendaEntry(
                on=u.review.on,
                kind="review",
                case_id=u.review.case_id,
                reference=u.reference,
                title="Formal review",
                at=f"{formats().time(u.review.starts_at)} {zone_label(u.review.timezone)}",
                overdue=u.review.on < today,
                review_id=u.review.id,
            )
            for u in self.repo.scheduled(until)
        ]
        out += [
            AgendaEntry(
                on=g.due_on,
                kind="micro_goal",
                case_id=g.case_id,
                reference=g.reference,
                title=f"{g.title} ({g.objective_title})",
                overdue=g.due_on < today,
            )
            for g in self.plans.due_micro_goals(until)
        ]
        return sorted(out, key=lambda e: (e.on, e.kind != "review", e.at, e.reference))

    # -- calendar export -----------------------------------------------------------------
    def calendar_events(
        self, case_id: int | None = None, review_id: int | None = None, include_names: bool = False
    ) -> list[ReviewEvent]:
        """One review, or every upcoming (and upcoming cancelled) review of open cases."""
        today = self.clock.today()
        if review_id is not None:
            reviews = [self.repo.get(review_id)]
        else:
            reviews = self.repo.for_calendar(today, case_id)
        out = []
        cases: dict[int, Case] = {}
        for r in reviews:
            case = cases.setdefault(r.case_id, self.vault.cases.get(r.case_id))
            name = agenda = ""
            if include_names:
                name = self.vault.employees.get(case.employee_id).name
                lang = read_setting(self.vault.conn, DOCUMENT_LANGUAGE, "en")
                agenda = self.agenda(case.id, lang).as_text(lang)
            out.append(ReviewEvent(r, case.reference, name, agenda))
        return sorted(out, key=lambda e: (e.review.utc_start, e.reference))

    def export_ics(
        self,
        target: Path,
        case_id: int | None = None,
        review_id: int | None = None,
        include_names: bool = False,
        reminders: bool = False,
        alarm_minutes: int | None = None,
    ) -> int:
        """Write an .ics file; returns how many events it holds. Audited, since names may
        leave the vault when the caller opts in.

        ``reminders`` adds check-ins, stage deadlines and micro-goal due dates (neutral
        all-day events; not with ``review_id``); ``alarm_minutes`` gives every event a
        display alarm that many minutes before (0 … a week).
        """
        check_alarm_minutes(alarm_minutes)
        events = self.calendar_events(case_id, review_id, include_names)
        extra = []
        if reminders and review_id is None:
            extra = collect_reminders(
                self.vault, self._escalation(), self.plans, self.clock.today(), case_id
            )
        data = to_ics(
            events,
            stamp=self.clock.now(),
            include_names=include_names,
            reminders=extra,
            alarm_minutes=alarm_minutes,
            language=read_setting(self.vault.conn, DOCUMENT_LANGUAGE, "en"),
        )
        # All or nothing: the file appears only once its audit event has committed.
        with new_file(Path(target), data), self.vault.write() as w:
            w.audit(
                "review.export_ics",
                "review",
                review_id or "",
                {
                    "events": len(events) + len(extra),
                    "reminders": len(extra),
                    "alarm_minutes": alarm_minutes,
                    "case_id": case_id,
                    "include_names": include_names,
                    "file": Path(target).name,
                },
            )
        return len(events) + len(extra)
