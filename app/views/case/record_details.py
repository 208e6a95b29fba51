"""A record as readable, escaped HTML for the detail pane under each list of the case view."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from app.domain.escalation_records import CaseException
from app.domain.labels import stage_label
from app.domain.records import Conversation, Decision, Indicator, Observation, StageChange
from app.models.ui_formats import ui_formats
from app.services.timeline import TimelineEvent


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
        return _table(
            record.title,
            [_row("Date", record.on), _row("Who", record.who), _row("Detail", record.detail)],
        )
    if isinstance(record, Conversation):
        return _table(
            f"{record.kind.label} conversation on {ui_formats().date(record.held_on)}",
            [
                _row("Attendees", _list(record.attendees)),
                _row("Summary", record.summary),
                _row("Constraints", record.constraints),
                _row("Expectations", record.expectations),
                _row("Root causes", ", ".join(rc.label for rc in record.root_causes)),
                _row("Cause notes", record.root_cause_notes),
                _row("Agreed actions", _list(record.agreed_actions)),
            ],
        )
    if isinstance(record, Indicator):
        figures = ""
        if record.expected is not None:
            figures = f"{record.actual:g} against {record.expected:g} {record.unit}".strip()
        return _table(
            f"{record.category.label}: {record.metric}",
            [
                _row("Observed on", record.observed_on),
                _row("Figures", figures),
                _row("Source", record.source),
                _row("Note", record.note),
            ],
        )
    if isinstance(record, Observation):
        who = f"{record.author} ({record.author_role})" if record.author_role else record.author
        return _table(
            f"Observation by {who}",
            [_row("Observed on", record.observed_on), _row("Observation", record.text)],
        )
    if isinstance(record, Decision):
        return _table(
            record.summary.splitlines()[0] if record.summary else "Decision",
            [
                _row("Decided on", record.decided_on),
                _row("Decided by", f"{record.decided_by} ({record.role.label})"),
                _row("Decision", record.summary),
                _row("Rationale", record.rationale),
            ],
        )
    if isinstance(record, StageChange):
        return _table(
            "Stage change",
            [
                _row("When", record.changed_at),
                _row("From", stage_label(record.from_stage) if record.from_stage else "—"),
                _row("To", stage_label(record.to_stage)),
                _row("By", f"{record.actor} ({record.role.label})"),
                _row("Reason", record.reason),
                _row("Approvals", _list(record.approvals)),
            ],
        )
    if isinstance(record, CaseException):
        approver = (
            f"{record.approver} ({record.approver_role.label})"
            if record.approver and record.approver_role
            else record.approver
        )
        return _table(
            f"{record.kind.label} — {record.status.label}",
            [
                _row("Requested on", record.requested_on),
                _row("Requested by", record.requested_by),
                _row("Approver", approver),
                _row("Reason", record.reason),
                _row("Extra business days", record.extra_business_days or ""),
                _row("Paused from", record.starts_on),
                _row("Paused until", record.ends_on),
                _row("Skipped stage", stage_label(record.skip_stage) if record.skip_stage else ""),
                _row("Decided on", record.decided_on),
            ],
        )
    return ""  # other records (a plan, a review …) are described by their timeline event
