"""A record as readable, escaped HTML for the detail pane under each list of the case view."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.escalation.escalation_records import CaseException
from app.domain.records import Conversation, Decision, Indicator, Observation, StageChange
from app.domain.words.stored_words import stored_text
from app.models.roles import stage_label
from app.models.ui_formats import ui_formats, ui_label, ui_said
from app.services.cases.timeline import TimelineEvent


def _e(text: object) -> str:
    return html.escape(str(text))


def _para(text: str) -> str:
    return "<br>".join(_e(line) for line in text.splitlines()) if text else ""


def _row(label: str, value: object) -> str:
    if value in (None, "", ()):
        return ""
    if isinstance(value, datetime):
        value = ui_formats().datetime(value)  # local time, no 'T' or offset
    elif isinstance(value, date):
        value = ui_formats().date(value)
    shown = value if isinstance(value, str) and value.startswith("<") else _para(str(value))
    label = QCoreApplication.translate("RecordDetails", label)
    return f"<tr><td valign='top'><b>{_e(label)}</b></td><td>{shown}</td></tr>"


def _list(items: Iterable[str]) -> str:
    items = [i for i in items if i]
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>" if items else ""


def _table(title: str, rows: list[str]) -> str:
    return f"<h3>{_e(title)}</h3><table cellspacing='4'>{''.join(rows)}</table>"


def record_html(record: Any) -> str:
    """Detail HTML for any record the case view lists; '' for None."""
    if record is None:
        return ""
    if isinstance(record, TimelineEvent):
        inner = record_html(record.record)
        if inner:
            return inner
        language = ui_formats().language
        return _table(
            record.title_in(language),
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Date"), record.on),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Who"), record.who_in(language)),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Detail"), record.detail_in(language)),
            ],
        )
    if isinstance(record, Conversation):
        return _table(
            QCoreApplication.translate("RecordDetails", "%1 conversation on %2")
            .replace("%1", ui_label(record.kind))
            .replace("%2", ui_formats().date(record.held_on)),
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Attendees"), _list(record.attendees)),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Summary"), record.summary),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Constraints"), record.constraints),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Expectations"), record.expectations),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Root causes"),
                    ", ".join(ui_label(rc) for rc in record.root_causes),
                ),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Cause notes"), record.root_cause_notes),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Agreed actions"),
                    _list(record.agreed_actions),
                ),
            ],
        )
    if isinstance(record, Indicator):
        figures = ""
        if record.expected is not None:
            figures = (
                QCoreApplication.translate("RecordDetails", "%1 against %2")
                .replace("%1", f"{record.actual:g}")
                .replace("%2", f"{record.expected:g} {record.unit}".strip())
            )
        return _table(
            f"{ui_label(record.category)}: {record.metric}",
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Observed on"), record.observed_on),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Figures"), figures),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Source"), record.source),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Note"), record.note),
            ],
        )
    if isinstance(record, Observation):
        who = f"{record.author} ({record.author_role})" if record.author_role else record.author
        return _table(
            QCoreApplication.translate("RecordDetails", "Observation by %1").replace("%1", who),
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Observed on"), record.observed_on),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Observation"), record.text),
            ],
        )
    if isinstance(record, Decision):
        return _table(
            ui_said(stored_text(record.summary)).splitlines()[0]
            if record.summary
            else QCoreApplication.translate("RecordDetails", "Decision"),
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Decided on"), record.decided_on),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Decided by"),
                    f"{record.decided_by} ({ui_label(record.role)})",
                ),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Decision"),
                    ui_said(stored_text(record.summary)),
                ),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Rationale"),
                    ui_said(stored_text(record.rationale)),
                ),
            ],
        )
    if isinstance(record, StageChange):
        return _table(
            QCoreApplication.translate("RecordDetails", "Stage change"),
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "When"), record.changed_at),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "From"),
                    stage_label(record.from_stage) if record.from_stage else "—",
                ),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "To"), stage_label(record.to_stage)),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "By"),
                    f"{record.actor} ({ui_label(record.role)})",
                ),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Reason"), record.reason),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Approvals"),
                    _list([ui_said(stored_text(a)) for a in record.approvals]),
                ),
            ],
        )
    if isinstance(record, CaseException):
        approver = (
            f"{record.approver} ({ui_label(record.approver_role)})"
            if record.approver and record.approver_role
            else record.approver
        )
        return _table(
            f"{ui_label(record.kind)} — {ui_label(record.status)}",
            [
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Requested on"), record.requested_on),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Requested by"), record.requested_by),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Approver"), approver),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Reason"), record.reason),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Extra business days"),
                    record.extra_business_days or "",
                ),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Paused from"), record.starts_on),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Paused until"), record.ends_on),
                _row(
                    QT_TRANSLATE_NOOP("RecordDetails", "Skipped stage"),
                    stage_label(record.skip_stage) if record.skip_stage else "",
                ),
                _row(QT_TRANSLATE_NOOP("RecordDetails", "Decided on"), record.decided_on),
            ],
        )
    return ""  # other records (a plan, a review …) are described by their timeline event
