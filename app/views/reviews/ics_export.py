"""The one .ics export every window uses: choose the file, ask about names, apply the alarm
and (unless the officer turned them off in Preferences) add the check-in, stage-deadline and
micro-goal reminders.

The agenda window and a case's Reviews tab both export through `export_calendar`, so the
officer's Preferences (the reminder alarm's minutes, kept in QSettings) reach every export.
The settings come from the nearest ancestor that exposes ``settings_store`` (the main window),
as Qt's parent chain already ties each view to it; a view built alone reads the default store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.settings_store import SettingsStore


def tr(text: str) -> str:
    return QCoreApplication.translate("CalendarExport", text)


def settings_of(widget: QWidget) -> SettingsStore:
    """The settings of the window ``widget`` sits in (the default store if none is found)."""
    node: Any = widget
    while node is not None:
        store = getattr(node, "settings_store", None)
        if isinstance(store, SettingsStore):
            return store
        node = node.parent()
    return SettingsStore()


def ask_include_names(parent: QWidget) -> bool | None:
    """Neutral by default; None when the officer cancels."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CalendarExport", "Export to calendar"),
        QCoreApplication.translate(
            "CalendarExport",
            "Calendar entries are titled 'Formal review – C-…' and carry no names or "
            "case content, because calendars are shared and synced.",
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        parent,
    )
    check = QCheckBox(
        QCoreApplication.translate(
            "CalendarExport", "Include the employee's name, participants and the agenda"
        )
    )
    box.setCheckBox(check)
    if box.exec() != QMessageBox.StandardButton.Save:
        return None
    return check.isChecked()


def export_calendar(
    parent: QWidget,
    services: Any,
    path: Path | None = None,
    include_names: bool | None = None,
    *,
    case_id: int | None = None,
    review_id: int | None = None,
) -> int:
    """Write an .ics file of the reviews in scope (all, a case's, or one) with the officer's
    alarm; returns how many events it holds, 0 when cancelled or refused (said in a box)."""
    if services is None:
        return 0
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CalendarExport", "Export to calendar"),
            "reviews.ics",
            QCoreApplication.translate("CalendarExport", "Calendar files (*.ics)"),
        )
        if not name:
            return 0
        path = Path(name)
    if include_names is None:
        include_names = ask_include_names(parent)
        if include_names is None:
            return 0
    settings = settings_of(parent)
    try:
        return services.reviews.export_ics(
            path,
            case_id=case_id,
            review_id=review_id,
            include_names=include_names,
            reminders=settings.calendar_reminders and review_id is None,
            alarm_minutes=settings.calendar_alarm_minutes,
        )
    except (OSError, ValueError, VaultError) as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("CalendarExport", "Calendar not exported"),
            ui_error(exc),
        )
        return 0
