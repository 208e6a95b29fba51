"""Journey: an officer opens View → Calibration, names a pilot, sees drift and exports JSON."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from app.views.calibration.calibration_window import CalibrationWindow
from app.views.main_window import MainWindow
from app.views.settings_store import SettingsStore
from tests.journeys.walk import dialog as walk_dialog
from tests.journeys.walk import find_action, trigger
from tests.unit.plans.test_calibration import _seed


@pytest.fixture
def window(qtbot, services, tmp_path):
    _seed(services)
    w = MainWindow(services, SettingsStore.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_calibration_journey(window, qtbot, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(
        "app.views.calibration.calibration_window.QMessageBox.warning",
        lambda *a: warnings.append(a[2]),
    )
    assert find_action(window, "calibrationAction") in window.view_menu.actions()
    trigger(window, "calibrationAction")
    dialog = walk_dialog(qtbot, window, CalibrationWindow)
    dialog.start_edit.setDate(dialog.start_edit.date().fromString("2026-01-01", "yyyy-MM-dd"))
    qtbot.keyClicks(dialog.pilot_edit, "Ops")
    dialog.since_edit.setDate(dialog.since_edit.date().fromString("2026-01-01", "yyyy-MM-dd"))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    drift = [dialog.drift_list.item(i).text() for i in range(dialog.drift_list.count())]
    assert any(t.startswith("Sales: formal escalations per 100 employees") for t in drift)
    assert dialog.figures["pilot"]["pilot_after"]["cases"] == 10
    assert (
        dialog.rate_view.chart().series()[0].barSets()[0].count() == 2
    )  # Legal and Support withheld
    out = tmp_path / "cal.json"
    assert dialog.export("json", str(out))
    assert json.loads(out.read_text("utf-8"))["pilot"]["department"] == "Ops"
    assert out.stat().st_mode & 0o777 == 0o600
    last = window.services.vault.audit_events()[-1]
    assert (last.action, last.officer) == ("calibration.export", "Hana Officer")  # audited
    assert not dialog.export("json", str(out))  # an existing file is never overwritten
    assert warnings and "exists" in warnings[0]
    dialog.grab().save(str(tmp_path / "calibration_view.png"))
    assert (tmp_path / "calibration_view.png").stat().st_size > 0
