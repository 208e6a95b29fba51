"""The Reviews tab of a case: scheduled, held and cancelled reviews, agenda and outcomes.

"Schedule review…" plans one review or a series at the policy's cadence; a scheduled review can
be changed, cancelled, exported to a calendar, or have its outcome recorded once held.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans.reviews import Review, ReviewOutcome, ReviewStatus
from app.domain.words.wording import zone_label
from app.models.case.record_table_model import RecordColumn, one_line
from app.models.ui_formats import ui_error, ui_formats, ui_label
from app.services.errors import VaultError
from app.views.case.tabs.case_tab import CaseTab, detail_browser
from app.views.reviews.ics_export import export_calendar
from app.views.reviews.review_dialog import ReviewDialog
from app.views.reviews.review_outcome_dialog import ReviewOutcomeDialog
from app.views.widgets.record_list_section import RecordListSection


def review_html(
    review: Review,
    outcome: ReviewOutcome | None,
    agenda_text: str,
    objective_titles: dict[str, str],
) -> str:
    e = html.escape
    where = " · ".join(x for x in (review.location, review.call_link) if x)
    heading = (
        QCoreApplication.translate("ReviewsTab", "Formal review %1 %2 (%3)")
        .replace("%1", ui_formats().weekday_datetime(review.starts_at))
        .replace("%2", zone_label(review.timezone, ui_formats().language))
        .replace("%3", ui_label(review.status))
    )
    minutes = QCoreApplication.translate("ReviewsTab", "%1 min").replace(
        "%1", str(review.duration_minutes)
    )
    parts = [f"<h3>{e(heading)}</h3>", f"<p>{e(where)} · {e(minutes)}</p><ul>"]
    parts += [f"<li>{e(ui_label(p.role))}: {e(p.name)}</li>" for p in review.participants]
    parts.append("</ul>")
    if review.note:
        parts.append(
            f"<p><i>{e(QCoreApplication.translate('ReviewsTab', 'Note:'))}</i> {e(review.note)}</p>"
        )
    if outcome is not None:
        yes = {
            True: QCoreApplication.translate("ReviewsTab", "yes"),
            False: QCoreApplication.translate("ReviewsTab", "no"),
        }
        decided = QCoreApplication.translate("ReviewsTab", "Outcome: %1")
        decided = decided.replace("%1", ui_label(outcome.decision))
        parts.append(f"<h4>{e(decided)}</h4><p>{e(outcome.summary)}</p>")
        attended = QCoreApplication.translate("ReviewsTab", "Attended: %1")
        parts.append(
            "<p>" + e(attended.replace("%1", ", ".join(p.name for p in outcome.attended))) + "</p>"
        )
        unnamed = QCoreApplication.translate("ReviewsTab", "Objective")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{e(objective_titles.get(a.objective_uid, unnamed))}: "
                f"{e(ui_label(a.assessment))}"
                + (f" — {e(a.comment)}" if a.comment else "")
                + "</li>"
                for a in outcome.assessments
            )
            + "</ul>"
        )
        working = (
            QCoreApplication.translate(
                "ReviewsTab", "Plan working: %1 · resources right: %2 · timelines right: %3"
            )
            .replace("%1", yes[outcome.plan_working])
            .replace("%2", yes[outcome.resources_right])
            .replace("%3", yes[outcome.timelines_right])
        )
        parts.append(f"<p>{e(working)}</p>")
        for label, text in (
            (QCoreApplication.translate("ReviewsTab", "Role alignment:"), outcome.role_alignment),
            (QCoreApplication.translate("ReviewsTab", "Workload:"), outcome.workload),
        ):
            if text:
                parts.append(f"<p><i>{e(label)}</i> {e(text)}</p>")
        if outcome.next_review_on:
            nxt = QCoreApplication.translate("ReviewsTab", "Next review: %1")
            parts.append(
                f"<p>{e(nxt.replace('%1', ui_formats().date(outcome.next_review_on)))}</p>"
            )
    elif review.status is ReviewStatus.SCHEDULED:
        agenda = QCoreApplication.translate("ReviewsTab", "Agenda")
        parts.append(f"<h4>{e(agenda)}</h4><pre>" + e(agenda_text) + "</pre>")
    return "".join(parts)


class ReviewsTab(CaseTab):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self._outcomes: dict[int, ReviewOutcome] = {}
        self.reviews = RecordListSection(
            self.tr("Formal reviews"),
            (
                RecordColumn(
                    self.tr("When"),
                    lambda r: ui_formats().weekday_datetime(r.starts_at),
                    sort=lambda r: r.utc_start.isoformat(),
                ),
                RecordColumn(
                    self.tr("Zone"), lambda r: zone_label(r.timezone, ui_formats().language)
                ),
                RecordColumn(self.tr("Status"), lambda r: ui_label(r.status)),
                RecordColumn(
                    self.tr("Place or link"), lambda r: one_line(r.location or r.call_link, 50)
                ),
                RecordColumn(
                    self.tr("Participants"), lambda r: ", ".join(p.name for p in r.participants)
                ),
                RecordColumn(self.tr("Outcome"), lambda r: self._outcome_text(r)),
            ),
            self.tr("Schedule review…"),
            stretch_column=4,
            extra_buttons=[
                (self.tr("Record outcome…"), lambda: self.record_outcome()),
                (self.tr("Cancel review…"), lambda: self.cancel_selected()),
                (self.tr("Export to calendar…"), lambda: self.export_calendar()),
            ],
        )
        self.reviews.set_empty_text(self.tr("No review scheduled yet."))
        self.outcome_button, self.cancel_button, self.export_button = self.reviews.extra_buttons
        self.reviews.new_requested.connect(self.schedule)
        self.reviews.edit_requested.connect(self.change)
        self.reviews.selection_changed.connect(self._selected)
        self.detail = detail_browser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.reviews)
        splitter.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    def _outcome_text(self, review: Review) -> str:
        outcome = self._outcomes.get(review.id)
        return ui_label(outcome.decision) if outcome else ""

    def refresh(self) -> None:
        if self.services is None:
            return
        self._outcomes = {o.review_id: o for o in self.services.reviews.outcomes(self.case_id)}
        self.reviews.set_records(self.services.reviews.for_case(self.case_id))
        self._update_buttons()

    def clear(self) -> None:
        self._outcomes = {}
        self.reviews.clear()
        self.detail.clear()
        super().clear()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.reviews.set_enabled_actions(not read_only)
        self._update_buttons()

    def _selected(self, review: Review | None) -> None:
        if review is None or self.services is None:
            self.detail.clear()
        else:
            plan = self.services.plans.active(self.case_id)
            titles = {o.uid: o.title for o in (plan.objectives if plan else ())}
            agenda = self.services.reviews.agenda(self.case_id, ui_formats().language).as_text(
                ui_formats().language
            )
            self.detail.setHtml(review_html(review, self._outcomes.get(review.id), agenda, titles))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.reviews.selected()
        scheduled = isinstance(chosen, Review) and chosen.status is ReviewStatus.SCHEDULED
        writable = not self.read_only and self.services is not None
        self.outcome_button.setEnabled(writable and scheduled)
        self.cancel_button.setEnabled(writable and scheduled)
        self.export_button.setEnabled(self.services is not None)
        self.reviews.edit_button.setEnabled(writable and scheduled)

    # -- actions -------------------------------------------------------------------------
    def schedule(self) -> Any:
        return self.run_dialog(ReviewDialog(self.services, self.case_id, None, self))

    def change(self, review: Review) -> Any:
        if review.status is not ReviewStatus.SCHEDULED:
            return None
        return self.run_dialog(ReviewDialog(self.services, self.case_id, review, self))

    def record_outcome(self) -> Any:
        chosen = self.reviews.selected()
        if not isinstance(chosen, Review) or chosen.status is not ReviewStatus.SCHEDULED:
            return None
        return self.run_dialog(ReviewOutcomeDialog(self.services, chosen, self))

    def cancel_selected(self, reason: str | None = None) -> bool:
        chosen = self.reviews.selected()
        if not isinstance(chosen, Review) or chosen.status is not ReviewStatus.SCHEDULED:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Cancel review"), self.tr("Why is the review cancelled?")
            )
            if not ok:
                return False
        try:
            self.services.reviews.cancel(chosen.id, reason)
        except (ValueError, VaultError) as exc:
            self.warn(self.tr("Review not cancelled"), ui_error(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def export_calendar(self, path: Path | None = None, include_names: bool | None = None) -> int:
        """This case's reviews (or the selected one) to an .ics file, alarm from Preferences."""
        chosen = self.reviews.selected()
        review_id = chosen.id if isinstance(chosen, Review) else None
        return export_calendar(
            self,
            self.services,
            path,
            include_names,
            case_id=None if review_id else self.case_id,
            review_id=review_id,
        )
