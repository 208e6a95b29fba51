"""Nothing is left out: every action of the window and every dialog is walked by a journey.

The journeys record what they trigger and which dialogs they see (tests/journeys/walk.py).
This test enumerates every QAction of the main window and of a case view (and of their menus)
and every dialog class in app/views, and fails on any that no journey walked — so a new action
or dialog without a journey fails CI. Run on its own, it first runs the journeys in a child
process to collect the record, so it never passes for want of evidence.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QToolBar, QWidget

import app.views
from app.views.main_window import MainWindow
from app.views.settings_store import SettingsStore
from tests.factories import open_case
from tests.journeys import walk

HERE = Path(__file__).parent
# Bases that are never shown themselves.
ABSTRACT = {"BaseDialog", "RecordDialog", "_CaseRecordDialog"}


def dialog_classes() -> set[str]:
    names = set()
    for info in pkgutil.walk_packages(app.views.__path__, "app.views."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or name in ABSTRACT:
                continue
            if issubclass(cls, QWidget) and (issubclass(cls, QDialog) or name.endswith("Window")):
                names.add(name)
    return names


def named_actions(widget: QWidget) -> tuple[set[str], list[str]]:
    names, unnamed = set(), []
    toggles = {t.toggleViewAction() for t in widget.findChildren(QToolBar)}
    for action in widget.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None or action in toggles:
            continue
        name = action.objectName()
        if name.startswith(("_q_", "qt_")):
            continue  # Qt's own (line edit clear buttons …)
        if not name:
            unnamed.append(action.text())
        else:
            names.add(name)
    return names, unnamed


def _record() -> dict[str, set[str]]:
    if walk.WALKED_ACTIONS or walk.WALKED_DIALOGS:
        return {"actions": walk.WALKED_ACTIONS, "dialogs": walk.WALKED_DIALOGS}
    out = Path(os.environ.get("PYTEST_TMP", "/tmp")) / f"journeys-{os.getpid()}.json"
    journeys = sorted(str(p) for p in HERE.rglob("test_*.py") if p.name != Path(__file__).name)
    env = dict(os.environ, **{walk.RECORD_FILE: str(out)})
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *journeys],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    data = json.loads(out.read_text("utf-8"))
    out.unlink()
    return {k: set(v) for k, v in data.items()}


def test_every_action_and_dialog_is_walked_by_a_journey(qtbot, services, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_TMP", str(tmp_path))
    case = open_case(services)
    window = MainWindow(services, SettingsStore.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    workspace = window.open_case(case.id)
    actions, unnamed = named_actions(window)
    more, unnamed_ws = named_actions(workspace)
    assert not unnamed + unnamed_ws, f"actions without an objectName: {unnamed + unnamed_ws}"
    actions |= more
    assert {"newCaseAction", "refreshAction", "aboutAction"} <= actions  # the scan sees them
    dialogs = dialog_classes()
    assert {"NewCaseDialog", "TrackChangeDialog", "PlanDialog"} <= dialogs
    record = _record()
    missing_actions = sorted(actions - record["actions"])
    missing_dialogs = sorted(dialogs - record["dialogs"])
    assert not missing_actions + missing_dialogs, f"not walked: {missing_actions} {missing_dialogs}"
    assert not missing_dialogs, f"dialogs no journey opens: {missing_dialogs}"
